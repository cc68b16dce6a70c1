"""Unresolved names across articles (webapp/unresolved.py), their page, their CLI twin and the API field."""

from __future__ import annotations

import json

from sqlalchemy import select

from gazetteer import distance_km
from webapp.extensions import db
from webapp.ingest import content_hash
from webapp.models import Article, Mention, Sentence
from webapp.unresolved import unresolved_names


def store_unresolved(text: str, names: list[tuple[str, str, str]]) -> int:
    """An article whose mentions are ``(name, cue, container)`` left unresolved; returns its id."""
    article = Article(title="t", text=text, content_hash=content_hash(text), language="ar")
    article.sentences = [Sentence(index=0, start=0, end=len(text), text=text)]
    mentions = []
    for name, cue, container in names:
        start = text.index(name)
        mentions.append(
            Mention(
                sentence_index=0,
                text=name,
                start=start,
                end=start + len(name),
                place_id=None,
                cue=cue,
                container_id="t:aleppo" if container else None,
                container_name=container,
            )
        )
    article.mentions = mentions
    db.session.add(article)
    db.session.commit()
    return article.id


def fill(app) -> tuple[int, int]:  # noqa: ANN001
    with app.app_context():
        first = store_unresolved(
            "قصفت الطائرات قرية كفر داعل وقرية الكُفير في ريف حلب.",
            [("كفر داعل", "قرية", "Aleppo"), ("الكُفير", "قرية", "Aleppo")],
        )
        second = store_unresolved(
            "ثم قصفت قرية الكفير وقرية كفر داعل مجددًا.", [("الكفير", "قرية", ""), ("كفر داعل", "قرية", "")]
        )
        third = store_unresolved("Jets struck the village of Kafr Dael.", [("Kafr Dael", "village", "")])
    return first, second, third


def test_names_are_counted_across_articles_with_spellings_folded(app):
    first, second, _ = fill(app)
    with app.app_context():
        names = {n.name: n for n in unresolved_names()}
    kafr = names["كفر داعل"]
    assert (kafr.mentions, kafr.articles, kafr.cues, kafr.containers) == (2, 2, ("قرية",), ("Aleppo",))
    assert (kafr.example_article, kafr.example_sentence) == (first, 0)
    # «الكُفير» and «الكفير» differ only by a vowel mark: one name.
    kfeir = [n for key, n in names.items() if key in ("الكفير", "الكُفير")]
    assert len(kfeir) == 1 and kfeir[0].mentions == 2 and kfeir[0].articles == 2
    assert names["Kafr Dael"].cues == ("village",)


def test_commonest_first_and_limited(app):
    fill(app)
    with app.app_context():
        names = unresolved_names(limit=2)
    assert len(names) == 2 and names[0].mentions >= names[1].mentions == 2


def test_the_page_lists_them_escaped_and_right_to_left_where_arabic(app):
    with app.app_context():
        store_unresolved("قرية <b>x</b> قصفت.", [("<b>x</b>", "قرية", "")])
    fill(app)
    page = app.test_client().get("/gazetteer/unresolved?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and "كفر داعل" in page and 'href="/articles/' in page
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_the_cli_is_the_pages_twin(app, runner):
    fill(app)
    rows = [
        json.loads(line)
        for line in runner.invoke(args=["gazetteer", "unresolved", "--json"]).output.splitlines()
    ]
    with app.app_context():
        assert [r["name"] for r in rows] == [n.name for n in unresolved_names()]
    table = runner.invoke(args=["gazetteer", "unresolved", "--limit", "1"]).output.splitlines()
    assert len(table) == 1 and table[0].startswith("2\t2\t")


def test_the_api_says_what_marked_an_unresolved_mention_and_where_it_lies(app):
    first, _, third = fill(app)
    client = app.test_client()
    mentions = client.get(f"/api/articles/{first}").get_json()["mentions"]
    kafr = next(m for m in mentions if m["text"] == "كفر داعل")
    assert kafr["place"] is None
    assert kafr["unresolved"] == {
        "name": "كفر داعل",
        "cue": "قرية",
        "container": {"id": "t:aleppo", "name": "Aleppo", "name_ar": ""},
    }
    (english,) = client.get(f"/api/articles/{third}").get_json()["mentions"]
    assert english["unresolved"]["container"] is None


UNKNOWN_VILLAGE = (
    "Russian jets struck the village of Tal Touqan, east of Aleppo, on 2 February 2020, killing two people."
)


def _assert_kept_near_aleppo(body: dict) -> None:
    (village,) = [m for m in body["mentions"] if m["text"] == "Tal Touqan"]
    assert village["place"] is None
    assert village["unresolved"] == {
        "name": "Tal Touqan",
        "cue": "village of",
        "container": {"id": "t:aleppo", "name": "Aleppo", "name_ar": "حلب"},
    }
    (incident,) = body["incidents"]
    assert incident["geo_precision"] == 2
    assert distance_km(incident["lat"], incident["lon"], 36.202, 37.134) <= 10


def test_an_unknown_village_through_the_api_is_kept_at_its_container(client):
    response = client.post("/api/articles", json={"text": UNKNOWN_VILLAGE, "language": "en"})
    assert response.status_code == 201, response.get_json()
    _assert_kept_near_aleppo(response.get_json())


def test_an_unknown_village_through_the_cli_is_listed_with_its_container(app, runner, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(UNKNOWN_VILLAGE, encoding="utf-8")
    assert runner.invoke(args=["ingest", str(path)]).exit_code == 0
    with app.app_context():
        article = db.session.scalars(select(Article)).one()
    with app.test_client() as client:
        _assert_kept_near_aleppo(client.get(f"/api/articles/{article.id}").get_json())
    listed = runner.invoke(args=["gazetteer", "unresolved", "--json"])
    (row,) = [json.loads(line) for line in listed.output.splitlines()]
    assert (row["name"], row["cues"], row["containers"]) == ("Tal Touqan", ["village of"], ["Aleppo"])
