"""``flask feeds add | list | remove | poll``: the twins of the Feeds page's buttons."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from ..errors import AppError
from .service import add_feed, list_feeds, poll_feeds, remove_feed

feeds_cli = AppGroup("feeds", help="News feeds (RSS/Atom) polled for new articles.")


@feeds_cli.command("add")
@click.argument("url")
@click.option("--lang", "language", type=click.Choice(["ar", "en"]), help="The feed's language.")
@click.option("--name", default="", help="A name for the feed (default: its host).")
def add_command(url: str, language: str | None, name: str) -> None:
    """Follow the feed at URL."""
    try:
        feed = add_feed(url, name=name, language=language)
    except AppError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"added feed {feed.id}\t{feed.url}")


@feeds_cli.command("list")
def list_command() -> None:
    """Id, URL, name, language, last poll, its result and counts, and its error, one feed a line."""
    for feed in list_feeds():
        polled = feed.last_polled_at.isoformat(timespec="seconds") if feed.last_polled_at else "never"
        counts = f"{feed.last_created} created, {feed.last_existing} existing, {feed.last_failed} failed"
        error = feed.last_error.splitlines()[0] if feed.last_error else ""
        click.echo(
            "\t".join(
                (
                    str(feed.id),
                    feed.url,
                    feed.name,
                    feed.language or "-",
                    polled,
                    feed.last_result,
                    counts,
                    error,
                )
            )
        )


@feeds_cli.command("remove")
@click.argument("feed")
def remove_command(feed: str) -> None:
    """Stop following FEED (its id or URL); its articles stay."""
    try:
        removed = remove_feed(feed)
    except AppError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"removed feed {removed.id}\t{removed.url}")


@feeds_cli.command("poll")
def poll_command() -> None:
    """Ingest the new entries of every feed (for cron); exits 1 when a feed or an entry failed."""
    results = poll_feeds()
    for result in results:
        state = "ok" if result.ok else "failed"
        click.echo(
            f"{state}\tfeed {result.feed_id}\t{result.url}\t"
            f"{result.created} created, {result.existing} existing, {result.failed} failed"
        )
        for error in result.errors:
            click.echo(f"  {error}")
    if not all(result.ok for result in results):
        sys.exit(1)
