"""Tests for gazetteer.places.bundled: build on first use, cache on disk, reload after imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Place, PlaceType
from gazetteer.places.bundled import clear_cache, default_gazetteer, default_path, source_version
from gazetteer.places.storage import extend


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bundled") / "gazetteer.jsonl.gz"
    default_gazetteer(path)
    return path


def test_default_path_honours_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GAZETTEER_PATH", str(tmp_path / "g.jsonl.gz"))
    assert default_path() == tmp_path / "g.jsonl.gz"
    monkeypatch.delenv("GAZETTEER_PATH")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_path() == tmp_path / "cache" / "syria-incident-map" / "gazetteer.jsonl.gz"


def test_first_use_builds_and_stamps(built: Path) -> None:
    assert built.exists()
    assert built.with_name(built.name + ".version").read_text().strip() == source_version()


def test_memoised_per_path(built: Path) -> None:
    assert default_gazetteer(built) is default_gazetteer(built)


def test_reload_from_disk_gives_same_places(built: Path) -> None:
    first = default_gazetteer(built)
    clear_cache()
    second = default_gazetteer(built)
    assert second is not first
    assert len(second) == len(first) > 1500


def test_bundled_answers_core_queries(built: Path) -> None:
    gaz = default_gazetteer(built)
    idlib = gaz.lookup("إدلب")
    assert any(p.type == PlaceType.CITY and abs(p.lat - 35.93) < 0.05 for p in idlib)
    assert {p.id for p in gaz.lookup("Idleb")} == {p.id for p in idlib}
    assert gaz.lookup("لبنان")[0].type == PlaceType.COUNTRY
    assert gaz.lookup("Beirut")[0].country == "LB"


def test_stale_version_triggers_rebuild(built: Path) -> None:
    stamp = built.with_name(built.name + ".version")
    stamp.write_text("stale\n")
    clear_cache()
    gaz = default_gazetteer(built)
    assert stamp.read_text().strip() == source_version()
    assert len(gaz) > 1500


def test_imports_are_picked_up(tmp_path: Path, built: Path) -> None:
    path = tmp_path / "gazetteer.jsonl.gz"
    path.write_bytes(built.read_bytes())
    path.with_name(path.name + ".version").write_text(source_version() + "\n")
    before = default_gazetteer(path)
    assert not before.lookup("Zzyzx Test Village")
    place = Place("test:zz", "Zzyzx Test Village", "قرية زززكس", PlaceType.VILLAGE, 35.5, 36.5, source="test")
    report = extend(path, [place])
    assert report.added == 1
    after = default_gazetteer(path)
    assert isinstance(after, Gazetteer) and after is not before
    assert [p.id for p in after.lookup("قرية زززكس")] == ["test:zz"]
    assert len(after) == len(before) + 1


def test_unwritable_cache_builds_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import gazetteer.places.bundled as bundled

    def read_only(path: Path | None = None, *, force: bool = False) -> Path:
        raise PermissionError(f"read-only file system: {path}")

    monkeypatch.setattr(bundled, "ensure_built", read_only)
    path = tmp_path / "ro" / "gazetteer.jsonl.gz"
    with caplog.at_level("WARNING", logger="gazetteer.places.bundled"):
        gaz = default_gazetteer(path)
    assert len(gaz) > 1500 and not path.exists()
    assert [r.levelname for r in caplog.records] == ["WARNING"] and "in memory" in caplog.text
    assert default_gazetteer(path) is gaz
