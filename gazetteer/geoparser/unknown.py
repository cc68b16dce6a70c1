"""Names of places the gazetteer lacks, kept as unresolved toponyms where the text says they are places.

Reports name villages that no bundled gazetteer knows: «قرية كفرسجنة»,
"the village of Kafr Sajna", "in Bashqatin, Aleppo", "Jobas, south of
Saraqib".  A name is read as a place the gazetteer lacks when

- a settlement cue announces it: «قرية/بلدة/حي/مخيم X», "the village/town/
  neighbourhood/camp of X", "X village", "X, a village in …" (a definite
  Arabic cue word, «القرية الشرقية», is followed by its adjective, not a name;
  a word for a building, «حي المشفى», "the Hospital neighbourhood", is a name
  there, though a common word elsewhere); or
- (English) a capitalised name follows a locative preposition ("in", "near",
  "around", "on", "at") and a place the gazetteer knows is named right after
  it as its container: "in X, Aleppo", "near X in the southern Idlib
  countryside", "on X, southwest of Saraqeb"; (Arabic) a name after «في»/«قرب»
  that a comma and a known place follow: «في البشقاتين، حلب»;
- (English) a capitalised name follows a verb or another preposition and a
  container closes it: "overlooking X in the western Aleppo countryside";
- (English) "the X district/neighbourhood of Y": X is nested in Y;
- (Arabic) a bare facility word announces it and «قرب»/«في» and a known place
  follow: «محطة X قرب Y»;
- (Arabic) a caption's header names it after its area: «القنيطرة | X - قصف …»;
- it is listed with a name read so ("in A, B and C in the eastern Deir Ezzor
  countryside", «قريتي A وB»): the names of one list share its cue or container.

The result is an unknown :class:`~gazetteer.geoparser.toponym.Match` (no candidate
places) with its cue; :mod:`gazetteer.containers` later finds its container.

The reading is split by job, each module's reader built on the one before it: a name's words
(:mod:`~gazetteer.geoparser.unknownnames`), its container and what opens it
(:mod:`~gazetteer.geoparser.unknowncontainers`), the cue words that announce it
(:mod:`~gazetteer.geoparser.unknowncues`) and the names listed with it
(:mod:`~gazetteer.geoparser.unknownlists`); this module says which of them make a name a place.
The words they read with are :mod:`~gazetteer.geoparser.unknownwords`'s.
"""

from __future__ import annotations

from collections.abc import Iterator

from .fallbacks import unknown_match
from .scanner import Scanner
from .toponym import Match
from .unknownlists import ListReader
from .unknownwords import HEADER_MARKS, header_start, list_item_start, possible_starts


class _Reader(ListReader):
    """Reads the unknown names of one sentence: whether the text makes each a place, and its list."""

    def announced(self, j: int, n: int) -> bool:
        """Whether the text says the name on tokens ``[j, j + n)`` is a place.

        After "a"/"an" ("Mhardeh, a Christian town") a capitalised word is an adjective.
        """
        s, toks = self.s, self.toks
        cue = s.phrase_before(j, self.before)
        if cue is not None:
            return s.english or not self.definite_cue(cue)
        if not s.english:
            if self.reports_a_word(j, n):
                return False
            opened = j > 0 and toks[j - 1].norm in s.cues.locatives_ar or j == list_item_start(s)
            if opened and self.container_after_comma(j + n):
                return True
            if j == header_start(s) and self._header_place(j, n):
                return True
            # «محطة X قرب Y», «سوق X في مدينة Y»: a bare facility word names X, located in Y.
            return self.after_facility(j) and self.container_after_locative(j + n)
        if j > 0 and toks[j - 1].norm in ("a", "an"):
            return False
        if toks[j].norm in s.cues.people_adjectives or self.known_name(j, n):
            return False
        return self.cued_after(j + n) or (
            self.opened_en(j)
            and self.whole_name_en(j, n)
            and not self.reports_a_word(j, n)
            and self.container_follows(self.list_end(j + n))
        )

    def _header_place(self, j: int, n: int) -> bool:
        """«القنيطرة | X - قصف …», «ريف إدلب الجنوبي | X :: …»: a known Syrian area opens the caption
        (behind «ريف» at most), and a mark closes the name."""
        toks, s = self.toks, self.s
        # the area is the header's only known place: «ريف» and a direction may stand around it
        area = next((m for k, m in self.starts.items() if k < j), None)
        if area is None or area.tok_end + 2 < j or not any(p.in_syria for p in area.places):
            return False
        end = j + n
        if end >= len(toks):
            return False
        return s.text[toks[end - 1].end : toks[end].start].strip()[:1] in HEADER_MARKS

    def names(self, starts: list[int]) -> Iterator[tuple[int, int, int]]:
        """Token ranges ``[start, end)`` and proclitic cuts of the sentence's unknown names, read at
        ``starts`` (in order); the names listed with one share what announced it."""
        done = 0  # the first token not inside a name read already
        for j in starts:
            if j < done:
                continue
            known = self.starts.get(j)
            if known is not None:
                # A known place can head a list of unknown ones: «قريتي الدردارة وX», "in Atarib,
                # X and Y in the western Aleppo countryside".
                done = self.listed_unknown_after(j, known.tok_end)
                continue
            if not self.free(j):
                continue
            n = self.name_at(j) or (1 if self.type_word_name(j) else 0)
            if not n or self.joins_a_cue(j) or not self.announced(j, n):
                continue
            yield j, j + n, 0
            done = j + n
            for start, end, cut, unknown in self.listed(done, attached=self.plural_cue_before(j)):
                if unknown:
                    yield start, end, cut
                done = end


def unknown_names(scanner: Scanner, matches: list[Match]) -> list[Match]:
    """``matches`` with the sentence's unknown names added, in token order."""
    starts = possible_starts(scanner)
    if not starts:
        return matches  # most sentences hold no word that may announce a name
    # A Latin word read as a known place only one edit off is no boundary inside a longer name ("the
    # village of Kafr Kalbin": "Kalbin" is no misspelt Aleppo); a name that is that word alone keeps it.
    misspelt = [m for m in matches if scanner.english and m.fuzzy]
    reader = _Reader(scanner, [m for m in matches if m not in misspelt] if misspelt else matches)
    ranges = [*reader.names(starts)]
    found = [unknown_match(scanner, start, end, cut) for start, end, cut in [*ranges, *reader.headed]]
    if misspelt and found:
        found, matches = _longer_than_misspelt(found, matches, misspelt)
    return sorted([*matches, *found], key=lambda m: m.tok_start) if found else matches


def _longer_than_misspelt(
    found: list[Match], matches: list[Match], misspelt: list[Match]
) -> tuple[list[Match], list[Match]]:
    """The unknown names ``found`` and the known ``matches``, each misspelt reading (of ``misspelt``)
    given up for an unknown name that holds it and more, each unknown name no longer than one given up."""
    covering = {
        id(m): [u for u in found if u.tok_start <= m.tok_start and m.tok_end <= u.tok_end] for m in misspelt
    }
    dropped = {
        id(m)
        for m in misspelt
        if any((u.tok_start, u.tok_end) != (m.tok_start, m.tok_end) for u in covering[id(m)])
    }
    kept = [m for m in matches if id(m) not in dropped]
    overlapping = [m for m in misspelt if id(m) not in dropped]
    found = [
        u for u in found if not any(u.tok_start < m.tok_end and m.tok_start < u.tok_end for m in overlapping)
    ]
    return found, kept
