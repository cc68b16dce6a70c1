"""Toponym recognition: gazetteer-driven longest match over normalised tokens.

:func:`find_matches` scans each sentence's tokens left to right and, at each
position, asks the gazetteer for the longest token n-gram that is a name
key (trying the first token with its Arabic proclitics stripped).  Around
every match it reads the cue words that decide how the name is used: a type
cue before it («قرية»، "town of") or after it ("province"), a relation
(«محيط»، «غرب»، "near"), a countryside form («ريف X الجنوبي»), or «بين X و
Y».  Common words that are also place names are kept only when cued (the
resolver may still accept them on corroboration); near-miss spellings are
tried only after a settlement cue or inside quotes.  Two city names joined
by a dash after a road cue («طريق حلب- اللاذقية») become one road mention.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import compress, count, repeat
from operator import and_, attrgetter, contains, is_, itemgetter
from typing import Any, NamedTuple

import yaml

from .index import Gazetteer
from .normalize import (
    Token,
    clitic_variants,
    is_arabic,
    normalize_name,
    read_article,
    tokenize,
)
from .place import Place, PlaceType
from .result import Sentence

# Characters that may join the tokens of one name: spaces, dashes, underscores
# (hashtags such as #ريف_إدلب), but never a comma, a full stop or a quote.
_JOIN_RE = re.compile(r"[ \t\u00a0\-\u2010\u2011\u2012\u2013\u2014_]{1,4}")
_DASH_RE = re.compile(r"^\s*[\-\u2010\u2011\u2012\u2013\u2014]\s*$")
_OPEN_QUOTES = "«“\"”„'‘"
_CLOSE_QUOTES = "»”\"“'’"
_OPEN_QUOTE_RE = re.compile(f"[{re.escape(_OPEN_QUOTES)}]")
# Between a cue word and the name: spaces, hashtags, opening quotes and brackets.
_CUE_GAP_RE = re.compile(r"^[\s#«“\"”„'‘(\[_\-]{1,4}$")
_CODE_RE = re.compile(r"^[a-z]{1,2}\d{1,3}$")  # road codes: m4, M5
_NORM_OF = attrgetter("norm")
_TEXT_OF = attrgetter("text")
_APOSTROPHES = ("'", "’")  # the marks of an "X's"
_KM_DIGITS = 4  # a stated distance has at most this many digits: 9999 km is beyond any reading
_KM_WORDS = frozenset({"km", "kms", "kilometres", "kilometers", "كم", "كيلومتر", "كيلومترات", "كيلو"})
_LATIN_ARTICLE_RE = re.compile(r"^[AaEe](?:l|sh|s|dh|d|r|th|t|z|n)-")  # "al-Lataminah" is capitalised

#: A fuzzy (one-letter) reading must keep at least this many normalised letters.
FUZZY_MIN_LETTERS = 5
#: Words remembered per memo table (a long-running server sees an open vocabulary).
_MEMO_SIZE = 200_000
#: Road whose line passes this close to both named end cities is the road meant.
ROAD_ENDPOINT_KM = 12.0


@dataclass(slots=True)
class Match:
    """A recognised name and the context words that govern its reading.

    ``start``/``end`` are offsets in the article (a stripped clitic lies
    outside the span); ``tokens`` the token range ``[tok_start, tok_end)``
    within the sentence.  ``places`` are the gazetteer's candidates.
    ``cue`` is the normalised cue phrase, ``cue_types`` the place types it
    agrees with.  ``relation`` is ``""``, ``"near"``, ``"direction"``,
    ``"countryside"`` or ``"between"``; ``bearing`` the compass bearing in
    degrees for a direction or a directional countryside.  ``partner`` is
    the index (in the returned list) of the other end of «بين X و Y».
    ``needs_support`` marks a common word accepted only if the article's
    other places corroborate it; ``fuzzy`` a one-letter near-miss reading.
    ``distance_km`` is a distance the text states for a direction ("10 km west of").
    ``unknown`` marks a compound name the gazetteer lacks («كفر داعل»): a
    toponym with no candidate places.
    """

    start: int
    end: int
    text: str
    key: str
    places: list[Place]
    sentence: int
    tok_start: int
    tok_end: int
    cue: str = ""
    cue_types: frozenset[PlaceType] = frozenset()
    relation: str = ""
    bearing: float | None = None
    partner: int | None = None
    quoted: bool = False
    fuzzy: bool = False
    needs_support: bool = False
    distance_km: float | None = None
    unknown: bool = False
    road_ends: tuple[Place, ...] = field(default_factory=tuple)


# -- cue lexicon ----------------------------------------------------------------


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text))


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue lexicon of ``data/cues.yaml``, every phrase as a tuple of normalised tokens."""

    type_before: dict[tuple[str, ...], frozenset[PlaceType]]
    type_after: dict[tuple[str, ...], frozenset[PlaceType]]
    road: frozenset[tuple[str, ...]]
    road_anaphora: frozenset[tuple[str, ...]]
    near: frozenset[tuple[str, ...]]
    direction: dict[tuple[str, ...], float]
    between: frozenset[tuple[str, ...]]
    countryside_before: frozenset[tuple[str, ...]]
    countryside_after: frozenset[tuple[str, ...]]
    countryside_direction: dict[tuple[str, ...], float]
    fuzzy: frozenset[tuple[str, ...]]
    facility_heads: frozenset[str]
    facility_stops: frozenset[str]
    stop_keys: frozenset[str]
    name_heads: frozenset[str]

    @property
    def all_words(self) -> frozenset[str]:
        """Every single-token cue, relation and direction word (never a place name on its own)."""
        words = _ALL_WORDS.get(id(self))
        if words is None:
            phrases = [
                *self.type_before,
                *self.type_after,
                *self.road,
                *self.near,
                *self.direction,
                *self.between,
                *self.countryside_before,
                *self.countryside_after,
                *self.countryside_direction,
            ]
            words = _ALL_WORDS[id(self)] = frozenset(p[0] for p in phrases if len(p) == 1)
        return words

    @property
    def phrase_ends(self) -> frozenset[str]:
        """The last word of every phrase of every cue list: a phrase can end only on one of them."""
        ends = _PHRASE_ENDS.get(id(self))
        if ends is None:
            lists = (
                self.type_before,
                self.type_after,
                self.road,
                self.road_anaphora,
                self.near,
                self.direction,
                self.between,
                self.countryside_before,
                self.countryside_after,
                self.countryside_direction,
                self.fuzzy,
            )
            ends = _PHRASE_ENDS[id(self)] = frozenset(p[-1] for phrases in lists for p in phrases)
        return ends


    @property
    def type_after_heads(self) -> frozenset[str]:
        """The first word of every ``type_after`` phrase ("province", "countryside" …)."""
        heads = _AFTER_HEADS.get(id(self))
        if heads is None:
            heads = _AFTER_HEADS[id(self)] = frozenset(p[0] for p in self.type_after)
        return heads


# all_words, phrase_ends and type_after_heads of each Cues (load_cues() makes one, cached for the
# process, so these stay tiny).
_ALL_WORDS: dict[int, frozenset[str]] = {}
_PHRASE_ENDS: dict[int, frozenset[str]] = {}
_AFTER_HEADS: dict[int, frozenset[str]] = {}


