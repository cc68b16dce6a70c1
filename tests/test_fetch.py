"""Safe fetching (webapp/fetch.py): schemes, public addresses on every hop, size and time bounds."""

from __future__ import annotations

import ipaddress

import pytest

from tests.newsserver import news_site
from webapp import fetch as fetch_module
from webapp.errors import FetchFailed
from webapp.fetch import FetchSettings, canonical_url, fetch, is_public

OPEN = FetchSettings(allow_private=True, timeout=5)


def test_a_page_is_fetched_with_a_descriptive_user_agent_and_redirects_followed():
    with news_site() as site:
        site.page("/a", "<p>hello</p>")
        site.redirect("/short", "/a")
        page = fetch(site.url("/short"), OPEN)
    assert page.url == site.url("/a") and page.content == b"<p>hello</p>"
    assert page.content_type.startswith("text/html")
    assert "SyriaIncidentMap" in fetch_module.USER_AGENT


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "javascript:1"])
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchFailed) as caught:
        fetch(url, OPEN)
    assert caught.value.status == 400 and "http" in caught.value.message


def test_loopback_is_refused_without_the_flag():
    with news_site() as site:
        site.page("/a", "<p>hello</p>")
        with pytest.raises(FetchFailed) as caught:
            fetch(site.url("/a"), FetchSettings(timeout=5))
        assert caught.value.status == 400 and "private" in caught.value.message
        assert site.hits == {}


def test_a_redirect_to_a_private_address_is_refused(monkeypatch):
    # 127.0.0.1 plays a public site here; the redirect's 127.0.0.2 stays private.
    monkeypatch.setattr(fetch_module, "is_public", lambda address: str(address) == "127.0.0.1")
    with news_site() as site:
        site.redirect("/go", site.url("/admin", host="127.0.0.2"))
        with pytest.raises(FetchFailed) as caught:
            fetch(site.url("/go"), FetchSettings(timeout=5))
    assert caught.value.status == 400 and "private" in caught.value.message


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("10.1.2.3", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),
        ("127.0.0.1", False),
        ("100.64.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        ("2001:4860:4860::8888", True),
    ],
)
def test_only_global_addresses_are_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("url", ["http://no-such-host.invalid/", "http://127.0.0.1:99999/", "http://[::1/"])
def test_a_host_that_does_not_resolve_is_refused(url):
    with pytest.raises(FetchFailed) as caught:
        fetch(url, OPEN)
    assert caught.value.status == 400


def test_too_many_redirects_fail():
    with news_site() as site:
        site.redirect("/loop", "/loop")
        with pytest.raises(FetchFailed) as caught:
            fetch(site.url("/loop"), OPEN)
    assert caught.value.status == 502 and "redirects" in caught.value.message


def test_an_oversize_page_fails():
    with news_site() as site:
        site.page("/big", "x" * 5000)
        with pytest.raises(FetchFailed) as caught:
            fetch(site.url("/big"), FetchSettings(allow_private=True, max_bytes=1000))
    assert caught.value.status == 502 and "1,000 bytes" in caught.value.message


def test_a_site_that_does_not_answer_times_out():
    with news_site() as site:
        site.page("/slow", "<p>late</p>")
        with pytest.raises(FetchFailed) as caught:
            fetch(site.url("/slow"), FetchSettings(allow_private=True, timeout=0.5))
    assert caught.value.status == 502 and "seconds" in caught.value.message


def test_an_error_status_fails():
    with news_site() as site, pytest.raises(FetchFailed) as caught:
        fetch(site.url("/missing"), OPEN)
    assert caught.value.status == 502 and "404" in caught.value.message


def test_canonical_urls_drop_what_does_not_name_the_page():
    assert (
        canonical_url("HTTPS://News.Example:443/a/b?id=3&utm_source=tw&fbclid=x#top")
        == "https://news.example/a/b?id=3"
    )
    assert canonical_url("http://news.example") == "http://news.example/"
    assert canonical_url("http://news.example:8080/x") == "http://news.example:8080/x"
