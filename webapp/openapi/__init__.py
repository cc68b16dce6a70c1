"""The API described for other tools: ``/api/openapi.json`` (OpenAPI 3, generated from the code)
and ``/api/docs`` (Swagger UI, served from the pip package ``swagger-ui-bundle``, never a CDN)."""

from .operation import Operation, documented
from .spec import build_spec, undocumented_rules
from .views import bp

__all__ = ["Operation", "bp", "build_spec", "documented", "undocumented_rules"]
