"""The review queue page and its buttons (verify, reject, pick a runner-up): analysts' work."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from ..accounts.access import current_account, requires
from ..audit import Actor
from ..browse.views import page_args, paginate
from ..corrections import Correction, correct_incident, place_for_query
from ..extensions import gazetteers
from ..models import Role
from .queue import map_points, queue_item, queue_statement

bp = Blueprint("review", __name__)

#: The form fields a button may send (a subset of :data:`webapp.corrections.FIELDS`).
BUTTON_FIELDS = ("status", "place_id")


@bp.get("/review")
@requires(Role.ANALYST)
def queue() -> ResponseReturnValue:
    """Unreviewed incidents, least certain first (:mod:`webapp.review.queue`), paged."""
    number, per_page = page_args()
    rows, count = queue_statement()
    page = paginate(rows, count, number, per_page)
    page = replace(page, items=[queue_item(row) for row in page.items])
    gazetteer = gazetteers.get()
    return render_template(
        "review/queue.html",
        page=page,
        points={item.incident.id: map_points(item, gazetteer) for item in page.items},
        tile_url=current_app.config.get("TILE_URL", ""),
        tile_attribution=current_app.config.get("TILE_ATTRIBUTION", ""),
    )


@bp.post("/review/<int:incident_id>")
@requires(Role.ANALYST)
def decide(incident_id: int) -> ResponseReturnValue:
    """Apply one button's correction (with the form's CSRF token), then back to the queue's page.

    ``place_query`` (the move form) is a place id or a name that only one place bears.
    """
    fields = {name: request.form[name] for name in BUTTON_FIELDS if name in request.form}
    if "place_query" in request.form:
        fields["place_id"] = place_for_query(request.form["place_query"])
    correct_incident(incident_id, Correction.from_json(fields), Actor.of(current_account()))
    flash("review_saved", "info")
    page = request.form.get("page", "")
    return redirect(url_for("review.queue", **({"page": page} if page.isdigit() else {})))
