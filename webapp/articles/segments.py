"""Split an article into blocks and sentence segments so templates can mark mentions without HTML strings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Article, Mention, Sentence


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of sentence text; ``mention`` is set when the run is a place mention."""

    text: str
    mention: Mention | None = None


@dataclass(slots=True)
class Block:
    """Either the text between sentences (``sentence`` None) or a sentence cut into segments."""

    text: str
    sentence: Sentence | None = None
    segments: list[Segment] = field(default_factory=list)


def sentence_segments(sentence: Sentence, mentions: list[Mention]) -> list[Segment]:
    """Cut ``sentence.text`` at the mentions inside it (article offsets); overlapping mentions are skipped."""
    segments: list[Segment] = []
    cursor = sentence.start
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < cursor or m.end > sentence.end or m.start >= m.end:
            continue
        if m.start > cursor:
            segments.append(Segment(sentence.text[cursor - sentence.start : m.start - sentence.start]))
        segments.append(Segment(sentence.text[m.start - sentence.start : m.end - sentence.start], m))
        cursor = m.end
    if cursor < sentence.end:
        segments.append(Segment(sentence.text[cursor - sentence.start :]))
    return segments


def article_blocks(article: Article) -> list[Block]:
    """The whole text in order: gaps between sentences verbatim, sentences as segments."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in article.mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    blocks: list[Block] = []
    cursor = 0
    for s in article.sentences:
        if s.start > cursor:
            blocks.append(Block(article.text[cursor : s.start]))
        blocks.append(Block(s.text, s, sentence_segments(s, by_sentence.get(s.index, []))))
        cursor = max(cursor, s.end)
    if cursor < len(article.text):
        blocks.append(Block(article.text[cursor:]))
    return blocks
