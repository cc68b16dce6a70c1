"""Roads named by the places they join, read once the places are resolved: "the Deir ez-Zor–al-Mayadin
road", "the road between X and Y", «الطريق الواصل بين X وY» become one mention of the road segment
between the two (at the known end when the gazetteer lacks the other). :mod:`.roads` reads the road
names the gazetteer has while matching."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache
from itertools import pairwise

from ..places.normalize import TextWords, read_article
from ..places.place import PlaceType
from .cues import load_cues
from .result import Location, Mention
from .roads import DASH_RE
from .toponym import Match

#: "and" between the two ends of "the road between X and Y"; Arabic «و» is a clitic on the second.
_AND_RE = re.compile(r"^\s+(?:and\s+|و)$", re.IGNORECASE)
_BETWEEN = frozenset({"between", "بين"})
#: Words that may stand between an Arabic road word and «بين»: «الطريق الدولي الواصل بين».
_ROAD_LINKS = frozenset({"الدولي", "السريع", "العام", "الواصل", "الرابط", "الممتد"})


def road_word_end(text: str, m: Match) -> int:
    """Where the toponym of ``m`` ends: after the road word that follows a town's name ("the Al-Bab
    road", a road named after the town it leads to), else at the name's end.

    A road's own name keeps its road word outside ("the M4 highway"), as a cue.
    """
    if PlaceType.ROAD not in m.cue_types or (m.places and all(p.type is PlaceType.ROAD for p in m.places)):
        return m.end
    return _road_word_after(text, read_article(text), m.end) or m.end


def _road_word_after(text: str, words: TextWords, end: int) -> int | None:
    """The end of the road word right after offset ``end`` (spaces between), if one is there."""
    after = bisect_left(words.starts, end)
    if after < len(words.tokens) and _adjacent(text, end, words.tokens[after].start):
        if words.tokens[after].norm in _road_words():
            return words.tokens[after].end
    return None


def _road_word_before(text: str, words: TextWords, start: int) -> int | None:
    """The start of the road word right before offset ``start`` (spaces between), if one is there."""
    before = bisect_left(words.starts, start) - 1
    if before >= 0 and _adjacent(text, words.tokens[before].end, start):
        if words.tokens[before].norm in _road_words():
            return words.tokens[before].start
    return None


def _road_word_in(text: str, words: TextWords, m: Mention) -> int | None:
    """Where the name of ``m`` ends when it holds a road word after it (:func:`road_word_end`)."""
    last = bisect_left(words.starts, m.end) - 1
    if last >= 0 and words.starts[last] > m.start and words.tokens[last].norm in _road_words():
        return len(text[: words.starts[last]].rstrip())
    return None


@cache
def _road_words() -> frozenset[str]:
    """The one-word road cues: "road", "highway", «طريق» …"""
    return frozenset(p[0] for p in load_cues().road if len(p) == 1)


def join_roads(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (in text order) with each two that name a road the gazetteer lacks made one, and
    each one that "the road between" («الطريق الواصل بين») opens before a name it lacks made that road.

    "the Deir ez-Zor–al-Mayadin road", «طريق الحسكة – القامشلي»: two located places
    joined by a dash, with a road word right before or after them, name the road
    between them.  The toponym is that road, its road words included; it has no
    place and lies on the line between the two (at its middle, geo_precision 2 at
    best).  A road the gazetteer has is one match already (:func:`merge_roads`).
    """
    if not mentions:
        return mentions
    words = read_article(text)
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        a = mentions[k]
        b = mentions[k + 1] if k + 1 < len(mentions) else None
        joined = None
        if b is not None:
            joined = _road_between(text, words, a, b) or _road_named_between(text, words, a, b)
        if joined is not None:
            _append_road(text, out, joined)
            k += 2
            continue
        _append_road(text, out, _road_to_unknown(text, words, a, b) or a)
        k += 1
    return out


