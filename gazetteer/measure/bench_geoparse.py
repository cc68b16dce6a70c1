"""Geoparsing throughput on one core, against a spaCy PhraseMatcher baseline given the same names.

Run ``python -m gazetteer.measure.bench_geoparse [--shared DIR] [--repeat N] [--json]``, or
``--passes N [--baseline]`` under callgrind to count instructions per pass, ours or the
baseline's (:func:`passes`).  Texts are
``corpus/syrian-archive-dev.jsonl`` (articles) and ``corpus/idrisi-d-ar.jsonl`` (tweets) under
the shared directory.  Measured on each corpus and on both together:

* **ours** — :func:`gazetteer.geoparser.pipeline.geoparse` with the default gazetteer: the full
  pipeline (sentences, recognition, resolution, incidents, dates), gazetteer load excluded
  (reported separately);
* **PhraseMatcher** — spaCy's ``PhraseMatcher(attr="LOWER")`` on a blank multilingual
  tokenizer, given every name of every gazetteer place; recognition only.  Timed excluding
  and including the construction of the matcher (tokenising every name once).

The process is pinned to one CPU where the OS allows it, and the loaded gazetteer is set
aside from the garbage collector (:func:`gc.freeze`), as the app's servers do once preloaded.
A timing is the CPU time of the process (:func:`time.process_time`: on a shared machine, the
time other jobs hold the core is not counted), and with ``--repeat N`` the least of N runs,
the two systems taking turns within each repeat (a shared machine's speed drifts: turns keep
the drift from favouring either).
The notes give the ratio of our time to the baseline's on all texts (below 1: ours is
faster).  spaCy is optional (``pip install .[bench]``): without it the baseline rows say so
and ours is still measured.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import operator
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..places.index import Gazetteer
from .goldrecords import SharedDataMissing
from .sharedtexts import add_shared_argument, default_shared_dir

__all__ = [
    "Row",
    "load_corpora",
    "main",
    "ours_runner",
    "passes",
    "phrasematcher_runner",
    "pin_to_one_core",
    "run",
    "served",
]

CORPORA = {"syrian-archive-dev": "corpus/syrian-archive-dev.jsonl", "idrisi-d-ar": "corpus/idrisi-d-ar.jsonl"}


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the result table."""

    system: str
    corpus: str
    docs: int
    megabytes: float
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else float("inf")

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "articles_per_s": self.articles_per_s, "mb_per_s": self.mb_per_s}


def load_corpora(shared_dir: Path) -> dict[str, list[tuple[str, str | None]]]:
    """Each corpus as (text, language) pairs; raises :class:`SharedDataMissing` when a file is absent."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for name, rel in CORPORA.items():
        path = shared_dir / rel
        if not path.is_file():
            raise SharedDataMissing(f"{rel} not found under {shared_dir}")
        docs = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    docs.append((rec["text"], rec.get("lang", "ar")))
        out[name] = docs
    return out


def pin_to_one_core() -> str:
    """Restrict this process to one CPU where possible; returns a note for the report."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity); single-threaded"


def served(gazetteer: Gazetteer | None) -> Gazetteer:
    """``gazetteer`` (default: the bundled one), set aside from the garbage collector as the
    app's servers set theirs once preloaded (:func:`gc.freeze`), so that both are measured alike."""
    if gazetteer is None:
        from ..places.bundled import default_gazetteer

        gazetteer = default_gazetteer()
    gc.freeze()
    return gazetteer


def _best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _megabytes(docs: Sequence[tuple[str, str | None]]) -> float:
    return sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6


Docs = list[tuple[str, "str | None"]]
#: A system under test: given a corpus, the function that processes all of it once.
Runner = Callable[[Docs], Callable[[], object]]


def ours_runner(gaz: Gazetteer) -> Runner:
    from ..geoparser.pipeline import geoparse
    from ..places.normalize import clear_text_caches

    def runner(docs: Docs) -> Callable[[], object]:
        def run_all() -> None:
            clear_text_caches()  # every repeat reads the texts afresh; only per-word memos stay warm
            for text, lang in docs:
                geoparse(text, gazetteer=gaz, language=lang)

        return run_all

    return runner


