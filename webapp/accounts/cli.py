"""``flask users create | token | list | disable``: the accounts, managed from the server's shell.

Each change is recorded in the audit trail as made by ``shell:<login>``.
"""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from ..audit import Actor
from ..errors import AppError
from ..models import Role
from . import service

users_cli = AppGroup("users", help="Create accounts, give API tokens, list and disable accounts.")


@users_cli.command("create")
@click.argument("name")
@click.option(
    "--role", required=True, type=click.Choice([r.value for r in Role]), help="What the account may do."
)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of standard input."
)
def create_command(name: str, role: str, password_stdin: bool) -> None:
    """Create the account NAME; the password is asked for (twice), or read from standard input."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = service.create_user(name, password, service.parse_role(role), by=Actor.shell())
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"Created {user.role} {user.name}")


@users_cli.command("token")
@click.argument("name")
def token_command(name: str) -> None:
    """Print a new API token for NAME (send it as `Authorization: Bearer <token>`); only its hash is kept."""
    try:
        click.echo(service.issue_token(name, by=Actor.shell()))
    except AppError as exc:
        raise click.ClickException(exc.message) from exc


@users_cli.command("list")
def list_command() -> None:
    """Print every account: name, role, active or disabled, tokens given, created."""
    for user, tokens in service.list_users():
        state = "active" if user.active else "disabled"
        created = user.created_at.isoformat(timespec="seconds") if user.created_at else ""
        click.echo(f"{user.name}\t{user.role}\t{state}\t{tokens} tokens\t{created}")


@users_cli.command("disable")
@click.argument("name")
def disable_command(name: str) -> None:
    """Disable NAME: no more signing in, its sessions and tokens stop working; the account is kept."""
    try:
        user = service.disable_user(name, by=Actor.shell())
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"Disabled {user.name}")
