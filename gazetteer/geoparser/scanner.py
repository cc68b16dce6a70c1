"""Longest-match scanning of one sentence, with its cue reading (:class:`Scanner`)."""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

from ..places.index import Gazetteer
from ..places.normalize import Token, is_arabic
from ..places.place import Place, PlaceType
from .articlewords import CLOSE_QUOTES, OPEN_QUOTES, SentenceWords
from .cues import NAMED_SETTLEMENTS, ROAD_CODE_RE, load_cues, stated_km
from .nameindex import MatchIndex, article_ok
from .romanize import LATIN_ARTICLES
from .toponym import Match

_NORM_OF = attrgetter("norm")
#: The types a landform word after a name agrees with ("plain", "mountain"): see ``Scanner._cue_after``.
_LANDFORM = frozenset({PlaceType.REGION})
_CAMP = frozenset({PlaceType.CAMP})  # «مخيم»: a camp's word before its name is part of it
#: A dash between words (not inside a hyphenated one): what follows it is a new phrase.
_DASHED = re.compile(r"\s[-–—]|[-–—]\s|[–—]")
# Between a cue word and the name: spaces, hashtags, opening quotes and brackets.
_CUE_GAP_RE = re.compile(r"^[\s#«“\"”„'‘(\[_\-]{1,4}$")
_LATIN_ARTICLE_RE = re.compile(r"^[AaEe](?:l|sh|s|dh|d|r|th|t|z|n)-")  # "al-Lataminah" is capitalised
#: English words that open a phrase, not a name: "in Salah al-Din" is no In Salah (Algeria).
#: Capitalised, those that are also Arabic articles ("At Tall", "At Tanf") open a name.
_OPENING_WORDS = frozenset({"in", "at", "on", "of", "to", "by", "from", "for", "into", "near", "and"})


def capitalised(text: str) -> bool:
    """Whether a Latin word is capitalised, after an article joined by a hyphen ("al-Lataminah")."""
    return _LATIN_ARTICLE_RE.sub("", text)[:1].isupper()


def char_cut(tok: Token, cut: int) -> int:
    """Original-text offset where the token starts once ``cut`` normalised characters are stripped."""
    if cut == 0:
        return tok.start
    from ..places.normalize import normalize_with_offsets

    _, offsets = normalize_with_offsets(tok.text)
    return tok.start + (offsets[cut] if cut < len(offsets) else len(tok.text))


