"""The evaluation's figures: span counts, per-class tallies, one document's score, and their sum.

:func:`aggregate` sums the :class:`DocScore` of each document (filled by
:mod:`gazetteer.measure.score_mentions` and :mod:`gazetteer.measure.score_incidents`)
into :class:`Metrics`, whose :meth:`Metrics.to_dict` is the ``--json`` output of
``python -m gazetteer.measure.evaluate``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["THRESHOLDS_KM", "DocScore", "Metrics", "SpanScores", "Tally", "aggregate"]

#: The distance thresholds of the resolution accuracies, in km (161 km = 100 miles, the usual coarse bar).
THRESHOLDS_KM = (1, 5, 10, 161)
#: Resolutions further than this are listed as errors.


@dataclass(slots=True)
class SpanScores:
    """Counts for one span-matching rule; precision and recall may use different numerators (overlap)."""

    gold: int = 0
    predicted: int = 0
    gold_found: int = 0
    predicted_correct: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: SpanScores) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.gold_found += other.gold_found
        self.predicted_correct += other.predicted_correct

    def to_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class Tally:
    """How many cases a per-class figure has and in how many it holds; ``rate`` is None without cases."""

    cases: int = 0
    count: int = 0

    def add(self, holds: bool) -> None:
        self.cases += 1
        self.count += bool(holds)

    def merge(self, other: Tally) -> None:
        self.cases += other.cases
        self.count += other.count

    @property
    def rate(self) -> float | None:
        return self.count / self.cases if self.cases else None

    def to_dict(self) -> dict[str, float | int | None]:
        return {"cases": self.cases, "count": self.count, "rate": self.rate}


@dataclass(slots=True)
class DocScore:
    """What one gold document contributes, plus its errors for ``--verbose``."""

    doc_id: str
    exact: SpanScores
    overlap: SpanScores
    errors_km: list[float | None] = field(default_factory=list)  # None: found but unresolved
    incidents_gold: int = 0
    incidents_predicted: int = 0
    incidents_spurious: int = 0
    event_type_gold: int = 0
    event_type_correct: int = 0
    sub_type_gold: int = 0
    sub_type_correct: int = 0
    incident_loc_gold: int = 0
    incident_loc_within_10km: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_resolutions: list[str] = field(default_factory=list)
    incident_errors: list[str] = field(default_factory=list)
    #: per-class figures keyed (group, name); name "" for a figure without parts
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    false_incidents: int = 0
    class_errors: list[str] = field(default_factory=list)

    def tally(self, group: str, name: str = "") -> Tally:
        return self.tallies.setdefault((group, name), Tally())


@dataclass(slots=True)
class Metrics:
    """Aggregated evaluation figures; :meth:`to_dict` is the ``--json`` output."""

    docs: int
    exact: SpanScores
    overlap: SpanScores
    resolved_gold: int
    unresolved: int
    acc_km: dict[int, float]
    median_km: float | None
    mean_km: float | None
    incidents_gold: int
    incidents_predicted: int
    incidents_spurious: int
    event_type_accuracy: float | None
    sub_event_type_accuracy: float | None
    incident_acc_10km: float | None
    per_doc: list[DocScore] = field(default_factory=list, repr=False)
    notes: dict[str, Any] = field(default_factory=dict)
    #: per-class figures: group → Tally, or group → {name → Tally}; empty when the gold has no classes
    classes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *, verbose: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "docs": self.docs,
            "toponyms": {"exact": self.exact.to_dict(), "overlap": self.overlap.to_dict()},
            "resolution": {
                "evaluated": self.resolved_gold,
                "unresolved": self.unresolved,
                **{f"acc@{k}km": v for k, v in self.acc_km.items()},
                "median_km": self.median_km,
                "mean_km": self.mean_km,
            },
        }
        if self.incidents_gold:  # a gold set without incident annotations (IDRISI-D) scores none
            data["incidents"] = {
                "gold": self.incidents_gold,
                "predicted": self.incidents_predicted,
                "spurious": self.incidents_spurious,
                "event_type_accuracy": self.event_type_accuracy,
                "sub_event_type_accuracy": self.sub_event_type_accuracy,
                "location_acc@10km": self.incident_acc_10km,
            }
        if self.classes:
            data["classes"] = {group: _figure_dict(value) for group, value in self.classes.items()}
        if self.notes:
            data["notes"] = self.notes
        if verbose:
            data["per_doc"] = [_doc_dict(d) for d in self.per_doc]
        return data


def _figure_dict(value: Tally | dict[str, Tally] | int) -> Any:
    if isinstance(value, Tally):
        return value.to_dict()
    if isinstance(value, dict):
        return {name: t.to_dict() for name, t in value.items()}
    return value


def _doc_dict(d: DocScore) -> dict[str, Any]:
    data = asdict(d)
    data["tallies"] = {"/".join(filter(None, key)): t.to_dict() for key, t in d.tallies.items()}
    return data


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def aggregate(scores: Iterable[DocScore]) -> Metrics:
    """Sum per-document scores into :class:`Metrics`."""
    scores = list(scores)
    exact, overlap = SpanScores(), SpanScores()
    errors: list[float | None] = []
    for s in scores:
        exact.add(s.exact)
        overlap.add(s.overlap)
        errors.extend(s.errors_km)
    known = [e for e in errors if e is not None]
    acc = {k: (sum(1 for e in known if e <= k) / len(errors) if errors else 0.0) for k in THRESHOLDS_KM}
    total = lambda attr: sum(getattr(s, attr) for s in scores)  # noqa: E731
    return Metrics(
        docs=len(scores),
        exact=exact,
        overlap=overlap,
        resolved_gold=len(errors),
        unresolved=len(errors) - len(known),
        acc_km=acc,
        median_km=statistics.median(known) if known else None,
        mean_km=statistics.fmean(known) if known else None,
        incidents_gold=total("incidents_gold"),
        incidents_predicted=total("incidents_predicted"),
        incidents_spurious=total("incidents_spurious"),
        event_type_accuracy=_ratio(total("event_type_correct"), total("event_type_gold")),
        sub_event_type_accuracy=_ratio(total("sub_type_correct"), total("sub_type_gold")),
        incident_acc_10km=_ratio(total("incident_loc_within_10km"), total("incident_loc_gold")),
        per_doc=scores,
        classes=_class_figures(scores),
    )


def _class_figures(scores: Sequence[DocScore]) -> dict[str, Any]:
    """The per-class tallies summed over documents: group → Tally, or group → {name → Tally}."""
    merged: dict[tuple[str, str], Tally] = {}
    for s in scores:
        for key, t in s.tallies.items():
            merged.setdefault(key, Tally()).merge(t)
    figures: dict[str, Any] = {}
    for (group, name), t in sorted(merged.items()):
        if name:
            figures.setdefault(group, {})[name] = t
        else:
            figures[group] = t
    if "no_incident_sentences_with_false_incident" in figures:
        figures["false_incidents"] = sum(s.false_incidents for s in scores)
    return figures