def phrasematcher_runner(gaz: Gazetteer, repeat: int, info: dict[str, Any]) -> Runner:
    """The baseline's runner; fills ``info`` (spaCy version, patterns, construction time, matches)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("xx")
    names = sorted({n for place in gaz for n in place.names})
    info.update({"spacy": spacy.__version__, "patterns": len(names)})

    def build() -> PhraseMatcher:
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("PLACE", list(nlp.tokenizer.pipe(names)))
        return matcher

    info["construction_s"] = _best_of(repeat, build)
    matcher = build()

    def runner(docs: Docs) -> Callable[[], object]:
        texts = [t for t, _ in docs]
        return lambda: sum(len(matcher(doc)) for doc in nlp.tokenizer.pipe(texts))

    return runner


def _interleaved(
    corpora: dict[str, Docs], systems: dict[str, Runner], repeat: int
) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], object]]:
    """The fastest of ``repeat`` timings of each system on each corpus, and each one's last result.

    The systems take turns within each repeat, so that a machine that speeds up or
    slows down during the run (shared cloud cores do) favours neither.
    """
    best: dict[tuple[str, str], float] = {}
    results: dict[tuple[str, str], object] = {}
    for corpus, docs in corpora.items():
        runs = {system: runner(docs) for system, runner in systems.items()}
        for _ in range(max(1, repeat)):
            for system, run_all in runs.items():
                t0 = time.process_time()
                results[system, corpus] = run_all()
                seconds = time.process_time() - t0
                best[system, corpus] = min(best.get((system, corpus), math.inf), seconds)
    return best, results


def _with_totals(rows: list[Row], build_s: float = 0.0) -> list[Row]:
    out = list(rows)
    for system in dict.fromkeys(r.system for r in rows):
        mine = [r for r in rows if r.system == system]
        extra = -build_s * (len(mine) - 1) if "incl. construction" in system else 0.0  # count it once
        out.append(
            Row(
                system,
                "all",
                sum(r.docs for r in mine),
                sum(r.megabytes for r in mine),
                sum(r.seconds for r in mine) + extra,
            )
        )
    return out


def run(
    shared_dir: Path, *, repeat: int = 1, gazetteer: Gazetteer | None = None, pin: bool = True
) -> dict[str, Any]:
    """Run both benchmarks; returns ``{"rows": [...], "notes": {...}}`` (see :class:`Row`).

    ``pin`` restricts the whole process to one CPU (the command line does; tests do not).
    Raises :class:`gazetteer.measure.goldrecords.SharedDataMissing` when a corpus is absent.
    """
    notes: dict[str, Any] = {"cpu": pin_to_one_core() if pin else "not pinned", "repeat": repeat}
    corpora = load_corpora(shared_dir)
    t0 = time.perf_counter()
    gazetteer = served(gazetteer)
    notes["gazetteer_load_s"] = time.perf_counter() - t0
    notes["places"] = len(gazetteer)
    from ..geoparser.pipeline import geoparse

    geoparse(corpora["syrian-archive-dev"][0][0], gazetteer=gazetteer)  # warm lazily built lexicons
    ours, baseline = "ours: full pipeline", "PhraseMatcher (excl. construction)"
    systems: dict[str, Runner] = {ours: ours_runner(gazetteer)}
    info: dict[str, Any] = {}
    try:
        systems[baseline] = phrasematcher_runner(gazetteer, repeat, info)
    except ImportError:
        notes["phrasematcher"] = "spaCy is not installed (pip install '.[bench]'): baseline not measured"
    else:
        notes["phrasematcher"] = info
    best, results = _interleaved(corpora, systems, repeat)
    rows = []
    for name, docs in corpora.items():
        mb = _megabytes(docs)
        for system in systems:
            rows.append(Row(system, name, len(docs), mb, best[system, name]))
        if baseline in systems:
            info[f"matches[{name}]"] = results[baseline, name]
            built = best[baseline, name] + info["construction_s"]
            rows.append(Row("PhraseMatcher (incl. construction)", name, len(docs), mb, built))
    rows = _with_totals(rows, info.get("construction_s", 0.0))
    total = {r.system: r.seconds for r in rows if r.corpus == "all"}
    if baseline in total:
        notes["ours_over_phrasematcher"] = round(total[ours] / total[baseline], 3)
    return {"rows": [r.to_dict() for r in rows], "notes": notes}


def passes(
    shared_dir: Path, count: int, *, gazetteer: Gazetteer | None = None, baseline: bool = False
) -> int:
    """Process both corpora ``count`` times, each pass in one call of :func:`operator.call`; returns docs.

    Ours geoparses every text, or with ``baseline`` spaCy's PhraseMatcher (built first, as
    in :func:`run`) tokenises and matches it.  For counting instructions, which a loaded
    machine does not change as it does seconds:
    ``valgrind --tool=callgrind --dump-before=_operator_call --dump-after=_operator_call``
    then writes each pass to a dump of its own (``.2``: the first, cold pass, which fills
    the word memos or spaCy's tokenizer cache; ``.4``: the second, warm), and the gazetteer
    load and the matcher's construction to none of them.
    Raises :class:`gazetteer.measure.goldset.SharedDataMissing` when a corpus is absent,
    and ImportError when ``baseline`` is asked for without spaCy.
    """
    docs = [doc for corpus in load_corpora(shared_dir).values() for doc in corpus]
    gazetteer = served(gazetteer)
    runner = phrasematcher_runner(gazetteer, 1, {}) if baseline else ours_runner(gazetteer)
    one_pass = runner(docs)  # ours clears the memoised texts first, as in run()
    for _ in range(count):
        operator.call(one_pass)  # a C function callgrind can dump around (see the docstring)
    return len(docs)


def format_table(result: dict[str, Any]) -> str:
    """The rows as a fixed-width text table, followed by the notes."""
    head = (
        f"{'system':<36} {'corpus':<20} {'docs':>6} {'MB':>7} {'seconds':>8} {'articles/s':>11} {'MB/s':>7}"
    )
    lines = [head, "-" * len(head)]
    for r in result["rows"]:
        lines.append(
            f"{r['system']:<36} {r['corpus']:<20} {r['docs']:>6} {r['megabytes']:>7.3f} {r['seconds']:>8.3f}"
            f" {r['articles_per_s']:>11.1f} {r['mb_per_s']:>7.3f}"
        )
    lines.append("")
    lines.extend(f"{k}: {v}" for k, v in result["notes"].items())
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns 2 when the shared corpora are missing."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.measure.bench_geoparse", description=__doc__.split("\n\n")[0]
    )
    add_shared_argument(parser)
    parser.add_argument("--repeat", type=int, default=1, help="time each run N times and keep the fastest")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument(
        "--passes",
        type=int,
        default=None,
        help="only process both corpora N times, for callgrind (see passes()); no timing",
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="with --passes: run spaCy's PhraseMatcher over the corpora instead of ours",
    )
    args = parser.parse_args(argv)
    try:
        if args.passes is not None:
            docs = passes(args.shared or default_shared_dir(), args.passes, baseline=args.baseline)
            print(f"{args.passes} passes over {docs} documents")
            return 0
        result = run(args.shared or default_shared_dir(), repeat=args.repeat)
    except SharedDataMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
