"""Incidents with chosen fields, stored through the ORM so the search-index hook runs (list/filter tests)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from webapp_rows import save_article

_counter = itertools.count(1)


def add_incident(
    *,
    sentence: str = "Russian jets struck Idlib.",
    place: str = "Idlib",
    title: str | None = None,
    source_name: str = "example.org",
    **fields: Any,
) -> int:
    """One article with one sentence and one incident; ``fields`` override the incident's columns.

    Must run inside an app context; returns the incident id.
    """
    from webapp.ingest import content_hash
    from webapp.models import Article, Incident, Mention, Sentence

    n = next(_counter)
    title = title or f"Report {n}"
    article = Article(
        title=title,
        text=sentence,
        content_hash=content_hash(f"{sentence} #{n}"),
        language="en",
        source_name=source_name,
        published=fields.get("date"),
    )
    s = Sentence(index=0, start=0, end=len(sentence), text=sentence)
    start = max(sentence.find(place), 0)
    mention = Mention(
        sentence_index=0,
        text=place,
        start=start,
        end=start + len(place),
        place_id=None,
        place_name=place,
        lat=35.93,
        lon=36.63,
        role="incident",
    )
    values: dict[str, Any] = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "date": dt.date(2020, 9, 20),
        "lat": 35.93,
        "lon": 36.63,
        "geo_precision": 1,
        "place_name": place,
        "place_name_ar": "",
        "place_type": "city",
        "admin1": "Idlib",
        "actors": ["Russia"],
        "fatalities": 0,
    }
    values.update(fields)
    incident = Incident(sentence_index=0, sentence=s, mention=mention, **values)
    save_article(article, s, mention, incident)
    return incident.id
