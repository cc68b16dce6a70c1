"""The sign-in and sign-out pages."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_user, logout_user

from ..extensions import limiter
from ..messages import Message
from ..ratelimit import login_limit
from .access import not_a_write, safe_next
from .forms import LoginForm, LogoutForm
from .service import authenticate

bp = Blueprint("accounts", __name__)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
@not_a_write
def login() -> ResponseReturnValue:
    """Show the form; on a right name and password start a new session and go back where the user was.

    A failure is logged with the name and the client's address, never the password.
    """
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next"))
    if not form.validate_on_submit():
        return render_template("accounts/login.html", form=form), (400 if form.is_submitted() else 200)
    user = authenticate(form.name.data or "", form.password.data or "")
    if user is None:
        current_app.logger.warning("sign-in failed for %r from %s", form.name.data, request.remote_addr)
        form.form_errors.append(Message("auth.bad_login"))
        return render_template("accounts/login.html", form=form), 401
    lang = session.get("lang")
    session.clear()  # a new session for the signed-in user: nothing planted before survives
    if lang:
        session["lang"] = lang
    login_user(user)
    current_app.logger.info("%s signed in from %s", user.name, request.remote_addr)
    return redirect(safe_next(form.next.data) or url_for("maps.map_page"))


@bp.post("/logout")
@not_a_write
def logout() -> ResponseReturnValue:
    """End the session (a post with the CSRF token) and go to the map."""
    form = LogoutForm()
    if form.validate_on_submit():
        lang = session.get("lang")
        logout_user()
        session.clear()
        if lang:
            session["lang"] = lang
    return redirect(url_for("maps.map_page"))
