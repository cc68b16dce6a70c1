"""The IDRISI-D benchmark (Arabic tweets with their location mentions) read as gold documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .goldrecords import GoldDoc, GoldFormatError, GoldMention, SharedDataMissing

__all__ = ["load_idrisi"]


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def load_idrisi(path: str | Path, *, limit: int | None = None) -> list[GoldDoc]:
    """Read IDRISI-D JSON Lines (``text``, ``location_mentions``) as gold docs.

    The benchmark lists some mentions twice (same span, e.g. once per
    keyword); they are deduplicated by span.  Raises
    :class:`SharedDataMissing` when ``path`` does not exist and
    :class:`GoldFormatError` on a malformed line.
    """
    path = Path(path)
    if not path.is_file():
        raise SharedDataMissing(f"IDRISI-D file not found: {path}")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                seen: dict[tuple[int, int], GoldMention] = {}
                for m in rec.get("location_mentions", ()):
                    span = (int(m["start"]), int(m["end"]))
                    if span not in seen and text[span[0] : span[1]]:
                        seen[span] = GoldMention(
                            span[0],
                            span[1],
                            text[span[0] : span[1]],
                            _opt_float(m.get("lat")),
                            _opt_float(m.get("lon")),
                            m.get("type", ""),
                        )
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{lineno}: {exc}") from exc
            docs.append(
                GoldDoc(
                    id=str(rec.get("tweet_id", lineno)),
                    text=text,
                    language="ar",
                    published=None,
                    mentions=tuple(sorted(seen.values(), key=lambda m: (m.start, m.end))),
                )
            )
            if limit is not None and len(docs) >= limit:
                break
    return docs
