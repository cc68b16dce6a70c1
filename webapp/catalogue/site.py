"""The site's frame and the words every list shares: navigation, language switch, columns, paging."""

#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Syria incident map", "خريطة الحوادث في سوريا"),
    "map": ("Map", "الخريطة"),
    "upload": ("Upload", "رفع مقال"),
    "articles": ("Articles", "المقالات"),
    "incidents": ("Incidents", "الحوادث"),
    "gazetteer": ("Gazetteer", "المعجم الجغرافي"),
    "language": ("العربية", "English"),
    "title": ("Title", "العنوان"),
    "published": ("Published", "تاريخ النشر"),
    "language_col": ("Language", "اللغة"),
    "previous": ("Previous", "السابق"),
    "next": ("Next", "التالي"),
    "page": ("Page", "صفحة"),
    "of": ("of", "من"),
    "no_results": ("Nothing matches.", "لا توجد نتائج."),
    "sentence": ("Sentence", "الجملة"),
    "article": ("Article", "المقال"),
    "sub_type": ("Sub-type", "النوع الفرعي"),
    "results": ("results", "نتيجة"),
    # The error page.
    "error_status": ("Error {status}", "خطأ {status}"),
}
