"""``flask worker --burst --fork`` whose first flush pauses, so that a test can kill the work-horse mid-job.

Fault injection for tests/test_queue.py, run as a script: after the first ingestion has sent
its rows to the database (uncommitted), the work-horse writes its pid to ``$PAUSE_MARKER``
and sleeps; later flushes (the retry) go through.
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
    sys.argv = ["flask", "--app", "webapp", "worker", "--burst", "--fork"]
    main()
