"""Lists of names the gazetteer lacks: "in A, B and C in the eastern Deir Ezzor countryside", «قريتي A وB».

The names of one list share its cue or its container; a known place may head the list or be one
of its items.
"""

from __future__ import annotations

from .unknowncues import CueNames
from .unknownwords import AND


class ListReader(CueNames):
    """Reads the names listed with one announced as a place."""

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

    def list_end(self, end: int) -> int:
        """Where the list of names that continues after token ``end`` ends (``end`` if none does)."""
        items = self.listed(end)
        return items[-1][1] if items else end

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
