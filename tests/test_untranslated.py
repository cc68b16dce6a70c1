"""No page leaves catalogue strings untranslated: every HTML page, in both languages, is scanned.

The pages are every GET route that answers HTML (those with arguments filled from an ingested
article), listed from the app's URL map so that a new page is scanned too.  A text or a label
attribute of the page that is exactly a catalogue string in the other language fails the test.
Article text, names and the language switch are data, not interface, and are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html

from webapp.i18n import EVENT_TYPES_AR, PLACE_TYPES_AR, STRINGS

SCRIPTS = Path(__file__).resolve().parents[1] / "static" / "js"
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")

ARABIC_REPORT = (
    "قصفت طائرات حربية روسية صباح اليوم الأحد مدينة إدلب وبلدة سراقب، ما أدى إلى مقتل ثلاثة مدنيين.\n\n"
    "وقالت مصادر محلية إن القصف استهدف أحياء سكنية قرب الطريق الدولي M4."
)
#: Routes that answer no HTML page (data, files, redirects).
NOT_PAGES = ("/api/", "/static/", "/vendor/", "/export/", "/favicon.ico", "/healthz")
#: Attributes people read (or hear) as interface text.
LABEL_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
#: Catalogue strings that are the same, or meant to be, in both languages.
BILINGUAL = {"language"}  # the switch names the other language in that language


def catalogue(lang: str) -> dict[str, str]:
    """Interface text in ``lang`` that differs from the other language's, text → key."""
    index = 0 if lang == "en" else 1
    texts = {pair[index]: key for key, pair in STRINGS.items() if key not in BILINGUAL and pair[0] != pair[1]}
    if lang == "en":
        texts.update({name: f"event:{name}" for name in EVENT_TYPES_AR})
        texts.update({value: f"type:{value}" for value in PLACE_TYPES_AR})
    else:
        texts.update({label: f"event:{name}" for name, label in EVENT_TYPES_AR.items()})
        texts.update({label: f"type:{value}" for value, label in PLACE_TYPES_AR.items()})
    # Parameterised strings are matched by their fixed text only when they have some.
    return {re.sub(r"\{\w+\}", "", text).strip(): key for text, key in texts.items() if len(text) > 2}


def interface_texts(page: str, *, drop: str = "") -> set[str]:
    """The page's visible texts and label attributes, outside article text and names (``dir=auto``,
    ``<bdi>``, another ``lang``) and the elements the XPath ``drop`` selects."""
    root = html.fromstring(page)
    data = "//script|//style|//*[@dir='auto']|//bdi|//*[@lang and not(@lang=/html/@lang)]"
    for node in root.xpath(data + (f"|{drop}" if drop else "")):
        node.drop_tree()
    texts = {t.strip() for t in root.xpath("//text()") if t.strip()}
    for name in LABEL_ATTRIBUTES:
        texts.update(v.strip() for v in root.xpath(f"//@{name}") if v.strip())
    return texts


def ingest(client) -> dict[str, object]:
    """Ingest the Arabic report; the values that fill the pages' URL arguments."""
    body = client.post(
        "/api/articles",
        json={"text": ARABIC_REPORT, "title": "غارات روسية على إدلب", "published": "2020-09-20"},
    ).get_json()
    return {"article_id": body["id"], "place_id": "t:idlib"}


def get(client, url: str, lang: str):  # noqa: ANN201 - a Flask test response
    return client.get(url + ("&" if "?" in url else "?") + f"lang={lang}")


@pytest.fixture
def pages(app, client) -> list[str]:
    """Every HTML page's URL, with an ingested Arabic article and its place to fill the arguments."""
    values = ingest(client)
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith(NOT_PAGES) or rule.rule in ("/",):
            continue
        if set(rule.arguments) - set(values):
            continue  # /jobs/<id>: no queue in tests
        urls.append(re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), rule.rule))
    assert {"/map", "/upload", "/incidents", "/articles", "/review", "/gazetteer/"} <= set(urls)
    return sorted(urls) + ["/gazetteer/?q=إدلب", "/incidents?type=Battles", "/no-such-page"]


@pytest.mark.parametrize(("lang", "other"), [("ar", "en"), ("en", "ar")])
def test_no_page_shows_interface_text_of_the_other_language(client, pages, lang: str, other: str) -> None:
    foreign = catalogue(other)
    found = {}
    for url in pages:
        response = get(client, url, lang)
        assert response.status_code in (200, 404), url
        left = sorted(text for text in interface_texts(response.get_data(as_text=True)) if text in foreign)
        if left:
            found[url] = [f"{text!r} ({foreign[text]})" for text in left]
    assert found == {}, f"untranslated in {lang}: {found}"


#: Latin text an Arabic page may show: file formats and encodings, commands (also in <code>), codes.
LATIN_ALLOWED = re.compile(r"\b(?:CSV|GeoJSON|KML|txt|md|html|jsonl|JSON|zip|UTF-8|Windows-1256|CSRF|M\d+)\b")
ISOLATED = re.compile("\u2068[^\u2069]*\u2069")
#: The pages of the Arabic scan below; a new page must be added here (the first test checks).
ARABIC_PAGES = [
    "/map",
    "/upload",
    "/login",
    "/articles",
    "/articles/{article_id}",
    "/review",
    "/feeds",
    "/gazetteer/",
    "/gazetteer/?q=إدلب",
    "/gazetteer/{place_id}",
    "/gazetteer/unresolved",
    "/jobs",
    "/incidents",
    "/no-such-page",
]


def test_the_arabic_scan_covers_every_page(pages) -> None:
    listed = {(p.values[0] if hasattr(p, "values") else p).split("?")[0] for p in ARABIC_PAGES}
    covered = {re.sub(r"/\d+$", "/{article_id}", url).replace("t:idlib", "{place_id}") for url in pages}
    assert {url.split("?")[0] for url in covered} <= listed


@pytest.mark.parametrize("url", ARABIC_PAGES)
def test_arabic_pages_show_no_latin_interface_text(client, url: str) -> None:
    page = get(client, url.format(**ingest(client)), "ar")
    root_texts = interface_texts(page.get_data(as_text=True), drop="//code")
    # Text between Unicode isolates is a name (the mentions' tooltips give both of a place's names).
    bare = {t: LATIN_ALLOWED.sub("", ISOLATED.sub("", t)) for t in root_texts}
    latin = sorted(t for t, rest in bare.items() if re.search(r"[A-Za-z]{2,}", rest))
    assert latin == []


def test_scripts_keep_no_copy_of_the_catalogue() -> None:
    """The browser's interface strings come from the page's options (the catalogue), so a second
    copy in a script, which would drift from it, is refused: no Arabic letter, no English phrase of
    the catalogue (type and actor names are data: the palette is keyed by them)."""
    phrases = {en for en, _ in STRINGS.values() if " " in en}
    assert sorted(SCRIPTS.glob("*.js"))
    for script in sorted(SCRIPTS.glob("*.js")):
        source = script.read_text(encoding="utf-8")
        assert ARABIC_LETTER.findall(source) == [], script.name
        quoted = {phrase for phrase in phrases if f'"{phrase}"' in source or f"'{phrase}'" in source}
        assert quoted == set(), script.name
