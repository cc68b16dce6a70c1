"""Geoparsing time against input size on adversarial texts: no input may grow it faster than linearly.

Run ``python -m gazetteer.measure.bench_scaling [--top CHARS] [--start CHARS] [--repeat N] [--only NAME]
[--gc] [--json]``.  Each input below is geoparsed at sizes doubling from ``--start``
(10,000 characters) up to ``--top`` (200,000, the app's ``MAX_ARTICLE_CHARS``), and at
half of ``--top``, so that every step measured is a doubling.  Each time is the least CPU
time of at least ``--repeat`` runs (the sizes take turns); memoised whole texts are cleared
before each run, and the garbage collector is paused while a run is timed, as :mod:`timeit`
does (``--gc`` keeps it running).  The growth ratio of a step is the time at one size over
the time at half of it: about 2 for linear work, 4 for quadratic.  The run fails (exit status 1) when any
input's worst ratio reaches :data:`MAX_GROWTH`.

Also reported: how many mentions and incidents each input yields at each size, since the
app stores and returns every one of them.

The texts are our own strings and the names of the gazetteer given, except ``article``:
the sample article of ``../shared``, repeated (left out, with a note, when it is absent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..geoparser.result import GeoparseResult
from ..places.index import Gazetteer
from ..places.normalize import clear_text_caches, is_arabic
from .sharedtexts import default_shared_dir

__all__ = [
    "MAX_GROWTH",
    "Row",
    "adversarial_texts",
    "format_table",
    "growth_ratios",
    "main",
    "measure",
    "run",
    "sizes_between",
]

#: The app's default ``MAX_ARTICLE_CHARS``: the longest article it accepts.
TOP_CHARS = 200_000
START_CHARS = 10_000
#: A growth ratio per doubling at or above this fails the run (linear work gives about 2).
MAX_GROWTH = 2.3
#: Times below this count as this: a doubling of a millisecond is timer noise, not growth.
TIME_FLOOR_S = 0.005
#: Each size is run until its runs have taken this long, by default (see :func:`measure`).
MIN_TOTAL_S = 0.5
SAMPLE = "samples/souria-idlib-airstrikes-2020-09-20.ar.txt"
PUBLISHED = dt.date(2020, 9, 20)

# Our own sentences: a strike with a toll, a quoted source and a road, shelling of a town.
_PROSE = (
    "قصفت طائرات حربية روسية قرية كفرنبل في ريف إدلب الجنوبي صباح اليوم الأحد، ما أسفر عن مقتل ثلاثة "
    "مدنيين وإصابة خمسة آخرين. وقال مراسلنا إن الغارات استهدفت منازل المدنيين قرب الطريق الدولي حلب- "
    "اللاذقية. واستهدفت قوات النظام بالمدفعية الثقيلة بلدة سراقب شرقي إدلب في 12 أيلول 2020.\n"
)
_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول")

TextMaker = Callable[[int], str]


def _repeat(unit: str) -> TextMaker:
    """A maker of texts of exactly ``n`` characters: ``unit`` over and over, cut at ``n``."""

    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return make


def _syrian_names(gazetteer: Gazetteer) -> list[str]:
    """The one-word Arabic name keys of Syrian places, sorted: an article naming every village."""
    return sorted(
        key
        for key in gazetteer.keys()
        if " " not in key and is_arabic(key) and any(p.in_syria for p in gazetteer.lookup_key(key))
    )


def adversarial_texts(gazetteer: Gazetteer, shared_dir: Path | None = None) -> dict[str, TextMaker]:
    """Each adversarial input by name, as a maker of a text of a given length.

    ``article`` is included only when ``shared_dir`` holds the sample article.
    """
    names = _syrian_names(gazetteer)[:2000]
    one_line = _PROSE.replace(".\n", "، ").replace(". ", "، ")
    dated = "".join(
        f"قصفت الطائرات مدينة حمص يوم {day} {month} {year}.\n"
        for year in range(2011, 2021)
        for month in _MONTHS
        for day in range(1, 29)
    )
    texts: dict[str, TextMaker] = {
        "strike-place": _repeat("قصف حمص "),  # one sentence, a trigger and a place per word pair
        "lt-a": _repeat("<a"),  # markup-like text with no word the gazetteer knows
        "one-line": _repeat(one_line),  # real-looking prose with no sentence end
        "one-word-sentences": _repeat("ب\n"),  # 100,000 sentences at 200,000 characters
        "digits": _repeat("قصف 20 غارة و3 قتلى 2020-09-20 ١٢ "),
        "digit-run": lambda n: "قصف " + "7" * (n - 4),  # one number of 200,000 digits
        "quotes": _repeat('«حمص» "إدلب" \''),
        "hashtags": _repeat("#قصف #ريف_إدلب #حمص "),
        "mixed-scripts": _repeat("قصف Homs حمص shelling "),
        "english": _repeat("Shelling hit Homs and Idlib near Saraqib "),
        "strike-actor": _repeat("قصف روسي "),  # a trigger and an actor per word pair
        "coordinated": _repeat("قصفت الطائرات " + "".join(f"و{k} " for k in names)),
        "place-list": _repeat(" ".join(names) + " "),  # every Syrian name: many distinct anchors
        "dated-reports": _repeat(dated),  # one place, a new day each sentence: nothing merges
        # a report of strikes, sentence after sentence, each on a city and a town near it
        "strike-reports": _repeat("قصفت الطائرات الروسية مدينة إدلب ومحيط سراقب. "),
        "clauses": _repeat("shelling on Saraqib; clashes in Idlib; "),  # one sentence of many clauses
        "people-list": _repeat("killing a man and 2 men and the man and "),  # one list of victims
    }
    sample = (shared_dir / SAMPLE) if shared_dir is not None else None
    if sample is not None and sample.is_file():
        texts["article"] = _repeat(sample.read_text(encoding="utf-8") + "\n")
    return texts


@dataclass(frozen=True, slots=True)
class Row:
    """One input at one size: the least CPU time of its runs and what the geoparser made of it."""

    input: str
    chars: int
    seconds: float
    mentions: int
    incidents: int


def sizes_between(start: int, top: int) -> list[int]:
    """``start`` doubled while below ``top``, then half of ``top`` and ``top``: 10k, 20k, … 160k, 100k, 200k.

    Half of ``top`` is there so that the last step is a doubling too; sorted.
    """
    sizes = {top}
    n = start
    while n < top:
        sizes.add(n)
        n *= 2
    if top // 2 >= start and top % 2 == 0:
        sizes.add(top // 2)
    return sorted(sizes)


def measure(
    name: str,
    make: TextMaker,
    sizes: Sequence[int],
    gazetteer: Gazetteer,
    *,
    repeat: int = 3,
    min_seconds: float = MIN_TOTAL_S,
    collect: bool = False,
) -> list[Row]:
    """Geoparse ``make(n)`` for each size ``n``; each row's time is the least CPU time of its runs.

    CPU time of the process, not wall time: a busy machine stretches the second, hardly
    the first.  The sizes take turns, one after the other in each of ``repeat`` rounds,
    so that a slow spell falls on all of them; a size whose runs are short is run again
    within its turn (up to ten times) until its runs have taken ``min_seconds`` over all
    rounds.  The cyclic garbage collector is paused while a run is timed, as
    :mod:`timeit` does, unless ``collect``: its full passes scan every object the process
    holds and start at a size that depends on the process, which would blur how the
    geoparser's own time grows.
    """
    texts = {n: make(n) for n in sizes}
    best = dict.fromkeys(sizes, math.inf)
    results: dict[int, GeoparseResult] = {}
    rounds = max(1, repeat)
    for _ in range(rounds):
        for n in sizes:
            runs, spent = 0, 0.0
            while runs == 0 or (spent < min_seconds / rounds and runs < 10):
                seconds, results[n] = _timed_run(texts[n], gazetteer, collect=collect)
                best[n] = min(best[n], seconds)
                spent += seconds
                runs += 1
    return [Row(name, n, best[n], len(results[n].mentions), len(results[n].incidents)) for n in sizes]


def _timed_run(text: str, gazetteer: Gazetteer, *, collect: bool) -> tuple[float, GeoparseResult]:
    """The CPU seconds one geoparse of ``text`` takes, and its result (see :func:`measure`)."""
    from ..geoparser.pipeline import geoparse

    clear_text_caches()  # each run reads the text afresh, as a new request would
    paused = not collect and gc.isenabled()
    if paused:
        gc.disable()
    try:
        start = time.process_time()
        result = geoparse(text, gazetteer=gazetteer, published=PUBLISHED)
        return time.process_time() - start, result
    finally:
        if paused:
            gc.enable()


def count_calls(text: str, gazetteer: Gazetteer) -> int:
    """How many Python and C function calls one geoparse of ``text`` makes.

    A measure of the work done that, unlike time, no load on the machine
    changes: a linear pass makes about twice the calls on twice the text.
    The text is geoparsed once first, so that word memos are as warm as in
    a server that has seen it.
    """
    from ..geoparser.pipeline import geoparse

    geoparse(text, gazetteer=gazetteer, published=PUBLISHED)
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    clear_text_caches()
    sys.setprofile(count)
    try:
        geoparse(text, gazetteer=gazetteer, published=PUBLISHED)
    finally:
        sys.setprofile(None)
    return calls


def growth_ratios(rows: Sequence[Row]) -> list[float]:
    """The time ratio of each row to the row of half its size, where there is one.

    Times under :data:`TIME_FLOOR_S` count as that floor.
    """
    seconds = {row.chars: max(row.seconds, TIME_FLOOR_S) for row in rows}
    return [seconds[n] / seconds[n // 2] for n in seconds if n % 2 == 0 and n // 2 in seconds]


def run(
    gazetteer: Gazetteer,
    *,
    start: int = START_CHARS,
    top: int = TOP_CHARS,
    repeat: int = 3,
    only: Sequence[str] = (),
    shared_dir: Path | None = None,
    collect: bool = False,
) -> dict[str, Any]:
    """Measure every adversarial input (or those named in ``only``); returns rows and a summary.

    ``collect`` keeps the garbage collector running while runs are timed (see :func:`measure`).

    The summary gives, per input, the time at the smallest and largest size, the worst
    growth ratio and whether it stays under :data:`MAX_GROWTH`.  Raises ``KeyError`` for
    an unknown name in ``only``.
    """
    from ..geoparser.pipeline import geoparse

    texts = adversarial_texts(gazetteer, shared_dir)
    chosen = {name: texts[name] for name in only} if only else texts
    geoparse(_PROSE, gazetteer=gazetteer)  # word lists and indexes built before any timing
    sizes = sizes_between(start, top)
    rows: list[Row] = []
    summary = []
    for name, make in chosen.items():
        mine = measure(name, make, sizes, gazetteer, repeat=repeat, collect=collect)
        rows.extend(mine)
        worst = max(growth_ratios(mine), default=1.0)
        summary.append(
            {
                "input": name,
                "first_s": mine[0].seconds,
                "top_s": mine[-1].seconds,
                "worst_growth": worst,
                "mentions": mine[-1].mentions,
                "incidents": mine[-1].incidents,
                "ok": worst < MAX_GROWTH,
            }
        )
    notes = {
        "sizes": sizes,
        "repeat": repeat,
        "max_growth": MAX_GROWTH,
        "garbage collector": "running" if collect else "paused while timing",
    }
    if "article" not in texts:
        notes["article"] = f"left out: {SAMPLE} not found under {shared_dir}"
    return {"rows": [asdict(r) for r in rows], "summary": summary, "notes": notes}


def format_table(result: dict[str, Any]) -> str:
    """The summary as a fixed-width text table, then the notes."""
    sizes = result["notes"]["sizes"]
    first, top = f"{sizes[0] / 1000:g}k", f"{sizes[-1] / 1000:g}k"
    head = (
        f"{'input':<20} {first + ' CPU s':>11} {top + ' CPU s':>11} {'worst x/doubling':>17}"
        f" {'mentions':>9} {'incidents':>9}  ok"
    )
    lines = [head, "-" * len(head)]
    for s in result["summary"]:
        lines.append(
            f"{s['input']:<20} {s['first_s']:>11.3f} {s['top_s']:>11.3f} {s['worst_growth']:>17.2f}"
            f" {s['mentions']:>9} {s['incidents']:>9}  {'yes' if s['ok'] else 'NO'}"
        )
    lines.append("")
    lines.extend(f"{k}: {v}" for k, v in result["notes"].items())
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns 1 when an input grows faster than :data:`MAX_GROWTH`."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.measure.bench_scaling", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--top", type=int, default=TOP_CHARS, help="largest size in characters")
    parser.add_argument("--start", type=int, default=START_CHARS, help="smallest size in characters")
    parser.add_argument(
        "--repeat", type=int, default=3, help="time each size N times (at least) and keep the least"
    )
    parser.add_argument("--only", action="append", default=[], help="measure this input only (repeatable)")
    parser.add_argument("--shared", type=Path, default=None, help="shared data dir (for the sample article)")
    parser.add_argument(
        "--gc", action="store_true", help="keep the garbage collector running while timing (as a server runs)"
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    args = parser.parse_args(argv)
    if not 0 < args.start <= args.top:
        parser.error("--start must be positive and at most --top")
    from ..places.bundled import default_gazetteer

    gazetteer = default_gazetteer()
    try:
        result = run(
            gazetteer,
            start=args.start,
            top=args.top,
            repeat=args.repeat,
            only=args.only,
            shared_dir=args.shared or default_shared_dir(),
            collect=args.gc,
        )
    except KeyError as exc:
        parser.error(f"unknown input {exc}")
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0 if all(s["ok"] for s in result["summary"]) else 1


if __name__ == "__main__":
    sys.exit(main())
