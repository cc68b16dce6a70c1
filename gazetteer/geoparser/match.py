"""Toponym recognition: gazetteer-driven longest match over normalised tokens.

:func:`find_matches` scans each sentence's tokens left to right and, at each
position, asks the gazetteer for the longest token n-gram that is a name
key (trying the first token with its Arabic proclitics stripped).  Around
every match it reads the cue words that decide how the name is used: a type
cue before it («قرية»، "town of") or after it ("province"), a relation
(«محيط»، «غرب»، "near"), a countryside form («ريف X الجنوبي»), or «بين X و
Y».  Common words that are also place names are kept only when cued (the
resolver may still accept them on corroboration); near-miss spellings are
tried only after a settlement cue or inside quotes.  Two city names joined
by a dash after a road cue («طريق حلب- اللاذقية») become one road mention.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..places.index import Gazetteer
from ..places.normalize import Token
from ..places.place import Place, PlaceType
from .articlewords import ArticleWords, capitalised
from .fallbacks import facility_at, fuzzy_at, landmark_at, syrian_spelling, transliteration_at, unknown_match
from .masks import actor_spans, adjective_reading, after_compass_word, in_organisation_name, masked
from .nameindex import MatchIndex
from .orgnames import organisation_shape
from .result import Sentence
from .roads import cued_codes, merge_roads, road_anaphora, single_road
from .scanner import Scanner
from .toponym import Match
from .unknown import unknown_names

__all__ = ["Match", "find_matches"]


def _scan(scanner: Scanner) -> list[Match]:
    """The matches of the scanner's sentence in text order: the longest name, or a fallback reading."""
    out: list[Match] = []
    free = 0  # the first token not inside a match already made
    for i in scanner.live:  # no reading can start anywhere else
        if i < free:
            continue
        word = scanner.words[i]
        one_word = word.max_n == 1 and word.single and not word.article
        if scanner.english and one_word and scanner.lowercase_word(i, i + 1):
            free = i + 1  # its one reading, a one-word name, would be refused (as below)
            continue
        hit = scanner.longest_at(i)
        if hit is not None and scanner.generic_head_alone(i, hit[0]):
            hit = None  # "Tal" of "Tal Touqan" is no village called Tal
        if hit is None:
            fuzzy = fuzzy_at(scanner, i) or facility_at(scanner, i) or transliteration_at(scanner, i)
            if fuzzy is not None:
                out.append(fuzzy)
                free = fuzzy.tok_end
            continue
        end_tok, key, places, cut = hit
        landmark = landmark_at(scanner, i, end_tok)
        if landmark is not None:
            out.append(landmark)
            free = landmark.tok_end
            continue
        longer = _longer_spelling(scanner, i, end_tok) or syrian_spelling(
            scanner, i, end_tok, key, places, cut
        )
        if longer is not None:
            out.append(longer)
            free = longer.tok_end
            continue
        start, end_tok, key, cut, places = scanner.trim_cue_words(i, end_tok, key, places, cut)
        if scanner.lowercase_word(start, end_tok):
            free = start + 1  # refused before a match is made for it: most are English words
            continue
        m = scanner.make(start, end_tok, key, places, cut)
        if out:
            scanner.drop_linking_cue(m, out[-1])
        first = _numbered(scanner, m)
        if first is not None:
            # «منطقة الجزيرة السابعة»: a numbered quarter, not the Jazira region
            numbered = unknown_match(scanner, first, end_tok + 1, cut if first == start else 0)
            out.append(numbered)
            free = numbered.tok_end
            continue
        if scanner.accept(m, cut):
            out.append(scanner.compound(m, out))
            free = end_tok
        else:
            free = start + 1  # past the cue words trimmed off, too
    return out


def _longer_spelling(scanner: Scanner, i: int, end_tok: int) -> Match | None:
    """A longer name spelt another way that the name found at ``i`` begins ("Khafsa Kabir", "Khafsah Kabir").

    English only, and only when a capitalised word follows the name, joined to it (after an
    article: "Busra al-Harir" is Busr al-Harir, not Busra al-Sham and a word).
    """
    toks = scanner.toks
    if not (
        scanner.english
        and end_tok < len(toks)
        and scanner.joinable[end_tok - 1]
        and capitalised(toks[end_tok].text)
    ):
        return None
    found = transliteration_at(scanner, i)
    return found if found is not None and found.tok_end > end_tok else None


def _names_a_country(m: Match, spans: dict[int, tuple[int, int]], toks: Sequence[Token]) -> bool:
    """Whether ``m``, inside an actor's name of ``spans``, still names a country.

    "Iran" opening "Iran-backed militias" names Iran, as «تركيا» ending «الفصائل المدعومة من
    تركيا» names Turkey; «سوريا» amid «قوات سوريا الديمقراطية» is part of a group's name, as
    any other place would be, and so is one ending it after a compass word («الإدارة الذاتية
    لشمال وشرق سوريا»: the part of the country the name claims).
    """
    span = spans.get(m.tok_start)
    if span is None or not _countries(m):
        return False
    if span[1] == m.tok_end and after_compass_word(toks, m.tok_start):
        return False
    return span[0] == m.tok_start or span[1] == m.tok_end


