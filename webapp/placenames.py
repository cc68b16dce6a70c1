"""Governorate names in the interface language, from the gazetteer.

Incidents store their governorate (``admin1``) in English, as the gazetteer named it when they
were ingested ("Idlib", "Idlib Governorate").  The gazetteer knows each governorate's Arabic
name twice over: on its governorate places, and on the admin parents of every place in one.
"""

from __future__ import annotations

import weakref

from gazetteer import Gazetteer, PlaceType, normalize_name

from .extensions import gazetteers

#: The word a governorate's English name may carry ("Idlib Governorate"), dropped from keys.
_GOVERNORATE_WORD = " governorate"
#: Gazetteer → normalised governorate name → Arabic name, built on first use.
_ARABIC: weakref.WeakKeyDictionary[Gazetteer, dict[str, str]] = weakref.WeakKeyDictionary()


def _key(name: str) -> str:
    key = normalize_name(name)
    return key.removesuffix(_GOVERNORATE_WORD) if key.endswith(_GOVERNORATE_WORD) else key


def governorate_names_ar(gaz: Gazetteer) -> dict[str, str]:
    """Every name of every governorate ``gaz`` knows (normalised, without the word "governorate")
    → its Arabic name.  A governorate place's own Arabic name (curated or OCHA) wins over the
    one its children's admin parents carry."""
    names = _ARABIC.get(gaz)
    if names is not None:
        return names
    names = {}
    for place in gaz:
        for parent in place.parents:
            if parent.level == 1 and parent.name_ar:
                names.setdefault(_key(parent.name), parent.name_ar)
    for place in gaz:
        if place.type is PlaceType.GOVERNORATE and place.name_ar:
            names.update({_key(name): place.name_ar for name in place.names})
    names.pop("", None)
    _ARABIC[gaz] = names
    return names


def governorate_label(admin1: str | None, lang: str, *, gaz: Gazetteer | None = None) -> str:
    """``admin1`` as stored, or in Arabic when ``lang`` is ``ar`` and the gazetteer (``gaz``, by
    default the app's) knows its Arabic name."""
    if not admin1 or lang != "ar":
        return admin1 or ""
    return governorate_names_ar(gaz or gazetteers.get()).get(_key(admin1), admin1)
