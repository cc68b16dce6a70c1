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

:func:`load_gold` resolves the references against the shared directory and
checks hashes, surface strings and vocabularies; :func:`load_idrisi` reads the
IDRISI-D benchmark into the same :class:`GoldDoc` shape.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GazetteerDataError, GazetteerError

__all__ = [
    "MENTION_CLASSES",
    "NOT_PLACE_KINDS",
    "NO_INCIDENT_KINDS",
    "GoldContainer",
    "GoldDoc",
    "GoldDriftError",
    "GoldFormatError",
    "GoldIncident",
    "GoldMention",
    "GoldNoIncident",
    "GoldNotPlace",
    "SharedDataMissing",
    "default_shared_dir",
    "find_spans",
    "load_gold",
    "load_idrisi",
    "make_record",
    "passage_hash",
]


class GoldFormatError(GazetteerDataError):
    """Raised when a gold line is malformed: bad JSON, missing fields, offsets that do not fit the text."""


class GoldDriftError(GazetteerDataError):
    """Raised when a referenced passage no longer hashes to the recorded sha256 (the shared text changed)."""


class SharedDataMissing(GazetteerError):
    """Raised when the shared directory, or a file a gold line refers to, does not exist."""


#: Per-mention class tags (issue 12's error classes), with what each means.
MENTION_CLASSES = {
    "unknown_village": "a village or town the gazetteer is not expected to know; has a container",
    "latin_variant": "a Latin spelling that is not the gazetteer's usual one (Saraqeb, Khan Shaykhoun)",
    "misspelling": "a one-letter slip of the usual spelling («غرب سعيد», Saraqip)",
    "nested": "the inner place of a nested phrase (the X neighbourhood of Idlib city); has a container",
    "road_segment": "a road named by the cities it joins; the point lies on the segment",
    "city_default": "a bare name that is both a city and its governorate, read as the city",
    "governorate_cue": "a governorate named with a cue (Idlib province, «محافظة إدلب»)",
    "homonym": "a name that other places in Syria also bear; the context decides",
}
#: Kinds of ``not_places`` spans: names that hold a place word but are not a place.
NOT_PLACE_KINDS = {
    "group": "an armed group (Hay'at Tahrir al-Sham, «أحرار الشام»)",
    "organisation": "an organisation or outlet (Syrian Arab Red Crescent, Aleppo Media Center)",
    "time_zone": "a clock time (Damascus time, «بتوقيت دمشق»)",
    "generic_head": "a generic head word alone (khan, deir, tal, «عين»)",
}
#: Kinds of ``no_incident_sentences``: sentences that report no new incident.
NO_INCIDENT_KINDS = {
    "headline": "a headline repeating the lead's event",
    "agreement": "an agreement, ceasefire or de-escalation zone",
    "statistics": "summary statistics over many events",
    "background": "other background: a past event recalled, a denial, methodology",
}
GENRES = ("narrative", "report", "caption")
ORIGINS = ("corpus", "written")


@dataclass(frozen=True, slots=True)
class GoldContainer:
    """The area a gold place lies in: all of it within ``radius_km`` of its point.

    ``start``/``end`` locate its name in the passage (``text == passage[start:end]``),
    None when the text does not name it beside the place; ``text`` is then a label.
    """

    text: str
    lat: float
    lon: float
    radius_km: float
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class GoldMention:
    """An annotated toponym: ``text == passage[start:end]``; lat/lon None when it has no point.

    ``in_gazetteer`` is False for a place the gazetteer is not expected to know, None
    when the annotator made no claim.
    """

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    type: str = ""
    note: str = ""
    classes: tuple[str, ...] = ()
    in_gazetteer: bool | None = None
    container: GoldContainer | None = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldIncident:
    """An annotated event: the sentence it is reported in (by start offset), its ACLED types and place.

    ``place`` is the start offset of the gold mention naming where it happened; the
    other optional fields are None when the text does not state them.
    """

    sentence_start: int
    event_type: str
    sub_event_type: str
    lat: float | None
    lon: float | None
    note: str = ""
    place: int | None = None
    geo_precision: int | None = None
    date: dt.date | None = None
    fatalities: int | None = None
    injuries: int | None = None


