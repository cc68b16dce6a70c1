"""Plural forms of the interface's counted strings ("1 incident", "3 incidents", «حادثتان»).

A counted string has its ``other`` form in :data:`webapp.i18n.STRINGS` and its other forms
here, by language and CLDR plural category (:func:`plural_category`): English has ``one``;
Arabic has ``zero``, ``one``, ``two``, ``few`` (3–10), ``many`` (11–99) and ``other``.  A form
missing here falls back to the ``other`` form.  The map's script picks forms with the
browser's ``Intl.PluralRules``, which follows the same CLDR rules.
"""

from __future__ import annotations

#: key → language → category → text with ``{n}`` (and the key's other parameters).
PLURAL_FORMS: dict[str, dict[str, dict[str, str]]] = {
    "n_incidents": {
        "en": {"one": "{n} incident"},
        "ar": {"one": "حادثة واحدة", "two": "حادثتان", "few": "{n} حوادث", "many": "{n} حادثة"},
    },
    "n_sentences": {
        "en": {"one": "{n} sentence"},
        "ar": {"one": "جملة واحدة", "two": "جملتان", "few": "{n} جمل", "many": "{n} جملة"},
    },
    "n_mentions": {
        "en": {"one": "{n} place mention"},
        "ar": {"one": "ذكر مكان واحد", "two": "ذكر مكانين"},
    },
    "n_unresolved": {
        "en": {"one": "{n} unresolved name"},
        "ar": {"one": "اسم واحد غير محدد", "two": "اسمان غير محددين", "few": "{n} أسماء غير محددة"},
    },
    "n_places": {
        "en": {"one": "{n} place for {q}"},
    },
    "in_view": {
        "en": {"one": "incident in view"},
    },
}


def plural_category(n: int, lang: str) -> str:
    """The CLDR plural category of the integer ``n`` in ``lang`` (``en`` or ``ar``)."""
    if lang == "ar":
        rest = n % 100
        if n == 0:
            return "zero"
        if n == 1:
            return "one"
        if n == 2:
            return "two"
        if 3 <= rest <= 10:
            return "few"
        if 11 <= rest <= 99:
            return "many"
        return "other"
    return "one" if n == 1 else "other"


def plural_form(key: str, n: int, lang: str) -> str | None:
    """The text of ``key`` for ``n`` in ``lang`` when it differs from the ``other`` form; else None."""
    return PLURAL_FORMS.get(key, {}).get(lang, {}).get(plural_category(n, lang))


def plural_strings(lang: str) -> dict[str, dict[str, str]]:
    """Every key's forms in ``lang`` (without ``other``), for the map's script."""
    return {key: forms[lang] for key, forms in PLURAL_FORMS.items() if lang in forms}
