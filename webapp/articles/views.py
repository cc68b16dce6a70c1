"""Views of the upload form and the article page."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import RequestEntityTooLarge

from ..accounts.access import current_account, requires
from ..article_input import ArticleInput
from ..audit import changes_of
from ..errorpages import upload_limit_mb
from ..errors import FetchFailed, InvalidArticle, NotFound
from ..extensions import db
from ..ingest import ingest_article
from ..jobs.reader import is_batch
from ..jobs.service import submit_upload
from ..links import article_from_link, ingest_link
from ..messages import Message
from ..models import Article, Role
from ..queue import enqueue_ingest, job_error, job_status, queue_enabled
from .forms import UploadForm
from .segments import article_blocks

bp = Blueprint("articles", __name__)


@bp.route("/upload", methods=["GET", "POST"])
@requires(Role.ANALYST)
def upload() -> ResponseReturnValue:
    """Show the form; on a valid post ingest the article (or fetch the source URL given alone) and go
    to its page (analysts once accounts exist)."""
    form = UploadForm()
    if not form.validate_on_submit():
        return render_template("articles/upload.html", form=form), (400 if form.is_submitted() else 200)
    upload = form.file.data
    if upload and upload.filename and is_batch(upload.filename):
        return _upload_batch(form)
    try:
        link = form.link()
        if queue_enabled():
            article = article_from_link(**link) if link else ArticleInput.from_form(form)
            return redirect(url_for("articles.job", job_id=enqueue_ingest(article)))
        result = ingest_link(**link) if link else ingest_article(ArticleInput.from_form(form))
    except (InvalidArticle, FetchFailed) as exc:
        form.form_errors.append(exc.as_message())
        return render_template("articles/upload.html", form=form), exc.status
    if not result.created:
        flash("article_existed", "info")
    return redirect(url_for("articles.show", article_id=result.article.id))


def _upload_batch(form: UploadForm) -> ResponseReturnValue:
    """A ``.jsonl`` or ``.zip`` upload becomes a batch job; go to its page."""
    options = {"published": form.published.data.isoformat()} if form.published.data else {}
    if form.language.data:
        options["language"] = form.language.data
    account = current_account()
    try:
        job = submit_upload(
            form.file.data.read(),
            form.file.data.filename,
            options=options,
            user_name=account.name if account is not None else "",
        )
    except InvalidArticle as exc:
        form.form_errors.append(exc.as_message())
        return render_template("articles/upload.html", form=form), exc.status
    return redirect(url_for("jobs.show", job_id=job.id))


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(exc: RequestEntityTooLarge) -> ResponseReturnValue:
    """Re-render the form with the size limit when a post exceeds MAX_CONTENT_LENGTH."""
    form = UploadForm(formdata=None)
    form.form_errors.append(Message("upload.too_large_unsaved", {"mb": upload_limit_mb()}))
    return render_template("articles/upload.html", form=form), 413


@bp.get("/jobs/<job_id>")
def job(job_id: str) -> ResponseReturnValue:
    """Wait for a queued ingestion, then go to the article."""
    if not queue_enabled():
        raise NotFound.resource("job", job_id)
    info = job_status(job_id)
    result = info.get("result") or {}
    if "article_id" in result:
        if not result.get("created"):
            flash("article_existed", "info")
        return redirect(url_for("articles.show", article_id=result["article_id"]))
    return render_template("articles/job.html", info=info, error=job_error(info))


@bp.get("/articles/<int:article_id>")
def show(article_id: int) -> ResponseReturnValue:
    """Show an article: sentences with anchors, highlighted mentions, its incidents and their history."""
    article = db.session.get(Article, article_id)
    if article is None:
        raise NotFound.resource("article", article_id)
    history = changes_of("incident", [inc.id for inc in article.incidents])
    return render_template(
        "articles/show.html", article=article, blocks=article_blocks(article), history=history
    )
