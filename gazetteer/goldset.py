"""Gold-standard geoparsing annotations: the gold JSON Lines format, its reader and annotation tools.

The texts we annotate may not be redistributed, so a gold line stores a
*reference* to its text plus our own annotations, never the text itself::

    {"doc": {"file": "samples/x.ar.txt"}                      # a file under the shared dir
         or {"corpus": "corpus/x.jsonl", "path": "...", "lang": "ar"},  # a record of a corpus
     "span": [start, end],            # optional: a passage of the document (character offsets)
     "sha256": "...",                 # of the passage text, to detect drift
     "language": "ar", "published": "2020-09-20",
     "mentions": [{"start", "end", "text", "lat", "lon", "type", "note"?}],
     "incidents": [{"sentence_start", "event_type", "sub_event_type", "lat", "lon", "note"?}]}

Offsets are relative to the passage.  ``lat``/``lon`` may be null for a
toponym with no meaningful point (a country): it counts for recognition, not
for resolution.  :func:`load_gold` resolves the references against the
shared directory and checks hashes and surface strings; :func:`load_idrisi`
reads the IDRISI-D benchmark into the same :class:`GoldDoc` shape.
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

from .errors import GazetteerDataError, GazetteerError

__all__ = [
    "GoldDoc",
    "GoldDriftError",
    "GoldFormatError",
    "GoldIncident",
    "GoldMention",
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


@dataclass(frozen=True, slots=True)
class GoldMention:
    """An annotated toponym: ``text == passage[start:end]``; lat/lon None when it has no point."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    type: str = ""
    note: str = ""

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldIncident:
    """An annotated event: the sentence it is reported in (by start offset), its ACLED types and place."""

    sentence_start: int
    event_type: str
    sub_event_type: str
    lat: float | None
    lon: float | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold passage with its text loaded from the shared directory."""

    id: str
    text: str
    language: str
    published: dt.date | None
    mentions: tuple[GoldMention, ...]
    incidents: tuple[GoldIncident, ...] = ()


def default_shared_dir() -> Path:
    """The ``shared`` folder beside the repository root (``<repo>/../shared``)."""
    return Path(__file__).resolve().parents[1].parent / "shared"


def passage_hash(text: str) -> str:
    """The sha256 hex digest of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- reading ------------------------------------------------------------------------------------------


class _TextSource:
    """Reads referenced documents from the shared dir, caching each corpus file once."""

    def __init__(self, shared_dir: Path) -> None:
        if not shared_dir.is_dir():
            raise SharedDataMissing(f"shared directory not found: {shared_dir}")
        self.shared_dir = shared_dir
        self._corpora: dict[str, dict[tuple[str, str], str]] = {}

    def _file(self, rel: str) -> Path:
        path = self.shared_dir / rel
        if not path.is_file():
            raise SharedDataMissing(f"{rel} not found under {self.shared_dir}")
        return path

    def text(self, doc: dict[str, Any]) -> str:
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
        raise KeyError("doc needs 'file' or 'corpus' + 'path'")


def _check_disjoint(spans: Sequence[tuple[int, int, str]], where: str) -> None:
    """Raise :class:`GoldFormatError` when two (sorted) gold spans overlap: the gold is flat."""
    for (s0, e0, t0), (s1, _e1, t1) in zip(spans, spans[1:], strict=False):
        if s1 < e0:
            raise GoldFormatError(f"{where}: gold mentions {t0!r}@{s0} and {t1!r}@{s1} overlap")


def _doc_id(doc: dict[str, Any], span: Sequence[int] | None) -> str:
    base = doc.get("file") or f"{doc.get('corpus')}#{doc.get('path')}"
    return f"{base}[{span[0]}:{span[1]}]" if span else base


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _parse_line(rec: dict[str, Any], text: str, where: str) -> GoldDoc:
    mentions = []
    for m in rec.get("mentions", ()):
        start, end = int(m["start"]), int(m["end"])
        if not 0 <= start < end <= len(text) or text[start:end] != m["text"]:
            raise GoldFormatError(
                f"{where}: mention {m['text']!r} at [{start}:{end}] does not match the text"
            )
        mentions.append(
            GoldMention(
                start,
                end,
                m["text"],
                _opt_float(m.get("lat")),
                _opt_float(m.get("lon")),
                m.get("type", ""),
                m.get("note", ""),
            )
        )
    incidents = []
    for i in rec.get("incidents", ()):
        start = int(i["sentence_start"])
        if not 0 <= start < len(text):
            raise GoldFormatError(f"{where}: incident sentence_start {start} outside the passage")
        incidents.append(
            GoldIncident(
                start,
                i["event_type"],
                i.get("sub_event_type", ""),
                _opt_float(i.get("lat")),
                _opt_float(i.get("lon")),
                i.get("note", ""),
            )
        )
    _check_disjoint(sorted((m.start, m.end, m.text) for m in mentions), where)
    published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
    return GoldDoc(
        id=_doc_id(rec["doc"], rec.get("span")),
        text=text,
        language=rec.get("language", ""),
        published=published,
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        incidents=tuple(incidents),
    )


def load_gold(path: str | Path, shared_dir: str | Path | None = None) -> list[GoldDoc]:
    """Read a gold JSON Lines file and load each passage's text from ``shared_dir``.

    ``shared_dir`` defaults to :func:`default_shared_dir`.  Raises
    :class:`SharedDataMissing` when the directory or a referenced file is
    absent, :class:`GoldDriftError` when a passage's hash differs from the
    recorded one, and :class:`GoldFormatError` for malformed lines or
    mentions whose ``text`` is not the passage's text at their offsets.
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
                raise GoldDriftError(f"{where}: passage hash differs; the shared text changed")
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


def make_record(
    doc: dict[str, Any],
    text: str,
    *,
    span: tuple[int, int] | None,
    language: str,
    published: str | None,
    mentions: Iterable[dict[str, Any]],
    incidents: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """Build one gold line for the passage ``text`` (already cut to ``span``).

    Each mention dict carries ``text`` (the surface to find), ``lat``,
    ``lon``, ``type``, optional ``note`` and optional ``occurrences`` (a
    list of indexes into :func:`find_spans`' result; all when omitted).
    Each incident dict carries ``sentence`` (a substring that starts the
    sentence) and the ACLED types and point.  Raises :class:`GoldFormatError`
    when a surface or sentence is not found, so offsets are exact by construction.
    """
    out_mentions = []
    for m in mentions:
        found = find_spans(text, m["text"])
        picks = m.get("occurrences")
        chosen = found if picks is None else [found[i] for i in picks if i < len(found)]
        if not chosen or (picks is not None and len(chosen) != len(picks)):
            raise GoldFormatError(f"mention {m['text']!r} not found (found {len(found)})")
        for start, end in chosen:
            entry = {
                "start": start,
                "end": end,
                "text": text[start:end],
                "lat": m["lat"],
                "lon": m["lon"],
                "type": m["type"],
            }
            if m.get("note"):
                entry["note"] = m["note"]
            out_mentions.append(entry)
    _check_disjoint(sorted((e["start"], e["end"], e["text"]) for e in out_mentions), "make_record")
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
        if inc.get("note"):
            entry["note"] = inc["note"]
        out_incidents.append(entry)
    record: dict[str, Any] = {"doc": doc}
    if span:
        record["span"] = list(span)
    record.update(
        sha256=passage_hash(text),
        language=language,
        published=published,
        mentions=sorted(out_mentions, key=lambda e: e["start"]),
        incidents=out_incidents,
    )
    return record