def _types(values: list[str]) -> frozenset[PlaceType]:
    return frozenset(PlaceType(v) for v in values)


@cache
def load_cues() -> Cues:
    """Read ``gazetteer/data/cues.yaml`` once; raises ``yaml.YAMLError``/``ValueError`` if malformed."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("gazetteer").joinpath("data/cues.yaml").read_text(encoding="utf-8")
    )
    rel = raw["relations"]

    def phrases(*lists: list[str]) -> frozenset[tuple[str, ...]]:
        return frozenset(_phrase(p) for lst in lists for p in (lst or ()) if _phrase(p))

    def typed(section: dict[str, Any]) -> dict[tuple[str, ...], frozenset[PlaceType]]:
        return {_phrase(k): _types(v) for lang in section.values() for k, v in (lang or {}).items()}

    def bearings(section: dict[str, Any]) -> dict[tuple[str, ...], float]:
        return {_phrase(k): float(v) for lang in section.values() for k, v in (lang or {}).items()}

    stop = {normalize_name(w) for lang in raw["stoplist"].values() for w in lang}
    return Cues(
        type_before=typed(raw["type_cues"]),
        type_after=typed(raw["type_cues_after"]),
        road=phrases(*raw["road_cues"].values()),
        road_anaphora=phrases(*raw["road_anaphora"].values()),
        near=phrases(*rel["near"].values()),
        direction=bearings(rel["direction"]),
        between=phrases(*rel["between"].values()),
        countryside_before=phrases(raw["countryside"]["ar"], raw["countryside"]["en_before"]),
        countryside_after=phrases(raw["countryside"]["en_after"]),
        countryside_direction=bearings(raw["countryside_directions"]),
        fuzzy=phrases(*raw["fuzzy_cues"].values()),
        facility_heads=frozenset(p[0] for p in phrases(*raw["facility_heads"].values())),
        facility_stops=frozenset(p[0] for p in phrases(*raw["facility_name_stops"].values())),
        stop_keys=frozenset(stop),
        name_heads=frozenset(p[0] for p in phrases(*raw["name_heads"].values()) if len(p) == 1),
    )


# -- per-gazetteer derived indexes ------------------------------------------------


#: (order, form, cut, longest key in tokens, the form alone is a key): a form of a word that starts a key.
_Head = tuple[int, str, int, int, bool]


class _Word(NamedTuple):
    """A normalised word as the scanner sees it (see :meth:`MatchIndex.word`)."""

    variants: tuple[tuple[str, int], ...]  # its forms with the characters cut (clitics, "'s")
    max_n: int  # the most tokens of a name key starting with one of its forms; 0: none
    arabic: bool
    facility_head: bool  # a form is a facility head word («مشفى», "hospital")
    fuzzy_cue: bool  # a form is a one-word fuzzy cue
    cue_end: bool  # a form is the last word of some cue phrase
    transliteration: bool  # a Latin transliteration reading may start with it (see MatchIndex.word)
    article: bool  # a standalone Latin article ("al", "el"), which a name key leaves out
    #: (order, form, cut, longest key in tokens, form alone is a key) of each form that starts a key
    heads: tuple[_Head, ...]
    single: tuple[str, int] | None  # (key, cut) of its best reading as a one-word name, if any
    flags: int  # the fields above that make it a possible start of a reading, as _F_* bits


# Bits of _Word.flags: what may make a word the start of a reading (see _ArticleWords).
_F_SINGLE = 1  # a one-word name
_F_HEAD = 2  # a facility head word
_F_LONGER = 4  # the first word of a name of two words or more
_F_ARTICLE = 8  # a standalone Latin article
_F_FUZZY_CUE = 16  # a fuzzy cue (a near-miss may follow it)
_F_TRANSLITERATION = 32  # the start of a transliteration, if capitalised


#: The bits that can start a reading in Arabic text (which reads no transliteration).
_ARABIC_TEXT_FLAGS = _F_SINGLE | _F_HEAD | _F_LONGER | _F_ARTICLE | _F_FUZZY_CUE


def _flags(
    *,
    single: tuple[str, int] | None,
    facility_head: bool,
    max_n: int,
    article: bool,
    fuzzy_cue: bool,
    transliteration: bool,
) -> int:
    """The _F_* bits of a word with these :class:`_Word` fields."""
    return (
        (_F_SINGLE if single is not None else 0)
        | (_F_HEAD if facility_head else 0)
        | (_F_LONGER if max_n > 1 else 0)
        | (_F_ARTICLE if article else 0)
        | (_F_FUZZY_CUE if fuzzy_cue else 0)
        | (_F_TRANSLITERATION if transliteration else 0)
    )


class MatchIndex:
    """What the matcher derives from one gazetteer, built once and cached per gazetteer.

    ``ambiguous`` holds name keys that are also common words: the curated
    stoplist, every cue/relation word, single-token names of three letters
    or fewer, and single-token Arabic names borne by many unrelated places
    (a generic word such as «الحرية» names a dozen hamlets).  ``fuzzy``
    maps each one-character deletion of an Arabic key (≥ 5 letters, Syrian
    places) to the keys it came from: the symmetric-delete scheme, where
    two strings within one edit share a deletion key.
    """

    #: A single-token Arabic key carried by at least this many places is a generic word.
    GENERIC_PLACE_COUNT = 6

    _cache: weakref.WeakKeyDictionary[Gazetteer, MatchIndex] = weakref.WeakKeyDictionary()

    def __init__(self, gazetteer: Gazetteer) -> None:
        cues = load_cues()
        words = cues.all_words
        ambiguous = set(cues.stop_keys) | set(words)
        for key in gazetteer.keys():
            if " " in key:
                continue
            letters = sum(c.isalpha() for c in key)
            if (
                letters <= 3
                and not _CODE_RE.match(key)
                and not any(_important(p) for p in gazetteer.lookup_key(key))
            ):
                ambiguous.add(key)  # short names («تل», "Ain") are words; «حلب», «حمص» are cities
            elif is_arabic(key) and len(gazetteer.lookup_key(key)) >= self.GENERIC_PLACE_COUNT:
                ambiguous.add(key)
        self.ambiguous: frozenset[str] = frozenset(ambiguous)
        # Every table is built now rather than on first use, so that a process that builds the
        # index before its first article (gazetteer.pipeline.prepare) has the first one as fast
        # as the next, and workers forked after it share the tables.  Lookup tables map to
        # tuples of strings, which the garbage collector stops tracking.
        self._fuzzy = self._build_fuzzy(gazetteer)
        self._skeletons = self._build_skeletons(gazetteer)
        # A transliteration reading starts at its first word: the first word of some skeleton.
        self._skeleton_words = frozenset(sk.split(" ", 1)[0] for sk in self._skeletons)
        self._gazetteer = weakref.ref(gazetteer)
        # Longest key (in tokens) starting with each first token: most text
        # tokens start no name, and the others need only a few n-gram probes.
        self.first_token_len: dict[str, int] = {}
        # Every key's leading 1, 2, … tokens: a longer name is tried only while one can still follow.
        self.key_prefixes: set[str] = set()
        self._words: dict[str, _Word] = {}  # memo of word()
        self._possessives: dict[str, _Word] = {}
        for key in gazetteer.keys():
            parts = key.split(" ")
            if self.first_token_len.get(parts[0], 0) < len(parts):
                self.first_token_len[parts[0]] = len(parts)
            self.key_prefixes.update(" ".join(parts[:k]) for k in range(1, len(parts) + 1))
        self.roads: list[Place] = [
            p for p in gazetteer if p.type is PlaceType.ROAD and p.geometry and p.geometry.get("coordinates")
        ]

    def words_of(
        self,
        toks: Sequence[Token],
        *,
        norms: Sequence[str] | None = None,
        quoted: Iterable[int] | None = None,
    ) -> list[_Word]:
        """:meth:`word` of each token, in order.

        ``norms``: the tokens' normalised forms, when at hand.  ``quoted``: the indices of the
        tokens holding an apostrophe, when known; otherwise every token's text is searched for
        one.  Only those tokens, and words not yet memoised, are read one by one (with
        :func:`_possessive`, so that an "X's" gets its possessive record).
        """
        known = self._words.get
        out = list(map(known, map(_NORM_OF, toks) if norms is None else norms))  # one C-level pass
        redo = list(compress(count(), map(is_, out, repeat(None)))) if None in out else []
        if quoted is None:
            texts = list(map(_TEXT_OF, toks))
            for quote in _APOSTROPHES:
                redo.extend(compress(count(), map(contains, texts, repeat(quote))))
        else:
            redo.extend(quoted)
        for k in dict.fromkeys(redo):  # in order, each once
            tok = toks[k]
            out[k] = self.word(tok.norm, _possessive(tok))
        return out

    def word(self, norm: str, possessive: bool) -> _Word:
        """What the scanner needs to know of a normalised word (``possessive``: written "X's"); memoised."""
        memo = self._possessives if possessive else self._words
        found = memo.get(norm)
        if found is None:
            cues = load_cues()
            variants = _norm_variants(norm, possessive)
            forms = [f for f, _ in variants]
            heads = self._heads(variants)
            fields = {
                "max_n": max((self.first_token_len.get(f, 0) for f in forms), default=0),
                "facility_head": any(f in cues.facility_heads for f in forms),
                "fuzzy_cue": any((f,) in cues.fuzzy for f in forms),
                "transliteration": self._may_transliterate(norm),
                "article": norm in ("al", "el"),
                "single": self._single(norm, heads),
            }
            found = _Word(
                variants=variants,
                arabic=is_arabic(norm),
                cue_end=any(f in cues.phrase_ends for f in forms),
                heads=heads,
                flags=_flags(**fields),
                **fields,
            )
            if len(memo) < _MEMO_SIZE:
                memo[norm] = found
        return found

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> MatchIndex:
        """The cached index of ``gazetteer``, built on first use (see :func:`gazetteer.pipeline.prepare`)."""
        index = cls._cache.get(gazetteer)
        if index is None:
            index = cls._cache[gazetteer] = cls(gazetteer)
        return index

    def fuzzy_keys(self, text: str) -> set[str]:
        """Arabic name keys within Damerau-Levenshtein distance 1 of ``text`` (``text`` excluded)."""
        found: set[str] = set()
        for probe in (text, *_deletions(text)):
            found.update(self._fuzzy.get(probe, ()))
        found.discard(text)
        return {k for k in found if _within_one_edit(text, k)}

    def _heads(self, variants: tuple[tuple[str, int], ...]) -> tuple[_Head, ...]:
        gazetteer = self._gazetteer()
        return tuple(
            (order, form, cut, self.first_token_len[form], gazetteer is not None and gazetteer.has_key(form))
            for order, (form, cut) in enumerate(variants)
            if form in self.first_token_len
        )

    def _single(self, norm: str, heads: tuple[_Head, ...]) -> tuple[str, int] | None:
        """The first form of a word that is a one-word key it may be read as (see ``_article_ok``)."""
        gazetteer = self._gazetteer()
        for _, form, cut, _, single in heads:
            if single and gazetteer is not None and _article_ok(gazetteer, norm, cut, form):
                return form, cut
        return None

    def _may_transliterate(self, norm: str) -> bool:
        """False when no name's transliteration skeleton can start with this word's (an article may)."""
        if not norm.isascii():
            return False
        if norm in _LATIN_ARTICLES or not norm.isalpha():
            return True
        return latin_skeleton(norm) in self._skeleton_words

    def skeleton_keys(self, skeleton: str) -> tuple[str, ...]:
        """Latin name keys of Syrian places whose transliteration skeleton is ``skeleton``, sorted."""
        return self._skeletons.get(skeleton, ())

    def _build_skeletons(self, gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
        """Each transliteration skeleton of a Syrian place's Latin key, with the keys that have it."""
        index: dict[str, set[str]] = {}
        for key in gazetteer.keys():
            skeleton = latin_skeleton(key)
            if sum(c.isalpha() for c in skeleton) < SKELETON_MIN_CONSONANTS or key in self.ambiguous:
                continue
            if any(p.in_syria for p in gazetteer.lookup_key(key)):
                index.setdefault(skeleton, set()).add(key)
        return {skeleton: tuple(sorted(keys)) for skeleton, keys in index.items()}

    def _build_fuzzy(self, gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
        """Each one-character deletion of a Syrian place's long Arabic key, with the keys it comes from."""
        index: dict[str, set[str]] = {}
        for key in gazetteer.keys():
            if not is_arabic(key) or sum(c.isalpha() for c in key) < FUZZY_MIN_LETTERS:
                continue
            if key in self.ambiguous or not any(p.in_syria for p in gazetteer.lookup_key(key)):
                continue
            for probe in (key, *_deletions(key)):
                index.setdefault(probe, set()).add(key)
        return {probe: tuple(sorted(keys)) for probe, keys in index.items()}


_SKELETON_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"),
                      ("ph", "f"), ("ou", "u"), ("q", "k"), ("c", "k"), ("w", "u"), ("y", "i"), ("z", "s"))
