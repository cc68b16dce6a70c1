import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from geo_toy import toy_gazetteer

from gazetteer import geoparse
from gazetteer.places.index import distance_km
from gazetteer.places.place import PlaceType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = SHARED / "samples" / "souria-idlib-airstrikes-2020-09-20.ar.txt"
IDLIB_CITY = (35.93, 36.63)


@pytest.fixture(scope="module")
def toy():
    return toy_gazetteer()


@pytest.fixture(scope="module")
def real():
    if importlib.util.find_spec("gazetteer.places.bundled") is None:
        pytest.skip("gazetteer.places.bundled not available yet")
    from gazetteer.places.bundled import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="module")
def sample():
    if not SAMPLE.exists():
        pytest.skip(f"../shared not found: {SAMPLE}")
    return SAMPLE.read_text(encoding="utf-8")


def test_result_holds_sentences_mentions_and_language(toy):
    text = "Russian jets struck the village of Arab Said, west of Idlib city.\nTalks were held in Ankara."
    result = geoparse(text, gazetteer=toy)
    assert result.language == "en"
    assert [s.index for s in result.sentences] == [0, 1]
    assert [(m.text, m.sentence, m.place.id) for m in result.mentions] == [
        ("Arab Said", 0, "toy:arab-said"),
        ("Idlib", 0, "toy:idlib"),
        ("Ankara", 1, "toy:ankara"),
    ]
    for m in result.mentions:
        assert text[m.start : m.end] == m.text and m.location is not None and m.reason


def test_unsupported_common_words_are_dropped(toy):
    assert geoparse("نقل المعتقلون إلى السجن", gazetteer=toy).mentions == []


def test_language_argument_overrides_detection(toy):
    assert geoparse("idlib", gazetteer=toy, language="ar").mentions[0].place.id == "toy:idlib"
    assert geoparse("idlib", gazetteer=toy).mentions == []  # English: lower case is no name


def _by_text(result, surface):
    return [m for m in result.mentions if m.text == surface]


def _check_sample(result):
    def near_idlib(m, km=10.0):
        return distance_km(m.place.lat, m.place.lon, *IDLIB_CITY) < km

    arab_said = _by_text(result, "عرب سعيد")
    misspelt = _by_text(result, "غرب سعيد")
    assert arab_said and misspelt
    assert misspelt[0].fuzzy and misspelt[0].place == arab_said[0].place
    assert arab_said[0].place.type is PlaceType.VILLAGE and near_idlib(arab_said[0])

    (prison,) = _by_text(result, "السجن المركزي")
    assert prison.place.type is PlaceType.PRISON and near_idlib(prison)
    assert all(m.place is None or m.place.lat > 33.5 for m in result.mentions)  # nothing in As-Suwayda

    roads = [m for m in result.mentions if m.place is not None and m.place.type is PlaceType.ROAD]
    road_sentences = {m.sentence for m in roads}
    assert len(road_sentences) >= 2
    for m in roads:
        assert m.location.geometry["type"] in ("LineString", "MultiLineString")
    # The two end cities inside the road's span are not mentions of their own.
    for m in result.mentions:
        assert m.text not in ("حلب", "اللاذقية") or m.sentence not in road_sentences

    for surface in ("أنقرة", "موسكو"):
        found = _by_text(result, surface)
        assert found and all(not m.place.in_syria for m in found)
    assert all(m.location is None for m in result.mentions if m.place and m.place.type is PlaceType.COUNTRY)


def test_sample_article_on_the_toy_gazetteer(toy, sample):
    _check_sample(geoparse(sample, gazetteer=toy))


@pytest.mark.shared
def test_sample_article_on_the_bundled_gazetteer(real, sample):
    _check_sample(geoparse(sample, gazetteer=real))


CORPUS = SHARED / "corpus" / "syrian-archive-dev.jsonl"
CHEMICAL = "collections/chemical-weapons/useofchemicalweapons2"
MEDICAL = "investigations/second-medical-facilities-under-fire/index"


@pytest.fixture(scope="module")
def corpus():
    if not CORPUS.exists():
        pytest.skip(f"../shared not found: {CORPUS}")
    import json

    with CORPUS.open(encoding="utf-8") as fh:
        return {rec["path"]: rec for rec in map(json.loads, fh)}


def _in_syria_box(lat, lon):
    return 32.0 <= lat <= 37.5 and 35.5 <= lon <= 42.5


def _check_invariants(text, result):
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
        if m.place is None:  # a toponym the gazetteer lacks («مشفى أورينت»): no guess
            # Its location, if any, is its container's ("Hawash, a village in Hama province").
            assert m.location is None or m.location.place is m.container
            continue
        assert m.candidates and m.candidates[0].place == m.place
        if m.place.type is PlaceType.COUNTRY:
            assert m.location is None
        elif m.place.in_syria:
            assert _in_syria_box(m.location.lat, m.location.lon)


