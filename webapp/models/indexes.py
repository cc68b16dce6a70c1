"""Indexes that exist on one back end only, beside the models' tables (made by migration 0012).

* PostgreSQL: :data:`INCIDENT_GEOM`, ``incidents.geom``, a PostGIS ``geometry(Point, 4326)``
  generated from ``lon``/``lat``, GiST-indexed; GIN trigram (``pg_trgm``) indexes on
  ``incident_search.text`` and ``.actors`` serve ``LIKE '%word%'`` directly;
  ``ix_incidents_newest`` (migration 0013) reads lists newest first with the undated last.
* SQLite: :data:`INCIDENT_SEARCH_FTS`, an FTS5 trigram table over ``incident_search``
  (its ``rowid`` is the incident id), kept in step by triggers; :data:`INCIDENT_TALLY`, the
  incidents' row count, kept by triggers (migration 0014).

They are not on the models' metadata, since no one model can hold both;
:func:`include_object` tells Alembic's comparison to leave them (and the extensions'
own tables) alone.
"""

from __future__ import annotations

from typing import Any

from geoalchemy2 import Geometry
from geoalchemy2.alembic_helpers import include_object as include_spatial_object
from sqlalchemy import Integer, Text, column, literal_column, table

#: ``incidents.geom`` on PostgreSQL (NULL where the incident is not located).
INCIDENT_GEOM = literal_column("incidents.geom", Geometry("POINT", srid=4326, spatial_index=False))

#: The FTS5 trigram index of ``incident_search`` on SQLite.
INCIDENT_SEARCH_FTS = table(
    "incident_search_fts", column("rowid", Integer), column("text", Text), column("actors", Text)
)

#: SQLite's count of the incidents' rows, kept by triggers (migration 0014; read by the map index).
INCIDENT_TALLY = table("incident_tally", column("n", Integer))

#: Indexes made by migrations 0012 and 0013 on one back end, outside the models' metadata.
BACKEND_ONLY_INDEXES = frozenset(
    {
        "ix_incidents_geom",
        "ix_incident_search_text_trgm",
        "ix_incident_search_actors_trgm",
        "ix_incidents_newest",
    }
)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's ``include_object`` hook: False for the back-end-only objects above, the FTS5
    table and its shadow tables, and the tables PostGIS owns (``spatial_ref_sys``)."""
    if type_ == "table" and name and (name.startswith("incident_search_fts") or name == "incident_tally"):
        return False
    if type_ == "column" and name == "geom" and getattr(obj, "table", None) is not None:
        return obj.table.name != "incidents"
    if type_ == "index" and name in BACKEND_ONLY_INDEXES:
        return False
    return include_spatial_object(obj, name, type_, reflected, compare_to)
