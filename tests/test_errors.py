"""The error hierarchy (webapp/errors.py): what each error says in English and Arabic, and where."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial

import pytest

from webapp.errors import (
    AccessDenied,
    AccountError,
    AppError,
    BadQuery,
    BatchRefused,
    ConfigError,
    DatabaseNotReady,
    FeedError,
    FetchFailed,
    IngestFailed,
    InvalidArticle,
    InvalidChange,
    InvalidPlace,
    NotFound,
    QueueUnavailable,
    UnreadableFile,
)

ARABIC = re.compile("[\u0600-\u06ff]")
# Every named constructor, with the arguments its callers give it.
CASES = [
    partial(ConfigError.missing_secret),
    partial(ConfigError.csrf_disabled),
    partial(ConfigError.debug_enabled),
    partial(ConfigError.tile_url, "file:///tiles/{z}/{x}/{y}.png"),
    partial(InvalidArticle.empty_text),
    partial(InvalidArticle.no_letters),
    partial(InvalidArticle.too_long, 300_000, 200_000),
    partial(InvalidArticle.too_many, "mentions", 6000, 5000),
    partial(InvalidArticle.too_many, "incidents", 3000, 2000),
    partial(InvalidArticle.bad_date, "2020-13-01"),
    partial(InvalidArticle.date_out_of_range, dt.date(1850, 1, 1), dt.date(1900, 1, 1), dt.date(2030, 1, 1)),
    partial(InvalidArticle.bad_field, "text", "not_a_string"),
    partial(InvalidArticle.bad_field, "title", "longer_than", limit=500),
    partial(InvalidArticle.bad_field, "published", "not_a_string"),
    partial(InvalidArticle.bad_field, "source_url", "http_url"),
    partial(InvalidArticle.bad_field, "language", "language_code"),
    partial(InvalidArticle.bad_field, "source_name", "nul"),
    partial(InvalidArticle.bad_field, "text", "surrogate"),
    partial(InvalidArticle.bad_json),
    partial(InvalidArticle.bad_json, "too_deep"),
    partial(UnreadableFile.binary, "a.txt"),
    partial(UnreadableFile.binary, ""),
    partial(UnreadableFile.undecodable, "a.txt"),
    partial(UnreadableFile.too_deep, 512),
    partial(UnreadableFile.bad_extension, "a.pdf"),
    partial(BatchRefused.bad_archive, "news.zip"),
    partial(BatchRefused.too_many, 300, 100),
    partial(BatchRefused.too_large, 50.0),
    partial(BatchRefused.empty),
    partial(IngestFailed.because, ValueError("boom")),
    *(partial(FetchFailed.refused, "http://10.0.0.1/", why) for why in ("bad_scheme", "private", "no_host")),
    partial(FetchFailed.failed, "http://news.example/", "status", status=404),
    partial(FetchFailed.failed, "http://news.example/", "timeout", seconds=20),
    partial(FetchFailed.failed, "http://news.example/", "too_large", limit=5_000_000),
    partial(FetchFailed.failed, "http://news.example/", "redirects", limit=5),
    partial(FetchFailed.failed, "http://news.example/", "connection", error="ConnectError"),
    partial(FetchFailed.failed, "http://news.example/", "not_html", kind="image/gif"),
    partial(FetchFailed.failed, "http://news.example/", "no_text"),
    partial(FetchFailed.failed, "http://news.example/feed", "not_a_feed"),
    partial(FeedError.bad_url, "ftp://x"),
    partial(FeedError.bad_language, "fr"),
    partial(FeedError.exists, "http://news.example/feed"),
    partial(FeedError.unknown, "7"),
    partial(DatabaseNotReady.at_revision, None, "0003"),
    partial(DatabaseNotReady.at_revision, "0002", "0003"),
    partial(NotFound.resource, "article", 7),
    partial(NotFound.resource, "incident", 7),
    partial(NotFound.resource, "job", "j-1"),
    partial(NotFound.resource, "place", "t:x"),
    partial(NotFound.resource, "export_format", "pdf"),
    partial(BadQuery.param, "page", "x", "integer"),
    partial(BadQuery.param, "page", "-1", "positive_integer"),
    partial(BadQuery.param, "zoom", "x", "zoom"),
    partial(BadQuery.param, "article", "x", "id"),
    partial(BadQuery.param, "from", "x", "iso_date"),
    partial(BadQuery.param, "from", "2020-02-01", "date_until", to="2020-01-01"),
    partial(BadQuery.param, "precision", "4", "precision"),
    partial(BadQuery.param, "bbox", "1,2,3", "bbox"),
    partial(BadQuery.param, "bbox", "0,10,1,5", "bbox_ordered"),
    partial(BadQuery.param, "q", "a\\0", "no_nul"),
    partial(BadQuery.param, "sort", "x", "one_of", choices="date, type"),
    partial(BadQuery.param, "dir", "x", "asc_or_desc"),
    partial(QueueUnavailable.because, OSError("refused")),
    partial(AccessDenied.sign_in, "analyst"),
    partial(AccessDenied.bad_token),
    partial(AccessDenied.role, "viewer", "analyst"),
    partial(AccountError.exists, "rana"),
    partial(AccountError.unknown, "rana"),
    partial(AccountError.bad_name, "two words"),
    partial(AccountError.bad_role, "editor", "viewer, analyst, admin"),
    partial(AccountError.short_password, 10),
    partial(InvalidChange.not_an_object),
    partial(InvalidChange.empty, "status, place_id"),
    partial(InvalidChange.unknown_field, "colour", "status, place_id"),
    partial(InvalidChange.bad_value, "status", "deleted", "one_of", choices="unreviewed, verified, rejected"),
    partial(InvalidChange.bad_value, "lat", 95, "latitude"),
    partial(InvalidChange.bad_value, "lon", 195, "longitude"),
    partial(InvalidChange.bad_value, "place_id", "", "text", limit=200),
    partial(InvalidChange.bad_value, "event_type", "War", "event_type", choices="Battles, Riots"),
    partial(
        InvalidChange.bad_value,
        "sub_event_type",
        "x",
        "sub_event_type",
        event_type="Battles",
        choices="Armed clash",
    ),
    partial(InvalidChange.missing, "lon", "lat, lon, geo_precision"),
    partial(InvalidChange.place_and_point),
    partial(InvalidChange.unknown_place, "t:nowhere"),
    partial(InvalidChange.ambiguous_place, "Idlib", ["a", "b"]),
    partial(InvalidChange.same_event, 7, 3),
    partial(InvalidChange.bad_into, "x"),
    partial(InvalidChange.not_merged, 7),
    partial(InvalidPlace.not_an_object),
    partial(InvalidPlace.unknown_field, "colour", "name, lat, lon"),
    partial(InvalidPlace.missing, "lat"),
    partial(InvalidPlace.bad_value, "type", "castle", "place_type", choices="village, town"),
    partial(InvalidPlace.bad_value, "variants", "x", "names"),
    partial(InvalidPlace.bad_value, "name", "", "text", limit=200),
    partial(InvalidPlace.outside_syria, 48.85, 2.35),
    partial(InvalidPlace.unknown_parent, "Atlantis"),
    partial(InvalidPlace.ambiguous_parent, "Idlib", ["a", "b"]),
]


@pytest.mark.parametrize("make", CASES, ids=lambda case: case.func.__qualname__)
def test_every_error_says_what_went_wrong_in_english_and_arabic(make):
    error = make()
    english, arabic = error.message, error.as_message().render("ar")
    assert str(error) == english and english.strip() and not ARABIC.search(english)
    assert ARABIC.search(arabic) and arabic != english


def test_every_named_constructor_is_checked():
    constructors = {
        member.__func__.__qualname__
        for cls in subclasses(AppError)
        for member in vars(cls).values()
        if isinstance(member, classmethod)
    }
    assert constructors == {case.func.__qualname__ for case in CASES}


def subclasses(cls: type) -> list[type]:
    return [sub for direct in cls.__subclasses__() for sub in (direct, *subclasses(direct))]


def test_messages_read_as_before():
    assert NotFound.resource("article", 999).message == "No article 999."
    assert BadQuery.param("sort", "x", "asc_or_desc").message == "Bad sort='x': expected asc or desc."
    assert InvalidArticle.bad_field("source_url", "http_url").message == (
        "Invalid source URL: use an http:// or https:// address."
    )
    assert InvalidArticle.too_many("mentions", 6000, 5000).message == (
        "The article names too many place mentions: 6,000 (the limit is 5,000); split it."
    )
    assert InvalidArticle.too_long(10, 5).status == 413 and InvalidArticle.empty_text().status == 400


def test_a_file_without_a_name_to_show_is_the_file_in_either_language():
    assert UnreadableFile.bad_extension("\u2067").message.startswith("The file is not")
    assert (
        UnreadableFile.bad_extension("\u2067").as_message().render("ar").startswith("\u2068الملف\u2069 ليس")
    )
