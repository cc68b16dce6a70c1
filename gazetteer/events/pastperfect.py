"""The past perfect: does a sentence tell an event before the one the article tells?

English "had (already) been/struck/shelled" and Arabic «وكانت ... قد» recall an earlier event,
except where reported speech shifts the event told into the past perfect ("the SDF said its
fighters had returned fire") or, in Arabic, where reports tell their own events with it.
:mod:`gazetteer.events.framing` asks these tests of sentences once the article has told an event.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..places.normalize import Token

__all__ = ["arabic_perfect", "before_that", "past_perfect"]

_WAS_AR = frozenset({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"})
_QAD = "قد"
_PERFECT_WINDOW = 3
#: «وكانت قوات سوريا الديمقراطية قد …»: a subject of three words between «كانت» and «قد».
_PERFECT_WINDOW_AR = 5
#: What follows «قبل» in a past perfect that tells what came before the event told: «أن» ("before they
#: went"), a stretch of time («قبل أيام», "days before"); normalised.
_AGO_AR = frozenset(
    {"ان", "يوم", "ايام", "يومين", "ساعات", "اسبوع", "اسبوعين", "اسابيع", "شهر", "شهرين", "اشهر", "سنوات"}
)
#: English past participles that do not end in -ed/-en (the regular ones are read by their ending).
_PARTICIPLES = frozenset({"been", "hit", "struck", "shot", "fought", "held", "won", "led", "left", "seized"})
_HAD_SKIP = frozenset({"already", "also", "previously", "earlier", "repeatedly", "just"})
#: "the incident, which had not been reported": a relative clause about the event, not another one.
_RELATIVE = frozenset({"which", "that", "who"})
#: English verbs of saying: "X said their fighters had returned fire" shifts the event told into
#: the past perfect (reported speech), it recalls no earlier one.
_SAID = frozenset({"said", "says", "say", "told", "reported", "stated", "added", "claimed", "confirmed"})
#: How far before "had" a verb of saying governs it ("said that the group's fighters had").
_SAID_WINDOW = 5


def before_that(tokens: Sequence[Token]) -> bool:
    """True when «قبل أن» ("before … did") or «قبل أيام» ("days before", any stretch of time in
    :data:`_AGO_AR`) stands in the sentence."""
    return any(a.norm == "قبل" and b.norm in _AGO_AR for a, b in zip(tokens, tokens[1:], strict=False))


def past_perfect(tokens: Sequence[Token], *, dated: bool) -> bool:
    """English "had (already) been/struck/shelled", an event before the one told, unless a verb of
    saying just before it shifts the event told into it in a sentence with no month or year ("the
    SDF said its fighters had returned fire"); Arabic «وكانت ... قد» only in a sentence ``dated``
    with a month or a year, as reports also tell their own events with it («كانت قد وقعت في 21
    تشرين الثاني»), or with «قبل أن» or «قبل أيام» after it: what came before the event told («وكان
    المحتجون قد تجمعوا في الساحة قبل أن يتوجهوا إلى المبنى»)."""
    for i, token in enumerate(tokens):
        if (
            token.norm == "had"
            and (i == 0 or tokens[i - 1].norm not in _RELATIVE)
            and not (not dated and any(t.norm in _SAID for t in tokens[max(0, i - _SAID_WINDOW) : i]))
        ):
            for after in tokens[i + 1 : i + 1 + _PERFECT_WINDOW]:
                if after.norm in _HAD_SKIP:
                    continue
                word = after.norm
                if word in _PARTICIPLES or (after.text.isascii() and word.endswith(("ed", "en"))):
                    return True
                break
    # the rare words first: the recall test reads the whole sentence
    return arabic_perfect(tokens) and (dated or before_that(tokens))


def arabic_perfect(tokens: Sequence[Token], window: int = _PERFECT_WINDOW_AR) -> bool:
    """True when «كان»/«وكانت» … «قد» stands in the sentence, «قد» at most ``window`` words on."""
    return any(
        token.norm in _WAS_AR and any(t.norm == _QAD for t in tokens[i + 1 : i + 1 + window])
        for i, token in enumerate(tokens)
    )
