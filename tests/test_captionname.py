"""A caption's opening name, cued by the settlement word the caption later calls it by (captionname)."""

from __future__ import annotations

import pytest

from gazetteer import default_gazetteer, geoparse
from gazetteer.geoparser.captionname import caption_settlement_cue
from gazetteer.places.normalize import tokenize


def _cue(text: str, words: int = 1) -> str | None:
    return caption_settlement_cue(text, tokenize(text), 0, words)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("كفرومة | قصف جوي يستهدف الأحياء السكنية في البلدة 3-4-2017", "بلده"),
        ("كفرومة || دمار واسع بعد الغارات على المدينة", "مدينه"),
        ("كفرومة :: خروج مظاهرة تطالب بإسقاط النظام وسط القرية", "قريه"),
        ("كفرومة | انتشال جرحى من تحت الأنقاض وسط للبلدة", "بلده"),  # a preposition joined to it
    ],
)
def test_the_settlement_word_a_caption_calls_its_opening_name_by_cues_it(text: str, cue: str) -> None:
    assert _cue(text) == cue


@pytest.mark.parametrize(
    "text",
    [
        "كفرومة | قصف جوي يستهدف الأحياء السكنية 3-4-2017",  # never called a town
        "قصف على كفرومة | دمار في البلدة",  # not the caption's opening name
        "إدلب - كفرومة | دمار في البلدة",  # a header opened by its area: the place is the second name
        "كفرومة | إصابة شاب بالرصاص الحي في الحي الشرقي",  # «الحي» is no back-reference
    ],
)
def test_no_cue_without_a_back_reference_or_when_the_header_opens_with_its_area(text: str) -> None:
    assert _cue(text) is None


def test_a_small_village_opening_a_caption_is_believed_with_the_cue() -> None:
    gazetteer = default_gazetteer()
    text = "النشابية | اشتباكات بين الفصائل وقوات النظام عند مدخل البلدة 4-6-2016"
    assert [m.place is not None for m in geoparse(text, gazetteer=gazetteer, language="ar").mentions] == [
        True
    ]
    bare = "النشابية | اشتباكات بين الفصائل وقوات النظام 4-6-2016"
    assert not any(m.place for m in geoparse(bare, gazetteer=gazetteer, language="ar").mentions)
