"""Tests for gazetteer.places.storage: reading and writing places, imports, the merged snapshot, extend()."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Place, PlaceType
from gazetteer.places.curated import load_curated
from gazetteer.places.merge import MergeReport
from gazetteer.places.storage import (
    extend,
    extended_path,
    imports_path,
    load_extended,
    read_places,
    write_places,
)

FIXTURE = Path(__file__).parent / "data" / "curated_fixture.yaml"


def test_write_and_read_places_roundtrip(tmp_path: Path) -> None:
    places = load_curated([FIXTURE])
    write_places(tmp_path / "x.jsonl.gz", places)
    back = read_places(tmp_path / "x.jsonl.gz")
    assert [p.to_dict() for p in back] == [p.to_dict() for p in places]
    assert read_places(tmp_path / "missing.jsonl.gz") == []


def test_imports_path_sits_beside_the_gazetteer(tmp_path: Path) -> None:
    assert imports_path(tmp_path / "gazetteer.jsonl.gz") == tmp_path / "gazetteer.imports.jsonl.gz"


def test_extend_persists_and_merges(tmp_path: Path) -> None:
    gaz = tmp_path / "gazetteer.jsonl.gz"
    write_places(gaz, load_curated([FIXTURE]))
    new = [
        Place("x:saraqib", "Sarāqib", "سراقب", PlaceType.VILLAGE, 35.86, 36.80, population=30000, source="x"),
        Place("x:arab-said", "Arab Said", "عرب سعيد", PlaceType.VILLAGE, 35.9411, 36.5986, source="x"),
    ]
    report = extend(gaz, new)
    assert (report.added, report.merged) == (1, 1)
    stored = {p.id for p in read_places(imports_path(gaz))}
    assert stored == {"x:saraqib", "x:arab-said"}
    # Importing the same source again changes nothing.
    again = extend(gaz, new)
    assert (again.added, again.merged) == (0, 2)
    assert len(read_places(imports_path(gaz))) == 2


def test_load_extended_uses_and_refreshes_the_snapshot(tmp_path: Path) -> None:
    gaz = tmp_path / "gazetteer.jsonl.gz"
    write_places(gaz, load_curated([FIXTURE]))
    assert {p.id for p in load_extended(gaz)} == {p.id for p in load_curated([FIXTURE])}
    assert not extended_path(gaz).exists()  # no imports: no snapshot needed
    extend(gaz, [Place("x:a", "Arab Said", "عرب سعيد", PlaceType.VILLAGE, 35.94, 36.6, source="x")])
    assert extended_path(gaz).exists()
    assert "x:a" in {p.id for p in load_extended(gaz)}
    # Rebuilding the bundled part invalidates the snapshot; imports survive.
    write_places(gaz, [p for p in load_curated([FIXTURE]) if p.id != "cur:road-m4"])
    ids = {p.id for p in load_extended(gaz)}
    assert "x:a" in ids and "cur:road-m4" not in ids
    assert {p.id for p in read_places(extended_path(gaz))} == ids


@pytest.mark.shared
def test_every_shared_source_extends_the_bundled_gazetteer(shared_dir: Path, tmp_path: Path) -> None:
    from collections import Counter

    from gazetteer.measure.benchmark import shared_sources
    from gazetteer.places.bundled import default_gazetteer, ensure_built

    sources = shared_sources(shared_dir / "gazetteer-sources")
    if len(sources) < 10:
        pytest.skip(
            f"expected 10 gazetteer sources under {shared_dir / 'gazetteer-sources'}, found {len(sources)}"
        )
    path = ensure_built(tmp_path / "gazetteer.jsonl.gz")
    before = len(default_gazetteer(path))
    total = MergeReport()
    for _, factory in sources:
        total += extend(path, factory())
    gaz = default_gazetteer(path)
    assert len(gaz) == before + total.added - total.united
    syrian = Counter(p.type for p in gaz if p.in_syria)
    assert (syrian[PlaceType.GOVERNORATE], syrian[PlaceType.DISTRICT], syrian[PlaceType.SUBDISTRICT]) == (
        14,
        62,
        272,
    )
    assert sum(1 for p in gaz if p.type == PlaceType.COUNTRY and p.code == "SY") == 1
    idlib = [p for p in gaz.lookup("إدلب") if p.type == PlaceType.CITY]
    assert len(idlib) == 1
    assert (
        sum(1 for p in gaz if p.in_syria and p.geometry and p.geometry["type"] != "LineString")
        >= 14 + 62 + 272 + 400
    )
    assert total.merged > 1000
    # Rebuilding the merged snapshot from the stored imports gives the same gazetteer.
    from gazetteer.places.bundled import clear_cache

    polygons = sum(1 for p in gaz if p.geometry and p.geometry["type"] != "LineString")
    extended_path(path).unlink()
    clear_cache()
    again = default_gazetteer(path)
    assert len(again) == len(gaz)
    assert (
        sum(1 for p in again if p.geometry and p.geometry["type"] != "LineString") == polygons
    )  # most admin and point records are already known
