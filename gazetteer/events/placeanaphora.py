"""Arabic place anaphora: «على البلدة», «في المدينة» name the last place of that kind named before.

A caption «مورك :: قصف مدفعي على البلدة مصدره حواجز النظام في صوران» shells Morek, not Suran where the
guns stand; «قسد تفرق مظاهرة في البلدة» after «البصيرة |» happens in al-Busayrah.  A definite place
noun of ``linking.yaml``'s ``place_anaphora`` standing alone (no name, no definite word joined after
it: «المدينة الصناعية» is a place of its own) and tied to the event the way a named place would be
stands for the nearest place of its kind named before it in the sentence.
That place then scores as if it were named where the noun stands.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..geoparser.cues import load_cues
from ..geoparser.lexicon import forms_of, load_lexicon
from ..geoparser.result import Location, Mention
from ..places.normalize import Token, normalize_token
from ..places.place import PlaceType

__all__ = ["Anaphor", "place_anaphors"]

#: What ends a sentence: the place an anaphor stands for is named in its own sentence.  A later sentence
#: referring back is read by :mod:`gazetteer.events.antecedents`, which tells a comment from a report.
_SENTENCE_ENDS = ".!?؟\n"


@functools.cache
def _kinds() -> dict[str, frozenset[PlaceType]]:
    """Each anaphoric place noun, normalised, with the kinds of place it may stand for."""
    raw = load_lexicon("linking")["place_anaphora"]
    return {normalize_token(word): frozenset(PlaceType(k) for k in kinds) for word, kinds in raw.items()}


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A place noun at token ``tok`` (behind proclitics ``clitic``) that stands for ``mentions[index]``."""

    tok: int
    clitic: str
    index: int


def place_anaphors(
    text: str,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    location_of: Callable[[Mention], Location | None],
) -> list[Anaphor]:
    """The sentence's anaphoric place nouns (``tokens``), each with the mention it stands for.

    ``location_of`` says whether a mention may locate an incident; one that may not is skipped.
    """
    kinds = _kinds()
    out = []
    endings = tuple(kinds)
    for k, tok in enumerate(tokens):
        if not tok.norm.endswith(endings):
            continue  # most words: no clitic form of theirs can be an anaphor
        found = next(((w, tok.norm[:cut]) for w, cut in forms_of(tok.norm) if w in kinds), None)
        if found is None or _named_after(text, tokens, k, mentions):
            continue
        word, clitic = found
        index = _antecedent(text, tok.start, kinds[word], mentions, location_of)
        if index is not None:
            out.append(Anaphor(k, clitic, index))
    return out


def _named_after(text: str, tokens: Sequence[Token], k: int, mentions: Sequence[Mention]) -> bool:
    """Whether a name or a definite word follows the noun, joined: it is a cue or a name's head then."""
    if k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    if text[tokens[k].end : nxt.start].strip():
        return False  # punctuation ends the phrase
    return nxt.norm.startswith("ال") or any(m.start == nxt.start for m in mentions)


def _kinds_of(mention: Mention) -> frozenset[PlaceType]:
    """The kinds of place a mention names: its place's, or for a name the gazetteer lacks what its cue
    says («حي X» a quarter, «مخيم X» a camp), else a village's."""
    if mention.place is not None:
        return frozenset({mention.place.type})
    said = (
        load_cues().type_before.get(tuple(mention.cue.split()), frozenset()) if mention.cue else frozenset()
    )
    return said or frozenset({PlaceType.VILLAGE})


def _antecedent(
    text: str,
    offset: int,
    kinds: frozenset[PlaceType],
    mentions: Sequence[Mention],
    location_of: Callable[[Mention], Location | None],
) -> int | None:
    """The nearest mention ending before ``offset`` in its sentence whose place is of one of ``kinds``."""
    since = max(text.rfind(mark, 0, offset) for mark in _SENTENCE_ENDS)
    best = None
    for i, m in enumerate(mentions):
        if m.end > offset or m.start <= since:
            continue
        if _kinds_of(m).isdisjoint(kinds) or location_of(m) is None:
            continue
        if best is None or m.end > mentions[best].end:
            best = i
    return best
