"""Fetching a web page safely: http(s) only, public addresses only, bounded in time and size.

Every hop of a redirect is checked again, and each request goes to the address that was
checked (the host name travels in the ``Host`` header and TLS's SNI), so a name that
resolves to a public address once and to a private one a moment later gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx
from flask import current_app

from .errors import FetchFailed

#: Says who fetches and why, so that a site's operator can tell the app from a crawler.
USER_AGENT = "SyriaIncidentMap/1.0 (incident geoparser; fetches the articles and feeds its analysts add)"
MAX_REDIRECTS = 5
_DEFAULT_PORTS = {"http": 80, "https": 443}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Query parameters that name a campaign, not a page: dropped from canonical URLs.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as received: the URL it was finally served from, its bytes and content type."""

    url: str
    content: bytes
    content_type: str


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How to fetch: ``timeout`` in seconds (for the whole page), ``max_bytes`` of body."""

    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    allow_private: bool = False
    user_agent: str = USER_AGENT

    @classmethod
    def from_app(cls) -> FetchSettings:
        """The current app's ``FETCH_TIMEOUT``, ``FETCH_MAX_BYTES`` and ``FETCH_ALLOW_PRIVATE``."""
        config = current_app.config
        return cls(
            timeout=float(config["FETCH_TIMEOUT"]),
            max_bytes=int(config["FETCH_MAX_BYTES"]),
            allow_private=bool(config["FETCH_ALLOW_PRIVATE"]),
        )


def fetch(url: str, settings: FetchSettings | None = None) -> FetchedPage:
    """GET ``url``, following at most :data:`MAX_REDIRECTS` redirects, each checked like the first.

    Raises :class:`~webapp.errors.FetchFailed`: refused (400) for a scheme other than http(s),
    a host that does not resolve, or one resolving to a non-global address (private, loopback,
    link-local, reserved…) unless ``allow_private``; failed (502) for an error status, a
    timeout, a body over ``max_bytes``, too many redirects or a connection error.
    """
    settings = settings or FetchSettings.from_app()
    deadline = time.monotonic() + settings.timeout
    current = url
    with httpx.Client(trust_env=False, follow_redirects=False, timeout=settings.timeout) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            status, headers, body = _get(client, current, settings, deadline)
            if status in _REDIRECTS and headers.get("location"):
                current = _split(urljoin(current, headers["location"])).geturl()
                continue
            if status >= 400:
                raise FetchFailed.failed(url, "status", status=status)
            return FetchedPage(url=current, content=body, content_type=headers.get("content-type", ""))
    raise FetchFailed.failed(url, "redirects", limit=MAX_REDIRECTS)


def check_url(url: str, *, allow_private: bool) -> tuple[str, str]:
    """The host and the checked address to connect to for ``url``; raises :class:`FetchFailed` (400)."""
    parts = _split(url)
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise FetchFailed.refused(url, "bad_scheme")
    try:
        port = _port(parts) or _DEFAULT_PORTS[parts.scheme.lower()]
        infos = socket.getaddrinfo(parts.hostname, port)
    except (OSError, UnicodeError, ValueError):
        raise FetchFailed.refused(url, "no_host") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    # Every address must pass: the resolver may hand the connection any one of them.
    if not allow_private and not all(is_public(address) for address in addresses):
        raise FetchFailed.refused(url, "private")
    return parts.hostname, str(addresses[0])


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for a globally routable unicast address (an IPv4-mapped IPv6 address is judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def canonical_url(url: str) -> str:
    """``url`` normalised for comparison: scheme and host in lower case, no default port, no
    fragment, no tracking parameters (``utm_*``, ``fbclid`` …), ``/`` for an empty path.
    Raises :class:`FetchFailed` (400) for a URL that cannot be parsed (``http://[::1/``)."""
    parts = _split(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = _port(parts)
    if port and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.startswith(_TRACKING)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def _split(url: str) -> SplitResult:
    try:
        return urlsplit(url)
    except ValueError:  # «http://[::1/»: a bracket left open
        raise FetchFailed.refused(url, "no_host") from None


def _port(parts: SplitResult) -> int | None:
    # urllib raises on a port out of range («:99999»), only when asked for it.
    try:
        return parts.port
    except ValueError:
        raise FetchFailed.refused(urlunsplit(parts), "no_host") from None


def _get(
    client: httpx.Client, url: str, settings: FetchSettings, deadline: float
) -> tuple[int, httpx.Headers, bytes]:
    """One request to the checked address of ``url``: its status, headers and (decoded) body."""
    host, address = check_url(url, allow_private=settings.allow_private)
    parts = urlsplit(url)
    netloc = f"[{address}]" if ":" in address else address
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    pinned = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": settings.user_agent, "Accept": "*/*"}
    try:
        with client.stream("GET", pinned, headers=headers, extensions={"sni_hostname": host}) as response:
            body = bytearray()
            if response.status_code < 300:  # a redirect's or an error's body is not needed
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > settings.max_bytes:
                        raise FetchFailed.failed(url, "too_large", limit=settings.max_bytes)
                    if time.monotonic() > deadline:
                        raise FetchFailed.failed(url, "timeout", seconds=round(settings.timeout))
            return response.status_code, response.headers, bytes(body)
    except httpx.TimeoutException:
        raise FetchFailed.failed(url, "timeout", seconds=round(settings.timeout)) from None
    except httpx.HTTPError as exc:
        raise FetchFailed.failed(url, "connection", error=type(exc).__name__) from None
