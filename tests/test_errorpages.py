"""How errors are answered (webapp/errorpages.py): JSON in English under /api, pages in the
interface language elsewhere."""

from __future__ import annotations


def test_api_errors_are_english_json_and_pages_speak_the_interface_language(client):
    api = client.get("/api/articles/999?lang=ar")
    assert api.status_code == 404 and api.get_json() == {"error": "No article 999."}
    page = client.get("/articles/999?lang=ar").get_data(as_text=True)
    assert "لا يوجد \u2068مقال\u2069 بالمعرّف \u2068999\u2069." in page and "No article" not in page
