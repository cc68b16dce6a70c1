"""Flask commands (webapp/cli.py): init-db, worker, gazetteer build/import/stats/lookup."""

from __future__ import annotations

import json

import pytest
from test_download import mirror  # noqa: F401 - the local HTTP server fixture


def test_init_db(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0 and "Database ready" in result.output


def test_worker_without_redis_explains(runner):
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL is not set" in result.output


def test_gazetteer_lookup_uses_the_offline_geocoder(runner):
    result = runner.invoke(args=["gazetteer", "lookup", "ادلب"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split("\t")
    assert first[:2] == ["t:idlib", "city"] and "Idlib" in first[2] and first[3] == "35.93060,36.63390"
    assert runner.invoke(args=["gazetteer", "lookup", "Atlantis"]).exit_code == 1


def test_gazetteer_reverse_lookup(runner):
    result = runner.invoke(args=["gazetteer", "lookup", "--reverse", "35.87,36.79"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("t:saraqib\ttown\t") and " km" in result.output
    bad = runner.invoke(args=["gazetteer", "lookup", "--reverse", "north of here"])
    assert bad.exit_code == 1 and "not a point" in bad.output


def test_gazetteer_build_import_stats(app, runner, tmp_path, shared_dir):
    """Build the bundled gazetteer in a temporary place, import an OCHA layer from ../shared, merge."""
    sources = sorted((shared_dir / "gazetteer-sources" / "ocha-cod-ab-syr").glob("*admin2*"))
    if not sources:
        pytest.skip("../shared/gazetteer-sources/ocha-cod-ab-syr has no admin2 layer")
    import shutil

    from gazetteer.places.bundled import default_path, ensure_built

    # Start from the user's current build (built once, offline) so the command finds it up to date.
    cached = ensure_built(default_path())
    (tmp_path / "gaz").mkdir()
    for name in (cached.name, cached.name + ".version"):
        shutil.copy(
            cached.with_name(name), tmp_path / "gaz" / name.replace(cached.name, "gazetteer.jsonl.gz")
        )
    app.config["GAZETTEER_PATH"] = str(tmp_path / "gaz" / "gazetteer.jsonl.gz")
    app.config["GAZETTEER"] = None
    built = runner.invoke(args=["gazetteer", "build"])
    assert built.exit_code == 0, built.output
    assert "places in" in built.output and (tmp_path / "gaz" / "gazetteer.jsonl.gz").exists()
    first = runner.invoke(args=["gazetteer", "import", "ocha", str(sources[0])])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"imported\t{sources[0]}")
    assert "place" in first.stderr  # the progress bar, counting the places read
    again = runner.invoke(args=["gazetteer", "import", "ocha", str(sources[0])])
    assert again.exit_code == 0 and "0 added" in again.output  # the same source merges, no duplicates
    lookup = runner.invoke(args=["gazetteer", "lookup", "Jisr-Ash-Shugur"])
    assert lookup.exit_code == 0, lookup.output


def test_gazetteer_stats(runner):
    result = runner.invoke(args=["gazetteer", "stats"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("places: 6 ")  # the tiny test gazetteer
    as_json = json.loads(runner.invoke(args=["gazetteer", "stats", "--json"]).output)
    assert as_json["places"] == 6 and as_json["by_country"] == {"SY": 5, "TR": 1}


def test_gazetteer_import_rejects_unknown_kind(app, runner, tmp_path):
    app.config["GAZETTEER_PATH"] = str(tmp_path / "gaz" / "gazetteer.jsonl.gz")
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(args=["gazetteer", "import", "shapefile", str(path)])
    assert result.exit_code == 2 and "unknown importer" in result.output
    assert not (tmp_path / "gaz").exists()  # refused before building anything


def test_export_writes_the_filtered_selection_like_the_download(app, client, runner, tmp_path):
    from incident_rows import add_incident

    with app.app_context():
        add_incident(event_type="Battles", admin1="Aleppo")
        add_incident(event_type="Protests", admin1="Idlib")
    out = tmp_path / "battles.csv"
    result = runner.invoke(args=["export", "csv", "-o", str(out), "--type", "Battles"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == client.get("/export/incidents.csv?type=Battles").get_data()
    assert b"Protests" not in out.read_bytes()
    result = runner.invoke(args=["export", "geojson", "-o", "-", "--admin1", "Idlib", "--precision", "1"])
    features = json.loads(result.output)["features"]
    assert result.exit_code == 0 and [f["properties"]["event_type"] for f in features] == ["Protests"]


def test_export_takes_the_status_filter_like_the_download(app, client, runner):
    from incident_rows import add_incident

    with app.app_context():
        add_incident(event_type="Battles", status="rejected")
        add_incident(event_type="Protests")
    for args, query in (
        ((), ""),
        (("--status", "rejected"), "?status=rejected"),
        (("--status", "all"), "?status=all"),
    ):
        result = runner.invoke(args=["export", "csv", "-o", "-", *args])
        download = client.get(f"/export/incidents.csv{query}").get_data(as_text=True)
        assert result.exit_code == 0 and result.output.splitlines() == download.splitlines()
    assert "Battles" not in runner.invoke(args=["export", "csv", "-o", "-"]).output


def test_export_rejects_bad_filters_without_writing(runner, tmp_path):
    out = tmp_path / "x.kml"
    result = runner.invoke(args=["export", "kml", "-o", str(out), "--from", "yesterday"])
    assert result.exit_code == 1 and "from" in result.output and not out.exists()
    assert not (tmp_path / "x.kml.part").exists()


def test_gazetteer_download_from_a_local_mirror(app, runner, tmp_path, mirror):  # noqa: F811
    """`flask gazetteer download all --base-url …` fetches, verifies and imports; a bad file fails cleanly."""
    import shutil

    from test_download import fixture_files

    from gazetteer.places.bundled import default_path, ensure_built
    from gazetteer.places.storage import imports_path

    state, url = mirror
    state.files = fixture_files()
    cached = ensure_built(default_path())
    (tmp_path / "gaz").mkdir()
    for name in (cached.name, cached.name + ".version"):
        shutil.copy(
            cached.with_name(name), tmp_path / "gaz" / name.replace(cached.name, "gazetteer.jsonl.gz")
        )
    path = tmp_path / "gaz" / "gazetteer.jsonl.gz"
    app.config["GAZETTEER_PATH"] = str(path)
    args = ["gazetteer", "download", "all", "--base-url", url, "--cache-dir", str(tmp_path / "dl")]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "downloaded\tgeonames\t" in result.output and "downloaded\tocha-cod-ab\t" in result.output
    assert (tmp_path / "dl" / "syr_admin_boundaries.geojson.zip").exists() and imports_path(path).exists()
    again = runner.invoke(args=args)
    assert again.exit_code == 0 and "cached\tocha-cod-ab\t0 added" in again.output
    state.files["geonames-SY.zip"] = b"<html>not found</html>"
    bad = runner.invoke(args=[*args[:2], "geonames", *args[3:], "--force"])
    assert bad.exit_code == 1 and "geonames: geonames-SY.zip is not a zip file" in bad.output