@dataclass(frozen=True, slots=True)
class GoldNotPlace:
    """A span holding a place word that is no place (``kind`` in :data:`NOT_PLACE_KINDS`)."""

    start: int
    end: int
    text: str
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldNoIncident:
    """A sentence, by its span, that reports no incident (``kind`` in :data:`NO_INCIDENT_KINDS`)."""

    start: int
    end: int
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold passage with its text (loaded from the shared directory unless written by us)."""

    id: str
    text: str
    language: str
    published: dt.date | None
    mentions: tuple[GoldMention, ...]
    incidents: tuple[GoldIncident, ...] = ()
    origin: str = "corpus"
    genre: str = ""
    not_places: tuple[GoldNotPlace, ...] = ()
    no_incident: tuple[GoldNoIncident, ...] = ()


def default_shared_dir() -> Path:
    """The ``shared`` folder beside the repository root (``<repo>/../shared``)."""
    return Path(__file__).resolve().parents[2].parent / "shared"


def passage_hash(text: str) -> str:
    """The sha256 hex digest of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- reading ------------------------------------------------------------------------------------------


class _TextSource:
    """Reads documents: written ones from the line, referenced ones from the shared dir (corpora cached)."""

    def __init__(self, shared_dir: Path) -> None:
        self.shared_dir = shared_dir
        self._corpora: dict[str, dict[tuple[str, str], str]] = {}

    def _file(self, rel: str) -> Path:
        # Checked here, not up front: a file of written lines needs no shared dir.
        if not self.shared_dir.is_dir():
            raise SharedDataMissing(f"shared directory not found: {self.shared_dir}")
        path = self.shared_dir / rel
        if not path.is_file():
            raise SharedDataMissing(f"{rel} not found under {self.shared_dir}")
        return path

    def text(self, doc: dict[str, Any]) -> str:
        if "text" in doc:
            if not isinstance(doc["text"], str) or not doc.get("id"):
                raise KeyError("a written doc needs a string 'text' and an 'id'")
            return doc["text"]
        if "file" in doc:
            return self._file(doc["file"]).read_text(encoding="utf-8")
        if "corpus" in doc and "path" in doc:
            corpus = self._corpora.get(doc["corpus"])
            if corpus is None:
                corpus = {}
                with self._file(doc["corpus"]).open(encoding="utf-8") as fh:
                    for line in fh:
                        if line.strip():
                            rec = json.loads(line)
                            corpus[(rec.get("path", ""), rec.get("lang", ""))] = rec["text"]
                self._corpora[doc["corpus"]] = corpus
            key = (doc["path"], doc.get("lang", ""))
            if key not in corpus:
                raise SharedDataMissing(f"no record {key} in {doc['corpus']}")
            return corpus[key]
        raise KeyError("doc needs 'text' + 'id', 'file', or 'corpus' + 'path'")


def _check_disjoint(spans: Sequence[tuple[int, int, str]], where: str) -> None:
    """Raise :class:`GoldFormatError` when two (sorted) gold spans overlap: the gold is flat."""
    for (s0, e0, t0), (s1, _e1, t1) in zip(spans, spans[1:], strict=False):
        if s1 < e0:
            raise GoldFormatError(f"{where}: gold mentions {t0!r}@{s0} and {t1!r}@{s1} overlap")


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
    _check_disjoint(sorted((m.start, m.end, m.text) for m in mentions), where)
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
    source = _TextSource(Path(shared_dir) if shared_dir is not None else default_shared_dir())
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


