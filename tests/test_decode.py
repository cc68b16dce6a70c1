"""Uploaded-file decoding (webapp/decode.py)."""

from __future__ import annotations

import pytest

from webapp.decode import decode_upload, html_to_text
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
    assert decode_upload(html.encode("utf-8"), "page.html") == "عنوان\n\nIdlib was hit.\n\nSecond & last."
