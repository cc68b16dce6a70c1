"""Measure the geoparser against gold annotations: toponym spans, resolution distance, incidents.

Run ``python -m gazetteer.measure.evaluate GOLD.jsonl [--shared DIR] [--json] [--verbose]`` on a gold
file (format: :mod:`gazetteer.measure.goldset`), and/or ``--idrisi FILE`` on the IDRISI-D
benchmark.  Metrics:

* toponym precision/recall/F1 for exact spans and for overlapping spans (a gold
  mention is found when some predicted span overlaps it; a prediction is right
  when it overlaps some gold span);
* resolution Acc@1/5/10/161 km over gold mentions that have a point and were
  found (overlap); the predicted point is the mention's place (else its
  location, when the resolver set one without a place), and a predicted line (a
  road) is measured at its nearest point to the gold point; an unresolved
  mention counts as a miss; median and mean error in km over the resolved ones;
* incidents: gold incidents are matched one-to-one to predicted incidents of the
  sentence containing ``sentence_start``; event-type accuracy, sub-event-type
  accuracy (where the gold sub-type is known) and location Acc@10km (where the
  gold incident has a point), all over gold incidents, so a missed incident is wrong;
* per class (:data:`Metrics.classes`, only for what the gold annotates; see
  :mod:`gazetteer.measure.goldset`), each a count of cases and how many hold:
  - ``unresolved_kept``: gold places the gazetteer is not expected to know
    (``in_gazetteer: false``) where some predicted mention overlaps the span and
    its place, if it has one, lies within 10 km of the gold point (or, without a
    gold point, within the container's radius of the container's point);
  - ``mention_class``: per class tag (``latin_variant``, ``nested`` …), recall
    (overlap) and Acc@10km over those with a point (a missed one is wrong);
  - ``false_place``: ``not_places`` spans (group, organisation, time-zone,
    generic-head) that some predicted mention overlaps, overall and per kind;
  - incidents: Acc@10km by gold ``geo_precision`` and by the classes of the
    gold mention naming the place; geo-precision agreement; event type and
    sub-event type accuracy per gold type; exact fatalities, injuries and date
    where the text states them; ``no_incident_sentences`` holding a predicted
    incident beyond the gold incidents of that sentence (and how many such
    false incidents there are).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from ..geoparser.result import GeoparseResult, Incident, Location, Mention
from ..places.index import Gazetteer, distance_km
from .goldrecords import GoldDoc, GoldIncident, GoldMention
from .goldset import load_gold
from .idrisi import load_idrisi
from .sharedtexts import default_shared_dir

__all__ = [
    "DocScore",
    "Metrics",
    "SpanScores",
    "Tally",
    "evaluate",
    "evaluate_docs",
    "evaluate_idrisi",
    "main",
    "score_doc",
]

#: The distance thresholds of the resolution accuracies, in km (161 km = 100 miles, the usual coarse bar).
THRESHOLDS_KM = (1, 5, 10, 161)
#: Resolutions further than this are listed as errors.
FAR_KM = 5.0
#: The distance within which a place or an incident counts as right in the per-class figures.
CLASS_KM = 10.0

Geoparse = Callable[..., GeoparseResult]


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


# -- geometry -----------------------------------------------------------------------------------------


def _location_of(mention: Mention) -> Location | None:
    # A toponym refers to its place: «غرب مدينة إدلب» still names Idlib, even though the
    # resolver's location for the expression lies west of it.  The location is the fallback.
    if mention.place is not None:
        p = mention.place
        return Location(lat=p.lat, lon=p.lon, geo_precision=1, place=p, geometry=p.geometry)
    return mention.location


def _line_distance_km(lat: float, lon: float, geometry: dict[str, Any]) -> float | None:
    """Distance from a point to the nearest point of a (Multi)LineString, or None for other geometries."""
    if geometry.get("type") not in ("LineString", "MultiLineString"):
        return None
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    # Nearest point in degree space, then the true distance to it: fine at Syria's scale.
    near = nearest_points(shape(geometry), Point(lon, lat))[0]
    return distance_km(lat, lon, near.y, near.x)


def location_error_km(lat: float, lon: float, location: Location | None) -> float | None:
    """Distance in km from the gold point to a predicted location (its line when it is a road)."""
    if location is None:
        return None
    geometry = location.geometry or (location.place.geometry if location.place else None)
    if geometry:
        d = _line_distance_km(lat, lon, geometry)
        if d is not None:
            return d
    return distance_km(lat, lon, location.lat, location.lon)


# -- scoring one document -----------------------------------------------------------------------------


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _label(m: GoldMention | Mention) -> str:
    return f"{m.text!r}@{m.start}"


def _score_spans(gold: Sequence[GoldMention], predicted: Sequence[Mention], score: DocScore) -> None:
    pred_spans = {(m.start, m.end) for m in predicted}
    gold_spans = {(g.start, g.end) for g in gold}
    score.exact = SpanScores(
        len(gold_spans), len(pred_spans), len(gold_spans & pred_spans), len(gold_spans & pred_spans)
    )
    found = [g for g in gold if any(_overlap(g.start, g.end, p.start, p.end) for p in predicted)]
    right = [p for p in predicted if any(_overlap(g.start, g.end, p.start, p.end) for g in gold)]
    score.overlap = SpanScores(len(gold), len(predicted), len(found), len(right))
    score.missed = [_label(g) for g in gold if g not in found]
    score.spurious = [
        f"{_label(p)}→{p.place.id if p.place else None}" for p in predicted if not any(p is r for r in right)
    ]


def _best_overlap(g: GoldMention, predicted: Sequence[Mention]) -> Mention | None:
    """The predicted mention scored against ``g``: the most overlapping, then the nearest start."""
    overlapping = [p for p in predicted if _overlap(g.start, g.end, p.start, p.end)]
    if not overlapping:
        return None
    return max(overlapping, key=lambda p: (_overlap(g.start, g.end, p.start, p.end), -abs(p.start - g.start)))


def _score_resolution(gold: Sequence[GoldMention], predicted: Sequence[Mention], score: DocScore) -> None:
    for g in gold:
        if not g.has_point:
            continue
        best = _best_overlap(g, predicted)
        if best is None:
            continue
        assert g.lat is not None and g.lon is not None
        err = location_error_km(g.lat, g.lon, _location_of(best))
        score.errors_km.append(err)
        if err is None or err > FAR_KM:
            where = best.place.id if best.place else "unresolved"
            name = best.place.name if best.place else ""
            shown = "-" if err is None else f"{err:.1f} km"
            score.wrong_resolutions.append(f"{_label(g)} [{g.type}] → {where} {name} ({shown})")


def _sentence_index(result: GeoparseResult, offset: int) -> int | None:
    for s in result.sentences:
        if s.start <= offset < s.end:
            return s.index
    return None


def _incident_cost(g: GoldIncident, p: Incident) -> tuple[int, int, float]:
    dist = 0.0
    if g.lat is not None and g.lon is not None:
        err = location_error_km(g.lat, g.lon, p.location)
        dist = float("inf") if err is None else err
    return (p.event_type != g.event_type, p.sub_event_type != g.sub_event_type, dist)


def _score_incidents(
    gold: Sequence[GoldIncident], result: GeoparseResult, score: DocScore
) -> list[tuple[GoldIncident, Incident | None]]:
    """Score the incidents; returns each gold incident with the prediction matched to it."""
    pairs: list[tuple[GoldIncident, Incident | None]] = []
    score.incidents_gold = len(gold)
    score.incidents_predicted = len(result.incidents)
    by_sentence: dict[int, list[Incident]] = {}
    for inc in result.incidents:
        by_sentence.setdefault(inc.sentence, []).append(inc)
    gold_sentences = set()
    for g in gold:
        idx = _sentence_index(result, g.sentence_start)
        gold_sentences.add(idx)
        pool = by_sentence.get(idx, []) if idx is not None else []
        match = min(pool, key=lambda p: _incident_cost(g, p)) if pool else None
        if match is not None:
            pool.remove(match)
        pairs.append((g, match))
        label = f"sentence@{g.sentence_start} {g.event_type or '?'}/{g.sub_event_type or '?'}"
        if match is None:
            score.incident_errors.append(f"{label}: no predicted incident")
        elif g.event_type and match.event_type != g.event_type:
            score.incident_errors.append(f"{label}: predicted {match.event_type}/{match.sub_event_type}")
        if g.event_type:  # an empty gold type (not stated in the text) is scored for location only
            score.event_type_gold += 1
            if match is not None and match.event_type == g.event_type:
                score.event_type_correct += 1
        if g.sub_event_type:
            score.sub_type_gold += 1
            if match is not None and match.sub_event_type == g.sub_event_type:
                score.sub_type_correct += 1
        if g.lat is not None and g.lon is not None:
            score.incident_loc_gold += 1
            err = location_error_km(g.lat, g.lon, match.location) if match is not None else None
            if err is not None and err <= 10:
                score.incident_loc_within_10km += 1
            elif match is not None:
                shown = "no location" if err is None else f"{err:.1f} km"
                score.incident_errors.append(f"{label}: location off ({shown})")
    score.incidents_spurious = sum(len(v) for k, v in by_sentence.items() if k not in gold_sentences)
    return pairs


def _within(lat: float, lon: float, location: Location | None, km: float) -> bool:
    err = location_error_km(lat, lon, location)
    return err is not None and err <= km


def _kept(g: GoldMention, best: Mention | None) -> bool:
    """Whether a place the gazetteer does not know was kept at its span and not put somewhere else."""
    if best is None:
        return False
    if best.place is None:
        return True  # kept as an unresolved mention, whatever location it was given
    where = _location_of(best)
    if g.lat is not None and g.lon is not None:
        return _within(g.lat, g.lon, where, CLASS_KM)
    if g.container is not None:
        return _within(g.container.lat, g.container.lon, where, g.container.radius_km)
    return True


def _score_mention_classes(gold: GoldDoc, predicted: Sequence[Mention], score: DocScore) -> None:
    for g in gold.mentions:
        if not g.classes and g.in_gazetteer is not False:
            continue
        best = _best_overlap(g, predicted)
        for c in g.classes:
            score.tally("mention_class_recall", c).add(best is not None)
            if g.lat is not None and g.lon is not None:
                right = best is not None and _within(g.lat, g.lon, _location_of(best), CLASS_KM)
                score.tally("mention_class_acc@10km", c).add(right)
        if g.in_gazetteer is False:
            kept = _kept(g, best)
            score.tally("unresolved_kept").add(kept)
            if not kept:
                where = "not kept" if best is None else f"→ {best.place.id if best.place else None}"
                score.class_errors.append(f"unknown place {_label(g)} {where}")
    for n in gold.not_places:
        hits = [p for p in predicted if _overlap(n.start, n.end, p.start, p.end)]
        score.tally("false_place", "all").add(bool(hits))
        score.tally("false_place", n.kind).add(bool(hits))
        for p in hits:
            score.class_errors.append(f"false place in {n.kind} {n.text!r}@{n.start}: {_label(p)}")


def _score_incident_classes(
    gold: GoldDoc,
    result: GeoparseResult,
    pairs: Sequence[tuple[GoldIncident, Incident | None]],
    score: DocScore,
) -> None:
    mentions = {m.start: m for m in gold.mentions}
    for g, match in pairs:
        where = match.location if match is not None else None
        if g.lat is not None and g.lon is not None:
            right = match is not None and _within(g.lat, g.lon, where, CLASS_KM)
            score.tally("incident_acc@10km_by_geo_precision", str(g.geo_precision or "unstated")).add(right)
            named = mentions.get(g.place) if g.place is not None else None
            for c in named.classes if named is not None else ():
                score.tally("incident_acc@10km_by_place_class", c).add(right)
            if named is not None and named.in_gazetteer is False:
                score.tally("incident_acc@10km_by_place_class", "not_in_gazetteer").add(right)
        if g.geo_precision is not None:
            score.tally("geo_precision_agreement").add(
                where is not None and where.geo_precision == g.geo_precision
            )
        if g.event_type:
            score.tally("event_type", g.event_type).add(
                match is not None and match.event_type == g.event_type
            )
        if g.sub_event_type:
            score.tally("sub_event_type", g.sub_event_type).add(
                match is not None and match.sub_event_type == g.sub_event_type
            )
        for attr in ("fatalities", "injuries", "date"):
            stated = getattr(g, attr)
            if stated is not None:
                score.tally(f"{attr}_exact").add(match is not None and getattr(match, attr) == stated)
    per_sentence = Counter(inc.sentence for inc in result.incidents)
    gold_per_sentence = Counter(_sentence_index(result, g.sentence_start) for g in gold.incidents)
    for s in gold.no_incident:
        idx = _sentence_index(result, s.start)
        false = max(0, per_sentence[idx] - gold_per_sentence[idx]) if idx is not None else 0
        score.tally("no_incident_sentences_with_false_incident").add(false > 0)
        score.false_incidents += false
        if false:
            score.class_errors.append(f"{false} false incident(s) in the {s.kind} sentence @{s.start}")


def score_doc(gold: GoldDoc, result: GeoparseResult) -> DocScore:
    """Score one geoparse result against its gold document (pure: no I/O)."""
    score = DocScore(gold.id, SpanScores(), SpanScores())
    _score_spans(gold.mentions, result.mentions, score)
    _score_resolution(gold.mentions, result.mentions, score)
    pairs = _score_incidents(gold.incidents, result, score)
    _score_mention_classes(gold, result.mentions, score)
    _score_incident_classes(gold, result, pairs, score)
    return score


# -- aggregation --------------------------------------------------------------------------------------


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


def _default_geoparse() -> Geoparse:
    from ..geoparser.pipeline import geoparse

    return geoparse


def evaluate_docs(
    docs: Iterable[GoldDoc], gazetteer: Gazetteer, *, geoparse: Geoparse | None = None
) -> Metrics:
    """Geoparse every gold document with ``gazetteer`` and aggregate the scores.

    ``geoparse`` defaults to :func:`gazetteer.geoparser.pipeline.geoparse`; it is called as
    ``geoparse(text, gazetteer=..., published=..., language=...)``.
    """
    parse = geoparse or _default_geoparse()
    scores: list[DocScore] = []
    splits: dict[str, dict[str, list[DocScore]]] = {"by language": {}, "by genre": {}, "by origin": {}}
    for doc in docs:
        result = parse(doc.text, gazetteer=gazetteer, published=doc.published, language=doc.language or None)
        scores.append(score_doc(doc, result))
        splits["by language"].setdefault(doc.language or "?", []).append(scores[-1])
        if doc.genre:  # issue 12's targets are per language and genre: en narratives, ar reports, ar captions
            splits["by genre"].setdefault(f"{doc.language or '?'} {doc.genre}", []).append(scores[-1])
        splits["by origin"].setdefault(doc.origin, []).append(scores[-1])
    metrics = aggregate(scores)
    for name, split in splits.items():
        # Arabic and English (and each genre) fail differently; the split shows where a change helped.
        if len(split) > 1 or (name == "by genre" and split):
            metrics.notes[name] = {key: _summary(aggregate(part)) for key, part in sorted(split.items())}
    return metrics


def _summary(m: Metrics) -> dict[str, Any]:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 3)

    return {
        "docs": m.docs,
        "toponyms": m.overlap.gold,
        "exact F1": r(m.exact.f1),
        "overlap F1": r(m.overlap.f1),
        "Acc@5km": r(m.acc_km[5]),
        "event type acc": r(m.event_type_accuracy),
        "incidents": m.incidents_gold,
        "incident Acc@10km": r(m.incident_acc_10km),
    }


def evaluate(
    gold_path: str | Path,
    gazetteer: Gazetteer,
    shared_dir: str | Path | None = None,
    *,
    geoparse: Geoparse | None = None,
) -> Metrics:
    """Evaluate on a gold file whose texts live in ``shared_dir`` (default: ``<repo>/../shared``).

    Raises :class:`gazetteer.measure.goldrecords.SharedDataMissing` when the texts are not
    there and :class:`gazetteer.measure.goldrecords.GoldDriftError` when they changed.
    """
    return evaluate_docs(load_gold(gold_path, shared_dir), gazetteer, geoparse=geoparse)


_COMPOUND_HASHTAG_RE = re.compile(r"#\w*_\w*")


def evaluate_idrisi(
    path: str | Path, gazetteer: Gazetteer, *, limit: int | None = None, geoparse: Geoparse | None = None
) -> Metrics:
    """Evaluate on IDRISI-D (Arabic tweets, places mostly outside Syria); incidents are not scored.

    IDRISI-D's annotators mostly left toponyms inside compound hashtags
    (``#سيول_الكويت``) unannotated, so predictions there count as false positives.
    The headline figures keep them; ``notes`` adds how many there are and the
    overlap precision/F1 without them, so the two effects can be told apart.
    """
    parse = geoparse or _default_geoparse()
    scores, in_compound = [], 0
    for doc in load_idrisi(path, limit=limit):
        result = parse(doc.text, gazetteer=gazetteer, published=None, language="ar")
        scores.append(score_doc(doc, result))
        tags = [m.span() for m in _COMPOUND_HASHTAG_RE.finditer(doc.text)]
        for p in result.mentions:
            if any(_overlap(g.start, g.end, p.start, p.end) for g in doc.mentions):
                continue
            if any(a <= p.start and p.end <= b for a, b in tags):
                in_compound += 1
    metrics = aggregate(scores)
    o = metrics.overlap
    adjusted = SpanScores(o.gold, o.predicted - in_compound, o.gold_found, o.predicted_correct)
    metrics.notes = {
        "unmatched predictions inside compound hashtags": in_compound,
        "overlap precision without them": round(adjusted.precision, 4),
        "overlap F1 without them": round(adjusted.f1, 4),
    }
    return metrics


# -- command line -------------------------------------------------------------------------------------


def _fmt(value: float | None, pct: bool = True) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if pct else f"{value:.1f}"


def error_summary(m: Metrics, *, top: int = 15) -> str:
    """The most frequent errors over all documents, by category, for routing fixes."""

    def surface(item: str) -> str:
        return item.split("@", 1)[0]

    def resolution(item: str) -> str:
        # "'X'@12 [type] → id name (3.1 km)": keep the surface, the type and where it went
        found = re.match(r"(?P<s>'.*')@\d+ \[(?P<t>[^\]]*)\] → (?P<to>.*) \([^)]*\)$", item)
        return f"{found['s']} [{found['t']}] → {found['to']}" if found else item

    def incident(item: str) -> str:
        kind = item.partition(": ")[2]
        return "location off" if kind.startswith("location off") else kind

    categories = (
        ("missed toponyms", lambda d: map(surface, d.missed)),
        ("spurious toponyms", lambda d: (f"{surface(x)} → {x.rpartition('→')[2]}" for x in d.spurious)),
        ("far or unresolved resolutions", lambda d: map(resolution, d.wrong_resolutions)),
        ("incident errors", lambda d: map(incident, d.incident_errors)),
        ("per-class errors", lambda d: (re.sub(r"@\d+", "", x) for x in d.class_errors)),
    )
    lines = []
    for title, items in categories:
        counts = Counter(x for d in m.per_doc for x in items(d))
        lines.append(f"-- {title}: {sum(counts.values())}")
        lines.extend(f"   {n:>4}  {what}" for what, n in counts.most_common(top))
    return "\n".join(lines)


def _class_line(value: Tally | dict[str, Tally] | int) -> str:
    def one(t: Tally) -> str:
        return f"{t.count}/{t.cases} = {_fmt(t.rate)}"

    if isinstance(value, Tally):
        return one(value)
    if isinstance(value, dict):
        return "  ".join(f"{name} {one(t)}" for name, t in value.items())
    return str(value)


def format_report(name: str, m: Metrics, *, verbose: bool = False) -> str:
    """A human-readable report of ``m``; with ``verbose``, every document's errors."""
    lines = [
        f"== {name}: {m.docs} documents, {m.overlap.gold} gold toponyms, {m.overlap.predicted} predicted"
    ]
    for label, s in (("exact", m.exact), ("overlap", m.overlap)):
        lines.append(
            f"toponyms {label:<8} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
            f"  (gold found {s.gold_found}/{s.gold}, predictions right {s.predicted_correct}/{s.predicted})"
        )
    accs = "  ".join(f"Acc@{k}km {v:.3f}" for k, v in m.acc_km.items())
    lines.append(f"resolution over {m.resolved_gold} found gold points ({m.unresolved} unresolved): {accs}")
    lines.append(f"error km: median {_fmt(m.median_km, False)}  mean {_fmt(m.mean_km, False)}")
    if m.incidents_gold:
        lines.append(
            f"incidents: gold {m.incidents_gold}, predicted {m.incidents_predicted} "
            f"({m.incidents_spurious} in sentences without gold)  type acc {_fmt(m.event_type_accuracy)}"
            f"  sub-type acc {_fmt(m.sub_event_type_accuracy)}  location Acc@10km {_fmt(m.incident_acc_10km)}"
        )
    for key, value in m.notes.items():
        if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            for sub, figures in value.items():
                lines.append(f"{key} [{sub}]: " + "  ".join(f"{k} {v}" for k, v in figures.items()))
        else:
            lines.append(f"note: {key}: {value}")
    if m.classes:
        lines.append("per class (holding/cases = rate):")
        lines.extend(f"  {group}: {_class_line(value)}" for group, value in m.classes.items())
    if verbose:
        for d in m.per_doc:
            problems = [
                ("missed", d.missed),
                ("spurious", d.spurious),
                ("far/unresolved", d.wrong_resolutions),
                ("incidents", d.incident_errors),
                ("per class", d.class_errors),
            ]
            if any(items for _, items in problems):
                lines.append(f"-- {d.doc_id}")
                for label, items in problems:
                    for item in items:
                        lines.append(f"   {label}: {item}")
    return "\n".join(lines)


def _default_gazetteer() -> Gazetteer:
    from ..places.bundled import default_gazetteer

    return default_gazetteer()


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status (2 when data is missing)."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.measure.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("gold", nargs="?", help="gold JSON Lines file (see gazetteer.measure.goldset)")
    parser.add_argument(
        "--shared", type=Path, default=None, help=f"shared data dir (default {default_shared_dir()})"
    )
    parser.add_argument("--idrisi", type=Path, help="also evaluate span recognition on IDRISI-D JSON Lines")
    parser.add_argument("--limit", type=int, default=None, help="evaluate only the first N IDRISI-D tweets")
    parser.add_argument("--json", action="store_true", help="print machine-readable metrics")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every document's errors")
    parser.add_argument(
        "--errors", action="store_true", help="summarise the most frequent errors by category"
    )
    args = parser.parse_args(argv)
    if not args.gold and not args.idrisi:
        parser.error("give a gold file, --idrisi FILE, or both")
    gazetteer = _default_gazetteer()
    reports: dict[str, Metrics] = {}
    try:
        if args.gold:
            reports[str(args.gold)] = evaluate(args.gold, gazetteer, args.shared)
        if args.idrisi:
            reports[str(args.idrisi)] = evaluate_idrisi(args.idrisi, gazetteer, limit=args.limit)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {k: m.to_dict(verbose=args.verbose) for k, m in reports.items()}, indent=2, ensure_ascii=False
            )
        )
    else:
        print("\n\n".join(format_report(k, m, verbose=args.verbose) for k, m in reports.items()))
        if args.errors:
            for k, m in reports.items():
                print(f"\n== errors in {k}\n{error_summary(m)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
