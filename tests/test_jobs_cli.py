"""``flask ingest`` and ``flask jobs`` (webapp/jobs/cli.py): batches from the shell, with progress."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Article, BatchJob

ARABIC = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."
ENGLISH = "Russian jets struck the city of Idlib on Sunday."


def article_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Article))


def test_ingest_files_reports_each_and_continues_past_bad_ones(app, runner, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARABIC, encoding="utf-8")
    legacy = tmp_path / "b.txt"
    legacy.write_bytes(ENGLISH.replace("Sunday", "Saturday").encode("cp1256"))
    binary = tmp_path / "c.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 50)
    empty = tmp_path / "d.md"
    empty.write_text("   \n", encoding="utf-8")
    result = runner.invoke(
        args=[
            "ingest",
            str(good),
            str(binary),
            str(empty),
            str(legacy),
            str(good),
            "--published",
            "2020-09-20",
        ]
    )
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert lines[0].startswith(f"created\t{good}") and lines[1].startswith(f"error\t{binary}")
    assert "binary" in lines[1] and lines[2].startswith(f"error\t{empty}") and "empty" in lines[2]
    assert lines[3].startswith(f"created\t{legacy}") and lines[4].startswith(f"existing\t{good}")
    assert lines[-1] == "2 created, 1 existing, 2 failed"
    assert article_count(app) == 2


def test_ingest_all_good_exits_zero(app, runner, tmp_path):
    path = tmp_path / "a.html"
    path.write_text(f"<html><body><p>{ARABIC}</p></body></html>", encoding="utf-8")
    result = runner.invoke(args=["ingest", str(path), "--title", "From HTML"])
    assert result.exit_code == 0, result.stdout
    with app.app_context():
        article = db.session.scalars(select(Article)).one()
        assert article.title == "From HTML" and article.text == ARABIC


def test_ingest_jsonl(app, runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"text": ARABIC, "title": "one", "date": "2020-09-20", "lang": "ar"}, ensure_ascii=False),
        "{broken",
        json.dumps({"text": ENGLISH, "title": "two"}),
        json.dumps({"text": ""}),
        json.dumps({"text": "Shelling hit Saraqib.", "title": 7}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = runner.invoke(args=["ingest", "--jsonl", str(path)])
    assert result.exit_code == 1
    assert "2 created, 0 existing, 3 failed" in result.stdout
    assert f"error\t{path}:2\tbad JSON" in result.stdout
    assert f"error\t{path}:5\tInvalid title: must be a string" in result.stdout
    with app.app_context():
        titles = set(db.session.scalars(select(Article.title)))
    assert titles == {"one", "two"}


def test_ingest_refuses_loose_or_out_of_range_dates(app, runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    for published in ("2020-01-01garbage", "1899-12-31"):
        result = runner.invoke(args=["ingest", str(path), "--published", published])
        assert result.exit_code == 1 and result.stdout.startswith(f"error\t{path}\t")
        assert "YYYY-MM-DD" in result.stdout or "out of range" in result.stdout
    batch = tmp_path / "batch.jsonl"
    rows = [
        {"text": ARABIC, "date": "2020-09-20garbage"},
        {"text": ENGLISH, "published": "3020-01-01"},
        {"text": "\u200b"},
        {"text": ENGLISH, "published": "2020-09-20T08:30:00+03:00"},
    ]
    batch.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    result = runner.invoke(args=["ingest", "--jsonl", str(batch)])
    assert f"error\t{batch}:1\tInvalid publication date '2020-09-20garbage'" in result.stdout
    assert f"error\t{batch}:2\tPublication date 3020-01-01 is out of range" in result.stdout
    assert f"error\t{batch}:3\tThe article text has no letters" in result.stdout
    assert f"created\t{batch}:4" in result.stdout and result.exit_code == 1
    assert article_count(app) == 1


def write_batch(path, rows) -> None:
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")


def test_ingest_shows_a_progress_bar_with_counts_on_stderr(runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    write_batch(path, [{"text": ARABIC}, {"text": ENGLISH}, {"text": ""}, {"text": ARABIC}])
    result = runner.invoke(args=["ingest", "--jsonl", str(path)])
    assert result.exit_code == 1
    assert "4/4" in result.stderr and "created=2" in result.stderr
    assert "existing=1" in result.stderr and "failed=1" in result.stderr
    assert result.stdout.splitlines()[-1] == "2 created, 1 existing, 1 failed"


def test_quiet_turns_the_bar_off(runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    write_batch(path, [{"text": ARABIC}])
    result = runner.invoke(args=["ingest", "--jsonl", "--quiet", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "1 created, 0 existing, 0 failed"


def test_ingest_is_a_job_that_jobs_list_and_show_report(app, runner, tmp_path):
    path = tmp_path / "batch.jsonl"
    write_batch(path, [{"text": ARABIC}, {"text": "Shelling hit Saraqib.", "title": 7}])
    runner.invoke(args=["ingest", "--jsonl", "-q", str(path)])
    with app.app_context():
        job = db.session.scalars(select(BatchJob)).one()
        job_id, source = job.id, job.source
    assert source == str(path)
    listed = runner.invoke(args=["jobs", "list"])
    assert listed.exit_code == 0 and listed.output.startswith(f"{job_id}\tpartial\t2/2\t1 failed\t")
    shown = runner.invoke(args=["jobs", "show", str(job_id)])
    assert shown.output.splitlines()[0] == f"job {job_id}\tpartial\t2/2 run\t1 created, 0 existing, 1 failed"
    assert f"error\t{path}:2\tInvalid title: must be a string" in shown.output
    missing = runner.invoke(args=["jobs", "show", "999"])
    assert missing.exit_code == 1 and "999" in missing.output


def test_a_crashed_item_leaves_the_job_partial_and_resume_runs_only_it(app, runner, tmp_path, monkeypatch):
    import webapp.jobs.batch as batch

    real = batch.ingest_article
    calls = []

    def crashing(article):
        calls.append(article.text)
        if article.text == ENGLISH:
            raise RuntimeError("the geoparser fell over")
        return real(article)

    monkeypatch.setattr(batch, "ingest_article", crashing)
    path = tmp_path / "batch.jsonl"
    write_batch(path, [{"text": ARABIC}, {"text": ENGLISH}, {"text": "Clashes in Saraqib."}])
    first = runner.invoke(args=["ingest", "--jsonl", "-q", str(path)])
    assert first.exit_code == 1
    assert f"error\t{path}:2\tUnexpected error: RuntimeError('the geoparser fell over')" in first.stdout
    assert first.stdout.splitlines()[-1] == "2 created, 0 existing, 1 failed"
    with app.app_context():
        job_id = db.session.scalars(select(BatchJob.id)).one()
    assert runner.invoke(args=["jobs", "list"]).output.startswith(f"{job_id}\tpartial\t3/3\t1 failed")

    monkeypatch.setattr(batch, "ingest_article", lambda article: calls.append(article.text) or real(article))
    calls.clear()
    resumed = runner.invoke(args=["jobs", "resume", "-q", str(job_id)])
    assert resumed.exit_code == 0, resumed.output
    assert calls == [ENGLISH]  # the items done were skipped
    assert resumed.stdout.splitlines()[-1] == "3 created, 0 existing, 0 failed"
    assert runner.invoke(args=["jobs", "list"]).output.startswith(f"{job_id}\tdone\t3/3\t0 failed")
    assert article_count(app) == 3


KILLED_RUN = """
import os, signal, sys
from webapp_rows import tiny_places
from gazetteer import Gazetteer
from webapp import create_app
import webapp.jobs.batch as batch

