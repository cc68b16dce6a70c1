"""Names the gazetteer lacks that a cue word announces: a settlement's, a facility's or a plural cue.

A settlement cue before the name («قرية كفرسجنة», "the village of X") or after it ("X village",
"X, a village in …", "the X district of Y"), unless it is definite («القرية الشرقية»: the word after
it is an adjective); a building's word that names a quarter after a cue («حي المشفى»); a bare
Arabic facility word («محطة علوك»); an Arabic cue for several places («قريتي A وB»), after which
«و» lists further names.
"""

from __future__ import annotations

from .scanner import capitalised
from .unknowncontainers import ContainerReader
from .unknownwords import NESTED_AFTER


class CueNames(ContainerReader):
    """Reads the cue words around an unknown name: what announces it as a settlement or a facility."""

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

    def after_facility(self, j: int) -> bool:
        """Whether a bare (indefinite) Arabic facility word («محطة», «سوق») precedes the indefinite
        name at token ``j``: «محطة علوك» names the station, «محطة الوقود» (the fuel station) does not."""
        if j == 0 or not self.s.joinable[j - 1] or self.toks[j].norm.startswith("ال"):
            return False
        return any(
            form in self.s.cues.named_facilities and not self.toks[j - 1].norm[:cut].endswith(("ال", "لل"))
            for form, cut in self.s.words[j - 1].variants
        )

    def plural_cue_before(self, j: int) -> bool:
        """Whether an Arabic settlement cue for several places ends right before token ``j``."""
        cue = self.s.phrase_before(j, self.before)
        return cue is not None and any(f in self.s.cues.plural_cues for f, _ in self.s.words[j - 1].variants)

    def joins_a_cue(self, j: int) -> bool:
        """Whether Arabic token ``j`` is «و» and a cue word: «بلدات ومدن», towns and cities."""
        if self.s.english or not self.attached_and(j):
            return False
        return self.toks[j].norm[1:] in self.s.cues.all_words