class Scanner:
    """Longest-match scanning of one sentence, with its cue reading."""

    __slots__ = (
        "text", "toks", "sentence", "gazetteer", "index", "cues", "english",
        "joinable", "words", "live", "facility_sentence", "has_quotes", "actor_starts",
    )  # fmt: skip

    def __init__(
        self,
        text: str,
        sentence: int,
        gazetteer: Gazetteer,
        language: str,
        view: SentenceWords,
        *,
        index: MatchIndex | None = None,
    ) -> None:
        """``index``: the gazetteer's :class:`MatchIndex`, when the caller holds it (one per article)."""
        self.text = text
        self.sentence = sentence
        self.gazetteer = gazetteer
        self.index = MatchIndex.for_gazetteer(gazetteer) if index is None else index
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
        self.actor_starts = view.actor_starts  # where an actor's name may start (see masks)

    # ---- phrases around a position
    def phrase_before(self, j: int, phrases: Any, max_len: int = 4) -> tuple[tuple[str, ...], int] | None:
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

    def phrase_after(self, j: int, phrases: Any, max_len: int = 3) -> tuple[tuple[str, ...], int] | None:
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

    def _possessive(self, m: Match) -> bool:
        """Whether the name ``m`` is written possessive: "Idlib's", "Idlib’s"."""
        return self.toks[m.tok_end - 1].text[-2:] in ("'s", "’s")

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
            for head in word.heads:
                key = head.form
                for n in range(2, min(n_ok, head.longest) + 1):
                    key = f"{key} {self.toks[i + n - 1].norm}"
                    if key not in prefixes:
                        break
                    if has_key(key):
                        found.append((-n, head.order, key, head.cut))  # sorts longest first, then by order
            found.sort()
            for minus_n, _, key, cut in found:
                if article_ok(self.gazetteer, self.toks[i].norm, cut, key):
                    return i - minus_n, key, self.gazetteer.lookup_key(key), cut
        if word.single is None:  # then a one-word name, which depends on the word alone
            return None
        key, cut = word.single
        return i + 1, key, self.gazetteer.lookup_key(key), cut

    def quoted(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 2) : start].strip()
        after = self.text[end : end + 2].strip()
        return bool(before) and before[-1] in OPEN_QUOTES and bool(after) and after[0] in CLOSE_QUOTES

    def make(
        self, i: int, end_tok: int, key: str, places: list[Place], cut: int, fuzzy: bool = False
    ) -> Match:
        prefix = self.toks[i].norm[:cut]
        # An article read off a name that lacks it («التلبيسة» for «تلبيسة») is
        # still part of the toponym as written; only و ف ب ل ك stay outside.
        span_cut = cut - 2 if prefix.endswith("ال") else cut - 1 if prefix.endswith("لل") else cut
        start = char_cut(self.toks[i], span_cut)
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
        if not (self._may_cue(j, m.tok_end) or self.english and self._possessive(m)):
            return
        found = self.phrase_before(j, c.type_before)
        if found:
            m.cue, m.cue_types = " ".join(found[0]), c.type_before[found[0]]
            j = found[1]
        countryside = self.phrase_before(m.tok_start, c.countryside_before) if not found else None
        if found and found[0] in c.countryside_before:
            countryside = found
        if countryside:
            m.relation = "countryside"
            if not m.cue:
                m.cue = " ".join(countryside[0])
                m.cue_types = c.type_before.get(countryside[0], frozenset())
            after = self.phrase_after(m.tok_end, c.countryside_direction)
            if after:
                m.bearing = c.countryside_direction[after[0]]
            elif self.english:
                before = self.phrase_before(countryside[1], c.countryside_direction)
                if before:
                    m.bearing = c.countryside_direction[before[0]]
        side = None if countryside else self.phrase_before(j, c.countryside_direction_before)
        if side:  # «الريف الغربي لحلب», «الريف الجنوبي لمدينة إدلب»
            m.relation, m.bearing = "countryside", c.countryside_direction_before[side[0]]
            m.cue, m.cue_types = m.cue or " ".join(side[0]), m.cue_types or c.type_before[("ريف",)]
        after_type = self.phrase_after(m.tok_end, c.type_after) if self.english else None
        if self.english and not after_type and self._possessive(m):  # "Idlib's southern countryside"
            side = self.phrase_after(m.tok_end, c.countryside_direction)
            after_type = self.phrase_after(side[1], c.countryside_after) if side else None
            if after_type:
                m.bearing = c.countryside_direction[side[0]]
        if after_type:
            if not m.cue:
                m.cue, m.cue_types = " ".join(after_type[0]), c.type_after[after_type[0]]
            if after_type[0] in c.countryside_after:
                m.relation = "countryside"
                m.cue = " ".join(after_type[0])
                m.cue_types = c.type_after[after_type[0]]
                before = self.phrase_before(m.tok_start, c.countryside_direction)
                if before:
                    m.bearing = c.countryside_direction[before[0]]
        if m.relation:
            return
        if j and _DASHED.search(self.text[self.toks[j - 1].end : self.toks[j].start]):
            return  # «ريف حلب الغربي - الأتارب»: the direction word ends the countryside before the dash
        near = self.phrase_before(j, c.near)
        if near:
            m.relation = "near"
            return
        direction = self.phrase_before(j, c.direction)
        if direction:
            m.relation, m.bearing = "direction", c.direction[direction[0]]
            m.distance_km = stated_km(self.toks, direction[1])
            return
        if self.phrase_before(j, c.between):
            m.relation = "between"

    # ---- fuzzy near-misses

    def generic_head_alone(self, i: int, end_tok: int) -> bool:
        """Whether the name read at ``[i, end_tok)`` is a generic head word that starts a longer name.

        «خان», «تل», "Khan", "Tal", "Deir" alone are no place when a name word
        follows them: "Tal Touqan" is a village the gazetteer may lack, not
        the village of At-Tall.  In English the next word must be capitalised
        ("Khan Al Shekhoun": after an article).
        """
        last = end_tok - 1
        if end_tok >= len(self.toks) or not self.joinable[last]:
            return False
        if self.cues.name_heads.isdisjoint(f for f, _ in self.words[last].variants):
            return False
        nxt = self.toks[end_tok]
        if not self.english:
            stops = self.cues.facility_stops | self.cues.all_words
            return is_arabic(nxt.text) and stops.isdisjoint(f for f, _ in self.words[end_tok].variants)
        if nxt.norm in ("al", "el") and end_tok + 1 < len(self.toks) and self.joinable[end_tok]:
            nxt = self.toks[end_tok + 1]
        return capitalised(nxt.text) and nxt.norm not in self.cues.stop_keys

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
        if self.english and not capitalised(head.text):
            return m  # "the khan" is no name
        cut = next(c for f, c in self.words[i - 1].variants if f in self.cues.name_heads)
        if out and out[-1].tok_end == i and out[-1].tok_start == i - 1:
            out.pop()
        start = char_cut(head, cut)
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
        same place, so «ريف دمشق» (Rif Dimashq, not Damascus) stays whole,
        or the cue is a settlement word after the name ("X neighbourhood").
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
                if p and self.cues.type_before.get(tuple(words[:p]), _CAMP) == _CAMP:
                    continue  # no cue; or a camp's word («مخيم اليرموك»)
                if q and not self._cue_after(tuple(words[len(words) - q :])):
                    continue
                # "the al-Thawra neighbourhood of Idlib city" read as OCHA's "Al Thawra
                # neighbourhood": a settlement word is a cue even where the place's bare name is not
                # a name of its own; the full name's readings stay.
                settlement = (
                    q
                    and not p
                    and self._settlement_cue_after(tuple(words[len(words) - q :]))
                    and (not self.english or self._cased(i, end_tok - q)[0])  # "the old city" names no "old"
                )
                if settlement or wanted & set(self.gazetteer.lookup_key(" ".join(words[p : len(words) - q]))):
                    best = (p, q)
        if best is None and is_arabic(key) and self.cues.settlement_cue_of(words[0], places):
            best = (1, 0)  # «حي الجورة»: the index holds the quarter with its cue word only
        if best is not None:
            p, q = best
            return i + p, end_tok - q, " ".join(words[p : len(words) - q]), 0 if p else cut
        return i, end_tok, key, cut

    def _cue_after(self, words: tuple[str, ...]) -> bool:
        """Whether ``words``, ending a full name, are a type cue left outside it ("Idlib province").

        A landform word is the region's name ("the Ghab plain"), not a cue about it.
        """
        types = self.cues.type_after.get(words)
        return types is not None and types != _LANDFORM

    def _settlement_cue_after(self, words: tuple[str, ...]) -> bool:
        """Whether ``words`` after a name say it is a settlement or a quarter ("neighbourhood", "town").

        Not a camp: "Yarmouk camp" names the camp, its word included where the index holds it so.
        """
        types = self.cues.type_after.get(words)
        return types is not None and types <= NAMED_SETTLEMENTS

    def _cased(self, i: int, end_tok: int) -> tuple[bool, bool]:
        """(a word is capitalised, the first is a road code) of Latin tokens ``[i, end_tok)``.

        "khan Touman": one capitalised word marks a multi-word name.
        """
        capital = any(
            t.text[:1].isupper() if "-" not in t.text else capitalised(t.text) for t in self.toks[i:end_tok]
        )
        return capital, bool(ROAD_CODE_RE.match(self.toks[i].norm))

    def _may_cue(self, i: int, end_tok: int) -> bool:
        """Whether a cue phrase can end right before tokens ``[i, end_tok)`` or (English) start after."""
        if i and self.words[i - 1].cue_end:
            return True
        toks = self.toks
        return self.english and end_tok < len(toks) and toks[end_tok].norm in self.cues.type_after_heads

    def lowercase_word(self, i: int, end_tok: int) -> bool:
        """An uncued English name in lower case ("of", "was"), or one opened by a preposition ("in Salah")."""
        if not self.english:
            return False
        first = self.toks[i].text
        if end_tok - i > 1 and first.lower() in _OPENING_WORDS:
            return first.islower() or first.lower() not in LATIN_ARTICLES
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
            if not self._head_named_with_article(m):
                m.needs_support = True
        return True

    def _head_named_with_article(self, m: Match) -> bool:
        """English "El Bab", "al-Bab": a compound's head word (:attr:`Cues.name_heads`) written with its
        Latin article and a capital is a name of its own, not the head of an unknown compound."""
        if not self.english or m.tok_end - m.tok_start > 2 or m.key not in self.cues.name_heads:
            return False
        written = " ".join(t.text for t in self.toks[m.tok_start : m.tok_end])
        article, _, word = written.replace("-", " ", 1).partition(" ")
        return article.lower() in LATIN_ARTICLES and word[:1].isupper() and len(word) > 2 and word.isalpha()