@pytest.mark.shared
@pytest.mark.parametrize("suffix", [".md", "_ar.md"])
def test_corpus_governorate_overview_in_both_languages(real, corpus, suffix):
    text = corpus[CHEMICAL + suffix]["text"]
    result = geoparse(text, gazetteer=real)
    _check_invariants(text, result)
    assert result.language == ("ar" if suffix == "_ar.md" else "en")
    assert all(m.place.in_syria if m.place else m.container.in_syria for m in result.mentions)
    cities = {
        "Idlib": (35.93, 36.63),
        "Aleppo": (36.20, 37.13),
        "Hama": (35.13, 36.75),
        "Homs": (34.73, 36.71),
        "Daraa": (32.62, 36.10),
    }
    places = [m.place for m in result.mentions if m.place is not None]
    for name, (lat, lon) in cities.items():
        assert any(distance_km(lat, lon, p.lat, p.lon) < 15 for p in places), name


@pytest.mark.shared
@pytest.mark.parametrize("suffix", [".md", "_ar.md"])
def test_corpus_report_with_foreign_places_and_provinces(real, corpus, suffix):
    text = corpus[MEDICAL + suffix]["text"]
    result = geoparse(text, gazetteer=real)
    _check_invariants(text, result)
    resolved = [m for m in result.mentions if m.place is not None]
    countries = {m.place.country for m in resolved}
    assert {"SY", "RU", "TR"} <= countries
    governorates = [m for m in resolved if m.place.type is PlaceType.GOVERNORATE]
    assert governorates and all(m.location.geo_precision == 3 for m in governorates)
    # «إدلب»/"Idlib" after «محافظة»/"province" is the governorate, with the cue kept.
    assert any(m.cue in ("محافظه", "province", "governorate") for m in governorates)


@pytest.mark.parametrize(
    "text",
    [
        "قصفت الطائرات إدلب بـ 𐩀 غارات",  # a Kharosthi digit: str.isdigit(), but int() refuses it
        "قصفت الطائرات إدلب بـ " + "7" * 5000 + " غارة",  # beyond int()'s 4,300 digits
        "قصفت الطائرات قرية 𐩀 كم غرب إدلب",
        "Jets struck a village 𐩀 km west of Idlib.",
    ],
)
def test_odd_digits_never_raise(toy, text):
    result = geoparse(text, gazetteer=toy)
    assert [m.text for m in result.mentions][-1:] in (["إدلب"], ["Idlib"])


_FIRST_ARTICLE = """
import datetime as dt
import sys

import yaml

sys.path.insert(0, {tests!r})
from geo_toy import toy_gazetteer

import gazetteer
from gazetteer import Gazetteer

gaz = toy_gazetteer()
if {prepare!r}:
    gazetteer.prepare(gaz)


def refuse(*args, **kwargs):
    raise RuntimeError("built on first use")


yaml.safe_load = refuse  # every word list is read from YAML
Gazetteer.keys = refuse  # every index of the matcher is a pass over the names
Gazetteer.__iter__ = refuse
texts = [
    "قصفت طائرات حربية روسية قرية «عرب سعيد» غرب مدينة إدلب يوم 20 أيلول 2020، ما أسفر عن مقتل 3 مدنيين.",
    "Russian jets struck Saraqib and the M4 highway near Ariha on Sunday, killing five civilians.",
]
for text in texts:
    gazetteer.geoparse(text, gazetteer=gaz, published=dt.date(2020, 9, 20))
print("geoparsed")
"""


@pytest.mark.parametrize("prepared", [True, False])
def test_a_prepared_gazetteer_builds_nothing_on_its_first_article(prepared):
    """After prepare(), geoparsing reads no word list and makes no pass over the gazetteer (fresh process)."""
    script = _FIRST_ARTICLE.format(tests=str(Path(__file__).parent), prepare=prepared)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    if prepared:
        assert done.returncode == 0 and "geoparsed" in done.stdout, done.stderr
    else:  # the check itself works: unprepared, the first article builds on first use
        assert done.returncode != 0 and "built on first use" in done.stderr


_DERIVED_AT_PREPARE = """
import sys

sys.path.insert(0, {tests!r})
from geo_toy import toy_gazetteer

import gazetteer
from gazetteer.geoparser.unknownwords import cue_words, incident_words

gazetteer.prepare(toy_gazetteer())
print(cue_words.cache_info().currsize, incident_words.cache_info().currsize)
"""


def test_prepare_derives_the_unknown_name_readers_words() -> None:
    """prepare() builds the cue and incident words the unknown-name readers ask (fresh process)."""
    script = _DERIVED_AT_PREPARE.format(tests=str(Path(__file__).parent))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1"]


def test_a_broken_extractor_fails_the_import_instead_of_giving_no_incidents() -> None:
    """The pipeline imports the incident extractor directly: an ImportError there is not swallowed."""
    import subprocess
    import sys

    code = "import sys; sys.modules['gazetteer.events.extract'] = None; import gazetteer.geoparser.pipeline"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode != 0 and "gazetteer.events.extract" in run.stderr.splitlines()[-1]
