"""Tests for gazetteer.measure.evaluate: span, resolution and incident scoring on hand-built results, CLI.

The scoring of score_mentions and score_incidents is tested through score_doc; the sums of metrics
and the text of report on its results.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gazetteer import Gazetteer, GeoparseResult, Incident, Location, Mention, Place, PlaceType, Sentence
from gazetteer.measure import evaluate as ev
from gazetteer.measure.annotate import make_record
from gazetteer.measure.goldrecords import (
    GoldContainer,
    GoldDoc,
    GoldIncident,
    GoldMention,
    GoldNoIncident,
    GoldNotPlace,
)
from gazetteer.measure.metrics import aggregate
from gazetteer.measure.report import error_summary, format_report

# Our own text, written for these tests.
TEXT = "Jets struck Idlib and Saraqib. Patrols drove on the M4 road near Ankara Street."
S0_END = TEXT.index(".") + 1
IDLIB = Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.93, 36.634)
SARAQIB = Place("t:saraqib", "Saraqib", "سراقب", PlaceType.TOWN, 35.864, 36.800)
HOMS = Place("t:homs", "Homs", "حمص", PlaceType.CITY, 34.730, 36.710)
M4_LINE = {"type": "LineString", "coordinates": [[37.134, 36.202], [36.801, 35.864], [35.790, 35.532]]}
M4 = Place("t:m4", "M4", "M4", PlaceType.ROAD, 35.864, 36.801, geometry=M4_LINE)
AIR = ("Explosions/Remote violence", "Air/drone strike")


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def gold_doc() -> GoldDoc:
    def g(word: str, lat: float | None, lon: float | None, type_: str = "city") -> GoldMention:
        s, e = _span(word)
        return GoldMention(s, e, word, lat, lon, type_)

    return GoldDoc(
        id="t",
        text=TEXT,
        language="en",
        published=None,
        mentions=(
            g("Idlib", 35.93, 36.634),
            g("Saraqib", 35.864, 36.800),
            g("M4 road", 35.70, 36.30, "road"),  # a point on the line between Saraqib and Latakia
        ),
        incidents=(
            GoldIncident(0, *AIR, 35.93, 36.634),
            GoldIncident(0, *AIR, 35.864, 36.800),
            GoldIncident(S0_END + 1, "Strategic developments", "Other", 35.70, 36.30),
        ),
    )


def mention(
    word: str, place: Place | None, sentence: int = 0, *, location: Location | None = None
) -> Mention:
    s, e = _span(word)
    return Mention(word, s, e, sentence, place, location=location)


def result(mentions: list[Mention], incidents: list[Incident]) -> GeoparseResult:
    sentences = [
        Sentence(0, 0, S0_END, TEXT[:S0_END]),
        Sentence(1, S0_END + 1, len(TEXT), TEXT[S0_END + 1 :]),
    ]
    return GeoparseResult("en", sentences, mentions, incidents)


def loc(place: Place) -> Location:
    return Location(place.lat, place.lon, 1, place, place.geometry)


def test_perfect_result_scores_one_everywhere() -> None:
    r = result(
        [mention("Idlib", IDLIB), mention("Saraqib", SARAQIB), mention("M4 road", M4, 1)],
        [
            Incident(*AIR, 0, "struck", location=loc(IDLIB)),
            Incident(*AIR, 0, "struck", location=loc(SARAQIB)),
            Incident("Strategic developments", "Other", 1, "patrols", location=loc(M4)),
        ],
    )
    m = aggregate([ev.score_doc(gold_doc(), r)])
    assert (m.exact.f1, m.overlap.f1) == (1.0, 1.0)
    # The road gold point lies on the line, far from the M4's representative point: measured on the line.
    assert m.acc_km == {1: 1.0, 5: 1.0, 10: 1.0, 161: 1.0}
    assert m.median_km is not None and m.median_km < 1
    assert (m.event_type_accuracy, m.sub_event_type_accuracy, m.incident_acc_10km) == (1.0, 1.0, 1.0)
    assert m.incidents_spurious == 0


def test_partial_spans_count_for_overlap_not_exact() -> None:
    r = result([mention("M4", M4, 1), mention("Ankara Street", None, 1)], [])
    m = aggregate([ev.score_doc(gold_doc(), r)])
    assert m.exact.gold_found == 0 and m.exact.precision == 0.0
    assert m.overlap.gold_found == 1 and m.overlap.recall == pytest.approx(1 / 3)
    assert m.overlap.precision == pytest.approx(1 / 2)  # «Ankara Street» overlaps no gold toponym
    assert m.per_doc[0].missed == ["'Idlib'@12", "'Saraqib'@22"]
    assert m.per_doc[0].spurious[0].startswith("'Ankara Street'")


def test_wrong_and_unresolved_resolutions_are_misses() -> None:
    r = result([mention("Idlib", HOMS), mention("Saraqib", None)], [])
    m = aggregate([ev.score_doc(gold_doc(), r)])
    assert m.resolved_gold == 2 and m.unresolved == 1
    assert m.acc_km[161] == 0.5  # Homs is ~135 km from Idlib; the unresolved one counts as wrong
    assert m.acc_km[10] == 0.0
    assert 130 < m.median_km < 140  # type: ignore[operator]
    assert any("t:homs" in w for w in m.per_doc[0].wrong_resolutions)


def test_resolution_is_measured_at_the_place_and_falls_back_to_the_location() -> None:
    west_of_idlib = Location(35.93, 36.55, 2, IDLIB)  # «غرب مدينة إدلب»: the toponym still names Idlib
    near_saraqib = Location(35.87, 36.80, 2)  # a location without a place
    r = result(
        [mention("Idlib", IDLIB, location=west_of_idlib), mention("Saraqib", None, location=near_saraqib)], []
    )
    m = aggregate([ev.score_doc(gold_doc(), r)])
    assert m.acc_km[1] == 1.0 and m.unresolved == 0


def test_incidents_are_matched_by_sentence_and_missing_ones_count_as_wrong() -> None:
    r = result(
        [mention("Idlib", IDLIB)],
        [
            Incident(
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                0,
                "struck",
                location=loc(HOMS),
            )
        ],
    )
    m = aggregate([ev.score_doc(gold_doc(), r)])
    assert m.incidents_gold == 3 and m.incidents_predicted == 1
    assert m.event_type_accuracy == pytest.approx(1 / 3)
    assert m.sub_event_type_accuracy == 0.0
    assert m.incident_acc_10km == 0.0
    assert len(m.per_doc[0].incident_errors) >= 3


def test_incidents_in_sentences_without_gold_are_spurious() -> None:
    gold = gold_doc()
    gold = GoldDoc(gold.id, gold.text, gold.language, None, gold.mentions, gold.incidents[:2])
    r = result([], [Incident("Strategic developments", "Other", 1, "patrols", location=loc(M4))])
    assert aggregate([ev.score_doc(gold, r)]).incidents_spurious == 1


def _write_gold(tmp_path: Path) -> tuple[Path, Path]:
    shared = tmp_path / "shared"
    (shared / "samples").mkdir(parents=True)
    ar = "قصفت طائرات حربية مدينة إدلب وسراقب. وسارت دوريات على طريق M4 قرب أنقرة."
    (shared / "samples" / "t.txt").write_text(ar, encoding="utf-8")
    rec = make_record(
        {"file": "samples/t.txt"},
        ar,
        span=None,
        language="ar",
        published="2020-09-20",
        mentions=[
            {"text": "إدلب", "lat": 35.93, "lon": 36.634, "type": "city"},
            {"text": "سراقب", "lat": 35.864, "lon": 36.8, "type": "town"},
            {"text": "أنقرة", "lat": 39.93, "lon": 32.86, "type": "foreign_city"},
        ],
        incidents=[
            {"sentence": "قصفت", "event_type": AIR[0], "sub_event_type": AIR[1], "lat": 35.93, "lon": 36.634}
        ],
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold, shared


def test_evaluate_runs_the_real_pipeline(tmp_path: Path, tiny_gazetteer: Gazetteer) -> None:
    gold, shared = _write_gold(tmp_path)
    m = ev.evaluate(gold, tiny_gazetteer, shared)
    assert m.docs == 1 and m.overlap.gold == 3
    assert m.overlap.recall == 1.0  # all three names are in the tiny gazetteer
    assert m.acc_km[5] == 1.0


def test_cli_prints_json_metrics(tmp_path: Path, tiny_gazetteer: Gazetteer, monkeypatch, capsys) -> None:
    gold, shared = _write_gold(tmp_path)
    monkeypatch.setattr(ev, "_default_gazetteer", lambda: tiny_gazetteer)
    assert ev.main([str(gold), "--shared", str(shared), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)[str(gold)]
    assert data["toponyms"]["overlap"]["recall"] == 1.0
    assert set(data["resolution"]) >= {"acc@1km", "acc@5km", "acc@10km", "acc@161km", "median_km", "mean_km"}
    assert "event_type_accuracy" in data["incidents"]


def test_cli_text_report_and_missing_shared(
    tmp_path: Path, tiny_gazetteer: Gazetteer, monkeypatch, capsys
) -> None:
    gold, shared = _write_gold(tmp_path)
    monkeypatch.setattr(ev, "_default_gazetteer", lambda: tiny_gazetteer)
    assert ev.main([str(gold), "--shared", str(shared), "--verbose"]) == 0
    assert "Acc@161km" in capsys.readouterr().out
    assert ev.main([str(gold), "--shared", str(tmp_path / "absent")]) == 2
    assert "not found" in capsys.readouterr().err


def test_idrisi_counts_predictions_inside_compound_hashtags(
    tmp_path: Path, tiny_gazetteer: Gazetteer
) -> None:
    text = "أمطار في #أنقرة و #سيول_أنقرة اليوم"  # our own tweet-like line
    start = text.index("أنقرة")
    gold = {
        "tweet_id": "1",
        "text": text,
        "location_mentions": [
            {
                "text": "أنقرة",
                "start": start,
                "end": start + 5,
                "type": "City/town",
                "lat": 39.93,
                "lon": 32.86,
            }
        ],
    }
    path = tmp_path / "idrisi.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    m = ev.evaluate_idrisi(path, tiny_gazetteer)
    assert m.overlap.recall == 1.0
    assert m.overlap.predicted == 2 and m.overlap.precision == 0.5
    assert m.notes["unmatched predictions inside compound hashtags"] == 1
    assert m.notes["overlap precision without them"] == 1.0


def test_gold_incident_without_stated_type_is_scored_for_location_only() -> None:
    gold = gold_doc()
    unknown = GoldIncident(S0_END + 1, "", "", 35.70, 36.30)
    gold = GoldDoc(gold.id, gold.text, gold.language, None, gold.mentions, (unknown,))
    r = result([], [Incident("Battles", "Armed clash", 1, "attacks", location=loc(M4))])
    m = aggregate([ev.score_doc(gold, r)])
    assert m.event_type_accuracy is None  # no gold incident with a stated type
    assert m.incident_acc_10km == 1.0 and m.incidents_spurious == 0


def test_evaluate_docs_splits_figures_by_language(tiny_gazetteer: Gazetteer) -> None:
    en = gold_doc()
    ar_text = "قصفت طائرات مدينة إدلب."
    s = ar_text.index("إدلب")
    ar = GoldDoc("ar", ar_text, "ar", None, (GoldMention(s, s + 4, "إدلب", 35.93, 36.634, "city"),))
    m = ev.evaluate_docs([en, ar], tiny_gazetteer)
    split = m.notes["by language"]
    assert set(split) == {"ar", "en"}
    assert split["ar"]["toponyms"] == 1 and split["en"]["toponyms"] == 3
    assert split["ar"]["overlap F1"] == 1.0


def test_error_summary_groups_errors_by_category() -> None:
    r = result([mention("Idlib", HOMS), mention("Ankara Street", None, 1)], [])
    text = error_summary(aggregate([ev.score_doc(gold_doc(), r)]))
    assert "-- missed toponyms: 2" in text and "'Saraqib'" in text
    assert "-- spurious toponyms: 1" in text
    assert "'Idlib' [city] → t:homs Homs" in text
    assert "no predicted incident" in text


# -- per-class figures ---------------------------------------------------------------------------------

# Our own report, written for these tests: a headline, the lead, a second strike, a background sentence.
CLASS_TEXT = (
    "Shelling hits Kafr Tal. "
    "Shelling hit Kafr Tal near Idlib, killing 2 and wounding 7 on 3 March 2020, "
    "Hay'at Tahrir al-Sham said at 10:00 Damascus time. "
    "Jets struck Saraqeb. "
    "The ceasefire agreed in Moscow did not hold."
)
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def _at(word: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = CLASS_TEXT.index(word, pos + 1)
    return pos


def _class_sentences() -> list[Sentence]:
    bounds = [0, _at("Shelling hit Kafr"), _at("Jets"), _at("The cease"), len(CLASS_TEXT)]
    return [
        Sentence(i, s, e, CLASS_TEXT[s:e]) for i, (s, e) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]


def class_gold(genre: str = "narrative", radius_km: float = 15.0) -> GoldDoc:
    idlib_area = GoldContainer("Idlib", 35.93, 36.634, radius_km, _at("Idlib"), _at("Idlib") + 5)

    def village(nth: int) -> GoldMention:
        s = _at("Kafr Tal", nth)
        return GoldMention(
            s, s + 8, "Kafr Tal", None, None, "village", "", ("unknown_village",), False, idlib_area
        )

    saraqeb = GoldMention(
        _at("Saraqeb"), _at("Saraqeb") + 7, "Saraqeb", 35.864, 36.8, "town", "", ("latin_variant",)
    )
    mentions = (
        village(0),
        village(1),
        GoldMention(_at("Idlib"), _at("Idlib") + 5, "Idlib", 35.93, 36.634, "city"),
        saraqeb,
        GoldMention(_at("Moscow"), _at("Moscow") + 6, "Moscow", 55.756, 37.617, "foreign_city"),
    )
    incidents = (
        GoldIncident(
            _at("Shelling hit Kafr"),
            *SHELLING,
            35.93,
            36.634,
            "",
            _at("Kafr Tal", 1),
            2,
            dt.date(2020, 3, 3),
            2,
            7,
        ),
        GoldIncident(_at("Jets"), *AIR, 35.864, 36.8, "", saraqeb.start, 1),
    )
    group = _at("Hay'at")
    not_places = (
        GoldNotPlace(group, group + len("Hay'at Tahrir al-Sham"), "Hay'at Tahrir al-Sham", "group"),
        GoldNotPlace(_at("Damascus"), _at("Damascus") + 13, "Damascus time", "time_zone"),
    )
    quiet = (
        GoldNoIncident(0, _at("Shelling hit Kafr") - 1, "headline"),
        GoldNoIncident(_at("The cease"), len(CLASS_TEXT), "agreement"),
    )
    return GoldDoc("c", CLASS_TEXT, "en", None, mentions, incidents, "written", genre, not_places, quiet)


def class_result(second_village: Place | None = HOMS) -> GeoparseResult:
    def m(word: str, place: Place | None, sentence: int, nth: int = 0) -> Mention:
        s = _at(word, nth)
        return Mention(word, s, s + len(word), sentence, place)

    mentions = [
        m("Kafr Tal", None, 0),  # kept, unresolved
        m("Kafr Tal", second_village, 1, 1),
        m("Idlib", IDLIB, 1),
        m("Sham", HOMS, 1),  # a place word inside a group's name
        m("Saraqeb", SARAQIB, 2),
    ]
    incidents = [
        Incident(*SHELLING, 0, "shelling", location=Location(35.93, 36.634, 2, IDLIB)),  # the headline again
        Incident(
            *SHELLING,
            1,
            "shelling",
            date=dt.date(2020, 3, 3),
            fatalities=2,
            injuries=5,
            location=Location(35.93, 36.634, 2, IDLIB),
        ),
        Incident(*AIR, 2, "struck", location=loc(SARAQIB)),
    ]
    return GeoparseResult("en", _class_sentences(), mentions, incidents)


def test_per_class_figures_on_a_hand_made_report() -> None:
    m = aggregate([ev.score_doc(class_gold(), class_result())])
    c = m.classes
    rate = lambda t: (t.count, t.cases)  # noqa: E731
    assert rate(c["unresolved_kept"]) == (1, 2)  # the second one went to a homonym outside the container
    assert rate(c["mention_class_recall"]["unknown_village"]) == (2, 2)
    assert rate(c["mention_class_recall"]["latin_variant"]) == (1, 1)
    assert rate(c["mention_class_acc@10km"]["latin_variant"]) == (1, 1)
    assert "unknown_village" not in c["mention_class_acc@10km"]  # no gold point: not scored for distance
    assert rate(c["false_place"]["all"]) == (1, 2)
    assert rate(c["false_place"]["group"]) == (1, 1) and rate(c["false_place"]["time_zone"]) == (0, 1)
    assert rate(c["incident_acc@10km_by_geo_precision"]["2"]) == (1, 1)
    assert rate(c["incident_acc@10km_by_geo_precision"]["1"]) == (1, 1)
    assert rate(c["incident_acc@10km_by_place_class"]["unknown_village"]) == (1, 1)
    assert rate(c["incident_acc@10km_by_place_class"]["not_in_gazetteer"]) == (1, 1)
    assert rate(c["geo_precision_agreement"]) == (2, 2)
    assert rate(c["sub_event_type"]["Shelling/artillery/missile attack"]) == (1, 1)
    assert rate(c["fatalities_exact"]) == (1, 1) and rate(c["injuries_exact"]) == (0, 1)
    assert rate(c["date_exact"]) == (1, 1)
    assert rate(c["no_incident_sentences_with_false_incident"]) == (1, 2) and c["false_incidents"] == 1
    assert rate(c["false_incident_by_kind"]["headline"]) == (1, 1)
    assert rate(c["false_incident_by_kind"]["agreement"]) == (0, 1)
    errors = m.per_doc[0].class_errors
    assert any("unknown place 'Kafr Tal'" in e and "t:homs" in e for e in errors)
    assert any("false place in group" in e for e in errors)
    assert any("headline" in e for e in errors)


@pytest.mark.parametrize(("radius_km", "kept"), [(15.0, 1), (25.0, 2)])
def test_an_unknown_place_counts_as_kept_when_resolved_inside_its_container(
    radius_km: float, kept: int
) -> None:
    # Saraqib lies ~16.6 km from Idlib's point: outside a 15 km container, inside a 25 km one.
    m = aggregate([ev.score_doc(class_gold(radius_km=radius_km), class_result(second_village=SARAQIB))])
    assert m.classes["unresolved_kept"].count == kept


def test_missed_classes_count_as_wrong_and_wrong_precision_disagrees() -> None:
    r = class_result()
    r.mentions = [x for x in r.mentions if x.text != "Saraqeb"]
    r.incidents = [
        Incident(*SHELLING, 1, "shelling", location=Location(35.93, 36.634, 3)),
        Incident("Battles", "Armed clash", 2, "struck", location=Location(HOMS.lat, HOMS.lon, 2, HOMS)),
    ]
    c = aggregate([ev.score_doc(class_gold(), r)]).classes
    assert c["mention_class_recall"]["latin_variant"].rate == 0.0
    assert c["mention_class_acc@10km"]["latin_variant"].rate == 0.0
    assert c["geo_precision_agreement"].rate == 0.0
    assert c["incident_acc@10km_by_geo_precision"]["1"].rate == 0.0  # Homs is far from Saraqib
    assert c["event_type"]["Explosions/Remote violence"].rate == 0.5
    assert c["fatalities_exact"].rate == 0.0 and c["date_exact"].rate == 0.0
    assert c["false_incidents"] == 0


def test_per_class_figures_reach_the_json_and_the_text_report(tiny_gazetteer: Gazetteer) -> None:
    m = aggregate([ev.score_doc(class_gold(), class_result())])
    data = json.loads(json.dumps(m.to_dict(verbose=True)))
    assert data["classes"]["unresolved_kept"] == {"cases": 2, "count": 1, "rate": 0.5}
    assert data["classes"]["false_place"]["group"]["rate"] == 1.0
    assert data["per_doc"][0]["tallies"]["unresolved_kept"]["cases"] == 2
    report = format_report("g", m, verbose=True)
    assert "unresolved_kept: 1/2 = 0.500" in report and "per class: false place in group" in report
    assert "-- per-class errors: " in error_summary(m)


def test_evaluate_docs_splits_figures_by_genre_and_origin(tiny_gazetteer: Gazetteer) -> None:
    written = class_gold("caption")
    corpus = gold_doc()
    m = ev.evaluate_docs([written, corpus], tiny_gazetteer)
    assert set(m.notes["by genre"]) == {"en caption"}  # the corpus doc states no genre
    assert set(m.notes["by origin"]) == {"corpus", "written"}
    assert m.notes["by origin"]["written"]["incidents"] == 2


def test_each_genre_reports_its_false_incident_rate(tiny_gazetteer: Gazetteer) -> None:
    # The hand-made result puts an incident in the headline the gold marks as having none.
    m = ev.evaluate_docs([class_gold("caption")], tiny_gazetteer, geoparse=lambda *a, **k: class_result())
    figures = m.notes["by genre"]["en caption"]
    assert figures["false-incident rate"] == 0.5  # 1 of the 2 no-incident sentences
    assert figures["spurious share"] == 0.333  # 1 of the 3 predictions: the headline's, in no gold sentence
