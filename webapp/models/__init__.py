"""The stored resources: one module per table.

Accounts are ``users`` with their ``api_tokens`` (:mod:`.user`).  Designed to grow: an
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
from .user import ApiToken, Role, User

__all__ = [
    "ApiToken",
    "Article",
    "ArticleSearch",
    "Incident",
    "IncidentSearch",
    "Mention",
    "Role",
    "Sentence",
    "User",
]
