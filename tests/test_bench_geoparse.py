"""Tests for gazetteer.measure.bench_geoparse: small corpora, both systems reported (no timing asserts)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from small_corpora import small_corpora

from gazetteer import Gazetteer
from gazetteer.measure import bench_geoparse as bench


@pytest.fixture(autouse=True)
def _collectable_again() -> Iterator[None]:
    """The benchmark freezes what is alive (gc.freeze): the other tests' objects must not stay so."""
    yield
    gc.unfreeze()


def test_run_measures_ours_and_the_baseline_on_each_corpus(tmp_path: Path, tiny_gazetteer: Gazetteer) -> None:
    result = bench.run(small_corpora(tmp_path), gazetteer=tiny_gazetteer, pin=False)
    ours = {r["corpus"]: r for r in result["rows"] if r["system"].startswith("ours")}
    assert set(ours) == {"syrian-archive-dev", "idrisi-d-ar", "all"}
    assert ours["all"]["docs"] == 3 and ours["all"]["articles_per_s"] > 0
    pytest.importorskip("spacy")
    baseline = [r for r in result["rows"] if r["system"].startswith("PhraseMatcher")]
    assert {r["corpus"] for r in baseline} == {"syrian-archive-dev", "idrisi-d-ar", "all"}
    assert result["notes"]["phrasematcher"]["matches[syrian-archive-dev]"] >= 4  # إدلب سراقب Idlib Saraqib
    assert "ours: full pipeline" in bench.format_table(result)


def test_missing_corpora_exit_with_a_message(tmp_path: Path, capsys) -> None:
    assert bench.main(["--shared", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err


def test_passes_geoparse_every_document_each_time(
    tmp_path: Path, tiny_gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    from gazetteer.geoparser import pipeline

    real = pipeline.geoparse
    monkeypatch.setattr(pipeline, "geoparse", lambda text, **kw: calls.append(text) or real(text, **kw))
    assert bench.passes(small_corpora(tmp_path), 2, gazetteer=tiny_gazetteer) == 3
    assert len(calls) == 6 and calls[:3] == calls[3:]


def test_baseline_passes_match_every_document_each_time(
    tmp_path: Path, tiny_gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("spacy")
    import spacy.matcher

    matched: list[str] = []

    class Counting(spacy.matcher.PhraseMatcher):
        def __call__(self, doc, **kwargs):
            matched.append(doc.text)
            return super().__call__(doc, **kwargs)

    monkeypatch.setattr(spacy.matcher, "PhraseMatcher", Counting)
    assert bench.passes(small_corpora(tmp_path), 2, gazetteer=tiny_gazetteer, baseline=True) == 3
    assert len(matched) == 6 and matched[:3] == matched[3:]
