"""Reading a batch upload into item drafts: JSON Lines, a ``.zip`` of articles, or single files.

Nothing here touches the database: a draft is what one ``batch_items`` row will hold.  A line or
a member that cannot be read becomes a draft with its error, so that the job shows it failed
instead of the whole upload being refused.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..decode import ALLOWED_EXTENSIONS, decode_upload
from ..errors import AppError, BatchRefused
from ..messages import Message

#: File names the upload form takes as a batch rather than as one article.
BATCH_EXTENSIONS = frozenset({".jsonl", ".zip"})


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """One article of a batch before it is stored: where it came from (``label``), its ``fields``
    (an item of :meth:`webapp.article_input.ArticleInput.from_cli`), or the ``error`` that made
    it unreadable (a :class:`Message`)."""

    label: str
    fields: dict[str, Any] | None = None
    error: Message | None = None


def is_batch(filename: str) -> bool:
    """True for a file name the form reads as a batch (``.jsonl`` or ``.zip``)."""
    return PurePosixPath(filename.lower()).suffix in BATCH_EXTENSIONS


def read_batch(data: bytes, filename: str, *, max_bytes: int) -> list[ItemDraft]:
    """The drafts of an uploaded ``.jsonl`` or ``.zip`` (members ``.jsonl``, ``.txt``, ``.md``,
    ``.html``; folders and hidden files skipped), in file order.

    Raises :class:`BatchRefused` for an unreadable archive, one that unpacks to more than
    ``max_bytes`` (checked on the sizes it declares and on what it actually gives), or no article.
    """
    if PurePosixPath(filename.lower()).suffix == ".zip":
        drafts = _zip_drafts(data, filename, max_bytes)
    else:
        drafts = jsonl_drafts(data, filename)
    if not drafts:
        raise BatchRefused.empty()
    return drafts


def jsonl_drafts(data: bytes, label: str, options: dict[str, str] | None = None) -> list[ItemDraft]:
    """One draft per non-blank line of JSON Lines ``data``, labelled ``label:line``; ``options``
    (title, published, language) override each line's own."""
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return [ItemDraft(label, error=Message("file.undecodable", {"name": label}))]
    drafts = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{label}:{lineno}"
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            drafts.append(ItemDraft(where, error=Message("batch.bad_line", {"why": str(exc)})))
            continue
        drafts.append(ItemDraft(where, fields={**item, **(options or {})}))
    return drafts


def file_draft(data: bytes, label: str, options: dict[str, str] | None = None) -> ItemDraft:
    """The draft of one article file (decoded as an upload is, :func:`webapp.decode.decode_upload`)."""
    try:
        text = decode_upload(data, label)
    except AppError as exc:
        return ItemDraft(label, error=exc.as_message())
    return ItemDraft(label, fields={"text": text, **(options or {})})


def _zip_drafts(data: bytes, filename: str, max_bytes: int) -> list[ItemDraft]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir() and not _hidden(info.filename)]
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BatchRefused.bad_archive(filename) from None
    # The declared sizes are checked first, then each read is bounded, since they may lie.
    if sum(info.file_size for info in members) > max_bytes:
        raise BatchRefused.too_large(max_bytes / 1024 / 1024)
    drafts: list[ItemDraft] = []
    budget = max_bytes
    with archive:
        for info in members:
            label = f"{filename}/{info.filename}"
            suffix = PurePosixPath(info.filename.lower()).suffix
            if suffix != ".jsonl" and suffix not in ALLOWED_EXTENSIONS:
                drafts.append(ItemDraft(label, error=Message("file.bad_extension", {"name": info.filename})))
                continue
            try:
                with archive.open(info) as member:
                    content = member.read(budget + 1)
            # zipfile raises NotImplementedError for a compression method it cannot read.
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
                raise BatchRefused.bad_archive(filename) from None
            budget -= len(content)
            if budget < 0:
                raise BatchRefused.too_large(max_bytes / 1024 / 1024)
            if suffix == ".jsonl":
                drafts.extend(jsonl_drafts(content, label))
            else:
                drafts.append(file_draft(content, label))
    return drafts


def _hidden(name: str) -> bool:
    """Folders and files archivers add beside the articles (``__MACOSX/``, ``.DS_Store``)."""
    return any(part.startswith((".", "__MACOSX")) for part in PurePosixPath(name).parts)
