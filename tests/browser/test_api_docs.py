"""The API docs page (/api/docs): Swagger UI draws every operation of the document, from local
files only, under the Content-Security-Policy, and can call the API from the page."""

from __future__ import annotations

import pytest
from browser_helpers import screenshot

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.effectiveDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_the_docs_page_lists_every_operation_and_tries_one(live_app, server, page):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(RECORD_VIOLATIONS)
    operations = sum(
        1
        for item in live_app.test_client().get("/api/openapi.json").get_json()["paths"].values()
        for method in item
        if method in ("get", "post", "patch", "put", "delete")
    )

    page.goto(f"{server.url}/api/docs")
    page.wait_for_function("(n) => document.querySelectorAll('.opblock').length === n", arg=operations)
    assert page.locator(".info .title").inner_text().startswith("Syria incident map API")

    # "Try it out" on GET /api/facets: the page calls the API and shows its answer.
    block = page.locator("#operations-map-mapdata_facets_view")
    block.locator(".opblock-summary").click()
    block.locator("button.try-out__btn").click()
    block.locator("button.execute").click()
    status = block.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    screenshot(page, "api-docs")
    assert page.evaluate("window.__cspViolations") == []
    assert errors == []
