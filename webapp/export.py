"""Incident exports: ACLED-style CSV, GeoJSON and KML, produced chunk by chunk.

:func:`export_chunks` is what the download route and ``flask export`` call: it
streams the selected incidents from the database into a writer.  The writers
are pure functions over :class:`ExportRow` values, so any iterator of rows (a
streamed query of 100,000 incidents, or a list in a test) can be written
without holding the whole file in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flask import current_app
from sqlalchemy import Select, select

from gazetteer import Gazetteer

from .errors import NotFound
from .extensions import db, gazetteers
from .filters import Filters, filtered
from .models import Article, Incident, Sentence

#: ACLED's column names, in ACLED's order for the columns we have.
ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "fatalities",
)
#: ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month or less.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
#: A spreadsheet treats a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
KML_NS = "http://www.opengis.net/kml/2.2"
#: The UTF-8 byte-order mark opening the CSV file.
BOM = "\ufeff"
#: Characters XML 1.0 forbids even escaped (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F);
#: an uploaded text may carry a form feed, and one would make the whole KML file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: place_id → (admin2, admin3) names; the default knows none.
AdminLookup = Callable[[str | None], tuple[str, str]]


@dataclass(frozen=True, slots=True)
class ExportRow:
    """An incident with what the exports need from its sentence and article."""

    incident: Incident
    sentence: str
    source: str


def _no_admin(place_id: str | None) -> tuple[str, str]:
    return "", ""


def acled_record(row: ExportRow, admin: AdminLookup = _no_admin) -> dict[str, Any]:
    """One row as ACLED-named values (numbers stay numbers; missing values are "")."""
    inc = row.incident
    actors = list(inc.actors or [])
    admin2, admin3 = admin(inc.place_id)
    return {
        "event_date": inc.date.isoformat() if inc.date else "",
        "event_type": inc.event_type or "",
        "sub_event_type": inc.sub_event_type or "",
        "actor1": actors[0] if actors else "",
        "actor2": actors[1] if len(actors) > 1 else "",
        "admin1": inc.admin1 or "",
        "admin2": admin2,
        "admin3": admin3,
        "location": inc.place_name or inc.place_name_ar or inc.location_description or "",
        "latitude": inc.lat if inc.lat is not None else "",
        "longitude": inc.lon if inc.lon is not None else "",
        "geo_precision": inc.geo_precision if inc.geo_precision is not None else "",
        "time_precision": TIME_PRECISION.get(inc.date_precision or "", 3) if inc.date else "",
        "source": row.source,
        "notes": row.sentence,
        "fatalities": inc.fatalities if inc.fatalities is not None else 0,
    }


def defuse_formula(value: Any) -> Any:
    """A text cell starting with = + - @ (or tab/CR) gets a leading ``'`` so spreadsheets show it as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_chunks(
    rows: Iterable[ExportRow], admin: AdminLookup = _no_admin, *, batch: int = 500
) -> Iterator[str]:
    """The CSV file (byte-order mark and header first, CRLF rows) in chunks of about ``batch`` rows.

    The byte-order mark is how Excel knows the file is UTF-8; without it the Arabic is garbled.
    """
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: defuse_formula(v) for k, v in acled_record(row, admin).items()})
        n += 1
        if n % batch == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def geojson_feature(row: ExportRow, admin: AdminLookup = _no_admin) -> dict[str, Any]:
    """One incident as a GeoJSON Feature: its point (or line) with the ACLED fields as properties."""
    inc = row.incident
    geometry = inc.geometry or (
        {"type": "Point", "coordinates": [inc.lon, inc.lat]}
        if inc.lat is not None and inc.lon is not None
        else None
    )
    props = acled_record(row, admin)
    props["id"] = inc.id
    props["article_id"] = inc.article_id
    props["place_name_ar"] = inc.place_name_ar or ""
    return {"type": "Feature", "id": inc.id, "geometry": geometry, "properties": props}


