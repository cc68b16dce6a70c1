"""Language detection for the geoparser: Arabic or English, by script."""

from __future__ import annotations

from .places.normalize import arabic_ratio

#: Share of Arabic-script letters above which a text counts as Arabic.  Arabic
#: news quotes Latin names and handles ("(@Rahmon83)", "m4"), so a text is
#: Arabic well before all its letters are.
ARABIC_THRESHOLD = 0.3


def detect_language(text: str) -> str:
    """Return ``"ar"`` when at least 30 % of the letters of ``text`` are Arabic, else ``"en"``.

    A text without letters is ``"en"``; the result is always one of those two codes.
    """
    return "ar" if arabic_ratio(text) >= ARABIC_THRESHOLD else "en"