_AR_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ام"})  # «عمر بن عبد العزيز»
_NAME_LINKS = frozenset({"bin", "ibn", "bint", "abu", "al", "el", "of"})
_LATIN_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et"})
#: A transliteration skeleton needs this many consonants to be specific enough to match on.
SKELETON_MIN_CONSONANTS = 4


@lru_cache(maxsize=100_000)
def latin_skeleton(key: str) -> str:
    """The consonant skeleton of a normalised Latin name key, for transliteration variants.

    Articles go, digraphs fold (kh→k, sh→s, q→k, ou→u, w→u, y→i …), vowels
    after a word's first letter go (a first vowel becomes «a»), and letters
    doubled in the spelling collapse first: "Maret Al Numaan", "Maarat
    al-Numan" → ``mrt nmn``; "Termaneen", "Turmanin" → ``trmnn``.  Returns "" for non-Latin keys.
    """
    if not key.isascii():
        return ""
    words = []
    for word in key.split(" "):
        if word in _LATIN_ARTICLES or not word.isalpha():
            continue
        for a, b in _SKELETON_DIGRAPHS:
            word = word.replace(a, b)
        word = re.sub(r"(.)\1+", r"\1", word)  # only letters doubled in the spelling itself
        head = "a" if word[0] in "aeiou" else word[0]
        words.append(head + re.sub(r"[aeiou]", "", word[1:]))
    return " ".join(words)


