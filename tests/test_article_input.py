"""Submitted articles (webapp/article_input.py): validated and cleaned whichever way they come in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from werkzeug.datastructures import FileStorage, MultiDict

from webapp.article_input import ArticleInput, parse_date
from webapp.errors import InvalidArticle, UnreadableFile

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد، واستهدفت محيط سراقب.\nوزار وفد تركي أنقرة بعد ذلك."


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def test_fields_are_cleaned(ctx):
    article = ArticleInput(
        text="\r\n  " + TEXT.replace("\n", "\r\n") + "  \n",
        title="  Idlib  ",
        published="2020-09-20T08:30:00+03:00",
        source_url=" https://www.syria.tv/some/article ",
        language="AR",
    )
    assert article == ArticleInput(
        text=TEXT,
        title="Idlib",
        published=dt.date(2020, 9, 20),
        source_url="https://www.syria.tv/some/article",
        language="ar",
        source_name="www.syria.tv",  # the URL's host when no source name is given
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   \n\t ", None])
def test_empty_text_is_rejected(ctx, text):
    with pytest.raises(InvalidArticle, match="empty") as info:
        ArticleInput(text=text)  # type: ignore[arg-type]
    assert info.value.status == 400


def test_too_long_text_is_rejected_with_413(ctx):
    ctx.config["MAX_ARTICLE_CHARS"] = 50
    with pytest.raises(InvalidArticle, match="too long") as info:
        ArticleInput(text="إدلب " * 20)
    assert info.value.status == 413


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("source_url", "javascript:alert(1)", "http"),
        ("source_url", "data:text/html,<script>alert(1)</script>", "http"),
        ("source_url", "ftp://x", "http"),
        ("source_url", "http://[::1/", "http"),
        ("source_url", "http://exa mple.org/", "http"),
        ("language", "english please", "language code"),
        ("title", "x" * 501, "title"),
        ("published", "20 September", "date"),
    ],
)
def test_bad_metadata_is_rejected(ctx, field, value, message):
    with pytest.raises(InvalidArticle, match=message):
        ArticleInput.from_dict({"text": TEXT, field: value})


@pytest.mark.parametrize(
    "field, value",
    [("title", 5), ("published", 20200920), ("source_url", ["https://x.org"]), ("language", {"ar": 1})],
)
def test_non_text_metadata_is_invalid_input(ctx, field, value):
    with pytest.raises(InvalidArticle, match="must be a string"):
        ArticleInput.from_dict({"text": TEXT, field: value})


def test_nul_and_unpaired_surrogates_are_invalid_input(ctx):
    for bad in ({"text": "Idlib\x00"}, {"text": TEXT, "title": "\udc80"}, {"text": "\ud83d Idlib"}):
        with pytest.raises(InvalidArticle):
            ArticleInput.from_dict(bad)


@pytest.mark.parametrize(
    "text", ["\u200b", "\u200b\u200c\ufeff", "12345 678", "!!! ... ???", "٣٤٥ – ٦٧", "\u064b\u064e"]
)
def test_text_without_letters_is_refused(ctx, text):
    with pytest.raises(InvalidArticle, match="no letters") as info:
        ArticleInput(text=text)
    assert info.value.status == 400


def test_a_dict_round_trip_gives_the_same_article(ctx):
    article = ArticleInput(text=TEXT, title="t", published=dt.date(2020, 9, 20), source_url="https://x.org/a")
    fields = article.to_dict()
    assert fields["published"] == "2020-09-20" and fields["source_name"] == "x.org"
    assert ArticleInput.from_dict(fields) == article
    assert ArticleInput.from_dict({"text": TEXT}) == ArticleInput(text=TEXT)


def test_from_json_takes_an_object_and_ignores_other_keys(ctx):
    body = {"text": TEXT, "published": "2020-09-20", "source_name": "SANA", "extra": 1}
    assert ArticleInput.from_json(body) == ArticleInput(
        text=TEXT, published=dt.date(2020, 9, 20), source_name="SANA"
    )
    for not_an_object in (["text"], "text", None):
        with pytest.raises(InvalidArticle, match="JSON"):
            ArticleInput.from_json(not_an_object)


def test_from_cli_takes_the_command_options_over_the_item_and_its_aliases(ctx):
    item = {"text": TEXT, "title": "item", "date": "2020-09-20", "lang": "ar", "url": "https://x.org/a"}
    article = ArticleInput.from_cli(item)
    assert (article.title, article.published, article.language, article.source_url) == (
        "item",
        dt.date(2020, 9, 20),
        "ar",
        "https://x.org/a",
    )
    chosen = ArticleInput.from_cli(item, title="option", published="2020-09-21", language="en")
    assert (chosen.title, chosen.published, chosen.language) == ("option", dt.date(2020, 9, 21), "en")
    assert ArticleInput.from_cli({"text": TEXT}) == ArticleInput(text=TEXT)


def upload_form(app, **data):  # noqa: ANN001, ANN003
    from webapp.articles.forms import UploadForm

    with app.test_request_context(method="POST"):
        return UploadForm(formdata=MultiDict(data))


def test_from_form_reads_the_file_before_the_text_box(ctx):
    form = upload_form(ctx, text="ignored", title="t", published="2020-09-20", language="ar")
    form.file.data = FileStorage(io.BytesIO(TEXT.encode("cp1256")), filename="report.txt")
    assert ArticleInput.from_form(form) == ArticleInput(
        text=TEXT, title="t", published=dt.date(2020, 9, 20), language="ar"
    )
    form = upload_form(ctx, text=TEXT, language="")
    assert ArticleInput.from_form(form) == ArticleInput(text=TEXT)
    form.file.data = FileStorage(io.BytesIO(b"\x00\x01" * 50), filename="x.txt")
    with pytest.raises(UnreadableFile):
        ArticleInput.from_form(form)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2020-09-20", dt.date(2020, 9, 20)),
        (" 2020-09-20 ", dt.date(2020, 9, 20)),
        ("2020-09-20T08:30:00+03:00", dt.date(2020, 9, 20)),
        ("2020-09-20T23:59:59.5Z", dt.date(2020, 9, 20)),
        (dt.date(2020, 9, 20), dt.date(2020, 9, 20)),
        (dt.datetime(2020, 9, 20, 8, 30), dt.date(2020, 9, 20)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_accepts_iso_dates_and_timestamps(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2020-01-01garbage",
        "2020-1-1",
        "20200101",
        "2020-W38-7",
        "٢٠٢٠-٠٩-٢٠",
        "2020-02-30",
        "2020-09-20 08:30",
    ],
)
def test_parse_date_refuses_anything_but_strict_iso(value):
    with pytest.raises(InvalidArticle, match="YYYY-MM-DD") as info:
        parse_date(value)
    assert info.value.status == 400


def test_parse_date_refuses_dates_before_1900_or_after_tomorrow():
    later = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)
    for value in ("0001-01-01", "1899-12-31", later.isoformat(), "9999-12-31", later):
        with pytest.raises(InvalidArticle, match="out of range") as info:
            parse_date(value)
        assert info.value.status == 400 and "1900-01-01" in info.value.message
