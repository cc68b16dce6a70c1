"""The geoparser end to end: sentences → toponyms → resolved places → locations → incidents."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..events.extract import extract_incidents, load_word_lists
from ..lang import detect_language
from ..places.index import Gazetteer
from ..places.place import AREA_TYPES, Place, PlaceType
from .cues import load_cues
from .locate import locate
from .match import find_matches
from .nameindex import MatchIndex
from .resolve import Resolution, resolve_matches
from .result import GeoparseResult, Mention, Sentence
from .sentences import split_sentences
from .toponym import Match

#: A place after a road mention within this many tokens, read "near", fixes the point on the road.
_ROAD_NEAR_TOKENS = 3


def _context_point(resolutions: list[Resolution]) -> tuple[float, float] | None:
    """The article's focus: its most-mentioned Syrian point place (first mentioned on ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for r in resolutions:
        p = r.place
        if (
            p is None
            or not p.in_syria
            or p.type in AREA_TYPES
            or p.type in (PlaceType.ROAD, PlaceType.COUNTRY)
        ):
            continue
        counts[p.id] += 1
        first.setdefault(p.id, p)
    if not counts:
        return None
    order = list(first)
    best = max(order, key=lambda pid: (counts[pid], -order.index(pid)))
    return first[best].lat, first[best].lon


def _near_place(k: int, resolutions: list[Resolution]) -> Place | None:
    """For a road mention, the place the text puts it near, if any.

    Either order: "the M4 near Saraqib" (the place follows the road) or "near
    Saraqib on the M4" (it precedes), within :data:`_ROAD_NEAR_TOKENS` tokens.
    """
    match = resolutions[k].match
    for j in (k + 1, k - 1):
        if not 0 <= j < len(resolutions):
            continue
        other = resolutions[j]
        gap = other.match.tok_start - match.tok_end if j > k else match.tok_start - other.match.tok_end
        if (
            other.match.sentence == match.sentence
            and other.match.relation == "near"
            and 0 <= gap <= _ROAD_NEAR_TOKENS
            and other.place is not None
            and other.place.type is not PlaceType.ROAD
        ):
            return other.place
    return None


def _mentions(resolutions: list[Resolution], matches: list[Match]) -> list[Mention]:
    context = _context_point(resolutions)
    # A match left without candidates lost them all for want of corroboration;
    # an unknown compound («كفر داعل») stays, as a toponym with no place.
    kept = [k for k, r in enumerate(resolutions) if r.place is not None or r.match.unknown]
    mentions = []
    for k in kept:
        r = resolutions[k]
        m = r.match
        partner = resolutions[m.partner].place if m.partner is not None else None
        near = _near_place(k, resolutions) if r.place is not None and r.place.type is PlaceType.ROAD else None
        mentions.append(
            Mention(
                text=m.text,
                start=m.start,
                end=m.end,
                sentence=m.sentence,
                place=r.place,
                score=r.score,
                reason=r.reason,
                cue=m.cue,
                fuzzy=m.fuzzy,
                candidates=r.candidates[:5],
                location=locate(m, r.place, partner=partner, near=near, context=context),
            )
        )
    return mentions


def prepare(gazetteer: Gazetteer) -> None:
    """Build now what :func:`geoparse` would build on its first article with ``gazetteer``.

    That is the matcher's index of ``gazetteer`` (name prefixes, common
    words, near-miss and transliteration tables) and every word list (cues,
    events, actors, dates, numbers), which are otherwise built on first use
    and make a process's first article some 0.4 s slower than the next.
    Each is built once per process (the index once per gazetteer): calling
    this again costs nothing.  A server calls it after loading its
    gazetteer, and a job queue's parent process before forking its workers,
    which then share what it built.
    :func:`gazetteer.places.bundled.default_gazetteer` calls it on every gazetteer
    it loads.  Raises :class:`gazetteer.errors.GazetteerDataError` when a
    word list is broken.
    """
    load_cues()
    MatchIndex.for_gazetteer(gazetteer)
    load_word_lists()


def geoparse(
    text: str,
    *,
    gazetteer: Gazetteer,
    published: dt.date | None = None,
    language: str | None = None,
) -> GeoparseResult:
    """Geoparse one article.

    Splits ``text`` into sentences, recognises toponyms with ``gazetteer``,
    resolves each using the article's other places, gives each a
    :class:`~gazetteer.geoparser.result.Location` with its geo_precision, and
    extracts incidents (:mod:`gazetteer.events.extract`) dated against
    ``published``.  ``language`` (``"ar"``/``"en"``) is detected from the
    script when omitted.  Pure and deterministic; raises nothing for any
    string input.
    """
    lang = language or detect_language(text)
    sentences: list[Sentence] = split_sentences(text)
    matches = find_matches(text, sentences, gazetteer, language=lang)
    resolutions = resolve_matches(matches)
    mentions = _mentions(resolutions, matches)
    incidents = extract_incidents(text, sentences, mentions, published=published, language=lang)
    return GeoparseResult(lang, sentences, mentions, incidents)
