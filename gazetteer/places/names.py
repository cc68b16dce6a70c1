"""The names places are known and shown by: typed forms («حي X», "X neighbourhood"), the
alternates kept, and the display names people read.

Used for every source of the bundled gazetteer (:mod:`gazetteer.places.geonames_cities`,
:mod:`gazetteer.places.derive`, :mod:`gazetteer.places.build`) and for map labels
(:mod:`gazetteer.places.basemap`).

:mod:`gazetteer.places.normalize` folds names into match keys, which nobody reads;
:func:`clean_arabic` cleans the names people read (a place's primary ``name_ar``, map labels),
keeping hamza, taa marbuta and alef maqsura as written.  One translate table,
:data:`_PERSIAN_TABLE`, then the spacing:

* Persian and Urdu letters → Arabic: ک ڪ → ك, ی ے ۓ ې → ي, ۀ ۃ → ة, ہ ھ ە ۂ → ه, گ → ك,
  پ → ب, چ → ج, ژ → ز, ٹ → ت, ڈ → د, ڑ → ر, ں → ن, ۆ ۇ → و;
* tatweel, zero-width (non-)joiners and bidi marks are dropped;
* runs of spaces become one space, and a lone Arabic letter is joined to the word
  after it («د مشق» → «دمشق»: no Arabic name has a one-letter word).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .normalize import is_arabic
from .place import PlaceType

__all__ = [
    "TYPE_WORDS",
    "best_arabic",
    "clean_arabic",
    "cued",
    "from_geonames",
    "is_arabic_name",
    "keep_alternate",
    "latin_label",
    "preferred_arabic",
    "split_names",
]

#: The type word that turns a name into an unambiguous one: (Arabic prefix, English suffix).
TYPE_WORDS: dict[PlaceType, tuple[str, str]] = {
    PlaceType.NEIGHBOURHOOD: ("حي", "neighbourhood"),
    PlaceType.SUBDISTRICT: ("ناحية", "Subdistrict"),
    PlaceType.DISTRICT: ("منطقة", "District"),
    PlaceType.GOVERNORATE: ("محافظة", "Governorate"),
    PlaceType.CITY: ("مدينة", "city"),
    PlaceType.TOWN: ("بلدة", "town"),
    PlaceType.VILLAGE: ("قرية", "village"),
}


def cued(name: str, ptype: PlaceType) -> str:
    """``name`` with its type word («حي X», "X neighbourhood"); unchanged when it has one already."""
    ar, en = TYPE_WORDS[ptype]
    if is_arabic(name):
        return name if name.startswith(ar + " ") else f"{ar} {name}"
    return name if name.casefold().endswith(" " + en.casefold()) else f"{name} {en}"


def _script(name: str) -> str:
    """'arabic', 'latin' or 'other': the script of a name's letters."""
    if is_arabic(name):
        return "arabic"
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return "other"
    return "latin"


def keep_alternate(name: str) -> bool:
    """Whether an alternate name is worth indexing: Arabic, or Latin not all in lower case.

    Names in other scripts (Cyrillic, Greek, CJK…) are dropped: the
    geoparser reads Arabic and English only.  So are all-lowercase Latin
    alternates: in GeoNames and Open-Syria they are machine romanisations
    ("yi de li bo", "adlb", "nahyt mrkz alhskt") that nobody writes and that
    collide with words.
    """
    script = _script(name)
    return bool(name) and script != "other" and not (script == "latin" and name.islower())


