"""The names the build gives places: typed forms («حي X», "X neighbourhood"), and which alternates to keep.

Used for every source of the bundled gazetteer (:mod:`gazetteer.places.geonames_cities`,
:mod:`gazetteer.places.derive`, :mod:`gazetteer.places.build`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from .normalize import is_arabic
from .place import PlaceType

__all__ = ["TYPE_WORDS", "cued", "keep_alternate", "split_names"]

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
    """The first Arabic-script alternate, and every alternate :func:`keep_alternate` keeps, deduplicated."""
    name_ar = ""
    alts: list[str] = []
    seen = {primary}
    for alt in alternates:
        alt = alt.strip()
        if alt in seen or not keep_alternate(alt):
            continue
        script = _script(alt)
        seen.add(alt)
        if not name_ar and script == "arabic":
            name_ar = alt
            continue
        alts.append(alt)
    return name_ar, tuple(alts)
