"""A local news site for tests: a threaded http.server on 127.0.0.1 serving pages and feeds.

Pages look like real news pages: a menu, the article, a list of related articles, a footer.
Routes map a path to ``(status, headers, body)``; ``/slow`` answers only once released.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = "text/html; charset=utf-8"

MENU_AR = """<nav class="menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li>
<li><a href="/world">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav>"""
RELATED_AR = """<aside class="related"><h3>أخبار ذات صلة</h3><ul>
<li><a href="/ar/1">اجتماع في أنقرة لبحث ملف اللاجئين</a></li>
<li><a href="/ar/2">ارتفاع أسعار الخبز في دمشق</a></li></ul></aside>"""
FOOTER_AR = """<footer><p>جميع الحقوق محفوظة © 2020 شبكة أخبار الشمال</p><p>اتصل بنا | من نحن</p></footer>"""

ARABIC_STORY = (
    "إدلب - الأربعاء 5 شباط 2020: قصفت طائرات حربية روسية مدينة سراقب في ريف إدلب الشرقي صباح اليوم، "
    "ما أدى إلى مقتل خمسة مدنيين وإصابة آخرين بجروح متفاوتة.",
    "وقال مصدر في الدفاع المدني إن الغارات استهدفت سوقاً شعبياً وسط المدينة، وإن فرق الإنقاذ ما زالت "
    "تبحث عن ناجين تحت أنقاض المباني المدمرة.",
)
ENGLISH_STORY = (
    "IDLIB, 5 February 2020 — Russian warplanes struck the town of Saraqib in eastern Idlib on Wednesday "
    "morning, killing five civilians and wounding several others, rescuers said.",
    "Civil defence teams were still searching the rubble of the market in the centre of the town "
    "for survivors hours after the raids, a local official told reporters.",
)


def arabic_page(canonical: str) -> str:
    """An Arabic report with no date in its metadata: only the dateline in the text dates it."""
    paragraphs = "".join(f"<p>{p}</p>" for p in ARABIC_STORY)
    return f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الرئيسية | سوريا</title><link rel="canonical" href="{canonical}"></head>
<body>{MENU_AR}<main><article><h1>غارات روسية على سراقب</h1>{paragraphs}</article></main>
{RELATED_AR}{FOOTER_AR}</body></html>"""


def english_page(canonical: str) -> str:
    """An English report dated by its metadata, with an author."""
    paragraphs = "".join(f"<p>{p}</p>" for p in ENGLISH_STORY)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Home | Syria | North News</title><link rel="canonical" href="{canonical}">
<meta name="author" content="Rana Haddad">
<meta property="article:published_time" content="2020-02-05T10:30:00+02:00"></head>
<body><nav><a href="/">Home</a> <a href="/syria">Syria</a> <a href="/world">World</a></nav>
<article><h1>Airstrikes kill five in Saraqib</h1><p class="byline">By Rana Haddad</p>{paragraphs}</article>
<aside><h3>Related stories</h3><ul><li><a href="/en/1">Bread prices rise in Damascus</a></li>
<li><a href="/en/2">Talks in Ankara on refugees</a></li></ul></aside>
<footer>© 2020 North News. All rights reserved. Contact us | About</footer></body></html>"""


def rss(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of ``(guid, link, title)`` items."""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid></item>"
        for guid, link, title in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>North News</title><link>http://example.org/</link><description>News</description>{body}
</channel></rss>"""


def atom(items: list[tuple[str, str, str]]) -> str:
    """An Atom feed of ``(id, link, title)`` entries."""
    body = "".join(
        f'<entry><id>{ident}</id><title>{title}</title><link href="{link}"/>'
        "<updated>2020-02-05T10:00:00Z</updated></entry>"
        for ident, link, title in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>North News</title><id>urn:north</id><updated>2020-02-05T10:00:00Z</updated>{body}</feed>"""


@dataclass
class NewsSite:
    """The running site: ``url(path)`` its addresses, ``routes`` what it serves, ``hits`` per path."""

    port: int
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def page(self, path: str, html: str, content_type: str = HTML) -> None:
        self.routes[path] = (200, {"Content-Type": content_type}, html.encode("utf-8"))

    def redirect(self, path: str, location: str) -> None:
        self.routes[path] = (302, {"Location": location}, b"")


@contextmanager
def news_site() -> Iterator[NewsSite]:
    """Serve a :class:`NewsSite` on a free port of 127.0.0.1 for the ``with`` block."""
    site = NewsSite(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?", 1)[0]
            site.hits[path] = site.hits.get(path, 0) + 1
            if path == "/slow":
                site.release.wait(30)
            status, headers, body = site.routes.get(path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
