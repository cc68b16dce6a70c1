from gazetteer import default_gazetteer, geoparse


def _places(text):
    return [
        (m.text, m.place.id if m.place else None)
        for m in geoparse(text, gazetteer=default_gazetteer(), language="en").mentions
    ]


def test_an_article_glued_to_a_syrian_name_is_that_name():
    assert _places("A convoy was ambushed outside Albukamal late on Sunday.") == [
        ("Albukamal", "cur:vil-abu-kamal")
    ]


def test_a_glued_article_before_a_word_that_names_no_syrian_place_reads_nothing():
    assert _places("Albertine said the talks would resume.") == []
