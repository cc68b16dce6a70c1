"""Accounts for tests: made through the same service the CLI uses, and signed in through the real form."""

from __future__ import annotations

import re

from webapp.accounts import service
from webapp.audit import Actor
from webapp.models import Role

PASSWORD = "correct horse battery"

BY = Actor("tests")


def add_user(app, name: str, role: str, password: str = PASSWORD) -> None:  # noqa: ANN001
    """Create the account ``name`` with ``role``."""
    with app.app_context():
        service.create_user(name, password, Role(role), by=BY)


def token_for(app, name: str) -> str:  # noqa: ANN001
    """A new API token of ``name``."""
    with app.app_context():
        return service.issue_token(name, by=BY)


def page_csrf_token(client, path: str = "/login") -> str:  # noqa: ANN001
    """The CSRF token a page's form carries."""
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
    assert match, f"{path} carries a CSRF token"
    return match.group(1)


def sign_in(client, name: str, password: str = PASSWORD):  # noqa: ANN001, ANN201
    """Post the sign-in form (with its CSRF token when CSRF is on); returns the response."""
    data = {"name": name, "password": password}
    if client.application.config.get("WTF_CSRF_ENABLED"):
        data["csrf_token"] = page_csrf_token(client)
    return client.post("/login", data=data)