def _important(place: Place) -> bool:
    """Syrian places too prominent for their short name to be taken for a common word."""
    if not place.in_syria:
        return place.type is PlaceType.COUNTRY
    if place.type in (PlaceType.CITY, PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.COUNTRY):
        return True
    return place.population >= 10_000 or place.id.startswith("cur:")


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text)) if text[i] != " "}


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of ``a`` and ``b`` is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


# -- scanning ---------------------------------------------------------------------


class _SentenceWords(NamedTuple):
    """One sentence as the scanner reads it (token indices relative to the sentence)."""

    toks: Sequence[Token]  # offsets into the article's text
    words: list[_Word]  # each token's record
    joinable: list[bool]  # joinable[k]: the text between tokens k and k + 1 may join them into one name
    live: list[int]  # where a reading may start, in order (see _ArticleWords.sentence)
    facility_sentence: bool  # English: a facility head word («hospital») is in the sentence
    has_quotes: bool  # an opening quote is in the sentence (or just before it)


_FLAGS_OF = attrgetter("flags")
_FIRST_CHAR = itemgetter(0)


class _ArticleWords:
    """An article's tokens, their :class:`_Word` records and join flags, read once for all sentences.

    Also where readings may start, found for the whole article with C-level
    maps (a Python step per token costs more than the rest of most sentences),
    so that a sentence where none can start is passed over at once.
    """

    __slots__ = ("text", "english", "tokens", "starts", "quotes", "words", "joinable", "anchors",
                 "articles", "heads", "uppers", "fuzzy_cues")  # fmt: skip

    def __init__(self, text: str, index: MatchIndex, *, english: bool) -> None:
        self.text = text
        self.english = english
        article = read_article(text)  # one record: tokens, starts, norms and gaps from one reading
        self.tokens = tokens = article.tokens
        self.starts = article.starts
        self.quotes = [quote.start() for quote in _OPEN_QUOTE_RE.finditer(text)]
        quoted = _words_with_apostrophes(text, tokens, self.starts)
        self.words = words = index.words_of(tokens, norms=article.norms, quoted=quoted)
        gaps = article.gaps
        joinable = list(map(_JOINS.get, gaps))  # gaps are few and recur: most are known
        self.joinable = [_joins(gap) for gap in gaps] if None in joinable else joinable
        # A reading starts at a one-word name, at the first word of a longer name whose second
        # word follows (_continues), in Arabic at a facility head word, and in English at a
        # capitalised word that may start a transliteration.  Most words have no flag: one
        # C-level pass finds the others, and only those are looked at one by one.
        anchors: list[int] = []
        self.articles: list[int] = []  # "al", "el" standing alone
        self.heads: list[int] = []  # facility head words
        self.fuzzy_cues: list[int] = []
        self.uppers: list[int] = []  # English: capitalised words (read in sentences holding a head word)
        prefixes, english_bits = index.key_prefixes, _F_SINGLE | _F_LONGER | _F_TRANSLITERATION
        flags = list(map(_FLAGS_OF, words))
        # Arabic text reads no transliteration: Latin words flagged for one alone need no look.
        flagged = flags if english else map(and_, flags, repeat(_ARABIC_TEXT_FLAGS))
        for i in compress(count(), flagged):
            f = flags[i]
            if english:
                if f & english_bits and (
                    f & _F_SINGLE
                    or (f & _F_TRANSLITERATION and tokens[i].text[:1].isupper())
                    or (f & _F_LONGER and self._continues(i, prefixes))
                ):
                    anchors.append(i)
            elif f & (_F_SINGLE | _F_HEAD) or (f & _F_LONGER and self._continues(i, prefixes)):
                anchors.append(i)
            if f & _F_ARTICLE:
                self.articles.append(i)
            if f & _F_HEAD:
                self.heads.append(i)
            if f & _F_FUZZY_CUE and not english:
                self.fuzzy_cues.append(i)
        self.anchors = anchors
        if english and self.heads:
            self.uppers = list(compress(count(), map(str.isupper, map(_FIRST_CHAR, map(_TEXT_OF, tokens)))))

    def _continues(self, i: int, prefixes: set[str]) -> bool:
        """Whether word ``i`` and the next, joined, begin some name key (read with any of its forms)."""
        if i + 1 >= len(self.tokens) or not self.joinable[i]:
            return False
        after = " " + self.tokens[i + 1].norm
        for _, form, _, longest, _ in self.words[i].heads:
            if longest > 1 and form + after in prefixes:
                return True
        return False

    def sentences(self, sentences: list[Sentence]) -> Iterator[tuple[Sentence, _SentenceWords]]:
        """Each sentence with its words (a sentence with no token is left out)."""
        starts, first = self.starts, 0
        for sentence in sentences:
            first = bisect_left(starts, sentence.start, lo=first)
            last = bisect_left(starts, sentence.end, lo=first)
            if last > first:
                yield sentence, self.sentence(first, last)
            first = last

    def sentence(self, first: int, last: int) -> _SentenceWords:
        """Tokens ``[first, last)`` of the article as one sentence (``first < last``).

        ``live`` holds the positions where :meth:`_Scanner.longest_at` or a
        fallback reading could match (a cheap necessary condition of each
        reader): a name needs a word that is a one-word name, or the first
        word of a longer name whose second word follows it (:meth:`_continues`,
        which may look past the sentence's end: a superset is safe), or, after
        a standalone Latin article, such a word next; :meth:`_Scanner.fuzzy_at`
        an Arabic word after a fuzzy cue or an opening quote;
        :meth:`_Scanner.facility_at` an Arabic facility head word, or in
        English a capitalised word in a sentence holding a head word;
        :meth:`_Scanner.transliteration_at` a capitalised word whose consonant
        skeleton may start some name's.
        """
        tokens, words, text = self.tokens, self.words, self.text
        toks = tokens[first:last]
        near, end = max(0, toks[0].start - 3), toks[-1].end
        has_quotes = bool(self.quotes) and _any_between(self.quotes, near, end)
        facility = self.english and bool(self.heads) and _any_between(self.heads, first, last)
        live = _between(self.anchors, first, last)
        # The lists below are empty in most articles: each is read only when it is not.
        extra = []
        if self.articles:
            extra += [p for p in _between(self.articles, first, last - 1) if words[p + 1].max_n]
        if facility:
            extra += _between(self.uppers, first, last)
        if self.fuzzy_cues:
            extra += [p + 1 for p in _between(self.fuzzy_cues, first, last - 1) if words[p + 1].arabic]
        if has_quotes and not self.english:
            for quote in _between(self.quotes, near, end):
                k = bisect_right(self.starts, quote, lo=first, hi=last)
                if k < last and words[k].arabic and _opened(text, tokens[k]):
                    extra.append(k)
        if extra:
            live = sorted({*live, *extra})
        return _SentenceWords(
            toks,
            words[first:last],
            self.joinable[first : last - 1],
            [p - first for p in live] if first else live,
            facility,
            has_quotes,
        )


