"""The interface catalogue split by area (webapp/catalogue): one key, one area, both languages."""

from __future__ import annotations

import pytest

from webapp import catalogue
from webapp.catalogue import accounts, articles, feeds, gazetteer, incidents, jobs, maps, review, site

AREAS = (site, maps, articles, gazetteer, jobs, feeds, review, incidents, accounts)


def test_strings_join_every_area() -> None:
    assert len(catalogue.STRINGS) == sum(len(area.STRINGS) for area in AREAS)
    for area in AREAS:
        assert area.STRINGS.items() <= catalogue.STRINGS.items(), area.__name__


def test_a_key_written_in_two_areas_is_refused() -> None:
    with pytest.raises(ValueError, match="'map'"):
        catalogue.joined(site.STRINGS, {"map": ("Map", "الخريطة")})
