"""Longest-match scanning of one sentence (:class:`Scanner`): the names it holds, their spans.

The words around a name, its cues, are read by :class:`gazetteer.geoparser.cuereading.CueReader`,
which a scanner is.
"""

from __future__ import annotations

from ..places.index import Gazetteer
from ..places.normalize import Token, is_arabic
from ..places.place import Place, PlaceType
from .articlewords import CLOSE_QUOTES, OPEN_QUOTES, SentenceWords, capitalised
from .cuereading import CueReader
from .cues import NAMED_SETTLEMENTS, ROAD_CODE_RE
from .nameindex import MatchIndex, article_ok
from .romanize import LATIN_ARTICLES
from .toponym import Match

#: The types a landform word after a name agrees with ("plain", "mountain"): see ``Scanner._cue_after``.
_LANDFORM = frozenset({PlaceType.REGION})
_CAMP = frozenset({PlaceType.CAMP})  # «مخيم»: a camp's word before its name is part of it
#: English words that open a phrase, not a name: "in Salah al-Din" is no In Salah (Algeria).
#: Capitalised, those that are also Arabic articles ("At Tall", "At Tanf") open a name.
_OPENING_WORDS = frozenset({"in", "at", "on", "of", "to", "by", "from", "for", "into", "near", "and"})


def char_cut(tok: Token, cut: int) -> int:
    """Original-text offset where the token starts once ``cut`` normalised characters are stripped."""
    if cut == 0:
        return tok.start
    from ..places.normalize import normalize_with_offsets

    _, offsets = normalize_with_offsets(tok.text)
    return tok.start + (offsets[cut] if cut < len(offsets) else len(tok.text))


