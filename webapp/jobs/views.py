"""The Jobs pages: every batch job, and one job with its progress and failed items."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from ..extensions import db
from ..messages import Message
from ..models import BatchItem
from .batch import get_job, job_error, job_state, job_status, list_jobs

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
