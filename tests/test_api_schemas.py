"""The API's schemas (webapp/api/schemas/) name exactly what the services accept and the views send."""

from __future__ import annotations

import pytest
from marshmallow import ValidationError

from gazetteer import ACLED_TYPES, PlaceType
from webapp import article_input, corrections, filters, links, pins
from webapp.api import schemas
from webapp.params import MAX_ID


def names(schema: type) -> set[str]:
    """The keys a schema reads (``data_key`` when renamed, as in ``from``)."""
    return {field.data_key or name for name, field in schema().fields.items()}


def test_request_bodies_list_the_fields_their_services_take():
    assert names(schemas.ArticleInput) == set(article_input.FIELDS)
    assert names(schemas.LinkInput) == {"url", *links.LINK_FIELDS}
    assert names(schemas.CorrectionInput) == set(corrections.FIELDS)
    assert names(schemas.PlaceInput) == set(pins.FIELDS)


def test_the_filters_of_the_query_string_are_those_of_webapp_filters():
    assert names(schemas.FilterArgs) == set(filters.FILTER_PARAMS)
    assert names(schemas.IncidentsArgs) == {*filters.FILTER_PARAMS, "limit", "zoom"}


def test_choices_come_from_the_taxonomy_and_the_gazetteer():
    correction = schemas.CorrectionInput()
    assert correction.load({"event_type": "Battles", "sub_event_type": "Armed clash"})
    with pytest.raises(ValidationError):
        correction.load({"event_type": "Battle"})
    assert set(schemas.SUB_EVENT_TYPES) == {s for subs in ACLED_TYPES.values() for s in subs}
    assert schemas.PlaceInput().load({"name": "x", "lat": 35, "lon": 36.6, "type": PlaceType.VILLAGE.value})


@pytest.mark.parametrize("into", [0, 1, MAX_ID])
def test_merge_input_takes_any_id_a_table_holds(into):
    assert schemas.MergeInput().load({"into": into, "note": "ignored"}) == {"into": into}


@pytest.mark.parametrize("into", [-1, MAX_ID + 1, 2**64, True, 1.0, "1", None])
def test_merge_input_refuses_what_is_no_id(into):
    with pytest.raises(ValidationError):
        schemas.MergeInput().load({"into": into})


def test_a_response_with_an_undeclared_field_is_refused():
    incident = {"id": 1, "url": "/incidents/1", "planted": True}
    with pytest.raises(ValidationError) as error:
        schemas.Incident(partial=True).load(incident)
    assert "planted" in error.value.messages