def _unmasked(matches: list[Match], scanner: Scanner) -> list[Match]:
    """``matches`` without the names inside an armed group's, organisation's or time zone's name, and
    without the Arabic adjectives that spell one (:func:`gazetteer.geoparser.masks.adjective_reading`)."""
    if not matches:
        return matches
    spans = actor_spans(scanner.toks, scanner.actor_starts)
    placed = {k for m in matches for k in range(m.tok_start, m.tok_end)}
    return [
        m
        for m in matches
        if not (masked(spans, m.tok_start, m.tok_end) and not _names_a_country(m, spans, scanner.toks))
        and not in_organisation_name(scanner.text, scanner.toks, m.tok_start, m.tok_end)
        and not organisation_shape(
            scanner.text,
            scanner.toks,
            m.tok_start,
            m.tok_end,
            placed,
            english=scanner.english,
            country=_countries(m),
        )
        and not (
            not scanner.english and adjective_reading(scanner.toks, m.tok_start, m.tok_end, _countries(m))
        )
    ]


#: Arabic ordinals (normalised) that number the places sharing a name («الحارة الثالثة»).
_ORDINALS = frozenset(
    {
        "الاولي",
        "الاولى",
        "الثانيه",
        "الثالثه",
        "الرابعه",
        "الخامسه",
        "السادسه",
        "السابعه",
        "الثامنه",
        "التاسعه",
    }
    | {"العاشره", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"}
)


def _numbered(scanner: Scanner, m: Match) -> int | None:
    """Where the name starts when an Arabic name a cue announces is followed, joined, by an ordinal:
    a numbered place of its own the gazetteer lacks («منطقة الجزيرة السابعة», «الحارة الثالثة»), not
    the name's place; None otherwise.  A cue word the match holds («منطقة الجزيرة») stays outside."""
    k, first = m.tok_end, m.tok_start
    if scanner.english or k >= len(scanner.toks) or not scanner.joinable[k - 1]:
        return None
    if scanner.toks[k].norm not in _ORDINALS:
        return None
    if k - first > 1 and (scanner.toks[first].norm,) in scanner.cues.type_before:
        return first + 1
    return first if m.cue else None


def _countries(m: Match) -> bool:
    """Whether every reading of ``m`` is a country (and it has one)."""
    return bool(m.places) and all(p.type is PlaceType.COUNTRY for p in m.places)


def _link_between(matches: list[Match], scanner: Scanner, offset: int) -> None:
    """Pair «بين X و Y» / "between X and Y": the match after X joined by و/and is Y."""
    for k, a in enumerate(matches):
        if a.relation != "between" or k + 1 >= len(matches):
            continue
        b = matches[k + 1]
        gap = scanner.text[a.end : b.start]
        joined = gap.strip() in ("و", "and", "") and (
            gap.strip() != "" or scanner.text[b.start - 1 : b.start] == "و"
        )
        if b.tok_start - a.tok_end <= 1 and (joined or gap.strip().endswith("و")):
            a.partner, b.partner = offset + k + 1, offset + k
            b.relation = "between"


def find_matches(
    text: str, sentences: list[Sentence], gazetteer: Gazetteer, *, language: str = "ar"
) -> list[Match]:
    """Recognise toponyms in ``text``, sentence by sentence, in text order.

    ``sentences`` must come from :func:`gazetteer.geoparser.sentences.split_sentences`
    on the same text; ``language`` (``"ar"``/``"en"``) switches on English
    capitalisation rules.  Returns matches with their candidate places and
    cue context; resolution is left to :mod:`gazetteer.geoparser.resolve`.
    """
    out: list[Match] = []
    last_road: Place | None = None
    index = MatchIndex.for_gazetteer(gazetteer)
    article = ArticleWords(text, index, english=language == "en")
    for sentence, view in article.sentences(sentences):
        if not view.live and last_road is None:
            continue  # no reading can start here, and no road is there to refer back to
        scanner = Scanner(text, sentence.index, gazetteer, language, view, index=index)
        matches = cued_codes(
            merge_roads(unknown_names(scanner, _unmasked(_scan(scanner), scanner)), scanner), scanner
        )
        if last_road is not None:
            matches = road_anaphora(matches, scanner, last_road)
        if not matches:
            continue
        _link_between(matches, scanner, len(out))
        out.extend(matches)
        last_road = next((r for r in map(single_road, reversed(matches)) if r), last_road)
    return out
