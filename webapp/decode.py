"""Uploaded files to text: .txt/.md/.html in UTF-8 (with or without BOM) or Windows-1256."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser
from pathlib import PurePath

from .errors import UnreadableFile

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
ALLOWED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS

# Below this share of letters/digits/punctuation/space, a cp1256 decoding is garbage.
_MIN_PLAUSIBLE = 0.9


def decode_upload(data: bytes, filename: str) -> str:
    """The text of an uploaded file.

    Tries UTF-8 (a BOM is dropped), then Windows-1256, keeping the latter only
    when the result reads as Arabic/Latin text.  HTML is reduced to its text
    with paragraph breaks.  Raises :class:`UnreadableFile` for another
    extension, binary content (NUL bytes, control characters) or text in
    neither encoding.
    """
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ALLOWED_EXTENSIONS:
        raise UnreadableFile.bad_extension(filename)
    if b"\x00" in data:
        raise UnreadableFile.binary(filename)
    text = _decode_bytes(data, filename)
    if suffix in HTML_EXTENSIONS:
        text = html_to_text(text)
    return text


def _decode_bytes(data: bytes, filename: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise UnreadableFile.undecodable(filename) from None
        if plausibility(text) < _MIN_PLAUSIBLE:
            raise UnreadableFile.undecodable(filename) from None
    if _control_ratio(text) > 0.01:
        raise UnreadableFile.binary(filename)
    return text


def plausibility(text: str) -> float:
    """Share of characters that are Arabic or Latin letters, digits, punctuation or white space."""
    if not text:
        return 1.0
    good = 0
    for char in text:
        if char.isspace() or char.isdigit():
            good += 1
            continue
        cat = unicodedata.category(char)
        if cat.startswith("P"):
            good += 1
        elif cat.startswith("L") and (
            char.isascii() or "\u0600" <= char <= "\u06ff" or char in "éèàçüöäâêîôû"
        ):
            good += 1
    return good / len(text)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return bad / len(text)


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML document; block elements become paragraph breaks."""

    _BLOCKS = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre hr".split()
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of ``html``: tags stripped, scripts dropped, paragraphs separated by a blank line."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = [" ".join(block.split()) for block in raw.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
