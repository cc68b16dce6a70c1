"""The cue lexicon (gazetteer.geoparser.cues): data/cues.yaml read into normalised words."""

from gazetteer import normalize_name, tokenize
from gazetteer.geoparser.cues import load_cues, stated_km


def test_the_unknown_name_lists_are_read_normalised_like_the_other_lists():
    cues = load_cues()
    # Written «قرى», «أحياء», «محطة», «قلعة» in the YAML: matched in their normalised forms.
    assert {normalize_name("قرى"), normalize_name("أحياء")} <= cues.plural_cues
    assert "قرى" not in cues.plural_cues
    assert {normalize_name("محطة"), normalize_name("قلعة")} <= cues.named_facilities
    assert "محطة" not in cues.named_facilities
    assert {"في", "قرب"} == cues.locatives_ar


def test_the_english_lists_hold_lowercase_words_and_on_is_no_yaml_boolean():
    cues = load_cues()
    assert {"in", "near", "on", "at"} <= cues.locatives_en
    assert {"activist", "detained", "the"} <= cues.not_openers
    assert {"kurdish", "christian"} <= cues.people_adjectives
    lists = (cues.locatives_en, cues.not_openers, cues.people_adjectives)
    assert all(isinstance(w, str) and w == w.lower() for words in lists for w in words)


def test_a_word_of_one_language_is_not_in_the_other_languages_list():
    cues = load_cues()
    assert cues.locatives_en.isdisjoint(cues.locatives_ar)
    assert "في" not in cues.not_openers


def _km_before_direction(phrase: str) -> float | None:
    toks = tokenize(phrase)
    direction = next(k for k, t in enumerate(toks) if t.norm in {"west", "north", "غرب"})
    return stated_km(toks, direction)


def test_a_distance_before_a_direction_is_read_in_digits_or_number_words():
    assert _km_before_direction("some 12 km north of") == 12
    assert _km_before_direction("about thirty kilometres west of") == 30
    assert _km_before_direction("twenty five kilometres north of") == 25  # the whole number, not "five"
    assert _km_before_direction("على بعد عشرة كيلومترات غرب") == 10
    # no number: no distance stated
    assert _km_before_direction("a few kilometres west of") is None
