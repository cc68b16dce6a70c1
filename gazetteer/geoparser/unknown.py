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
#: Words before a capitalised English word that make it a person's name or a title, not a place
#: ("a man, Ahmed", "the activist Omar"), or an adjective ("the", "a").
_NOT_OPENERS = frozenset(
    {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
     "man", "men", "woman", "women", "boy", "girl", "child", "activist", "activists", "journalist",
     "reporter", "correspondent", "commander", "leader", "spokesman", "spokeswoman", "spokesperson",
     "official", "officer", "doctor", "dr", "named", "called", "identified", "resident", "father",
     "mother", "son", "daughter", "brother", "sister", "wife", "husband", "told", "said", "says",
     "according", "mr", "mrs", "ms", "sheikh", "president", "minister", "general", "colonel", "brigadier",
     "lieutenant", "captain", "major", "member", "head", "chief", "director"}
)  # fmt: skip
#: Capitalised English words that describe a people or a faith, not a place: "the Kurdish quarter of Y".
_PEOPLE_ADJECTIVES = frozenset(
    {"kurdish", "arab", "arabic", "turkmen", "turkish", "armenian", "assyrian", "syriac", "circassian",
     "christian", "muslim", "sunni", "shia", "shiite", "alawite", "druze", "ismaili", "yazidi", "palestinian",
     "iraqi", "lebanese", "syrian", "russian", "iranian", "american", "british", "french", "jewish"}
)  # fmt: skip
#: Arabic settlement cue words for more than one place, after which «و» lists further names: «قريتي
#: A وB», «بلدات A وB وC» (after a singular cue «و» opens the next clause: «قرية A وسقوط جرحى»).
_AR_PLURAL_CUES = frozenset(  # normalised: «قرى» is «قري»
    {"قريتي", "قريتا", "بلدتي", "بلدتا", "مدينتي", "قري", "بلدات", "مدن", "احياء", "حيي", "مخيمات", "مخيمي", "مناطق"}
)
#: Arabic words for a facility that a proper name follows: «محطة علوك», «سوق الهال» (not «مدرسة
#: ابتدائية», a primary school, nor «ساعة», an hour).
_AR_NAMED_FACILITIES = frozenset({"محطه", "سوق", "مطار", "سجن", "معمل", "مصنع", "جسر", "قلعه", "ملعب"})
#: English words that join the items of a list of names: "A, B and C".
_AND = frozenset({"and", "و"})
#: English words for a city's part after which "of Y" names the place the name lies in: "the X district
#: of Y" (after a settlement word, "the Christian town of Y", the first word is Y's adjective).
_NESTED_AFTER = frozenset({("district",), ("neighbourhood",), ("neighborhood",), ("quarter",)})
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
        nested = s.phrase_after(end, _NESTED_AFTER)
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
            opened = j > 0 and toks[j - 1].norm in _AR_LOCATIVES or j == _list_item_start(s)
            if opened and self.container_after_comma(j + n):
                return True
            # «محطة X قرب Y», «سوق X في مدينة Y»: a bare facility word names X, located in Y.
            return self.after_facility(j) and self.container_after_locative(j + n)
        if j > 0 and toks[j - 1].norm in ("a", "an"):
            return False
        if toks[j].norm in _PEOPLE_ADJECTIVES or self.known_name(j, n):
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
        if word.norm not in _LOCATIVES and j >= 2 and toks[j - 2].norm in ("the", "a", "an"):
            return False  # "the observatory Abu X": a noun the name stands in apposition to
        return word.norm in _LOCATIVES or (
            word.text.isalpha() and word.text.islower() and word.norm not in _NOT_OPENERS
        )

    def whole_name_en(self, j: int, n: int) -> bool:
        """Whether tokens ``[j, j + n)`` are a whole capitalised English phrase: not part of a longer
        one ("Eighth Brigade", an organisation's name cut at a stop word), nor in capitals ("OUR")."""
        toks = self.toks
        if any(len(toks[k].text) > 1 and toks[k].text.isupper() for k in range(j, j + n)):
            return False
        after = j + n
        return after >= len(toks) or not self.s.joinable[after - 1] or not toks[after].text[:1].isupper()

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
            form in _AR_NAMED_FACILITIES and not self.toks[j - 1].norm[:cut].endswith(("ال", "لل"))
            for form, cut in self.s.words[j - 1].variants
        )

    def container_after_locative(self, end: int) -> bool:
        """Whether «قرب»/«في» and a known Syrian place follow token ``end`` («… قرب رأس العين»,
        «… في مدينة إدلب», a settlement cue word allowed before the place's name)."""
        toks = self.toks
        if end >= len(toks) or toks[end].norm not in _AR_LOCATIVES or not self.s.joinable[end - 1]:
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
            words = _latin_lexicon_words("events", "framing", "dates", "actors")
            return any(self.toks[k].norm in words for k in range(j, j + n) if self.toks[k].norm not in _NAME_LINKS)
        words = _lexicon_words("events", "framing", "dates")
        return any(not words.isdisjoint(f for f, _ in self.s.words[k].variants) for k in range(j, j + n))

    def attached_and(self, k: int) -> bool:
        """Whether Arabic token ``k`` opens with the conjunction «و» before a name («وفليطة»)."""
        norm = self.toks[k].norm
        return len(norm) >= 3 and norm[0] == "و" and (norm[1:], 1) in self.s.words[k].variants

    def plural_cue_before(self, j: int) -> bool:
        """Whether an Arabic settlement cue for several places ends right before token ``j``."""
        cue = self.s.phrase_before(j, self.before)
        return cue is not None and any(f in _AR_PLURAL_CUES for f, _ in self.s.words[j - 1].variants)

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
            if toks[k].norm in _AND:
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
                if not n or self.reports_a_word(k, n) or (self.s.joinable[k + n - 1] and k + n in self.starts):
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