real = batch.ingest_article


def killed_at_english(article):
    if article.text == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)  # no handler runs: as a worker killed by the OOM killer
    return real(article)


batch.ingest_article = killed_at_english
app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1], "SECRET_KEY": "t", "REDIS_URL": "",
                  "INSTANCE_PATH": sys.argv[4], "GAZETTEER": Gazetteer(tiny_places())})
with app.app_context():
    batch.run_batch(int(sys.argv[2]))
"""


def test_a_killed_process_leaves_a_job_shown_failed_that_resume_finishes(app, runner, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from webapp.jobs.batch import create_batch, get_job, job_state
    from webapp.jobs.reader import ItemDraft

    tests = Path(__file__).resolve().parent
    with app.app_context():
        items = [ItemDraft(f"item{i}", fields={"text": t}) for i, t in enumerate((ARABIC, ENGLISH), 1)]
        job_id = create_batch(items, "killed").id
    script = tmp_path / "killed_run.py"
    script.write_text(KILLED_RUN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests.parent), str(tests)])}
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    args = [sys.executable, str(script), uri, str(job_id), ENGLISH, str(tmp_path / "inst")]
    killed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    app.config["BATCH_STALE_SECONDS"] = 0  # the runner has been silent long enough
    with app.app_context():
        job = get_job(job_id)
        assert job.state == "running" and job_state(job) == "failed"
        assert [item.state for item in job.items] == ["done", "pending"]
    shown = runner.invoke(args=["jobs", "show", str(job_id)])
    assert shown.output.startswith(f"job {job_id}\tfailed\t1/2 run")
    assert "stopped before it finished" in shown.output
    resumed = runner.invoke(args=["jobs", "resume", "-q", str(job_id)])
    assert resumed.exit_code == 0, resumed.output
    assert resumed.stdout.splitlines()[0].startswith("created\titem1")  # done before the kill
    assert resumed.stdout.splitlines()[-1] == "2 created, 0 existing, 0 failed"
