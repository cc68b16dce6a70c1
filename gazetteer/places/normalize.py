"""Text normalisation shared by the gazetteer index and the geoparser.

Both sides of every match go through :func:`normalize_token`, so a name in
the gazetteer and a word in an article meet in the same form.

Arabic rules (one translate table, :data:`_AR_TABLE`, plus NFKC):

* presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are unfolded by NFKC;
* tashkeel (U+064B–U+065F, U+0670, U+0610–U+061A) and tatweel (U+0640) are dropped;
* alef forms أ إ آ ٱ ٲ ٳ → ا; ى ی → ي; ئ → ي; ؤ → و; ة ۀ ە → ه;
* Persian/Urdu letters ک گ → ك, پ → ب, چ → ج, ژ → ز, ڤ → ف;
* Eastern Arabic ٠–٩ and Persian ۰–۹ digits → 0–9;
* bidi marks, ZWJ/ZWNJ and the BOM are dropped.

Latin rules: NFKD then combining marks dropped (é → e), casefold, the
apostrophe variants ' ` ‘ ’ ʿ ʾ ′ dropped (Ma'arrat → maarrat), and a
hyphenated article prefix al-/el-/ash-/as-/ad-/ar-/at-/az-/an-/adh-/ath- removed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from ..memo import word_memo

_DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + ["\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["'", "`", "\u2018", "\u2019", "\u02bf", "\u02be", "\u2032", "\u02bc", "\u00b4"]
)
_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ک": "ك",
    "گ": "ك",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)

_AR_TABLE = str.maketrans({**_MAP, **{c: None for c in _DROP}})

#: Characters that form words: letters and digits of any script, plus Arabic marks; a word may
#: hold apostrophes but neither starts nor ends with one (there they are quotes: 'Idlib').
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d"
#: A Latin article ("al-", "ash-"), which stays with its word.
#: (Its first letter comes first, then the check that no letter precedes it: a faster search.)
_ARTICLE = r"[AaEe](?<!\w[AaEe])(?:l|sh|s|dh|d|r|th|t|z|n)-(?=[^\W\d_])"
# Runs of letters and marks, joined by apostrophes.  Runs, not single characters, and
# possessive quantifiers (nothing to give back at a word's end): the same words, found faster.
_LETTERS = rf"(?:[^\W_]++|[{_MARKS}]++)++"
_WORD_BODY = rf"{_LETTERS}(?:['’ʿ]+{_LETTERS})*+"
_WORD_RE = re.compile(f"(?:{_ARTICLE})?{_WORD_BODY}")
#: :data:`_WORD_RE` as one group: ``split`` then alternates gaps and words.
_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")
_LATIN_ARTICLE_RE = re.compile(r"^(?:a|e)(?:l|sh|s|dh|d|r|th|t|z|n)-(?=\w)")
_LETTER_RE = re.compile(r"[^\W\d_]")
_ARABIC_LETTER_RE = re.compile(
    r"[\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"
)
_ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


def is_arabic(text: str) -> bool:
    """True when ``text`` contains at least one Arabic-script letter."""
    return bool(_ARABIC_RE.search(text))


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic script (0.0 when it has no letters)."""
    letters = len(_LETTER_RE.findall(text))
    if not letters:
        return 0.0
    return len(_ARABIC_LETTER_RE.findall(text)) / letters


@word_memo(maxsize=8192)  # an alphabet is small: each character is folded once
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char).translate(_AR_TABLE)
    if folded.isascii() or not folded:
        return folded.casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalize_with_offsets(token: str) -> tuple[str, list[int]]:
    """Normalise one token and map each output character to its index in ``token``.

    The map lets callers turn a position in the normalised form (after a
    clitic is stripped, say) back into an offset in the original text.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(token):
        for c in _fold_char(char):
            out.append(c)
            offsets.append(i)
    text = "".join(out)
    cut = _latin_article_length(text)
    return text[cut:], offsets[cut:]


@word_memo()
def normalize_token(token: str) -> str:
    """Normalise one word (see the module docstring for every rule); memoised, as words recur.

    :func:`normalize_with_offsets` without the offsets, which only a few callers need.
    """
    text = "".join(map(_fold_char, token))
    return text[_latin_article_length(text) :]


def _latin_article_length(text: str) -> int:
    """The length of the Latin article ("al-", "ash-") that starts the folded ``text``, or 0."""
    match = _LATIN_ARTICLE_RE.match(text)
    return match.end() if match else 0


class Token(NamedTuple):
    """A word of the original text: its span there and its normalised form.

    A named tuple, not a dataclass: articles make tens of thousands of them.
    """

    start: int
    end: int
    text: str
    norm: str


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into words with their character offsets and normalised forms.

    Punctuation, hashtags' ``#``, quotes, dashes and underscores separate
    words; hyphens inside Latin names therefore split them too, which the
    name index mirrors because it tokenises names with this same function.
    Not memoised: :func:`read_article` is, for the text that several
    stages read.
    """
    return list(_words(text))


#: A character that may belong to, or glue, a word (a superset of what :data:`_WORD_RE` spans).
_WORDISH_RE = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u200c\u200d'’ʿ\-]")


