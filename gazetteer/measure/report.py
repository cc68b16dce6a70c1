"""The evaluation's text report and its summary of the most frequent errors."""

from __future__ import annotations

import re
from collections import Counter

from .metrics import Metrics, Tally

__all__ = ["error_summary", "format_report"]


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
