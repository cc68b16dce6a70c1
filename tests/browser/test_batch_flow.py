"""A batch through the upload form in a real browser: a .jsonl file becomes a job page with progress."""

from __future__ import annotations

import json

import pytest
from browser_helpers import screenshot

pytestmark = pytest.mark.browser

ROWS = [
    {"text": "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد.", "title": "إدلب"},
    {"text": "Russian jets struck the city of Idlib on Sunday.", "title": "Idlib"},
]


def test_a_jsonl_upload_lands_on_its_job_page_in_arabic(page, server, tmp_path):
    batch = tmp_path / "دفعة.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in ROWS] + ["{broken"]
    batch.write_text("\n".join(lines), encoding="utf-8")
    page.goto(f"{server.url}/upload?lang=ar")
    page.set_input_files("input[name=file]", str(batch))
    page.click("button[type=submit]")
    page.wait_for_url("**/jobs/*")
    assert page.locator("html").get_attribute("dir") == "rtl"
    status = page.locator("[role=status]")
    assert "اكتملت جزئيًا" in status.inner_text()
    assert page.locator("progress").get_attribute("value") == "3"
    assert page.locator(".job-errors td").first.inner_text().endswith(":3")
    assert "سطر JSON غير صالح" in page.locator(".job-errors").inner_text()
    page.click("a[href='/jobs']")
    page.wait_for_url("**/jobs")
    assert page.locator("table.jobs tbody tr").count() >= 1
    screenshot(page, "arabic-batch-job")
