"""Tools for annotators: exact offsets of a surface in a passage, and one gold line built from surfaces.

Annotators name places, sentences and non-places by their surface; :func:`make_record`
turns them into the offsets of the gold format (:mod:`gazetteer.measure.goldset`) and
refuses a surface it cannot find, so the offsets are exact by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .goldrecords import GoldFormatError, check_disjoint, passage_hash

__all__ = ["find_spans", "make_record"]

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
    check_disjoint(sorted((e["start"], e["end"], e["text"]) for e in out_mentions), "make_record")
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
