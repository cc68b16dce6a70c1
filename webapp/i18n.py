"""Arabic/English interface strings and the language switch.

``?lang=ar`` or ``?lang=en`` on any page chooses the interface language and
keeps it in the session; otherwise the session's choice, then English.
Templates get ``t(key)``, ``ui_lang``, ``ui_dir`` (``rtl`` in Arabic) and
``lang_url(code)``; the map's JavaScript gets :func:`strings` as JSON.
Article text keeps its own direction whatever the interface language.
"""

from __future__ import annotations

from flask import Flask, request, session, url_for

LANGUAGES = ("en", "ar")
RTL = frozenset({"ar"})

#: key → (English, Arabic).
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Syria incident map", "خريطة الحوادث في سوريا"),
    "map": ("Map", "الخريطة"),
    "upload": ("Upload", "رفع مقال"),
    "articles": ("Articles", "المقالات"),
    "incidents": ("Incidents", "الحوادث"),
    "gazetteer": ("Gazetteer", "المعجم الجغرافي"),
    "language": ("العربية", "English"),
    "filters": ("Filters", "التصفية"),
    "from": ("From", "من"),
    "to": ("To", "إلى"),
    "type": ("Event type", "نوع الحدث"),
    "actor": ("Actor", "الفاعل"),
    "governorate": ("Governorate", "المحافظة"),
    "precision": ("Precision", "الدقة"),
    "search": ("Search", "بحث"),
    "source": ("Source", "المصدر"),
    "apply": ("Apply", "تطبيق"),
    "reset": ("Reset", "إعادة ضبط"),
    "any": ("Any", "الكل"),
    "in_view": ("incidents in view", "حادثة في العرض"),
    "matching": ("matching", "مطابقة"),
    "export": ("Export", "تصدير"),
    "timeline": ("Timeline", "الخط الزمني"),
    "play": ("Play", "تشغيل"),
    "pause": ("Pause", "إيقاف"),
    "all_dates": ("All dates", "كل التواريخ"),
    "layers": ("Layers", "الطبقات"),
    "legend": ("Legend", "مفتاح الخريطة"),
    "heat": ("Heat (incident density)", "الكثافة الحرارية"),
    "choropleth": ("Incidents per governorate", "الحوادث حسب المحافظة"),
    "roads": ("Roads", "الطرق"),
    "outline": ("Syria outline", "حدود سوريا"),
    "date": ("Date", "التاريخ"),
    "place": ("Place", "المكان"),
    "where": ("Where", "الموقع"),
    "actors": ("Actors", "الأطراف"),
    "fatalities": ("Fatalities", "القتلى"),
    "exact": ("exact place", "مكان محدد"),
    "near": ("near", "بالقرب من"),
    "approximate": ("approximate (area)", "تقريبي (منطقة)"),
    "open_sentence": ("Open the sentence in the article", "افتح الجملة في المقال"),
    "show_on_map": ("Show on map", "اعرض على الخريطة"),
    "unknown": ("unknown", "غير معروف"),
    "cluster": ("incidents here; zoom in", "حادثة هنا؛ قرّب الخريطة"),
    "loading": ("Loading…", "جارٍ التحميل…"),
    "load_error": ("Could not load incidents", "تعذّر تحميل الحوادث"),
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
}


def current_lang() -> str:
    """The interface language of this request: ``?lang=``, then the session, then English."""
    asked = request.args.get("lang", "")
    if asked in LANGUAGES:
        return asked
    stored = session.get("lang", "")
    return stored if stored in LANGUAGES else "en"


def translate(key: str, lang: str | None = None) -> str:
    """The string ``key`` in ``lang`` (default: the current language); the key itself when unknown."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    return pair[1] if (lang or current_lang()) == "ar" else pair[0]


def strings(lang: str) -> dict[str, str]:
    """Every interface string in ``lang`` (for the map's JavaScript)."""
    return {key: (ar if lang == "ar" else en) for key, (en, ar) in STRINGS.items()}


def text_dir(lang: str) -> str:
    """``rtl`` for right-to-left languages, else ``ltr``."""
    return "rtl" if lang in RTL else "ltr"


def lang_url(code: str) -> str:
    """The current page with ``lang=code`` (other query parameters kept)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    view_args = dict(request.view_args or {})
    if request.endpoint is None:
        return f"?lang={code}"
    return url_for(request.endpoint, **view_args, **args)


def init_app(app: Flask) -> None:
    """Keep a ``?lang=`` choice in the session; templates get ``t``, ``ui_lang``, ``ui_dir``, ``lang_url``."""

    @app.before_request
    def remember_lang() -> None:
        asked = request.args.get("lang", "")
        if asked in LANGUAGES and session.get("lang") != asked:
            session["lang"] = asked

    @app.context_processor
    def inject() -> dict[str, object]:
        lang = current_lang()
        return {
            "t": lambda key: translate(key, lang),
            "ui_lang": lang,
            "ui_dir": text_dir(lang),
            "lang_url": lang_url,
        }
