"""Regression guard: geoparsing quality on the dev gold set and on IDRISI-D must not fall below its floors.

The floors sit just under what the pipeline reached when they were last raised (see the figures
quoted beside each); raise them when the pipeline improves, never lower them to hide a regression.
Reproduce the figures with ``python -m gazetteer.measure.evaluate tests/data/gold/dev.jsonl`` and
``python -m gazetteer.measure.evaluate --idrisi ../shared/corpus/idrisi-d-ar.jsonl``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.measure.evaluate import evaluate, evaluate_idrisi
from gazetteer.measure.metrics import Metrics
from gazetteer.places.bundled import default_gazetteer

pytestmark = pytest.mark.shared

DEV_GOLD = Path(__file__).resolve().parent / "data" / "gold" / "dev.jsonl"

#: metric name → floor (reached when last raised, in the comment).
DEV_FLOORS = {
    "toponym_f1_overlap": 0.945,  # 0.967
    "toponym_f1_exact": 0.935,  # 0.957
    "acc_5km": 0.965,  # 0.987
    "acc_161km": 0.97,  # 0.989
    "event_type_accuracy": 0.90,  # 0.922
    "incident_acc_10km": 0.84,  # 0.860
}
#: Floors on the reports gold set (issue 12's classes); a ``max`` figure is a ceiling instead.
REPORTS_DEV = DEV_GOLD.with_name("reports-dev.jsonl")
REPORTS_FLOORS = {
    "toponym_precision_exact": 0.92,  # 0.945
    "toponym_f1_exact": 0.91,  # 0.936
    "unresolved_kept": 0.68,  # 0.711
    "latin_variant_recall": 0.92,  # 0.952
    "event_type_accuracy": 0.93,  # 0.954
    "incident_acc_10km": 0.87,  # 0.894
}
REPORTS_CEILINGS = {
    "false_place_rate": 0.05,  # 0.015
    "false_incident_rate": 0.10,  # 0.071: no-incident sentences given an incident
}
IDRISI_FLOORS = {
    "toponym_f1_overlap": 0.46,  # 0.479
    "toponym_f1_exact": 0.37,  # 0.394
}


def _figures(m: Metrics) -> dict[str, float]:
    return {
        "toponym_f1_overlap": m.overlap.f1,
        "toponym_f1_exact": m.exact.f1,
        "acc_5km": m.acc_km[5],
        "acc_161km": m.acc_km[161],
        "event_type_accuracy": m.event_type_accuracy or 0.0,
        "incident_acc_10km": m.incident_acc_10km or 0.0,
    }


@pytest.fixture(scope="module")
def dev_metrics(shared_dir: Path) -> Metrics:
    return evaluate(DEV_GOLD, default_gazetteer(), shared_dir)


@pytest.fixture(scope="module")
def reports_figures(shared_dir: Path) -> dict[str, float]:
    m = evaluate(REPORTS_DEV, default_gazetteer(), shared_dir)
    return {
        **_figures(m),
        "toponym_precision_exact": m.exact.precision,
        "unresolved_kept": m.classes["unresolved_kept"].rate,
        "latin_variant_recall": m.classes["mention_class_recall"]["latin_variant"].rate,
        "false_place_rate": m.classes["false_place"]["all"].rate,
        "false_incident_rate": m.classes["no_incident_sentences_with_false_incident"].rate,
    }


@pytest.fixture(scope="module")
def idrisi_metrics(shared_dir: Path) -> Metrics:
    path = shared_dir / "corpus" / "idrisi-d-ar.jsonl"
    if not path.is_file():
        pytest.skip(f"../shared/corpus/idrisi-d-ar.jsonl not found: {path}")
    return evaluate_idrisi(path, default_gazetteer())


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
def test_dev_gold_figure_stays_above_its_floor(dev_metrics: Metrics, name: str) -> None:
    value = _figures(dev_metrics)[name]
    assert value >= DEV_FLOORS[name], f"{name} fell to {value:.3f} (floor {DEV_FLOORS[name]})"


@pytest.mark.parametrize("name", sorted(REPORTS_FLOORS))
def test_reports_gold_figure_stays_above_its_floor(reports_figures: dict[str, float], name: str) -> None:
    value = reports_figures[name]
    assert value >= REPORTS_FLOORS[name], (
        f"reports-dev {name} fell to {value:.3f} (floor {REPORTS_FLOORS[name]})"
    )


@pytest.mark.parametrize("name", sorted(REPORTS_CEILINGS))
def test_reports_gold_error_rate_stays_below_its_ceiling(
    reports_figures: dict[str, float], name: str
) -> None:
    value = reports_figures[name]
    assert value <= REPORTS_CEILINGS[name], (
        f"reports-dev {name} rose to {value:.3f} (ceiling {REPORTS_CEILINGS[name]})"
    )


@pytest.mark.parametrize("name", sorted(IDRISI_FLOORS))
def test_idrisi_span_f1_stays_above_its_floor(idrisi_metrics: Metrics, name: str) -> None:
    value = _figures(idrisi_metrics)[name]
    assert value >= IDRISI_FLOORS[name], f"IDRISI-D {name} fell to {value:.3f} (floor {IDRISI_FLOORS[name]})"


def test_dev_gold_covers_every_mention(dev_metrics: Metrics) -> None:
    # Guards the evaluation itself: every gold toponym was scored, in both languages' documents.
    assert dev_metrics.overlap.gold >= 150 and dev_metrics.docs >= 26
