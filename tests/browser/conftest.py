"""Browser tests: headless Debian Chromium driven by Playwright against a live server on 127.0.0.1.

Skips with a clear message when Chromium or Playwright is missing.  Each test
gets a fresh app on a temporary SQLite database; tiles point at a local URL
that answers 404, so no test touches the network and the offline fallback
(the Syria outline) is what the map shows.  Helpers: :mod:`browser_helpers`.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_helpers import LIVE_CONFIG

from webapp.liveserver import CHROMIUM_ARGS, chromium_path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium not found (install the Debian package `chromium`; .ci/run does)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture
def live_app(make_app):
    """A fresh app (tiny gazetteer, CSRF on, local 404 tiles) — override GAZETTEER per test when needed."""
    return make_app(**LIVE_CONFIG)


@pytest.fixture
def server(live_app):
    from webapp.liveserver import LiveServer

    with LiveServer(live_app) as srv:
        yield srv


class RequestLog:
    """Every URL the page requested, and those that left 127.0.0.1."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, request: object) -> None:
        self.urls.append(request.url)  # type: ignore[attr-defined]

    @property
    def off_machine(self) -> list[str]:
        return [
            u
            for u in self.urls
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).hostname != "127.0.0.1"
        ]


def csp_safe(wait_for_function):  # noqa: ANN001, ANN201 - wraps Playwright's method
    """``page.wait_for_function`` that takes only a function, such as ``"() => ready"``.

    Playwright evals the predicate in the page; a bare expression is eval'd again on each
    poll, which the app's Content-Security-Policy refuses ('unsafe-eval'), so the wait fails
    whenever the condition is not already true.  A function is eval'd once, inside
    Playwright's own call, and then only called.
    """

    def wait(expression: str, *args: object, **kwargs: object) -> object:
        if not expression.lstrip().startswith(("(", "function", "async")):
            raise AssertionError(f"wait_for_function needs a function, e.g. '() => {expression}'")
        return wait_for_function(expression, *args, **kwargs)

    return wait


@pytest.fixture
def page(browser):
    """A new page that records its requests (``page.request_log``) and dialogs (``page.dialogs``)."""
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="en-GB")
    pg = context.new_page()
    log = RequestLog()
    dialogs: list[str] = []
    pg.on("request", log)

    def on_dialog(dialog: object) -> None:
        dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    pg.on("dialog", on_dialog)
    pg.wait_for_function = csp_safe(pg.wait_for_function)  # type: ignore[method-assign]
    pg.request_log = log  # type: ignore[attr-defined]
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert log.off_machine == [], f"requests left the machine: {log.off_machine}"
