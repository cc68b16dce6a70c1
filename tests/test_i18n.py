"""The Arabic/English interface switch (webapp/i18n.py)."""

from __future__ import annotations

import re

from webapp.i18n import STRINGS, strings, text_dir, translate


def test_every_string_has_both_languages():
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
