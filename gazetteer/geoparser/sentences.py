"""Sentence splitting that keeps exact character offsets into the article."""

from __future__ import annotations

import re

from .result import Sentence

#: Latin abbreviations whose final dot does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt capt maj sgt brig cpl jr sr no vs etc inc ltd co corp dept est "
    "approx fig jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m".split()
)
_TERMINATORS = ".!?؟…"
# Closing quotes/brackets that belong to the sentence they end.
_CLOSERS = "\"'”’»)]}"
_LINE_BREAKS = "\n\r\u2028\u2029"
_STOP_RE = re.compile("[" + re.escape(_LINE_BREAKS + _TERMINATORS) + "]")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064A]+")
_ARABIC_END_RE = re.compile(r"[\u0621-\u064A]$")
# A number of one to three digits alone at the start of a line (``^`` is the text's start only).
_ENUMERATOR_RE = re.compile(r"(?:^|[" + _LINE_BREAKS + r"])[ \t]*\d{1,3}$")
_ENUMERATOR_WINDOW = 8  # characters looked at before the dot: the search stays local


def _is_boundary(text: str, i: int) -> bool:
    """True when the terminator at ``text[i]`` ends a sentence."""
    char = text[i]
    if char != ".":
        return True
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return False  # 3.5
    if before.isdigit() and _ENUMERATOR_RE.search(text, max(0, i - _ENUMERATOR_WINDOW), i):
        return False  # "2. Marea, 16 August": a list item's number opening its line
    if after and not after.isspace() and after not in _CLOSERS:
        # A full stop typed without its space between two Arabic words («… المدينة.استطاع»)
        # still ends the sentence; a short tail is a domain («السورية.نت»).
        tail = _ARABIC_WORD_RE.match(text, i + 1)
        # Only the letter before the dot is looked at (a search over the text before it was quadratic).
        arabic_before = _ARABIC_END_RE.search(text, max(0, i - 2), i) is not None
        return arabic_before and tail is not None and len(tail.group()) > 3
    # "السورية.نت", "example.com", "U.S" inside
    window = text[max(0, i - 20) : i]
    if not before.isascii() and "." not in window:
        return True  # the word before is neither a Latin abbreviation nor dotted ("U.S", «ا.ب»)
    word = _WORD_BEFORE_RE.search(window)
    if word:
        w = word.group(1).lower()
        if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha() and w.isascii()):
            return False  # "Dr.", "U.S.", an initial "J."
        if "." in w and all(len(p) <= 2 for p in w.split(".")):
            return False  # "U.S." / "e.g." with the inner dot attached
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with ``text[s.start:s.end] == s.text``.

    A sentence ends at ``. ! ? ؟ …`` (with any closing quotes or brackets
    after it) and always at a line break, because news text and tweets put
    one statement per line.  It does not end at «،» or ",", at a decimal
    point, inside a token such as «السورية.نت», after a list item's number
    opening its line ("2. Marea …"), or after a known abbreviation or
    initial ("U.S.", "Dr.", "J.").  Sentences are stripped
    of surrounding whitespace and empty ones are dropped; ``index`` counts
    from 0 in order.
    """
    sentences: list[Sentence] = []

    def emit(start: int, end: int) -> None:
        raw = text[start:end]
        stripped = raw.lstrip()  # str.strip and str.isspace agree on what is whitespace
        start += len(raw) - len(stripped)
        stripped = stripped.rstrip()
        if stripped:
            sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))

    start = 0
    i = 0
    n = len(text)
    while True:
        found = _STOP_RE.search(text, i)  # jump to the next character that may end a sentence
        if found is None:
            break
        i = found.start()
        char = text[i]
        if char in _LINE_BREAKS:
            emit(start, i)
            start = i + 1
        elif char in _TERMINATORS and _is_boundary(text, i):
            end = i + 1
            while end < n and (text[end] in _TERMINATORS or text[end] in _CLOSERS):
                end += 1
            emit(start, end)
            start = i = end
            continue
        i += 1
    emit(start, n)
    return sentences


#: A list item longer than this is prose, not a record.
MAX_RECORD_WORDS = 20

# "[a]", "\[b\]" (escaped Markdown), "(3)", «(ب)», "1.", "12)", "a)" at the start of a line.
LIST_MARKER = re.compile(
    r"""\s*(?:
        \\?\[[^\W_]{1,3}\\?\]
      | \([^\W_]{1,3}\)
      | \d{1,3}[.)]
      | [^\W\d_][)]
    )\s""",
    re.VERBOSE,
)


def opens_list_item(sentence: str) -> bool:
    """Whether ``sentence`` opens with a list marker and is short enough to be a record.

    A cheap test on the text alone: the extractor reads a line as a record
    only when it also names a place and states a day.
    """
    return bool(LIST_MARKER.match(sentence)) and len(sentence.split()) <= MAX_RECORD_WORDS + 1