def geojson_chunks(rows: Iterable[ExportRow], admin: AdminLookup = _no_admin) -> Iterator[str]:
    """A GeoJSON FeatureCollection, one feature per chunk (non-ASCII kept as UTF-8)."""
    yield '{"type": "FeatureCollection", "features": ['
    sep = "\n"
    for row in rows:
        yield sep + json.dumps(geojson_feature(row, admin), ensure_ascii=False)
        sep = ",\n"
    yield "\n]}\n"


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (ElementTree escapes the rest)."""
    return _NOT_XML.sub("", value)


def kml_placemark(row: ExportRow, admin: AdminLookup = _no_admin) -> ET.Element:
    """One incident as a KML Placemark (name, description = the sentence, ExtendedData, geometry)."""
    inc = row.incident
    record = acled_record(row, admin)
    pm = ET.Element("Placemark", id=f"incident-{inc.id}")
    ET.SubElement(pm, "name").text = xml_text(
        " — ".join(
            v for v in (record["event_date"], inc.sub_event_type or inc.event_type, record["location"]) if v
        )
    )
    ET.SubElement(pm, "description").text = xml_text(row.sentence)
    data = ET.SubElement(pm, "ExtendedData")
    for key in ACLED_COLUMNS:
        d = ET.SubElement(data, "Data", name=key)
        ET.SubElement(d, "value").text = xml_text(str(record[key]))
    geometry = kml_geometry(inc)
    if geometry is not None:
        pm.append(geometry)
    return pm


def _kml_line(coordinates: list[list[float]]) -> ET.Element:
    line = ET.Element("LineString")
    ET.SubElement(line, "tessellate").text = "1"
    ET.SubElement(line, "coordinates").text = " ".join(f"{lon},{lat}" for lon, lat, *_ in coordinates)
    return line


def kml_geometry(inc: Incident) -> ET.Element | None:
    """The incident's KML geometry: its line (a LineString, or a MultiGeometry of them) when it is on
    a road, else its Point; None when it has no location."""
    geometry = inc.geometry or {}
    if geometry.get("type") == "LineString":
        return _kml_line(geometry["coordinates"])
    if geometry.get("type") == "MultiLineString":
        multi = ET.Element("MultiGeometry")
        for part in geometry["coordinates"]:
            multi.append(_kml_line(part))
        return multi
    if inc.lat is None or inc.lon is None:
        return None
    point = ET.Element("Point")
    ET.SubElement(point, "coordinates").text = f"{inc.lon},{inc.lat}"
    return point


def kml_chunks(
    rows: Iterable[ExportRow], admin: AdminLookup = _no_admin, *, name: str = "Incidents"
) -> Iterator[str]:
    """A KML 2.2 document; every text goes through ElementTree, so it is escaped."""
    head = ET.Element("name")
    head.text = name
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<kml xmlns="{KML_NS}"><Document>' + ET.tostring(head, encoding="unicode") + "\n"
    )
    for row in rows:
        yield ET.tostring(kml_placemark(row, admin), encoding="unicode") + "\n"
    yield "</Document></kml>\n"


#: Rows fetched from the database per round trip while streaming.
YIELD_PER = 1000

FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_chunks),
    "geojson": ("application/geo+json; charset=utf-8", geojson_chunks),
    "kml": ("application/vnd.google-earth.kml+xml; charset=utf-8", kml_chunks),
}


def export_statement(flt: Filters) -> Select:
    """Incidents matching ``flt`` with their sentence text and article source, oldest first and the
    undated last (SQLite would put them first)."""
    stmt = (
        select(Incident, Sentence.text, Article.source_name, Article.source_url)
        .join(Article, Incident.article_id == Article.id)
        .outerjoin(Sentence, Incident.sentence_id == Sentence.id)
        .order_by(Incident.date.asc().nulls_last(), Incident.id)
    )
    return filtered(stmt, flt)


def export_rows(flt: Filters) -> Iterator[ExportRow]:
    """Matching incidents streamed from the database ``YIELD_PER`` at a time."""
    result = db.session.execute(export_statement(flt).execution_options(yield_per=YIELD_PER))
    for inc, sentence, source_name, source_url in result:
        yield ExportRow(inc, sentence or "", source_name or source_url or "")
        # The session would otherwise keep every streamed incident alive.
        db.session.expunge(inc)


def admin_lookup(gaz: Gazetteer) -> AdminLookup:
    """admin2/admin3 names of a place from the gazetteer's parents (empty when unknown)."""

    @lru_cache(maxsize=4096)
    def lookup(place_id: str | None) -> tuple[str, str]:
        if not place_id or place_id not in gaz:
            return "", ""
        place = gaz.get(place_id)
        names = []
        for level in (2, 3):
            parent = place.parent(level)
            names.append(parent.name if parent is not None else "")
        return names[0], names[1]

    return lookup


def export_chunks(fmt: str, flt: Filters) -> Iterator[str]:
    """The incidents selected by ``flt`` written as ``fmt`` (a key of :data:`FORMATS`), chunk by chunk.

    The download route and ``flask export`` both call this, so they select and
    write the same rows.  Raises :class:`webapp.errors.NotFound` for an unknown format.
    """
    if fmt not in FORMATS:
        raise NotFound.resource("export_format", fmt)
    writer = FORMATS[fmt][1]
    admin = admin_lookup(gazetteers.get(current_app._get_current_object()))  # type: ignore[attr-defined]
    return writer(export_rows(flt), admin)


def export_filename(fmt: str) -> str:
    """The default file name of an export made today."""
    return f"incidents-{dt.date.today().isoformat()}.{fmt}"
