"""What the matcher derives from a gazetteer (:class:`MatchIndex`) and the word records it gives the scanner.

:class:`Word` is a normalised word as the scanner sees it: its clitic forms,
the name keys they may start, and as :data:`F_SINGLE`… bits whether it may
start a reading at all.  Latin transliteration skeletons
(:func:`latin_skeleton`) and one-edit near misses (:meth:`MatchIndex.fuzzy_keys`)
find names written differently from the gazetteer's spelling.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import NamedTuple

from ..places.index import Gazetteer
from ..places.normalize import Token, clitic_variants, is_arabic
from ..places.place import Place, PlaceType
from .cues import ROAD_CODE_RE, load_cues
from .indices import indices_where
from .misspelling import MisspellingIndex, edit_distance
from .romanize import LATIN_ARTICLES, arabic_skeletons, latin_skeleton, latin_skeletons

_NORM_OF = attrgetter("norm")
#: The marks of an "X's".
APOSTROPHES = ("'", "’")

#: A fuzzy (one-letter) reading must keep at least this many normalised letters.
FUZZY_MIN_LETTERS = 5
#: Words remembered per memo table (a long-running server sees an open vocabulary).
_MEMO_SIZE = 200_000


class Head(NamedTuple):
    """A form of a word that starts some name key."""

    order: int  # its place among the word's forms (an earlier form wins a tie)
    form: str
    cut: int  # the characters cut off the word to read it as this form (clitics)
    longest: int  # the most tokens of a name key starting with it
    is_key: bool  # the form alone is a name key


class Word(NamedTuple):
    """A normalised word as the scanner sees it (see :meth:`MatchIndex.word`)."""

    variants: tuple[tuple[str, int], ...]  # its forms with the characters cut (clitics, "'s")
    max_n: int  # the most tokens of a name key starting with one of its forms; 0: none
    arabic: bool
    facility_head: bool  # a form is a facility head word («مشفى», "hospital")
    fuzzy_cue: bool  # a form is a one-word fuzzy cue
    cue_end: bool  # a form is the last word of some cue phrase
    article: bool  # a standalone Latin article ("al", "el"), which a name key leaves out
    heads: tuple[Head, ...]  # each of its forms that starts a name key
    single: tuple[str, int] | None  # (key, cut) of its best reading as a one-word name, if any
    flags: int  # the fields above that make it a possible start of a reading, as _F_* bits


# Bits of Word.flags: what may make a word the start of a reading (see ArticleWords).
F_SINGLE = 1  # a one-word name
F_HEAD = 2  # a facility head word
F_LONGER = 4  # the first word of a name of two words or more
F_ARTICLE = 8  # a standalone Latin article
F_FUZZY_CUE = 16  # a fuzzy cue (a near-miss may follow it)


def _flags(
    *,
    single: tuple[str, int] | None,
    facility_head: bool,
    max_n: int,
    article: bool,
    fuzzy_cue: bool,
) -> int:
    """The _F_* bits of a word with these :class:`Word` fields."""
    return (
        (F_SINGLE if single is not None else 0)
        | (F_HEAD if facility_head else 0)
        | (F_LONGER if max_n > 1 else 0)
        | (F_ARTICLE if article else 0)
        | (F_FUZZY_CUE if fuzzy_cue else 0)
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
                and not ROAD_CODE_RE.match(key)
                and not any(_important(p) for p in gazetteer.lookup_key(key))
            ):
                ambiguous.add(key)  # short names («تل», "Ain") are words; «حلب», «حمص» are cities
            elif is_arabic(key) and len(gazetteer.lookup_key(key)) >= self.GENERIC_PLACE_COUNT:
                ambiguous.add(key)
        self.ambiguous: frozenset[str] = frozenset(ambiguous)
        # Every table is built now rather than on first use, so that a process that builds the
        # index before its first article (gazetteer.geoparser.pipeline.prepare) has the first one as fast
        # as the next, and workers forked after it share the tables.  Lookup tables map to
        # tuples of strings, which the garbage collector stops tracking.
        self._fuzzy = self._build_fuzzy(gazetteer)
        self._skeletons = self._build_skeletons(gazetteer)
        self.misspellings = MisspellingIndex(self._prominent_latin_keys(gazetteer))
        # A transliteration reading starts at its first word: the first word of some skeleton.
        self._skeleton_words = frozenset(sk.split(" ", 1)[0] for sk in self._skeletons)
        self._gazetteer = weakref.ref(gazetteer)
        self._fuzzy_cue_words = frozenset(p[0] for p in cues.fuzzy if len(p) == 1)  # one-word fuzzy cues
        # Longest key (in tokens) starting with each first token: most text
        # tokens start no name, and the others need only a few n-gram probes.
        self.first_token_len: dict[str, int] = {}
        # Every key's leading 1, 2, … tokens: a longer name is tried only while one can still follow.
        self.key_prefixes: set[str] = set()
        self._words: dict[str, Word] = {}  # memo of word()
        self._possessives: dict[str, Word] = {}
        self._transliterable: dict[str, bool] = {}  # memo of may_transliterate()
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
    ) -> list[Word]:
        """:meth:`word` of each token, in order.

        ``norms``: the tokens' normalised forms, when at hand.  ``quoted``: the indices of the
        tokens holding an apostrophe, when known; otherwise every token's text is searched for
        one.  Only those tokens, and words not yet memoised, are read one by one (with
        :func:`possessive`, so that an "X's" gets its possessive record).
        """
        known = self._words.get
        # Most words of an article are known: look them all up at once, then read the others.
        out = [known(norm) for norm in ([t.norm for t in toks] if norms is None else norms)]
        redo = indices_where(word is None for word in out) if None in out else []
        if quoted is None:
            redo.extend(indices_where(any(q in t.text for q in APOSTROPHES) for t in toks))
        else:
            redo.extend(quoted)
        for k in dict.fromkeys(redo):  # in order, each once
            tok = toks[k]
            out[k] = self.word(tok.norm, possessive(tok))
        return out

    def word(self, norm: str, possessive: bool) -> Word:
        """What the scanner needs to know of a normalised word (``possessive``: written "X's"); memoised."""
        memo = self._possessives if possessive else self._words
        found = memo.get(norm)
        if found is None:
            found = self._read_word(norm, possessive)
            if len(memo) < _MEMO_SIZE:
                memo[norm] = found
        return found

    def _read_word(self, norm: str, possessive: bool) -> Word:
        """:meth:`word`, not memoised."""
        cues = load_cues()
        arabic = is_arabic(norm)
        variants = _norm_variants(norm, possessive, arabic=arabic)
        forms = frozenset(f for f, _ in variants)
        # Most words start no name: their forms are looked up all at once, and no Head is built.
        heads = () if self.first_token_len.keys().isdisjoint(forms) else self._heads(variants)
        max_n = max((head.longest for head in heads), default=0)
        single = self._single(norm, heads)
        facility_head = not cues.facility_heads.isdisjoint(forms)
        fuzzy_cue = not self._fuzzy_cue_words.isdisjoint(forms)
        article = norm in ("al", "el")
        return Word(
            variants=variants,
            max_n=max_n,
            arabic=arabic,
            facility_head=facility_head,
            fuzzy_cue=fuzzy_cue,
            cue_end=not cues.phrase_ends.isdisjoint(forms),
            article=article,
            heads=heads,
            single=single,
            flags=_flags(
                single=single,
                facility_head=facility_head,
                max_n=max_n,
                article=article,
                fuzzy_cue=fuzzy_cue,
            ),
        )

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> MatchIndex:
        """The cached index of ``gazetteer``, built on first use (see :func:`~gazetteer.prepare`)."""
        index = cls._cache.get(gazetteer)
        if index is None:
            index = cls._cache[gazetteer] = cls(gazetteer)
        return index

    def fuzzy_keys(self, text: str) -> set[str]:
        """Name keys within Damerau-Levenshtein distance 1 of ``text`` (``text`` excluded).

        Arabic keys, and one-word Latin keys, of :data:`FUZZY_MIN_LETTERS` letters or more.
        """
        found: set[str] = set()
        for probe in (text, *_deletions(text)):
            found.update(self._fuzzy.get(probe, ()))
        found.discard(text)
        return {k for k in found if within_one_edit(text, k)}

    def _heads(self, variants: tuple[tuple[str, int], ...]) -> tuple[Head, ...]:
        gazetteer = self._gazetteer()
        return tuple(
            Head(
                order,
                form,
                cut,
                self.first_token_len[form],
                gazetteer is not None and gazetteer.has_key(form),
            )
            for order, (form, cut) in enumerate(variants)
            if form in self.first_token_len
        )

    def _single(self, norm: str, heads: tuple[Head, ...]) -> tuple[str, int] | None:
        """The first form of a word that is a one-word key it may be read as (see ``article_ok``)."""
        gazetteer = self._gazetteer()
        for head in heads:
            if head.is_key and gazetteer is not None and article_ok(gazetteer, norm, head.cut, head.form):
                return head.form, head.cut
        return None

    def may_transliterate(self, norm: str) -> bool:
        """False when no name's transliteration skeleton can start with this normalised word's (an article
        may); memoised.

        A transliteration reading starts at a capitalised word: ask this of those only, as the
        near-miss spellings it looks up are costly to find.
        """
        found = self._transliterable.get(norm)
        if found is None:
            found = self._may_transliterate(norm)
            if len(self._transliterable) < _MEMO_SIZE:
                self._transliterable[norm] = found
        return found

    def _may_transliterate(self, norm: str) -> bool:
        """:meth:`may_transliterate`, not memoised."""
        if not norm.isascii():
            return False
        if norm in LATIN_ARTICLES or not norm.isalpha():
            return True
        return any(sk in self._skeleton_words for sk in latin_skeletons(norm)) or bool(
            self.misspellings.keys_near(norm)
        )

    def _prominent_latin_keys(self, gazetteer: Gazetteer) -> list[str]:
        """One-word Latin keys of prominent Syrian places (see ``_important``), common words left out.

        Only names everyone writes are misspelt often enough, and read safely, to look for.
        """
        return [
            key
            for key in gazetteer.keys()
            if key.isascii()
            and key.isalpha()
            and key not in self.ambiguous
            and any(p.in_syria and _important(p) for p in gazetteer.lookup_key(key))
        ]

    def skeleton_keys(self, skeleton: str) -> tuple[str, ...]:
        """Latin name keys of Syrian places whose transliteration skeleton is ``skeleton``, sorted."""
        return self._skeletons.get(skeleton, ())

    def _build_skeletons(self, gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
        """Each transliteration skeleton of a Syrian place's key, with the keys that have it."""
        index: dict[str, set[str]] = {}
        for key in gazetteer.keys():
            if key in self.ambiguous or not any(p.in_syria for p in gazetteer.lookup_key(key)):
                continue
            # an Arabic key is found by the common romanisations of it, a Latin one by its own spelling's
            for skeleton in arabic_skeletons(key) if is_arabic(key) else [latin_skeleton(key)]:
                if sum(c.isalpha() for c in skeleton) >= SKELETON_MIN_CONSONANTS:
                    index.setdefault(skeleton, set()).add(key)
        return {skeleton: tuple(sorted(keys)) for skeleton, keys in index.items()}

    def _build_fuzzy(self, gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
        """Each one-character deletion of a Syrian place's long key, with the keys it comes from.

        Arabic keys, and Latin keys of one word.
        """
        index: dict[str, set[str]] = {}
        for key in gazetteer.keys():
            if not (is_arabic(key) or key.isalpha()) or sum(c.isalpha() for c in key) < FUZZY_MIN_LETTERS:
                continue
            if key in self.ambiguous or not any(p.in_syria for p in gazetteer.lookup_key(key)):
                continue
            for probe in (key, *_deletions(key)):
                index.setdefault(probe, set()).add(key)
        return {probe: tuple(sorted(keys)) for probe, keys in index.items()}


#: A transliteration skeleton needs this many consonants to be specific enough to match on.
SKELETON_MIN_CONSONANTS = 4


def _important(place: Place) -> bool:
    """Syrian places too prominent for their short name to be taken for a common word."""
    if not place.in_syria:
        return place.type is PlaceType.COUNTRY
    if place.type in (PlaceType.CITY, PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.COUNTRY):
        return True
    return place.population >= 10_000 or place.id.startswith("cur:")


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text)) if text[i] != " "}


def within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of ``a`` and ``b`` is at most 1."""
    return edit_distance(a, b, 1) <= 1


def article_ok(gazetteer: Gazetteer, norm: str, cut: int, key: str) -> bool:
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


def possessive(tok: Token) -> bool:
    """A Latin word written with "'s" ("Idlib's")."""
    return tok.norm[-1:] == "s" and tok.text[-2:-1] in APOSTROPHES


def _norm_variants(norm: str, possessive: bool, *, arabic: bool) -> tuple[tuple[str, int], ...]:
    """Forms of a normalised word with the number of original characters cut before each
    (``arabic``: :func:`is_arabic` of it)."""
    if arabic:
        return clitic_variants(norm)
    if possessive:
        return ((norm, 0), (norm[:-1], 0))  # "Idlib's"
    return ((norm, 0),)
