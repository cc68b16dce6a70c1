"""Tests for gazetteer.measure.goldset: reading gold lines, by reference or written (sets: test_gold_sets)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gazetteer.measure.annotate import make_record
from gazetteer.measure.goldrecords import GoldDriftError, GoldFormatError, SharedDataMissing, passage_hash
from gazetteer.measure.goldset import load_gold

DEV_GOLD = Path(__file__).resolve().parent / "data" / "gold" / "dev.jsonl"

# Our own sentence, written for these tests.
EN_TEXT = "Strikes hit Idlib. Syrian jets flew over Syria and Idlibi villages."


def _write_shared(tmp_path: Path, text: str) -> Path:
    shared = tmp_path / "shared"
    (shared / "samples").mkdir(parents=True)
    (shared / "samples" / "a.txt").write_text(text, encoding="utf-8")
    return shared


def _gold_file(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _record(text: str) -> dict:
    return make_record(
        {"file": "samples/a.txt"},
        text,
        span=None,
        language="en",
        published="2020-09-20",
        mentions=[
            {"text": "Idlib", "lat": 35.93, "lon": 36.63, "type": "city"},
            {"text": "Syria", "lat": None, "lon": None, "type": "country"},
        ],
        incidents=[
            {
                "sentence": "Strikes hit",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "lat": 35.93,
                "lon": 36.63,
            }
        ],
    )


def test_make_record_then_load_gold_round_trip(tmp_path: Path) -> None:
    shared = _write_shared(tmp_path, EN_TEXT)
    docs = load_gold(_gold_file(tmp_path, [_record(EN_TEXT)]), shared)
    (doc,) = docs
    assert doc.id == "samples/a.txt" and doc.language == "en"
    assert doc.published == dt.date(2020, 9, 20)
    assert [(m.text, m.has_point) for m in doc.mentions] == [("Idlib", True), ("Syria", False)]
    assert all(doc.text[m.start : m.end] == m.text for m in doc.mentions)
    assert doc.incidents[0].sentence_start == 0


def test_load_gold_detects_drift(tmp_path: Path) -> None:
    shared = _write_shared(tmp_path, EN_TEXT)
    gold = _gold_file(tmp_path, [_record(EN_TEXT)])
    (shared / "samples" / "a.txt").write_text(EN_TEXT.replace("Strikes", "Shells!"), encoding="utf-8")
    with pytest.raises(GoldDriftError):
        load_gold(gold, shared)


def test_load_gold_rejects_offsets_that_do_not_match(tmp_path: Path) -> None:
    shared = _write_shared(tmp_path, EN_TEXT)
    rec = _record(EN_TEXT)
    rec["mentions"][0]["start"] += 1
    with pytest.raises(GoldFormatError):
        load_gold(_gold_file(tmp_path, [rec]), shared)


def test_load_gold_without_shared_dir_says_so(tmp_path: Path) -> None:
    with pytest.raises(SharedDataMissing, match="not found"):
        load_gold(_gold_file(tmp_path, [_record(EN_TEXT)]), tmp_path / "nowhere")


def test_load_gold_reads_a_passage_of_a_corpus_record(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "corpus").mkdir(parents=True)
    full = "Intro line.\n" + EN_TEXT
    (shared / "corpus" / "c.jsonl").write_text(
        json.dumps({"path": "p.md", "lang": "en", "text": full}) + "\n", encoding="utf-8"
    )
    start = full.index(EN_TEXT)
    rec = _record(EN_TEXT)
    rec["doc"] = {"corpus": "corpus/c.jsonl", "path": "p.md", "lang": "en"}
    rec["span"] = [start, start + len(EN_TEXT)]
    (doc,) = load_gold(_gold_file(tmp_path, [rec]), shared)
    assert doc.text == EN_TEXT and doc.id.endswith(f"[{start}:{start + len(EN_TEXT)}]")
    assert rec["sha256"] == passage_hash(EN_TEXT)


WRITTEN = (
    "Shelling hits Kafr Tal village\n"
    "Shelling by government forces hit the village of Kafr Tal, south of Idlib, on 3 March 2020, "
    "wounding at least seven civilians, a Hay'at Tahrir al-Sham statement said at 10:00 Damascus time. "
    "The ceasefire agreed in Moscow in 2020 did not hold."
)


def _written_record(**overrides: object) -> dict:
    mention = {
        "text": "Kafr Tal",
        "lat": None,
        "lon": None,
        "type": "village",
        "classes": ["unknown_village"],
        "in_gazetteer": False,
        "container": {"text": "Idlib", "lat": 35.93, "lon": 36.634, "radius_km": 10},
        "occurrences": [1],
    }
    mention.update(overrides)
    return make_record(
        {"id": "written/t-1", "text": WRITTEN},
        WRITTEN,
        span=None,
        language="en",
        published=None,
        genre="narrative",
        mentions=[mention, {"text": "Idlib", "lat": 35.93, "lon": 36.634, "type": "city"}],
        incidents=[
            {
                "sentence": "Shelling by government",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "lat": 35.93,
                "lon": 36.634,
                "place": "Kafr Tal",
                "geo_precision": 2,
                "date": "2020-03-03",
                "injuries": 7,
            }
        ],
        not_places=[
            {"text": "Hay'at Tahrir al-Sham", "kind": "group"},
            {"text": "Damascus time", "kind": "time_zone"},
        ],
        no_incident_sentences=[
            {"sentence": "Shelling hits Kafr Tal village", "kind": "headline"},
            {"sentence": "The ceasefire agreed in Moscow in 2020 did not hold.", "kind": "agreement"},
        ],
    )


def test_a_written_line_carries_its_text_and_needs_no_shared_dir(tmp_path: Path) -> None:
    rec = _written_record()
    assert rec["origin"] == "written" and rec["genre"] == "narrative"
    (doc,) = load_gold(_gold_file(tmp_path, [rec]), tmp_path / "nowhere")
    assert (doc.id, doc.origin, doc.genre, doc.text) == ("written/t-1", "written", "narrative", WRITTEN)
    village = doc.mentions[0]
    assert village.text == "Kafr Tal" and village.start == WRITTEN.index("Kafr Tal", 40)
    assert village.classes == ("unknown_village",) and village.in_gazetteer is False
    assert village.container is not None and village.container.start == WRITTEN.index("Idlib")
    (incident,) = doc.incidents
    assert incident.place == village.start and incident.geo_precision == 2
    assert (incident.date, incident.injuries, incident.fatalities) == (dt.date(2020, 3, 3), 7, None)
    assert [(n.text, n.kind) for n in doc.not_places] == [
        ("Hay'at Tahrir al-Sham", "group"),
        ("Damascus time", "time_zone"),
    ]
    assert [(s.start, s.kind) for s in doc.no_incident] == [
        (0, "headline"),
        (WRITTEN.index("The cease"), "agreement"),
    ]
    assert WRITTEN[doc.no_incident[0].start : doc.no_incident[0].end] == "Shelling hits Kafr Tal village"


def test_old_lines_without_origin_are_corpus_lines(tmp_path: Path) -> None:
    shared = _write_shared(tmp_path, EN_TEXT)
    rec = _record(EN_TEXT)
    del rec["origin"]
    (doc,) = load_gold(_gold_file(tmp_path, [rec]), shared)
    assert doc.origin == "corpus" and doc.genre == "" and doc.not_places == () and doc.no_incident == ()


def test_a_written_line_edited_after_annotation_is_drift(tmp_path: Path) -> None:
    rec = _written_record()
    rec["doc"]["text"] = WRITTEN.replace("seven", "eight")
    with pytest.raises(GoldDriftError, match="written text was edited"):
        load_gold(_gold_file(tmp_path, [rec]), tmp_path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(origin="corpus"), "origin"),
        (lambda r: r["mentions"][0].update(classes=["villag"]), "unknown mention class"),
        (lambda r: r["mentions"][0].pop("container"), "no container"),
        (lambda r: r["mentions"][0].pop("in_gazetteer"), "in_gazetteer false"),
        (lambda r: r["mentions"][0]["container"].update(start=0), "container"),
        (lambda r: r["incidents"][0].update(place=3), "start of no gold mention"),
        (lambda r: r["incidents"][0].update(geo_precision=4), "geo_precision"),
        (lambda r: r["not_places"][0].update(kind="militia"), "unknown not-place kind"),
        (lambda r: r["no_incident_sentences"][0].update(kind="intro"), "unknown no-incident kind"),
        (lambda r: r["no_incident_sentences"][0].update(end=10_000), "no-incident sentence"),
        (lambda r: r.update(genre="tweet"), "unknown genre"),
        (
            lambda r: r["not_places"][0].update(
                start=r["mentions"][1]["start"], end=r["mentions"][1]["end"], text="Idlib"
            ),
            "overlaps a gold mention",
        ),
        (
            lambda r: r["no_incident_sentences"][0].update(end=r["incidents"][0]["sentence_start"] + 1),
            "holds a gold incident",
        ),
        (lambda r: r["doc"].pop("id"), "'id'"),
    ],
)
def test_malformed_annotations_are_refused(tmp_path: Path, change, message: str) -> None:
    rec = _written_record()
    change(rec)
    if "sha256" in rec and rec["doc"].get("text") != WRITTEN:
        rec.pop("sha256")
    with pytest.raises(GoldFormatError, match=message):
        load_gold(_gold_file(tmp_path, [rec]), tmp_path)


# -- the reports gold set (issue 12) ------------------------------------------------------------------