@cache
def _lexicon_words(*names: str) -> frozenset[str]:
    """The normalised Arabic words of the lexicons ``names``."""
    words: set[str] = set()
    for name in names:
        for phrase in _strings(load_lexicon(name)):
            words.update(t.norm for t in tokenize(phrase.strip("=*")) if is_arabic(t.text))
    return frozenset(words)


@cache
def _latin_lexicon_words(*names: str) -> frozenset[str]:
    """The normalised Latin words of the lexicons ``names``."""
    words: set[str] = set()
    for name in names:
        for phrase in _strings(load_lexicon(name)):
            words.update(t.norm for t in tokenize(phrase.strip("=*")) if not is_arabic(t.text))
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
    any cue word, a locative word or another lowercase word, or a few words before a settlement word
    ("X village", "X, a village"), which an English name may be followed by.
    """
    words = _words()
    if scanner.english:
        found = {k + 1 for k, word in enumerate(scanner.words) if word.cue_end}
        found.update(k + 1 for k, tok in enumerate(scanner.toks) if tok.norm in _LOCATIVES)
        for k, tok in enumerate(scanner.toks):
            if tok.norm in words.after_heads:
                found.update(range(max(0, k - MAX_NAME_WORDS - 2), k))
            elif k and tok.text[:1].isupper() and scanner.toks[k - 1].text.islower():
                found.add(k)  # after a verb or a preposition: "overlooking X in …"
    else:
        # An Arabic name is announced by a settlement cue before it, which ends on a cue word, or by
        # a locative before it and its container after a comma.
        found = {
            k + 1
            for k, word in enumerate(scanner.words)
            if word.cue_end and not words.before_ends.isdisjoint(form for form, _ in word.variants)
        }
        found.update(k + 1 for k, tok in enumerate(scanner.toks) if tok.norm in _AR_LOCATIVES)
        found.update(  # «محطة X قرب Y»: a facility word before a name
            k + 1 for k, word in enumerate(scanner.words) if any(f in _AR_NAMED_FACILITIES for f, _ in word.variants)
        )
        first = _list_item_start(scanner)
        if first is not None:
            found.add(first)
    return sorted(found)


def unknown_names(scanner: Scanner, matches: list[Match]) -> list[Match]:
    """``matches`` with the sentence's unknown names added, in token order."""
    starts = _possible_starts(scanner)
    if not starts:
        return matches  # most sentences hold no word that may announce a name
    reader = _Reader(scanner, matches)
    ranges = [*reader.names(starts)]
    found = [unknown_match(scanner, start, end, cut) for start, end, cut in [*ranges, *reader.headed]]
    return sorted([*matches, *found], key=lambda m: m.tok_start) if found else matches
