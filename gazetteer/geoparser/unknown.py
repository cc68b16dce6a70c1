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
  that a comma and a known place follow: «في البشقاتين، حلب».

The result is an unknown :class:`~gazetteer.geoparser.toponym.Match` (no candidate
places) with its cue; :mod:`gazetteer.containers` later finds its container.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import NamedTuple

from ..places.normalize import is_arabic, tokenize
from ..places.place import SETTLEMENT_TYPES, PlaceType
from .containers import CONNECTORS
from .cues import load_cues
from .fallbacks import unknown_match
from .lexicon import load_lexicon
from .scanner import Scanner, capitalised
from .sentences import opens_list_item
from .toponym import Match

#: Most words in a name read after a cue.
MAX_NAME_WORDS = 3
#: Words before a capitalised English name that make it a location, if a container follows.
_LOCATIVES = frozenset({"in", "near", "around", "on", "at", "outside", "into", "towards", "toward"})
#: The same before an Arabic name, which its container must follow after a comma: «في البشقاتين، حلب».
_AR_LOCATIVES = frozenset({"في", "قرب"})
#: Most tokens a list marker makes («(ح)», "[a]", "12."), before a record's first word.
_MARKER_TOKENS = 2
#: Most connector words between a name and its container.
_MAXCONNECTORS = 5
_DIGITS = re.compile(r"\d")
_SENTENCE_BREAK = re.compile(r"[.;:!?|()\[\]\n؛]")
#: What may follow a container that closes its clause: a stop, a comma, a dash or a bracket.
_CLAUSE_END = re.compile(r"[.,;:!?|()\[\]\n،؛\-–—]")
_NAME_LINKS = frozenset({"bin", "ibn", "abu", "al", "el", "bu", "umm"})
_AR_NAME_LINKS = frozenset({"بن", "ابن", "ابو", "ام", "بو"})


#: A cue announces a place the gazetteer may lack when it agrees with one of these (cities are all known).
_SMALL_PLACES = frozenset({PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD, PlaceType.CAMP})


def _cue_phrases(types: dict[tuple[str, ...], frozenset[PlaceType]]) -> frozenset[tuple[str, ...]]:
    """The cue phrases that announce a village, a neighbourhood or a camp."""
    return frozenset(p for p, t in types.items() if t & _SMALL_PLACES and t <= SETTLEMENT_TYPES)


class _Words(NamedTuple):
    """The cue lexicon's words an unknown name is read with."""

    before: frozenset[tuple[str, ...]]  # settlement cues before a name: «قرية», "the village of"
    before_ends: frozenset[str]  # the last word of each of ``before``
    after: frozenset[tuple[str, ...]]  # settlement cues after a name: "village", "camp"
    after_heads: frozenset[str]  # the first word of each of ``after``
    stops: frozenset[str]  # words no name read after a cue may hold


@cache
def _words() -> _Words:
    cues = load_cues()
    after = _cue_phrases(cues.type_after)
    before = _cue_phrases(cues.type_before)
    return _Words(
        before,
        frozenset(p[-1] for p in before),
        after,
        frozenset(p[0] for p in after),
        cues.stop_keys | cues.all_words | cues.facility_stops,
    )


#: Capitalised after a name's first word, a settlement word is part of the name: "the town of Baath City".
_NAMING_SETTLEMENT_WORDS = frozenset({"city", "town"})