def _append_road(text: str, out: list[Mention], mention: Mention) -> None:
    """Append ``mention`` to ``out``; a road between two places ("highway between X and Y") right after
    the name of a road the gazetteer has ("the M4 highway between X and Y") takes that name in:
    one mention of the stretch of that road between the two, where the text places it."""
    last = out[-1] if out else None
    if (
        last is not None
        and joined_road(mention)
        and last.place is not None
        and last.place.type is PlaceType.ROAD
        and last.sentence == mention.sentence
        and _adjacent(text, last.end, mention.start)
    ):
        assert mention.location is not None  # joined_road
        # "the road between X and Y" → "the M4 highway between X and Y"
        label = mention.location.description.replace("the road", f"the {last.place.name}", 1)
        out[-1] = replace(
            mention,
            text=text[last.start : mention.end],
            start=last.start,
            score=max(last.score, mention.score),
            reason=label,
            location=replace(mention.location, description=label),
        )
        return
    out.append(mention)


def joined_road(mention: Mention) -> bool:
    """Whether ``mention`` is a road the gazetteer lacks, named by the two places it joins (as
    :func:`join_roads` makes them: no place nor container, cue "road", located between the two)."""
    return (
        mention.place is None
        and mention.container is None
        and mention.cue == "road"
        and mention.location is not None
    )


def _road_between(text: str, words: TextWords, a: Mention, b: Mention) -> Mention | None:
    """The one mention of the road ``a``–``b`` name, or None when they name no road."""
    if (
        a.sentence != b.sentence
        or not DASH_RE.match(text[a.end : b.start])
        or not (_placed(a) and _placed(b))
        or a.location is None
        or b.location is None
    ):
        return None
    # "the Idlib–Bab al-Hawa road": ``b`` may hold the road word already, read as a road named after it
    b_name_end = _road_word_in(text, words, b)
    after = _road_word_after(text, words, b.end)
    before = _road_word_before(text, words, a.start)
    if b_name_end is None and after is None and before is None:
        return None  # a dash alone joins no road: "Idlib - Binnish was spared"
    start = a.start if before is None else before
    end = b.end if after is None else after
    one, two = a.location, b.location
    where = Location(
        (one.lat + two.lat) / 2,
        (one.lon + two.lon) / 2,
        max(2, one.geo_precision, two.geo_precision),
        None,
        {"type": "LineString", "coordinates": [[one.lon, one.lat], [two.lon, two.lat]]},
        f"the road between {a.text} and {text[b.start : b_name_end or b.end]}",
    )
    return Mention(
        text=text[start:end],
        start=start,
        end=end,
        sentence=a.sentence,
        place=None,
        score=max(a.score, b.score),
        reason=where.description,
        cue="road",
        location=where,
    )


def _road_named_between(text: str, words: TextWords, a: Mention, b: Mention) -> Mention | None:
    """The one mention of "the road between ``a`` and ``b``", or None when they name no road so.

    A road word, then "between", right before ``a``, and "and" alone between the two («الطريق بين
    درعا وبصرى»: «و» on ``b``).  The toponym runs from the road word to the end of ``b``.
    """
    if (
        a.sentence != b.sentence
        or not _AND_RE.match(text[a.end : b.start])
        or not (_placed(a) and _placed(b))
        or a.location is None
        or b.location is None
    ):
        return None
    start = _road_between_start(text, words, a)
    return None if start is None else _joined(text, a, b, start, b.end, b.text)


def _road_between_start(text: str, words: TextWords, a: Mention) -> int | None:
    """Where "road between" («الطريق الواصل بين») right before ``a`` starts, if it is there."""
    k = bisect_left(words.starts, a.start) - 1
    if k < 1 or words.tokens[k].norm not in _BETWEEN or not _adjacent(text, words.tokens[k].end, a.start):
        return None
    first = k - 1
    while first > 0 and k - first < 3 and words.tokens[first].norm in _ROAD_LINKS:
        first -= 1
    toks = words.tokens[first : k + 1]
    if toks[0].norm not in _road_words() or not all(
        _adjacent(text, one.end, two.start) for one, two in pairwise(toks)
    ):
        return None
    return toks[0].start


