"""Summary figures of a gazetteer, for ``flask gazetteer stats`` and the benchmark."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..places.normalize import is_arabic
from ..places.place import Place


def _source_name(place: Place) -> str:
    # Merged places list every contributing source; the first is where the entry came from.
    return place.source.split("; ")[0] or "unknown"


def summarize(places: Iterable[Place]) -> dict[str, Any]:
    """Counts of ``places`` (a Gazetteer or any iterable of places).

    Returns ``{"places", "names", "by_type", "by_source", "by_id_prefix",
    "by_country", "syria": {"places", "with_arabic", "arabic_share",
    "with_pcode", "with_geometry", "with_parents"}}``; mappings are sorted by
    count, largest first.
    """
    places = list(places)
    syrian = [p for p in places if p.in_syria]
    with_arabic = sum(1 for p in syrian if is_arabic(p.name_ar) or any(is_arabic(n) for n in p.alt_names))

    def ranked(counter: Counter[str]) -> dict[str, int]:
        return dict(counter.most_common())

    return {
        "places": len(places),
        "names": sum(len(p.names) for p in places),
        "by_type": ranked(Counter(p.type.value for p in places)),
        "by_source": ranked(Counter(_source_name(p) for p in places)),
        "by_id_prefix": ranked(Counter(p.id.split(":", 1)[0] for p in places)),
        "by_country": ranked(Counter(p.country for p in places)),
        "syria": {
            "places": len(syrian),
            "with_arabic": with_arabic,
            "arabic_share": round(with_arabic / len(syrian), 4) if syrian else 0.0,
            "with_pcode": sum(1 for p in syrian if p.pcode),
            "with_geometry": sum(1 for p in syrian if p.geometry),
            "with_parents": sum(1 for p in syrian if p.parents),
        },
    }


def format_summary(summary: dict[str, Any], *, top: int = 12) -> str:
    """A plain-text table of :func:`summarize` output for terminals."""
    lines = [f"places: {summary['places']}   names: {summary['names']}"]
    syria = summary["syria"]
    lines.append(
        f"Syria: {syria['places']} places, Arabic names {syria['with_arabic']} "
        f"({syria['arabic_share']:.1%}), P-codes {syria['with_pcode']}, "
        f"geometries {syria['with_geometry']}, with parents {syria['with_parents']}"
    )
    for title in ("by_type", "by_id_prefix", "by_source", "by_country"):
        lines.append(f"{title.replace('_', ' ')}:")
        items = list(summary[title].items())
        for key, count in items[:top]:
            lines.append(f"  {count:>7}  {key}")
        if len(items) > top:
            lines.append(f"  {sum(c for _, c in items[top:]):>7}  ({len(items) - top} more)")
    return "\n".join(lines)
