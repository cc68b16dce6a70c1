"""The words of a name the gazetteer lacks, in one sentence: where such a name starts and ends.

:class:`NameWords` holds the sentence a reader of unknown names reads (its scanner, its known
places' tokens, the cue lexicon's settlement words) and tells how many words from a token make an
Arabic or an English name, whether they spell a known place's name or a word of the incident
lexicons, and whether an Arabic word opens with an attached «و».  The readers built on it
(:mod:`~gazetteer.geoparser.unknowncontainers`, :mod:`~gazetteer.geoparser.unknowncues`,
:mod:`~gazetteer.geoparser.unknownlists`, :mod:`~gazetteer.geoparser.unknown`) say whether the
text makes such a name a place.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..places.normalize import is_arabic
from .scanner import Scanner, capitalised
from .toponym import Match
from .unknownwords import (
    AR_NAME_LINKS,
    DIGITS,
    MAX_NAME_WORDS,
    NAME_LINKS,
    cue_words,
    incident_words,
)

_FOR_THE = "لل"  # the preposition «ل» on a definite word

#: Capitalised after a name's first word, a settlement word is part of the name: "the town of Baath City".
_NAMING_SETTLEMENT_WORDS = frozenset({"city", "town"})


class NameWords:
    """The words of unknown names in one sentence scanned by ``scanner``, around its known ``matches``."""

    def __init__(self, scanner: Scanner, matches: Sequence[Match]) -> None:
        self.s = scanner
        self.toks = scanner.toks
        self.covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
        self.starts = {m.tok_start: m for m in matches}
        self.before, _, self.after, self.after_heads, self.stops = cue_words()
        self.headed: list[tuple[int, int, int]] = []  # unknown names listed after a known place

    def free(self, k: int) -> bool:
        """Whether token ``k`` is in the sentence and in no known place's name."""
        return 0 <= k < len(self.toks) and k not in self.covered

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
                and not DIGITS.search(toks[k].text)
                and (self.stops.isdisjoint(forms) or (head and not s.cues.name_heads.isdisjoint(forms)))
                and (k == j or s.joinable[k - 1])
            )

        # «مخيم للنازحين»: «لل» (for the …) opens what the place is for, not its name; no place's
        # Arabic name begins so.
        if not usable(j, head=True) or toks[j].norm.startswith(_FOR_THE):
            return 0
        if not usable(j):  # «تل جمعة»: a short head word (a stop word alone) opens a compound name
            if not usable(j + 1):
                return 0
            # «تل أبو سعد», «تل بنت عامر»: a name link after the head takes the word after it
            return 3 if toks[j + 1].norm in AR_NAME_LINKS and usable(j + 2) else 2
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
            if is_arabic(tok.text) or DIGITS.search(tok.text):
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
        """How many words from ``j`` make a name in the sentence's language (0: none)."""
        return self.english_name(j) if self.s.english else self.arabic_name(j)

    def known_name(self, j: int, n: int) -> bool:
        """Whether tokens ``[j, j + n)`` spell a Syrian place's name the matcher refused in this
        case ("the Al atarib district"): a place the gazetteer has is not one it lacks."""
        key = " ".join(t.norm for t in self.toks[j : j + n])
        return any(p.in_syria for p in self.s.gazetteer.lookup_key(key))

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

    def reports_a_word(self, j: int, n: int) -> bool:
        """Whether a word of tokens ``[j, j + n)`` is one the incident lexicons know (an event, a
        framing or a date word, clitics stripped): «في القصف، إدلب» names the shelling, not a village;
        in English an actor's word too ("shelled by Russian jets near Idlib", "on Friday in Idlib")."""
        if self.s.english:
            words = incident_words().reported_latin
            return any(
                self.toks[k].norm in words for k in range(j, j + n) if self.toks[k].norm not in NAME_LINKS
            )
        words = incident_words().reported
        return any(not words.isdisjoint(f for f, _ in self.s.words[k].variants) for k in range(j, j + n))

    def attached_and(self, k: int) -> bool:
        """Whether Arabic token ``k`` opens with the conjunction «و» before a name («وفليطة»)."""
        norm = self.toks[k].norm
        return len(norm) >= 3 and norm[0] == "و" and (norm[1:], 1) in self.s.words[k].variants
