"""The project's own curation: ``gazetteer/data/curated/*.yaml``, read as places (ids ``cur:<slug>``).

Curated entries come first in the bundled gazetteer, so that the project's
curation wins over every other source (:func:`gazetteer.places.build.build_default`).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from ..errors import GazetteerDataError
from .normalize import normalize_name
from .place import AdminRef, Place, PlaceType

__all__ = ["CURATED_LICENCE", "curated_files", "load_curated", "read_yaml"]

CURATED_LICENCE = "CC BY 4.0, this project"


def curated_files() -> list[Traversable]:
    """The curated YAML files shipped in ``gazetteer/data/curated``, sorted by name."""
    folder = resources.files("gazetteer").joinpath("data", "curated")
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def read_yaml(file: Traversable | Path) -> Any:
    """The YAML document in ``file``; raises :class:`GazetteerDataError` naming the file if it is not YAML."""
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GazetteerDataError(f"{file.name}: not valid YAML: {exc}") from exc


class _AdminTable:
    """Curated governorates and districts, found by any of their names."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.governorates: dict[str, dict[str, Any]] = {}
        self.by_pcode: dict[str, dict[str, Any]] = {}
        self.districts: dict[str, list[dict[str, Any]]] = {}
        for e in entries:
            if e.get("type") not in ("governorate", "district"):
                continue
            if e.get("pcode"):
                self.by_pcode[e["pcode"]] = e
            for key in self._keys(e):
                if e["type"] == "governorate":
                    self.governorates.setdefault(key, e)
                else:
                    self.districts.setdefault(key, []).append(e)

    @staticmethod
    def _keys(entry: dict[str, Any]) -> set[str]:
        names = [entry.get("name", ""), entry.get("name_ar", ""), *(entry.get("alt_names") or [])]
        keys = {normalize_name(str(n)) for n in names if n}
        for suffix in (" governorate", " district"):
            keys |= {k.removesuffix(suffix) for k in keys}
        return keys - {""}

    @staticmethod
    def ref(level: int, entry: dict[str, Any]) -> AdminRef:
        return AdminRef(level, str(entry["name"]), str(entry.get("name_ar", "")), str(entry.get("pcode", "")))

    def governorate(self, name: str) -> dict[str, Any] | None:
        return self.governorates.get(normalize_name(name))

    def district(self, name: str, governorate: dict[str, Any] | None) -> dict[str, Any] | None:
        found = self.districts.get(normalize_name(name), [])
        if governorate is not None and governorate.get("pcode"):
            inside = [d for d in found if str(d.get("pcode", "")).startswith(governorate["pcode"])]
            found = inside or found
        return found[0] if found else None


def _curated_place(entry: dict[str, Any], admin: _AdminTable, where: str) -> Place:
    try:
        ptype = PlaceType(entry["type"])
        parents: list[AdminRef] = []
        gov = admin.governorate(str(entry["governorate"])) if entry.get("governorate") else None
        if entry.get("governorate") and gov is None:
            raise GazetteerDataError(f"{where}: unknown governorate {entry['governorate']!r}")
        if gov is not None and gov is not entry:
            parents.append(admin.ref(1, gov))
        if entry.get("district"):
            dist = admin.district(str(entry["district"]), gov)
            if dist is None:
                raise GazetteerDataError(f"{where}: unknown district {entry['district']!r}")
            if dist is not entry:
                parents.append(admin.ref(2, dist))
        if ptype == PlaceType.DISTRICT and not parents and entry.get("pcode"):
            gov = admin.by_pcode.get(str(entry["pcode"])[:4])
            if gov is not None:
                parents.append(admin.ref(1, gov))
        geometry = None
        if entry.get("line"):
            geometry = {
                "type": "LineString",
                "coordinates": [[float(lon), float(lat)] for lat, lon in entry["line"]],
            }
        return Place(
            id=f"cur:{entry['id']}",
            name=str(entry["name"]),
            name_ar=str(entry.get("name_ar") or ""),
            type=ptype,
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            country=str(entry.get("country") or "SY"),
            alt_names=tuple(str(a) for a in entry.get("alt_names") or ()),
            parents=tuple(parents),
            pcode=str(entry.get("pcode") or ""),
            code=str(entry.get("code") or ""),
            population=int(entry.get("population") or 0),
            geometry=geometry,
            source=str(entry.get("source") or "Project curation"),
            licence=CURATED_LICENCE,
        )
    except GazetteerDataError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise GazetteerDataError(f"{where}: bad curated entry: {exc!r}") from exc


def load_curated(files: Iterable[Traversable | Path] | None = None) -> list[Place]:
    """Places from curated YAML files (default: the bundled ones).

    Each file is a YAML list of entries (schema in the module docs of
    ``data/curated``); ``governorate``/``district`` names are resolved
    against the curated governorates and districts of *all* files.
    Raises :class:`GazetteerDataError` naming the file and entry at fault.
    """
    loaded: list[tuple[str, dict[str, Any]]] = []
    for file in curated_files() if files is None else files:
        data = read_yaml(file) or []
        if not isinstance(data, list):
            raise GazetteerDataError(f"{file.name}: expected a list of entries")
        for i, entry in enumerate(data):
            if not isinstance(entry, dict):
                raise GazetteerDataError(f"{file.name}: entry {i} is not a mapping")
            loaded.append((f"{file.name}: entry {entry.get('id', i)!r}", entry))
    admin = _AdminTable([e for _, e in loaded])
    return [_curated_place(e, admin, where) for where, e in loaded]
