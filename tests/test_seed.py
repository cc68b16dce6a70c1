"""The synthetic incident generator and ``flask seed`` (webapp/seed.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.filters import parse_filters
from webapp.models import Article, Incident, Sentence
from webapp.models.search import IncidentSearch
from webapp.seed import BBOX, CENTRES, generate, governorate_locator, seed


def test_generator_is_deterministic_and_consistent():
    first = list(generate(120, seed=3, per_article=50))
    assert first == list(generate(120, seed=3, per_article=50))
    assert first != list(generate(120, seed=4, per_article=50))
    assert [len(a["incidents"]) for a in first] == [50, 50, 20]
    for art in first:
        for s in art["sentences"]:
            assert art["text"][s["start"] : s["end"]] == s["text"]
        for inc in art["incidents"]:
            sentence = art["sentences"][inc["sentence_index"]]["text"]
            start, end = inc["mention"]
            assert sentence[start:end] == inc["place_name"]
            assert BBOX[0] <= inc["lat"] <= BBOX[2] and BBOX[1] <= inc["lon"] <= BBOX[3]
            assert inc["geo_precision"] in (1, 2, 3) and inc["date"] <= art["published"]


def test_seed_writes_incidents_with_sentences_and_search_rows(app):
    with app.app_context():
        stats = seed(130, seed=2)
        assert stats.incidents == 130 and stats.articles == 3
        assert db.session.scalar(select(func.count(Incident.id))) == 130
        assert db.session.scalar(select(func.count(IncidentSearch.incident_id))) == 130
        assert db.session.scalar(select(func.count(Sentence.id))) == 130
        inc = db.session.scalars(select(Incident)).first()
        assert inc.sentence is not None and inc.place_name in inc.sentence.text
        # The seeded rows are searchable by their Arabic place name.
        from webapp.filters import filtered

        found = db.session.scalars(filtered(select(Incident), parse_filters({"q": inc.place_name_ar}))).all()
        assert found and all(i.place_name_ar == inc.place_name_ar for i in found)


def test_seed_command(app, runner):
    result = runner.invoke(args=["seed", "--incidents", "60", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert "Seeded 60 incidents in 2 synthetic articles" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Article.id))) == 2


def test_centres_name_their_governorates_as_the_bundled_gazetteer_does():
    from gazetteer import PlaceType
    from gazetteer.places.curated import load_curated

    governorates = {p.name for p in load_curated() if p.type is PlaceType.GOVERNORATE}
    assert {gov for _, _, gov, *_ in CENTRES} <= governorates


def test_a_locator_keeps_points_inside_and_names_their_governorate():
    # A toy "country" holding every centre: south of 36.6°N, split into two governorates at 38°E.
    def locate(lat: float, lon: float) -> str | None:
        if lat > 36.6:
            return None
        return "East Governorate" if lon >= 38.0 else "West Governorate"

    incidents = [inc for art in generate(400, seed=9, locate=locate) for inc in art["incidents"]]
    assert all(inc["lat"] <= 36.6 for inc in incidents)
    assert all(inc["admin1"] == locate(inc["lat"], inc["lon"]) for inc in incidents)
    assert {inc["admin1"] for inc in incidents} == {"East Governorate", "West Governorate"}


def test_with_the_bundled_gazetteer_every_point_is_in_a_syrian_governorate():
    from gazetteer import Gazetteer, PlaceType, governorate_at
    from gazetteer.places.build import build_default

    gaz = Gazetteer(build_default())
    locate = governorate_locator(gaz)
    assert locate is not None
    names = {p.name for p in gaz if p.type is PlaceType.GOVERNORATE}
    for art in generate(300, seed=4, spread=0.4, locate=locate):
        for inc in art["incidents"]:
            governorate = governorate_at(gaz, inc["lat"], inc["lon"])
            assert governorate is not None and governorate.name == inc["admin1"] and inc["admin1"] in names


def _seeded_rows_match_what_the_models_write(app):
    """Bulk-written rows (webapp.seedload) read back as the ORM would have written them: columns,
    JSON values, dates, defaults, and search rows normalised as the insert hooks do."""
    from webapp.models.search import ArticleSearch, normalized_words, search_row

    with app.app_context():
        stats = seed(120, seed=11, per_article=40)
        assert stats.incidents == 120
        generated = [inc for art in generate(120, seed=11, per_article=40) for inc in art["incidents"]]
        stored = db.session.scalars(select(Incident).order_by(Incident.id)).all()
        assert [i.id for i in stored] == list(range(stats.first_id, stats.first_id + 120))
        for inc, want in zip(stored, generated, strict=True):
            assert (inc.lat, inc.lon, inc.date, inc.actors, inc.counts) == (
                want["lat"],
                want["lon"],
                want["date"],
                want["actors"],
                want["counts"],
            )
            assert inc.geometry is None and inc.status == "unreviewed" and inc.merged_into_id is None
            assert inc.sentence.article_id == inc.article_id and inc.place_name in inc.sentence.text
            row = db.session.get(IncidentSearch, inc.id)
            assert (row.text, row.actors) == tuple(
                search_row(
                    incident_id=inc.id,
                    sentence=inc.sentence.text,
                    place_name=inc.place_name,
                    place_name_ar=inc.place_name_ar,
                    event_type=inc.event_type,
                    sub_event_type=inc.sub_event_type,
                    location_description=inc.location_description,
                    actors=inc.actors,
                ).values()
            )[1:]
        for article in db.session.scalars(select(Article)):
            assert article.created_at is not None
            words = normalized_words(article.title, article.text)
            assert db.session.get(ArticleSearch, article.id).text == words
        # A second seed continues the ids and stays searchable.
        more = seed(10, seed=12)
        assert more.first_id == stats.first_id + 120


def test_seeded_rows_match_what_the_models_write(app):
    _seeded_rows_match_what_the_models_write(app)


@pytest.mark.services
def test_seeded_rows_match_what_the_models_write_on_postgresql(tmp_path, tiny_gazetteer):
    from databases import postgresql_app

    with postgresql_app(tmp_path, tiny_gazetteer) as app:
        _seeded_rows_match_what_the_models_write(app)


def test_memoised_words_are_the_models_words():
    from webapp.models.search import normalized_words
    from webapp.seedload import memo_words

    texts = [art["text"] for art in generate(300, seed=5)] + [
        "Al-Hasakah  and Deir ez-Zor, «وإدلب» — al-Bab's  x_y  ",
        "",
    ]
    for text in texts:
        assert memo_words("Title of it", text) == normalized_words("Title of it", text)
