"""The sign-in form and the sign-out button's form (both carry a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..i18n import lazy


class LoginForm(FlaskForm):
    """User name and password, and the page to return to."""

    name = StringField(lazy("user_name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(lazy("password"), validators=[DataRequired(), Length(max=1000)])
    next = HiddenField()


class LogoutForm(FlaskForm):
    """Nothing but the CSRF token: signing out is a post, so no other site can sign anyone out."""
