"""The production server (webapp/wsgi.py under gunicorn --preload): nothing lost under concurrent posts."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from databases import postgresql_database
from sqlalchemy import create_engine, text

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد، واستهدفت محيط سراقب."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except (urllib.error.URLError, ConnectionError):
        return 0


def post_article(url: str, body: str) -> int:
    request = urllib.request.Request(
        f"{url}/api/articles",
        data=json.dumps({"text": body}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@contextmanager
def gunicorn(database_url: str, tmp_path: Path) -> Iterator[str]:
    """``gunicorn --preload -w 4 --threads 4 webapp.wsgi:app`` on a free port; yields its URL."""
    if shutil.which("gunicorn", path=os.path.dirname(sys.executable)) is None:
        pytest.skip("gunicorn is not installed (it is in requirements.txt)")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "t",
        "REDIS_URL": "",
        "GAZETTEER_WARMUP": "0",
    }
    command = [
        os.path.join(os.path.dirname(sys.executable), "gunicorn"),
        "--preload",
        "-w", "4",
        "--threads", "4",
        "-b", f"127.0.0.1:{port}",
        "--chdir", str(tmp_path),
        "webapp.wsgi:app",
    ]  # fmt: skip
    log = (tmp_path / "gunicorn.log").open("wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while get(f"{url}/api/incidents") != 200:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not start:\n" + (tmp_path / "gunicorn.log").read_text()[-3000:])
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker stuck in a request: stop the whole group
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def assert_concurrent_posts_lose_nothing(url: str, database_url: str) -> None:
    """50 distinct and 50 identical articles posted at once: 51 complete articles, no 5xx."""
    bodies = [f"{i}. {TEXT}" for i in range(50)] + [TEXT] * 50
    with ThreadPoolExecutor(len(bodies)) as pool:
        codes = list(pool.map(lambda body: post_article(url, body), bodies))
    assert sorted(set(codes)) <= [200, 201] and codes.count(201) == 51, codes
    engine = create_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT a.sentence_count, a.mention_count, a.incident_count,"
                " (SELECT count(*) FROM sentences s WHERE s.article_id = a.id),"
                " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id),"
                " (SELECT count(*) FROM incidents i WHERE i.article_id = a.id) FROM articles a"
            )
        ).all()
    engine.dispose()
    assert len(rows) == 51
    assert all(row[0] >= 1 and row[:3] == row[3:] for row in rows)


def test_preloaded_gunicorn_on_sqlite_loses_nothing(tmp_path, migrated_sqlite):
    database = tmp_path / "server.db"
    shutil.copyfile(migrated_sqlite, database)
    with gunicorn(f"sqlite:///{database}", tmp_path) as url:
        assert_concurrent_posts_lose_nothing(url, f"sqlite:///{database}")


@pytest.mark.services
def test_preloaded_gunicorn_on_postgresql_loses_nothing(tmp_path):
    with (
        postgresql_database(migrated=True, instance_path=tmp_path / "m") as database_url,
        gunicorn(database_url, tmp_path) as url,
    ):
        assert_concurrent_posts_lose_nothing(url, database_url)
