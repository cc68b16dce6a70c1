"""Road mentions: «طريق حلب- اللاذقية» read as one road, «الطريق الدولي» referring back to it, and
a road the gazetteer lacks named by the places it joins ("the Deir ez-Zor–al-Mayadin road")."""

from __future__ import annotations

import dataclasses
import re

from ..places.normalize import is_arabic
from ..places.place import Place, PlaceType
from .cues import ROAD_CODE_RE
from .geometry import distance_to_geometry_km
from .scanner import Scanner, char_cut
from .toponym import Match

#: A dash alone between two names: «طريق حلب- اللاذقية», "the Aleppo–Latakia road".
DASH_RE = re.compile(r"^\s*[\-\u2010\u2011\u2012\u2013\u2014]\s*$")
#: Road whose line passes this close to both named end cities is the road meant.
ROAD_ENDPOINT_KM = 12.0


def merge_roads(matches: list[Match], scanner: Scanner) -> list[Match]:
    """Turn «طريق X- Y» / "X-Y highway" into one road match when a road joins X and Y."""
    roads = scanner.index.roads
    if not roads or len(matches) < 2:
        return matches
    out: list[Match] = []
    k = 0
    while k < len(matches):
        a = matches[k]
        b = matches[k + 1] if k + 1 < len(matches) else None
        if b is not None and b.tok_start == a.tok_end and DASH_RE.match(scanner.text[a.end : b.start]):
            cued = (
                bool(scanner.phrase_before(a.tok_start, scanner.cues.road)) or PlaceType.ROAD in a.cue_types
            )
            after = scanner.phrase_after(b.tok_end, scanner.cues.road | scanner.cues.type_after.keys())
            code_after = b.tok_end < len(scanner.toks) and ROAD_CODE_RE.match(scanner.toks[b.tok_end].norm)
            if cued or after or code_after:
                best: tuple[float, Place] | None = None
                for road in roads:
                    da = min(
                        (distance_to_geometry_km(road.geometry, p.lat, p.lon) for p in a.places), default=1e9
                    )
                    db = min(
                        (distance_to_geometry_km(road.geometry, p.lat, p.lon) for p in b.places), default=1e9
                    )
                    worst = max(da, db)
                    if worst <= ROAD_ENDPOINT_KM and (best is None or worst < best[0]):
                        best = (worst, road)
                if best is not None:
                    # "the Homs–Palmyra road": the road word after the two names is the road's name too
                    end_tok = after[1] if after and after[0] in scanner.cues.road else b.tok_end
                    end = scanner.toks[end_tok - 1].end
                    start, tok_start = _arabic_road_word_start(scanner, a)
                    merged = Match(
                        start=start,
                        end=end,
                        text=scanner.text[start:end],
                        key=f"{a.key} {b.key}",
                        places=[best[1]],
                        sentence=a.sentence,
                        tok_start=tok_start,
                        tok_end=end_tok,
                        cue=a.cue or "road",
                        cue_types=frozenset({PlaceType.ROAD}),
                        road_ends=(a.places[0], b.places[0]) if a.places and b.places else (),
                    )
                    out.append(merged)
                    k += 2
                    continue
        out.append(a)
        k += 1
    return out


def _arabic_road_word_start(scanner: Scanner, a: Match) -> tuple[int, int]:
    """Where «طريق X - Y» starts, its proclitic left out (offset, token), when an Arabic road word
    stands right before X: the road word names the road as the English one after "the X–Y road" does.
    Else where X starts."""
    cue = None if scanner.english else scanner.phrase_before(a.tok_start, scanner.cues.road)
    if cue is None:
        return a.start, a.tok_start
    phrase, k = cue
    cut = next((c for form, c in scanner.words[k].variants if form == phrase[0]), 0)
    return char_cut(scanner.toks[k], cut), k


def cued_codes(matches: list[Match], scanner: Scanner) -> list[Match]:
    """``matches`` with an Arabic road cue joined to the road code it precedes: «الطريق الدولي M4» is
    one name, as «الطريق الدولي حلب - اللاذقية» is (a code in brackets after a name stays apart)."""
    if scanner.english:
        return matches
    out = []
    for m in matches:
        cue = (
            scanner.phrase_before(m.tok_start, scanner.cues.road)
            if ROAD_CODE_RE.match(m.key) and m.tok_end - m.tok_start == 1
            else None
        )
        if cue is not None and is_arabic(scanner.toks[cue[1]].text):
            start = scanner.toks[cue[1]].start
            m = dataclasses.replace(m, start=start, text=scanner.text[start : m.end], tok_start=cue[1])
        out.append(m)
    return out


def single_road(m: Match) -> Place | None:
    """The road ``m`` names, when all its candidates are that one road."""
    if not m.places or m.places[0].type is not PlaceType.ROAD:
        return None
    roads = {p.id: p for p in m.places if p.type is PlaceType.ROAD}
    return next(iter(roads.values())) if len(roads) == 1 and len(m.places) == len(roads) else None


def road_anaphora(matches: list[Match], scanner: Scanner, road: Place) -> list[Match]:
    """Add a match for each bare «الطريق الدولي» / "the highway" that refers back to ``road``.

    Only a definite road phrase that no name follows counts: «الطريق الدولي
    حلب- اللاذقية» names its road itself.
    """
    starts = {m.tok_start for m in matches}
    covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
    added = []
    j = 0
    while j < len(scanner.toks):
        found = None if j in covered else scanner.phrase_after(j, scanner.cues.road_anaphora, max_len=3)
        if found is None:
            j += 1
            continue
        end_tok = found[1]
        if end_tok in starts or any(k in covered for k in range(j, end_tok)):
            j = end_tok
            continue
        start, end = scanner.toks[j].start, scanner.toks[end_tok - 1].end
        added.append(
            Match(
                start=start,
                end=end,
                text=scanner.text[start:end],
                key=" ".join(found[0]),
                places=[road],
                sentence=scanner.sentence,
                tok_start=j,
                tok_end=end_tok,
                cue="road",
                cue_types=frozenset({PlaceType.ROAD}),
            )
        )
        j = end_tok
    return sorted([*matches, *added], key=lambda m: m.tok_start) if added else matches
