"""Arabic/English interface strings and the language switch (the strings: :mod:`webapp.catalogue`).

``?lang=ar`` or ``?lang=en`` on any page chooses the interface language and
keeps it in the session; otherwise the session's choice, then English.
Templates get ``t(key)``, ``tf(key, **params)`` (numbers and codes isolated
in ``<bdi>``), ``tn(key, n, **params)`` (``tf`` in the plural form of ``n``, see
:mod:`webapp.plurals`), ``tr(message)`` (an error's :class:`~webapp.messages.Message`, or a
library's English text, in the interface language; see :func:`localize`), ``event_label(name)``
(ACLED type names), ``actors_label(names)``, ``place_type_label(value)``,
``governorate_label(admin1)`` (:mod:`webapp.placenames`),
``isolate(text)`` (a name between Unicode isolates, for attributes), ``ui_lang``,
``ui_dir`` (``rtl`` in Arabic) and ``lang_url(code)``; the map's JavaScript gets :func:`strings` as JSON.
Article text keeps its own direction whatever the interface language.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Flask, has_request_context, request, session, url_for
from markupsafe import Markup, escape
from werkzeug.routing import BuildError

from .catalogue import ACTORS_AR, EVENT_TYPES_AR, LIBRARY_TEXTS_AR, PLACE_TYPES_AR, STRINGS
from .messages import Message
from .placenames import governorate_label
from .plurals import plural_form

LANGUAGES = ("en", "ar")
RTL = frozenset({"ar"})

_PARAM = re.compile(r"\{(\w+)\}")
# Unicode isolates: the plain-text <bdi>, so a number, code or quoted value keeps its order in Arabic.
_FSI, _PDI = "\u2068", "\u2069"


def current_lang() -> str:
    """The interface language: ``?lang=``, then the session, then English (also outside a request)."""
    if not has_request_context():
        return "en"
    asked = request.args.get("lang", "")
    if asked in LANGUAGES:
        return asked
    stored = session.get("lang", "")
    return stored if stored in LANGUAGES else "en"


def translate(key: str, lang: str | None = None) -> str:
    """The string ``key`` in ``lang`` (default: the current language); the key itself when unknown."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    return pair[1] if (lang or current_lang()) == "ar" else pair[0]


def format_markup(key: str, lang: str, *, template: str | None = None, **params: object) -> Markup:
    """``key`` in ``lang`` with each ``{name}`` replaced by ``params[name]``, escaped.

    Text parameters are wrapped in ``<bdi>`` (a name or code keeps its own direction); numbers
    only in a right-to-left language, where a bare number would be reordered with its neighbours.
    ``template`` replaces the catalogue's text (a plural form).  Raises KeyError when the string
    needs a parameter that is not given.
    """
    rtl = lang in RTL

    def fill(match: re.Match[str]) -> str:
        value = params[match.group(1)]
        if isinstance(value, (int, float)) and not rtl:
            return str(escape(value))
        return str(Markup("<bdi>%s</bdi>") % value)

    return Markup(_PARAM.sub(fill, str(escape(template if template is not None else translate(key, lang)))))


def format_count(key: str, n: int, lang: str, **params: object) -> Markup:
    """:func:`format_markup` of ``key`` in the plural form ``n`` takes in ``lang`` (:mod:`webapp.plurals`)."""
    return format_markup(key, lang, template=plural_form(key, n, lang), n=n, **params)


def localize(message: object, lang: str | None = None) -> object:
    """``message`` in ``lang`` (default: the current language), for a template.

    A :class:`~webapp.messages.Message` is rendered; a library's English text (see
    :data:`LIBRARY_TEXTS_AR`) is looked up; anything else (a lazy label, a message some
    validator already wrote in the interface language) is returned as it is.
    """
    lang = lang or current_lang()
    if isinstance(message, Message):
        return message.render(lang)
    if lang == "ar" and isinstance(message, str):
        return LIBRARY_TEXTS_AR.get(message, message)
    return message