class _Reader:
    """Reads unknown names in one sentence scanned by ``scanner``, around its ``matches``."""

    def __init__(self, scanner: Scanner, matches: Sequence[Match]) -> None:
        self.s = scanner
        self.toks = scanner.toks
        self.covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
        self.starts = {m.tok_start: m for m in matches}
        self.before, _, self.after, self.after_heads, self.stops = _words()

    def free(self, k: int) -> bool:
        return 0 <= k < len(self.toks) and k not in self.covered

    # ---- the name's words
    def arabic_name(self, j: int) -> int:
        """How many words from ``j`` make an Arabic name announced by a cue (0: none).

        One word, or more when a word forms compounds («خان السبل», «تل طوقان»,
        «أبو الظهور») or the second word is definite («عين العرب»).
        """
        toks, s = self.toks, self.s

        def usable(k: int) -> bool:
            return (
                self.free(k)
                and is_arabic(toks[k].text)
                and not _DIGITS.search(toks[k].text)
                and self.stops.isdisjoint(f for f, _ in s.words[k].variants)
                and (k == j or s.joinable[k - 1])
            )

        if not usable(j):
            return 0
        n = 1
        while n < MAX_NAME_WORDS and usable(j + n):
            before, word = toks[j + n - 1].norm, toks[j + n].norm
            forms_before = {f for f, _ in s.words[j + n - 1].variants}
            if not (
                not s.cues.name_heads.isdisjoint(forms_before)
                or before in _AR_NAME_LINKS
                or word in _AR_NAME_LINKS
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
                and tok.norm not in _NAME_LINKS
                and tok.norm not in s.cues.name_heads
                and not (n and tok.norm in _NAMING_SETTLEMENT_WORDS and tok.text[:1].isupper())
            ):
                break
            if is_arabic(tok.text) or _DIGITS.search(tok.text):
                break
            if not capitalised(tok.text) and not (tok.norm in _NAME_LINKS and n + 1 < len(toks) - j):
                break
            n += 1
        while n and toks[j + n - 1].norm in _NAME_LINKS:
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
            or not _lexicon_words("dates").isdisjoint(f for f, _ in self.s.words[after].variants)
            or self.by_an_event(after)
        )

    def by_an_event(self, k: int) -> bool:
        """Whether token ``k`` is an event word behind a preposition («بغارات», «لهجوم»): what
        happened at the place before it («في عويجل،حلب بغارات جوية»), not the next clause's verb."""
        events = _lexicon_words("events")
        return any(cut > 0 and form in events for form, cut in self.s.words[k].variants)

    def cued_after(self, end: int) -> bool:
        """Whether a settlement word follows the name: "X village", "X, a village in …".

        Not when the settlement word opens "… of Y" ("the Christian town of al-Suqaylabiyah"):
        the name it follows is then an adjective of Y's.
        """
        s = self.s
        if end >= len(self.toks):
            return False
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
            opened = j > 0 and toks[j - 1].norm in _AR_LOCATIVES or j == _list_item_start(s)
            return opened and not self.reports_a_word(j, n) and self.container_after_comma(j + n)
        if j > 0 and toks[j - 1].norm in ("a", "an"):
            return False
        return self.cued_after(j + n) or (
            j > 0
            and toks[j - 1].norm in _LOCATIVES
            and not _SENTENCE_BREAK.search(s.text[toks[j - 1].end : toks[j].start])
            and self.container_follows(j + n)
        )

    def reports_a_word(self, j: int, n: int) -> bool:
        """Whether a word of tokens ``[j, j + n)`` is one the incident lexicons know (an event, a
        framing or a date word, clitics stripped): «في القصف، إدلب» names the shelling, not a village."""
        words = _lexicon_words("events", "framing", "dates")
        return any(not words.isdisjoint(f for f, _ in self.s.words[k].variants) for k in range(j, j + n))

    def listed_after(self, end: int) -> Iterator[tuple[int, int]]:
        """The names listed after one ending at ``end`` ("the villages of Lahaya and al-Zakat")."""
        toks, text = self.toks, self.s.text
        while (
            end + 1 < len(toks)
            and text[toks[end - 1].end : toks[end].start].strip() in ("", ",", "،")
            and toks[end].norm in ("and", "و")
        ):
            n = self.name_at(end + 1)
            if not n:
                return
            yield end + 1, end + 1 + n
            end += 1 + n

    def names(self, starts: list[int]) -> Iterator[tuple[int, int]]:
        """Token ranges ``[start, end)`` of the sentence's unknown names, read at ``starts`` (in order)."""
        done = 0  # the first token not inside a name read already
        for j in starts:
            if j < done or not self.free(j):
                continue
            n = self.name_at(j) or (1 if self.type_word_name(j) else 0)
            if not n or not self.announced(j, n):
                continue
            yield j, j + n
            done = j + n
            for start, end in self.listed_after(done):  # they share its cue
                yield start, end
                done = end


@cache
def _lexicon_words(*names: str) -> frozenset[str]:
    """The normalised Arabic words of the lexicons ``names``."""
    words: set[str] = set()
    for name in names:
        for phrase in _strings(load_lexicon(name)):
            words.update(t.norm for t in tokenize(phrase.strip("=*")) if is_arabic(t.text))
    return frozenset(words)


def _strings(data: object) -> Iterator[str]:
    """Every string in a lexicon's YAML data, keys and values, however nested."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def _list_item_start(scanner: Scanner) -> int | None:
    """The first word after a list marker that opens the sentence's line («(ح) قمينس، محافظة إدلب»),
    where a record gives its place (:func:`gazetteer.geoparser.sentences.opens_list_item`)."""
    toks, text = scanner.toks, scanner.text
    if not toks:
        return None
    line_start = text.rfind("\n", 0, toks[0].start) + 1
    line_end = text.find("\n", toks[0].start)
    if not opens_list_item(text[line_start : line_end if line_end >= 0 else len(text)]):
        return None  # no marker, or a paragraph too long to be a record
    for k in range(min(_MARKER_TOKENS + 1, len(toks))):
        head = text[line_start : toks[k].start]
        if len(head.split()) == 1 and opens_list_item(f"{head}{toks[k].text}"):
            return k  # the first word after the marker
    return None


def _possible_starts(scanner: Scanner) -> list[int]:
    """The tokens a name could start at, in order: a superset of where :meth:`_Reader.announced` holds.

    Just after the last word of a settlement cue; in English also just after
    any cue word or a locative word, or a few words before a settlement word
    ("X village", "X, a village"), which an English name may be followed by.
    """
    words = _words()
    if scanner.english:
        found = {k + 1 for k, word in enumerate(scanner.words) if word.cue_end}
        found.update(k + 1 for k, tok in enumerate(scanner.toks) if tok.norm in _LOCATIVES)
        for k, tok in enumerate(scanner.toks):
            if tok.norm in words.after_heads:
                found.update(range(max(0, k - MAX_NAME_WORDS - 2), k))
    else:
        # An Arabic name is announced by a settlement cue before it, which ends on a cue word, or by
        # a locative before it and its container after a comma.
        found = {
            k + 1
            for k, word in enumerate(scanner.words)
            if word.cue_end and not words.before_ends.isdisjoint(form for form, _ in word.variants)
        }
        found.update(k + 1 for k, tok in enumerate(scanner.toks) if tok.norm in _AR_LOCATIVES)
        first = _list_item_start(scanner)
        if first is not None:
            found.add(first)
    return sorted(found)


def unknown_names(scanner: Scanner, matches: list[Match]) -> list[Match]:
    """``matches`` with the sentence's unknown names added, in token order."""
    starts = _possible_starts(scanner)
    if not starts:
        return matches  # most sentences hold no word that may announce a name
    found = [unknown_match(scanner, start, end, 0) for start, end in _Reader(scanner, matches).names(starts)]
    return sorted([*matches, *found], key=lambda m: m.tok_start) if found else matches
