"""The one exception hierarchy of the :mod:`gazetteer` package."""

from __future__ import annotations


class GazetteerError(Exception):
    """Base class of every error this package raises."""


class PlaceNotFound(GazetteerError):
    """Raised by :meth:`Gazetteer.get` when no place has the requested id."""


class GazetteerDataError(GazetteerError):
    """Raised when bundled, curated or imported data is malformed.

    The message names the file and, where known, the line or entry at fault.
    """


class ImportFormatError(GazetteerDataError):
    """Raised by an importer when its input is not in the expected format."""


class DownloadError(GazetteerError):
    """Raised by :mod:`gazetteer.places.download` when a source cannot be fetched, or fails verification.

    The message names the source and what went wrong; a file that fails
    verification is deleted and nothing from it is imported.
    """