def split_names(primary: str, alternates: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """The Arabic display name and every other alternate :func:`keep_alternate` keeps, deduplicated.

    Arabic alternates are cleaned (:func:`clean_arabic`: «د مشق» is «دمشق», «ماسکو» is «ماسكو»),
    half-transliterated ones («ladhqyہ») are dropped, and the display name is
    :func:`best_arabic` of them.
    """
    names = [alt.strip() for alt in alternates]
    kept: list[str] = []
    seen = {primary}
    for alt in names:
        if _script(alt) == "arabic":
            alt = clean_arabic(alt)
            if not is_arabic_name(alt):
                continue
        if alt in seen or not keep_alternate(alt):
            continue
        seen.add(alt)
        kept.append(alt)
    name_ar = best_arabic(alt for alt in names if _script(alt) == "arabic")
    return name_ar, tuple(a for a in kept if a != name_ar)


_PERSIAN = {
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "ی": "ي",
    "ے": "ي",
    "ۓ": "ي",
    "ې": "ي",
    "ۀ": "ة",
    "ۃ": "ة",
    "ہ": "ه",
    "ھ": "ه",
    "ە": "ه",
    "ۂ": "ه",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ٹ": "ت",
    "ڈ": "د",
    "ڑ": "ر",
    "ں": "ن",
    "ۆ": "و",
    "ۇ": "و",
}
_DROPPED = "\u0640\u200b\u200c\u200d\u200e\u200f\u061c\ufeff" + "".join(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
_PERSIAN_TABLE = str.maketrans({**_PERSIAN, **{c: None for c in _DROPPED}})
_SPACES_RE = re.compile(r"\s+")
#: A one-letter Arabic word followed by another Arabic word.
_LONE_LETTER_RE = re.compile(r"(?<![\u0621-\u064a])([\u0621-\u064a]) (?=[\u0621-\u064a])")
_LETTER_RE = re.compile(r"[^\W\d_]")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff]")
#: Letters used by Persian or Urdu and not by Arabic: a name holding one was not written in Arabic.
_FOREIGN_LETTERS = frozenset(_PERSIAN)

#: GeoNames' Arabic alternates mix Persian, Urdu and machine transliterations; other sources'
#: Arabic names were written by people (this project, OCHA, Open-Syria, analysts' imports).
_GEONAMES = "GeoNames"


def clean_arabic(name: str) -> str:
    """``name`` with Persian/Urdu letters mapped to Arabic and its spacing fixed (the module's rules).

    Names without Arabic letters come back only stripped.
    """
    name = unicodedata.normalize("NFC", name).translate(_PERSIAN_TABLE)
    name = _SPACES_RE.sub(" ", name).strip()
    if not is_arabic(name):
        return name
    return _LONE_LETTER_RE.sub(r"\1", name)


def is_arabic_name(name: str) -> bool:
    """True when ``name`` is written in Arabic: most of its letters are, and no word mixes scripts.

    «الطريق الدولي M4» is Arabic with a code in it; «ladhqyہ», a machine transliteration
    ending in an Urdu letter, is no Arabic name.
    """
    arabic = other = 0
    for word in name.split():
        letters = _LETTER_RE.findall(word)
        in_arabic = sum(1 for c in letters if _ARABIC_LETTER_RE.match(c))
        if 0 < in_arabic < len(letters):
            return False
        arabic += in_arabic
        other += len(letters) - in_arabic
    return arabic > other


def best_arabic(candidates: Iterable[str]) -> str:
    """The Arabic display name among ``candidates``, cleaned; "" when none is wholly Arabic.

    Candidates written with Arabic letters only are preferred to those holding Persian or Urdu
    letters (usually the Persian or Urdu name: «ماسکو»), and then taken in order.
    """
    native, foreign = "", ""
    for raw in candidates:
        name = clean_arabic(raw)
        if not is_arabic_name(name):
            continue
        if any(c in _FOREIGN_LETTERS for c in raw):
            foreign = foreign or name
        elif not native:
            native = name
    return native or foreign


def from_geonames(source: str) -> bool:
    """True when a place's primary names came from GeoNames (its first source is GeoNames)."""
    return source.split("; ", 1)[0].startswith(_GEONAMES)


def preferred_arabic(keep_ar: str, keep_source: str, other_ar: str, other_source: str) -> str:
    """The Arabic name of two merged entries: a name checked by people (curated, OCHA, Open-Syria,
    an analyst's import: any source but GeoNames) over a GeoNames one.

    ``keep_*`` is the entry whose primary names win otherwise (the earlier source); the name not
    chosen stays among the merged entry's alternates.
    """
    if other_ar and from_geonames(keep_source) and not from_geonames(other_source):
        return other_ar
    return keep_ar or other_ar


def latin_label(name: str) -> str:
    """``name`` without diacritics, as map labels show it ("Ḩamāh" → "Hamah")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
