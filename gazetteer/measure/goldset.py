"""Gold-standard geoparsing annotations: the gold JSON Lines format, its reader and annotation tools.

Texts from ``../shared`` may not be redistributed, so a gold line taken from them stores a
*reference* to its text plus our own annotations, never the text itself; a line we wrote
ourselves carries its text::

    {"doc": {"file": "samples/x.ar.txt"}                      # a file under the shared dir
         or {"corpus": "corpus/x.jsonl", "path": "...", "lang": "ar"},  # a record of a corpus
         or {"id": "written/en-001", "text": "..."},           # a text written by us
     "origin": "corpus" | "written",  # optional in old files: inferred from the doc's shape
     "genre": "narrative" | "report" | "caption",   # optional: one-paragraph incident narrative,
                                      # investigation-report passage, one-line video caption
     "span": [start, end],            # optional: a passage of the document (character offsets)
     "sha256": "...",                 # of the passage text, to detect drift
     "language": "ar", "published": "2020-09-20",
     "mentions": [{"start", "end", "text", "lat", "lon", "type", "note"?,
                   "classes"?: ["latin_variant", ...],      # see MENTION_CLASSES
                   "in_gazetteer"?: false,                   # the gazetteer is not expected to know it
                   "container"?: {"start"?, "end"?, "text", "lat", "lon", "radius_km"}}],
     "incidents": [{"sentence_start", "event_type", "sub_event_type", "lat", "lon", "note"?,
                    "place"?: start of the gold mention naming where it happened,
                    "geo_precision"?: 1 | 2 | 3, "date"?: "2020-09-20",
                    "fatalities"?: int, "injuries"?: int}],
     "not_places": [{"start", "end", "text", "kind", "note"?}],   # see NOT_PLACE_KINDS
     "no_incident_sentences": [{"start", "end", "kind", "note"?}]}  # see NO_INCIDENT_KINDS

Offsets are relative to the passage.  ``lat``/``lon`` may be null for a
toponym with no meaningful point (a country, a village found in no source):
it counts for recognition, not for resolution.  A mention's ``container`` is
the area it lies in, named with it («قرية … في ريف إدلب», "the X
neighbourhood of Idlib city"): its span when the text names it, a point, and
the radius around that point within which the whole container lies.  An
incident's ``geo_precision`` follows ACLED: 1 the place itself, 2 near it or
part of it (or the container of an inner place found in no source), 3 only a
district or governorate.  ``date``, ``fatalities`` and ``injuries`` are given
only when the passage states them.  A predicted place overlapping a
``not_places`` span is a false place; a predicted incident in a
``no_incident_sentences`` sentence (a headline repeating the lead, a
background sentence) is a false incident.

:func:`load_gold` resolves the references against the shared directory
(:mod:`gazetteer.measure.sharedtexts`) and checks hashes, surface strings and
vocabularies, returning the records of :mod:`gazetteer.measure.goldrecords`.
:func:`load_idrisi` (from :mod:`gazetteer.measure.idrisi`) reads the IDRISI-D
benchmark into the same :class:`GoldDoc` shape; it is exported here too, so that
every gold set is read from this module.  :mod:`gazetteer.measure.annotate` writes
gold lines.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .goldrecords import (
    GENRES,
    MENTION_CLASSES,
    NO_INCIDENT_KINDS,
    NOT_PLACE_KINDS,
    GoldContainer,
    GoldDoc,
    GoldDriftError,
    GoldFormatError,
    GoldIncident,
    GoldMention,
    GoldNoIncident,
    GoldNotPlace,
    check_disjoint,
    passage_hash,
)
from .idrisi import load_idrisi
from .sharedtexts import SharedTexts, default_shared_dir

__all__ = ["load_gold", "load_idrisi"]


def _doc_id(doc: dict[str, Any], span: Sequence[int] | None) -> str:
    base = doc.get("id") or doc.get("file") or f"{doc.get('corpus')}#{doc.get('path')}"
    return f"{base}[{span[0]}:{span[1]}]" if span else base


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _span_of(item: dict[str, Any], text: str, what: str, where: str) -> tuple[int, int]:
    """The ``start``/``end`` of ``item``, checked against the passage (and its ``text`` when given)."""
    start, end = int(item["start"]), int(item["end"])
    if not 0 <= start < end <= len(text) or ("text" in item and text[start:end] != item["text"]):
        raise GoldFormatError(
            f"{where}: {what} {item.get('text')!r} at [{start}:{end}] does not match the text"
        )
    return start, end


def _one_of(value: str, allowed: Iterable[str], what: str, where: str) -> str:
    if value not in allowed:
        raise GoldFormatError(f"{where}: unknown {what} {value!r} (one of {', '.join(sorted(allowed))})")
    return value


def _container(c: dict[str, Any] | None, text: str, where: str) -> GoldContainer | None:
    if c is None:
        return None
    start = end = None
    if c.get("start") is not None:
        start, end = _span_of(c, text, "container", where)
    radius = float(c["radius_km"])
    if radius <= 0:
        raise GoldFormatError(f"{where}: container {c['text']!r} needs a positive radius_km")
    return GoldContainer(c["text"], float(c["lat"]), float(c["lon"]), radius, start, end)


def _mention(m: dict[str, Any], text: str, where: str) -> GoldMention:
    start, end = _span_of(m, text, "mention", where)
    classes = tuple(_one_of(c, MENTION_CLASSES, "mention class", where) for c in m.get("classes", ()))
    in_gazetteer = m.get("in_gazetteer")
    container = _container(m.get("container"), text, where)
    needs_container = {"unknown_village", "nested"} & set(classes)
    if needs_container and container is None:
        raise GoldFormatError(f"{where}: {m['text']!r} is {sorted(needs_container)} but has no container")
    if "unknown_village" in classes and in_gazetteer is not False:
        raise GoldFormatError(f"{where}: unknown_village {m['text']!r} needs in_gazetteer false")
    return GoldMention(
        start,
        end,
        m["text"],
        _opt_float(m.get("lat")),
        _opt_float(m.get("lon")),
        m.get("type", ""),
        m.get("note", ""),
        classes,
        None if in_gazetteer is None else bool(in_gazetteer),
        container,
    )


def _incident(i: dict[str, Any], text: str, mention_starts: set[int], where: str) -> GoldIncident:
    start = int(i["sentence_start"])
    if not 0 <= start < len(text):
        raise GoldFormatError(f"{where}: incident sentence_start {start} outside the passage")
    place = _opt_int(i.get("place"))
    if place is not None and place not in mention_starts:
        raise GoldFormatError(f"{where}: incident place {place} is the start of no gold mention")
    precision = _opt_int(i.get("geo_precision"))
    if precision not in (None, 1, 2, 3):
        raise GoldFormatError(f"{where}: geo_precision {precision} is not 1, 2 or 3")
    return GoldIncident(
        start,
        i["event_type"],
        i.get("sub_event_type", ""),
        _opt_float(i.get("lat")),
        _opt_float(i.get("lon")),
        i.get("note", ""),
        place,
        precision,
        dt.date.fromisoformat(i["date"]) if i.get("date") else None,
        _opt_int(i.get("fatalities")),
        _opt_int(i.get("injuries")),
    )


def _origin(rec: dict[str, Any], where: str) -> str:
    """The line's origin: stated, or inferred from the doc's shape (old lines do not state it)."""
    inferred = "written" if "text" in rec["doc"] else "corpus"
    stated = rec.get("origin", inferred)
    if stated != inferred:
        raise GoldFormatError(
            f"{where}: origin {stated!r} but the doc is {inferred} (text carried or referenced)"
        )
    return stated


def _parse_line(rec: dict[str, Any], text: str, where: str) -> GoldDoc:
    mentions = [_mention(m, text, where) for m in rec.get("mentions", ())]
    starts = {m.start for m in mentions}
    incidents = [_incident(i, text, starts, where) for i in rec.get("incidents", ())]
    check_disjoint(sorted((m.start, m.end, m.text) for m in mentions), where)
    not_places = []
    for n in rec.get("not_places", ()):
        start, end = _span_of(n, text, "not-place span", where)
        kind = _one_of(n["kind"], NOT_PLACE_KINDS, "not-place kind", where)
        not_places.append(GoldNotPlace(start, end, n["text"], kind, n.get("note", "")))
    quiet = []
    for s in rec.get("no_incident_sentences", ()):
        start, end = _span_of(s, text, "no-incident sentence", where)
        kind = _one_of(s["kind"], NO_INCIDENT_KINDS, "no-incident kind", where)
        quiet.append(GoldNoIncident(start, end, kind, s.get("note", "")))
    for n in not_places:
        if any(m.start < n.end and n.start < m.end for m in mentions):
            raise GoldFormatError(f"{where}: not-place span {n.text!r}@{n.start} overlaps a gold mention")
    for s in quiet:
        if any(s.start <= i.sentence_start < s.end for i in incidents):
            raise GoldFormatError(f"{where}: no-incident sentence @{s.start} holds a gold incident")
    genre = rec.get("genre", "")
    if genre:
        _one_of(genre, GENRES, "genre", where)
    published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
    return GoldDoc(
        id=_doc_id(rec["doc"], rec.get("span")),
        text=text,
        language=rec.get("language", ""),
        published=published,
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        incidents=tuple(incidents),
        origin=_origin(rec, where),
        genre=genre,
        not_places=tuple(sorted(not_places, key=lambda n: n.start)),
        no_incident=tuple(sorted(quiet, key=lambda s: s.start)),
    )


def load_gold(path: str | Path, shared_dir: str | Path | None = None) -> list[GoldDoc]:
    """Read a gold JSON Lines file; take each passage's text from the line or from ``shared_dir``.

    ``shared_dir`` defaults to :func:`default_shared_dir`; only lines that reference
    shared texts need it.  Raises :class:`SharedDataMissing` when the directory or a
    referenced file is absent, :class:`GoldDriftError` when a passage's hash differs
    from the recorded one, and :class:`GoldFormatError` for malformed lines: spans
    whose ``text`` is not the passage's text at their offsets, unknown classes or
    kinds, an origin that contradicts the doc, an incident ``place`` that starts no
    gold mention.
    """
    path = Path(path)
    source = SharedTexts(Path(shared_dir) if shared_dir is not None else default_shared_dir())
    docs = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                text = source.text(rec["doc"])
                if rec.get("span"):
                    start, end = rec["span"]
                    text = text[start:end]
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{where}: {exc}") from exc
            if rec.get("sha256") and passage_hash(text) != rec["sha256"]:
                changed = "the written text was edited" if "text" in rec["doc"] else "the shared text changed"
                raise GoldDriftError(f"{where}: passage hash differs; {changed}")
            try:
                docs.append(_parse_line(rec, text, where))
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{where}: {exc}") from exc
    return docs
