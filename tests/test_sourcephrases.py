"""A quoted Arabic source's place is not where the event happened (gazetteer.events.sourcephrases)."""

import pytest

from gazetteer import default_gazetteer, geoparse
from gazetteer.events.linkingwords import linking_lexicon
from gazetteer.events.sourcephrases import quoted_source_before
from gazetteer.places.normalize import tokenize


def _in_at_source(text: str) -> bool:
    tokens = tokenize(text)
    j = max(k for k, t in enumerate(tokens) if t.norm == "في")
    return quoted_source_before(tokens, j, linking_lexicon().source_nouns)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("سقطت قذائف على البلدة، بحسب ما أفاد مراسل شبكة محلية في حماة", True),
        ("قتل ثلاثة مدنيين، وفق مصادر طبية في المدينة", True),
        # no attribution: the noun is the victim, and the place the event's
        ("قتل ناشط إعلامي في إدلب", False),
        ("سقطت قذائف على سوق في حماة", False),
    ],
)
def test_a_place_after_an_attributed_source_noun_is_the_sources(text: str, source: bool) -> None:
    assert _in_at_source(text) is source


def test_the_incident_is_not_placed_where_the_correspondent_is() -> None:
    text = "قصفت الطائرات الحربية بلدة كفرنبل مساء الأحد، بحسب ما أفاد مراسل شبكة محلية في إدلب."
    result = geoparse(text, gazetteer=default_gazetteer(), language="ar")
    assert [result.mentions[i.mention].text for i in result.incidents] == ["كفرنبل"]
