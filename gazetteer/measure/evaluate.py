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

This module runs the geoparser over the gold documents and is the command line;
the scoring lives in :mod:`gazetteer.measure.score_mentions` and
:mod:`gazetteer.measure.score_incidents`, the figures and their sum in
:mod:`gazetteer.measure.metrics`, the text report in :mod:`gazetteer.measure.report`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from ..geoparser.result import GeoparseResult
from ..places.index import Gazetteer
from .goldrecords import GoldDoc
from .goldset import load_gold
from .idrisi import load_idrisi
from .metrics import DocScore, Metrics, SpanScores, aggregate
from .report import error_summary, format_report
from .score_incidents import score_incident_classes, score_incidents
from .score_mentions import overlap, score_mention_classes, score_resolution, score_spans
from .sharedtexts import add_shared_argument

__all__ = ["evaluate", "evaluate_docs", "evaluate_idrisi", "main", "score_doc"]

Geoparse = Callable[..., GeoparseResult]


def score_doc(gold: GoldDoc, result: GeoparseResult) -> DocScore:
    """Score one geoparse result against its gold document (pure: no I/O)."""
    score = DocScore(gold.id, SpanScores(), SpanScores())
    score_spans(gold.mentions, result.mentions, score)
    score_resolution(gold.mentions, result.mentions, score)
    pairs = score_incidents(gold.incidents, result, score)
    score_mention_classes(gold, result.mentions, score)
    score_incident_classes(gold, result, pairs, score)
    return score


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

    false = m.classes.get("no_incident_sentences_with_false_incident")

    return {
        "docs": m.docs,
        "toponyms": m.overlap.gold,
        "exact F1": r(m.exact.f1),
        "overlap F1": r(m.overlap.f1),
        "Acc@5km": r(m.acc_km[5]),
        "event type acc": r(m.event_type_accuracy),
        "incidents": m.incidents_gold,
        "incident Acc@10km": r(m.incident_acc_10km),
        # Issue 12's held-out gap: incidents made where the gold has none, as a share of the
        # no-incident sentences the gold marks (None without them) and of all predictions.
        "false-incident rate": r(false.rate) if false is not None else None,
        "spurious share": r(m.incidents_spurious / m.incidents_predicted) if m.incidents_predicted else None,
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
            if any(overlap(g.start, g.end, p.start, p.end) for g in doc.mentions):
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


def _default_gazetteer() -> Gazetteer:
    from ..places.bundled import default_gazetteer

    return default_gazetteer()


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status (2 when data is missing)."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.measure.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("gold", nargs="?", help="gold JSON Lines file (see gazetteer.measure.goldset)")
    add_shared_argument(parser)
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
