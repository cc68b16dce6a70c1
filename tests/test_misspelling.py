import pytest

from gazetteer.geoparser.misspelling import MisspellingIndex, collapsed, edit_bound, edit_distance


def test_doubled_letters_are_collapsed():
    assert collapsed("allepo") == collapsed("aleppo") == "alepo"
    assert collapsed("hamma") == "hama"


@pytest.mark.parametrize(("letters", "bound"), [(4, 0), (6, 0), (7, 1), (8, 1), (9, 2), (12, 2)])
def test_the_edit_bound_grows_with_the_name(letters, bound):
    assert edit_bound(letters) == bound


def test_edit_distance_counts_a_swap_as_one_and_stops_past_its_limit():
    assert edit_distance("damascus", "damsacus", 2) == 1
    assert edit_distance("lattakia", "latakiya", 2) == 2
    assert edit_distance("abcdef", "uvwxyz", 1) == 2


def test_keys_within_their_bound_are_found():
    index = MisspellingIndex(["aleppo", "hama", "damascus", "qunaytirah", "khaleb"])
    assert index.keys_near("allepo") == ("aleppo",)  # doubled letters only
    assert index.keys_near("hamma") == ("hama",)
    assert index.keys_near("damascas") == ("damascus",)  # one edit, eight letters
    assert index.keys_near("quneitirah") == ("qunaytirah",)  # ten letters: up to two
    assert index.keys_near("aleppo") == ()  # a key is not its own misspelling


def test_short_names_and_edits_at_a_names_edge_are_not_misspellings():
    index = MisspellingIndex(["hama", "hayan", "sarmin", "katana", "khaleb", "mayadin"])
    assert index.keys_near("hala") == ()  # four letters: only doubled letters may differ
    assert MisspellingIndex(["tall"]).keys_near("tal") == ()  # three letters: too short to tell
    assert index.keys_near("hassan") == ()  # five letters collapsed: exact only
    assert index.keys_near("sarin") == ()  # the shorter name sets the bound
    assert index.keys_near("kabana") == ()  # six letters: exact only
    assert index.keys_near("mayadeen") == ("mayadin",)  # eight: one edit
    assert MisspellingIndex(["qunaytirah"]).keys_near("qunaytirat") == ()  # an edit at the end
