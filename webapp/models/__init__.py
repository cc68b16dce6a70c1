"""The stored resources: one module per table.

Designed to grow: accounts/roles would add a ``users`` table and an
``articles.submitted_by`` column; a review queue would add a
``corrections`` table pointing at ``mentions``/``incidents`` (the original
geocode stays, the correction overrides it); PostGIS would add a
``geography`` column beside ``lat``/``lon`` (see :mod:`.incident`).
"""

from .article import Article
from .incident import Incident
from .mention import Mention
from .search import ArticleSearch, IncidentSearch
from .sentence import Sentence

__all__ = ["Article", "ArticleSearch", "Incident", "IncidentSearch", "Mention", "Sentence"]