def _words_with_apostrophes(text: str, tokens: Sequence[Token], starts: Sequence[int]) -> list[int]:
    """The indices of the tokens holding an apostrophe (found with ``str.find``: they are few)."""
    out = []
    for quote in _APOSTROPHES:
        at = text.find(quote)
        while at != -1:
            k = bisect_right(starts, at) - 1  # the last token starting at or before it
            if k >= 0 and at < tokens[k].end:
                out.append(k)
            at = text.find(quote, at + 1)
    return out


def _between(positions: list[int], first: int, last: int) -> list[int]:
    """The sorted ``positions`` in ``[first, last)``."""
    return positions[bisect_left(positions, first) : bisect_left(positions, last)]


def _any_between(positions: list[int], first: int, last: int) -> bool:
    k = bisect_left(positions, first)
    return k < len(positions) and positions[k] < last


def _opened(text: str, tok: Token) -> bool:
    """An opening quote right before ``tok`` (within three characters)."""
    before = text[max(0, tok.start - 3) : tok.start].strip()
    return bool(before) and before[-1] in _OPEN_QUOTES


@lru_cache(maxsize=200_000)
def _arabic_variants(norm: str) -> tuple[tuple[str, int], ...]:
    return tuple(clitic_variants(norm))


def _article_ok(gazetteer: Gazetteer, norm: str, cut: int, key: str) -> bool:
    """False when «ال» was stripped from a name that never takes it («السورية» is not «سورية»).

    ``norm`` is the word as written, ``cut`` the characters stripped to read it as ``key``.
    """
    prefix = norm[:cut]
    if not (prefix.endswith("ال") or prefix.endswith("لل")):
        return True
    # Relative adjectives (nisba) end in ي/يه and do take the article, so
    # «السوريه» is "the Syrian"; other names tolerate a spurious one («التلبيسة»).
    first = key.split(" ", 1)[0]
    return not first.endswith(("ي", "يه", "يين", "يون")) or gazetteer.has_key("ال" + key)


def _possessive(tok: Token) -> bool:
    """A Latin word written with "'s" ("Idlib's")."""
    return tok.norm[-1:] == "s" and tok.text[-2:-1] in _APOSTROPHES


def _norm_variants(norm: str, possessive: bool) -> tuple[tuple[str, int], ...]:
    """Forms of a normalised word with the number of original characters cut before each."""
    if is_arabic(norm):
        return _arabic_variants(norm)
    if possessive:
        return ((norm, 0), (norm[:-1], 0))  # "Idlib's"
    return ((norm, 0),)


#: Gaps already judged (few distinct ones recur: " ", "، ", "- "); a plain dict the scanner reads directly.
_JOINS: dict[str, bool] = {}


def _joins(gap: str) -> bool:
    """Whether the text between two tokens may join them into one name; memoised (bounded)."""
    joins = _JOINS.get(gap)
    if joins is None:
        joins = bool(_JOIN_RE.fullmatch(gap))
        if len(_JOINS) < 4096:
            _JOINS[gap] = joins
    return joins


def _kilometres(norm: str) -> float | None:
    """The distance a word of decimal digits states ("10"), if it is one; Syria spans some 800 km.

    Not ``isdigit``: a superscript or a Kharosthi digit is a digit but no number ``float`` reads.
    """
    if norm.isdecimal() and len(norm.lstrip("0")) <= _KM_DIGITS:
        return float(norm)
    return None


def _char_cut(tok: Token, cut: int) -> int:
    """Original-text offset where the token starts once ``cut`` normalised characters are stripped."""
    if cut == 0:
        return tok.start
    from .normalize import normalize_with_offsets

    _, offsets = normalize_with_offsets(tok.text)
    return tok.start + (offsets[cut] if cut < len(offsets) else len(tok.text))


