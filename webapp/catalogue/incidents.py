"""The incident page and merged reports (webapp/incidents, webapp/merging)."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
    "incident_n": ("Incident {id}", "الحادثة {id}"),
    "incident_page": ("incident page", "صفحة الحادثة"),
    "open_incident": ("Open the incident's page", "افتح صفحة الحادثة"),
    "sources": ("Sources", "المصادر"),
    "n_sources": ("{n} sources", "عدد المصادر: {n}"),
    "merged_report": (
        "This report was merged with others of the same event:",
        "دُمج هذا الخبر مع أخبار أخرى عن الحدث نفسه:",
    ),
    "merged_into": ("merged into incident {id}", "مدمجة في الحادثة {id}"),
    "merge_into": ("Merge into incident (id)", "ادمج في الحادثة (المعرّف)"),
    "merge": ("Merge", "ادمج"),
    "split_off": ("Split off", "افصل"),
    "incident_merged": ("Merged.", "دُمجت الحادثتان."),
    "incident_split": ("Split off: an incident of its own again.", "فُصلت: صارت حادثة مستقلة من جديد."),
    "injuries": ("Injuries", "الجرحى"),
    "counts": ("Counts", "الأعداد"),
    "no_history_incident": ("Nobody has changed this incident.", "لم يعدّل أحد هذه الحادثة."),
    "runner_up_hint": (
        "On the map: the chosen place (filled) and the runner-ups; click a runner-up to move the "
        "incident there.",
        "على الخريطة: المكان المختار (المعبّأ) والأماكن المرشحة الأخرى؛ انقر مرشحًا لنقل الحادثة إليه.",
    ),
}
