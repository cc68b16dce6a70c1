"""A bidi control in a stored name stays inside that name on the page (measured in Chromium's layout)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Where each character of `needle` (inside `selector`) is drawn, left to right: [x of char 0, x of char 1, …].
CHAR_X = """([selector, needle]) => {
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    return [...needle].map((_, i) => {
      range.setStart(node, at + i);
      range.setEnd(node, at + i + 1);
      return range.getBoundingClientRect().x;
    });
  }
  return null;
}"""


def test_an_unclosed_override_in_a_place_name_does_not_reverse_what_follows(live_app, server, page):
    from incident_rows import add_incident

    with live_app.app_context():
        incident = add_incident(place="Idlib\u202e", place_name_ar="إدلب", place_id="t:idlib")
    page.goto(f"{server.url}/articles/1")
    xs = page.evaluate(CHAR_X, [f"#incident-{incident} td:nth-child(4)", "(city)"])
    assert xs is not None and xs == sorted(xs), f"'(city)' is drawn out of order: {xs}"
