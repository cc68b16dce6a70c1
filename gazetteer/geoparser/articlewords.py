"""An article's words, read once for all its sentences (:class:`ArticleWords`), and where readings start."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..events.actors import actor_starts
from ..memo import word_memo
from ..places.normalize import Token, read_article
from .indices import indices_where
from .nameindex import (
    APOSTROPHES,
    F_ARTICLE,
    F_FUZZY_CUE,
    F_HEAD,
    F_LONGER,
    F_SINGLE,
    MatchIndex,
    Word,
)
from .result import Sentence

# Characters that may join the tokens of one name: spaces, dashes, underscores
# (hashtags such as #ريف_إدلب), but never a comma, a full stop or a quote.
_JOIN_RE = re.compile(r"[ \t\u00a0\-\u2010\u2011\u2012\u2013\u2014_]{1,4}")
OPEN_QUOTES = "«“\"”„'‘"
CLOSE_QUOTES = "»”\"“'’"
_OPEN_QUOTE_RE = re.compile(f"[{re.escape(OPEN_QUOTES)}]")


_LATIN_ARTICLE_RE = re.compile(r"^[AaEe](?:l|sh|s|dh|d|r|th|t|z|n)-")  # "al-Lataminah" is capitalised


def capitalised(text: str) -> bool:
    """Whether a Latin word is capitalised, after an article joined by a hyphen ("al-Lataminah")."""
    return _LATIN_ARTICLE_RE.sub("", text)[:1].isupper()


class SentenceWords(NamedTuple):
    """One sentence as the scanner reads it (token indices relative to the sentence)."""

    toks: Sequence[Token]  # offsets into the article's text
    words: list[Word]  # each token's record
    joinable: list[bool]  # joinable[k]: the text between tokens k and k + 1 may join them into one name
    live: list[int]  # where a reading may start, in order (see ArticleWords.sentence)
    facility_sentence: bool  # English: a facility head word («hospital») is in the sentence
    has_quotes: bool  # an opening quote is in the sentence (or just before it)
    actor_starts: list[int]  # where an actor's name may start, in order (see ArticleWords.actor_starts)


class ArticleWords:
    """An article's tokens, their :class:`Word` records and join flags, read once for all sentences.

    Also where readings may start, found once for the whole article, so that a
    sentence where none can start is passed over at once: most sentences of a
    long article name no place.
    """

    __slots__ = ("text", "english", "tokens", "starts", "quotes", "words", "joinable", "anchors",
                 "articles", "heads", "uppers", "fuzzy_cues", "actor_starts")  # fmt: skip

    def __init__(self, text: str, index: MatchIndex, *, english: bool) -> None:
        self.text = text
        self.english = english
        article = read_article(text)  # one record: tokens, starts, norms and gaps from one reading
        self.tokens = tokens = article.tokens
        self.starts = article.starts
        self.quotes = [quote.start() for quote in _OPEN_QUOTE_RE.finditer(text)]
        quoted = _words_with_apostrophes(text, tokens, self.starts)
        # Where an actor's name («هيئة تحرير الشام») may start, which may hold a place name
        # that is no place (gazetteer.geoparser.masks): found once, not per sentence.
        self.actor_starts = actor_starts(
            tokens, norms=article.norms, texts=article.texts, words=article.distinct
        )
        self.words = words = index.words_of(tokens, norms=article.norms, quoted=quoted)
        gaps = article.gaps
        self.joinable = list(map(_joins, gaps))
        # A reading starts at a one-word name, at the first word of a longer name whose second
        # word follows (_continues), in Arabic at a facility head word, and in English at a
        # capitalised word that may start a transliteration.  Most words have no flag, and
        # only the flagged ones are looked at; the transliteration test, only at capitals.
        anchors: list[int] = []
        self.articles: list[int] = []  # "al", "el" standing alone
        self.heads: list[int] = []  # facility head words
        self.fuzzy_cues: list[int] = []
        self.uppers: list[int] = []  # English: capitalised words (read in sentences holding a head word)
        prefixes = index.key_prefixes
        flags = [word.flags for word in words]
        for i in indices_where(flags):
            f = flags[i]
            if english:
                if f & F_SINGLE or (f & F_LONGER and self._continues(i, prefixes)):
                    anchors.append(i)
            elif f & (F_SINGLE | F_HEAD) or (f & F_LONGER and self._continues(i, prefixes)):
                anchors.append(i)
            if f & F_ARTICLE:
                self.articles.append(i)
            if f & F_HEAD:
                self.heads.append(i)
            if f & F_FUZZY_CUE and not english:
                self.fuzzy_cues.append(i)
        if english:
            capitals = indices_where(text[:1].isupper() for text in article.texts)
            transliterations = [i for i in capitals if index.may_transliterate(article.norms[i])]
            if transliterations:
                anchors = sorted({*anchors, *transliterations})
        self.anchors = anchors
        if english and self.heads:
            self.uppers = indices_where(capitalised(tok.text) for tok in tokens)  # "al-Azhari roundabout"

    def _continues(self, i: int, prefixes: set[str]) -> bool:
        """Whether word ``i`` and the next, joined, begin some name key (read with any of its forms)."""
        if i + 1 >= len(self.tokens) or not self.joinable[i]:
            return False
        after = " " + self.tokens[i + 1].norm
        return any(head.longest > 1 and head.form + after in prefixes for head in self.words[i].heads)

    def sentences(self, sentences: list[Sentence]) -> Iterator[tuple[Sentence, SentenceWords]]:
        """Each sentence with its words (a sentence with no token is left out)."""
        starts, first = self.starts, 0
        for sentence in sentences:
            first = bisect_left(starts, sentence.start, lo=first)
            last = bisect_left(starts, sentence.end, lo=first)
            if last > first:
                yield sentence, self.sentence(first, last)
            first = last

    def sentence(self, first: int, last: int) -> SentenceWords:
        """Tokens ``[first, last)`` of the article as one sentence (``first < last``).

        ``live`` holds the positions where :meth:`Scanner.longest_at` or a
        fallback reading could match (a cheap necessary condition of each
        reader): a name needs a word that is a one-word name, or the first
        word of a longer name whose second word follows it (:meth:`_continues`,
        which may look past the sentence's end: a superset is safe), or, after
        a standalone Latin article, such a word next; :meth:`Scanner.fuzzy_at`
        an Arabic word after a fuzzy cue or an opening quote;
        :meth:`Scanner.facility_at` an Arabic facility head word, or in
        English a capitalised word in a sentence holding a head word;
        :meth:`Scanner.transliteration_at` a capitalised word whose consonant
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
                if k < last and words[k].arabic and opened_quote(text, tokens[k]):
                    extra.append(k)
        if extra:
            live = sorted({*live, *extra})
        return SentenceWords(
            toks,
            words[first:last],
            self.joinable[first : last - 1],
            [p - first for p in live] if first else live,
            facility,
            has_quotes,
            [p - first for p in _between(self.actor_starts, first, last)],
        )


def _words_with_apostrophes(text: str, tokens: Sequence[Token], starts: Sequence[int]) -> list[int]:
    """The indices of the tokens holding an apostrophe (found with ``str.find``: they are few)."""
    out = []
    for quote in APOSTROPHES:
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


def opened_quote(text: str, tok: Token) -> bool:
    """An opening quote right before ``tok`` (within three characters)."""
    before = text[max(0, tok.start - 3) : tok.start].strip()
    return bool(before) and before[-1] in OPEN_QUOTES


@word_memo(maxsize=4096)  # few distinct gaps recur: " ", "، ", "- "
def _joins(gap: str) -> bool:
    """Whether the text between two tokens may join them into one name."""
    return bool(_JOIN_RE.fullmatch(gap))
