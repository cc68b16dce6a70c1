"""Uploaded files to text: .txt/.md/.html in UTF-8, UTF-16/32 with a byte-order mark, or Windows-1256."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import PurePath

from lxml import etree

from .article_html import PageArticle, extract_article
from .errors import UnreadableFile

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
ALLOWED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS

# Below this share of letters/digits/punctuation/space, a cp1256 decoding is garbage.
_MIN_PLAUSIBLE = 0.9

# The longest mark first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Elements deeper than this end the parse: browsers stop nesting at 512 too, and libxml2 looks
#: through every open element for each unmatched end tag, so depth is what its time grows with.
MAX_HTML_DEPTH = 512
# libxml2 is fed this much at a time, so a document that grows too deep is left unread.
_CHUNK = 16 * 1024


def decode_upload(data: bytes, filename: str) -> str:
    """The text of an uploaded file: :func:`read_upload`'s ``text``."""
    return read_upload(data, filename).text


def read_upload(data: bytes, filename: str) -> PageArticle:
    """The article of an uploaded file: its text, and for HTML the page's title, author and date.

    A byte-order mark decides the encoding (UTF-8, UTF-16 or UTF-32); without
    one, UTF-8, then Windows-1256, keeping the latter only when the result reads
    as Arabic/Latin text.  HTML is reduced to its article by trafilatura
    (:func:`webapp.article_html.extract_article`: no menu, footer or related
    links), or, when trafilatura finds no article, to all its visible text
    (:func:`html_to_text`).  Raises :class:`UnreadableFile` for another
    extension, binary content (NUL bytes, control characters), text in none of
    these encodings, or HTML nested deeper than :data:`MAX_HTML_DEPTH`.
    """
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ALLOWED_EXTENSIONS:
        raise UnreadableFile.bad_extension(filename)
    text = _decode_bytes(data, filename)
    if suffix not in HTML_EXTENSIONS:
        return PageArticle(text=text)
    visible = html_to_text(text)  # first: it refuses documents nested too deep, in linear time
    page = extract_article(text)
    if not page.text:
        # A fragment or a page of short lines (a list, a table) holds no "article" for trafilatura.
        return PageArticle(text=visible, title=page.title, author=page.author, published=page.published)
    return page


def _decode_bytes(data: bytes, filename: str) -> str:
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        # Without a mark a NUL means binary: UTF-16/32 text is only accepted with its mark.
        raise UnreadableFile.binary(filename)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding is not None:
            raise UnreadableFile.undecodable(filename) from None
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise UnreadableFile.undecodable(filename) from None
        if plausibility(text) < _MIN_PLAUSIBLE:
            raise UnreadableFile.undecodable(filename) from None
    if "\x00" in text or _control_ratio(text) > 0.01:
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


class _TextTarget:
    """libxml2 parser events to text; block elements become paragraph breaks.

    A parser target rather than a tree: libxml2 builds no tree, whose attribute
    lists grow in quadratic time, and needs no depth limit of its own.
    """

    _BLOCKS = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre hr".split()
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.depth = 0
        self.too_deep = False
        self._skipping = 0

    def start(self, tag: str, attrib: object) -> None:
        self.depth += 1
        if self.depth > MAX_HTML_DEPTH:
            self.too_deep = True
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def end(self, tag: str) -> None:
        self.depth -= 1
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)

    def close(self) -> str:
        return "".join(self.parts)


def html_to_text(html: str) -> str:
    """The visible text of ``html``: tags stripped, scripts dropped, paragraphs separated by a blank line.

    Parsed by libxml2 (through lxml) in time linear in the input's length.
    Raises :class:`UnreadableFile` when elements nest deeper than :data:`MAX_HTML_DEPTH`.
    """
    target = _TextTarget()
    parser = etree.HTMLParser(target=target, no_network=True, remove_comments=True, remove_pis=True)
    for start in range(0, len(html), _CHUNK):
        parser.feed(html[start : start + _CHUNK])
        if target.too_deep:
            raise UnreadableFile.too_deep(MAX_HTML_DEPTH)
    raw = parser.close() if html else ""
    if target.too_deep:
        raise UnreadableFile.too_deep(MAX_HTML_DEPTH)
    paragraphs = [" ".join(block.split()) for block in raw.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
