"""The Jobs pages: every batch job, and one job with its progress and failed items."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from ..accounts.access import requires
from ..extensions import db
from ..messages import Message
from ..models import BatchItem, Role
from .batch import get_job, job_error, job_state, job_status, list_jobs
from .service import resume_batch

bp = Blueprint("jobs", __name__)


@bp.get("/jobs")
def index() -> ResponseReturnValue:
    """The latest batch jobs with their state and counts."""
    jobs = list_jobs()
    return render_template("jobs/list.html", jobs=[(job, job_status(job)) for job in jobs])


@bp.get("/jobs/<int:job_id>")
def show(job_id: int) -> ResponseReturnValue:
    """One batch job: state and counts (refreshing while it runs), then every item that failed."""
    job = get_job(job_id)
    failed = db.session.scalars(
        select(BatchItem)
        .where(BatchItem.job_id == job.id, BatchItem.state == "failed")
        .order_by(BatchItem.position)
    )
    return render_template(
        "jobs/show.html",
        job=job,
        status=job_status(job),
        state=job_state(job),
        error=job_error(job),
        failed=[(item, Message.from_json(item.error) if item.error else None) for item in failed],
    )


@bp.post("/jobs/<int:job_id>/resume")
@requires(Role.ANALYST)
def resume(job_id: int) -> ResponseReturnValue:
    """Run a stopped job's failed and remaining articles again (``flask jobs resume``'s twin)."""
    resume_batch(job_id)
    return redirect(url_for("jobs.show", job_id=job_id))