class _Scanner:
    """Longest-match scanning of one sentence, with its cue reading."""

    __slots__ = (
        "text", "toks", "sentence", "gazetteer", "index", "cues", "english",
        "joinable", "words", "live", "facility_sentence", "has_quotes",
    )  # fmt: skip

    def __init__(
        self, text: str, sentence: int, gazetteer: Gazetteer, language: str, view: _SentenceWords
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.gazetteer = gazetteer
        self.index = MatchIndex.for_gazetteer(gazetteer)
        self.cues = load_cues()
        self.english = language == "en"
        self.toks = view.toks
        self.words = view.words
        self.joinable = view.joinable  # joinable[k]: tokens k and k + 1 may join into one name
        self.live = view.live  # where a reading may start
        # An English facility name needs its head word («hospital») in the sentence.
        self.facility_sentence = view.facility_sentence
        # Only a sentence holding an opening quote can have a quoted word.
        self.has_quotes = view.has_quotes

    # ---- phrases around a position
    def _phrase_before(self, j: int, phrases: Any, max_len: int = 4) -> tuple[tuple[str, ...], int] | None:
        """The longest phrase of ``phrases`` ending right before token ``j``: (phrase, first token).

        ``phrases`` is one of the cue lists of :class:`Cues`.
        """
        if j == 0 or not self._ends_cue(j - 1):
            return None
        for n in range(min(max_len, j), 0, -1):
            k = j - n
            gap = self.text[self.toks[j - 1].end : self.toks[j].start]
            if gap.strip() and not _CUE_GAP_RE.match(gap):
                return None
            if False in self.joinable[k : j - 1]:
                continue
            rest = tuple(map(_NORM_OF, self.toks[k + 1 : j]))
            for form, _ in self.words[k].variants:
                if (form, *rest) in phrases:
                    return (form, *rest), k
        return None

    def _ends_cue(self, k: int) -> bool:
        """Whether token ``k`` (in any of its clitic forms) is the last word of some cue phrase."""
        return self.words[k].cue_end

    def _phrase_after(self, j: int, phrases: Any, max_len: int = 3) -> tuple[tuple[str, ...], int] | None:
        """The longest phrase of ``phrases`` starting at token ``j``; returns (phrase, end token)."""
        if j >= len(self.toks):
            return None
        gap = self.text[self.toks[j - 1].end : self.toks[j].start] if j > 0 else ""
        if any(c in gap for c in ",.،؛;:()[]"):
            return None  # "Idlib, province officials": punctuation ends the name's phrase
        for n in range(min(max_len, len(self.toks) - j), 0, -1):
            if any(not self.joinable[m] for m in range(j, j + n - 1)):
                continue
            phrase = tuple(t.norm for t in self.toks[j : j + n])
            if phrase in phrases:
                return phrase, j + n
        return None

    def _stated_km(self, k: int) -> float | None:
        """The distance stated right before token ``k`` ("10 km west of", «10 كم غرب»), if any."""
        toks = self.toks
        if k >= 1 and toks[k].norm in _KM_WORDS:
            return _kilometres(toks[k - 1].norm)  # "km" opened the direction phrase
        if k >= 2 and toks[k - 1].norm in _KM_WORDS:
            return _kilometres(toks[k - 2].norm)
        return None

    # ---- the name itself
    def longest_at(self, i: int) -> tuple[int, str, list[Place], int] | None:
        """(token end, key, places, clitic cut) of the longest name starting at token ``i``."""
        if (
            self.toks[i].norm in ("al", "el")
            and i + 1 < len(self.toks)
            and self.joinable[i]
            and not is_arabic(self.toks[i].text)
        ):
            # Name keys drop a standalone article ("Al Rastan" → rastan); the span keeps it.
            return self._longest_from(i + 1)
        return self._longest_from(i)

    def _longest_from(self, i: int) -> tuple[int, str, list[Place], int] | None:
        word = self.words[i]
        max_n = min(word.max_n, len(self.toks) - i)
        if max_n > 1:
            n_ok = 1
            while n_ok < max_n and self.joinable[i + n_ok - 1]:
                n_ok += 1
            # Every key of two tokens or more starting at i, grown one token at a time
            # while it is still a key's prefix; the longest wins, the earlier form breaking ties.
            prefixes, has_key = self.index.key_prefixes, self.gazetteer.has_key
            found: list[tuple[int, int, str, int]] = []
            for order, form, cut, longest, _ in word.heads:
                key = form
                for n in range(2, min(n_ok, longest) + 1):
                    key = f"{key} {self.toks[i + n - 1].norm}"
                    if key not in prefixes:
                        break
                    if has_key(key):
                        found.append((-n, order, key, cut))
            found.sort()
            for minus_n, _, key, cut in found:
                if _article_ok(self.gazetteer, self.toks[i].norm, cut, key):
                    return i - minus_n, key, self.gazetteer.lookup_key(key), cut
        if word.single is None:  # then a one-word name, which depends on the word alone
            return None
        key, cut = word.single
        return i + 1, key, self.gazetteer.lookup_key(key), cut

    def quoted(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 2) : start].strip()
        after = self.text[end : end + 2].strip()
        return bool(before) and before[-1] in _OPEN_QUOTES and bool(after) and after[0] in _CLOSE_QUOTES

    def make(
        self, i: int, end_tok: int, key: str, places: list[Place], cut: int, fuzzy: bool = False
    ) -> Match:
        prefix = self.toks[i].norm[:cut]
        # An article read off a name that lacks it («التلبيسة» for «تلبيسة») is
        # still part of the toponym as written; only و ف ب ل ك stay outside.
        span_cut = cut - 2 if prefix.endswith("ال") else cut - 1 if prefix.endswith("لل") else cut
        start = _char_cut(self.toks[i], span_cut)
        last = self.toks[end_tok - 1]
        end = last.end - 2 if last.text[-2:] in ("'s", "’s") and not is_arabic(last.text) else last.end
        m = Match(
            start=start,
            end=end,
            text=self.text[start:end],
            key=key,
            places=list(places),
            sentence=self.sentence,
            tok_start=i,
            tok_end=end_tok,
            fuzzy=fuzzy,
        )
        m.quoted = self.has_quotes and self.quoted(start, end)
        self.read_context(m)
        return m

    def read_context(self, m: Match) -> None:
        """Fill the cue, relation and bearing of ``m`` from the words around it."""
        c = self.cues
        j = m.tok_start
        if not self._may_cue(j, m.tok_end):
            return
        found = self._phrase_before(j, c.type_before)
        if found:
            m.cue, m.cue_types = " ".join(found[0]), c.type_before[found[0]]
            j = found[1]
        countryside = self._phrase_before(m.tok_start, c.countryside_before) if not found else None
        if found and found[0] in c.countryside_before:
            countryside = found
        if countryside:
            m.relation = "countryside"
            if not m.cue:
                m.cue = " ".join(countryside[0])
                m.cue_types = c.type_before.get(countryside[0], frozenset())
            after = self._phrase_after(m.tok_end, c.countryside_direction)
            if after:
                m.bearing = c.countryside_direction[after[0]]
            elif self.english:
                before = self._phrase_before(countryside[1], c.countryside_direction)
                if before:
                    m.bearing = c.countryside_direction[before[0]]
        after_type = self._phrase_after(m.tok_end, c.type_after) if self.english else None
        if after_type:
            if not m.cue:
                m.cue, m.cue_types = " ".join(after_type[0]), c.type_after[after_type[0]]
            if after_type[0] in c.countryside_after:
                m.relation = "countryside"
                m.cue = " ".join(after_type[0])
                m.cue_types = c.type_after[after_type[0]]
                before = self._phrase_before(m.tok_start, c.countryside_direction)
                if before:
                    m.bearing = c.countryside_direction[before[0]]
        if m.relation:
            return
        near = self._phrase_before(j, c.near)
        if near:
            m.relation = "near"
            return
        direction = self._phrase_before(j, c.direction)
        if direction:
            m.relation, m.bearing = "direction", c.direction[direction[0]]
            m.distance_km = self._stated_km(direction[1])
            return
        if self._phrase_before(j, c.between):
            m.relation = "between"

    # ---- fuzzy near-misses
    def fuzzy_at(self, i: int) -> Match | None:
        """A one-letter near-miss reading of the 1–3 tokens at ``i``, when the context invites one."""
        if self.english or not self.words[i].arabic:
            return None
        cued = bool(i) and self.words[i - 1].fuzzy_cue
        if not (cued or self.has_quotes):
            return None  # neither a cue word before it nor an opening quote in the sentence
        opened = _opened(self.text, self.toks[i])
        cue = self._phrase_before(i, self.cues.fuzzy, max_len=1) if cued else None
        if not (cue or opened):
            return None
        for n in (3, 2, 1):
            if i + n > len(self.toks) or False in self.joinable[i : i + n - 1]:
                continue
            start, end = self.toks[i].start, self.toks[i + n - 1].end
            quoted = self.quoted(start, end)
            if not (cue or quoted):
                continue
            first = self.toks[i].norm
            if (first,) in self.cues.direction or (first,) in self.cues.near:
                # «غرب سعيد» reads as a village only when both cued and quoted;
                # otherwise the direction reading («غرب مدينة إدلب») wins.
                if not (cue and quoted):
                    continue
            key = " ".join(map(_NORM_OF, self.toks[i : i + n]))
            if sum(map(str.isalpha, key)) < FUZZY_MIN_LETTERS or self.gazetteer.has_key(key):
                continue
            keys = self.index.fuzzy_keys(key)
            if not keys:
                continue
            return self._weak_reading(i, i + n, keys)
        return None

    def _weak_reading(self, i: int, end_tok: int, keys: Collection[str]) -> Match:
        """A fuzzy match of tokens ``[i, end_tok)`` read as any of ``keys`` (near-miss or variant)."""
        places = sorted({p for k in sorted(keys) for p in self.gazetteer.lookup_key(k)}, key=lambda p: p.id)
        return self.make(i, end_tok, sorted(keys)[0], places, 0, fuzzy=True)

    def facility_at(self, i: int) -> Match | None:
        """A named facility at ``i`` that the gazetteer lacks: «جامع عمر بن الخطاب», "Al-Daqa hospital".

        Arabic: the head word (clitics allowed) and up to four following words
        up to a stop word or punctuation.  English: up to four capitalised
        words (with bin/ibn/al/of between) before the head word.  The result
        is an unknown toponym: recognised, with no place.
        """
        cues = self.cues
        if self.english:
            return self._facility_en(i) if self.facility_sentence else None
        if not self.words[i].facility_head:
            return None
        head = next((cut for form, cut in self.words[i].variants if form in cues.facility_heads), None)
        if head is None:
            return None
        prefix = self.toks[i].norm[:head]
        names = self._facility_name_ar(i + 1, definite=prefix.endswith(("ال", "لل")))
        return self._unknown(i, i + 1 + names, head) if names else None

    def _facility_name_ar(self, j: int, *, definite: bool) -> int:
        """How many words from ``j`` name the facility whose head word precedes them (0: none).

        After a definite head («المسجد», «المشفى») only one definite adjective
        names it («المسجد الكبير»; «المستشفى خارج الخدمة» is no name).  After a
        bare head, a name of up to four words: a first word, then words joined
        by بن/عبد/أبو («عمر بن عبد العزيز») or a second definite word («نبض الحياة»).
        """
        toks, stops = self.toks, self.cues.facility_stops

        def usable(k: int) -> bool:
            return (
                k < len(toks)
                and self.joinable[k - 1]
                and is_arabic(toks[k].text)
                and toks[k].norm not in stops
                and not any(f in stops for f, _ in self.words[k].variants[:1])
            )

        if not usable(j):
            return 0
        if definite:
            return 1 if toks[j].norm.startswith("ال") else 0
        n = 1
        while n < 4 and usable(j + n):
            word, before = toks[j + n].norm, toks[j + n - 1].norm
            if not (
                word in _AR_NAME_LINKS
                or before in _AR_NAME_LINKS
                or (n == 1 and word.startswith("ال"))
            ):
                break
            n += 1
        return n

    def _facility_en(self, i: int) -> Match | None:
        toks, cues = self.toks, self.cues
        tok = toks[i]
        if not tok.text[:1].isupper() or tok.norm in cues.facility_stops or tok.norm in _NAME_LINKS:
            return None
        end = i
        while end < len(toks) and end - i < 5 and (end == i or self.joinable[end - 1]):
            word = toks[end]
            if word.norm in cues.facility_heads:
                return self._unknown(i, end + 1, 0) if end > i else None
            if not (word.text[:1].isupper() or word.norm in _NAME_LINKS) or word.norm in cues.facility_stops:
                return None
            end += 1
        return None

    def _unknown(self, i: int, end_tok: int, cut: int) -> Match:
        prefix = self.toks[i].norm[:cut]
        cut = cut - 2 if prefix.endswith("ال") else cut - 1 if prefix.endswith("لل") else cut
        start, end = _char_cut(self.toks[i], cut), self.toks[end_tok - 1].end
        m = Match(
            start=start,
            end=end,
            text=self.text[start:end],
            key=" ".join(t.norm for t in self.toks[i:end_tok]),
            places=[],
            sentence=self.sentence,
            tok_start=i,
            tok_end=end_tok,
            unknown=True,
        )
        self.read_context(m)
        return m

    def transliteration_at(self, i: int) -> Match | None:
        """A Latin spelling variant of a Syrian name at ``i`` ("Maret Al Numaan", "Termaneen").

        English text only; the words must be capitalised and the reading is
        weak: like a near-miss, it survives only with corroboration.
        """
        toks, joinable = self.toks, self.joinable
        if not self.english or not self.words[i].transliteration or not toks[i].text[:1].isupper():
            return None  # a skeleton holding this word's would be some name's (MatchIndex.word)
        # Up to three joined words, each capitalised or an article: the longest run first.
        run = 1
        while (
            run < 3
            and i + run < len(toks)
            and joinable[i + run - 1]
            and (toks[i + run].text[:1].isupper() or toks[i + run].norm in _LATIN_ARTICLES)
        ):
            run += 1
        for n in range(run, 0, -1):
            words = toks[i : i + n]
            if words[-1].norm in _LATIN_ARTICLES:
                continue
            key = " ".join(map(_NORM_OF, words))
            skeleton = latin_skeleton(key)
            if sum(map(str.isalpha, skeleton)) < SKELETON_MIN_CONSONANTS:
                continue
            keys = self.index.skeleton_keys(skeleton)
            if not keys:
                continue
            return self._weak_reading(i, i + n, keys)
        return None

    # ---- the scan
    def scan(self) -> list[Match]:
        out: list[Match] = []
        free = 0  # the first token not inside a match already made
        for i in self.live:  # no reading can start anywhere else
            if i < free:
                continue
            word = self.words[i]
            one_word = word.max_n == 1 and word.single and not word.article
            if self.english and one_word and self._lowercase_word(i, i + 1):
                free = i + 1  # its one reading, a one-word name, would be refused (as below)
                continue
            hit = self.longest_at(i)
            if hit is None:
                fuzzy = self.fuzzy_at(i) or self.facility_at(i) or self.transliteration_at(i)
                if fuzzy is not None:
                    out.append(fuzzy)
                    free = fuzzy.tok_end
                continue
            end_tok, key, places, cut = hit
            start, end_tok, key, cut = self.trim_cue_words(i, end_tok, key, places, cut)
            if self._lowercase_word(start, end_tok):
                free = start + 1  # refused before a match is made for it: most are English words
                continue
            m = self.make(start, end_tok, key, places, cut)
            if self.accept(m, cut):
                out.append(self.compound(m, out))
                free = end_tok
            else:
                free = start + 1  # past the cue words trimmed off, too
        return out

    def compound(self, m: Match, out: list[Match]) -> Match:
        """``m``, or an unknown compound when ``m`` follows a name-forming word («كفر» + «داعل»).

        A match of the head word itself just before (``باب`` in «باب النيرب»)
        is dropped from ``out``: it was part of the compound too.
        """
        i = m.tok_start
        if i == 0 or not self.joinable[i - 1] or m.start != self.toks[i].start:
            return m
        head = self.toks[i - 1]
        forms = [f for f, _ in self.words[i - 1].variants]
        if self.cues.name_heads.isdisjoint(forms):
            return m
        if self.english and not _LATIN_ARTICLE_RE.sub("", head.text)[:1].isupper():
            return m  # "the khan" is no name
        cut = next(c for f, c in self.words[i - 1].variants if f in self.cues.name_heads)
        if out and out[-1].tok_end == i and out[-1].tok_start == i - 1:
            out.pop()
        start = _char_cut(head, cut)
        unknown = Match(
            start=start,
            end=m.end,
            text=self.text[start : m.end],
            key=f"{forms[0]} {m.key}",
            places=[],
            sentence=self.sentence,
            tok_start=i - 1,
            tok_end=m.tok_end,
            unknown=True,
        )
        self.read_context(unknown)
        return unknown

    def trim_cue_words(
        self, i: int, end_tok: int, key: str, places: list[Place], cut: int
    ) -> tuple[int, int, str, int]:
        """Leave cue words of a full name («محافظة إدلب», «قاعدة حميميم الجوية») outside the span.

        The toponym is the bare name; the cue stays a cue (and still selects
        the governorate).  Only when the bare name is itself a name of the
        same place, so «ريف دمشق» (Rif Dimashq, not Damascus) stays whole.
        """
        if " " not in key:
            return i, end_tok, key, cut  # one word: nothing to trim
        words = key.split(" ")
        wanted = set(places)
        best: tuple[int, int] | None = None
        for p in (0, 1, 2):
            for q in (0, 1, 2):
                if (p == q == 0) or p + q >= len(words) or (best and p + q <= sum(best)):
                    continue
                if p and tuple(words[:p]) not in self.cues.type_before:
                    continue
                if q and tuple(words[len(words) - q :]) not in self.cues.type_after:
                    continue
                if wanted & set(self.gazetteer.lookup_key(" ".join(words[p : len(words) - q]))):
                    best = (p, q)
        if best is not None:
            p, q = best
            return i + p, end_tok - q, " ".join(words[p : len(words) - q]), 0 if p else cut
        return i, end_tok, key, cut

    def _cased(self, i: int, end_tok: int) -> tuple[bool, bool]:
        """(a word is capitalised, the first is a road code) of Latin tokens ``[i, end_tok)``.

        "khan Touman": one capitalised word marks a multi-word name.
        """
        capital = any(
            t.text[:1].isupper() if "-" not in t.text else _LATIN_ARTICLE_RE.sub("", t.text)[:1].isupper()
            for t in self.toks[i:end_tok]
        )
        return capital, bool(_CODE_RE.match(self.toks[i].norm))

    def _may_cue(self, i: int, end_tok: int) -> bool:
        """Whether a cue phrase can end right before tokens ``[i, end_tok)`` or (English) start after."""
        if i and self.words[i - 1].cue_end:
            return True
        toks = self.toks
        return self.english and end_tok < len(toks) and toks[end_tok].norm in self.cues.type_after_heads

    def _lowercase_word(self, i: int, end_tok: int) -> bool:
        """An uncued English name in lower case ("of", "was"): :meth:`accept` would refuse it."""
        if not self.english:
            return False
        first = self.toks[i].text
        if first[:1].isupper() and "-" not in first:
            return False  # capitalised (an "al-" prefix aside): the usual name
        if is_arabic(first) or self._may_cue(i, end_tok):
            return False
        return not any(self._cased(i, end_tok))

    def accept(self, m: Match, cut: int) -> bool:
        """Apply the capitalisation and common-word rules; may set ``needs_support``."""
        tok = self.toks[m.tok_start]
        single = m.tok_end - m.tok_start == 1
        if self.english and not is_arabic(tok.text):
            capital, code = self._cased(m.tok_start, m.tok_end)
            if not (capital or code or m.cue):
                return False
            country = any(p.type is PlaceType.COUNTRY for p in m.places)
            if capital and tok.text.isupper() and len(tok.text) <= 4 and not code and single and not country:
                return False  # acronyms: HTS, ISIS, SDF (but UK, USA are countries)
        if (
            not m.cue
            and is_arabic(m.key)
            and not m.key.startswith("ال")
            and set(m.places) <= set(self.gazetteer.lookup_key("ال" + m.key))
        ):
            # The name always carries «ال» («الطبقة»); bare «طبقة» is the word "layer".
            m.needs_support = True
        if m.key in self.index.ambiguous or (single and m.key in self.cues.all_words):
            if m.cue:
                return m.key not in self.cues.all_words
            m.needs_support = True
        return True


