"""The stored resources: one module per table.

Accounts are ``users`` with their ``api_tokens`` (:mod:`.user`); every change a person makes
is a row of ``changes`` (:mod:`.change`), with the values before and after; places analysts
pin are ``analyst_places`` (:mod:`.place`); batches of articles are ``batch_jobs`` and
``batch_items`` (:mod:`.batch`); news feeds are ``feeds`` with the
``feed_entries`` already taken from them (:mod:`.feed`).  Indexes that exist on one back end
only (a PostGIS point beside ``lat``/``lon``, trigram text indexes) are in :mod:`.indexes`.
"""

from .article import Article
from .batch import BatchItem, BatchJob
from .change import Change
from .feed import Feed, FeedEntry
from .incident import STATUSES, Incident
from .mention import Mention
from .place import ANALYST_SOURCE, AnalystPlace
from .search import ArticleSearch, IncidentSearch
from .sentence import Sentence
from .user import ApiToken, Role, User

__all__ = [
    "ANALYST_SOURCE",
    "AnalystPlace",
    "ApiToken",
    "Article",
    "ArticleSearch",
    "BatchItem",
    "BatchJob",
    "Change",
    "Feed",
    "FeedEntry",
    "Incident",
    "IncidentSearch",
    "Mention",
    "Role",
    "STATUSES",
    "Sentence",
    "User",
]