def _road_to_unknown(text: str, words: TextWords, a: Mention, b: Mention | None) -> Mention | None:
    """ "the road between ``a`` and Y" where Y is a name the gazetteer lacks (``b``, the next
    mention, is not it): one road mention from the road word to Y's end, located at ``a`` with
    geo_precision 2, the road's known end being the one point the text gives.  English Y is
    capitalised words after "and"; Arabic Y is the word «و» opens («بين نوى ومعرية»), and the
    word after it when that is a name's generic head («وتل شهاب»)."""
    if a.location is None or not _placed(a):
        return None
    start = _road_between_start(text, words, a)
    if start is None:
        return None
    k = bisect_left(words.starts, a.end)
    if k >= len(words.tokens) or not _adjacent(text, a.end, words.tokens[k].start):
        return None
    name_start, end = words.tokens[k].end, None
    if words.tokens[k].norm == "and":
        for tok in words.tokens[k + 1 :]:
            if not _adjacent(text, end or words.tokens[k].end, tok.start) or not _capitalised(
                text[tok.start : tok.end]
            ):
                break
            end = tok.end
    elif words.tokens[k].norm[:1] == "و" and len(words.tokens[k].norm) > 2:
        name_start, end = words.tokens[k].start + 1, _arabic_name_end(text, words, k)
    else:
        return None
    if end is None or (b is not None and b.start < end):
        return None
    lat, lon = _point(a)
    label = f"the road between {a.text} and {text[name_start:end].strip()}"
    where = Location(lat, lon, max(2, a.location.geo_precision), None, None, label)
    return _road_mention(text, start, end, a, a.score, where)


def _arabic_name_end(text: str, words: TextWords, k: int) -> int:
    """The end of the Arabic name «و» opens at word ``k``: the next word too after a generic head."""
    if k + 1 < len(words.tokens) and _adjacent(text, words.tokens[k].end, words.tokens[k + 1].start):
        if words.tokens[k].norm[1:] in load_cues().name_heads:
            return words.tokens[k + 1].end
    return words.tokens[k].end


def _capitalised(word: str) -> bool:
    """Whether a Latin word is a name's: upper-case first letter, or an article before one ("al-Kabir")."""
    head, _, rest = word.partition("-")
    if rest and head.lower() in {"al", "el", "ad", "ar", "as", "ash", "an", "az"}:
        word = rest
    return word[:1].isupper()


def _joined(text: str, a: Mention, b: Mention, start: int, end: int, b_name: str) -> Mention:
    """The road between ``a`` and ``b`` as one mention of ``text[start:end]``, with no place.

    Two known places: midway between their own points (a "between" reading puts each midway
    already), drawn as the line joining them.  One known and one the gazetteer lacks (located at
    its container only): at the known end, the one point the text gives.  geo_precision 2 at best.
    """
    label = f"the road between {a.text} and {b_name}"
    ends = [m for m in (a, b) if m.place is not None] or [a, b]
    points = [_point(m) for m in ends]
    precision = max(2, *(m.location.geo_precision for m in ends if m.location is not None))
    if len(points) == 1:
        where = Location(points[0][0], points[0][1], precision, None, None, label)
    else:
        (lat1, lon1), (lat2, lon2) = points
        line = {"type": "LineString", "coordinates": [[lon1, lat1], [lon2, lat2]]}
        where = Location((lat1 + lat2) / 2, (lon1 + lon2) / 2, precision, None, line, label)
    return _road_mention(text, start, end, a, max(a.score, b.score), where)


def _road_mention(text: str, start: int, end: int, first: Mention, score: float, where: Location) -> Mention:
    """A road the gazetteer lacks as a mention of ``text[start:end]`` in ``first``'s sentence."""
    return Mention(
        text=text[start:end],
        start=start,
        end=end,
        sentence=first.sentence,
        place=None,
        score=score,
        reason=where.description,
        cue="road",
        location=where,
    )


def _point(m: Mention) -> tuple[float, float]:
    """(lat, lon) of the place ``m`` names, else of its location."""
    if m.place is not None:
        return m.place.lat, m.place.lon
    assert m.location is not None  # checked by the callers
    return m.location.lat, m.location.lon


def _placed(m: Mention) -> bool:
    """Whether ``m`` is a Syrian place short of the country, or an unknown name at its container."""
    if m.place is None:
        return m.container is not None
    return m.place.in_syria and m.place.type is not PlaceType.COUNTRY


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether only spaces lie between two words."""
    return end <= start and not text[end:start].strip()