def _merge_roads(matches: list[Match], scanner: _Scanner) -> list[Match]:
    """Turn «طريق X- Y» / "X-Y highway" into one road match when a road joins X and Y."""
    roads = scanner.index.roads
    if not roads or len(matches) < 2:
        return matches
    from .locate import distance_to_geometry_km
    out: list[Match] = []
    k = 0
    while k < len(matches):
        a = matches[k]
        b = matches[k + 1] if k + 1 < len(matches) else None
        if b is not None and b.tok_start == a.tok_end and _DASH_RE.match(scanner.text[a.end : b.start]):
            cued = (
                bool(scanner._phrase_before(a.tok_start, scanner.cues.road)) or PlaceType.ROAD in a.cue_types
            )
            after = scanner._phrase_after(b.tok_end, scanner.cues.road | scanner.cues.type_after.keys())
            code_after = b.tok_end < len(scanner.toks) and _CODE_RE.match(scanner.toks[b.tok_end].norm)
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
                    merged = Match(
                        start=a.start,
                        end=b.end,
                        text=scanner.text[a.start : b.end],
                        key=f"{a.key} {b.key}",
                        places=[best[1]],
                        sentence=a.sentence,
                        tok_start=a.tok_start,
                        tok_end=b.tok_end,
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


def _link_between(matches: list[Match], scanner: _Scanner, offset: int) -> None:
    """Pair «بين X و Y» / "between X and Y": the match after X joined by و/and is Y."""
    for k, a in enumerate(matches):
        if a.relation != "between" or k + 1 >= len(matches):
            continue
        b = matches[k + 1]
        gap = scanner.text[a.end : b.start]
        joined = gap.strip() in ("و", "and", "") and (
            gap.strip() != "" or scanner.text[b.start - 1 : b.start] == "و"
        )
        if b.tok_start - a.tok_end <= 1 and (joined or gap.strip().endswith("و")):
            a.partner, b.partner = offset + k + 1, offset + k
            b.relation = "between"


def _single_road(m: Match) -> Place | None:
    """The road ``m`` names, when all its candidates are that one road."""
    if not m.places or m.places[0].type is not PlaceType.ROAD:
        return None
    roads = {p.id: p for p in m.places if p.type is PlaceType.ROAD}
    return next(iter(roads.values())) if len(roads) == 1 and len(m.places) == len(roads) else None


def _road_anaphora(matches: list[Match], scanner: _Scanner, road: Place) -> list[Match]:
    """Add a match for each bare «الطريق الدولي» / "the highway" that refers back to ``road``.

    Only a definite road phrase that no name follows counts: «الطريق الدولي
    حلب- اللاذقية» names its road itself.
    """
    starts = {m.tok_start for m in matches}
    covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
    added = []
    j = 0
    while j < len(scanner.toks):
        found = None if j in covered else scanner._phrase_after(j, scanner.cues.road_anaphora, max_len=3)
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


def find_matches(
    text: str, sentences: list[Sentence], gazetteer: Gazetteer, *, language: str = "ar"
) -> list[Match]:
    """Recognise toponyms in ``text``, sentence by sentence, in text order.

    ``sentences`` must come from :func:`gazetteer.sentences.split_sentences`
    on the same text; ``language`` (``"ar"``/``"en"``) switches on English
    capitalisation rules.  Returns matches with their candidate places and
    cue context; resolution is left to :mod:`gazetteer.resolve`.
    """
    out: list[Match] = []
    last_road: Place | None = None
    article = _ArticleWords(text, MatchIndex.for_gazetteer(gazetteer), english=language == "en")
    for sentence, view in article.sentences(sentences):
        if not view.live and last_road is None:
            continue  # no reading can start here, and no road is there to refer back to
        scanner = _Scanner(text, sentence.index, gazetteer, language, view)
        matches = _merge_roads(scanner.scan(), scanner)
        if last_road is not None:
            matches = _road_anaphora(matches, scanner, last_road)
        if not matches:
            continue
        _link_between(matches, scanner, len(out))
        out.extend(matches)
        last_road = next((r for r in map(_single_road, reversed(matches)) if r), last_road)
    return out
