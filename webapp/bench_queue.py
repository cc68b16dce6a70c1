"""Benchmark of queued ingestion: how many articles per second one and two workers drain.

``python -m webapp.bench_queue [--jobs 250] [--workers 1 2] [--database-url URL]``
needs Redis (``REDIS_URL``, default ``redis://127.0.0.1:6379/14``).  The articles are
real texts from ``../shared/corpus/syrian-archive-dev.jsonl`` cut into distinct
passages of about 1,500 characters.  For each worker count, a fresh database is made
and migrated (a new PostgreSQL database on the server of ``--database-url``, else a
temporary SQLite file), the jobs are queued, and that many ``flask worker --burst``
processes drain them, with forked work-horses and with ``--no-fork``.  Reported: jobs
per second from the first job's start to the last job's end (worker start-up excluded),
and how many jobs failed.  Prints JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "syrian-archive-dev.jsonl"
PASSAGE_CHARS = 1500


def passages(count: int) -> list[str]:
    """``count`` distinct passages of real reports, each about ``PASSAGE_CHARS`` long."""
    if not CORPUS.exists():
        raise click.ClickException(f"{CORPUS} not found: the benchmark reads real texts from ../shared")
    out: list[str] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        body = json.loads(line)["text"]
        starts = range(0, len(body) - PASSAGE_CHARS // 2, PASSAGE_CHARS)
        out.extend(body[i : i + PASSAGE_CHARS] for i in starts)
    unique = list(dict.fromkeys(p.strip() for p in out if len(p.strip()) > 200))
    if len(unique) < count:
        raise click.ClickException(f"only {len(unique)} distinct passages; ask for fewer jobs")
    return unique[:count]


@contextmanager
def fresh_database(server_url: str | None) -> Iterator[str]:
    """A new database URL (PostgreSQL on ``server_url``'s server, else SQLite), removed on exit."""
    if not server_url:
        folder = Path(tempfile.mkdtemp(prefix="bench-queue-"))
        try:
            yield f"sqlite:///{folder / 'bench.db'}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    name = f"bench_queue_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_once(
    texts: list[str], workers: int, *, database_url: str, redis_url: str, fork: bool = True
) -> dict[str, Any]:
    """Queue ``texts`` and drain them with ``workers`` worker processes; returns the measures."""
    from rq import Queue
    from rq.job import Job

    from . import create_app
    from .article_input import ArticleInput
    from .queue import enqueue_ingest

    queue_name = f"bench-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "RQ_QUEUE": queue_name}
    subprocess.run([sys.executable, "-m", "flask", "--app", "webapp", "db", "upgrade"], env=env, check=True)
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": database_url, "REDIS_URL": redis_url, "RQ_QUEUE": queue_name}
    )
    with app.test_request_context():
        ids = [enqueue_ingest(ArticleInput(text=body)) for body in texts]
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flask",
                "--app",
                "webapp",
                "worker",
                "--burst",
                "--fork" if fork else "--no-fork",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    for proc in procs:
        proc.wait()
    wall = time.perf_counter() - started
    from redis import Redis

    connection = Redis.from_url(redis_url)
    jobs = Job.fetch_many(ids, connection=connection)
    done = [job for job in jobs if job is not None and job.get_status() == "finished"]
    first = min(job.started_at for job in done)
    last = max(job.ended_at for job in done)
    draining = (last - first).total_seconds()
    Queue(queue_name, connection=connection).delete(delete_jobs=True)
    connection.close()
    return {
        "worker": "forking" if fork else "no-fork",
        "workers": workers,
        "jobs": len(ids),
        "finished": len(done),
        "failed_or_missing": len(ids) - len(done),
        "draining_seconds": round(draining, 2),
        "jobs_per_second": round(len(done) / draining, 1),
        "wall_seconds_with_startup": round(wall, 2),
    }


@click.command()
@click.option("--jobs", "count", type=click.IntRange(min=10), default=250, show_default=True)
@click.option("--workers", "worker_counts", type=int, multiple=True, default=(1, 2), show_default=True)
@click.option("--database-url", envvar="BENCH_DATABASE_URL", help="PostgreSQL server URL (default: SQLite).")
@click.option("--redis-url", envvar="REDIS_URL", default="redis://127.0.0.1:6379/14", show_default=True)
@click.option("--fork/--no-fork", "forks", default=None, help="Only one kind of worker (default: both).")
def main(
    count: int, worker_counts: tuple[int, ...], database_url: str | None, redis_url: str, forks: bool | None
) -> None:
    """Measure queued ingestion throughput; prints JSON."""
    texts = passages(count)
    runs = []
    for fork in (True, False) if forks is None else (forks,):
        for workers in worker_counts:
            with fresh_database(database_url) as url:
                runs.append(run_once(texts, workers, database_url=url, redis_url=redis_url, fork=fork))
    backend = make_url(database_url).get_backend_name() if database_url else "sqlite"
    click.echo(json.dumps({"database": backend, "cpus": os.cpu_count(), "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