def load_idrisi(path: str | Path, *, limit: int | None = None) -> list[GoldDoc]:
    """Read IDRISI-D JSON Lines (``text``, ``location_mentions``) as gold docs.

    The benchmark lists some mentions twice (same span, e.g. once per
    keyword); they are deduplicated by span.  Raises
    :class:`SharedDataMissing` when ``path`` does not exist and
    :class:`GoldFormatError` on a malformed line.
    """
    path = Path(path)
    if not path.is_file():
        raise SharedDataMissing(f"IDRISI-D file not found: {path}")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                seen: dict[tuple[int, int], GoldMention] = {}
                for m in rec.get("location_mentions", ()):
                    span = (int(m["start"]), int(m["end"]))
                    if span not in seen and text[span[0] : span[1]]:
                        seen[span] = GoldMention(
                            span[0],
                            span[1],
                            text[span[0] : span[1]],
                            _opt_float(m.get("lat")),
                            _opt_float(m.get("lon")),
                            m.get("type", ""),
                        )
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{lineno}: {exc}") from exc
            docs.append(
                GoldDoc(
                    id=str(rec.get("tweet_id", lineno)),
                    text=text,
                    language="ar",
                    published=None,
                    mentions=tuple(sorted(seen.values(), key=lambda m: (m.start, m.end))),
                )
            )
            if limit is not None and len(docs) >= limit:
                break
    return docs


# -- annotation tooling -------------------------------------------------------------------------------

# Proclitics a toponym may carry in Arabic text; they stay outside the gold span.
_PROCLITIC_RE = re.compile(r"^(?:#|[وف]?(?:لل|[بلك])?|[وف]?[لب]ـ)$")


def find_spans(text: str, surface: str) -> list[tuple[int, int]]:
    """Every occurrence of ``surface`` in ``text`` that starts and ends on a word boundary.

    A boundary at the start may be preceded by Arabic proclitics (و ف ب ل ك,
    a hashtag) glued to the word; at the end the next character must not be
    a letter or digit.  Used to compute exact offsets when annotating.
    """
    spans = []
    for m in re.finditer(re.escape(surface), text):
        start, end = m.span()
        if end < len(text) and (text[end].isalnum()):
            continue
        word_start = start
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "#ـ"):
            word_start -= 1
        if word_start != start and not _PROCLITIC_RE.match(text[word_start:start]):
            continue
        spans.append((start, end))
    return spans


def _pick_spans(text: str, surface: str, picks: Sequence[int] | None, what: str) -> list[tuple[int, int]]:
    found = find_spans(text, surface)
    chosen = found if picks is None else [found[i] for i in picks if i < len(found)]
    if not chosen or (picks is not None and len(chosen) != len(picks)):
        raise GoldFormatError(f"{what} {surface!r} not found (found {len(found)})")
    return chosen


def _container_entry(c: dict[str, Any], text: str, after: int) -> dict[str, Any]:
    """A container's line entry: its span is the first occurrence of its surface from ``after`` on
    (else the last one before), or none when ``named`` is False."""
    entry: dict[str, Any] = {"text": c["text"]}
    if c.get("named", True):
        found = find_spans(text, c["text"])
        if not found:
            raise GoldFormatError(f"container {c['text']!r} not found")
        start, end = next((s for s in found if s[0] >= after), found[-1])
        entry = {"start": start, "end": end, "text": text[start:end]}
    entry.update(lat=c["lat"], lon=c["lon"], radius_km=c["radius_km"])
    return entry


