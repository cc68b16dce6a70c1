"""Cue reading: the words around a name in one sentence (:class:`CueReader`).

A cue says what a name is («محافظة», "province"), how it relates to the place
the text means («ريف», "near", "north of") and in which direction.  The
:class:`gazetteer.geoparser.scanner.Scanner` that finds the names is a cue
reader of its sentence; the fallbacks, unknown names and roads ask it for cue
phrases too.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

from .articlewords import SentenceWords
from .captionname import caption_settlement_cue
from .cues import load_cues, stated_km
from .toponym import Match

_NORM_OF = attrgetter("norm")
#: A dash between words (not inside a hyphenated one): what follows it is a new phrase.
_DASHED = re.compile(r"\s[-–—]|[-–—]\s|[–—]")
# Between a cue word and the name: spaces, hashtags, opening quotes and brackets.
_CUE_GAP_RE = re.compile(r"^[\s#«“\"”„'‘(\[_\-]{1,4}$")


class CueReader:
    """The cue phrases before and after a span of one sentence's tokens, and what they say of a name."""

    __slots__ = ("text", "toks", "words", "joinable", "cues", "english")

    def __init__(self, text: str, language: str, view: SentenceWords) -> None:
        """``text``: the article; ``view``: the sentence's words (:class:`SentenceWords`)."""
        self.text = text
        self.cues = load_cues()
        self.english = language == "en"
        self.toks = view.toks
        self.words = view.words
        self.joinable = view.joinable  # joinable[k]: tokens k and k + 1 may join into one name

    def phrase_before(self, j: int, phrases: Any, max_len: int = 4) -> tuple[tuple[str, ...], int] | None:
        """The longest phrase of ``phrases`` ending right before token ``j``: (phrase, first token).

        ``phrases`` is one of the cue lists of :class:`Cues`.
        """
        if j == 0 or not self.words[j - 1].cue_end:
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

    def read_context(self, m: Match) -> None:
        """Fill the cue, relation and bearing of ``m`` from the words around it."""
        c = self.cues
        j = m.tok_start
        if not self.english and j == 0:
            opening = caption_settlement_cue(self.text, self.toks, j, m.tok_end)
            if opening is not None:  # «النشابية | … على أطراف البلدة»: the caption calls it a town
                m.cue, m.cue_types = opening, c.type_before[(opening,)]
                return
        if not (self.may_cue(j, m.tok_end) or self.english and self._possessive(m)):
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

    def drop_linking_cue(self, m: Match, before: Match) -> None:
        """Clear the cue of ``m`` when it is the "<type> of" that follows the name ``before``.

        "the al-Daraiya neighbourhood of Raqqa": "neighbourhood" says what al-Daraiya
        is, and "of" links it to its container; Raqqa is no neighbourhood.  English only.
        """
        words = tuple(m.cue.split(" "))
        if (
            self.english
            and len(words) >= 2
            and words[-1] == "of"
            and words[:-1] in self.cues.type_after
            and before.sentence == m.sentence
            and before.tok_end == m.tok_start - len(words)
        ):
            m.cue, m.cue_types = "", frozenset()

    def may_cue(self, i: int, end_tok: int) -> bool:
        """Whether a cue phrase can end right before tokens ``[i, end_tok)`` or (English) start after."""
        if i and self.words[i - 1].cue_end:
            return True
        toks = self.toks
        return self.english and end_tok < len(toks) and toks[end_tok].norm in self.cues.type_after_heads
