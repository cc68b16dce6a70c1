"""Tests for gazetteer.measure.idrisi: IDRISI-D lines read as gold documents."""

from __future__ import annotations

import json
from pathlib import Path

from gazetteer.measure.idrisi import load_idrisi


def test_load_idrisi_deduplicates_mentions_by_span(tmp_path: Path) -> None:
    text = "انفجار في بيروت اليوم"
    start = text.index("بيروت")
    mention = {
        "text": "بيروت",
        "start": start,
        "end": start + 5,
        "type": "City/town",
        "lat": 33.9,
        "lon": 35.5,
    }
    path = tmp_path / "idrisi.jsonl"
    path.write_text(
        json.dumps(
            {"tweet_id": "1", "text": text, "location_mentions": [mention, dict(mention, keyword="x")]}
        )
        + "\n",
        encoding="utf-8",
    )
    (doc,) = load_idrisi(path)
    assert [m.text for m in doc.mentions] == ["بيروت"]
