"""Bidi controls in display strings (webapp/bidi.py), at ingestion and in rendered pages."""

from __future__ import annotations

import pytest
from incident_rows import add_incident

from webapp.article_input import ArticleInput
from webapp.bidi import EMBEDDINGS_AND_OVERRIDES, ISOLATES, MARKS, strip_controls
from webapp.errors import UnreadableFile
from webapp.ingest import ingest_article

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."


@pytest.mark.parametrize("control", list(EMBEDDINGS_AND_OVERRIDES + ISOLATES))
def test_embeddings_overrides_and_isolates_go_wherever_they_are(control):
    assert strip_controls(f"{control}Idlib {control}strike{control}") == "Idlib strike"


def test_marks_go_at_the_ends_and_stay_inside():
    for mark in MARKS:
        assert strip_controls(f"{mark} قصف إدلب {mark}") == "قصف إدلب"
    assert strip_controls("قصف (إدلب)!\u200f اليوم") == "قصف (إدلب)!\u200f اليوم"


def test_titles_and_source_names_are_stored_without_controls(app):
    with app.app_context():
        article = ingest_article(
            ArticleInput(text=TEXT, title="\u202eGAZE\u2066 report\u200f", source_name="\u202bSyria TV\u202c")
        ).article
        assert article.title == "GAZE report" and article.source_name == "Syria TV"
        untitled = ingest_article(ArticleInput(text="\u200f\u202eقصف على إدلب\nثم هدوء.")).article
        assert untitled.title == "قصف على إدلب"


def test_file_names_in_messages_lose_their_controls():
    message = UnreadableFile.binary("report\u202etxt.exe").message
    assert message.startswith("reporttxt.exe looks like") and "\u202e" not in message
    assert UnreadableFile.bad_extension("\u2067").message.startswith("The file is not")


def test_place_names_are_isolated_on_the_article_page(app, client):
    with app.app_context():
        add_incident(place="Idlib\u202e", place_name_ar="إدلب\u202b", place_id="t:idlib", title="T")
    page = client.get("/articles/1").get_data(as_text=True)
    assert "<bdi>Idlib\u202e</bdi> — <bdi>إدلب\u202b</bdi> (city)" in page
    arabic = client.get("/articles/1?lang=ar").get_data(as_text=True)
    assert "<bdi>إدلب\u202b</bdi> — <bdi>Idlib\u202e</bdi> (مدينة)" in arabic
