"""The geoparser end to end: sentences → toponyms → resolved places → locations → incidents."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..events.extract import extract_incidents
from ..events.extract import load_word_lists as load_incident_words
from ..lang import detect_language
from ..places.index import Gazetteer
from ..places.place import AREA_TYPES, Place, PlaceType
from .containers import (
    caption_countryside,
    container_of,
    corroborated_reading,
    cued_settlement,
    located_at_container,
    near_miss_reading,
    nested_reading,
    road_named,
    said_near,
    said_to_be_settlement,
)
from .containment import NESTED_RANK, said_rank, within_reach
from .cues import load_cues
from .locate import locate
from .masks import organisation_words
from .match import find_matches
from .nameindex import MatchIndex
from .resolve import Resolution, resolve_matches
from .result import GeoparseResult, Mention, Sentence
from .roadjoins import join_roads, road_word_end
from .sentences import split_sentences
from .unknownwords import load_word_lists as load_unknown_name_words

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


def _contained(resolutions: list[Resolution], text: str, gazetteer: Gazetteer) -> dict[int, int]:
    """Check nested readings against their containers; return {unresolved index: container index}.

    A name the gazetteer lacks (an unknown match, or a cued one whose
    readings all failed) gets its container.  A small place said to lie in
    a container ("the village of X, south of Y", «حي X بمدينة Y») keeps only
    the candidates within the container's reach; if none is, it becomes a
    name the gazetteer lacks, located at its container.  A Latin name one
    letter off a known place within the container's reach is that place
    ("Saraqip, Idlib"), and so is a reading dropped for want of corroboration
    that lies in the container named right after it («التمانعة، محافظة ادلب»).
    """
    containers: dict[int, int] = {}
    lacked: dict[str, int] = {}  # a name found lacking in its container: the container's index
    for k, r in enumerate(resolutions):
        if r.place is None and not (r.match.unknown or cued_settlement(r.match)):
            if r.match.places:  # readings dropped for want of corroboration: a container may give it
                j = container_of(k, resolutions, text)
                if j is not None and (j > k or j == caption_countryside(k, resolutions, text)):
                    resolutions[k] = corroborated_reading(r, resolutions[j]) or r
                    gap = text[r.match.end : resolutions[j].match.start]
                    if resolutions[k].place is None and said_to_be_settlement(gap):
                        containers[k] = j  # "Hawash, a village in Hama province": a village it lacks, there
            continue
        # "the Raqqa road in Aleppo": a street named after a town, finer than the city it lies in.
        road = road_named(r.match, r.place)
        rank = 0 if road else said_rank(r.match, r.place)  # what the text calls it: "X district" a quarter
        j = container_of(k, resolutions, text, rank, road=road)
        if j is None and r.place is not None:
            # «القنيطرة - الحميدية | … على طريق الحميدية»: the name again, with no container of its own,
            # is the place found lacking before
            j = lacked.get(r.match.key)
        if j is None:
            continue
        if r.place is None:
            near_miss = near_miss_reading(r, resolutions[j], gazetteer)
            if near_miss is not None:
                resolutions[k] = near_miss
                continue
        else:
            if not (cued_settlement(r.match) or rank <= NESTED_RANK):
                continue  # a city or an area has no nested reading to check
            if within_reach(r.place, resolutions[j]):
                continue
            resolutions[k] = nested_reading(r, resolutions[j])
            if resolutions[k].place is not None:
                continue
            lacked[r.match.key] = j
        containers[k] = j
    return containers


def _mentions(resolutions: list[Resolution], text: str, gazetteer: Gazetteer) -> list[Mention]:
    containers = _contained(resolutions, text, gazetteer)
    context = _context_point(resolutions)
    locations = {}
    for k, r in enumerate(resolutions):
        if r.place is not None:
            m = r.match
            partner = resolutions[m.partner].place if m.partner is not None else None
            near = _near_place(k, resolutions) if r.place.type is PlaceType.ROAD else None
            locations[k] = locate(m, r.place, partner=partner, near=near, context=context)
    mentions = []
    for k, r in enumerate(resolutions):
        m = r.match
        j = containers.get(k)
        # A match left without candidates lost them all for want of corroboration; a name the
        # gazetteer lacks («كفر داعل», "the village of X") stays, as a toponym with no place.
        if r.place is None and not (m.unknown or cued_settlement(m) or j is not None):
            continue
        container = resolutions[j].place if j is not None else None
        location = locations.get(k)
        if container is not None and j is not None:
            near = said_near(text, m, resolutions[j].match)
            location = located_at_container(locations.get(j), container, near=near)
        end = road_word_end(text, m)  # "the Raqqa road": the toponym is the road, named after the town
        mentions.append(
            Mention(
                text=text[m.start : end],
                start=m.start,
                end=end,
                sentence=m.sentence,
                place=r.place,
                score=r.score,
                reason=r.reason,
                cue=m.cue,
                fuzzy=m.fuzzy,
                candidates=r.candidates[:5],
                location=location,
                container=container,
            )
        )
    return mentions


def prepare(gazetteer: Gazetteer) -> None:
    """Build now what :func:`geoparse` would build on its first article with ``gazetteer``.

    That is the matcher's index of ``gazetteer`` (name prefixes, common
    words, near-miss and transliteration tables), every word list (cues,
    events, actors, dates, numbers) and what the readers of names the
    gazetteer lacks derive from them, which are otherwise built on first use
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
    organisation_words()
    MatchIndex.for_gazetteer(gazetteer)
    load_incident_words()
    load_unknown_name_words()


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
    mentions = join_roads(text, _mentions(resolutions, text, gazetteer))
    incidents = extract_incidents(text, sentences, mentions, published=published, language=lang)
    return GeoparseResult(lang, sentences, mentions, incidents)
