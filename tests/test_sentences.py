import pytest

from gazetteer.geoparser.sentences import opens_list_item, split_sentences


def _texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.index for s in sentences] == list(range(len(sentences)))
    return [s.text for s in sentences]


def test_arabic_comma_does_not_split_but_full_stop_and_question_mark_do():
    text = "قصفت الطائرات محيط إدلب، وقال مصدر إن القصف استمر. هل توقف القصف؟ لا"
    assert _texts(text) == ["قصفت الطائرات محيط إدلب، وقال مصدر إن القصف استمر.", "هل توقف القصف؟", "لا"]


def test_line_break_always_ends_a_sentence_even_without_punctuation():
    tweet = 'قصف مدفعي على أطراف قرية "كفرنبل" جنوب مدينة #حماة'
    signature = "— أبو أحمد (@example_news) October 3, 2021"
    text = f"{tweet}\n{signature}\nوتابع"
    assert _texts(text) == [tweet, signature, "وتابع"]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. said 3.5 km of road near Saraqib was hit.",
        "Dr. Ahmad told ”السورية.نت” that the strike killed two.",
        "Mr. Smith and J. Doe met in Idlib.",
    ],
)
def test_no_split_inside_numbers_abbreviations_or_domains(text):
    assert _texts(text) == [text]


def test_closing_quote_stays_with_its_sentence_and_offsets_survive_leading_space():
    text = '  He said "the strike hit Idlib." Then he left.  '
    assert _texts(text) == ['He said "the strike hit Idlib."', "Then he left."]


def test_empty_text_has_no_sentences():
    assert split_sentences(" \n\n ") == []


def test_full_stop_without_a_space_between_arabic_words_ends_the_sentence():
    text = "دخلت القوات المدينة.استطاع الأهالي الفرار"
    assert [s.text for s in split_sentences(text)] == ["دخلت القوات المدينة.", "استطاع الأهالي الفرار"]


def test_a_list_items_number_opening_its_line_does_not_end_a_sentence():
    text = "Attacks documented:\n1. Marea, 16 August 2016.\n 12. Binnish in Idlib.\nكما في 2. حلب"
    assert _texts(text) == [
        "Attacks documented:",
        "1. Marea, 16 August 2016.",
        "12. Binnish in Idlib.",
        "كما في 2.",
        "حلب",
    ]
    # a year or a count ending a sentence still ends it, at a line's start or not
    assert _texts("2016. Then\nshelling killed 12. Later") == [
        "2016.",
        "Then",
        "shelling killed 12.",
        "Later",
    ]


@pytest.mark.parametrize(
    "line",
    ["[a] Sarmin, 16 March 2015", r"\[b\] Sarmin", "(ح) سرمين", "(3) Sarmin", "12. Sarmin", "b) Sarmin"],
)
def test_list_markers(line: str) -> None:
    assert opens_list_item(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sarmin, 16 March 2015",  # no marker
        "2015. Sarmin was hit",  # a year, not an item number
        "[a] " + "word " * 25,  # prose, not a record
    ],
)
def test_not_list_items(line: str) -> None:
    assert not opens_list_item(line)
