"""Where a report that names no place happened: the place the sentences just before it name.

"On 8 September a video showed the destruction of the hospital, hit by an
airstrike" follows "Nabed Al Hayat Hospital has been targeted before"; "the
relocated school was hit by an airstrike" follows "the school was relocated
within Salah al-Din".  An incident still without a place once the article is
read (:func:`gazetteer.events.extract.extract_incidents`) takes the place of the
nearest of the :data:`ANTECEDENT_SENTENCES` sentences before it, in its
paragraph, that names a Syrian place: the incident told there if any, else its
most precise and most specific place.  A report's location field ("- Location:
Idlib: Hass", «الموقع الجغرافي: ادلب: حاس») places the placeless incidents of
its block however far down they come.  The text does not name the place with
the incident itself, so the location is approximate: geo_precision 2 at best.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from ..geoparser.containment import rank_of
from ..geoparser.result import Incident, Location, Mention, Role, Sentence
from ..places.normalize import tokenize
from .linking import location_of
from .linkingwords import linking_lexicon

__all__ = ["ANTECEDENT_SENTENCES", "place_from_context"]

#: A placeless report takes the place named at most this many sentences before it.
ANTECEDENT_SENTENCES = 2
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_FIELD = re.compile(r"[-*•\s]*([^:\n]{1,30}):")  # "- Location:" at a line's start


def place_from_context(
    text: str,
    sentences: Sequence[Sentence],
    mentions: list[Mention],
    by_sentence: Mapping[int, Sequence[int]],
    incidents: Sequence[Incident],
) -> None:
    """Give each incident of ``incidents`` (in text order) that has no location its antecedent's.

    ``by_sentence`` maps a sentence index to the indices of its mentions.  The
    incident's ``location`` (geo_precision at least 2) and ``mention`` are set in
    place, and the mention gets ``Role.INCIDENT``; an incident with no antecedent stays placeless.
    """
    if all(inc.location is not None for inc in incidents):
        return  # the usual case: every incident names its place
    located = {inc.sentence: inc for inc in reversed(incidents) if inc.location is not None}
    fields = [s.index for s in sentences if _is_location_field(s.text) and by_sentence.get(s.index)]
    for inc in incidents:
        if inc.location is not None:
            continue
        found = _antecedent(text, sentences, mentions, by_sentence, located, inc.sentence, fields)
        if found is None:
            continue
        k, where = found
        inc.location = dataclasses.replace(where, geo_precision=max(2, where.geo_precision))
        inc.mention = k
        mentions[k].role = Role.INCIDENT
        located.setdefault(inc.sentence, inc)


def _antecedent(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    by_sentence: Mapping[int, Sequence[int]],
    located: Mapping[int, Incident],
    sentence: int,
    fields: Sequence[int],
) -> tuple[int, Location] | None:
    """The (mention index, location) a placeless report of ``sentence`` refers to, if any."""
    start = sentences[sentence].start
    for j in range(sentence - 1, max(-1, sentence - 1 - ANTECEDENT_SENTENCES), -1):
        if _PARAGRAPH_BREAK.search(text, sentences[j].end, start):
            break
        inc = located.get(j)
        if inc is not None and inc.mention is not None and inc.location is not None:
            return inc.mention, inc.location
        best = _most_precise(mentions, by_sentence.get(j, ()))
        if best is not None:
            return best
    for j in reversed(fields):
        if j < sentence and not _PARAGRAPH_BREAK.search(text, sentences[j].end, start):
            return _most_precise(mentions, by_sentence[j])
    return None


def _most_precise(mentions: Sequence[Mention], indices: Sequence[int]) -> tuple[int, Location] | None:
    """The sentence's Syrian place that is most precisely located, then most specific; the last on a tie."""
    best: tuple[tuple[int, int, int], int, Location] | None = None
    for k in indices:
        where = location_of(mentions[k])
        if where is None:
            continue
        key = (where.geo_precision, rank_of(mentions[k].place), -mentions[k].start)
        if best is None or key < best[0]:
            best = (key, k, where)
    return (best[1], best[2]) if best is not None else None


def _is_location_field(sentence: str) -> bool:
    """Whether ``sentence`` is a location field: "- Location: …", «الموقع الجغرافي: …»."""
    field = _FIELD.match(sentence)
    if field is None:
        return False
    label = " ".join(t.norm for t in tokenize(field.group(1)))
    return label in linking_lexicon().location_labels
