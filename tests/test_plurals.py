"""Plural forms of counted strings (webapp/plurals.py) and their use through the catalogue."""

from __future__ import annotations

import pytest

from webapp.i18n import STRINGS, format_count
from webapp.plurals import PLURAL_FORMS, plural_category, plural_form, plural_strings


@pytest.mark.parametrize(
    ("n", "ar"),
    [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (10, "few"),
        (11, "many"),
        (99, "many"),
        (100, "other"),
        (102, "other"),
        (103, "few"),
        (111, "many"),
    ],
)
def test_arabic_plural_categories_follow_cldr(n: int, ar: str) -> None:
    assert plural_category(n, "ar") == ar


def test_english_has_one_and_other() -> None:
    assert [plural_category(n, "en") for n in (0, 1, 2, 21)] == ["other", "one", "other", "other"]


def test_every_counted_string_is_in_the_catalogue_with_the_same_parameters() -> None:
    import re

    for key, by_lang in PLURAL_FORMS.items():
        assert key in STRINGS
        other_params = set(re.findall(r"\{(\w+)\}", STRINGS[key][0]))
        for forms in by_lang.values():
            for text in forms.values():
                assert set(re.findall(r"\{(\w+)\}", text)) <= other_params


def test_counts_take_their_plural_form() -> None:
    assert format_count("n_incidents", 1, "en") == "1 incident"
    assert format_count("n_incidents", 3, "en") == "3 incidents"
    assert format_count("n_incidents", 0, "en") == "0 incidents"
    assert format_count("n_incidents", 2, "ar") == "حادثتان"
    assert format_count("n_incidents", 5, "ar") == "<bdi>5</bdi> حوادث"
    assert format_count("n_incidents", 100, "ar") == "عدد الحوادث: <bdi>100</bdi>"  # the catalogue's form
    assert format_count("n_places", 1, "en", q="Idlib") == "1 place for <bdi>Idlib</bdi>"
    assert plural_form("n_incidents", 7, "en") is None


def test_the_map_gets_the_forms_of_its_language() -> None:
    assert plural_strings("en")["in_view"] == {"one": "incident in view"}
    assert "in_view" not in plural_strings("ar")


def test_an_article_with_one_incident_says_so(app, client) -> None:
    from incident_rows import add_incident

    with app.app_context():
        add_incident()
        from webapp.extensions import db
        from webapp.models import Article

        article_id = db.session.query(Article.id).scalar()
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "1 incident ·" in page and "1 incidents" not in page and "1 sentence ·" in page
    arabic = client.get(f"/articles/{article_id}?lang=ar").get_data(as_text=True)
    assert "حادثة واحدة" in arabic
