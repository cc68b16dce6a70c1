"""``flask incidents set ID …``: twin of ``PATCH /api/incidents/<id>`` and of the review page's buttons;
``merge A B``, ``split A`` and ``merge-similar``: twins of the merge and split API and buttons
(:mod:`webapp.merging`)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..accounts.service import find_user
from ..audit import Actor
from ..corrections import Correction, correct_incident
from ..errors import AccountError, AppError
from ..merging import merge_incident, merge_similar, sources_of, split_incident
from ..models import STATUSES

incidents_cli = AppGroup("incidents", help="Review and correct incidents.")
USER_HELP = "The account to record as making the change (default: shell:LOGIN)."


@incidents_cli.command("set")
@click.argument("incident_id", type=int)
@click.option("--status", type=click.Choice(STATUSES), help="Review status.")
@click.option("--place-id", help="A gazetteer place id: the incident moves to that place.")
@click.option("--lat", type=float, help="Latitude of a point set by hand (with --lon).")
@click.option("--lon", type=float, help="Longitude of a point set by hand (with --lat).")
@click.option("--geo-precision", type=click.IntRange(1, 3), help="Precision of that point (default 1).")
@click.option("--event-type", help="ACLED event type (with --sub-event-type).")
@click.option("--sub-event-type", help="ACLED sub-event type of that event type.")
@click.option(
    "--user", "user_name", help="The account to record as making the change (default: shell:LOGIN)."
)
def set_command(incident_id: int, user_name: str | None, **options: object) -> None:
    """Correct incident ID as the API's PATCH does (same validation, same audit trail), and print it."""
    fields = {name: value for name, value in options.items() if value is not None}
    try:
        inc = correct_incident(incident_id, Correction.from_json(fields), _actor(user_name))
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(
        f"incident {inc.id}\t{inc.status}\t{inc.place_name or '-'} ({inc.lat}, {inc.lon}) "
        f"precision {inc.geo_precision}\t{inc.event_type} / {inc.sub_event_type}"
    )


def _actor(user_name: str | None) -> Actor:
    """The account ``user_name`` (active), or the shell user when None; raises :class:`AccountError`."""
    if user_name is None:
        return Actor.shell()
    user = find_user(user_name)
    if user is None or not user.active:
        raise AccountError.unknown(user_name)
    return Actor.of(user)


@incidents_cli.command("merge")
@click.argument("incident_id", type=int)
@click.argument("into_id", type=int)
@click.option("--user", "user_name", help=USER_HELP)
def merge_command(incident_id: int, into_id: int, user_name: str | None) -> None:
    """Merge incident INCIDENT_ID into INTO_ID (twin of POST /api/incidents/<id>/merge)."""
    try:
        primary = merge_incident(incident_id, into_id, _actor(user_name))
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    sources = sources_of([primary.id])[primary.id]
    ids = ", ".join(str(s.incident_id) for s in sources)
    click.echo(f"incident {primary.id}\t{len(sources)} sources: {ids}")


@incidents_cli.command("split")
@click.argument("incident_id", type=int)
@click.option("--user", "user_name", help=USER_HELP)
def split_command(incident_id: int, user_name: str | None) -> None:
    """Split INCIDENT_ID off the incident it was merged into (twin of POST /api/incidents/<id>/split)."""
    try:
        incident = split_incident(incident_id, _actor(user_name))
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"incident {incident.id}\tsplit off: an incident of its own again")


@incidents_cli.command("merge-similar")
def merge_similar_command() -> None:
    """Merge the stored incidents that report one event (the rule ingestion applies to new ones)."""
    click.echo(f"{merge_similar()} incidents merged into others")
