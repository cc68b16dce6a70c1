"""Helpers shared by the importers: text decoding, numbers, governorate parents."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ...errors import GazetteerDataError, ImportFormatError
from ..curated import load_curated
from ..geonames_cities import GEONAMES_ADMIN1
from ..normalize import normalize_name
from ..place import AdminRef, PlaceType


def read_text(path: Path) -> str:
    """The file decoded as UTF-8 (a BOM is dropped), falling back to Windows-1256 (Arabic)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(f"{path}: cannot read: {exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256")


def csv_rows(
    text: str, path: Path, *, delimiter: str = ",", require_header: bool = False
) -> Iterator[tuple[dict[str, str | None], str]]:
    """(row, "file:line") for each row of CSV ``text`` read from ``path``.

    Raises :class:`ImportFormatError` when the text is not CSV (binary data, a
    stray quote) or, with ``require_header``, when it has no header line.
    """
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        if require_header and not reader.fieldnames:
            raise ImportFormatError(f"{path}: empty CSV (no header)")
        for i, row in enumerate(reader, 2):
            yield row, f"{path.name}:{i}"
    except csv.Error as exc:
        raise ImportFormatError(f"{path}: not readable as CSV: {exc}") from exc


def to_float(value: object, where: str, field: str) -> float:
    """``value`` as a float; raises :class:`ImportFormatError` naming ``where`` and ``field``."""
    try:
        number = float(str(value).strip())
    except (TypeError, ValueError):
        raise ImportFormatError(f"{where}: {field} is not a number: {value!r}") from None
    if number != number:  # NaN
        raise ImportFormatError(f"{where}: {field} is not a number: {value!r}")
    return number


def to_int(value: object) -> int:
    """``value`` as a non-negative int, 0 when empty or unreadable."""
    try:
        return max(0, int(float(str(value).strip() or 0)))
    except ValueError:
        return 0


def slug(text: str) -> str:
    """A lowercase ASCII-or-Arabic id fragment: runs of other characters become hyphens."""
    return re.sub(r"[^0-9a-z\u0600-\u06ff]+", "-", text.casefold()).strip("-")


@cache
def _governorates() -> dict[str, AdminRef]:
    refs: dict[str, AdminRef] = {}
    try:
        curated = [p for p in load_curated() if p.type == PlaceType.GOVERNORATE]
    except GazetteerDataError:
        curated = []
    for p in curated:
        ref = AdminRef(1, p.name, p.name_ar, p.pcode)
        for name in (*p.names, p.pcode):
            key = normalize_name(name)
            refs.setdefault(key, ref)
            refs.setdefault(key.removesuffix(" governorate"), ref)
    for pcode, name in GEONAMES_ADMIN1.values():
        refs.setdefault(normalize_name(name), AdminRef(1, f"{name} Governorate", "", pcode))
        refs.setdefault(pcode.casefold(), AdminRef(1, f"{name} Governorate", "", pcode))
    return refs


def governorate_ref(value: str) -> AdminRef | None:
    """The governorate called ``value`` (English, Arabic, P-code or an ``sy-<name>`` slug), if known."""
    value = value.strip()
    if not value:
        return None
    # "sy-deir-ez-zor": keep the hyphens so "ez-" is read as an article, as in "Deir ez-Zor".
    bare = re.sub(r"^sy-", "", value)
    candidates = [value, bare, bare.replace("-", " ")]
    for candidate in candidates:
        ref = _governorates().get(normalize_name(candidate))
        if ref is not None:
            return ref
    return None
