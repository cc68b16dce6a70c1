"""The Arabic/English interface switch (webapp/i18n.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gazetteer.events.extract import ACLED_TYPES
from webapp.i18n import (
    ACTORS_AR,
    PLACE_TYPES_AR,
    STRINGS,
    actors_label,
    event_label,
    format_markup,
    lazy,
    localize,
    strings,
    text_dir,
    translate,
)


def test_every_string_has_both_languages():
    assert translate("article_existed", "ar") == "هذا المقال موجود مسبقًا، وهذه نسخته المحفوظة."
    for key, (en, ar) in STRINGS.items():
        assert en.strip() and ar.strip(), key
    assert translate("map", "ar") == "الخريطة" and translate("map", "en") == "Map"
    assert translate("no-such-key", "ar") == "no-such-key"
    assert strings("ar")["filters"] == "التصفية" and text_dir("ar") == "rtl" and text_dir("en") == "ltr"


def html_tag(page: str) -> str:
    return re.search(r"<html[^>]*>", page).group()


def test_switch_to_arabic_is_rtl_and_remembered(client):
    page = client.get("/articles").get_data(as_text=True)
    assert 'lang="en"' in html_tag(page) and 'dir="ltr"' in html_tag(page)
    page = client.get("/articles?lang=ar").get_data(as_text=True)
    assert 'lang="ar"' in html_tag(page) and 'dir="rtl"' in html_tag(page)
    assert ">المقالات<" in page and 'href="/articles?lang=en"' in page
    page = client.get("/incidents").get_data(as_text=True)  # the session keeps the choice
    assert 'dir="rtl"' in html_tag(page) and "نوع الحدث" in page
    page = client.get("/incidents?lang=en").get_data(as_text=True)
    assert 'dir="ltr"' in html_tag(page)
    assert 'dir="ltr"' in html_tag(client.get("/upload?lang=xx").get_data(as_text=True))


def test_map_page_follows_the_language(client):
    page = client.get("/map?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in html_tag(page) and 'lang="ar"' in html_tag(page)
    assert 'dir="ltr"' in html_tag(client.get("/map?lang=en").get_data(as_text=True))


# --- Every page in both languages -------------------------------------------------------------

# An Arabic report written for these tests, in the style of a Syrian news site.
ARABIC_REPORT = (
    "قصفت طائرات حربية روسية صباح اليوم الأحد مدينة إدلب وبلدة سراقب، ما أدى إلى مقتل ثلاثة مدنيين.\n\n"
    "وقالت مصادر محلية إن القصف استهدف أحياء سكنية قرب الطريق الدولي M4."
)

# English labels that must not be left on an Arabic page, per page.
ENGLISH_LABELS = {
    "upload": [
        "Upload an article",
        "Article text",
        "Publication date",
        "Source URL",
        "Extract incidents",
        "Detect automatically",
        "characters.",
    ],
    "article": [
        "Published",
        "sentences",
        "place mentions",
        "Sub-type",
        "Fatalities",
        "Precision",
        "on the map",
        ">Incidents<",
        "Russian forces",
    ],
    "search": [">Gazetteer<", ">Search<", "places for", 'aria-label="Place name"'],
    "place": [">Type<", ">Coordinates<", ">Parents<", ">Other names<", ">Licence<", "Map of"],
    "incidents": [">Date<", ">Event type<", ">Actors<", ">Show on map<"],
    "error": ["Error 404", "No article"],
}


def visible(page: str) -> str:
    """The page without <script>/<style> and the iframe's srcdoc (third-party map code)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    return re.sub(r'srcdoc="[^"]*"', "", page)


def get(client, url: str, lang: str, status: int = 200) -> str:
    response = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
    assert response.status_code == status, url
    return visible(response.get_data(as_text=True))


def assert_arabic(page: str, labels: list[str], english: list[str]) -> None:
    assert 'lang="ar"' in html_tag(page) and 'dir="rtl"' in html_tag(page)
    for label in labels:
        assert label in page, label
    for label in english:
        assert label not in page, label


def assert_english(page: str, labels: list[str]) -> None:
    assert 'lang="en"' in html_tag(page) and 'dir="ltr"' in html_tag(page)
    for label in labels:
        assert label in page, label


@pytest.fixture
def arabic_article(client) -> str:
    body = client.post(
        "/api/articles",
        json={"text": ARABIC_REPORT, "title": "غارات روسية على إدلب", "published": "2020-09-20"},
    ).get_json()
    return body["url"]


