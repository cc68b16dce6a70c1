"""Gazetteer benchmark: build time, load time, memory and lookups per second.

Usage::

    python -m gazetteer.measure.benchmark                                   # bundled gazetteer only
    python -m gazetteer.measure.benchmark --with-shared ../shared/gazetteer-sources

The second form also imports every source found in that folder (OCHA
COD-AB layers, Open-Syria, Syrian Archive) with :func:`gazetteer.places.storage.extend`
and measures the extended gazetteer.  Everything runs in a temporary
directory; the user's cached gazetteer is not touched.  Figures are wall
clock on the current machine: rerun to compare.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..places.bundled import clear_cache, default_gazetteer, ensure_built
from ..places.geonames_cities import forget_geonames
from ..places.importers import csvmap, ocha
from ..places.index import Gazetteer, distance_km
from ..places.place import Place
from ..places.storage import extend, imports_path

#: (label, file relative to the sources folder, importer) for every known ../shared source.
OCHA_LAYERS = (
    "syr_admin0.geojson",
    "syr_admin1.geojson",
    "syr_admin2.geojson",
    "syr_admin3.geojson",
    "syr_adminpoints.geojson",
    "syr_admincapitals.geojson",
    "syr_neighborhoods.geojson",
)
CSV_SOURCES = (
    ("opensyria-geography/admin_units_flat.csv", "opensyria-admin"),
    ("opensyria-transport/locations_flat.csv", "opensyria-transport"),
    ("syrian-archive-locations/syrian_archive_locations.csv", "syrian-archive"),
)


def shared_sources(folder: Path) -> list[tuple[str, Callable[[], Iterator[Place]]]]:
    """(label, place iterator factory) for each known source present under ``folder``."""
    found: list[tuple[str, Callable[[], Iterator[Place]]]] = []
    for layer in OCHA_LAYERS:
        path = folder / "ocha-cod-ab-syr" / layer
        if path.exists():
            found.append((f"ocha/{layer}", lambda path=path: ocha.iter_places(path)))
    for rel, preset in CSV_SOURCES:
        path = folder / rel
        if path.exists():
            found.append((rel, lambda path=path, preset=preset: csvmap.iter_preset(path, preset)))
    return found


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _peak_mb(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20, result


def lookup_names(gaz: Gazetteer) -> list[str]:
    """Real names to look up: every name of every Syrian place, in both scripts."""
    return [name for place in gaz if place.in_syria for name in place.names]


def lookups_per_second(gaz: Gazetteer, names: list[str], *, min_seconds: float = 1.0) -> tuple[float, float]:
    """(lookups per second, share of names found) for :meth:`Gazetteer.lookup` over ``names``."""
    found = sum(1 for n in names if gaz.lookup(n))
    done, start = 0, time.perf_counter()
    while True:
        for name in names:
            gaz.lookup(name)
        done += len(names)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return done / elapsed, found / max(1, len(names))


def load_in_fresh_process(path: Path) -> dict[str, float]:
    """Load time, tracemalloc peak and max RSS of loading ``path`` in a new interpreter.

    A fresh process is what an app start sees: cold caches, no objects left
    over from building or importing.
    """
    out = subprocess.run(
        [sys.executable, "-m", "gazetteer.measure.benchmark", "--load-only", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def max_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's VmHWM when available: ``ru_maxrss`` survives ``exec`` and would
    report the parent benchmark's peak in the fresh load process.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load_only(path: Path) -> None:
    seconds, _ = _timed(lambda: default_gazetteer(path))
    clear_cache()
    peak, _ = _peak_mb(lambda: default_gazetteer(path))
    print(json.dumps({"load_s": seconds, "load_peak_mb": peak, "rss_mb": max_rss_mb()}))


def measure(path: Path, label: str) -> dict[str, Any]:
    """Load time and memory (fresh process), size and lookup rate of the gazetteer at ``path``."""
    clear_cache()
    gaz = default_gazetteer(path)
    names = lookup_names(gaz)
    rate, found = lookups_per_second(gaz, names)
    files = [path, imports_path(path)]
    return {
        "label": label,
        "places": len(gaz),
        "keys": sum(1 for _ in gaz.keys()),
        "file_kb": sum(f.stat().st_size for f in files if f.exists()) / 1024,
        **load_in_fresh_process(path),
        "lookup_names": len(names),
        "lookups_per_s": rate,
        "found": found,
    }


def coverage(gaz: Gazetteer, places: list[Place]) -> tuple[float, float]:
    """Share of ``places`` whose English or Arabic name ``gaz`` knows, and knows within 5 km."""
    named = near = 0
    for place in places:
        hits = [h for n in (place.name, place.name_ar) if n for h in gaz.lookup(n)]
        if hits:
            named += 1
            if any(distance_km(place.lat, place.lon, h.lat, h.lon) <= 5 for h in hits):
                near += 1
    return named / max(1, len(places)), near / max(1, len(places))


def run(shared: Path | None) -> list[dict[str, Any]]:
    """Run the benchmark in a temporary directory; returns one row per configuration."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="gazetteer-bench-") as tmp:
        path = Path(tmp) / "gazetteer.jsonl.gz"
        build_s, _ = _timed(lambda: ensure_built(path, force=True))
        forget_geonames()  # so the measured build reads GeoNames again, as a first run does
        build_peak, _ = _peak_mb(lambda: ensure_built(path, force=True))
        row = measure(path, "bundled")
        row.update(build_s=build_s, build_peak_mb=build_peak)
        rows.append(row)
        if shared is not None:
            bundled = default_gazetteer(path)
            print(
                "coverage of each ../shared source by the bundled gazetteer (name known / within 5 km):",
                file=sys.stderr,
            )
            for label, factory in shared_sources(shared):
                places = list(factory())
                named, near = coverage(bundled, places)
                print(f"  {label:<58} {len(places):>5} records  {named:6.1%}  {near:6.1%}", file=sys.stderr)
            import_s = 0.0
            for label, factory in shared_sources(shared):
                seconds, report = _timed(lambda factory=factory: extend(path, factory()))
                import_s += seconds
                print(
                    f"  imported {label:<58} +{report.added:>4} added  {report.merged:>4} merged  "
                    f"{report.united:>2} united  "
                    f"{seconds:5.2f} s",
                    file=sys.stderr,
                )
            row = measure(path, "bundled + every ../shared source")
            row.update(build_s=import_s, build_peak_mb=float("nan"))
            rows.append(row)
    return rows


