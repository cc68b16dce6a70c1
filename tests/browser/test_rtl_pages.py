"""The Arabic interface lays out right-to-left in a real browser; screenshots in test-artefacts/."""

from __future__ import annotations

import pytest
from browser_helpers import screenshot

pytestmark = pytest.mark.browser

# Written for this test in the style of a Syrian news report (not taken from ../shared).
REPORT = (
    "قصفت طائرات حربية روسية صباح اليوم الأحد مدينة إدلب وبلدة سراقب، ما أدى إلى مقتل ثلاثة مدنيين "
    "وإصابة آخرين.\n\nوقالت مصادر محلية إن القصف استهدف أحياء سكنية قرب الطريق الدولي M4، "
    "في حين استهدفت قوات النظام بالمدفعية قرية كفرنبل."
)


def box(page: object, selector: str) -> dict[str, float]:
    return page.locator(selector).first.bounding_box()  # type: ignore[attr-defined]


def test_arabic_upload_page_mirrors(page, server):
    page.goto(f"{server.url}/upload?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    width = page.viewport_size["width"]
    title = box(page, "main h1")
    assert title["x"] + title["width"] > width / 2, "the heading starts on the right"
    field = box(page, "textarea[name=text]")
    label = box(page, "form.upload label")
    assert abs((field["x"] + field["width"]) - (label["x"] + label["width"])) < 2, "fields align to the right"
    assert box(page, ".lang-switch")["x"] < box(page, "header.site nav a")["x"], (
        "the language switch sits at the end (left)"
    )
    screenshot(page, "arabic-upload")


def test_arabic_article_page_mirrors(page, server):
    page.goto(f"{server.url}/upload?lang=ar")
    page.fill("input[name=title]", "غارات روسية على إدلب وسراقب")
    page.fill("textarea[name=text]", REPORT)
    page.fill("input[name=published]", "2020-09-20")
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/*")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("article.article").get_attribute("dir") == "rtl"
    text = box(page, ".article-text")
    first = box(page, ".article-text .sentence")
    assert first["x"] + first["width"] > text["x"] + text["width"] - 5, "the Arabic text starts on the right"
    if page.locator(".incidents table").count():
        cells = page.locator(".incidents thead th")
        assert box(page, ".incidents thead th")["x"] > cells.nth(1).bounding_box()["x"], (
            "the first column is rightmost"
        )
    screenshot(page, "arabic-article")


def test_arabic_gazetteer_incidents_and_error_pages(page, server):
    page.goto(f"{server.url}/upload?lang=ar")
    page.fill("textarea[name=text]", REPORT)
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/*")
    for name, path in [
        ("arabic-gazetteer-search", "/gazetteer/?q=إدلب"),
        ("arabic-place", "/gazetteer/t:idlib"),
        ("arabic-incidents", "/incidents"),
        ("arabic-error", "/articles/999"),
        ("arabic-review", "/review"),
        ("arabic-login", "/login"),
    ]:
        page.goto(f"{server.url}{path}")
        assert page.locator("html").get_attribute("dir") == "rtl", path  # the session keeps Arabic
        heading = box(page, "main h1")
        assert heading["x"] + heading["width"] > page.viewport_size["width"] / 2, path
        screenshot(page, name)


def test_language_switch_of_a_hostile_404_stays_on_the_site(page, server):
    # "/\evil.example?lang=ar" was the link here, and Chromium reads it as //evil.example.
    page.goto(f"{server.url}/%5Cevil.example")
    page.click("a.lang-switch")
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    assert page.url.startswith(server.url + "/")
    assert page.url.endswith("?lang=ar")
