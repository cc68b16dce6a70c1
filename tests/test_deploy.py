"""The deployment files: gunicorn.conf.py (run for real) and compose.yaml (read, never run)."""

from __future__ import annotations

import importlib
import os
import re
import runpy
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from test_wsgi import free_port

ROOT = Path(__file__).resolve().parents[1]


def status(url: str) -> int:
    """The HTTP status of ``url``, 0 while nothing answers (the master is still preloading)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:  # refused, reset, or timed out in the listen queue before the workers exist
        return 0


def gunicorn_settings(monkeypatch, **env: str) -> dict[str, object]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_settings_come_from_the_environment(monkeypatch):
    settings = gunicorn_settings(
        monkeypatch, GUNICORN_BIND="0.0.0.0:9000", WEB_CONCURRENCY="3", GUNICORN_TIMEOUT="60"
    )
    assert (settings["bind"], settings["workers"], settings["timeout"]) == ("0.0.0.0:9000", 3, 60)
    assert settings["preload_app"] is True and settings["wsgi_app"] == "webapp.wsgi:app"
    assert settings["accesslog"] == "-" and callable(settings["when_ready"])


def test_gunicorn_with_the_config_preloads_the_app_and_answers_healthz(tmp_path, migrated_sqlite):
    executable = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
    if executable is None:
        pytest.skip("gunicorn is not installed (it is in requirements.txt)")
    database = tmp_path / "server.db"
    shutil.copyfile(migrated_sqlite, database)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "t",
        "REDIS_URL": "",
        "GAZETTEER_WARMUP": "0",  # so a loaded gazetteer proves the preload
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    command = [executable, "webapp:create_app()", "-c", str(ROOT / "gunicorn.conf.py"), "--chdir", str(ROOT)]
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 180
            while status(f"http://127.0.0.1:{port}/healthz") != 200:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("gunicorn did not become healthy:\n" + log_path.read_text()[-3000:])
                time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=60)
    assert "gazetteer loaded: forking workers" in log_path.read_text()


def test_gunicorn_refuses_to_start_on_a_database_behind_the_code(tmp_path):
    executable = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
    if executable is None:
        pytest.skip("gunicorn is not installed (it is in requirements.txt)")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}",
        "SECRET_KEY": "t",
        "REDIS_URL": "",
        "GUNICORN_BIND": f"127.0.0.1:{free_port()}",
        "WEB_CONCURRENCY": "1",
    }
    command = [executable, "webapp:create_app()", "-c", str(ROOT / "gunicorn.conf.py"), "--chdir", str(ROOT)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0 and "db upgrade" in done.stdout + done.stderr


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_runs_app_worker_postgis_and_redis(compose):
    services = compose["services"]
    assert set(services) == {"app", "worker", "db", "redis"}
    assert services["db"]["image"].startswith("postgis/postgis:")
    assert services["redis"]["image"].startswith("redis:")
    app_env = services["app"]["environment"]
    assert app_env["DATABASE_URL"].startswith("postgresql+psycopg://") and "@db:" in app_env["DATABASE_URL"]
    assert app_env["REDIS_URL"].startswith("redis://redis:")
    assert services["worker"]["environment"]["REDIS_URL"] == app_env["REDIS_URL"]


def test_compose_commands_point_at_real_modules_and_files(compose):
    services = compose["services"]
    app_command = services["app"]["command"]
    assert "gunicorn 'webapp:create_app()' -c gunicorn.conf.py" in app_command
    assert "flask --app webapp db upgrade" in app_command
    module, factory = "webapp:create_app()".split(":")
    assert callable(getattr(importlib.import_module(module), factory.removesuffix("()")))
    assert services["worker"]["command"].startswith("flask --app webapp worker")
    from webapp.jobs.cli import ingest_command  # noqa: F401 - the CLI the README shows, importable

    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for source in re.findall(r"^COPY (\S+)", dockerfile, flags=re.MULTILINE):
        assert (ROOT / source).exists(), source


def test_compose_healthchecks_use_healthz_and_order_the_start(compose):
    services = compose["services"]
    assert "/healthz" in " ".join(services["app"]["healthcheck"]["test"])
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["app"]["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert services["worker"]["depends_on"] == {"app": {"condition": "service_healthy"}}


def test_the_image_lets_the_app_write_its_instance_folder_and_compose_keeps_it(compose):
    # create_app makes the instance folder at start; in the image the code's folder belongs to root.
    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert Path(app.instance_path) == ROOT / "instance"
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    workdir = re.search(r"^WORKDIR (\S+)", dockerfile, flags=re.MULTILINE).group(1)
    user = re.search(r"^USER (\S+)", dockerfile, flags=re.MULTILINE).group(1)
    inside = f"{workdir}/instance"
    made_for_user = rf"^RUN .*mkdir [^&]*{inside}.*chown {user} [^&]*{inside}"
    assert re.search(made_for_user, dockerfile, flags=re.MULTILINE)
    mounts = compose["services"]["app"]["volumes"]
    assert any(m.split(":")[1] == inside and m.split(":")[0] in compose["volumes"] for m in mounts)
