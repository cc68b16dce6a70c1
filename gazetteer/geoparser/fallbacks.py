"""Readings of names the gazetteer spells differently or lacks: near misses, facilities, transliterations.

Each reader looks at one position of a :class:`~gazetteer.geoparser.scanner.Scanner`
where the longest match found nothing, and returns a weak match (a fuzzy
reading that needs corroboration) or an unknown toponym (recognised, with no place).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from operator import attrgetter

from ..places.normalize import is_arabic
from ..places.place import SETTLEMENT_TYPES, Place, PlaceType
from .articlewords import opened_quote
from .captionname import caption_settlement_cue
from .nameindex import FUZZY_MIN_LETTERS, SKELETON_MIN_CONSONANTS
from .readings import CAPITAL_POPULATION
from .romanize import LATIN_ARTICLES, latin_skeletons, unglued
from .scanner import Scanner, capitalised, char_cut
from .toponym import Match

_NORM_OF = attrgetter("norm")
_DASH = re.compile(r"[-–—]")
_ID_OF = attrgetter("id")
#: A transliteration skeleton this long is specific enough to need no corroboration.
SKELETON_SURE_CONSONANTS = 5
_AR_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ام"})  # «عمر بن عبد العزيز»
_NAME_LINKS = frozenset({"bin", "ibn", "bint", "abu", "al", "el", "of"})


def fuzzy_at(scanner: Scanner, i: int) -> Match | None:
    """A one-letter near-miss reading of the 1–3 tokens at ``i``, when the context invites one."""
    if scanner.english or not scanner.words[i].arabic:
        return None
    cued = bool(i) and scanner.words[i - 1].fuzzy_cue
    # «عين ترنا || … قصف على البلدة»: a caption's opening name is cued by the «البلدة» that later
    # refers back to it (see captionname), as «بلدة» right before it would cue it.
    opening = not i and scanner.sentence == 0
    if not (cued or opening or scanner.has_quotes):
        return None  # neither a cue word before it, a caption's opening, nor an opening quote
    opened = opened_quote(scanner.text, scanner.toks[i])
    cue = scanner.phrase_before(i, scanner.cues.fuzzy, max_len=1) if cued else None
    if not (cue or opened or opening):
        return None
    for n in (3, 2, 1):
        if i + n > len(scanner.toks) or False in scanner.joinable[i : i + n - 1]:
            continue
        start, end = scanner.toks[i].start, scanner.toks[i + n - 1].end
        quoted = scanner.quoted(start, end)
        captioned = opening and caption_settlement_cue(scanner.text, scanner.toks, i, i + n) is not None
        if not (cue or quoted or captioned):
            continue
        first = scanner.toks[i].norm
        if (first,) in scanner.cues.direction or (first,) in scanner.cues.near:
            # «غرب سعيد» reads as a village only when both cued and quoted;
            # otherwise the direction reading («غرب مدينة إدلب») wins.
            if not (cue and quoted):
                continue
        key = " ".join(map(_NORM_OF, scanner.toks[i : i + n]))
        if sum(map(str.isalpha, key)) < FUZZY_MIN_LETTERS or scanner.gazetteer.has_key(key):
            continue
        keys = scanner.index.fuzzy_keys(key)
        if not keys:
            continue
        return _weak_reading(scanner, i, i + n, keys)
    return None


def _weak_reading(scanner: Scanner, i: int, end_tok: int, keys: Collection[str]) -> Match:
    """A fuzzy match of tokens ``[i, end_tok)`` read as any of ``keys`` (near-miss or variant)."""
    return scanner.make(i, end_tok, sorted(keys)[0], _places_of(scanner, keys), 0, fuzzy=True)


def _places_of(scanner: Scanner, keys: Collection[str]) -> list[Place]:
    """The places of every key in ``keys``, by id."""
    return sorted({p for k in keys for p in scanner.gazetteer.lookup_key(k)}, key=_ID_OF)


def _syrian(scanner: Scanner, key: str) -> list[Place]:
    """The Syrian places whose name key is ``key``."""
    return [p for p in scanner.gazetteer.lookup_key(key) if p.in_syria]


def facility_at(scanner: Scanner, i: int) -> Match | None:
    """A named facility at ``i`` that the gazetteer lacks: «جامع عمر بن الخطاب», "Al-Daqa hospital".

    Arabic: the head word (clitics allowed) and up to four following words
    up to a stop word or punctuation.  English: up to four capitalised
    words (with bin/ibn/al/of between) before the head word.  The result
    is an unknown toponym: recognised, with no place.
    """
    cues = scanner.cues
    if scanner.english:
        return _facility_en(scanner, i) if scanner.facility_sentence else None
    if not scanner.words[i].facility_head:
        return None
    head = next((cut for form, cut in scanner.words[i].variants if form in cues.facility_heads), None)
    if head is None:
        return None
    prefix = scanner.toks[i].norm[:head]
    definite = prefix.endswith(("ال", "لل"))
    landmark = scanner.toks[i].norm[head:] in cues.landmark_heads
    if landmark and definite:
        return None  # «الساحة الرئيسية»: the main square, no name
    names = _facility_name_ar(scanner, i + 1, definite=definite)
    if landmark and names and any(f in cues.all_words for f, _ in scanner.words[i + 1].variants):
        return None  # «ساحة مدينة الميادين», «ساحة القرية»: the square of a place, named by its cue
    if not names or (not landmark and _names_a_town(scanner, i + 1, i + 1 + names)):
        return None
    return unknown_match(scanner, i, i + 1 + names, head)


def landmark_at(scanner: Scanner, i: int, end_tok: int) -> Match | None:
    """The English landmark named by the name at tokens ``[i, end_tok)`` and the head word after it.

    "al-Karama Square", "the Clock roundabout": the square is named after something, and
    is a landmark the gazetteer lacks, not the place its name also is.  None unless a
    landmark head word (:attr:`Cues.landmark_heads`) follows the name, joined to it.
    """
    toks = scanner.toks
    if not (scanner.english and end_tok < len(toks) and scanner.joinable[end_tok - 1]):
        return None
    if toks[end_tok].norm not in scanner.cues.landmark_heads:
        return None
    return facility_at(scanner, i)


def _names_a_town(scanner: Scanner, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` name a known Syrian settlement: «مشفى حاس», "Hass hospital".

    Such a facility is named after the place it stands in: the place is the toponym,
    read on its own, not an unknown facility (a word that is also a common one does not count).
    """
    key = " ".join(t.norm for t in scanner.toks[start:end])
    if key in scanner.index.ambiguous:
        return False
    return any(p.in_syria and p.type in SETTLEMENT_TYPES for p in scanner.gazetteer.lookup_key(key))