def word_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(first, last)``: the words of :func:`read_article` that lie in ``text[start:end]``.

    None when a character around the slice can join a word: a word cut by the
    slice ends there, so the slice must be tokenised on its own (:func:`words_in` does).
    """
    return _range_in(_memo_read(text).starts, text, start, end)


def _range_in(starts: tuple[int, ...], text: str, start: int, end: int) -> tuple[int, int] | None:
    glued_before = start > 0 and _WORDISH_RE.match(text, start - 1)
    if glued_before or (end < len(text) and _WORDISH_RE.match(text, end)):
        return None
    first = bisect_left(starts, start)
    return first, bisect_left(starts, end, lo=first)


def words_in(text: str, start: int, end: int) -> Sequence[Token]:
    """The words of ``text[start:end]`` with offsets into ``text`` (not shifted; do not modify).

    When neither character around the slice can join a word, these are the
    memoised words of the whole ``text`` that lie in it (the pipeline has
    tokenised the article already): no word is built again.  Otherwise the
    slice is tokenised on its own, as a word cut by the slice ends there.
    """
    article = _memo_read(text)
    span = _range_in(article.starts, text, start, end)
    if span is None:
        return [t._replace(start=t.start + start, end=t.end + start) for t in _words(text[start:end])]
    return article.tokens[span[0] : span[1]]


def _words(text: str) -> tuple[Token, ...]:
    return _split_words(text).tokens


class TextWords(NamedTuple):
    """A text's words (:class:`Token`) and their gaps, offsets, norms and texts, as parallel tuples."""

    tokens: tuple[Token, ...]
    gaps: tuple[str, ...]  # the text between each word and the next (one fewer)
    starts: tuple[int, ...]  # each word's start offset
    norms: tuple[str, ...]  # each word's normalised form
    texts: tuple[str, ...]  # each word as written
    distinct: frozenset[str]  # the distinct normalised forms, which every word list looks up


def _split_words(text: str) -> TextWords:
    """The words of ``text`` and what lies between them (see :class:`TextWords`)."""
    # ``split`` hands back gaps and words alternately; their running lengths are the offsets.
    parts = _SPLIT_RE.split(text)
    ends = list(accumulate(map(len, parts)))
    words = parts[1::2]
    norms = list(map(normalize_token, words))
    spans = zip(ends[0::2], ends[1::2], words, norms, strict=False)  # one gap more
    if "" not in norms:  # the usual case: every word keeps a letter, and becomes a token
        tokens = tuple(map(Token._make, spans))
        gaps, starts = tuple(parts[2:-1:2]), tuple(ends[0:-1:2])
        return TextWords(tokens, gaps, starts, tuple(norms), tuple(words), frozenset(norms))
    tokens = tuple(Token._make(span) for span in spans if span[3])
    # A word with no letters left (a lone tatweel) is no token: the gaps around it join.
    gaps = tuple(text[a.end : b.start] for a, b in zip(tokens, tokens[1:], strict=False))
    starts, norms, texts = (tuple(map(attrgetter(f), tokens)) for f in ("start", "norm", "text"))
    return TextWords(tokens, gaps, starts, norms, texts, frozenset(norms))


#: The articles being geoparsed (one per thread at a time): a few suffice, and an article's
#: words are its size many times over, so the memo keeps no more.
_memo_read = lru_cache(maxsize=16)(_split_words)


def read_article(text: str) -> TextWords:
    """The words of ``text`` (:func:`tokenize`'s, as a tuple) with their parallel tuples, memoised.

    The matcher and the extractor both read the article: take the record once
    and read its fields, so that they all come from the same reading.  Only
    articles go through this memo (the last 16), so that short strings
    (names, gaps) never push one out.
    """
    return _memo_read(text)


def clear_text_caches() -> None:
    """Forget memoised whole texts (not words), so that a benchmark's repeat starts cold on its texts."""
    _memo_read.cache_clear()


@word_memo(maxsize=500_000)  # a gazetteer's names and an article's candidate keys
def normalize_name(name: str) -> str:
    """The index key of a whole name: its normalised tokens joined by single spaces.

    A standalone Latin article ("Al Bab", "el Bab") is dropped as well, so
    "Al-Bab", "al Bab" and "Bab" share a key.  Memoised: names recur
    (building, merging and resolving key the same ones again and again).
    """
    norms = [t.norm for t in _words(name)]
    while len(norms) > 1 and norms[0] in ("al", "el"):
        norms = norms[1:]
    return " ".join(norms)


#: Arabic proclitics, longest first: conjunctions, prepositions, then the article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
#: The letters a proclitic starts with: a conjunction, a preposition or the article.
_PROCLITIC_LETTERS = frozenset("وفبلكا")


@word_memo()
def clitic_variants(norm: str) -> tuple[tuple[str, int], ...]:
    """Forms of a normalised Arabic token with proclitics stripped.

    Returns ``(form, n_stripped)`` pairs, the token itself first and then by
    increasing number of stripped characters.  Handles و ف ب ل ك, the article
    ال, and لل (ل + ال with the alef elided), so وبإدلب → ادلب, للرقه → الرقه
    and رقه, بالرقه → الرقه and رقه.  A stripped form must keep two letters.
    Memoised, as words recur: the tuple is shared.
    """
    if norm[:1] not in _PROCLITIC_LETTERS:
        return ((norm, 0),)  # most words, and every Latin one: nothing to strip
    seen: dict[str, int] = {norm: 0}

    def add(form: str, cut: int) -> None:
        if len(form) >= 2 and form not in seen:
            seen[form] = cut

    # (form, characters cut so far, characters cut once its article goes too)
    stems = [(norm, 0, 2)]
    if norm[:1] in _CONJ:
        stems.append((norm[1:], 1, 3))
    for stem, cut, _ in list(stems):
        if stem.startswith("لل") and len(stem) > 3:
            stems.append(("ال" + stem[2:], cut + 1, cut + 2))  # لل = ل + (ا)ل
        elif stem[:1] in _PREP:
            stems.append((stem[1:], cut + 1, cut + 3))
    for stem, cut, article_cut in stems:
        add(stem, cut)
        if stem.startswith("ال") and len(stem) > 3:
            add(stem[2:], article_cut)
    return tuple(sorted(seen.items(), key=lambda kv: kv[1]))