def format_table(rows: list[dict[str, Any]]) -> str:
    """The rows as an aligned plain-text table."""
    header = (
        "gazetteer",
        "places",
        "keys",
        "file KB",
        "build/import s",
        "build peak MB",
        "load s",
        "load peak MB",
        "load RSS MB",
        "lookups/s",
        "names found",
    )
    lines = [" | ".join(header)]
    for r in rows:
        lines.append(
            " | ".join(
                [
                    r["label"],
                    str(r["places"]),
                    str(r["keys"]),
                    f"{r['file_kb']:.0f}",
                    f"{r['build_s']:.2f}",
                    f"{r['build_peak_mb']:.0f}",
                    f"{r['load_s']:.3f}",
                    f"{r['load_peak_mb']:.0f}",
                    f"{r['rss_mb']:.0f}",
                    f"{r['lookups_per_s']:,.0f}",
                    f"{r['found']:.1%}",
                ]
            )
        )
    lines.append(f"benchmark process max RSS (build + imports): {max_rss_mb():.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; prints the table and returns 0."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.measure.benchmark", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--with-shared",
        type=Path,
        metavar="DIR",
        help="a gazetteer-sources folder (e.g. ../shared/gazetteer-sources) to import too",
    )
    parser.add_argument("--load-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load_only is not None:
        _load_only(args.load_only)
        return 0
    if args.with_shared is not None and not args.with_shared.is_dir():
        parser.error(f"not a folder: {args.with_shared}")
    print(format_table(run(args.with_shared)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
