"""The words that may announce a place the gazetteer lacks, and where in a sentence its name may start.

:mod:`gazetteer.geoparser.unknown` and the readers it is built on read the names; this module
holds what they read them with: the settlement cues of the cue lexicon (its locatives, the words
that open no name, people's adjectives, Arabic plural cues and facility words are read by
:func:`~gazetteer.geoparser.cues.load_cues` from ``data/cues.yaml``), the words that link a name's
parts, the patterns of digits and sentence breaks, the incident lexicons' words, and
:func:`possible_starts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..places.normalize import is_arabic, tokenize
from ..places.place import SETTLEMENT_TYPES, PlaceType
from .cues import load_cues
from .lexicon import distinct_norms, load_lexicon, positions, with_form_in
from .scanner import Scanner
from .sentences import opens_list_item

#: Most tokens a list marker makes («(ح)», "[a]", "12."), before a record's first word.
_MARKER_TOKENS = 2
#: A digit: no word of a name holds one, and one after a container is its event's date.
DIGITS = re.compile(r"\d")
#: What ends a sentence's clause for good: no container is named across it.
SENTENCE_BREAK = re.compile(r"[.;:!?|()\[\]\n؛]")
#: Most words in a name read after a cue.
MAX_NAME_WORDS = 3
NAME_LINKS = frozenset({"bin", "ibn", "abu", "al", "el", "bu", "umm"})
#: English words that join the items of a list of names: "A, B and C".
AND = frozenset({"and", "و"})
#: English words for a city's part after which "of Y" names the place the name lies in: "the X district
#: of Y" (after a settlement word, "the Christian town of Y", the first word is Y's adjective).
NESTED_AFTER = frozenset({("district",), ("neighbourhood",), ("neighborhood",), ("quarter",)})
AR_NAME_LINKS = frozenset({"بن", "ابن", "ابو", "ام", "بو", "بنت"})


#: A cue announces a place the gazetteer may lack when it agrees with one of these (cities are all known).
_SMALL_PLACES = frozenset({PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD, PlaceType.CAMP})


def _cue_phrases(types: dict[tuple[str, ...], frozenset[PlaceType]]) -> frozenset[tuple[str, ...]]:
    """The cue phrases that announce a village, a neighbourhood or a camp."""
    return frozenset(p for p, t in types.items() if t & _SMALL_PLACES and t <= SETTLEMENT_TYPES)


class Words(NamedTuple):
    """The cue lexicon's words an unknown name is read with."""

    before: frozenset[tuple[str, ...]]  # settlement cues before a name: «قرية», "the village of"
    before_ends: frozenset[str]  # the last word of each of ``before``
    after: frozenset[tuple[str, ...]]  # settlement cues after a name: "village", "camp"
    after_heads: frozenset[str]  # the first word of each of ``after``
    stops: frozenset[str]  # words no name read after a cue may hold


@cache
def cue_words() -> Words:
    """The settlement cues (village, neighbourhood, camp) and stop words of the cue lexicon, read once."""
    cues = load_cues()
    after = _cue_phrases(cues.type_after)
    before = _cue_phrases(cues.type_before)
    return Words(
        before,
        frozenset(p[-1] for p in before),
        after,
        frozenset(p[0] for p in after),
        cues.stop_keys | cues.all_words | cues.facility_stops,
    )


class IncidentWords(NamedTuple):
    """The incident lexicons' words the unknown-name readers ask a word about, normalised.

    A word the incident lexicons know reports the event, not a place's name («في القصف، إدلب»).
    """

    dates: frozenset[str]  # Arabic date words: after a container they date its event
    events: frozenset[str]  # Arabic event words: behind a preposition they tell what happened there
    reported: frozenset[str]  # Arabic event, framing and date words
    reported_latin: frozenset[str]  # English event, framing, date and actor words


@cache
def incident_words() -> IncidentWords:
    """The incident lexicons' words (:class:`IncidentWords`), read once per process."""
    arabic = {name: _lexicon_words(name, arabic=True) for name in ("events", "framing", "dates")}
    latin = (_lexicon_words(name, arabic=False) for name in ("events", "framing", "dates", "actors"))
    return IncidentWords(
        dates=arabic["dates"],
        events=arabic["events"],
        reported=frozenset().union(*arabic.values()),
        reported_latin=frozenset().union(*latin),
    )


