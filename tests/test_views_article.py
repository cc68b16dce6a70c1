"""The article page (webapp/articles/views.py show, segments.py, templates/articles/show.html)."""

from __future__ import annotations

import re

from webapp_rows import store_article

from webapp.articles.segments import sentence_segments
from webapp.models import Mention, Sentence

XSS = "<img src=x onerror=alert(1)></script>${alert(1)}"


def test_sentence_segments_cut_at_mentions():
    s = Sentence(index=1, start=10, end=40, text="Jets struck Idlib and Saraqib.")
    m1 = Mention(start=22, end=27, text="Idlib")
    m2 = Mention(start=32, end=39, text="Saraqib")
    overlapping = Mention(start=24, end=30, text="lib an")
    segs = sentence_segments(s, [m2, overlapping, m1])
    assert [(seg.text, seg.mention is not None) for seg in segs] == [
        ("Jets struck ", False),
        ("Idlib", True),
        (" and ", False),
        ("Saraqib", True),
        (".", False),
    ]
    assert "".join(seg.text for seg in segs) == s.text


def test_arabic_article_page_has_anchors_marks_and_rtl(client):
    text = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد.\n\nوزار وفد تركي أنقرة."
    article = client.post("/api/articles", json={"text": text, "title": "غارات"}).get_json()
    page = client.get(article["url"]).get_data(as_text=True)
    assert re.search(r'<article class="article" lang="ar" dir="rtl">', page)
    assert 'id="s-0"' in page and 'id="s-1"' in page
    # Each name between Unicode isolates (FSI…PDI): a control inside one stays inside it.
    assert re.search(
        r'<mark class="mention [^"]*" title="\u2068Idlib\u2069 — \u2068إدلب\u2069 \(city\)">إدلب</mark>', page
    )
    assert 'title="\u2068Ankara\u2069 — \u2068أنقرة\u2069 (foreign_city)">أنقرة</mark>' in page
    assert "\n\n" in page  # paragraph breaks kept between sentences


def test_unresolved_mention_says_so(app, client):
    from webapp.extensions import db

    with app.app_context():
        article_id = store_article(text="Jets struck Idlib and Kafrwhatever.")
        db.session.add(
            Mention(article_id=article_id, sentence_index=0, text="Kafrwhatever", start=22, end=34)
        )
        db.session.commit()
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert 'title="unresolved">Kafrwhatever</mark>' in page


def test_incident_list_links_to_sentence(app, client):
    with app.app_context():
        article_id = store_article()
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "Air/drone strike" in page and "2020-09-20" in page and 'href="#s-0"' in page


def test_article_page_escapes_title_and_text(app, client):
    with app.app_context():
        article_id = store_article(title=XSS, text=f"Jets struck Idlib {XSS} today.")
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "<img src=x" not in page and "</script>$" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;${alert(1)}" in page


def test_missing_article_is_404(client):
    assert client.get("/articles/12345").status_code == 404
