"""``flask worker --burst [--fork|--no-fork]`` whose first flush pauses, so that a test can kill it mid-job.

Fault injection for tests/test_queue.py, run as a script with the worker's mode as its
argument: after the first ingestion has sent its rows to the database (uncommitted), the
process running the job (the work-horse, or the worker itself without fork) writes its pid
to ``$PAUSE_MARKER`` and sleeps; later flushes (the retry) go through.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from flask.cli import main
from sqlalchemy import event
from sqlalchemy.orm import Session

MARKER = Path(os.environ["PAUSE_MARKER"])


@event.listens_for(Session, "after_flush")
def pause_after_first_flush(session: Session, context: object) -> None:
    if not MARKER.exists():
        MARKER.write_text(str(os.getpid()))
        time.sleep(300)


if __name__ == "__main__":
    sys.argv = ["flask", "--app", "webapp", "worker", "--burst", *sys.argv[1:]]
    main()
