"""Scoring one document's incidents: matching gold to predicted incidents, types, places, per-class figures.

Each function adds to a :class:`gazetteer.measure.metrics.DocScore`; the rules are
described in :mod:`gazetteer.measure.evaluate`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..geoparser.result import GeoparseResult, Incident
from .distances import CLASS_KM, location_error_km, within_km
from .goldrecords import GoldDoc, GoldIncident
from .metrics import DocScore

__all__ = ["score_incident_classes", "score_incidents"]


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


def score_incidents(
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


def score_incident_classes(
    gold: GoldDoc,
    result: GeoparseResult,
    pairs: Sequence[tuple[GoldIncident, Incident | None]],
    score: DocScore,
) -> None:
    """Tally the per-class incident figures from each gold incident and its matched prediction (``pairs``).

    Acc@10km by geo-precision and by the classes of the mention naming the place,
    geo-precision agreement, types per gold type, stated counts and dates, and the
    false incidents of ``no_incident_sentences``.
    """
    mentions = {m.start: m for m in gold.mentions}
    for g, match in pairs:
        where = match.location if match is not None else None
        if g.lat is not None and g.lon is not None:
            right = match is not None and within_km(g.lat, g.lon, where, CLASS_KM)
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
        score.tally("false_incident_by_kind", s.kind).add(false > 0)
        score.false_incidents += false
        if false:
            score.class_errors.append(f"{false} false incident(s) in the {s.kind} sentence @{s.start}")