#: A preposition with a pronoun after a definite head's adjective makes it a description, not a name:
#: «المسجد الملحق بها» (the mosque attached to it), «المستشفى الأبرز بينها» (the most prominent of them).
_PRONOUN_COMPLEMENTS = frozenset(
    p + s for p in ("ب", "بين", "من", "في", "ل", "علي", "الي", "عن", "مع") for s in ("ه", "ها", "هم", "هما")
)


def _facility_name_ar(scanner: Scanner, j: int, *, definite: bool) -> int:
    """How many words from ``j`` name the facility whose head word precedes them (0: none).

    After a definite head («المسجد», «المشفى») only one definite adjective
    names it («المسجد الكبير»; «المستشفى خارج الخدمة» is no name), and not one
    a pronoun's preposition follows («المسجد الملحق بها»).  After a
    bare head, a name of up to four words: a first word, then words joined
    by بن/عبد/أبو («عمر بن عبد العزيز») or a second definite word («نبض الحياة»).
    """
    toks, stops = scanner.toks, scanner.cues.facility_stops

    def usable(k: int) -> bool:
        return (
            k < len(toks)
            and scanner.joinable[k - 1]
            and not _DASH.search(scanner.text[toks[k - 1].end : toks[k].start])  # «مستشفى - لأضرار»
            and is_arabic(toks[k].text)
            and toks[k].norm not in stops
            and not any(f in stops for f, _ in scanner.words[k].variants[:1])
        )

    if not usable(j):
        return 0
    if definite:
        described = j + 1 < len(toks) and toks[j + 1].norm in _PRONOUN_COMPLEMENTS
        return 1 if toks[j].norm.startswith("ال") and not described else 0
    n = 1
    while n < 4 and usable(j + n):
        word, before = toks[j + n].norm, toks[j + n - 1].norm
        if not (word in _AR_NAME_LINKS or before in _AR_NAME_LINKS or (n == 1 and word.startswith("ال"))):
            break
        n += 1
    return n


def _facility_en(scanner: Scanner, i: int) -> Match | None:
    toks, cues = scanner.toks, scanner.cues
    tok = toks[i]
    if not capitalised(tok.text) or tok.norm in cues.facility_stops or tok.norm in _NAME_LINKS:
        return None
    end = i
    while end < len(toks) and end - i < 5 and (end == i or scanner.joinable[end - 1]):
        word = toks[end]
        if word.norm in cues.facility_heads:
            # A landmark's name is its own ("al-Karama Square"), a facility's may be its town's.
            landmark = word.norm in cues.landmark_heads
            return (
                unknown_match(scanner, i, end + 1, 0)
                if end > i and (landmark or not _names_a_town(scanner, i, end))
                else None
            )
        if not (capitalised(word.text) or word.norm in _NAME_LINKS) or word.norm in cues.facility_stops:
            return None
        end += 1
    return None


def unknown_match(scanner: Scanner, i: int, end_tok: int, cut: int) -> Match:
    """An unknown toponym on tokens ``[i, end_tok)`` (``cut``: the proclitic letters of token ``i``)."""
    prefix = scanner.toks[i].norm[:cut]
    cut = cut - 2 if prefix.endswith("ال") else cut - 1 if prefix.endswith("لل") else cut
    start, end = char_cut(scanner.toks[i], cut), scanner.toks[end_tok - 1].end
    m = Match(
        start=start,
        end=end,
        text=scanner.text[start:end],
        key=" ".join(t.norm for t in scanner.toks[i:end_tok]),
        places=[],
        sentence=scanner.sentence,
        tok_start=i,
        tok_end=end_tok,
        unknown=True,
    )
    scanner.read_context(m)
    return m


