"""``flask incidents set ID …``: twin of ``PATCH /api/incidents/<id>`` and of the review page's buttons."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..accounts.service import find_user
from ..audit import Actor
from ..corrections import Correction, correct_incident
from ..errors import AccountError, AppError
from ..models import STATUSES

incidents_cli = AppGroup("incidents", help="Review and correct incidents.")


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
        actor = Actor.shell()
        if user_name is not None:
            user = find_user(user_name)
            if user is None or not user.active:
                raise AccountError.unknown(user_name)
            actor = Actor.of(user)
        inc = correct_incident(incident_id, Correction.from_json(fields), actor)
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(
        f"incident {inc.id}\t{inc.status}\t{inc.place_name or '-'} ({inc.lat}, {inc.lon}) "
        f"precision {inc.geo_precision}\t{inc.event_type} / {inc.sub_event_type}"
    )
