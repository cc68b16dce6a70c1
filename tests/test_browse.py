"""The article list and the incidents table (webapp/browse.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from incident_rows import add_incident


def row_ids(page: str, kind: str) -> list[int]:
    return [int(i) for i in re.findall(rf'<tr id="{kind}-(\d+)"', page)]


def test_articles_search_is_normalised_and_paged(app, client):
    with app.app_context():
        for i in range(5):
            add_incident(sentence=f"Report number {i} about Aleppo.", title=f"Aleppo report {i}")
        add_incident(sentence="قصفت الطائرات مدينة إدلب.", title="غارات على إدلب")
    page = client.get("/articles?per_page=2").get_data(as_text=True)
    assert len(row_ids(page, "article")) == 2 and 'rel="next"' in page and "<bdi>3</bdi>" in page
    last = client.get("/articles?per_page=2&page=3").get_data(as_text=True)
    assert len(row_ids(last, "article")) == 2 and 'rel="next"' not in last and 'rel="prev"' in last
    found = client.get("/articles?q=ادلب").get_data(as_text=True)  # إدلب in the text, ادلب in the query
    assert len(row_ids(found, "article")) == 1 and "غارات على إدلب" in found
    assert row_ids(client.get("/articles?q=nothing-like-this").get_data(as_text=True), "article") == []
    assert client.get("/articles?page=x").status_code == 400


def test_incidents_table_sorts_filters_pages_and_links(app, client):
    with app.app_context():
        a = add_incident(date=dt.date(2020, 1, 1), fatalities=5, admin1="Idlib")
        b = add_incident(date=dt.date(2021, 1, 1), fatalities=1, admin1="Aleppo", event_type="Battles")
        c = add_incident(date=dt.date(2019, 1, 1), fatalities=9, admin1="Idlib")
    assert row_ids(client.get("/incidents").get_data(as_text=True), "incident") == [b, a, c]  # newest first
    assert row_ids(client.get("/incidents?sort=fatalities&dir=asc").get_data(as_text=True), "incident") == [
        b,
        a,
        c,
    ]
    assert row_ids(client.get("/incidents?sort=date&dir=asc").get_data(as_text=True), "incident") == [c, a, b]
    assert row_ids(client.get("/incidents?admin1=Idlib").get_data(as_text=True), "incident") == [a, c]
    page = client.get("/incidents?per_page=1&page=2&type=Explosions/Remote violence").get_data(as_text=True)
    assert row_ids(page, "incident") == [c]
    assert f'href="/map?incident={c}"' in page and 'href="/articles/' in page and "#s-0" in page
    assert "/export/incidents.csv?type=Explosions" in page  # exports keep the filters
    assert client.get("/incidents?sort=evil").status_code == 400
    assert client.get("/incidents?dir=up").status_code == 400


def test_table_escapes_article_text(app, client):
    with app.app_context():
        add_incident(title="<img src=x onerror=alert(1)>", actors=["</script>"])
    page = client.get("/incidents").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x" in page and "</script>" not in page.split("<body>")[1]


def test_incidents_table_names_governorates_types_and_actors_in_arabic(app, client):
    with app.app_context():
        add_incident(admin1="Idlib Governorate", event_type="Battles", actors=["Unidentified"])
    page = client.get("/incidents?lang=ar").get_data(as_text=True)
    row = page.split('<tr id="incident-')[1]
    assert '<td dir="auto">إدلب</td>' in row and "Governorate" not in row
    assert "معارك" in row and "جهة مجهولة" in row
    assert '<option value="Idlib Governorate"' in page  # the filter sends the stored name
    english = client.get("/incidents?lang=en").get_data(as_text=True).split('<tr id="incident-')[1]
    assert "Idlib Governorate" in english and "Battles" in english


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_articles_sort_both_ways_by_whitelisted_columns_and_page(app, client, lang):
    with app.app_context():
        first = add_incident(title="Beta", date=dt.date(2020, 1, 1))
        second = add_incident(title="Alpha", date=dt.date(2021, 1, 1))
        add_incident(title="Alpha", date=dt.date(2021, 1, 1))  # a second incident in another article

    def titles(query: str) -> list[str]:
        page = client.get(f"/articles?lang={lang}&{query}").get_data(as_text=True)
        return re.findall(r'<tr id="article-\d+">\s*<td dir="auto"><a [^>]*>([^<]*)</a>', page)

    assert titles("sort=title&dir=asc") == ["Alpha", "Alpha", "Beta"]
    assert titles("sort=title&dir=desc") == ["Beta", "Alpha", "Alpha"]
    assert titles("sort=published&dir=asc")[0] == "Beta" and titles("")[-1] == "Beta"  # newest first
    assert first != second
    # Pages of one row walk the order without repeating or skipping a row (ties broken by id).
    pages = [titles(f"sort=title&dir=asc&per_page=1&page={n}") for n in (1, 2, 3)]
    assert pages == [["Alpha"], ["Alpha"], ["Beta"]]
    page = client.get(f"/articles?lang={lang}&sort=title&dir=asc&per_page=1").get_data(as_text=True)
    assert "sort=title" in re.search(r'<a rel="next" href="([^"]*)"', page).group(1)  # paging keeps the order
    assert 'aria-sort="ascending"' in page
    assert client.get(f"/articles?lang={lang}&sort=text").status_code == 400
    assert client.get(f"/articles?lang={lang}&sort=title&dir=sideways").status_code == 400


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_incidents_sort_by_governorate_in_both_directions_and_page_in_order(app, client, lang):
    with app.app_context():
        ids = [add_incident(admin1=name) for name in ("Idlib", "Aleppo", "Lattakia", "Aleppo")]
        nowhere = add_incident(admin1="")  # no governorate: last in either direction
    asc = row_ids(
        client.get(f"/incidents?lang={lang}&sort=governorate&dir=asc").get_data(as_text=True), "incident"
    )
    # By the names shown: Aleppo, Idlib, Lattakia; إدلب، اللاذقية، حلب.
    assert asc == ([ids[1], ids[3], ids[0], ids[2]] if lang == "en" else [ids[0], ids[2], ids[1], ids[3]]) + [
        nowhere
    ]
    desc = row_ids(client.get(f"/incidents?lang={lang}&sort=governorate").get_data(as_text=True), "incident")
    assert desc == (
        [ids[2], ids[0], ids[3], ids[1]] if lang == "en" else [ids[3], ids[1], ids[2], ids[0]]
    ) + [nowhere]
    walked = []
    for number in (1, 2, 3):
        page = client.get(f"/incidents?lang={lang}&sort=governorate&dir=asc&per_page=2&page={number}")
        walked += row_ids(page.get_data(as_text=True), "incident")
    assert walked == asc
    page = client.get(f"/incidents?lang={lang}&sort=governorate&dir=asc").get_data(as_text=True)
    header = re.search(r'<th aria-sort="ascending"><a href="([^"]*)"', page).group(1)
    assert "sort=governorate" in header and "dir=desc" in header  # a second click reverses the order
