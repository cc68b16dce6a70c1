"""End to end on the sample article from ../shared: through the form (with CSRF) and through the API.

Asserts issue 2's "What the sample article must yield" on what the app stored and serves.
"""

from __future__ import annotations

import io
import re

import pytest

from gazetteer import distance_km, normalize_name

SAMPLE = "samples/souria-idlib-airstrikes-2020-09-20.ar.txt"
PUBLISHED = "2020-09-20"
# Syria's extent (degrees) with a small margin; no incident may fall outside it.
SYRIA_BBOX = (35.6, 32.3, 42.4, 37.4)

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def bundled_gazetteer():
    from gazetteer.places.bundled import default_gazetteer

    return default_gazetteer()


@pytest.fixture
def sample_text(shared_dir) -> str:
    path = shared_dir / SAMPLE
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def real_app(make_app, bundled_gazetteer):
    return make_app(WTF_CSRF_ENABLED=True, GAZETTEER=bundled_gazetteer)


def idlib_city(gazetteer):
    return next(p for p in gazetteer.lookup("Idlib") if p.type.value == "city")


def assert_sample_outcomes(body: dict, features: list[dict], gazetteer) -> None:
    """The issue's acceptance list, checked on the API's article and GeoJSON."""
    idlib = idlib_city(gazetteer)
    incidents = body["incidents"]

    def near_idlib(inc) -> bool:
        lon, lat = _point(inc)
        return distance_km(lat, lon, idlib.lat, idlib.lon) <= 10

    arab_said = [
        i
        for i in incidents
        if i["place"] and normalize_name(i["place"]["name_ar"]) == normalize_name("عرب سعيد")
    ]
    assert arab_said, "an incident at «عرب سعيد»"
    strike = arab_said[0]
    assert strike["sub_event_type"] == "Air/drone strike" and strike["date"] == PUBLISHED
    assert near_idlib(strike) and strike["geo_precision"] in (1, 2)

    prison = [i for i in incidents if i["place"] and i["place"]["type"] == "prison"]
    assert prison, "an incident at or around Idlib central prison"
    assert all(near_idlib(i) and i["geo_precision"] in (1, 2) for i in prison)

    roads = [i for i in incidents if i["place"] and i["place"]["type"] == "road"]
    assert roads, "incidents on the M4"
    for inc in roads:
        assert inc["location"]["type"] == "LineString"
        assert "M4" in (inc["place"]["name"] + inc["place"]["id"]).upper()
    m4_mentions = [
        m for m in body["mentions"] if re.fullmatch(r"(?i)m4", m["text"]) or "اللاذقية" in m["text"]
    ]
    assert m4_mentions and all(m["place"] and m["place"]["type"] == "road" for m in m4_mentions)

    for inc in incidents:
        if inc["location"] is None:
            continue
        lon, lat = _point(inc)
        west, south, east, north = SYRIA_BBOX
        assert south <= lat <= north and west <= lon <= east, inc
    for name in ("Ankara", "Moscow"):
        found = [m for m in body["mentions"] if m["place"] and m["place"]["name"] == name]
        assert found, f"{name} recognised"
        assert all(m["role"] != "incident" for m in found)

    # The map's GeoJSON carries the same located incidents, with sentence links and highlights.
    located = {i["id"] for i in incidents if i["location"] is not None}
    assert {f["properties"]["id"] for f in features} == located
    for f in features:
        props = f["properties"]
        assert props["article_url"] == f"/articles/{body['id']}#s-{props['sentence_index']}"
        if props["highlight"]:
            start, end = props["highlight"]
            assert props["sentence"][start:end]
    road_features = [f for f in features if f["properties"]["place_type"] == "road"]
    assert road_features and all(f["geometry"]["type"] == "LineString" for f in road_features)


def _point(inc: dict) -> tuple[float, float]:
    """The incident's representative (lon, lat); for a line, every vertex must lie in Syria too."""
    west, south, east, north = SYRIA_BBOX
    if inc["location"]["type"] == "LineString":
        assert all(west <= x <= east and south <= y <= north for x, y in inc["location"]["coordinates"])
    return inc["lon"], inc["lat"]


def test_sample_through_the_form(real_app, sample_text, bundled_gazetteer):
    client = real_app.test_client()
    form = client.get("/upload").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    response = client.post(
        "/upload",
        data={
            "csrf_token": token,
            "published": PUBLISHED,
            "title": "غارات روسية على محيط إدلب",
            "file": (io.BytesIO(sample_text.encode("utf-8")), "sample.txt"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    article_url = response.headers["Location"]
    page = client.get(article_url).get_data(as_text=True)
    assert 'dir="rtl"' in page and 'id="s-0"' in page and "<mark" in page
    article_id = int(article_url.rsplit("/", 1)[1])
    body = client.get(f"/api/articles/{article_id}").get_json()
    features = client.get(f"/api/incidents?article={article_id}").get_json()["features"]
    assert_sample_outcomes(body, features, bundled_gazetteer)
    # each popup link lands on an anchored sentence of the article page
    for f in features:
        assert f'id="s-{f["properties"]["sentence_index"]}"' in page


def test_sample_through_the_api(real_app, sample_text, bundled_gazetteer):
    client = real_app.test_client()
    response = client.post("/api/articles", json={"text": sample_text, "published": PUBLISHED})
    assert response.status_code == 201
    body = response.get_json()
    features = client.get("/api/incidents", query_string={"article": body["id"]}).get_json()["features"]
    assert_sample_outcomes(body, features, bundled_gazetteer)
    again = client.post("/api/articles", json={"text": sample_text, "published": PUBLISHED})
    assert again.status_code == 200 and again.get_json()["id"] == body["id"]
