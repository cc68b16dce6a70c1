"""The map benchmark (webapp/bench_map.py) on a few hundred incidents: it measures what it says."""

from __future__ import annotations

from webapp.bench_map import QUERIES, percentile, run


def test_percentiles_interpolate():
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([5.0], 0.95) == 5.0


def test_the_queries_are_thirty_and_varied():
    assert len(QUERIES) == 30 and len({tuple(sorted(q.items())) for q in QUERIES}) == 30
    asked = {name for query in QUERIES for name in query}
    assert {"bbox", "zoom", "from", "to", "type", "actor", "q"} <= asked
    assert any("zoom" not in query for query in QUERIES)


def test_a_small_run_reports_every_measure(tmp_path):
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    figures = run(300, database_url=url, repeats=1, ingestions=2, browser_runs=0)
    assert figures["backend"] == "sqlite" and figures["seeded"] == 300
    index = figures["index"]
    assert index["indexed_incidents"] == 300 and len(index["query_after_ingestion_ms"]) == 2
    assert index["first_query_after_restart_ms"] > 0
    api = figures["api"]
    assert api["queries"] == 30 and len(api["per_query"]) == 30
    assert 0 < api["first_pass"]["p50_ms"] <= api["first_pass"]["p95_ms"] <= api["first_pass"]["max_ms"]
    assert api["max_features"] <= 5000
    # The database is kept and topped up, never seeded twice: the ingested articles stay in it.
    again = run(300, database_url=url, repeats=0, ingestions=0, browser_runs=0)
    assert again["seeded"] == 0 and again["index"]["indexed_incidents"] >= 300
