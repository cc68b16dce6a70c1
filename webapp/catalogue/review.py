"""The review queue and the history of changes (webapp/review, the article page)."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
    "review": ("Review", "المراجعة"),
    "review_title": ("Review queue", "قائمة المراجعة"),
    "review_intro": (
        "Unreviewed incidents, the least certain first: lowest resolution score, most names left "
        "unresolved, most candidate places.",
        "الحوادث التي لم تُراجع بعد، الأقل يقينًا أولًا: أدنى درجة تحديد للمكان، ثم أكثرها أسماء غير محددة، "
        "ثم أكثرها أماكن مرشحة.",
    ),
    "review_empty": ("Nothing is waiting for review.", "لا شيء بانتظار المراجعة."),
    "review_saved": ("Saved.", "حُفظ التعديل."),
    "score": ("Score", "الدرجة"),
    "n_unresolved": ("{n} unresolved names", "أسماء غير محددة: {n}"),
    "chosen_place": ("Chosen place", "المكان المختار"),
    "pick_place": ("Use this place", "اعتمد هذا المكان"),
    "move_to": ("Move to (place name or id)", "انقل إلى (اسم المكان أو معرّفه)"),
    "move": ("Move", "انقل"),
    "verify": ("Verify", "تأكيد"),
    "reject": ("Reject", "رفض"),
    "status": ("Status", "الحالة"),
    "status_unreviewed": ("unreviewed", "لم تُراجع"),
    "status_verified": ("verified", "مؤكدة"),
    "status_rejected": ("rejected", "مرفوضة"),
    "status_all": ("all, rejected too", "الكل، مع المرفوضة"),
    "status_default": ("not rejected", "غير المرفوضة"),
    "history": ("History", "سجل التعديلات"),
    "no_history": ("Nobody has changed these incidents.", "لم يعدّل أحد هذه الحوادث."),
    "when": ("When", "الوقت"),
    "who": ("Who", "من"),
    "what": ("What", "التعديل"),
    "incident": ("Incident", "الحادثة"),
    "before": ("Before", "قبل"),
    "after": ("After", "بعد"),
    "action_status": ("review status", "حالة المراجعة"),
    "action_place": ("place", "المكان"),
    "action_location": ("point", "النقطة"),
    "action_type": ("type", "النوع"),
    "action_merge": ("merge", "دمج"),
    "action_split": ("split", "فصل"),
    "action_re-resolution": ("re-resolution (a place was pinned)", "إعادة تحديد الموقع (بعد تثبيت مكان)"),
}
