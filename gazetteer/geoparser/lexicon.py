"""Word lists for incident extraction: loading the bundled YAML and matching phrases in text.

The lexicons live in ``gazetteer/data/lexicon/*.yaml``.  A phrase there is
written as plain text and goes through :func:`gazetteer.places.normalize.tokenize`,
exactly like the article, so both sides of every match are normalised the
same way.  Two small notations extend a phrase token:

* ``word*`` matches any token that starts with ``word`` (Arabic and English
  suffixes: قصف* → قصفت، قصفها; airstrike* → airstrikes);
* ``=WORD`` matches the raw token exactly, case included (``=IS`` is the
  Islamic State, not the verb "is").

Arabic proclitics (و ف ب ل ك ال لل) are stripped from text tokens with
:func:`gazetteer.places.normalize.clitic_variants`, so «وبالغارات» meets «غارات».
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from operator import attrgetter
from typing import Any, Generic, TypeVar

import yaml

from ..errors import GazetteerDataError
from ..memo import word_memo
from ..places.normalize import Token, clitic_variants, normalize_token, tokenize
from .indices import indices_where

T = TypeVar("T")

_HEAD_CACHE_SIZE = 1 << 16  # distinct words remembered per matcher
_NORM_OF = attrgetter("norm")
_TEXT_OF = attrgetter("text")

_LEXICON_DIR = "data/lexicon"


@functools.cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed YAML mapping of ``data/lexicon/<name>.yaml``.

    Raises :class:`GazetteerDataError` when the file is missing or is not a mapping.
    """
    try:
        raw = resources.files("gazetteer").joinpath(_LEXICON_DIR, f"{name}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GazetteerDataError(f"lexicon {name}.yaml is missing") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise GazetteerDataError(f"lexicon {name}.yaml: {exc}") from exc
    if not isinstance(data, dict):
        raise GazetteerDataError(f"lexicon {name}.yaml must hold a mapping")
    return data


#: A normalised token's forms with proclitics stripped (the lexicons' name for :func:`clitic_variants`).
forms_of = clitic_variants


def distinct_norms(tokens: Sequence[Token], norms: Sequence[str] | None = None) -> frozenset[str]:
    """The set of normalised words of ``tokens`` (``norms``: theirs, in order, when at hand).

    Every lookup below takes it as ``words``: read once for a sentence, it serves all the
    word lists looked up in it.
    """
    return frozenset(map(_NORM_OF, tokens) if norms is None else norms)


def positions(
    tokens: Sequence[Token], wanted: Container[str], norms: Sequence[str] | None = None
) -> list[int]:
    """The indices of ``tokens`` whose normalised word is in ``wanted``, in order.

    ``norms``: the tokens' normalised forms, when at hand.
    """
    in_order = map(_NORM_OF, tokens) if norms is None else norms
    return indices_where(map(wanted.__contains__, in_order))


@word_memo()
def form_set(norm: str) -> frozenset[str]:
    """:func:`forms_of` as a set: ``not S.isdisjoint(form_set(n))`` tests a word list in one call."""
    return frozenset(f for f, _ in forms_of(norm))


class WordClass:
    """A yes/no property of normalised words, memoised, asked of a sentence's distinct words at once.

    ``among(tokens)`` costs two set operations once the sentence's words are
    known: no Python step per token.
    """

    def __init__(self, test: Callable[[str], bool]) -> None:
        self._test = test
        self._members: set[str] = set()
        self._seen: set[str] = set()

    def among(
        self,
        tokens: Sequence[Token],
        norms_in_order: Sequence[str] | None = None,
        *,
        words: frozenset[str] | None = None,
    ) -> set[str]:
        """The normalised words of ``tokens`` that have the property.

        ``norms_in_order``: the tokens' normalised forms, when at hand; ``words``: their
        :func:`distinct_norms`, when at hand.
        """
        norms = distinct_norms(tokens, norms_in_order) if words is None else words
        found = self._members.intersection(norms)
        if norms <= self._seen:  # every word tested before: the usual case
            return found
        for norm in norms.difference(self._seen):
            member = self._test(norm)
            if member:
                found.add(norm)
            if len(self._seen) < _HEAD_CACHE_SIZE:
                self._seen.add(norm)
                if member:
                    self._members.add(norm)
        return found


@functools.cache
def with_form_in(words: frozenset[str]) -> WordClass:
    """The words one of whose clitic forms (:func:`forms_of`) is in ``words``; one per word list."""
    return WordClass(lambda norm: not words.isdisjoint(form_set(norm)))


def word_set(words: Iterable[str]) -> frozenset[str]:
    """Normalised forms of single words, for membership tests against ``Token.norm``."""
    return frozenset(normalize_token(_text(w)) for w in words)


def _text(value: object) -> str:
    # YAML reads bare on/off/yes/no as booleans: a word list must quote them.
    if not isinstance(value, str):
        raise GazetteerDataError(f"lexicon entry {value!r} is not text (quote it in the YAML)")
    return value


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str  # "exact" | "prefix" | "case"
    text: str

    def matches(self, token: Token) -> bool:
        if self.kind == "case":
            return token.text == self.text
        if self.kind == "prefix":
            return any(f.startswith(self.text) for f, _ in forms_of(token.norm))
        return token.norm == self.text or self.text in form_set(token.norm)


def _compile(phrase: str) -> tuple[_Pattern, ...]:
    patterns = []
    for raw in phrase.split():
        if raw.startswith("="):
            patterns.append(_Pattern("case", raw[1:]))
            continue
        prefix = raw.endswith("*")
        norms = [t.norm for t in tokenize(raw.rstrip("*"))]
        for i, norm in enumerate(norms):
            last = i == len(norms) - 1
            patterns.append(_Pattern("prefix" if prefix and last else "exact", norm))
    return tuple(patterns)


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A lexicon phrase found in a token list: tokens ``[first, last)`` and the phrase's value.

    ``clitic`` is the proclitic stripped from the first token (``"ب"`` for «بقصف»).
    """

    first: int
    last: int
    value: T
    phrase: str
    clitic: str = ""


class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases in tokenised text: longest match first, no overlaps.

    Built once from ``(phrase, value)`` pairs; lookups are dictionary hits on
    the first token's clitic variants, so matching is linear in the text.
    """

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[tuple[tuple[_Pattern, ...], T, str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[_Pattern, ...], T, str]]] = {}
        self._case: dict[str, list[tuple[tuple[_Pattern, ...], T, str]]] = {}
        self._head_cache: dict[str, tuple[tuple[tuple[_Pattern, ...], T, str, str], ...]] = {}
        self._starters = WordClass(self._starts_phrase)  # the words that start some phrase
        for phrase, value in items:
            patterns = _compile(_text(phrase))
            if not patterns:
                raise GazetteerDataError(f"lexicon phrase {phrase!r} has no word")
            head = patterns[0]
            table = {"exact": self._exact, "prefix": self._prefix, "case": self._case}[head.kind]
            table.setdefault(head.text, []).append((patterns, value, phrase))
        self._prefix_lengths = sorted({len(p) for p in self._prefix})
        self._case_texts = frozenset(self._case)
        # What a word's forms are checked against to tell whether it starts some phrase.
        self._exact_heads = frozenset(self._exact)
        self._prefix_heads = tuple(self._prefix)

    def _norm_heads(self, norm: str) -> tuple[tuple[tuple[_Pattern, ...], T, str, str], ...]:
        """The phrases a normalised word may start, with the proclitic it strips for each; memoised.

        A tuple: most words start no phrase, and their shared empty tuple costs the memo nothing.
        """
        found = self._head_cache.get(norm)
        if found is None:
            heads = []
            for form, cut in forms_of(norm):
                clitic = norm[:cut]
                for entry in self._exact.get(form, ()):
                    heads.append((*entry, clitic))
                for k in self._prefix_lengths:
                    if k > len(form):
                        break
                    for entry in self._prefix.get(form[:k], ()):
                        heads.append((*entry, clitic))
            found = tuple(heads)
            if len(self._head_cache) < _HEAD_CACHE_SIZE:
                self._head_cache[norm] = found
        return found

    def _starts_phrase(self, norm: str) -> bool:
        """Whether :meth:`_norm_heads` of ``norm`` is not empty, told without building it.

        Most words of a text start no phrase of a given lexicon: for them the test
        is two set and string checks per form, with nothing to remember.
        """
        forms = form_set(norm)
        if not self._exact_heads.isdisjoint(forms):
            return True
        return bool(self._prefix_heads) and any(f.startswith(self._prefix_heads) for f in forms)

    def _heads(self, token: Token) -> tuple[tuple[tuple[_Pattern, ...], T, str, str], ...]:
        found = self._norm_heads(token.norm)
        if self._case:
            cased = self._case.get(token.text)
            if cased:
                found = found + tuple((*entry, "") for entry in cased)
        return found

    def find(
        self,
        tokens: Sequence[Token],
        starts: Iterable[int] | None = None,
        *,
        words: frozenset[str] | None = None,
    ) -> list[PhraseMatch[T]]:
        """Every non-overlapping phrase in ``tokens``, left to right, the longest at each position.

        ``starts``, when given, are where a phrase may start, in order (a superset, such as
        :meth:`starts` of a longer text shifted to these tokens): then only those are tried.
        ``words``: the tokens' :func:`distinct_norms`, when at hand.
        """
        out: list[PhraseMatch[T]] = []
        free = 0  # the first token not inside a phrase already found
        for i in self.starts(tokens, words=words) if starts is None else starts:
            if i < free:
                continue
            best: PhraseMatch[T] | None = None
            for patterns, value, phrase, clitic in self._heads(tokens[i]):
                n = len(patterns)
                if i + n > len(tokens):
                    continue
                for k in range(1, n):
                    if not patterns[k].matches(tokens[i + k]):
                        break
                else:
                    if best is None or n > best.last - best.first:
                        best = PhraseMatch(i, i + n, value, phrase, clitic)
            if best is not None:
                out.append(best)
                free = best.last
        return out

    def may_match(self, tokens: Sequence[Token], *, words: frozenset[str] | None = None) -> bool:
        """False when no phrase can start at any of ``tokens``: a cheap test before :meth:`find`.

        Set operations over the sentence's distinct words (``words``: its
        :func:`distinct_norms`, when at hand): most sentences hold no word of a given
        lexicon, and this tells so without a Python step per token.
        """
        if self._starters.among(tokens, words=words):
            return True
        return bool(self._case_texts) and not self._case_texts.isdisjoint(map(_TEXT_OF, tokens))

    def starts(
        self,
        tokens: Sequence[Token],
        *,
        norms: Sequence[str] | None = None,
        texts: Sequence[str] | None = None,
        words: frozenset[str] | None = None,
    ) -> list[int]:
        """Positions where a phrase may start (a superset of where :meth:`find` finds one), in order.

        ``norms`` and ``texts``: the tokens' normalised forms and texts, in order, when at
        hand (:func:`gazetteer.places.normalize.read_article` has an article's); ``words``:
        the tokens' :func:`distinct_norms`, when at hand.
        """
        # Most sentences hold none of the lexicon's words: then no pass over the tokens.
        members = self._starters.among(tokens, norms, words=words)
        found = positions(tokens, members, norms) if members else []
        if self._case_texts:
            cased = self._case_texts.intersection(map(_TEXT_OF, tokens) if texts is None else texts)
            if cased:
                written = map(_TEXT_OF, tokens) if texts is None else texts
                found = sorted({*found, *indices_where(map(cased.__contains__, written))})
        return found