def _lexicon_words(name: str, *, arabic: bool) -> frozenset[str]:
    """The normalised words of lexicon ``name``, in Arabic script or (``arabic=False``) not."""
    words: set[str] = set()
    for phrase in _strings(load_lexicon(name)):
        words.update(t.norm for t in tokenize(phrase.strip("=*")) if is_arabic(t.text) == arabic)
    return frozenset(words)


def load_word_lists() -> None:
    """Build now, from the word lists already read, what the unknown-name readers look words up in.

    Each is derived once per process from the cue lexicon and the incident lexicons, not from any
    article: :func:`gazetteer.prepare` calls this so that a process's first article builds none of it.
    """
    cue_words()
    incident_words()


def _strings(data: object) -> Iterator[str]:
    """Every string in a lexicon's YAML data, keys and values, however nested."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def list_item_start(scanner: Scanner) -> int | None:
    """The first word after a list marker that opens the sentence's line («(ح) قمينس، محافظة إدلب»),
    where a record gives its place (:func:`gazetteer.geoparser.sentences.opens_list_item`)."""
    toks, text = scanner.toks, scanner.text
    if not toks:
        return None
    line_start = text.rfind("\n", 0, toks[0].start) + 1
    line_end = text.find("\n", toks[0].start)
    if not opens_list_item(text[line_start : line_end if line_end >= 0 else len(text)]):
        return None  # no marker, or a paragraph too long to be a record
    for k in range(min(_MARKER_TOKENS + 1, len(toks))):
        head = text[line_start : toks[k].start]
        if len(head.split()) == 1 and opens_list_item(f"{head}{toks[k].text}"):
            return k  # the first word after the marker
    return None


#: The marks of a caption's header between its area and its place («القنيطرة | X - …», «إدلب - X: …»).
HEADER_MARKS = frozenset("|-–—:")
_HEADER_TOKENS = 4  # the most words of a header's area («ريف حماة الشمالي»)


def header_start(scanner: Scanner) -> int | None:
    """The first word after the mark that parts a caption's area from its place, when the sentence
    opens its line: «القنيطرة | X - قصف …» (X's first word), else None."""
    toks, text = scanner.toks, scanner.text
    if not toks or text[text.rfind("\n", 0, toks[0].start) + 1 : toks[0].start].strip():
        return None
    for k in range(1, min(_HEADER_TOKENS + 1, len(toks))):
        gap = text[toks[k - 1].end : toks[k].start].strip()
        if gap:
            return k if gap in HEADER_MARKS else None
    return None


def possible_starts(scanner: Scanner) -> list[int]:
    """The tokens a name could start at, in order: a superset of those where
    :mod:`gazetteer.geoparser.unknown` finds a name announced.

    Just after the last word of a settlement cue; in English also just after
    any cue word, a locative word or another lowercase word, or a few words before a settlement word
    ("X village", "X, a village"), which an English name may be followed by.
    An Arabic sentence's word lists are looked up in its distinct words first (clitics stripped by
    :func:`~gazetteer.geoparser.lexicon.with_form_in`): most hold none, and then no token is read.
    """
    cue, cues = cue_words(), load_cues()
    if scanner.english:
        found = {k + 1 for k, word in enumerate(scanner.words) if word.cue_end}
        found.update(k + 1 for k, tok in enumerate(scanner.toks) if tok.norm in cues.locatives_en)
        for k, tok in enumerate(scanner.toks):
            if tok.norm in cue.after_heads:
                found.update(range(max(0, k - MAX_NAME_WORDS - 2), k))
            elif k and tok.text[:1].isupper() and scanner.toks[k - 1].text.islower():
                found.add(k)  # after a verb or a preposition: "overlooking X in …"
    else:
        # An Arabic name is announced by a settlement cue before it, which ends on a cue word, or by
        # a locative before it and its container after a comma, or by a facility word before it
        # («محطة X قرب Y»; a proclitic only prefixes it).
        toks = scanner.toks
        words = distinct_norms(toks)
        announcing = (
            with_form_in(cue.before_ends).among(toks, words=words)
            | with_form_in(cues.named_facilities).among(toks, words=words)
            | cues.locatives_ar.intersection(words)
        )
        found = {k + 1 for k in positions(toks, announcing)} if announcing else set()
        for first in (list_item_start(scanner), header_start(scanner)):
            if first is not None:
                found.add(first)
    return sorted(found)
