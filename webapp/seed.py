"""A documented synthetic generator of incidents, for load tests and benchmarks (never for analysis).

:func:`generate` is deterministic for a given ``seed``.  For ``n`` incidents it
makes ``ceil(n / per_article)`` articles ("Synthetic report k", source
"synthetic"), each with one English sentence per incident naming the place:

* **where**: one of :data:`CENTRES` (Syrian governorate capitals, coordinates
  from general knowledge), chosen with the listed weights, plus a Gaussian
  offset of ``spread`` degrees (σ).  With a ``locate`` function (:func:`seed` passes
  :func:`governorate_locator` over the app's gazetteer) a point outside Syria is drawn
  again and ``admin1`` is the governorate that holds the point; without one, points are
  clipped to Syria's bounding box and ``admin1`` is the centre's governorate, named as
  the bundled gazetteer names it ("Idlib Governorate");
* **what**: an ACLED event type/sub-type from :data:`EVENTS` with its weight;
* **when**: a uniformly random day between ``start`` and ``end``; 85 % day
  precision, 10 % week, 5 % month;
* **who**: one or two actors from :data:`ACTORS`;
* **precision**: geo_precision 1 (60 %), 2 (25 %), 3 (15 %);
* **fatalities**: 0 for half, else a geometric number with mean 4.

Rows are written in bulk by :mod:`webapp.seedload` (PostgreSQL ``COPY``, SQLite one
prepared ``executemany`` per table and batch), with their ``incident_search``/``article_search``
rows.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import click
from flask.cli import with_appcontext

from gazetteer import Gazetteer, PlaceType, governorate_at

from . import seedload
from .extensions import db, gazetteers

#: (name, Arabic name, governorate as the bundled gazetteer names it, lat, lon, weight)
CENTRES: tuple[tuple[str, str, str, float, float, int], ...] = (
    ("Idlib", "إدلب", "Idlib Governorate", 35.93, 36.63, 20),
    ("Aleppo", "حلب", "Aleppo Governorate", 36.20, 37.16, 18),
    ("Damascus", "دمشق", "Damascus Governorate", 33.51, 36.29, 8),
    ("Douma", "دوما", "Rif Dimashq Governorate", 33.57, 36.40, 8),
    ("Homs", "حمص", "Homs Governorate", 34.73, 36.71, 8),
    ("Hama", "حماة", "Hama Governorate", 35.13, 36.75, 7),
    ("Daraa", "درعا", "Daraa Governorate", 32.62, 36.10, 7),
    ("Deir ez-Zor", "دير الزور", "Deir ez-Zor Governorate", 35.34, 40.14, 7),
    ("Raqqa", "الرقة", "Raqqa Governorate", 35.95, 39.01, 6),
    ("Al-Hasakah", "الحسكة", "Al-Hasakah Governorate", 36.50, 40.75, 4),
    ("Latakia", "اللاذقية", "Latakia Governorate", 35.52, 35.79, 3),
    ("Tartus", "طرطوس", "Tartus Governorate", 34.89, 35.89, 1),
    ("As-Suwayda", "السويداء", "As-Suwayda Governorate", 32.71, 36.57, 2),
    ("Quneitra", "القنيطرة", "Quneitra Governorate", 33.13, 35.82, 1),
)
#: (event type, sub-event type, verb phrase, weight)
EVENTS: tuple[tuple[str, str, str, int], ...] = (
    ("Explosions/Remote violence", "Air/drone strike", "Warplanes struck", 30),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Artillery shelled", 25),
    ("Battles", "Armed clash", "Clashes broke out in", 20),
    ("Violence against civilians", "Attack", "Gunmen attacked civilians in", 10),
    ("Protests", "Peaceful protest", "Residents protested in", 8),
    ("Strategic developments", "Agreement", "A truce was announced for", 7),
)
ACTORS = ("Syrian army", "Russia", "HTS", "SDF", "Turkey", "ISIS", "Syrian National Army", "Civilians")
#: Syria's bounding box (south, west, north, east).
BBOX = (32.3, 35.7, 37.35, 42.4)
#: Draws of a point around its centre before the centre itself is taken (all outside Syria: rare).
DRAWS = 20

#: ``locate(lat, lon)``: the name of the governorate holding the point, or None outside Syria.
Locate = Callable[[float, float], str | None]


def governorate_locator(gaz: Gazetteer) -> Locate | None:
    """A :data:`Locate` over ``gaz``'s governorate polygons; None when it has none (a toy gazetteer)."""
    if not any(p.type is PlaceType.GOVERNORATE and p.geometry for p in gaz):
        return None

    def locate(lat: float, lon: float) -> str | None:
        governorate = governorate_at(gaz, lat, lon)
        return governorate.name if governorate is not None else None

    return locate


@dataclass
class SeedStats:
    """What :func:`seed` wrote."""

    articles: int = 0
    incidents: int = 0
    first_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _weighted(rng: random.Random, items: tuple[tuple[Any, ...], ...]) -> tuple[Any, ...]:
    return rng.choices(items, weights=[it[-1] for it in items])[0]


