"""``flask ingest`` and ``flask jobs list|show|resume``: the command-line twins of the web batch.

``flask ingest`` stores its files (or JSON Lines) as one batch job and runs it here, with a
progress bar, through the same :func:`webapp.jobs.batch.run_batch` as the web and the worker.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext

from ..errors import AppError
from ..messages import Message
from ..models import BatchItem
from .batch import Progress, create_batch, get_job, item_error, job_state, job_status, list_jobs, run_batch
from .progress import progress_bar
from .reader import ItemDraft, file_draft, jsonl_drafts


@click.command("ingest")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", "urls", multiple=True, help="A link to fetch and ingest (repeatable).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every file.")
@click.option("--title", help="Title for every file (default: the first line).")
@click.option("--language", help="Language code (default: detected).")
@click.option("--jsonl", is_flag=True, help="Files are JSON Lines of {text, title?, date|published?, lang?}.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@with_appcontext
def ingest_command(
    files: tuple[Path, ...],
    urls: tuple[str, ...],
    published: str | None,
    title: str | None,
    language: str | None,
    jsonl: bool,
    quiet: bool,
) -> None:
    """Ingest the pages of --url links (each as the API's ``{"url"}`` does), then FILES as one batch
    job; prints created/existing/error per item (standard output) under a progress bar (standard
    error), and exits 1 if any failed."""
    if not files and not urls:
        raise click.UsageError("give FILES or --url")
    options = {
        name: value
        for name, value in (("title", title), ("published", published), ("language", language))
        if value
    }
    links_failed = _ingest_links(urls, options)
    if not files:
        sys.exit(1 if links_failed else 0)
    drafts: list[ItemDraft] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            drafts.append(ItemDraft(str(path), error=Message("batch.crashed", {"why": str(exc)})))
            continue
        if jsonl:
            drafts.extend(jsonl_drafts(data, str(path), options))
        else:
            drafts.append(file_draft(data, str(path), options))
    job = create_batch(drafts, ", ".join(str(path) for path in files), user_name="(shell)")
    _run(job.id, quiet=quiet, failed_before=links_failed)


def _ingest_links(urls: tuple[str, ...], options: dict[str, str]) -> int:
    """Fetch and ingest each link through :func:`webapp.links.ingest_link`, a line per link; the
    number that failed."""
    from ..links import ingest_link

    failed = 0
    for url in urls:
        try:
            result = ingest_link(url, **options)
        except AppError as exc:
            failed += 1
            click.echo(f"error\t{url}\t{exc.message}")
            continue
        state = "created" if result.created else "existing"
        click.echo(f"{state}\t{url}\tarticle {result.article.id}\t{len(result.article.incidents)} incidents")
    return failed


jobs_cli = AppGroup("jobs", help="List, show and resume batch jobs (the Jobs page's twin).")


@jobs_cli.command("list")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
def jobs_list(limit: int) -> None:
    """The latest batch jobs: id, state, done/total, failed, source."""
    for job in list_jobs(limit):
        status = job_status(job)
        counts = f"{status['done']}/{status['total']}\t{status['failed']} failed"
        click.echo(f"{job.id}\t{status['state']}\t{counts}\t{job.source}")


@jobs_cli.command("show")
@click.argument("job_id", type=int)
def jobs_show(job_id: int) -> None:
    """One job's state and counts, then each failed item with its error."""
    try:
        job = get_job(job_id)
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    status = job_status(job)
    click.echo(
        f"job {job.id}\t{status['state']}\t{status['done']}/{status['total']} run\t"
        f"{status['created']} created, {status['existing']} existing, {status['failed']} failed"
    )
    if status["error"]:
        click.echo(status["error"])
    for item in job.items:
        if item.state == "failed":
            click.echo(f"error\t{item.label}\t{item_error(item)}")


@jobs_cli.command("resume")
@click.argument("job_id", type=int)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def jobs_resume(job_id: int, quiet: bool) -> None:
    """Run the job's failed and remaining items again here (those done are skipped); exits 1 if any fail."""
    try:
        get_job(job_id)
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    _run(job_id, quiet=quiet)


def _run(job_id: int, *, quiet: bool, failed_before: int = 0) -> None:
    """Run the job under a progress bar, a line per item run; the totals last; exit 1 on failures
    (``failed_before``: links that failed before the job)."""
    total = len(get_job(job_id).items)
    with progress_bar(total, f"job {job_id}", quiet=quiet, unit="article") as bar:

        def report(item: BatchItem, progress: Progress) -> None:
            bar.echo(_item_line(item))
            bar.advance(created=progress.created, existing=progress.existing, failed=progress.failed)

        job = run_batch(job_id, on_item=report)
    progress = job_status(job)
    click.echo(f"{progress['created']} created, {progress['existing']} existing, {progress['failed']} failed")
    if job_state(job) != "done" or failed_before:
        sys.exit(1)


def _item_line(item: BatchItem) -> str:
    if item.state == "failed":
        return f"error\t{item.label}\t{item_error(item)}"
    state = "created" if item.created else "existing"
    incidents = len(item.article.incidents) if item.article is not None else 0
    return f"{state}\t{item.label}\tarticle {item.article_id}\t{incidents} incidents"
