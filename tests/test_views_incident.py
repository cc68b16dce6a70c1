"""The incident page (webapp/incidents): facts, sources with quotes, map, history, and analysts' buttons."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from accounts_helpers import add_user, page_csrf_token, sign_in
from incident_rows import add_incident

from webapp.audit import Actor, history
from webapp.extensions import db
from webapp.merging import merge_incident
from webapp.models import Incident

#: A script or stylesheet loaded from another host ("https://unpkg…", "//cdn…").
_LOADED_FROM_ANOTHER_HOST = re.compile(r"""<(?:script|link)\b[^>]*(?:src|href)=["']?(?:https?:)?//""")

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def merged(app) -> tuple[int, int]:
    """An English report and an Arabic report merged into it: (primary, report)."""
    with app.app_context():
        primary = add_incident(
            sentence="Russian jets struck Idlib.", place="Idlib", title=f"Strike {HOSTILE}"
        )
        report = add_incident(
            sentence="قصفت طائرات روسية مدينة إدلب.",
            place="إدلب",
            title="غارة على إدلب",
            date=dt.date(2020, 9, 21),
        )
        db.session.get(Incident, report).article.language = "ar"
        db.session.commit()
        merge_incident(report, primary, Actor("tester"))
        return primary, report


def test_the_page_shows_the_incident_its_sources_quotes_map_and_history(client, merged):
    primary, report = merged
    page = client.get(f"/incidents/{primary}").get_data(as_text=True)
    assert re.search(rf"<h1>Incident (<bdi>)?{primary}(</bdi>)?: ", page)
    assert "Air/drone strike" in page and "Idlib" in page and "unreviewed" in page
    quotes = re.findall(r'<a class="quote" href="([^"]+)" dir="auto">([^<]*)</a>', page)
    assert [q[1] for q in quotes] == ["Russian jets struck Idlib.", "قصفت طائرات روسية مدينة إدلب."]
    assert all(re.fullmatch(r"/articles/\d+#s-0", href) for href, _ in quotes)
    assert HOSTILE not in page and "Strike &lt;script&gt;" in page  # titles come from articles: escaped
    assert 'class="mini-map incident-mini-map"' in page and "/vendor/leaflet/leaflet.js" in page
    # every script and style is served by the app, none from another host (a random CSRF token may
    # spell "cdn", so look at the addresses the page loads, not at its text)
    assert not re.search(_LOADED_FROM_ANOTHER_HOST, page)
    assert f'<tr class="change" data-incident="{primary}" data-action="merge">' in page
    assert f'action="/incidents/{report}/split"' in page  # open mode: everyone may split


def test_a_merged_report_points_at_its_primary(client, merged):
    primary, report = merged
    page = client.get(f"/incidents/{report}").get_data(as_text=True)
    assert f'href="/incidents/{primary}"' in page and "merged into incident" in page
    assert f'action="/incidents/{report}/split"' in page


def test_the_page_speaks_arabic_and_quotes_keep_their_direction(client, merged):
    primary, _ = merged
    page = client.get(f"/incidents/{primary}?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page and "المصادر" in page and "سجل التعديلات" in page
    assert re.search(r'<blockquote dir="auto" lang="ar">', page)


def test_the_buttons_verify_split_and_merge(app, client, merged):
    primary, report = merged
    response = client.post(f"/incidents/{primary}/status", data={"status": "verified"})
    assert response.status_code == 302 and response.headers["Location"] == f"/incidents/{primary}"
    response = client.post(f"/incidents/{report}/split", data={"back": str(primary)})
    assert response.headers["Location"] == f"/incidents/{primary}"
    with app.app_context():
        assert db.session.get(Incident, report).merged_into_id is None
    response = client.post(f"/incidents/{report}/merge", data={"into": f"#{primary}"})
    assert response.headers["Location"] == f"/incidents/{primary}"
    with app.app_context():
        assert db.session.get(Incident, report).merged_into_id == primary
        assert [c["action"] for c in history("incident", report)] == ["merge", "split", "merge"]
        assert [c["action"] for c in history("incident", primary)] == ["merge", "status", "split", "merge"]
    assert client.post(f"/incidents/{report}/merge", data={"into": "soon"}).status_code == 400


def test_viewers_see_no_buttons_and_may_not_press_them(app, merged):
    primary, report = merged
    add_user(app, "vera", "viewer")
    client = app.test_client()
    sign_in(client, "vera")
    page = client.get(f"/incidents/{primary}").get_data(as_text=True)
    assert "Sources" in page and "/split" not in page and "/merge" not in page
    assert client.post(f"/incidents/{report}/split").status_code == 403


def test_the_buttons_need_the_csrf_token(make_app, merged):
    primary, report = merged
    app = make_app(WTF_CSRF_ENABLED=True)
    add_user(app, "rana", "analyst")
    client = app.test_client()
    sign_in(client, "rana")
    assert client.post(f"/incidents/{report}/split").status_code == 400
    token = page_csrf_token(client, f"/incidents/{primary}")
    assert client.post(f"/incidents/{report}/split", data={"csrf_token": token}).status_code == 302


def test_an_unknown_incident_is_404(client):
    assert client.get("/incidents/999").status_code == 404
