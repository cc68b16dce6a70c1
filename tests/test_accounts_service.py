"""Accounts (webapp/accounts/service.py): hashing, tokens stored as hashes, disabling, validation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from webapp.accounts import service
from webapp.audit import Actor
from webapp.errors import AccountError
from webapp.extensions import db
from webapp.models import ApiToken, Role, User

BY = Actor("tests")


def test_passwords_are_stored_hashed_and_checked(app):
    with app.app_context():
        user = service.create_user("rana", "a long passphrase", Role.ANALYST, by=BY)
        assert "a long passphrase" not in user.password_hash and user.password_hash.startswith("scrypt:")
        assert service.authenticate("rana", "a long passphrase").name == "rana"
        assert service.authenticate("rana", "a long passphrasE") is None
        assert service.authenticate("nobody", "a long passphrase") is None


def test_accounts_exist_once_one_is_made(app):
    with app.app_context():
        assert not service.accounts_exist()
        service.create_user("admin", "a long passphrase", Role.ADMIN, by=BY)
        assert service.accounts_exist()


def test_a_token_is_shown_once_and_only_its_hash_is_stored(app):
    with app.app_context():
        service.create_user("rana", "a long passphrase", Role.ANALYST, by=BY)
        token = service.issue_token("rana", by=BY)
        stored = db.session.scalars(select(ApiToken.token_hash)).all()
        assert stored == [service.token_hash(token)] and token not in stored
        assert service.user_for_token(token).name == "rana"
        assert service.user_for_token(token + "x") is None


def test_a_disabled_account_can_no_longer_sign_in_or_use_its_tokens_and_is_kept(app):
    with app.app_context():
        service.create_user("rana", "a long passphrase", Role.ANALYST, by=BY)
        token = service.issue_token("rana", by=BY)
        service.disable_user("rana", by=BY)
        assert service.authenticate("rana", "a long passphrase") is None
        assert service.user_for_token(token) is None
        assert db.session.scalars(select(User.active)).all() == [False]
        with pytest.raises(AccountError):
            service.issue_token("rana", by=BY)


@pytest.mark.parametrize(
    ("name", "password", "key"),
    [
        ("", "a long passphrase", "account.bad_name"),
        ("two words", "a long passphrase", "account.bad_name"),
        ("x" * 81, "a long passphrase", "account.bad_name"),
        ("rana", "short", "account.short_password"),
    ],
)
def test_malformed_names_and_short_passwords_are_refused(app, name, password, key):
    with app.app_context(), pytest.raises(AccountError) as caught:
        service.create_user(name, password, Role.VIEWER, by=BY)
    assert caught.value.key == key


def test_a_taken_name_is_refused(app):
    with app.app_context():
        service.create_user("rana", "a long passphrase", Role.VIEWER, by=BY)
        with pytest.raises(AccountError) as caught:
            service.create_user("rana", "another passphrase", Role.ADMIN, by=BY)
        assert caught.value.key == "account.exists"


def test_arabic_names_are_accounts_too(app):
    with app.app_context():
        service.create_user("رنا", "a long passphrase", Role.ANALYST, by=BY)
        assert service.authenticate("رنا", "a long passphrase").role == "analyst"


def test_roles_are_ordered():
    assert Role.ADMIN.allows(Role.ANALYST) and Role.ANALYST.allows(Role.ANALYST)
    assert not Role.VIEWER.allows(Role.ANALYST) and not Role.ANALYST.allows(Role.ADMIN)
    with pytest.raises(AccountError):
        service.parse_role("editor")


def test_every_change_to_an_account_is_in_the_audit_trail_never_its_secrets(app):
    from webapp.audit import history

    with app.app_context():
        admin = service.create_user("sami", "a long passphrase", Role.ADMIN, by=Actor("root"))
        user = service.create_user("rana", "a long passphrase", Role.ANALYST, by=Actor("root"))
        token = service.issue_token("rana", by=Actor("root"))
        service.disable_user("rana", by=Actor.of(admin))
        trail = history("user", user.id)
    assert [(c["user"], c["action"]) for c in trail] == [
        ("root", "user.create"),
        ("root", "user.token"),
        ("sami", "user.disable"),
    ]
    assert trail[0]["after"] == {"name": "rana", "role": "analyst", "active": True}
    assert trail[2]["before"] == {"active": True} and trail[2]["after"] == {"active": False}
    assert "passphrase" not in str(trail) and token not in str(trail)
