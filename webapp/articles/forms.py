"""The upload form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.i18n import get_translations
from wtforms.validators import URL, Length, Optional, ValidationError

from ..article_input import parse_date
from ..decode import ALLOWED_EXTENSIONS
from ..errors import InvalidArticle
from ..i18n import current_lang, lazy
from ..jobs.reader import BATCH_EXTENSIONS

LANGUAGES = [
    SelectChoice("", lazy("lang_auto")),
    SelectChoice("ar", lazy("lang_ar")),
    SelectChoice("en", lazy("lang_en")),
]


def publication_date(form: FlaskForm, field: DateField) -> None:
    """An article's date rules on what was typed (:func:`webapp.article_input.parse_date`): strict
    ``YYYY-MM-DD``, 1900 to tomorrow.

    ``DateField`` alone takes ``2020-9-1`` and any date at all; a value it could not
    read already carries its own message.
    """
    if field.process_errors or not field.raw_data:
        return
    try:
        parse_date(field.raw_data[0])
    except InvalidArticle as exc:
        raise ValidationError(exc.as_message()) from None


class UploadForm(FlaskForm):
    """Title, text or file, publication date, source URL and language; text or file is required.

    A ``.jsonl`` or ``.zip`` file is a batch of articles (:mod:`webapp.jobs`)."""

    class Meta:
        def get_translations(self, form):  # noqa: ANN001, ANN202 - WTForms hook
            """WTForms' own Arabic validator messages in the Arabic interface (no Babel needed)."""
            return get_translations(["ar"]) if current_lang() == "ar" else None

    title = StringField(lazy("title"), validators=[Optional(), Length(max=500)])
    text = TextAreaField(lazy("field_text"), validators=[Optional()])
    file = FileField(
        lazy("field_file"),
        validators=[
            FileAllowed(
                [e.lstrip(".") for e in sorted(ALLOWED_EXTENSIONS | BATCH_EXTENSIONS)], lazy("bad_extension")
            )
        ],
    )
    published = DateField(lazy("field_published"), validators=[Optional(), publication_date])
    source_url = StringField(
        lazy("field_source_url"), validators=[Optional(), URL(require_tld=False), Length(max=2000)]
    )
    language = SelectField(lazy("language_col"), choices=LANGUAGES, default="")

    def link(self) -> dict[str, object] | None:
        """The link to fetch when the source URL is given without text or file, with the other fields."""
        if self.text.data or (self.file.data and self.file.data.filename) or not self.source_url.data:
            return None
        return {
            "url": self.source_url.data,
            "title": self.title.data,
            "published": self.published.data,
            "language": self.language.data or None,
        }
