"""An analyst's review in a real browser: sign in, verify one incident, move another, and see the map's
popup and the article's history change — with CSRF on, as in production."""

from __future__ import annotations

import re

import pytest
from accounts_helpers import PASSWORD, add_user

from webapp.article_input import ArticleInput
from webapp.ingest import ingest_article

pytestmark = pytest.mark.browser


def ingest(app, text: str) -> tuple[int, int]:  # noqa: ANN001
    """Ingest ``text``; its article id and its one incident's id."""
    with app.app_context():
        article = ingest_article(ArticleInput(text=text, published="2020-09-20")).article
        (incident,) = article.incidents
        return article.id, incident.id


def open_popup(page, server, incident_id: int):  # noqa: ANN001, ANN201
    """The map at ``?incident=``: wait for that incident's popup to open, and return it."""
    from playwright.sync_api import expect

    page.goto(f"{server.url}/map?incident={incident_id}")
    popup = page.locator(".incident-popup")
    expect(popup).to_be_visible(timeout=20000)
    return popup


def test_sign_in_verify_move_and_see_the_map_and_history_change(live_app, server, page):
    from playwright.sync_api import expect

    add_user(live_app, "rana", "analyst")
    _, verified = ingest(live_app, "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد.")
    article, moved = ingest(live_app, "قصفت الطائرات الحربية مدينة سراقب.")

    # The queue asks for an account, and the sign-in page brings the analyst back to it.
    page.goto(server.url + "/review")
    page.wait_for_url(re.compile(r"/login\?next=/review$"))
    page.fill("input[name=name]", "rana")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login [type=submit]")
    page.wait_for_url(re.compile(r"/review$"))
    expect(page.locator("header.site .account")).to_contain_text("rana")

    # One click verifies: the incident leaves the queue.
    page.click(f"#incident-{verified} button.verify")
    page.wait_for_url(re.compile(r"/review\?page=1$"))
    expect(page.locator(f"#incident-{verified}")).to_have_count(0)
    expect(page.locator(f"#incident-{moved}")).to_have_count(1)

    # Another moves to Aleppo, named in Arabic.
    page.fill(f"#incident-{moved} input[name=place_query]", "حلب")
    page.click(f"#incident-{moved} form.move [type=submit]")
    page.wait_for_url(re.compile(r"/review\?page=1$"))
    expect(page.locator(f"#incident-{moved} p.chosen")).to_contain_text("Aleppo")

    # The map's popups show both changes at once.
    popup = open_popup(page, server, verified)
    expect(popup.locator("[data-status=verified]")).to_have_count(1)
    popup = open_popup(page, server, moved)
    expect(popup).to_contain_text("Aleppo")
    expect(popup.locator("[data-status=unreviewed]")).to_have_count(1)

    # The article's page lists the change, who made it, and the place before and after.
    page.goto(f"{server.url}/articles/{article}")
    change = page.locator(f"#history tr.change[data-incident='{moved}'][data-action=place]")
    expect(change).to_have_count(1)
    expect(change).to_contain_text("rana")
    expect(change).to_contain_text("t:saraqib")
    expect(change).to_contain_text("t:aleppo")

    # So does the incident's own page, linked from the article's table.
    page.click(f"#incident-{moved} a.incident-link")
    page.wait_for_url(re.compile(rf"/incidents/{moved}$"))
    expect(page.locator("dl.incident-facts")).to_contain_text("Aleppo")
    change = page.locator("#history tr.change[data-action=place]")
    expect(change).to_contain_text("rana")
    expect(change).to_contain_text("t:aleppo")


def test_picking_a_runner_up_on_a_rows_map_moves_the_incident(live_app, server, page):
    from playwright.sync_api import expect

    from webapp.extensions import db
    from webapp.models import Incident

    add_user(live_app, "rana", "analyst")
    _, incident = ingest(live_app, "قصفت الطائرات الحربية مدينة سراقب.")
    with live_app.app_context():
        row = db.session.get(Incident, incident)
        row.mention.candidates = [
            {"place_id": "t:saraqib", "name": "Saraqib", "score": 0.6},
            {"place_id": "t:idlib", "name": "Idlib", "score": 0.3},
        ]
        db.session.commit()
    page.goto(server.url + "/login?next=/review")
    page.fill("input[name=name]", "rana")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login [type=submit]")
    page.wait_for_url(re.compile(r"/review$"))

    item = page.locator(f"#incident-{incident}")
    expect(item.locator(".review-map[data-map-ready='1']")).to_have_count(1)
    expect(item.locator("path[data-kind=chosen][data-place='t:saraqib']")).to_have_count(1)
    runner_up = item.locator("path[data-kind=runner-up][data-place='t:idlib']")
    expect(runner_up).to_have_count(1)
    runner_up.click()
    page.wait_for_url(re.compile(r"/review\?page=1$"))
    expect(page.locator(f"#incident-{incident} p.chosen")).to_contain_text("Idlib")
    chosen = page.locator(f"#incident-{incident} path[data-kind=chosen][data-place='t:idlib']")
    expect(chosen).to_have_count(1)


def test_an_analyst_drags_a_marker_and_the_history_records_the_new_point(live_app, server, page):
    from playwright.sync_api import expect

    from webapp.audit import history

    add_user(live_app, "rana", "analyst")
    _, moved = ingest(live_app, "قصفت الطائرات الحربية مدينة سراقب.")
    page.goto(server.url + "/login?next=/map")
    page.fill("input[name=name]", "rana")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login [type=submit]")
    page.wait_for_url(re.compile(r"/map$"))

    popup = open_popup(page, server, moved)
    page.click(".leaflet-popup-close-button")  # the marker is what we take
    expect(popup).to_have_count(0)
    dot = page.locator(f".incident-dot[data-incident='{moved}']")
    box = dot.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    with page.expect_response(lambda r: r.request.method == "PATCH") as answer:
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + 60, y + 40, steps=8)
        page.mouse.up()
    assert answer.value.status == 200
    with live_app.app_context():
        (change,) = history("incident", moved)
    assert change["user"] == "rana" and change["action"] == "location"
    assert (
        change["after"]["lat"] < change["before"]["lat"] and change["after"]["lon"] > change["before"]["lon"]
    )
    assert change["after"]["geo_precision"] == 1

    # The popup and the incident's page show the new point and who set it.
    popup = open_popup(page, server, moved)
    expect(popup).to_contain_text("1 · exact place")
    page.goto(f"{server.url}/incidents/{moved}")
    row = page.locator("#history tr.change[data-action=location]")
    expect(row).to_contain_text("rana")
    expect(row).to_contain_text(str(change["after"]["lat"]))


def test_a_viewer_cannot_drag_markers(live_app, server, page):
    add_user(live_app, "vera", "viewer")
    _, incident = ingest(live_app, "قصفت الطائرات الحربية مدينة سراقب.")
    page.goto(server.url + "/login?next=/map")
    page.fill("input[name=name]", "vera")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login [type=submit]")
    page.wait_for_url(re.compile(r"/map$"))
    open_popup(page, server, incident)
    assert page.evaluate("() => IncidentMap.state.options.edit") is None
    assert page.locator(f".incident-dot[data-incident='{incident}'].leaflet-marker-draggable").count() == 0
