"""The message catalogue (webapp/messages.py): every message in both languages, rendered and stored."""

from __future__ import annotations

import json
import re
import string

import pytest

from webapp.messages import CATALOGUE, Message

ARABIC = re.compile("[\u0600-\u06ff]")


def fields(template: str) -> list[tuple[str, str | None, str]]:
    """The ``(name, conversion, spec)`` of every replacement field of ``template``, sorted."""
    return sorted(
        (name, conversion, spec)
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_parameters(key):
    english, arabic = CATALOGUE[key]
    assert english.strip() and ARABIC.search(arabic), key
    assert fields(english) == fields(arabic), key


def test_english_is_plain_and_arabic_isolates_every_parameter():
    message = Message("article.too_long", {"length": 300_000, "limit": 200_000})
    assert message.render("en") == "The article is too long: 300,000 characters (the limit is 200,000)."
    assert (
        message.render("ar") == "المقال طويل جدًا: \u2068300,000\u2069 حرف (الحد الأقصى \u2068200,000\u2069)."
    )
    assert message.render("fr") == message.render()  # any other language gets English


def test_nested_messages_are_rendered_in_the_same_language():
    message = Message("not_found", {"kind": Message("kind.article"), "ident": 7})
    assert message.render("en") == "No article 7."
    assert message.render("ar") == "لا يوجد \u2068مقال\u2069 بالمعرّف \u20687\u2069."
    quoted = Message("article.bad_date", {"value": "20 September"})
    assert quoted.render("en") == "Invalid publication date '20 September': use YYYY-MM-DD."
    assert quoted.render("ar").startswith("تاريخ النشر \u2068'20 September'\u2069 غير صالح")


def test_a_message_survives_a_trip_through_json():
    message = Message(
        "article.bad_field",
        {"field": Message("field.title"), "why": Message("why.longer_than", {"limit": 500})},
    )
    stored = json.loads(json.dumps(message.to_json()))
    assert Message.from_json(stored) == message
    assert Message.from_json(stored).render("ar") == message.render("ar")


def test_an_unknown_key_is_refused_when_the_message_is_made():
    with pytest.raises(KeyError):
        Message("no.such.key")
    with pytest.raises(KeyError):
        Message.from_json({"key": "no.such.key", "params": {}})