def generate(
    n: int,
    *,
    seed: int = 1,
    per_article: int = 50,
    spread: float = 0.25,
    start: dt.date = dt.date(2012, 1, 1),
    end: dt.date = dt.date(2024, 12, 31),
    locate: Locate | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield articles as dicts ``{"title", "published", "text", "sentences": [...], "incidents": [...]}``.

    Sentence dicts have ``index, start, end, text``; incident dicts have the
    :class:`~webapp.models.Incident` columns plus ``sentence_index`` and
    ``mention`` (the place's offsets within the sentence).
    """
    rng = random.Random(seed)
    days = (end - start).days
    made = 0
    k = 0
    while made < n:
        k += 1
        size = min(per_article, n - made)
        sentences, incidents, parts, pos = [], [], [], 0
        latest = start
        for i in range(size):
            name, name_ar, gov, lat0, lon0, _ = _weighted(rng, CENTRES)
            etype, sub, verb, _ = _weighted(rng, EVENTS)
            day = start + dt.timedelta(days=rng.randint(0, days))
            latest = max(latest, day)
            lat, lon, gov = _point(rng, lat0, lon0, gov, spread, locate)
            actors = rng.sample(ACTORS, rng.choice((1, 1, 2)))
            fatalities = 0 if rng.random() < 0.5 else 1 + int(-math.log(1 - rng.random()) * 3)
            text = f"{verb} {name} ({name_ar}) on {day.isoformat()}, reports said."
            place_at = text.index(name)
            sentences.append({"index": i, "start": pos, "end": pos + len(text), "text": text})
            parts.append(text)
            pos += len(text) + 1
            incidents.append(
                {
                    "sentence_index": i,
                    "event_type": etype,
                    "sub_event_type": sub,
                    "trigger": verb,
                    "date": day,
                    "date_precision": rng.choices(("day", "week", "month"), (85, 10, 5))[0],
                    "actors": actors,
                    "counts": {},
                    "fatalities": fatalities,
                    "injuries": None,
                    "lat": round(lat, 5),
                    "lon": round(lon, 5),
                    "geometry": None,
                    "geo_precision": rng.choices((1, 2, 3), (60, 25, 15))[0],
                    "place_id": None,
                    "place_name": name,
                    "place_name_ar": name_ar,
                    "place_type": "city",
                    "admin1": gov,
                    "location_description": "",
                    "mention": (place_at, place_at + len(name)),
                }
            )
        made += size
        yield {
            "title": f"Synthetic report {k} (seed {seed})",
            "published": latest,
            "text": " ".join(parts),
            "sentences": sentences,
            "incidents": incidents,
        }


def _point(
    rng: random.Random, lat0: float, lon0: float, gov: str, spread: float, locate: Locate | None
) -> tuple[float, float, str]:
    """A point around (lat0, lon0) and its governorate (see the module docstring)."""
    if locate is None:
        lat = min(max(rng.gauss(lat0, spread), BBOX[0]), BBOX[2])
        lon = min(max(rng.gauss(lon0, spread), BBOX[1]), BBOX[3])
        return lat, lon, gov
    for _ in range(DRAWS):
        lat, lon = rng.gauss(lat0, spread), rng.gauss(lon0, spread)
        found = locate(lat, lon)
        if found is not None:
            return lat, lon, found
    return lat0, lon0, locate(lat0, lon0) or gov


def seed(n: int, *, seed: int = 1, batch_articles: int = 200, **options: Any) -> SeedStats:
    """Insert ``n`` synthetic incidents (see the module docstring) in the current app's database.

    Must run in an app context; commits every ``batch_articles`` articles.  Points are kept
    inside the app's gazetteer's governorates (:func:`governorate_locator`) unless
    ``options`` name another ``locate``.
    """
    options.setdefault("locate", governorate_locator(gazetteers.get()))
    stats = SeedStats()
    buf: list[dict[str, Any]] = []
    for art in generate(n, seed=seed, **options):
        buf.append(art)
        if len(buf) >= batch_articles:
            _write(buf, stats)
            buf = []
    if buf:
        _write(buf, stats)
    return stats


def _write(articles: list[dict[str, Any]], stats: SeedStats) -> None:
    new_ids = seedload.write(articles)
    db.session.commit()
    stats.articles += len(articles)
    stats.incidents += len(new_ids)
    if stats.first_id is None and new_ids:
        stats.first_id = min(new_ids)


@click.command("seed")
@click.option(
    "--incidents",
    "n",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="How many synthetic incidents to add.",
)
@click.option(
    "--seed", "seed_value", type=int, default=1, show_default=True, help="Random seed (same seed, same data)."
)
@with_appcontext
def seed_command(n: int, seed_value: int) -> None:
    """Add N synthetic incidents (see webapp/seed.py for the generator) to the database."""
    stats = seed(n, seed=seed_value)
    click.echo(f"Seeded {stats.incidents} incidents in {stats.articles} synthetic articles.")
