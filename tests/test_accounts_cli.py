"""``flask users`` (webapp/accounts/cli.py): create, token, list and disable, via the service the app uses."""

from __future__ import annotations

from accounts_helpers import sign_in

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."


def test_create_reads_the_password_from_stdin_and_the_account_signs_in(app, client, runner):
    result = runner.invoke(
        args=["users", "create", "rana", "--role", "analyst", "--password-stdin"], input="a long passphrase\n"
    )
    assert result.exit_code == 0 and "Created analyst rana" in result.output
    assert "a long passphrase" not in result.output
    assert sign_in(client, "rana", "a long passphrase").status_code == 302


def test_create_prompts_twice_without_echo(app, client, runner):
    result = runner.invoke(
        args=["users", "create", "sami", "--role", "admin"], input="a long passphrase\na long passphrase\n"
    )
    assert result.exit_code == 0 and "Created admin sami" in result.output
    assert "a long passphrase" not in result.output
    assert sign_in(client, "sami", "a long passphrase").status_code == 302


def test_create_refuses_a_taken_name_a_short_password_and_an_unknown_role(runner):
    args = ["users", "create", "rana", "--role", "viewer", "--password-stdin"]
    assert runner.invoke(args=args, input="a long passphrase\n").exit_code == 0
    taken = runner.invoke(args=args, input="a long passphrase\n")
    assert taken.exit_code == 1 and "already an account named 'rana'" in taken.output
    short = runner.invoke(
        args=["users", "create", "sami", "--role", "viewer", "--password-stdin"], input="abc\n"
    )
    assert short.exit_code == 1 and "at least 10 characters" in short.output
    role = runner.invoke(
        args=["users", "create", "sami", "--role", "editor", "--password-stdin"], input="x" * 12
    )
    assert role.exit_code == 2 and "editor" in role.output


def test_token_prints_a_token_the_api_accepts(app, client, runner):
    runner.invoke(
        args=["users", "create", "rana", "--role", "analyst", "--password-stdin"], input="a long passphrase\n"
    )
    result = runner.invoke(args=["users", "token", "rana"])
    token = result.output.strip()
    assert result.exit_code == 0 and len(token) >= 40
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201
    unknown = runner.invoke(args=["users", "token", "nobody"])
    assert unknown.exit_code == 1 and "No account named 'nobody'" in unknown.output


def test_list_and_disable(app, client, runner):
    for name, role in (("rana", "analyst"), ("vera", "viewer")):
        runner.invoke(
            args=["users", "create", name, "--role", role, "--password-stdin"], input="a long passphrase\n"
        )
    token = runner.invoke(args=["users", "token", "rana"]).output.strip()
    assert runner.invoke(args=["users", "disable", "rana"]).output == "Disabled rana\n"
    lines = runner.invoke(args=["users", "list"]).output.splitlines()
    assert [line.split("\t")[:4] for line in lines] == [
        ["rana", "analyst", "disabled", "1 tokens"],
        ["vera", "viewer", "active", "0 tokens"],
    ]
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert runner.invoke(args=["users", "disable", "nobody"]).exit_code == 1
