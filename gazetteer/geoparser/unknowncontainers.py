"""Where a known place after a name the gazetteer lacks is its container, and what opens such a name.

An unknown name is a place when a known Syrian place contains it: named a few connector words after
it ("near X in the southern Idlib countryside"), after a comma («في البشقاتين، حلب»), or after
«قرب»/«في» («محطة X قرب Y»); in English, the name must follow a word that may open a place's name
("in", "overlooking"), not a title or a person's verb ("the activist Omar", "detained Omar").
"""

from __future__ import annotations

import re

from ..places.place import PlaceType
from .containers import CONNECTORS
from .unknownnames import NameWords
from .unknownwords import DIGITS, SENTENCE_BREAK, incident_words

#: Most connector words between a name and its container.
_MAXCONNECTORS = 5
#: What may follow a container that closes its clause: a stop, a comma, a dash or a bracket.
_CLAUSE_END = re.compile(r"[.,;:!?|()\[\]\n،؛\-–—]")


class ContainerReader(NameWords):
    """Reads the known place that contains an unknown name, and the word that opens an English one."""

    def syrian_at(self, k: int) -> bool:
        """Whether a known Syrian place (not the country) is named from token ``k``."""
        m = self.starts.get(k)
        return m is not None and any(p.in_syria and p.type is not PlaceType.COUNTRY for p in m.places)

    def container_follows(self, end: int) -> bool:
        """Whether a known place is named within a few connector words after token ``end`` (English)."""
        toks, text = self.toks, self.s.text
        k = end
        while k < len(toks) and k - end <= _MAXCONNECTORS:
            if SENTENCE_BREAK.search(text[toks[k - 1].end : toks[k].start]):
                return False
            m = self.starts.get(k)
            if m is not None:
                return bool(m.places) and any(
                    p.in_syria and p.type is not PlaceType.COUNTRY for p in m.places
                )
            if toks[k].norm not in CONNECTORS and not DIGITS.fullmatch(toks[k].norm):
                return False
            k += 1
        return False

    def container_after_comma(self, end: int) -> bool:
        """Whether a comma and a known Syrian place (not the country) follow token ``end``: the
        container of an Arabic name that no cue announces («وقعت حادثة في البشقاتين، حلب»,
        «(ح) قمينس، محافظة إدلب، 16/03/2015»)."""
        toks = self.toks
        if end >= len(toks) or self.s.text[toks[end - 1].end : toks[end].start].strip() not in (",", "،"):
            return False
        if (toks[end].norm,) in self.s.cues.type_before:
            end += 1  # «قمينس، محافظة إدلب»: the container's cue word, left outside its name
        m = self.starts.get(end)
        if m is None or not any(p.in_syria and p.type is not PlaceType.COUNTRY for p in m.places):
            return False
        # The container closes the clause, or a date or the event follows it («… في البشقاتين، حلب.»,
        # «…، حلب ليل 14 …», «…، محافظة إدلب، 16/03/2015», «…،حلب بغارات جوية»); a place that opens
        # the next clause («في المقابل، حلب تشهد …») contains nothing.
        after = m.tok_end
        return (
            after >= len(toks)
            or bool(_CLAUSE_END.search(self.s.text[toks[after - 1].end : toks[after].start]))
            or bool(DIGITS.search(toks[after].text))
            or not incident_words().dates.isdisjoint(f for f, _ in self.s.words[after].variants)
            or self.by_an_event(after)
        )

    def by_an_event(self, k: int) -> bool:
        """Whether token ``k`` is an event word behind a preposition («بغارات», «لهجوم»): what
        happened at the place before it («في عويجل،حلب بغارات جوية»), not the next clause's verb."""
        events = incident_words().events
        return any(cut > 0 and form in events for form, cut in self.s.words[k].variants)

    def container_after_locative(self, end: int) -> bool:
        """Whether «قرب»/«في» and a known Syrian place follow token ``end`` («… قرب رأس العين»,
        «… في مدينة إدلب», a settlement cue word allowed before the place's name)."""
        toks = self.toks
        if end >= len(toks) or toks[end].norm not in self.s.cues.locatives_ar or not self.s.joinable[end - 1]:
            return False
        k = end + 1
        if k < len(toks) and (toks[k].norm,) in self.s.cues.type_before and not self.syrian_at(k):
            k += 1  # «في مدينة إدلب»: the container's cue word, outside its name
        return self.syrian_at(k)

    def opened_en(self, j: int) -> bool:
        """Whether the word before the capitalised English token ``j`` may open a place's name: a
        locative ("in", "near"), or another preposition or a verb ("overlooking", "from", "shelled"),
        but no article, title or word that a person's name follows ("the activist Omar")."""
        toks = self.toks
        if j == 0 or SENTENCE_BREAK.search(self.s.text[toks[j - 1].end : toks[j].start]):
            return False
        word = toks[j - 1]
        if word.norm == "of" and j >= 2 and toks[j - 2].text[:1].isupper():
            return False  # "Faculty of Humanities", "Ministry of Interior": an organisation's name
        if word.norm not in self.s.cues.locatives_en and j >= 2 and toks[j - 2].norm in ("the", "a", "an"):
            return False  # "the observatory Abu X": a noun the name stands in apposition to
        return word.norm in self.s.cues.locatives_en or (
            word.text.isalpha() and word.text.islower() and word.norm not in self.s.cues.not_openers
        )
