"""Stored rows to JSON-ready dicts, for the API and the map's GeoJSON."""

from __future__ import annotations

from typing import Any

from flask import url_for

from .merging import Source
from .models import Article, Incident, Mention


def place_dict(row: Mention | Incident) -> dict[str, Any] | None:
    """The resolved place of a mention or incident, or None when unresolved."""
    if row.place_id is None:
        return None
    place: dict[str, Any] = {
        "id": row.place_id,
        "name": row.place_name,
        "name_ar": row.place_name_ar,
        "type": row.place_type,
        "lat": row.lat,
        "lon": row.lon,
    }
    if row.geometry:
        place["geometry"] = row.geometry
    return place


def mention_dict(mention: Mention) -> dict[str, Any]:
    """A mention as the API gives it; an unresolved one also says what marked it and where it lies."""
    out: dict[str, Any] = {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "sentence": mention.sentence_index,
        "place": place_dict(mention),
        "score": mention.score,
        "role": mention.role,
    }
    if mention.place_id is None:
        container = None
        if mention.container_id is not None:
            container = {
                "id": mention.container_id,
                "name": mention.container_name,
                "name_ar": mention.container_name_ar,
            }
        out["unresolved"] = {"name": mention.text, "cue": mention.cue or None, "container": container}
    return out


def sentence_url(article_id: int, index: int) -> str:
    """The link to a sentence of an article page."""
    return url_for("articles.show", article_id=article_id, _anchor=f"s-{index}")


def source_dict(source: Source) -> dict[str, Any]:
    """One report of an incident: its article (id, title, URL) and the quoted sentence with its link."""
    return {
        "incident_id": source.incident_id,
        "article_id": source.article_id,
        "title": source.title,
        "source_name": source.source_name,
        "url": source.source_url,
        "language": source.language,
        "sentence_index": source.sentence_index,
        "sentence_url": sentence_url(source.article_id, source.sentence_index),
        "quote": source.quote,
    }


def incident_url(incident_id: int) -> str:
    """The link to an incident's page."""
    return url_for("incidents.show", incident_id=incident_id)


def incident_dict(inc: Incident) -> dict[str, Any]:
    """One incident as the API returns it; ``merged_into`` is the id of the incident it was merged
    into (None for a primary)."""
    return {
        "id": inc.id,
        "url": incident_url(inc.id),
        "merged_into": inc.merged_into_id,
        **_event_fields(inc),
        "place": place_dict(inc),
        "lat": inc.lat,
        "lon": inc.lon,
        "location": _geometry(inc),
        "location_description": inc.location_description,
        "sentence": inc.sentence_index,
        "sentence_url": sentence_url(inc.article_id, inc.sentence_index),
        "actors": inc.actors or [],
        "counts": inc.counts or {},
        "fatalities": inc.fatalities,
        "injuries": inc.injuries,
    }


def _event_fields(inc: Incident) -> dict[str, Any]:
    # What and when, and how precisely where: shared by the API's incidents and the map's features.
    return {
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date": inc.date.isoformat() if inc.date else None,
        "date_precision": inc.date_precision,
        "geo_precision": inc.geo_precision,
        "status": inc.status,
    }


def article_dict(article: Article) -> dict[str, Any]:
    """An article with its sentences, mentions and incidents, as ``POST /api/articles`` answers."""
    return {
        "id": article.id,
        "url": url_for("articles.show", article_id=article.id),
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "source_url": article.source_url,
        "source_name": article.source_name,
        "author": article.author,
        "canonical_url": article.canonical_url,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in article.sentences
        ],
        "mentions": [mention_dict(m) for m in article.mentions],
        "incidents": [incident_dict(i) for i in article.incidents],
    }


def _geometry(inc: Incident) -> dict[str, Any] | None:
    if inc.geometry:
        return inc.geometry
    if inc.lat is None or inc.lon is None:
        return None
    return {"type": "Point", "coordinates": [inc.lon, inc.lat]}


def incident_feature(
    inc: Incident,
    sentence_text: str | None,
    sentence_start: int | None,
    mention_start: int | None,
    mention_end: int | None,
    *,
    sources: list[Source],
) -> dict[str, Any]:
    """A GeoJSON Feature for the map; ``highlight`` is the place's [start, end) within ``sentence``;
    ``sources`` every report of the incident (see :func:`webapp.merging.sources_of`)."""
    highlight = None
    if sentence_text is not None and None not in (sentence_start, mention_start, mention_end):
        start, end = mention_start - sentence_start, mention_end - sentence_start  # type: ignore[operator]
        if 0 <= start < end <= len(sentence_text):  # the place may be named in another sentence
            highlight = [start, end]
    return {
        "type": "Feature",
        "id": inc.id,
        "geometry": _geometry(inc),
        "properties": {
            "id": inc.id,
            **_event_fields(inc),
            "place_name": inc.place_name,
            "place_name_ar": inc.place_name_ar,
            "place_type": inc.place_type,
            "lat": inc.lat,
            "lon": inc.lon,
            "location_description": inc.location_description,
            "actors": inc.actors or [],
            "fatalities": inc.fatalities,
            "sentence": sentence_text or "",
            "sentence_index": inc.sentence_index,
            "highlight": highlight,
            "article_id": inc.article_id,
            "article_url": sentence_url(inc.article_id, inc.sentence_index),
            "incident_url": incident_url(inc.id),
            "sources": [source_dict(s) for s in sources],
            "source_count": len(sources),
        },
    }
