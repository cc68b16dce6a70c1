"""The incident page ``/incidents/<id>`` and its buttons: verify or reject, merge, split."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from ..accounts.access import current_account, may, requires
from ..audit import Actor, changes_of
from ..corrections import Correction, correct_incident
from ..errors import InvalidChange, NotFound
from ..extensions import db
from ..merging import merge_incident, sources_of, split_incident
from ..models import STATUSES, Incident, Role

bp = Blueprint("incidents", __name__, url_prefix="/incidents")


@bp.get("/<int:incident_id>")
def show(incident_id: int) -> ResponseReturnValue:
    """Show an incident: what, when, where, its sources with their quotes, a map and its history.

    A report merged into another incident is shown with a link to that one, which lists it.
    """
    incident = db.session.get(Incident, incident_id)
    if incident is None:
        raise NotFound.resource("incident", incident_id)
    primary_id = incident.merged_into_id or incident.id
    sources = sources_of([primary_id])[primary_id]
    history = changes_of("incident", [incident.id])
    return render_template(
        "incidents/show.html",
        incident=incident,
        sources=sources,
        history=history,
        can_edit=may(Role.ANALYST),
        statuses=STATUSES,
        tile_url=current_app.config.get("TILE_URL", ""),
        tile_attribution=current_app.config.get("TILE_ATTRIBUTION", ""),
    )


@bp.post("/<int:incident_id>/status")
@requires(Role.ANALYST)
def set_status(incident_id: int) -> ResponseReturnValue:
    """Verify or reject the incident (the review's buttons, on its page)."""
    correction = Correction.from_json({"status": request.form.get("status", "")})
    correct_incident(incident_id, correction, Actor.of(current_account()))
    flash("review_saved", "info")
    return redirect(url_for("incidents.show", incident_id=incident_id))


@bp.post("/<int:incident_id>/merge")
@requires(Role.ANALYST)
def merge(incident_id: int) -> ResponseReturnValue:
    """Merge the incident into the one whose id the form gives, then show that one."""
    into = request.form.get("into", "").strip().lstrip("#")
    if not into.isdigit():
        raise InvalidChange.bad_into(into)
    primary = merge_incident(incident_id, int(into), Actor.of(current_account()))
    flash("incident_merged", "info")
    return redirect(url_for("incidents.show", incident_id=primary.id))


@bp.post("/<int:incident_id>/split")
@requires(Role.ANALYST)
def split(incident_id: int) -> ResponseReturnValue:
    """Split a report off the incident it was merged into; back to the page the button was on."""
    incident = split_incident(incident_id, Actor.of(current_account()))
    flash("incident_split", "info")
    back = request.form.get("back", "")
    target = int(back) if back.isdigit() else incident.id
    return redirect(url_for("incidents.show", incident_id=target))
