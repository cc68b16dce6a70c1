"""One strike reported in Arabic and in English, in a real browser: the map shows one incident whose
popup lists both sources, each quote linking to its sentence; an analyst splits the English report
off on the incident page and merges it back, and the popup and the page's history follow."""

from __future__ import annotations

import re

import pytest
from accounts_helpers import PASSWORD, add_user

from webapp.article_input import ArticleInput
from webapp.ingest import ingest_article

pytestmark = pytest.mark.browser

ARABIC = (
    "قصفت طائرات حربية روسية صباح الأحد مدينة سراقب شرق إدلب، "
    "ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين بجروح."
)
ENGLISH = (
    "Russian warplanes struck the town of Saraqib in eastern Idlib countryside on Sunday, "
    "killing three civilians and wounding five, local sources said."
)


def ingest(app, text: str, published: str, title: str) -> tuple[int, int]:  # noqa: ANN001
    """Ingest ``text``; its article id and its one incident's id."""
    with app.app_context():
        article = ingest_article(ArticleInput(text=text, published=published, title=title)).article
        (incident,) = article.incidents
        return article.id, incident.id


def open_popup(page, server, incident_id: int):  # noqa: ANN001, ANN201
    from playwright.sync_api import expect

    page.goto(f"{server.url}/map?incident={incident_id}")
    popup = page.locator(".incident-popup")
    expect(popup).to_be_visible(timeout=20000)
    return popup


def test_two_reports_are_one_incident_and_an_analyst_splits_and_merges_them(live_app, server, page):
    from playwright.sync_api import expect

    add_user(live_app, "rana", "analyst")
    arabic_article, arabic = ingest(live_app, ARABIC, "2020-09-20", "غارات على سراقب <b>عاجل</b>")
    english_article, english = ingest(live_app, ENGLISH, "2020-09-21", "Strikes on Saraqib")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # The map: one incident, its popup listing both sources, each quote a link to its sentence.
    popup = open_popup(page, server, arabic)
    sources = popup.locator("li.source")
    expect(sources).to_have_count(2)
    expect(sources.nth(0)).to_contain_text("غارات على سراقب <b>عاجل</b>")  # a title is text, not markup
    expect(sources.nth(0).locator("b")).to_have_count(0)
    expect(sources.nth(0).locator("a.quote")).to_have_attribute("href", f"/articles/{arabic_article}#s-0")
    expect(sources.nth(1).locator("a.quote")).to_have_attribute("href", f"/articles/{english_article}#s-0")
    expect(sources.nth(1)).to_contain_text("Russian warplanes struck the town of Saraqib")
    assert page.evaluate("() => document.querySelectorAll('.incident-dot[data-incident]').length") == 1

    # The popup leads to the incident page, which asks the analyst to sign in for the buttons.
    popup.locator("a.incident-link").click()
    page.wait_for_url(re.compile(rf"/incidents/{arabic}$"))
    expect(page.locator("ol.sources li.source")).to_have_count(2)
    expect(page.locator(".incident-mini-map[data-map-ready='1'] path.leaflet-interactive")).to_have_count(1)
    page.goto(f"{server.url}/login?next=/incidents/{arabic}")
    page.fill("input[name=name]", "rana")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login [type=submit]")
    page.wait_for_url(re.compile(rf"/incidents/{arabic}$"))

    # Split the English report off: one source left here, and the history says who did it.
    page.click(f"li.source[data-incident='{english}'] button.split")
    page.wait_for_url(re.compile(rf"/incidents/{arabic}$"))
    expect(page.locator("ol.sources li.source")).to_have_count(1)
    split = page.locator("#history tr.change[data-action=split]")
    expect(split).to_have_count(1)
    expect(split).to_contain_text("rana")
    # The map draws two incidents again (at one point, so clustered: their markers are counted).
    page.goto(f"{server.url}/map")
    page.wait_for_function(
        "(ids) => window.IncidentMap && IncidentMap.state"
        " && ids.every((id) => IncidentMap.state.markers[id])",
        arg=[arabic, english],
    )

    # Merge it back by hand from its own page.
    page.goto(f"{server.url}/incidents/{english}")
    page.fill("form.merge input[name=into]", str(arabic))
    page.click("form.merge [type=submit]")
    page.wait_for_url(re.compile(rf"/incidents/{arabic}$"))
    expect(page.locator("ol.sources li.source")).to_have_count(2)
    expect(page.locator("#history tr.change[data-action=merge]")).to_have_count(2)  # automatic, then rana's
    popup = open_popup(page, server, arabic)
    expect(popup.locator("li.source")).to_have_count(2)
    assert errors == []
