"""Name search over the gazetteer for the search page: exact normalised matches, then prefixes."""

from __future__ import annotations

from gazetteer import Gazetteer, Place, normalize_name


def search_places(gazetteer: Gazetteer, query: str, *, limit: int = 50) -> list[Place]:
    """Places whose normalised name equals ``query`` (most populous first), then those it prefixes.

    Both sides go through :func:`gazetteer.normalize_name`, so «إدلب», «ادلب» and
    "Idleb" meet their entries.  Returns at most ``limit`` distinct places.
    """
    key = normalize_name(query)
    if not key:
        return []
    found: dict[str, Place] = {p.id: p for p in gazetteer.lookup(query)}
    if len(found) < limit:
        prefixed = [k for k in gazetteer.keys() if k.startswith(key) and k != key]
        extra = {p.id: p for k in sorted(prefixed, key=len) for p in gazetteer.lookup_key(k)}
        ranked = sorted(extra.values(), key=lambda p: (-p.population, p.name))
        for place in ranked:
            found.setdefault(place.id, place)
            if len(found) >= limit:
                break
    return list(found.values())[:limit]
