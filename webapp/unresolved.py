"""Names the geoparser kept as places but the gazetteer does not know, counted across all articles.

The list analysts read to find the villages worth adding to the gazetteer: each
name with how often and in how many articles it occurs, the cue words that marked
it («قرية», "village", …), the places named with it, and one sentence to read it in.
Spellings that normalise alike («الكفير», «الكُفير») count as one name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from gazetteer import normalize_name

from .extensions import db
from .models import Mention


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """One unknown name: its commonest spelling, counts, cues and containers (commonest first)."""

    name: str
    mentions: int
    articles: int
    cues: tuple[str, ...]
    containers: tuple[str, ...]
    example_article: int
    example_sentence: int


def unresolved_names(*, limit: int = 100) -> list[UnresolvedName]:
    """The ``limit`` commonest unresolved names, by mentions then articles."""
    rows = db.session.execute(
        select(
            Mention.text,
            Mention.article_id,
            func.min(Mention.sentence_index),
            func.max(Mention.cue),
            func.max(Mention.container_name),
            func.count(),
        )
        .where(Mention.place_id.is_(None))
        .group_by(Mention.text, Mention.article_id)
    ).all()
    groups: dict[str, _Tally] = {}
    for text, article_id, sentence, cue, container, count in rows:
        key = normalize_name(text) or text
        groups.setdefault(key, _Tally()).add(text, article_id, sentence, cue, container, count)
    names = [tally.result() for tally in groups.values()]
    names.sort(key=lambda n: (-n.mentions, -n.articles, n.name))
    return names[:limit]


class _Tally:
    """What is known of one name while the rows are read."""

    def __init__(self) -> None:
        self.spellings: Counter[str] = Counter()
        self.cues: Counter[str] = Counter()
        self.containers: Counter[str] = Counter()
        self.articles: set[int] = set()
        self.example: tuple[int, int] | None = None

    def add(self, text: str, article_id: int, sentence: int, cue: str, container: str, count: int) -> None:
        self.spellings[text] += count
        if cue:
            self.cues[cue] += count
        if container:
            self.containers[container] += count
        self.articles.add(article_id)
        if self.example is None or (article_id, sentence) < self.example:
            self.example = (article_id, sentence)

    def result(self) -> UnresolvedName:
        assert self.example is not None  # every tally holds at least one row
        return UnresolvedName(
            name=self.spellings.most_common(1)[0][0],
            mentions=sum(self.spellings.values()),
            articles=len(self.articles),
            cues=tuple(c for c, _ in self.cues.most_common()),
            containers=tuple(c for c, _ in self.containers.most_common()),
            example_article=self.example[0],
            example_sentence=self.example[1],
        )
