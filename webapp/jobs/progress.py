"""A progress bar for batch commands (tqdm on standard error), off with ``--quiet``.

Per-item lines still go to standard output, written above the bar so the two never mix.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from tqdm import tqdm

T = TypeVar("T")


class Bar:
    """A bar of ``total`` items with counts beside it, or nothing at all when ``quiet``."""

    def __init__(self, bar: tqdm | None) -> None:
        self._bar = bar

    def echo(self, line: str) -> None:
        """Print ``line`` on standard output, above the bar."""
        if self._bar is None:
            click.echo(line)
        else:
            self._bar.clear()
            click.echo(line)
            self._bar.refresh()

    def advance(self, n: int = 1, **counts: int) -> None:
        """Move on ``n`` items and show ``counts`` (``created=3, failed=1`` …)."""
        if self._bar is None:
            return
        if counts:
            self._bar.set_postfix(counts, refresh=False)
        self._bar.update(n)


@contextmanager
def progress_bar(total: int | None, label: str, *, quiet: bool = False, unit: str = "item") -> Iterator[Bar]:
    """A :class:`Bar` for the ``with`` block; ``total`` None when unknown."""
    if quiet:
        yield Bar(None)
        return
    options: dict[str, Any] = {"total": total, "desc": label, "unit": unit, "file": sys.stderr}
    with tqdm(dynamic_ncols=True, mininterval=0.2, **options) as bar:
        yield Bar(bar)


def counted(items: Iterable[T], bar: Bar) -> Iterator[T]:
    """``items``, advancing ``bar`` by one for each (an importer's places, read lazily)."""
    for item in items:
        bar.advance()
        yield item