def event_label(name: str | None, lang: str | None = None) -> str:
    """An ACLED event or sub-event type in ``lang`` (unknown types stay in English)."""
    if not name:
        return ""
    return EVENT_TYPES_AR.get(name, name) if (lang or current_lang()) == "ar" else name


def actors_label(names: list[str] | None, lang: str | None = None) -> str:
    """Actor names joined for display, in Arabic with the Arabic comma (unknown names stay as stored)."""
    if (lang or current_lang()) != "ar":
        return ", ".join(names or [])
    return "، ".join(ACTORS_AR.get(name, name) for name in names or [])


def place_type_label(value: str, lang: str | None = None) -> str:
    """A place type (``PlaceType.value``) in ``lang``."""
    return PLACE_TYPES_AR.get(value, value) if (lang or current_lang()) == "ar" else value


class LazyText:
    """A STRINGS key rendered in the language of the request it is shown in (for form labels)."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        if key not in STRINGS:
            raise KeyError(key)
        self.key = key

    def __str__(self) -> str:
        return translate(self.key)

    def __html__(self) -> str:
        return str(escape(str(self)))

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.key)


def lazy(key: str) -> LazyText:
    """A label or message for ``key`` translated when rendered; raises KeyError for an unknown key."""
    return LazyText(key)


def strings(lang: str) -> dict[str, str]:
    """Every interface string in ``lang`` (for the map's JavaScript)."""
    return {key: (ar if lang == "ar" else en) for key, (en, ar) in STRINGS.items()}


def isolate(value: object) -> str:
    """``value`` as text between Unicode isolates (FSI…PDI): the plain-text ``<bdi>``, for attributes."""
    return f"{_FSI}{value}{_PDI}"


def text_dir(lang: str) -> str:
    """``rtl`` for right-to-left languages, else ``ltr``."""
    return "rtl" if lang in RTL else "ltr"


def lang_url(code: str) -> str:
    """The current page with ``lang=code`` (other query parameters kept), as a relative URL.

    The path is built by ``url_for`` from the matched route, never taken from the request:
    ``GET /%5Cevil.example`` would give ``/\\evil.example?lang=ar``, which browsers follow to
    another site.  A request that matched no route (a 404 page) gets the query alone, which
    stays on the page.  The query is encoded here rather than by ``url_for``: parameters named
    like its options (``_external``, ``_scheme``) or like the route's arguments stay plain
    parameters and never change the link.
    """
    pairs = [(k, v) for k, values in request.args.lists() if k != "lang" for v in values]
    pairs.append(("lang", code))
    query = "?" + urlencode(pairs)
    if request.url_rule is None or request.endpoint is None:
        return query
    try:
        return url_for(request.endpoint, **(request.view_args or {})) + query
    except BuildError:
        return query


def init_app(app: Flask) -> None:
    """Keep a ``?lang=`` choice in the session; templates get the helpers listed in the module docstring."""

    @app.before_request
    def remember_lang() -> None:
        asked = request.args.get("lang", "")
        if asked in LANGUAGES and session.get("lang") != asked:
            session["lang"] = asked

    @app.context_processor
    def inject() -> dict[str, object]:
        lang = current_lang()
        return {
            "t": lambda key: translate(key, lang),
            "tf": lambda key, **params: format_markup(key, lang, **params),
            "tn": lambda key, n, **params: format_count(key, n, lang, **params),
            "tr": lambda text: localize(text, lang),
            "event_label": lambda name: event_label(name, lang),
            "place_type_label": lambda value: place_type_label(value, lang),
            "actors_label": lambda names: actors_label(names, lang),
            "governorate_label": lambda admin1: governorate_label(admin1, lang),
            "isolate": isolate,
            "ui_lang": lang,
            "ui_dir": text_dir(lang),
            "lang_url": lang_url,
        }
