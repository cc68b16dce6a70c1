"""The Feeds page's form: a feed's address, name and language."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from ..i18n import lazy


class FeedForm(FlaskForm):
    """A feed to follow: its http(s) address (checked by the service), a name, its language."""

    url = StringField(lazy("feed_url"), validators=[DataRequired(), Length(max=2000)])
    name = StringField(lazy("feed_name"), validators=[Length(max=200)])
    language = SelectField(
        lazy("language_col"),
        choices=[
            SelectChoice("", "—"),
            SelectChoice("ar", lazy("lang_ar")),
            SelectChoice("en", lazy("lang_en")),
        ],
        default="",
    )
