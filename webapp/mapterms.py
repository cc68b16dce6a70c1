"""The map index's text searches: which incidents hold each normalised word, in memory.

``incident_search`` stores each incident's normalised words (and actors), space-separated, and
a search asks for every row where a query word is a *substring* of one of them («ادلب» finds
«وادلب»).  The database answers that from trigram indexes, but a word held by a third of a
million incidents still costs it hundreds of milliseconds to list them.  A :class:`TermIndex`
answers the same question from the map's own memory: the distinct words (terms) are few next
to the rows, so the terms containing a query word are found by scanning them, and the
incidents holding those terms are read from their postings.

The meaning is exactly the database's (``LIKE '%word%'`` over the space-padded column), as long
as the index's rows hold the text now stored; rows changed since they were indexed are the
caller's to check again (:class:`webapp.mapcolumns.MapIndex` keeps them aside).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: The separator of the terms in a snapshot's one string (no term holds a newline: terms are the
#: space-separated pieces of single-line normalised text, and actors' keys join words with "_").
_TERM_SEPARATOR = "\n"


@dataclass(frozen=True)
class TermIndex:
    """For each term, the ids of the incidents whose text holds it (in no particular order; an
    incident indexed twice may be listed twice)."""

    postings: Mapping[str, np.ndarray]

    @classmethod
    def empty(cls) -> TermIndex:
        return cls({})

    @classmethod
    def of_rows(cls, rows: Iterable[tuple[int, str]]) -> TermIndex:
        """The index of ``rows``: (incident id, its space-separated terms)."""
        return cls.empty().with_rows(rows)

    def with_rows(self, rows: Iterable[tuple[int, str]]) -> TermIndex:
        """A new index: this one, plus the terms of ``rows`` (ids need not be new; the postings of
        terms they no longer hold are not removed, see the module's docstring)."""
        (index,) = with_columns((self,), rows)
        return index

    def _with(self, added: Mapping[str, list[int]]) -> TermIndex:
        if not added:
            return self
        postings = dict(self.postings)
        for term, ids in added.items():
            fresh = np.array(ids, dtype="int64")
            old = postings.get(term)
            # Appended, not merged in order: an ingestion adds a few ids to terms held by a
            # million incidents, and sorting those again would cost more than the search saves.
            postings[term] = fresh if old is None else np.concatenate((old, fresh))
        return TermIndex(postings)

    def without(self, ids: np.ndarray) -> TermIndex:
        """A new index with no posting of ``ids`` (a term left with none is dropped)."""
        if not len(ids) or not self.postings:
            return self
        # One flag per id, looked up for each posting: no sort per term, as np.isin would make.
        largest = max(int(ids.max()), *(int(held.max()) for held in self.postings.values() if len(held)))
        gone = np.zeros(largest + 1, dtype=bool)
        gone[ids] = True
        postings = {}
        for term, held in self.postings.items():
            kept = held[~gone[held]]
            if len(kept):
                postings[term] = kept
        return TermIndex(postings)

    def holding(self, part: str) -> np.ndarray:
        """The ids of the incidents with a term that contains ``part`` (unordered, possibly repeated)."""
        found = [ids for term, ids in self.postings.items() if part in term]
        return np.concatenate(found) if found else np.zeros(0, dtype="int64")

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The index as three arrays named ``prefix`` + terms/starts/ids (for a snapshot):
        the terms in one string, where each term's ids start in ``ids``, and all the ids."""
        terms = list(self.postings)
        sizes = [len(self.postings[t]) for t in terms]
        ids = np.concatenate([self.postings[t] for t in terms]) if terms else np.zeros(0, dtype="int64")
        return {
            f"{prefix}terms": np.array(_TERM_SEPARATOR.join(terms)),
            f"{prefix}starts": np.cumsum([0, *sizes], dtype="int64"),
            f"{prefix}ids": ids,
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any], prefix: str) -> TermIndex:
        """The index that :meth:`arrays` stored under ``prefix`` (KeyError when it is not there)."""
        joined = str(arrays[f"{prefix}terms"])
        starts, ids = arrays[f"{prefix}starts"], arrays[f"{prefix}ids"]
        if not joined:
            return cls.empty()
        return cls(dict(zip(joined.split(_TERM_SEPARATOR), np.split(ids, starts[1:-1]), strict=True)))


def with_columns(indexes: Sequence[TermIndex], rows: Iterable[tuple[Any, ...]]) -> list[TermIndex]:
    """Each of ``indexes`` plus the terms of its own column of ``rows``, read in one pass: a row is
    (incident id, the terms for ``indexes[0]``, the terms for ``indexes[1]``, …), space-separated."""
    added: list[defaultdict[str, list[int]]] = [defaultdict(list) for _ in indexes]
    for incident_id, *columns in rows:
        for terms_of, text in zip(added, columns, strict=True):
            for term in set((text or "").split(" ")) - {""}:
                terms_of[term].append(incident_id)
    return [index._with(terms_of) for index, terms_of in zip(indexes, added, strict=True)]
