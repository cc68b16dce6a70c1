"""Tests for gazetteer.measure.bench_scaling: the harness on small sizes, and geoparsing growing linearly."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.measure import bench_scaling as bench
from gazetteer.measure.sharedtexts import default_shared_dir


def test_sizes_double_from_start_and_end_at_top_and_its_half() -> None:
    assert bench.sizes_between(10_000, 200_000) == [10_000, 20_000, 40_000, 80_000, 100_000, 160_000, 200_000]
    assert bench.sizes_between(5_000, 40_000) == [5_000, 10_000, 20_000, 40_000]
    assert bench.sizes_between(7, 7) == [7]


def test_growth_is_measured_over_doublings_and_ignores_times_below_the_floor() -> None:
    rows = [
        bench.Row("x", 100, 0.010, 0, 0),
        bench.Row("x", 125, 0.012, 0, 0),
        bench.Row("x", 200, 0.040, 0, 0),  # quadratic: 4 per doubling
        bench.Row("x", 250, 0.024, 0, 0),  # linear: 2
    ]
    assert bench.growth_ratios(rows) == pytest.approx([4.0, 2.0])
    tiny = [bench.Row("x", 100, 0.0001, 0, 0), bench.Row("x", 200, 0.001, 0, 0)]
    assert bench.growth_ratios(tiny) == [1.0]


def test_every_text_has_the_length_asked_for(tiny_gazetteer: Gazetteer) -> None:
    for name, make in bench.adversarial_texts(tiny_gazetteer).items():
        assert len(make(1_000)) == 1_000, name


def test_run_reports_times_counts_and_a_verdict(tiny_gazetteer: Gazetteer) -> None:
    result = bench.run(tiny_gazetteer, start=500, top=1_000, repeat=1, only=["english", "lt-a"])
    assert [r["chars"] for r in result["rows"]] == [500, 1_000, 500, 1_000]
    english = result["summary"][0]  # "Shelling hit Homs and Idlib near Saraqib ..."
    assert english["input"] == "english" and english["incidents"] >= 1 and english["mentions"] > 0
    table = bench.format_table(result)
    assert "english" in table and "0.5k CPU s" in table and "worst x/doubling" in table


#: Sizes of the deterministic check: each doubles the one before.
CALL_SIZES = [4_000, 8_000, 16_000]
#: A doubling may cost a little more than twice the calls (a few per-sentence and per-name passes).
CALL_LIMIT = 2.3


@pytest.fixture(scope="module")
def real() -> Gazetteer:
    from gazetteer.places.bundled import default_gazetteer

    return default_gazetteer()


def test_geoparsing_work_grows_linearly_on_every_adversarial_input(real: Gazetteer) -> None:
    """Each doubling of an adversarial text at most about doubles the function calls geoparsing makes.

    Calls, not seconds: the count is the same on an idle and on a loaded machine.
    """
    worst = {}
    for name, make in bench.adversarial_texts(real, default_shared_dir()).items():
        calls = [bench.count_calls(make(n), real) for n in CALL_SIZES]
        worst[name] = round(max(b / a for a, b in zip(calls, calls[1:], strict=False)), 2)
    assert all(ratio < CALL_LIMIT for ratio in worst.values()), sorted(worst.items(), key=lambda kv: -kv[1])