class Scanner(CueReader):
    """Longest-match scanning of one sentence; as a :class:`CueReader`, it reads the cues of what it finds."""

    __slots__ = ("sentence", "gazetteer", "index", "live", "facility_sentence", "has_quotes", "actor_starts")

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
        super().__init__(text, language, view)
        self.sentence = sentence
        self.gazetteer = gazetteer
        self.index = MatchIndex.for_gazetteer(gazetteer) if index is None else index
        self.live = view.live  # where a reading may start
        # An English facility name needs its head word («hospital») in the sentence.
        self.facility_sentence = view.facility_sentence
        # Only a sentence holding an opening quote can have a quoted word.
        self.has_quotes = view.has_quotes
        self.actor_starts = view.actor_starts  # where an actor's name may start (see masks)

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
                if article_ok(self.gazetteer, self.toks[i].norm, cut, key) and not self._cue_prefers_one_word(
                    i, key
                ):
                    return i - minus_n, key, self.gazetteer.lookup_key(key), cut
        if word.single is None:  # then a one-word name, which depends on the word alone
            return None
        key, cut = word.single
        return i + 1, key, self.gazetteer.lookup_key(key), cut

    def _cue_prefers_one_word(self, i: int, key: str) -> bool:
        """Whether the Arabic type cue before token ``i`` agrees with the one-word name there and with
        no place of the longer ``key``, which reads the word without its article: «مدينة الباب شرقي
        حلب» is the town of al-Bab east of Aleppo, not the Damascus quarter Bab Sharqi.
        """
        single = self.words[i].single
        if self.english or single is None or key.startswith("ال"):
            return False
        if not self.toks[i].norm.startswith("ال"):
            return False  # the longer key keeps the word as written: «منطقة باب النيرب»
        cue = self.phrase_before(i, self.cues.type_before)
        if cue is None:
            return False
        types = self.cues.type_before[cue[0]]
        agrees = any(p.type in types for p in self.gazetteer.lookup_key(single[0]))
        return agrees and not any(p.type in types for p in self.gazetteer.lookup_key(key))

    def quoted(self, start: int, end: int) -> bool:
        """Whether the text's span ``[start, end)`` stands between an opening and a closing quote."""
        before = self.text[max(0, start - 2) : start].strip()
        after = self.text[end : end + 2].strip()
        return bool(before) and before[-1] in OPEN_QUOTES and bool(after) and after[0] in CLOSE_QUOTES

    def make(
        self, i: int, end_tok: int, key: str, places: list[Place], cut: int, fuzzy: bool = False
    ) -> Match:
        """The match of the name read at tokens ``[i, end_tok)``, its span without the clitics
        ``cut`` strips (an article read off stays in), its cues read."""
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
        if not self.english and self._definite_head(last) and self.phrase_before(i, self.cues.type_before):
            return False  # «مدينة الباب تطالب»: a cued name; a head word opens a compound bare, «باب الهوى»
        if not self.english:
            stops = self.cues.facility_stops | self.cues.all_words
            return is_arabic(nxt.text) and stops.isdisjoint(f for f, _ in self.words[end_tok].variants)
        if nxt.norm in ("al", "el") and end_tok + 1 < len(self.toks) and self.joinable[end_tok]:
            nxt = self.toks[end_tok + 1]
        return capitalised(nxt.text) and nxt.norm not in self.cues.stop_keys

    def _definite_head(self, k: int) -> bool:
        """Whether Arabic token ``k`` is a name head word carrying the article («الباب», «بالتل»)."""
        norm = self.toks[k].norm
        return any(
            f in self.cues.name_heads and norm[:cut].endswith("ال") for f, cut in self.words[k].variants
        )

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
    ) -> tuple[int, int, str, int, list[Place]]:
        """Leave cue words of a full name («محافظة إدلب», «قاعدة حميميم الجوية») outside the span.

        The toponym is the bare name; the cue stays a cue (and still selects
        the governorate).  Only when the bare name is itself a name of the
        same place, so «ريف دمشق» (Rif Dimashq, not Damascus) stays whole,
        or the cue is a settlement word after the name ("X neighbourhood").
        Returns the span, key and cut, and the readings: the full name's, and
        after a settlement word also the bare name's settlements ("the Midan
        district" is Damascus's "Midan district" or any other quarter called Midan).
        """
        if " " not in key:
            return i, end_tok, key, cut, places  # one word: nothing to trim
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
            bare = " ".join(words[p : len(words) - q])
            said = self.cues.type_after.get(tuple(words[len(words) - q :]), _CAMP) if q and not p else _CAMP
            if said & NAMED_SETTLEMENTS:  # "district" says a quarter, among other things
                others = [o for o in self.gazetteer.lookup_key(bare) if o.type in NAMED_SETTLEMENTS]
                places = list(dict.fromkeys([*places, *others]))
            return i + p, end_tok - q, bare, 0 if p else cut, places
        return i, end_tok, key, cut, places

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

    def lowercase_word(self, i: int, end_tok: int) -> bool:
        """An uncued English name in lower case ("of", "was"), or one opened by a preposition ("in Salah")."""
        if not self.english:
            return False
        first = self.toks[i].text
        if end_tok - i > 1 and first.lower() in _OPENING_WORDS:
            return first.islower() or first.lower() not in LATIN_ARTICLES
        if first[:1].isupper() and "-" not in first:
            return False  # capitalised (an "al-" prefix aside): the usual name
        if is_arabic(first) or self.may_cue(i, end_tok):
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
        if single and (m.key,) in self.cues.countryside_before and self._in_construct(m):
            return False  # «بادية تدمر»: the desert around Palmyra, not the Syrian Desert
        if m.key in self.index.ambiguous or (single and m.key in self.cues.all_words):
            if m.cue:
                return m.key not in self.cues.all_words
            if not self._head_named_with_article(m):
                m.needs_support = True
        return True

    def _in_construct(self, m: Match) -> bool:
        """Whether the Arabic word ``m``, without its article, governs the word after it («بادية X»)."""
        end = m.tok_end
        return (
            not self.english
            and not self.toks[m.tok_start].norm.startswith("ال")
            and end < len(self.toks)
            and self.joinable[end - 1]
            and is_arabic(self.toks[end].text)
        )

    def _head_named_with_article(self, m: Match) -> bool:
        """English "El Bab", "al-Bab": a compound's head word (:attr:`Cues.name_heads`) written with its
        Latin article and a capital is a name of its own, not the head of an unknown compound."""
        if not self.english or m.tok_end - m.tok_start > 2 or m.key not in self.cues.name_heads:
            return False
        written = " ".join(t.text for t in self.toks[m.tok_start : m.tok_end])
        article, _, word = written.replace("-", " ", 1).partition(" ")
        return article.lower() in LATIN_ARTICLES and word[:1].isupper() and len(word) > 2 and word.isalpha()
