"""Batch jobs (webapp/jobs) and the states of queued jobs (rq's JobStatus values)."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
    "jobs": ("Jobs", "المهام"),
    "jobs_title": ("Batch jobs", "مهام الدفعات"),
    "no_jobs": (
        "No batch job yet: upload a .jsonl or .zip of articles.",
        "لا توجد مهام دفعات بعد: ارفع ملف jsonl أو zip يضم مقالات.",
    ),
    "batch_job": ("Batch job {id}", "مهمة الدفعة {id}"),
    "job_source": ("File", "الملف"),
    "job_state": ("State", "الحالة"),
    "job_progress_col": ("Progress", "التقدم"),
    "job_started_at": ("Submitted", "تاريخ الإرسال"),
    "job_progress": ("{done} of {total} run", "نُفّذ {done} من {total}"),
    "job_counts": (
        "{created} created, {existing} existing, {failed} failed",
        "{created} جديد، {existing} موجود مسبقًا، {failed} فشل",
    ),
    "batch_queued": ("waiting", "بانتظار التنفيذ"),
    "batch_running": ("running", "قيد التنفيذ"),
    "batch_done": ("done", "اكتملت"),
    "batch_partial": ("partly done", "اكتملت جزئيًا"),
    "batch_failed": ("failed", "فشلت"),
    "job_refreshing": (
        "This page refreshes until the job ends.",
        "تُحدَّث هذه الصفحة تلقائيًا حتى تنتهي المهمة.",
    ),
    "job_resume": ("Run the failed and remaining articles again", "أعد تشغيل المقالات الفاشلة والمتبقية"),
    "job_resume_hint": ("From a shell:", "من سطر الأوامر:"),
    "failed_items": ("Articles that failed", "المقالات التي فشلت"),
    "job_item": ("Article", "المقال"),
    "job_error_col": ("Error", "الخطأ"),
    "upload_batch_hint": (
        "A .jsonl file (one JSON object a line: text, title, date) or a .zip of articles "
        "becomes one batch job, shown on the Jobs page.",
        "ملف jsonl (كائن JSON لكل مقال في كل سطر) أو أرشيف zip من المقالات "
        "يصبح مهمة دفعة واحدة تظهر في صفحة المهام.",
    ),
    # Job states (rq's JobStatus values).
    "job_created": ("created", "أُنشئت"),
    "job_queued": ("queued", "في الانتظار"),
    "job_started": ("started", "قيد التنفيذ"),
    "job_deferred": ("deferred", "مؤجلة"),
    "job_scheduled": ("scheduled", "مجدولة"),
    "job_finished": ("finished", "انتهت"),
    "job_failed": ("failed", "فشلت"),
    "job_canceled": ("canceled", "أُلغيت"),
    "job_stopped": ("stopped", "أُوقفت"),
    "job_rate_limited": ("rate limited", "مؤجلة بسبب حد المعدل"),
    "job_ready_to_enqueue": ("ready to enqueue", "جاهزة للإدراج في الطابور"),
}
