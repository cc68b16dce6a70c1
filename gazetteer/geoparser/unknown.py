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
- it is listed with a name read so ("in A, B and C in the eastern Deir Ezzor
  countryside", «قريتي A وB»): the names of one list share its cue or container.

The result is an unknown :class:`~gazetteer.geoparser.toponym.Match` (no candidate
places) with its cue; :mod:`gazetteer.containers` later finds its container.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..places.normalize import is_arabic
from ..places.place import PlaceType
from .containers import CONNECTORS
from .fallbacks import unknown_match
from .scanner import Scanner, capitalised
from .toponym import Match
from .unknownwords import (
    AND,
    AR_NAME_LINKS,
    MAX_NAME_WORDS,
    NAME_LINKS,
    NESTED_AFTER,
    cue_words,
    latin_lexicon_words,
    lexicon_words,
    list_item_start,
    possible_starts,
)

#: Most connector words between a name and its container.
_MAXCONNECTORS = 5
_DIGITS = re.compile(r"\d")
_SENTENCE_BREAK = re.compile(r"[.;:!?|()\[\]\n؛]")
#: What may follow a container that closes its clause: a stop, a comma, a dash or a bracket.
_CLAUSE_END = re.compile(r"[.,;:!?|()\[\]\n،؛\-–—]")


#: Capitalised after a name's first word, a settlement word is part of the name: "the town of Baath City".
_NAMING_SETTLEMENT_WORDS = frozenset({"city", "town"})


class _Reader:
    """Reads unknown names in one sentence scanned by ``scanner``, around its ``matches``."""

    def __init__(self, scanner: Scanner, matches: Sequence[Match]) -> None:
        self.s = scanner
        self.toks = scanner.toks
        self.covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
        self.starts = {m.tok_start: m for m in matches}
        self.before, _, self.after, self.after_heads, self.stops = cue_words()
        self.headed: list[tuple[int, int, int]] = []  # unknown names listed after a known place

    def free(self, k: int) -> bool:
        return 0 <= k < len(self.toks) and k not in self.covered

    # ---- the name's words
    def arabic_name(self, j: int) -> int:
        """How many words from ``j`` make an Arabic name announced by a cue (0: none).

        One word, or more when a word forms compounds («خان السبل», «تل طوقان»,
        «أبو الظهور») or the second word is definite («عين العرب»).
        """
        toks, s = self.toks, self.s

        def usable(k: int, head: bool = False) -> bool:
            forms = [f for f, _ in s.words[k].variants] if k < len(toks) else []
            return (
                self.free(k)
                and is_arabic(toks[k].text)
                and not _DIGITS.search(toks[k].text)
                and (self.stops.isdisjoint(forms) or (head and not s.cues.name_heads.isdisjoint(forms)))
                and (k == j or s.joinable[k - 1])
            )

        if not usable(j, head=True):
            return 0
        if not usable(j):  # «تل جمعة»: a short head word (a stop word alone) opens a compound name
            return 2 if usable(j + 1) else 0
        n = 1
        while n < MAX_NAME_WORDS and usable(j + n):
            before, word = toks[j + n - 1].norm, toks[j + n].norm
            forms_before = {f for f, _ in s.words[j + n - 1].variants}
            if not (
                not s.cues.name_heads.isdisjoint(forms_before)
                or before in AR_NAME_LINKS
                or word in AR_NAME_LINKS
                or (n == 1 and word.startswith("ال"))
            ):
                break
            n += 1
        return n

    def english_name(self, j: int) -> int:
        """How many capitalised words from ``j`` make an English name (0: none)."""
        toks, s = self.toks, self.s
        n = 0
        while n < MAX_NAME_WORDS + 1 and self.free(j + n) and (n == 0 or s.joinable[j + n - 1]):
            tok = toks[j + n]
            if (
                tok.norm in s.cues.stop_keys
                and tok.norm not in NAME_LINKS
                and tok.norm not in s.cues.name_heads
                and not (n and tok.norm in _NAMING_SETTLEMENT_WORDS and tok.text[:1].isupper())
            ):
                break
            if is_arabic(tok.text) or _DIGITS.search(tok.text):
                break
            if not capitalised(tok.text) and not (tok.norm in NAME_LINKS and n + 1 < len(toks) - j):
                break
            n += 1
        while n and toks[j + n - 1].norm in NAME_LINKS:
            n -= 1  # a name ends on a name word, not on "al"
        if n and toks[j].norm in ("al", "el") and n == 1:
            return 0
        return n

    def name_at(self, j: int) -> int:
        return self.english_name(j) if self.s.english else self.arabic_name(j)

    def type_word_name(self, j: int) -> bool:
        """Whether token ``j`` is a building's word that names the place a settlement cue announces.

        «حي المشفى» is the Hospital quarter, «مخيم المدرسة» the School camp, "the Hospital
        neighbourhood" the same in English: a definite (Arabic) or capitalised (English) word for
        a kind of building, on its own between the cue and the sentence's next phrase.
        """
        s, toks = self.s, self.toks
        if not self.free(j):
            return False
        tok = toks[j]
        if s.english:
            if not capitalised(tok.text) or tok.norm not in s.cues.type_word_names:
                return False
            return s.phrase_before(j, self.before) is not None or self.cued_after(j + 1)
        if not tok.norm.startswith("ال") or tok.norm[2:] not in s.cues.type_word_names:
            return False
        return s.phrase_before(j, self.before) is not None and (
            j + 1 == len(toks) or not s.joinable[j] or self.arabic_name(j + 1) == 0
        )

    # ---- what makes it a place
    def container_follows(self, end: int) -> bool:
        """Whether a known place is named within a few connector words after token ``end`` (English)."""
        toks, text = self.toks, self.s.text
        k = end
        while k < len(toks) and k - end <= _MAXCONNECTORS:
            if _SENTENCE_BREAK.search(text[toks[k - 1].end : toks[k].start]):
                return False
            m = self.starts.get(k)
            if m is not None:
                return bool(m.places) and any(
                    p.in_syria and p.type is not PlaceType.COUNTRY for p in m.places
                )
            if toks[k].norm not in CONNECTORS and not _DIGITS.fullmatch(toks[k].norm):
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
            or bool(_DIGITS.search(toks[after].text))
            or not lexicon_words("dates").isdisjoint(f for f, _ in self.s.words[after].variants)
            or self.by_an_event(after)
        )

    def by_an_event(self, k: int) -> bool:
        """Whether token ``k`` is an event word behind a preposition («بغارات», «لهجوم»): what
        happened at the place before it («في عويجل،حلب بغارات جوية»), not the next clause's verb."""
        events = lexicon_words("events")
        return any(cut > 0 and form in events for form, cut in self.s.words[k].variants)

    def cued_after(self, end: int) -> bool:
        """Whether a settlement word follows the name: "X village", "X, a village in …".

        Not when the settlement word opens "… of Y" ("the Christian town of al-Suqaylabiyah"):
        the name it follows is then an adjective of Y's.
        """
        s = self.s
        if end >= len(self.toks):
            return False
        nested = s.phrase_after(end, NESTED_AFTER)
        if nested and nested[1] + 1 < len(self.toks) and self.toks[nested[1]].norm == "of":
            # "the X district of Y": X is a quarter of the known place Y, which contains it.
            return self.syrian_at(nested[1] + 1)
        found = s.phrase_after(end, self.after)
        if found:
            return found[1] >= len(self.toks) or self.toks[found[1]].norm != "of"
        gap = s.text[self.toks[end - 1].end : self.toks[end].start]
        if gap.strip() not in (",", "،"):
            return False
        k = end + (1 if self.toks[end].norm in ("a", "an", "the") else 0)
        k += 1 if k < len(self.toks) and self.toks[k].norm == "small" else 0
        return k < len(self.toks) and s.phrase_after(k, self.after) is not None

    def definite_cue(self, cue: tuple[tuple[str, ...], int]) -> bool:
        """Whether the settlement cue ``cue`` (phrase, first token) is definite: «القرية», «بالبلدة».

        A definite settlement word refers to a place already told, and the word after it is
        its adjective («القرية الشرقية», «البلدة المجاورة») or the next phrase («البلدة
        بالمدفعية»), never a name: names follow the bare word («قرية كفرسجنة»).
        """
        phrase, k = cue
        norm = self.toks[k].norm
        return any(
            form == phrase[0] and norm[:cut].endswith(("ال", "لل")) for form, cut in self.s.words[k].variants
        )

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

    def known_name(self, j: int, n: int) -> bool:
        """Whether tokens ``[j, j + n)`` spell a Syrian place's name the matcher refused in this
        case ("the Al atarib district"): a place the gazetteer has is not one it lacks."""
        key = " ".join(t.norm for t in self.toks[j : j + n])
        return any(p.in_syria for p in self.s.gazetteer.lookup_key(key))

    def opened_en(self, j: int) -> bool:
        """Whether the word before the capitalised English token ``j`` may open a place's name: a
        locative ("in", "near"), or another preposition or a verb ("overlooking", "from", "shelled"),
        but no article, title or word that a person's name follows ("the activist Omar")."""
        toks = self.toks
        if j == 0 or _SENTENCE_BREAK.search(self.s.text[toks[j - 1].end : toks[j].start]):
            return False
        word = toks[j - 1]
        if word.norm == "of" and j >= 2 and toks[j - 2].text[:1].isupper():
            return False  # "Faculty of Humanities", "Ministry of Interior": an organisation's name
        if word.norm not in self.s.cues.locatives_en and j >= 2 and toks[j - 2].norm in ("the", "a", "an"):
            return False  # "the observatory Abu X": a noun the name stands in apposition to
        return word.norm in self.s.cues.locatives_en or (
            word.text.isalpha() and word.text.islower() and word.norm not in self.s.cues.not_openers
        )

    def whole_name_en(self, j: int, n: int) -> bool:
        """Whether tokens ``[j, j + n)`` are a whole capitalised English phrase: not part of a longer
        one ("Eighth Brigade", an organisation's name cut at a stop word; "Maqam Ibrahim al
        Salihin", a shrine's name that a known place's ends), nor in capitals ("OUR")."""
        toks = self.toks
        if any(len(toks[k].text) > 1 and toks[k].text.isupper() for k in range(j, j + n)):
            return False
        after = j + n
        if after >= len(toks) or not self.s.joinable[after - 1]:
            return True
        return not toks[after].text[:1].isupper() and after not in self.starts

    def syrian_at(self, k: int) -> bool:
        """Whether a known Syrian place (not the country) is named from token ``k``."""
        m = self.starts.get(k)
        return m is not None and any(p.in_syria and p.type is not PlaceType.COUNTRY for p in m.places)

    def after_facility(self, j: int) -> bool:
        """Whether a bare (indefinite) Arabic facility word («محطة», «سوق») precedes the indefinite
        name at token ``j``: «محطة علوك» names the station, «محطة الوقود» (the fuel station) does not."""
        if j == 0 or not self.s.joinable[j - 1] or self.toks[j].norm.startswith("ال"):
            return False
        return any(
            form in self.s.cues.named_facilities and not self.toks[j - 1].norm[:cut].endswith(("ال", "لل"))
            for form, cut in self.s.words[j - 1].variants
        )

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

    def reports_a_word(self, j: int, n: int) -> bool:
        """Whether a word of tokens ``[j, j + n)`` is one the incident lexicons know (an event, a
        framing or a date word, clitics stripped): «في القصف، إدلب» names the shelling, not a village;
        in English an actor's word too ("shelled by Russian jets near Idlib", "on Friday in Idlib")."""
        if self.s.english:
            words = latin_lexicon_words("events", "framing", "dates", "actors")
            return any(
                self.toks[k].norm in words for k in range(j, j + n) if self.toks[k].norm not in NAME_LINKS
            )
        words = lexicon_words("events", "framing", "dates")
        return any(not words.isdisjoint(f for f, _ in self.s.words[k].variants) for k in range(j, j + n))

    def attached_and(self, k: int) -> bool:
        """Whether Arabic token ``k`` opens with the conjunction «و» before a name («وفليطة»)."""
        norm = self.toks[k].norm
        return len(norm) >= 3 and norm[0] == "و" and (norm[1:], 1) in self.s.words[k].variants

    def plural_cue_before(self, j: int) -> bool:
        """Whether an Arabic settlement cue for several places ends right before token ``j``."""
        cue = self.s.phrase_before(j, self.before)
        return cue is not None and any(f in self.s.cues.plural_cues for f, _ in self.s.words[j - 1].variants)

    def listed(self, end: int, *, attached: bool = False) -> list[tuple[int, int, int, bool]]:
        """The names listed after one ending at token ``end``, as (start, end, proclitic cut, unknown).

        Items are joined by "and"/«و» (a word, or, when ``attached``, «و» attached: «قريتي A وB»)
        or by a comma ("A, B and C"); a known place may be one of them; a word right before a
        known name is its description («وجرود عرسال»), not a name.  A list closes on an item joined by
        "and": trailing items joined by a comma alone are the next clause's ("in A, Omar said").
        """
        toks, text = self.toks, self.s.text
        items: list[tuple[int, int, int, bool]] = []
        kept = 0  # how many items the list holds up to its last one joined by "and"
        while end < len(toks):
            gap = text[toks[end - 1].end : toks[end].start].strip()
            if gap not in ("", ",", "،"):
                break
            k, cut = end, 0
            if toks[k].norm in AND:
                k += 1
                if k >= len(toks) or not self.s.joinable[k - 1]:
                    break
            elif attached and not self.s.english and self.attached_and(k):
                cut = 1
            elif not gap:
                break
            m = self.starts.get(k)
            if m is not None:
                items.append((k, m.tok_end, cut, False))
            else:
                n = self.name_at(k)
                if (
                    not n
                    or self.reports_a_word(k, n)
                    or (k + n in self.starts and self.s.joinable[k + n - 1])  # «وجرود عرسال»
                ):
                    break
                items.append((k, k + n, cut, True))
            kept = len(items) if k > end or cut else kept
            end = items[-1][1]
        return items[:kept]

    def joins_a_cue(self, j: int) -> bool:
        """Whether Arabic token ``j`` is «و» and a cue word: «بلدات ومدن», towns and cities."""
        if self.s.english or not self.attached_and(j):
            return False
        return self.toks[j].norm[1:] in self.s.cues.all_words

    def list_end(self, end: int) -> int:
        """Where the list of names that continues after token ``end`` ends (``end`` if none does)."""
        items = self.listed(end)
        return items[-1][1] if items else end

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

    def listed_unknown_after(self, j: int, end: int) -> int:
        """Reads the list after the known place on tokens ``[j, end)``; returns where it ends.

        Its unknown names are kept (in ``self.headed``) when a settlement cue announced the
        place or, in English, a locative opened it and a container closes the list.
        """
        items = self.listed(end, attached=self.plural_cue_before(j))
        if not any(unknown for *_, unknown in items):
            return j
        if self.s.phrase_before(j, self.before) is None and not (
            self.s.english and self.opened_en(j) and self.container_follows(items[-1][1])
        ):
            return j
        self.headed.extend((start, stop, cut) for start, stop, cut, unknown in items if unknown)
        return items[-1][1]


def unknown_names(scanner: Scanner, matches: list[Match]) -> list[Match]:
    """``matches`` with the sentence's unknown names added, in token order."""
    starts = possible_starts(scanner)
    if not starts:
        return matches  # most sentences hold no word that may announce a name
    reader = _Reader(scanner, matches)
    ranges = [*reader.names(starts)]
    found = [unknown_match(scanner, start, end, cut) for start, end, cut in [*ranges, *reader.headed]]
    return sorted([*matches, *found], key=lambda m: m.tok_start) if found else matches
