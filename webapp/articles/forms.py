"""The upload form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, Length, Optional

from ..decode import ALLOWED_EXTENSIONS

LANGUAGES = [
    SelectChoice("", "Detect automatically"),
    SelectChoice("ar", "Arabic — العربية"),
    SelectChoice("en", "English"),
]


class UploadForm(FlaskForm):
    """Title, text or file, publication date, source URL and language; text or file is required."""

    title = StringField("Title", validators=[Optional(), Length(max=500)])
    text = TextAreaField("Article text", validators=[Optional()])
    file = FileField(
        "…or a file (.txt, .md, .html; UTF-8 or Windows-1256)",
        validators=[
            FileAllowed([e.lstrip(".") for e in ALLOWED_EXTENSIONS], "Upload a .txt, .md or .html file.")
        ],
    )
    published = DateField("Publication date", validators=[Optional()])
    source_url = StringField("Source URL", validators=[Optional(), URL(require_tld=False), Length(max=2000)])
    language = SelectField("Language", choices=LANGUAGES, default="")
