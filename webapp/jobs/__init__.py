"""Batch jobs: many articles ingested as one job, stored row by row, resumable, shown on the Jobs page.

``reader`` turns an upload into item drafts, ``batch`` stores and runs jobs, ``service`` submits a
web upload (now, or to the queue), ``views`` the pages, ``cli`` ``flask ingest`` and ``flask jobs``.
"""

from .views import bp

__all__ = ["bp"]
