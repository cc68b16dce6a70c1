"""A news page's article: its main text and metadata, extracted by trafilatura.

Used for fetched links, feed entries and uploaded ``.html`` files alike.  trafilatura keeps
the article's paragraphs and drops menus, footers and lists of related articles; its title
is the headline, not the site's ``<title>`` («الرئيسية | سوريا»).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import use_config

# Metadata only: htmldate's extensive search guesses a day from the URL or a copyright line
# («© 2020» → 2020-01-01); without a date in the metadata the dateline in the text is used.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Below MIN_EXTRACTED_SIZE characters trafilatura falls back to a baseline that puts every
# inline element («<b>», «<a>») on a line of its own; short reports are articles too.
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")


@dataclass(frozen=True, slots=True)
class PageArticle:
    """What a page says about its article; empty strings and None where it says nothing."""

    text: str
    title: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""  # the page's own address (``<link rel=canonical>``, ``og:url``), if it gives one


def extract_article(html: str | bytes, url: str | None = None) -> PageArticle:
    """The article of ``html`` (bytes are decoded by trafilatura from their declared charset).

    ``text`` is empty when trafilatura finds no article; it never starts with the headline,
    which is the title, not a sentence of the report.
    """
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
        config=_CONFIG,
    )
    if document is None:
        return PageArticle(text="")
    title = " ".join((document.title or "").split())
    paragraphs = [" ".join(line.split()) for line in (document.text or "").split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return PageArticle(
        text="\n\n".join(paragraphs),
        title=title,
        author=" ".join((document.author or "").split()),
        published=_date(document.date),
        url=document.url or "",
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
