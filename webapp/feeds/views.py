"""The Feeds page (admins): the feeds followed with their last poll, and buttons to add, remove, poll."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from ..accounts.access import requires
from ..errors import FeedError
from ..models import Role
from .forms import FeedForm
from .service import add_feed, list_feeds, poll_feeds, remove_feed

bp = Blueprint("feeds", __name__, url_prefix="/feeds")


@bp.get("")
@requires(Role.ADMIN)
def index() -> ResponseReturnValue:
    """List the feeds and the form to add one."""
    return render_template("feeds/index.html", feeds=list_feeds(), form=FeedForm())


@bp.post("")
@requires(Role.ADMIN)
def add() -> ResponseReturnValue:
    """Follow a feed (twin: ``flask feeds add``)."""
    form = FeedForm()
    if form.validate_on_submit():
        try:
            add_feed(form.url.data, name=form.name.data or "", language=form.language.data or None)
        except FeedError as exc:
            form.form_errors.append(exc.as_message())
        else:
            flash("feed_added", "info")
            return redirect(url_for("feeds.index"))
    return render_template("feeds/index.html", feeds=list_feeds(), form=form), 400


@bp.post("/<int:feed_id>/remove")
@requires(Role.ADMIN)
def remove(feed_id: int) -> ResponseReturnValue:
    """Stop following a feed (twin: ``flask feeds remove``)."""
    remove_feed(feed_id)
    flash("feed_removed", "info")
    return redirect(url_for("feeds.index"))


@bp.post("/poll")
@requires(Role.ADMIN)
def poll() -> ResponseReturnValue:
    """Poll every feed now (twin: ``flask feeds poll``); the list shows each one's result."""
    poll_feeds()
    flash("feeds_polled", "info")
    return redirect(url_for("feeds.index"))
