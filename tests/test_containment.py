"""What a container can hold: settlement ranks, reach by admin parents and distance, directions."""

import pytest

from gazetteer import PlaceType, default_gazetteer
from gazetteer.geoparser.containment import in_capitals_countryside, lies_in, lies_towards, rank_of

RAQQA = "gn:172955"  # the city, capital of its governorate
MANSOUR = "ocha:N0469"  # a quarter about 1 km east of Raqqa's point
AL_MANSURAH = "gn:8559276"  # a village 27 km west-south-west of Raqqa


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def test_a_place_inside_its_container_lies_in_no_direction_from_it(real):
    raqqa = real.get(RAQQA)
    mansour = real.get(MANSOUR)
    assert not lies_towards(mansour, raqqa, 90.0) and not lies_towards(mansour, raqqa, 270.0)
    assert lies_towards(real.get(AL_MANSURAH), raqqa, 270.0)
    assert not lies_towards(real.get(AL_MANSURAH), raqqa, 90.0)


def test_a_city_holds_what_lies_within_its_reach_and_a_direction_reaches_further(real):
    raqqa, village = real.get(RAQQA), real.get(AL_MANSURAH)
    assert lies_in(real.get(MANSOUR), raqqa)
    assert not lies_in(village, raqqa)  # 27 km is beyond a city's own surroundings
    assert lies_in(village, raqqa, relative=True)  # "al-Mansoura, west of Raqqa"


def test_a_capitals_countryside_is_its_governorates_rural_land(real):
    raqqa, village = real.get(RAQQA), real.get(AL_MANSURAH)
    assert in_capitals_countryside(village, raqqa)
    aleppo = next(p for p in real.lookup("Aleppo") if p.type is PlaceType.CITY)
    assert not in_capitals_countryside(village, aleppo)


def test_a_container_stands_higher_than_what_it_holds(real):
    assert rank_of(real.get(MANSOUR)) < rank_of(real.get(AL_MANSURAH)) < rank_of(real.get(RAQQA))
    assert rank_of(None) == rank_of(real.get(AL_MANSURAH))  # an unknown place counts as a village