def make_record(
    doc: dict[str, Any],
    text: str,
    *,
    span: tuple[int, int] | None,
    language: str,
    published: str | None,
    mentions: Iterable[dict[str, Any]],
    incidents: Iterable[dict[str, Any]] = (),
    genre: str | None = None,
    not_places: Iterable[dict[str, Any]] = (),
    no_incident_sentences: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """Build one gold line for the passage ``text`` (already cut to ``span``).

    ``doc`` is a reference (``file`` or ``corpus`` + ``path``) or, for a text we
    wrote, ``{"id": ..., "text": text}``; the line's ``origin`` follows from it.
    Each mention dict carries ``text`` (the surface to find), ``lat``, ``lon``,
    ``type``, optional ``note``, ``classes``, ``in_gazetteer``, ``container``
    (``text``, ``lat``, ``lon``, ``radius_km``, ``named``: False when the text does
    not name it; its span is the first occurrence from the mention on) and
    ``occurrences`` (indexes into :func:`find_spans`' result; all when omitted).
    Each incident dict carries ``sentence`` (a substring that starts the
    sentence), the ACLED types and point, and optionally ``place`` (the surface of
    the gold mention naming where it happened: its first occurrence from the
    sentence on, else its last before; ``place_occurrence`` picks one by index),
    ``geo_precision``, ``date``,
    ``fatalities``, ``injuries``, ``note``.  ``not_places`` dicts carry ``text``,
    ``kind`` and optional ``occurrences``/``note``; ``no_incident_sentences`` dicts
    carry the whole ``sentence``, ``kind`` and optional ``note``.  Raises
    :class:`GoldFormatError` when a surface or sentence is not found, so offsets
    are exact by construction.
    """
    out_mentions = []
    for m in mentions:
        for start, end in _pick_spans(text, m["text"], m.get("occurrences"), "mention"):
            entry: dict[str, Any] = {
                "start": start,
                "end": end,
                "text": text[start:end],
                "lat": m["lat"],
                "lon": m["lon"],
                "type": m["type"],
            }
            for key in ("note", "classes"):
                if m.get(key):
                    entry[key] = m[key]
            if m.get("in_gazetteer") is not None:
                entry["in_gazetteer"] = m["in_gazetteer"]
            if m.get("container"):
                entry["container"] = _container_entry(m["container"], text, end)
            out_mentions.append(entry)
    _check_disjoint(sorted((e["start"], e["end"], e["text"]) for e in out_mentions), "make_record")
    starts = sorted(e["start"] for e in out_mentions)
    out_incidents = []
    for inc in incidents:
        pos = text.find(inc["sentence"])
        if pos < 0:
            raise GoldFormatError(f"incident sentence {inc['sentence']!r} not found")
        entry = {
            "sentence_start": pos,
            "event_type": inc["event_type"],
            "sub_event_type": inc["sub_event_type"],
            "lat": inc["lat"],
            "lon": inc["lon"],
        }
        if inc.get("place"):
            named = [s for s, _ in find_spans(text, inc["place"]) if s in starts]
            if "place_occurrence" in inc:
                named = named[inc["place_occurrence"] :][:1]
            place = next((s for s in named if s >= pos), named[-1] if named else None)
            if place is None:
                raise GoldFormatError(f"incident place {inc['place']!r} is no gold mention")
            entry["place"] = place
        for key in ("geo_precision", "date", "fatalities", "injuries", "note"):
            if inc.get(key) is not None and inc.get(key) != "":
                entry[key] = inc[key]
        out_incidents.append(entry)
    out_not_places = []
    for n in not_places:
        for start, end in _pick_spans(text, n["text"], n.get("occurrences"), "not-place span"):
            entry = {"start": start, "end": end, "text": text[start:end], "kind": n["kind"]}
            if n.get("note"):
                entry["note"] = n["note"]
            out_not_places.append(entry)
    out_quiet = []
    for s in no_incident_sentences:
        pos = text.find(s["sentence"])
        if pos < 0:
            raise GoldFormatError(f"no-incident sentence {s['sentence']!r} not found")
        entry = {"start": pos, "end": pos + len(s["sentence"]), "kind": s["kind"]}
        if s.get("note"):
            entry["note"] = s["note"]
        out_quiet.append(entry)
    record: dict[str, Any] = {"doc": doc, "origin": "written" if "text" in doc else "corpus"}
    if genre:
        record["genre"] = genre
    if span:
        record["span"] = list(span)
    record.update(
        sha256=passage_hash(text),
        language=language,
        published=published,
        mentions=sorted(out_mentions, key=lambda e: e["start"]),
        incidents=out_incidents,
    )
    if out_not_places:
        record["not_places"] = sorted(out_not_places, key=lambda e: e["start"])
    if out_quiet:
        record["no_incident_sentences"] = sorted(out_quiet, key=lambda e: e["start"])
    return record
