"""A caption's opening name, cued by the settlement word the caption later refers to it with.

«النشابية | اشتباكات عنيفة … على أطراف البلدة 14-5-2016», «عين ترنا || انتشال طفلة … بعد قصف
مدفعي على البلدة»: a video caption opens with its place and a header mark, and its text then
calls that place «البلدة», «المدينة», «القرية» or «المخيم».  That later word says what the opening
name is, as «بلدة» right before it would: the name is read as cued by it (a small village the
gazetteer holds is believed, and a name one letter off a known one may be read as that one).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..places.normalize import Token
from .lexicon import form_set

__all__ = ["caption_settlement_cue"]

#: The marks of a caption's header after its place («X | …», «X || …», «X :: …», «X - …»).
_HEADER_MARKS = "|-–—:"
#: The most words of a header's place after its area («تل تمر»): a second mark within them closes it.
_HEADER_WORDS = 4
#: The definite settlement words that refer back to a place (normalised), with the cue word each is.
#: Not «الحي»: «الرصاص الحي» is live ammunition.
_REFERRING = {"البلده": "بلده", "المدينه": "مدينه", "القريه": "قريه", "المخيم": "مخيم"}


def caption_settlement_cue(text: str, toks: Sequence[Token], first: int, last: int) -> str | None:
    """The settlement cue word (normalised, «بلده») a caption gives the name on tokens
    ``[first, last)`` of its sentence ``toks``, or None.

    The name must open the article (nothing but spaces before it), a header mark («|», «::»,
    «-») must follow it and end the header (no second mark a few words on), and a later word of
    the sentence must be a definite settlement word, with or without a preposition joined to it
    («للبلدة», «بالمدينة»).
    """
    if first != 0 or last >= len(toks) or text[: toks[0].start].strip():
        return None
    if not _marked(text[toks[last - 1].end : toks[last].start]):
        return None
    # «الحسكة | تل تمر: …», «حماة - اللطامنة | …»: a second mark a few words on closes a header that
    # opened with its area; the place is the name after the area, not the opening one.
    ahead = toks[last : last + _HEADER_WORDS + 1]
    if any(_marked(text[a.end : b.start]) for a, b in zip(ahead, ahead[1:], strict=False)):
        return None
    for tok in toks[last:]:
        for form in form_set(tok.norm):
            if form in _REFERRING:
                return _REFERRING[form]
    return None


def _marked(gap: str) -> bool:
    """Whether the text between two words holds a header mark."""
    return any(mark in gap for mark in _HEADER_MARKS)