def test_upload_page_in_both_languages(client):
    page = get(client, "/upload", "ar")
    assert_arabic(
        page,
        ["رفع مقال", "نص المقال", "تاريخ النشر", "رابط المصدر", "اللغة", "استخراج الحوادث", "تحديد تلقائي"],
        ENGLISH_LABELS["upload"],
    )
    assert re.search(r"<bdi>[\d,]+</bdi>", page), "the character limit is isolated in Arabic text"
    assert_english(get(client, "/upload", "en"), ENGLISH_LABELS["upload"])


def test_upload_errors_in_arabic(client):
    response = client.post("/upload?lang=ar", data={"text": "", "published": "20-09-2020"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'dir="rtl"' in html_tag(page)
    assert "قيمة التاريخ غير صالحة" in page and "Not a valid date" not in page  # WTForms' Arabic catalogue
    response = client.post("/upload?lang=ar", data={"text": "   "})
    page = response.get_data(as_text=True)
    assert "نص المقال فارغ." in page and "The article text is empty." not in page
    page = client.post("/upload?lang=ar", data={"text": "\u200b", "published": "1899-12-31"}).get_data(
        as_text=True
    )
    assert "خارج النطاق المقبول" in page and "out of range" not in page


def test_duplicate_flash_in_arabic(client):
    client.post("/upload?lang=ar", data={"text": ARABIC_REPORT})
    page = client.post("/upload", data={"text": ARABIC_REPORT}, follow_redirects=True).get_data(as_text=True)
    assert "هذا المقال موجود مسبقًا" in page and "already existed" not in page


def test_article_page_in_both_languages(client, arabic_article):
    page = get(client, arabic_article, "ar")
    assert_arabic(
        page,
        [
            "نوع الحدث",
            "الدقة الجغرافية",
            "الأطراف",
            "القتلى",
            "الجملة المصدر",
            "الحوادث",
            "غارة جوية/بطائرة مسيّرة",
            "على الخريطة",
            "<bdi>2020-09-20</bdi>",
            "القوات الروسية",
        ],
        ENGLISH_LABELS["article"],
    )
    assert '<article class="article" lang="ar" dir="rtl">' in page and '<h1 dir="auto">' in page
    # Mentions name the place in Arabic first.
    assert 'title="\u2068إدلب\u2069 — \u2068Idlib\u2069 (مدينة)">إدلب</mark>' in page
    page = get(client, arabic_article, "en")
    assert_english(
        page, ["Published", "sentences", "Sub-type", "Fatalities", "Air/drone strike", ">Incidents<"]
    )
    assert '<article class="article" lang="ar" dir="rtl">' in page  # the article keeps its direction


def test_gazetteer_pages_in_both_languages(client):
    page = get(client, "/gazetteer/?q=إدلب", "ar")
    assert_arabic(
        page,
        ["المعجم الجغرافي", "نتائج البحث عن", "مدينة", 'aria-label="اسم المكان"'],
        ENGLISH_LABELS["search"],
    )
    assert_english(get(client, "/gazetteer/?q=Idlib", "en"), ["Gazetteer", "place for", "city"])
    page = get(client, "/gazetteer/t:idlib", "ar")
    assert_arabic(
        page,
        ["نوع المكان", "الإحداثيات", "التبعية الإدارية", "الترخيص", "<bdi>إدلب</bdi>", "<bdi>165,000</bdi>"],
        ENGLISH_LABELS["place"],
    )
    assert_english(
        get(client, "/gazetteer/t:idlib", "en"), ["Type", "Coordinates", "Parents", "Licence", "165,000"]
    )


def test_incidents_list_in_both_languages(client, arabic_article):
    page = get(client, "/incidents", "ar")
    assert_arabic(
        page,
        ["التاريخ", "نوع الحدث", "الأطراف", "اعرض على الخريطة", "غارة جوية/بطائرة مسيّرة"],
        ENGLISH_LABELS["incidents"],
    )
    assert_english(get(client, "/incidents", "en"), ["Date", "Event type", "Show on map", "Air/drone strike"])


def test_error_page_in_both_languages(client):
    page = get(client, "/articles/999", "ar", status=404)
    assert_arabic(
        page,
        ["خطأ <bdi>404</bdi>", "لا يوجد \u2068مقال\u2069 بالمعرّف \u2068999\u2069."],
        ENGLISH_LABELS["error"],
    )
    page = get(client, "/no-such-page", "ar", status=404)
    assert "الصفحة المطلوبة غير موجودة" in page and "requested URL" not in page
    assert_english(get(client, "/articles/999", "en", status=404), ["Error 404", "No article 999."])


# --- The message catalogue ----------------------------------------------------------------------


def test_format_markup_isolates_parameters():
    assert format_markup("n_incidents", "ar", n=3) == "عدد الحوادث: <bdi>3</bdi>"
    assert format_markup("n_incidents", "en", n=3) == "3 incidents"
    assert format_markup("map_of", "en", name="<b>") == "Map of <bdi>&lt;b&gt;</bdi>"


def test_localize_renders_messages_and_looks_up_library_texts():
    from werkzeug.exceptions import NotFound as HttpNotFound

    from webapp.messages import Message

    empty = Message("article.empty")
    assert localize(empty, "ar") == "نص المقال فارغ."
    assert localize(empty, "en") == "The article text is empty."
    assert localize(HttpNotFound.description, "ar").startswith("الصفحة المطلوبة غير موجودة")
    assert localize("The CSRF token is missing.", "ar").startswith("رمز الحماية (CSRF) مفقود")
    assert localize("The CSRF token is missing.", "en") == "The CSRF token is missing."
    assert localize("Something new.", "ar") == "Something new."
    label = lazy("field_text")
    assert localize(label, "ar") is label  # a lazy label translates itself when shown


def test_event_labels():
    assert event_label("Battles", "ar") == "معارك" and event_label("Battles", "en") == "Battles"
    assert event_label("Made-up type", "ar") == "Made-up type"


def test_every_acled_type_has_an_arabic_and_an_english_label():
    """The extractor produces only ACLED's types (events.yaml is checked against ACLED_TYPES on load)."""
    names = [*ACLED_TYPES, *(sub for subs in ACLED_TYPES.values() for sub in subs)]
    assert len(names) == 6 + 25
    for name in names:
        assert re.search("[\u0600-\u06ff]", event_label(name, "ar")), name
        assert event_label(name, "en") == name
    labels = [event_label(name, "ar") for name in names]
    assert sorted(set(labels)) == sorted(labels)  # "Attack" and "Other" are not one label twice


def test_place_types_cover_the_gazetteer():
    from gazetteer import PlaceType

    assert {t.value for t in PlaceType} <= set(PLACE_TYPES_AR)


def test_lazy_labels_follow_the_request(app):
    label = lazy("field_text")
    with app.test_request_context("/?lang=ar"):
        assert str(label) == "نص المقال"
    with app.test_request_context("/"):
        assert str(label) == "Article text"
    assert str(label) == "Article text"  # outside a request: English
    with pytest.raises(KeyError):
        lazy("no-such-key")


def test_actor_names_cover_the_lexicon():
    lexicon = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "lexicon" / "actors.yaml"
    names = re.findall(r"^  - name: (.+)$", lexicon.read_text("utf-8"), re.M)
    assert names and set(names) <= set(ACTORS_AR)
    assert actors_label(["Russian forces", "Civilians"], "ar") == "القوات الروسية، مدنيون"
    assert actors_label(["Russian forces", "Civilians"], "en") == "Russian forces, Civilians"
    assert actors_label(None, "ar") == ""


def test_job_page_in_both_languages(app):
    from flask import render_template

    from webapp.errors import InvalidArticle

    info = {"id": "job-42", "status": "queued"}
    with app.test_request_context("/jobs/job-42?lang=ar"):
        page = render_template("articles/job.html", info=info, error=None)
        assert_arabic(page, ["جارٍ تحليل المقال", "<bdi>job-42</bdi>", "في الانتظار"], ["Ingesting", "queued"])
        error = InvalidArticle.empty_text().as_message()
        page = render_template("articles/job.html", info=info, error=error)
        assert "نص المقال فارغ." in page and "العودة إلى النموذج" in page
    with app.test_request_context("/jobs/job-42?lang=en"):
        page = render_template("articles/job.html", info=info, error=None)
        assert_english(page, ["Ingesting the article", "<bdi>job-42</bdi> is <bdi>queued</bdi>"])


def test_every_job_state_has_a_label():
    from rq.job import JobStatus

    for state in JobStatus:
        assert translate(f"job_{state.value}", "ar") != f"job_{state.value}", state


def test_upload_rejections_in_arabic(app, client):
    import io

    app.config["MAX_CONTENT_LENGTH"] = 10_000
    data = {"file": (io.BytesIO(("إدلب " * 5000).encode("utf-8")), "big.txt")}
    response = client.post("/upload?lang=ar", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "الملف المرفوع كبير جدًا" in page and "too large" not in page
    app.config["WTF_CSRF_ENABLED"] = True
    page = client.post("/upload?lang=ar", data={"text": ARABIC_REPORT}).get_data(as_text=True)
    assert "رمز الحماية (CSRF) مفقود" in page and "CSRF token is missing" not in page


@pytest.mark.parametrize(
    "url",
    ["/map?_anchor=x", "/incidents?_scheme=x&_external=1", "/articles?_method=POST", "/gazetteer?place_id=7"],
)
def test_language_link_keeps_odd_query_parameters_as_parameters(client, url):
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "lang=ar" in page and "http://localhost" not in page.split("lang=ar")[0][-200:]
