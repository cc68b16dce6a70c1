"""The upload form (its labels are lazy keys in webapp/articles/forms.py), the article page, and the
page that waits for an ingestion job."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
    "upload_title": ("Upload an article", "رفع مقال"),
    "field_text": ("Article text", "نص المقال"),
    "field_file": (
        "…or a file (.txt, .md, .html; UTF-8 or Windows-1256)",
        "…أو ملف نصي (txt أو md أو html، بترميز UTF-8 أو Windows-1256)",
    ),
    "field_published": ("Publication date", "تاريخ النشر"),
    "field_source_url": ("Source URL", "رابط المصدر"),
    "lang_auto": ("Detect automatically", "تحديد تلقائي"),
    "lang_ar": ("Arabic — العربية", "العربية"),
    "lang_en": ("English", "الإنكليزية"),
    "bad_extension": (
        "Upload a .txt, .md or .html file, or a .jsonl or .zip of articles.",
        "ارفع ملفًا بصيغة txt أو md أو html، أو ملف jsonl أو zip من المقالات.",
    ),
    "upload_limits": (
        "Up to {mb} MB and {chars} characters.",
        "الحجم الأقصى {mb} ميغابايت، والحد الأقصى لعدد الأحرف {chars}.",
    ),
    "extract": ("Extract incidents", "استخراج الحوادث"),
    # Article page.
    "published_on": ("Published {date}", "تاريخ النشر: {date}"),
    "n_sentences": ("{n} sentences", "عدد الجمل: {n}"),
    "n_mentions": ("{n} place mentions", "الأماكن المذكورة: {n}"),
    "n_incidents": ("{n} incidents", "عدد الحوادث: {n}"),
    "on_the_map": ("on the map", "على الخريطة"),
    "geo_precision": ("Precision", "الدقة الجغرافية"),
    "source_sentence": ("Sentence", "الجملة المصدر"),
    "no_incidents": ("No incidents were found in this article.", "لم يُعثر على حوادث في هذا المقال."),
    "unresolved": ("unresolved", "موقع غير محدد"),
    "precision_1": ("exact place", "المكان نفسه"),
    "precision_2": ("near the place", "بالقرب من المكان"),
    "precision_3": ("approximate: district or governorate", "تقريبي: منطقة أو محافظة"),
    "date_week": ("week", "بدقة الأسبوع"),
    "date_month": ("month", "بدقة الشهر"),
    "date_year": ("year", "بدقة السنة"),
    # The page that waits for an ingestion job, and error pages.
    "ingesting": ("Ingesting…", "جارٍ التحليل…"),
    "ingesting_article": ("Ingesting the article", "جارٍ تحليل المقال"),
    "back_to_form": ("Back to the form", "العودة إلى النموذج"),
    "job_status": (
        "Job {id} is {status}; this page refreshes until it is done.",
        "المهمة {id}: {status}. تُحدَّث هذه الصفحة تلقائيًا حتى تنتهي.",
    ),
    "article_existed": (
        "This article already existed; here is the stored copy.",
        "هذا المقال موجود مسبقًا، وهذه نسخته المحفوظة.",
    ),
}
