"""An analyst pins a village the gazetteer lacks in a real browser: from the unresolved-names page,
a point clicked on the small map, with CSRF on; the article stored before now resolves it, and the
map's popup, the article's history and the incident's page show the move."""

from __future__ import annotations

import re

import pytest
from accounts_helpers import PASSWORD, add_user

from webapp.article_input import ArticleInput
from webapp.ingest import ingest_article

pytestmark = pytest.mark.browser

STRIKE = "Russian jets struck the village of Kafr Dael in Aleppo countryside on Sunday."


def test_an_analyst_pins_an_unknown_village_and_its_incident_moves(live_app, server, page):
    from playwright.sync_api import expect

    from webapp.audit import history

    add_user(live_app, "rana", "analyst")
    with live_app.app_context():
        article = ingest_article(ArticleInput(text=STRIKE, published="2020-09-20")).article
        (incident,) = article.incidents
        article_id, incident_id = article.id, incident.id
        assert incident.place_id == "t:aleppo"
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(server.url + "/login?next=/gazetteer/unresolved")
    page.fill("input[name=name]", "rana")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login [type=submit]")
    page.wait_for_url(re.compile(r"/gazetteer/unresolved$"))

    details = page.locator("details.pin", has_text="Kafr Dael")
    details.locator("summary").click()
    box = details.locator(".pin-map[data-map-ready='1']")
    expect(box).to_be_visible()
    form = details.locator("form.pin-form")
    expect(form.locator("input[name=name]")).to_have_value("Kafr Dael")
    expect(form.locator("input[name=parent]")).to_have_value("Aleppo")
    # A click on the map (opened on Aleppo, the place the name came with) sets the point.
    box.click(position={"x": 60, "y": 40})
    expect(box).to_have_attribute("data-pinned", "1")
    expect(details.locator(".leaflet-marker-icon")).to_have_count(1)
    lat = float(form.locator("input[name=lat]").input_value())
    lon = float(form.locator("input[name=lon]").input_value())
    assert lat > 36.2021 and lon < 37.1343  # up and left of the centre
    form.locator("input[name=name_ar]").fill("كفر داعل")
    form.locator("[type=submit]").click()
    page.wait_for_url(re.compile(r"/gazetteer/unresolved\?pinned=analyst(:|%3A)\d+$"))
    expect(page.locator(".flash-info")).to_contain_text("The place is saved")
    expect(page.locator("details.pin", has_text="Kafr Dael")).to_have_count(0)

    with live_app.app_context():
        (change,) = history("incident", incident_id)
    assert change["user"] == "rana" and change["action"] == "re-resolution"
    assert change["after"]["place_name"] == "Kafr Dael" and change["after"]["lat"] == lat

    page.goto(f"{server.url}/map?incident={incident_id}")
    popup = page.locator(".incident-popup")
    expect(popup).to_be_visible(timeout=20000)
    expect(popup).to_contain_text("Kafr Dael")

    page.goto(f"{server.url}/articles/{article_id}")
    row = page.locator(f"#history tr.change[data-incident='{incident_id}'][data-action=re-resolution]")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("rana")

    page.goto(f"{server.url}/incidents/{incident_id}")
    expect(page.locator("dl.incident-facts")).to_contain_text("Kafr Dael")
    expect(page.locator("#history tr.change[data-action=re-resolution]")).to_contain_text("rana")
    expect(page.locator(".incident-mini-map[data-map-ready='1']")).to_have_count(1)
    assert errors == []
