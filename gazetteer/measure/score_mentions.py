"""Scoring one document's toponyms: spans (exact and overlapping), resolution distance, per-class figures.

Each function adds to a :class:`gazetteer.measure.metrics.DocScore`; the rules are
described in :mod:`gazetteer.measure.evaluate`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..geoparser.result import Mention
from .distances import CLASS_KM, location_error_km, location_of, within_km
from .goldrecords import GoldDoc, GoldMention
from .metrics import DocScore, SpanScores

__all__ = ["FAR_KM", "overlap", "score_mention_classes", "score_resolution", "score_spans"]

#: Resolutions further than this are listed as errors.
FAR_KM = 5.0


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    """How many characters the spans [a0, a1) and [b0, b1) share."""
    return max(0, min(a1, b1) - max(a0, b0))


def _label(m: GoldMention | Mention) -> str:
    return f"{m.text!r}@{m.start}"


def score_spans(gold: Sequence[GoldMention], predicted: Sequence[Mention], score: DocScore) -> None:
    """Set ``score``'s exact and overlap span counts, and list the missed and spurious toponyms."""
    pred_spans = {(m.start, m.end) for m in predicted}
    gold_spans = {(g.start, g.end) for g in gold}
    score.exact = SpanScores(
        len(gold_spans), len(pred_spans), len(gold_spans & pred_spans), len(gold_spans & pred_spans)
    )
    found = [g for g in gold if any(overlap(g.start, g.end, p.start, p.end) for p in predicted)]
    right = [p for p in predicted if any(overlap(g.start, g.end, p.start, p.end) for g in gold)]
    score.overlap = SpanScores(len(gold), len(predicted), len(found), len(right))
    score.missed = [_label(g) for g in gold if g not in found]
    score.spurious = [
        f"{_label(p)}→{p.place.id if p.place else None}" for p in predicted if not any(p is r for r in right)
    ]


def _best_overlap(g: GoldMention, predicted: Sequence[Mention]) -> Mention | None:
    """The predicted mention scored against ``g``: the most overlapping, then the nearest start."""
    overlapping = [p for p in predicted if overlap(g.start, g.end, p.start, p.end)]
    if not overlapping:
        return None
    return max(overlapping, key=lambda p: (overlap(g.start, g.end, p.start, p.end), -abs(p.start - g.start)))


def score_resolution(gold: Sequence[GoldMention], predicted: Sequence[Mention], score: DocScore) -> None:
    """Add the error in km of each found gold point (None when unresolved); list those beyond FAR_KM."""
    for g in gold:
        if not g.has_point:
            continue
        best = _best_overlap(g, predicted)
        if best is None:
            continue
        assert g.lat is not None and g.lon is not None
        err = location_error_km(g.lat, g.lon, location_of(best))
        score.errors_km.append(err)
        if err is None or err > FAR_KM:
            where = best.place.id if best.place else "unresolved"
            name = best.place.name if best.place else ""
            shown = "-" if err is None else f"{err:.1f} km"
            score.wrong_resolutions.append(f"{_label(g)} [{g.type}] → {where} {name} ({shown})")


def _kept(g: GoldMention, best: Mention | None) -> bool:
    """Whether a place the gazetteer does not know was kept at its span and not put somewhere else."""
    if best is None:
        return False
    if best.place is None:
        return True  # kept as an unresolved mention, whatever location it was given
    where = location_of(best)
    if g.lat is not None and g.lon is not None:
        return within_km(g.lat, g.lon, where, CLASS_KM)
    if g.container is not None:
        return within_km(g.container.lat, g.container.lon, where, g.container.radius_km)
    return True


def score_mention_classes(gold: GoldDoc, predicted: Sequence[Mention], score: DocScore) -> None:
    """Tally the per-class mention figures: class recall and Acc@10km, unknown places kept, false places."""
    for g in gold.mentions:
        if not g.classes and g.in_gazetteer is not False:
            continue
        best = _best_overlap(g, predicted)
        for c in g.classes:
            score.tally("mention_class_recall", c).add(best is not None)
            if g.lat is not None and g.lon is not None:
                right = best is not None and within_km(g.lat, g.lon, location_of(best), CLASS_KM)
                score.tally("mention_class_acc@10km", c).add(right)
        if g.in_gazetteer is False:
            kept = _kept(g, best)
            score.tally("unresolved_kept").add(kept)
            if not kept:
                where = "not kept" if best is None else f"→ {best.place.id if best.place else None}"
                score.class_errors.append(f"unknown place {_label(g)} {where}")
    for n in gold.not_places:
        hits = [p for p in predicted if overlap(n.start, n.end, p.start, p.end)]
        score.tally("false_place", "all").add(bool(hits))
        score.tally("false_place", n.kind).add(bool(hits))
        for p in hits:
            score.class_errors.append(f"false place in {n.kind} {n.text!r}@{n.start}: {_label(p)}")
