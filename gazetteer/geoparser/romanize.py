"""Latin spelling skeletons of Arabic place names, for matching the ways English reports spell them.

English reports spell one Arabic name a dozen ways ("Khan Shaykhun", "Khan
Sheikhoun", "Khan Sheikoun").  The matcher compares names by a *skeleton*
(:func:`latin_skeleton`): articles dropped, digraphs folded (kh→k, sh→s,
q→k, dh→d, th→t, ou→u, and p→b: Arabic has no p, so "Saraqip" spells
«سراقب» …), doubled letters collapsed and vowels after a word's first
letter removed, so that every common spelling of a name has
one skeleton.  :func:`arabic_skeletons` gives the skeletons of the Arabic
name itself, so that a place is found by any common romanisation of its
Arabic name, even when no Latin spelling of it is in the gazetteer.
"""

from __future__ import annotations

import re
from itertools import product

from ..memo import word_memo

#: Folds that make the spelling variants of one sound the same skeleton letter.
_DIGRAPHS = (
    ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
    ("p", "b"), ("ou", "u"), ("q", "k"), ("c", "k"), ("w", "u"), ("y", "i"), ("z", "s"),
)  # fmt: skip
#: The Latin article forms a skeleton leaves out ("al-", "el-", "ash-", "ad-" …).
LATIN_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et"})
_VOWELS = re.compile(r"[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")

#: Each Arabic consonant's skeleton letter(s): its romanisations after the folds above.
_CONSONANTS: dict[str, tuple[str, ...]] = {
    "ب": ("b",), "ت": ("t",), "ث": ("t", "s"), "ج": ("j",), "ح": ("h",), "خ": ("k",), "د": ("d",),
    "ذ": ("d", "s"), "ر": ("r",), "ز": ("s",), "س": ("s",), "ش": ("s",), "ص": ("s",), "ض": ("d",),
    "ط": ("t",), "ظ": ("d", "s"), "غ": ("g",), "ف": ("f",), "ق": ("k",), "ك": ("k",), "ل": ("l",),
    "م": ("m",), "ن": ("n",), "ه": ("h",),
}  # fmt: skip
#: Letters written as vowels or not at all in Latin: ا و ي ى ء ع and hamza seats.
_VOWEL_LETTERS = frozenset("اأإآوؤيئىءع")
#: Ta marbuta: silent ("Hama"), "h" ("Hamah") or "t" in a construct ("Maarat al-Numan").
_TA_MARBUTA = ("", "h", "t")
#: Stands for a vowel letter until doubled consonants are collapsed.
_GAP = "."
#: Most skeletons kept per Arabic name (the variants multiply with each ambiguous letter).
MAX_VARIANTS = 8


@word_memo()
def latin_skeleton(key: str) -> str:
    """The consonant skeleton of a normalised Latin name key; "" for a key that is not Latin.

    "Maret Al Numaan" and "Maarat al-Numan" → ``mrt nmn``; "Termaneen" and
    "Turmanin" → ``trmnn``.  A word's first vowel stays as «a».
    """
    if not key.isascii():
        return ""
    words = []
    for word in key.split(" "):
        if word in LATIN_ARTICLES or not word.isalpha():
            continue
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        word = _DOUBLED.sub(r"\1", word)  # only letters doubled in the spelling itself
        head = "a" if word[0] in "aeiou" else word[0]
        words.append(head + _VOWELS.sub("", word[1:]))
    return " ".join(words)


@word_memo()
def latin_skeletons(key: str) -> tuple[str, ...]:
    """:func:`latin_skeleton` of ``key``, and of ``key`` with an article glued to a word cut off.

    "Albukamal" is also read as "Al Bukamal", "Alrai" as "Al Rai".
    """
    first = latin_skeleton(key)
    second = unglued(key)
    return tuple(s for s in dict.fromkeys((first, latin_skeleton(second) if second != key else "")) if s)


def unglued(key: str) -> str:
    """``key`` with an article glued to a word cut off: "albukamal" → "bukamal"; else ``key`` itself."""
    words = key.split(" ")
    return " ".join(w[2:] if w[:2] in ("al", "el") and len(w) > 5 else w for w in words)


def _word_skeletons(word: str) -> list[str]:
    """The skeletons of one Arabic word (article dropped), ta marbuta read every way."""
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    choices: list[tuple[str, ...]] = []
    for k, letter in enumerate(word):
        if letter in ("ة", "ه") and k == len(word) - 1:
            choices.append(_TA_MARBUTA)
        elif letter in _VOWEL_LETTERS:
            choices.append(("a",) if k == 0 else (_GAP,))
        elif letter in _CONSONANTS:
            choices.append(_CONSONANTS[letter])
        # diacritics, tatweel and anything else are not written in Latin
    out = []
    for letters in product(*choices):
        # a letter doubled in the script is one sound; two separated by a vowel letter are two
        skeleton = _DOUBLED.sub(r"\1", "".join(letters)).replace(_GAP, "")
        if skeleton:
            out.append(skeleton)
    return list(dict.fromkeys(out))


def arabic_skeletons(name: str) -> list[str]:
    """Latin skeletons of an Arabic name, as :func:`latin_skeleton` gives them for its romanisations.

    «خان شيخون» → ``["kn skn"]``; «معرة النعمان» → ``["mr nmn", "mrh nmn", "mrt nmn"]``.
    At most :data:`MAX_VARIANTS`; empty for a name with no Arabic letter.
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    per_word = [_word_skeletons(w) for w in words]
    if not per_word or not all(per_word):
        return []
    return [" ".join(combo) for combo in product(*per_word)][:MAX_VARIANTS]
