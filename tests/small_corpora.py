"""Tiny stand-ins for the benchmark corpora of ../shared, for the benchmarks' tests."""

from __future__ import annotations

import json
from pathlib import Path

from gazetteer.measure.bench_geoparse import CORPORA


def small_corpora(tmp_path: Path) -> Path:
    """A shared directory under ``tmp_path`` holding both benchmark corpora, two articles and a tweet."""
    shared = tmp_path / "shared"
    (shared / "corpus").mkdir(parents=True)
    # Our own sentences, written for this test.
    articles = [
        {"path": "a.md", "lang": "ar", "text": "قصفت طائرات حربية مدينة إدلب وسراقب."},
        {"path": "b.md", "lang": "en", "text": "Jets struck Idlib and Saraqib on the M4."},
    ]
    tweets = [{"text": "انفجار قرب أنقرة", "location_mentions": []}]
    for rel, recs in (
        (CORPORA["syrian-archive-dev"], articles),
        (CORPORA["idrisi-d-ar"], tweets),
    ):
        (shared / rel).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8"
        )
    return shared
