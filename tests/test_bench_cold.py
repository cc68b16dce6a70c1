"""Tests for gazetteer.measure.bench_cold: fresh processes report both passes (no timing asserts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_corpora import small_corpora

from gazetteer.measure import bench_cold


def test_missing_corpora_exit_with_a_message(tmp_path: Path, capsys) -> None:
    assert bench_cold.main(["--shared", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err


def test_each_system_is_timed_cold_and_warm_in_fresh_processes(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    result = bench_cold.cold_and_warm(small_corpora(tmp_path), rounds=1)
    for system in ("ours", "baseline"):
        assert set(result[system]) == {"cold_s", "warm_s"}
        assert 0 < result[system]["cold_s"] < float("inf")
    assert result["cold_ratio"] == round(result["ours"]["cold_s"] / result["baseline"]["cold_s"], 3)
