"""The texts gold lines refer to: the shared directory and the documents and corpus records in it.

Texts from ``../shared`` may not be redistributed, so a gold line stores a reference to
its text (a file, or a record of a corpus) unless we wrote the text ourselves.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .goldrecords import SharedDataMissing

__all__ = ["SharedTexts", "default_shared_dir"]


def default_shared_dir() -> Path:
    """The ``shared`` folder beside the repository root (``<repo>/../shared``)."""
    return Path(__file__).resolve().parents[2].parent / "shared"


def add_shared_argument(parser: argparse.ArgumentParser) -> None:
    """Give a measuring command its ``--shared DIR`` option (None when not given: the caller
    falls back to :func:`default_shared_dir`)."""
    parser.add_argument(
        "--shared", type=Path, default=None, help=f"shared data dir (default {default_shared_dir()})"
    )


class SharedTexts:
    """Reads documents: written ones from the line, referenced ones from the shared dir (corpora cached)."""

    def __init__(self, shared_dir: Path) -> None:
        self.shared_dir = shared_dir
        self._corpora: dict[str, dict[tuple[str, str], str]] = {}

    def _file(self, rel: str) -> Path:
        # Checked here, not up front: a file of written lines needs no shared dir.
        if not self.shared_dir.is_dir():
            raise SharedDataMissing(f"shared directory not found: {self.shared_dir}")
        path = self.shared_dir / rel
        if not path.is_file():
            raise SharedDataMissing(f"{rel} not found under {self.shared_dir}")
        return path

    def text(self, doc: dict[str, Any]) -> str:
        """The text of a gold line's ``doc``: carried in it, or read from the shared directory.

        Raises :class:`SharedDataMissing` when the directory, file or record is absent,
        ``KeyError`` when ``doc`` has none of the known shapes.
        """
        if "text" in doc:
            if not isinstance(doc["text"], str) or not doc.get("id"):
                raise KeyError("a written doc needs a string 'text' and an 'id'")
            return doc["text"]
        if "file" in doc:
            return self._file(doc["file"]).read_text(encoding="utf-8")
        if "corpus" in doc and "path" in doc:
            corpus = self._corpora.get(doc["corpus"])
            if corpus is None:
                corpus = {}
                with self._file(doc["corpus"]).open(encoding="utf-8") as fh:
                    for line in fh:
                        if line.strip():
                            rec = json.loads(line)
                            corpus[(rec.get("path", ""), rec.get("lang", ""))] = rec["text"]
                self._corpora[doc["corpus"]] = corpus
            key = (doc["path"], doc.get("lang", ""))
            if key not in corpus:
                raise SharedDataMissing(f"no record {key} in {doc['corpus']}")
            return corpus[key]
        raise KeyError("doc needs 'text' + 'id', 'file', or 'corpus' + 'path'")
