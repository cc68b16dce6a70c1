"""Uploaded-file decoding (webapp/decode.py)."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import sys
import time

import pytest

from tests.newsserver import ARABIC_STORY, arabic_page, english_page
from webapp.decode import MAX_HTML_DEPTH, decode_upload, html_to_text, read_upload
from webapp.errors import UnreadableFile

ARABIC = "قصفت الطائرات مدينة إدلب صباح اليوم، وأصيب مدنيون."


def test_utf8_with_and_without_bom():
    assert decode_upload(ARABIC.encode("utf-8"), "a.txt") == ARABIC
    assert decode_upload(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "a.md") == ARABIC


def test_windows_1256_arabic():
    data = ARABIC.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_upload(data, "a.txt") == ARABIC


def test_binary_is_rejected_with_a_clear_message():
    with pytest.raises(UnreadableFile, match="binary"):
        decode_upload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.txt")


def test_undecodable_garbage_is_rejected():
    garbage = bytes(range(0x80, 0x100)) * 4
    with pytest.raises(UnreadableFile):
        decode_upload(garbage, "a.txt")


def test_other_extensions_are_rejected():
    with pytest.raises(UnreadableFile, match="not a .txt"):
        decode_upload(b"hello", "a.pdf")


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    html = (
        "<html><head><title>x</title><script>alert(1)</script></head><body><h1>عنوان</h1>"
        "<p>Idlib <b>was</b> hit.</p><p>Second &amp; last.</p></body></html>"
    )
    assert html_to_text(html) == "عنوان\n\nIdlib was hit.\n\nSecond & last."
    # An upload's article is trafilatura's: the headline becomes the title, not a sentence.
    page = read_upload(html.encode("utf-8"), "page.html")
    assert (page.title, page.text) == ("عنوان", "Idlib was hit.\n\nSecond & last.")


def test_an_uploaded_news_page_gives_its_article_without_menu_footer_or_related_links():
    page = read_upload(arabic_page("https://news.example/ar/saraqib").encode("utf-8"), "saved.html")
    assert page.text == "\n\n".join(ARABIC_STORY)
    assert page.title == "غارات روسية على سراقب"  # not the site's «الرئيسية | سوريا»
    english = read_upload(english_page("https://news.example/en/1").encode("utf-8"), "saved.htm")
    assert english.title == "Airstrikes kill five in Saraqib" and english.author == "Rana Haddad"
    assert english.published == dt.date(2020, 2, 5) and english.text.startswith("IDLIB, 5 February")


def test_html_without_an_article_falls_back_to_its_visible_text():
    # trafilatura finds no article in a lone fragment; its text is still the upload's.
    assert read_upload(b"<p>Idlib <b>was</b> hit.</p>", "a.html").text == "Idlib was hit."
    assert decode_upload(b"notes.txt body", "notes.txt") == "notes.txt body"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark(encoding):
    mark = "" if encoding in ("utf-16", "utf-32") else "\ufeff"  # the bare codecs write their own mark
    data = (mark + ARABIC).encode(encoding)
    assert decode_upload(data, "a.txt") == ARABIC
    html = (mark + f"<p>{ARABIC}</p>").encode(encoding)
    assert decode_upload(html, "a.html") == ARABIC


def test_utf16_without_a_mark_or_with_a_broken_body_is_refused():
    with pytest.raises(UnreadableFile, match="binary"):
        decode_upload(ARABIC.encode("utf-16-le"), "a.txt")
    with pytest.raises(UnreadableFile, match="byte-order mark"):
        decode_upload(codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le")[:-1], "a.txt")
    with pytest.raises(UnreadableFile, match="binary"):
        decode_upload(("\ufeffabc\x00def").encode("utf-16-le"), "a.txt")


def test_html_drops_head_noscript_template_and_comments():
    html = (
        "<title>Tab title</title><p>a<br>b</p><noscript>no js</noscript>"
        "<template><p>tpl</p></template><!-- note --><style>p{}</style>c"
    )
    assert html_to_text(html) == "a\n\nb\n\nc"
    assert html_to_text("") == "" and html_to_text("<!-- unterminated") == ""


def test_html_charset_declarations_do_not_redecode_the_text():
    html = "<head><meta charset='windows-1256'></head><body><p>قصف إدلب</p></body>"
    assert html_to_text(html) == "قصف إدلب"


def test_html_nested_deeper_than_browsers_nest_is_refused():
    assert html_to_text("<div>" * (MAX_HTML_DEPTH - 10) + "deep") == "deep"
    with pytest.raises(UnreadableFile, match="deep"):
        html_to_text("<div>" * 100_000 + "</p>" * 100_000)


# Inputs that made pure-Python or tree-building parsers slow down faster than they grow; each makes
# about ``n`` characters (the attributes about n/2: each distinct name is a hash-table entry in libxml2
# and in Python, and past some thousands those tables outgrow the processor's caches on a busy machine).
ADVERSARIAL = {
    "unclosed <a": lambda n: "<a" * (n // 2),
    "nested <div>": lambda n: "<div>" * (n // 5),
    "deep then stray end tags": lambda n: "<div>" * (n // 10) + "</p>" * (n // 10),
    "unclosed formatting": lambda n: "<p><b><i>x" * (n // 10),
    "many attributes": lambda n: "<p " + " ".join(f"a{i}=x" for i in range(n // 20)) + ">t",
    "huge comment": lambda n: "<!--" + "x" * n,
    "<<<<": lambda n: "<" * n,
    "paragraphs": lambda n: "<p>كلمة word</p>" * (n // 16),
}


def calls(html: str) -> int:
    """Python and C function calls html_to_text makes on ``html``: work that no load on the machine changes.

    The parser's callbacks into Python are counted, so a pass over the input that is
    quadratic shows; one parse also has to finish within two seconds.
    """
    count = 0

    def profile(frame, event, arg):  # noqa: ANN001, ARG001
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    start = time.thread_time()
    sys.setprofile(profile)
    try:
        with contextlib.suppress(UnreadableFile):
            html_to_text(html)
    finally:
        sys.setprofile(None)
    assert time.thread_time() - start < 2.0, f"one parse of {len(html):,} characters took too long"
    return count


@pytest.mark.parametrize("family", list(ADVERSARIAL))
def test_html_parsing_work_grows_linearly(family):
    make = ADVERSARIAL[family]
    counts = [calls(make(n)) for n in (50_000, 100_000, 200_000)]
    # Two doublings: linear is ×4, quadratic ×16; 2.3 per doubling leaves room for fixed costs.
    assert counts[2] <= 2.3**2 * counts[0] + 100, f"{family}: {counts}"
