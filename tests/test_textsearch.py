"""The text criteria in SQL (webapp/textsearch.py): words and actor keys searched, and the rows
the text indexes select, on SQLite and on PostgreSQL."""

from __future__ import annotations

import numpy as np
import pytest
from incident_rows import add_incident

from webapp.extensions import db
from webapp.filters import parse_filters
from webapp.textsearch import matching_ids, search_ids, search_terms


@pytest.fixture
def app(backend_app):
    return backend_app


def test_search_terms_are_the_normalised_words_and_actor_keys():
    words, actor_keys = search_terms(parse_filters({"q": "وإدلب Struck", "actor": "Syrian Army"}))
    assert words == ["وادلب", "struck"]
    assert actor_keys == ["syrian_army"]
    assert search_terms(parse_filters({})) == ([], [])


def test_no_text_or_actor_means_no_search(app):
    with app.app_context():
        assert search_ids(parse_filters({"source": "sana"})) is None


def test_a_word_is_found_behind_a_proclitic_and_an_actor_by_a_part_of_its_name(app):
    with app.app_context():
        idlib = add_incident(sentence="قصفت الطائرات وإدلب", actors=["قوات الجيش السوري"])
        other = add_incident(sentence="Shelling hit Daraa.", place="Daraa", actors=["Russian forces"])
        db.session.commit()

        def found(**args: str) -> set[int]:
            return set(db.session.scalars(search_ids(parse_filters(args))))

        assert found(q="ادلب") == {idlib}
        assert found(actor="الجيش") == {idlib}
        assert found(q="daraa", actor="russian") == {other}
        assert found(q="daraa", actor="الجيش") == set()
        assert other in found(q="hi")  # under three letters: no trigram, every row is scanned
        assert set(db.session.scalars(search_ids(parse_filters({"q": "ادلب"}), among=[other]))) == set()


def test_matching_ids_are_sorted_and_kept_to_among(app):
    with app.app_context():
        first = add_incident(sentence="Shelling hit Daraa.", place="Daraa")
        add_incident(sentence="Jets struck Idlib.")
        last = add_incident(sentence="Shelling hit Daraa again.", place="Daraa")
        db.session.commit()
        flt = parse_filters({"q": "shelling"})
        assert matching_ids(flt).tolist() == [first, last]
        assert matching_ids(flt, among=np.array([last])).tolist() == [last]
        assert matching_ids(parse_filters({"source": "example"})).size == 3
