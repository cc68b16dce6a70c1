"""Bidirectional-text controls: which characters they are, and display strings cleared of them.

An embedding or override (U+202A–U+202E) or an isolate (U+2066–U+2069) left open in a
title reorders whatever is shown after it on the same line; a mark (U+200E LRM, U+200F RLM,
U+061C ALM) at either end of a title decides which way a ``dir="auto"`` element runs.
Marks inside a string stay: Arabic writers use them to keep punctuation in place.
Templates isolate names as well (``<bdi>``, ``dir="auto"``), for what was stored before.
"""

from __future__ import annotations

import re

EMBEDDINGS_AND_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e"
ISOLATES = "\u2066\u2067\u2068\u2069"
MARKS = "\u200e\u200f\u061c"

_SCOPED = str.maketrans("", "", EMBEDDINGS_AND_OVERRIDES + ISOLATES)
_OUTER = re.compile(f"^[\\s{MARKS}]+|[\\s{MARKS}]+$")


def strip_controls(text: str) -> str:
    """``text`` without embeddings, overrides and isolates, and without marks or white space at its ends."""
    return _OUTER.sub("", text.translate(_SCOPED))