def _only_small_foreign_towns(places: Collection[Place]) -> bool:
    """Whether every reading is a foreign town below a capital's size (no country, no capital)."""
    return bool(places) and all(
        not p.in_syria
        and p.type is PlaceType.FOREIGN_CITY
        and p.code != "PPLC"
        and p.population < CAPITAL_POPULATION
        for p in places
    )


def syrian_spelling(
    scanner: Scanner, i: int, end_tok: int, key: str, places: list[Place], cut: int
) -> Match | None:
    """The Syrian reading of an English name that only small foreign towns hold, spelt another way.

    "al-Mansoura, west of Raqqa" is no Egyptian or Algerian Mansoura: an English
    name (tokens ``[i, end_tok)``, key ``key``) whose readings ``places`` are all
    small towns abroad may transliterate a Syrian name (al-Mansurah, same
    consonants) or misspell a prominent one ("the Hamma countryside").  The match
    then holds the Syrian readings beside the foreign ones, as a weak reading
    that, like a near miss, needs a place nearby.  None when the name has another
    reading or no Syrian name shares its skeleton or lies within its edit bound.
    """
    if not scanner.english or not _only_small_foreign_towns(places):
        return None
    keys = {k for sk in latin_skeletons(key) for k in scanner.index.skeleton_keys(sk)}
    keys.update(scanner.index.misspellings.keys_near(key))  # "the Hamma countryside" is no Tunisian El Hamma
    syrian = sorted({p for k in keys for p in _syrian(scanner, k)}, key=_ID_OF)
    if not syrian:
        return None
    return scanner.make(i, end_tok, key, [*syrian, *places], cut, fuzzy=True)


def transliteration_at(scanner: Scanner, i: int) -> Match | None:
    """A Latin spelling variant of a Syrian name at ``i`` ("Maret Al Numaan", "Termaneen").

    English text only, and the words must be capitalised.  A skeleton of
    :data:`SKELETON_SURE_CONSONANTS` consonants or more is specific enough
    to read as the name it shares; a shorter one is a weak reading that,
    like a near-miss, survives only with corroboration.
    """
    toks, joinable = scanner.toks, scanner.joinable
    capital = scanner.english and toks[i].text[:1].isupper()
    if not capital or not scanner.index.may_transliterate(toks[i].norm):
        return None  # a skeleton holding this word's would be some name's (MatchIndex.may_transliterate)
    # Up to three joined words, each capitalised (after a hyphened article: "al-Harir") or an
    # article: the longest run first.
    run = 1
    while (
        run < 3
        and i + run < len(toks)
        and joinable[i + run - 1]
        and (capitalised(toks[i + run].text) or toks[i + run].norm in LATIN_ARTICLES)
    ):
        run += 1
    for n in range(run, 0, -1):
        words = toks[i : i + n]
        if words[-1].norm in LATIN_ARTICLES:
            continue
        key = " ".join(map(_NORM_OF, words))
        if n == 1 and key in scanner.cues.stop_keys:
            # A common word ("Center") is a place only by its own exact key, never by a skeleton
            # that happens to be a village's ("Qenterê"): two weak readings make no strong one.
            continue
        bare = unglued(key)
        syrian = [] if bare == key or bare in scanner.index.ambiguous else _syrian(scanner, bare)
        if syrian:
            # "Albukamal" is "Al Bukamal" written as one word: the Syrian name itself, article glued on.
            return scanner.make(i, i + n, bare, syrian, 0)
        found = ((sk, scanner.index.skeleton_keys(sk)) for sk in latin_skeletons(key))
        skeleton, keys = next(((sk, ks) for sk, ks in found if ks), ("", ()))
        if sum(map(str.isalpha, skeleton)) < SKELETON_MIN_CONSONANTS:
            continue
        if sum(map(str.isalpha, skeleton)) >= SKELETON_SURE_CONSONANTS:
            return scanner.make(i, i + n, sorted(keys)[0], _places_of(scanner, keys), 0)
        return _weak_reading(scanner, i, i + n, keys)
    return misspelling_at(scanner, i)


def misspelling_at(scanner: Scanner, i: int) -> Match | None:
    """A capitalised English word misspelling a prominent place's name ("Allepo", "Hamma").

    A weak reading that must be corroborated, as a near miss is: believed only near the
    article's other places or in its container, never alone (see
    :mod:`~gazetteer.geoparser.misspelling`).  None when no such name is near.
    """
    tok = scanner.toks[i]
    if tok.norm in scanner.cues.stop_keys or tok.norm in scanner.index.ambiguous:
        return None
    keys = scanner.index.misspellings.keys_near(tok.norm)
    if not keys:
        return None
    m = _weak_reading(scanner, i, i + 1, keys)
    m.needs_support = True  # unlike a one-letter variant, never believed alone
    return m
