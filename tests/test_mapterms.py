"""The map index's search terms (webapp/mapterms.py).

That a search over them selects what SQL selects is tested with the filters (tests/test_filters.py).
"""

from __future__ import annotations

import numpy as np

from webapp.mapterms import TermIndex, with_columns


def _held(index: TermIndex, part: str) -> list[int]:
    return sorted(set(index.holding(part).tolist()))


def test_a_part_finds_every_incident_with_a_term_that_contains_it():
    index = TermIndex.of_rows([(1, " وادلب قصف "), (2, " ادلب "), (3, " حلب "), (4, "")])
    assert _held(index, "ادلب") == [1, 2]
    assert _held(index, "لب") == [1, 2, 3]
    assert _held(index, "ادلب قصف") == []  # a part never spans two terms
    assert _held(index, "دمشق") == []


def test_rows_added_later_join_the_terms_without_changing_the_index_they_came_from():
    before = TermIndex.of_rows([(1, " raqqa ")])
    after = before.with_rows([(2, " raqqa shelled "), (3, None)])
    assert _held(after, "raqqa") == [1, 2] and _held(after, "shell") == [2]
    assert _held(before, "raqqa") == [1] and _held(before, "shell") == []
    assert after.with_rows([]) is after


def test_the_arrays_of_a_snapshot_give_the_same_index_back():
    index = TermIndex.of_rows([(5, " a_b c "), (7, " c ")])
    again = TermIndex.from_arrays(index.arrays("x_"), "x_")
    assert {t: sorted(ids.tolist()) for t, ids in again.postings.items()} == {"a_b": [5], "c": [5, 7]}
    empty = TermIndex.from_arrays(TermIndex.empty().arrays("x_"), "x_")
    assert empty.postings == {} and np.array_equal(empty.holding("c"), np.zeros(0))


def test_each_index_takes_its_own_column_of_the_rows_read_once():
    rows = iter([(1, " قصف ادلب ", " syrian_army "), (2, " حلب ", None)])  # one pass only
    words, actors = with_columns((TermIndex.empty(), TermIndex.of_rows([(3, " isis ")])), rows)
    assert _held(words, "ادلب") == [1] and _held(words, "حلب") == [2]
    assert _held(actors, "army") == [1] and _held(actors, "isis") == [3] and _held(actors, "حلب") == []


def test_without_drops_the_postings_of_the_ids_given_and_the_terms_left_with_none():
    index = TermIndex.of_rows([(1, " قصف ادلب "), (2, " ادلب "), (3, " حلب ")])
    rest = index.without(np.array([2, 3]))
    assert _held(rest, "ادلب") == [1] and _held(rest, "قصف") == [1]
    assert "حلب" not in rest.postings
    assert _held(index, "ادلب") == [1, 2]  # the index it came from is unchanged
