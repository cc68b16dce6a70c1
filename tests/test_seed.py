"""The synthetic incident generator and ``flask seed`` (webapp/seed.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.filters import parse_filters
from webapp.models import Article, Incident, Sentence
from webapp.models.search import IncidentSearch
from webapp.seed import BBOX, generate, seed


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
