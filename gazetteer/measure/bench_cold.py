"""The first pass in a fresh process, ours against spaCy's PhraseMatcher: the cold ratio.

Run ``python -m gazetteer.measure.bench_cold [--shared DIR] [--rounds N]``.  Each round starts
two fresh processes in turn, one per system; each loads the gazetteer (and, for the baseline,
builds the matcher), then times two passes over both corpora of :mod:`bench_geoparse`: the
first (cold: word memos, lazily built indexes, spaCy's tokenizer cache all empty) and the
second (warm).  The report keeps the least CPU time of each over the rounds, and the ratios of
ours to the baseline's.  Each process is pinned to one core, and loading is not timed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .bench_geoparse import load_corpora, ours_runner, phrasematcher_runner, pin_to_one_core, served
from .goldrecords import SharedDataMissing
from .sharedtexts import add_shared_argument, default_shared_dir

SYSTEMS = ("ours", "baseline")
#: This module, as ``python -m`` runs it in each fresh process.
COMMAND = "gazetteer.measure.bench_cold"


def two_passes(shared_dir: Path, system: str) -> dict[str, float]:
    """CPU seconds of the first and the second pass over both corpora, in this process (which
    must not have geoparsed before); ``system`` is "ours" or "baseline"."""
    pin_to_one_core()
    docs = [doc for corpus in load_corpora(shared_dir).values() for doc in corpus]
    gazetteer = served(None)
    runner = phrasematcher_runner(gazetteer, 1, {}) if system == "baseline" else ours_runner(gazetteer)
    one_pass = runner(docs)
    seconds = []
    for _ in range(2):
        t0 = time.process_time()
        one_pass()
        seconds.append(time.process_time() - t0)
    return {"cold_s": seconds[0], "warm_s": seconds[1]}


def cold_and_warm(shared_dir: Path, rounds: int) -> dict[str, Any]:
    """Least cold and warm seconds of each system over ``rounds`` fresh processes each, and the
    ratios ours / baseline.  Raises :class:`SharedDataMissing` or :class:`RuntimeError` (a
    child failed, e.g. spaCy is not installed)."""
    load_corpora(shared_dir)  # fail here, not in every child
    best: dict[str, dict[str, float]] = {s: {"cold_s": float("inf"), "warm_s": float("inf")} for s in SYSTEMS}
    for _ in range(max(1, rounds)):
        for system in SYSTEMS:  # in turns, so that a machine's drift favours neither
            child = subprocess.run(
                [sys.executable, "-m", COMMAND, "--shared", str(shared_dir), "--child", system],
                capture_output=True,
                text=True,
            )
            if child.returncode != 0:
                raise RuntimeError(f"{system}: {child.stderr.strip().splitlines()[-1:]}")
            for key, value in json.loads(child.stdout).items():
                best[system][key] = min(best[system][key], value)
    ours, baseline = best["ours"], best["baseline"]
    return {
        "rounds": rounds,
        "ours": ours,
        "baseline": baseline,
        "cold_ratio": round(ours["cold_s"] / baseline["cold_s"], 3),
        "warm_ratio": round(ours["warm_s"] / baseline["warm_s"], 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns 2 when the shared corpora are missing."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.measure.bench_cold", description=__doc__.split("\n\n")[0]
    )
    add_shared_argument(parser)
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes per system")
    parser.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    shared = args.shared or default_shared_dir()
    try:
        result = two_passes(shared, args.child) if args.child else cold_and_warm(shared, args.rounds)
    except SharedDataMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=None if args.child else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
