"""Test data for the web-app tests: a tiny real-place gazetteer and stored rows built through the ORM.

A plain module (not conftest) so test files import it by a name no other conftest shadows.
"""

from __future__ import annotations

import datetime as dt

from gazetteer import AdminRef, Place, PlaceType

_IDLIB = AdminRef(1, "Idlib", "إدلب", "SY07")


def tiny_places() -> list[Place]:
    """A handful of real places (public knowledge) for tests that must not depend on the bundled build."""
    return [
        Place(
            "t:idlib",
            "Idlib",
            "إدلب",
            PlaceType.CITY,
            35.9306,
            36.6339,
            alt_names=("Idleb", "ادلب"),
            parents=(_IDLIB,),
            population=165000,
        ),
        Place("t:saraqib", "Saraqib", "سراقب", PlaceType.TOWN, 35.8647, 36.8006, parents=(_IDLIB,)),
        Place(
            "t:aleppo",
            "Aleppo",
            "حلب",
            PlaceType.CITY,
            36.2021,
            37.1343,
            population=1800000,
            parents=(AdminRef(1, "Aleppo", "حلب", "SY02"),),
        ),
        Place(
            "t:latakia",
            "Latakia",
            "اللاذقية",
            PlaceType.CITY,
            35.5317,
            35.7906,
            population=380000,
            parents=(AdminRef(1, "Lattakia", "اللاذقية", "SY06"),),
        ),
        Place(
            "t:m4",
            "M4 highway",
            "الطريق الدولي M4",
            PlaceType.ROAD,
            35.87,
            36.6,
            code="M4",
            alt_names=("M4", "طريق M4"),
            geometry={
                "type": "LineString",
                "coordinates": [
                    [37.1343, 36.2021],
                    [36.8006, 35.8647],
                    [36.6339, 35.9306],
                    [35.7906, 35.5317],
                ],
            },
        ),
        Place(
            "t:ankara",
            "Ankara",
            "أنقرة",
            PlaceType.FOREIGN_CITY,
            39.9334,
            32.8597,
            country="TR",
            population=5000000,
        ),
    ]


def places_in_one_governorate() -> list[Place]:
    """:func:`tiny_places` plus one governorate polygon covering the whole of their toy M4, so that
    every stretch of the road lies in it."""
    from geo_toy import square

    north_west = Place(
        "gov:nw",
        "North-West Governorate",
        "محافظة الشمال الغربي",
        PlaceType.GOVERNORATE,
        35.9,
        36.5,
        geometry=square(35.9, 36.5, 1.0),
    )
    return [*tiny_places(), north_west]


def store_article(*, title: str = "Strike on Idlib", text: str | None = None, road: bool = False) -> int:
    """Store an article with one sentence, one resolved mention and one incident through the ORM.

    For view/API tests that need incidents regardless of what the geoparser extracts today.
    Must run inside an app context; returns the article id.
    """
    from webapp.ingest import content_hash
    from webapp.models import Article, Incident, Mention, Sentence

    text = text or "Russian jets struck Idlib on Sunday."
    start = text.find("Idlib") if "Idlib" in text else 0
    end = start + (5 if "Idlib" in text else len(text.split()[0]))
    article = Article(title=title, text=text, content_hash=content_hash(text + title), language="en")
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    mention = Mention(
        sentence_index=0,
        text=text[start:end],
        start=start,
        end=end,
        place_id="t:idlib",
        place_name="Idlib",
        place_name_ar="إدلب",
        place_type="city",
        lat=35.93,
        lon=36.63,
        score=5.0,
        role="incident",
    )
    geometry = {"type": "LineString", "coordinates": [[37.13, 36.20], [36.80, 35.86], [35.79, 35.53]]}
    incident = Incident(
        sentence_index=0,
        sentence=sentence,
        mention=mention,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=dt.date(2020, 9, 20),
        lat=35.93,
        lon=36.63,
        geo_precision=1,
        place_id="t:idlib",
        place_name="Idlib",
        place_name_ar="إدلب",
        place_type="city",
        actors=["Russia"],
        counts={"airstrikes": 11},
        geometry=geometry if road else None,
    )
    save_article(article, sentence, mention, incident)
    return article.id


def save_article(article: object, sentence: object, mention: object, incident: object) -> None:
    """Attach one sentence, mention and incident to ``article`` and commit them together."""
    from webapp.extensions import db

    article.sentences = [sentence]  # type: ignore[attr-defined]
    article.mentions = [mention]  # type: ignore[attr-defined]
    article.incidents = [incident]  # type: ignore[attr-defined]
    db.session.add(article)
    db.session.commit()
