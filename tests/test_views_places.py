"""The gazetteer pages (webapp/places): search in Arabic or English, place page with a local map."""

from __future__ import annotations

import html
import re

from webapp.places.search import search_places


def test_search_matches_normalised_arabic_and_english(tiny_gazetteer):
    for query in ("إدلب", "ادلب", "Idleb", "IDLIB"):
        assert [p.id for p in search_places(tiny_gazetteer, query)][:1] == ["t:idlib"], query
    assert [p.id for p in search_places(tiny_gazetteer, "Sara")] == ["t:saraqib"]
    assert search_places(tiny_gazetteer, "   ") == []


def test_search_page_lists_results(client):
    page = client.get("/gazetteer/", query_string={"q": "ادلب"}).get_data(as_text=True)
    assert 'href="/gazetteer/t:idlib"' in page and "1 place for" in page


def test_search_page_escapes_the_query(client):
    page = client.get("/gazetteer/", query_string={"q": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_place_page_shows_names_parents_and_a_local_map(client):
    page = client.get("/gazetteer/t:idlib").get_data(as_text=True)
    assert "Idlib" in page and "إدلب" in page and "SY07" in page and "city" in page
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', srcdoc)
    assert "/vendor/leaflet/leaflet.js" in scripts and all(s.startswith("/") for s in scripts)
    assert "circle_marker" in srcdoc


def test_road_page_draws_its_line(client):
    page = client.get("/gazetteer/t:m4").get_data(as_text=True)
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    assert "LineString" in srcdoc and "fitBounds" in srcdoc


def test_unknown_place_is_404(client):
    assert client.get("/gazetteer/t:atlantis").status_code == 404
