"""KW001-KW004: keyword stuffing."""

from __future__ import annotations

import random
import re
from collections import Counter
from itertools import accumulate, compress
from pathlib import Path

import pytest

from lint.document import WORD_RE, Document
from lint.ngrams import frequent_ngram_starts
from rules._kw_names import _capitals_in_prose, _name_end, _name_starts
from rules._kw_queries import _query_re, query_matches
from rules._kw_tokens import (
    _BREAK_RE,
    CAMEL,
    _build_tokens,
    _shape,
    lower_forms,
    shapes,
    strip_possessive,
)
from rules.keywords import (
    KeywordDensity,
    MiscasedKeyword,
    PastedQuery,
    RepeatedKeywordPhrase,
    tokens,
)
from tests.harness import flagged_lines, run_rule

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KW_RULES = (RepeatedKeywordPhrase, MiscasedKeyword, PastedQuery, KeywordDensity)


def kw_lines(text: str) -> list[int]:
    return sorted({line for rule in KW_RULES for line in flagged_lines(rule, text)})


# -- KW002: miscased names ------------------------------------------------------

MISCASED = [
    (
        # a two-word name counts even at a sentence start
        "Nora Vance joined the company as a young engineer in 2011.\n"
        "Farmers still ask why nora vance left the company so suddenly.",
        "nora vance",
        "Nora Vance",
    ),
    (
        "Shareholders say that Marco Ruiz runs the firm like a family shop.\n"
        "Some ask whether marco ruiz will step down before the vote.",
        "marco ruiz",
        "Marco Ruiz",
    ),
    (
        "The update to the YouTube app arrived on Tuesday for most users.\n"
        "Many viewers still say that youtube has become harder to search.",
        "youtube",
        "YouTube",
    ),
    (
        "Critics of the deal said that Lena Park had moved far too quickly.\n"
        "Supporters argue that lena park's plan protects the local jobs.",
        "lena park's",
        "Lena Park's",
    ),
    (
        "Customers who bought the new iPhone last year got a free case.\n"
        "A reader asked how the iphone battery compares with older models.",
        "iphone",
        "iPhone",
    ),
]


@pytest.mark.parametrize(("text", "written", "expected"), MISCASED)
def test_kw002_flags_lower_case_name_with_casing_fix(
    text: str, written: str, expected: str
) -> None:
    found = run_rule(MiscasedKeyword, text)
    assert len(found) == 1
    v = found[0]
    assert text[v.start : v.end] == written
    assert v.fix is not None and not v.fix.safe
    assert v.fix.edits[0].replacement == expected
    assert f"'{expected}'" in v.message


CLEAN_CASING = [
    # a determiner makes it a common noun phrase
    "Prime Minister Tony Blair spoke to reporters on the steps.\n"
    "Later the prime minister left for a meeting in the north.",
    # single ordinary words are never flagged
    "We bought a new Apple laptop for the office last week.\n"
    "Then we each ate an apple from the bowl in the kitchen.",
    # hashtags and handles are lower case by nature
    "The thread under #openai grew quickly, and OpenAI staff replied to most posts.",
    # capitals on a Title Case headline prove nothing
    "Why Open Source Software Wins\n\nMany teams now use open source software for their servers.",
    # capitals on ordinary English words are sloppy writing, not a name
    "Green Energy is popular here. Many towns now buy green energy from local farms.",
    "Climate Change is a serious threat to the whole planet today. "
    "Many people worry about climate change every single day.",
    "Parents fear that Social Media harms children at school and at home. "
    "Teenagers spend hours on social media every day.",
    # a single capitalised word at a sentence start proves nothing
    "Tidewell makes tractors for farms in the north of the country. "
    "Farmers say tidewell parts are hard to find in the winter.",
    # the words are ordinary words elsewhere in the article
    "She painted Starry Night as a gift for the town where she grew up.\n"
    "On clear evenings the starry night sky over the hills is bright, and starry "
    "nights bring many visitors to the village.",
    # a menu or button is not running text
    "Mobile Commerce\n\nData Solutions\n\nShare to linkedin\n\n"
    "Our platform helps teams sell tickets and reach fans on LinkedIn and elsewhere.",
    # consistent casing
    "Shareholders say that Marco Ruiz runs the firm like a family shop, "
    "and Marco Ruiz does not deny it.",
]


@pytest.mark.parametrize("text", CLEAN_CASING)
def test_kw002_leaves_ordinary_casing_alone(text: str) -> None:
    assert run_rule(MiscasedKeyword, text) == []


def test_kw002_name_learned_whole_not_its_tail() -> None:
    text = (
        "She works at the Institute for Applied Research in the old town.\n"
        "Most of her work is applied research on soils and water for farmers."
    )
    assert run_rule(MiscasedKeyword, text) == []


# -- KW003: questions used as noun phrases --------------------------------------

QUERIES = [
    ("Why does the stock market crash happen because investors panic.", "because"),
    ("Why did the band split up remains a mystery to most fans.", "remains"),
    ("How do solar panels work stems from basic physics taught at school.", "stems"),
    ("Where is the best place to surf is a question many visitors ask.", "is"),
    ("Readers ask why does coffee make them sleepy is true or not.", "is"),
]


@pytest.mark.parametrize(("text", "continuation"), QUERIES)
def test_kw003_flags_question_used_as_noun_phrase(text: str, continuation: str) -> None:
    found = run_rule(PastedQuery, text)
    assert len(found) == 1
    assert f"'{continuation}' follows" in found[0].message
    assert not text[found[0].start : found[0].end].endswith(" ")


CLEAN_QUERIES = [
    "Why does the stock market crash? Because investors panic.",
    "Why did the band split up, and what happens to the songs now?",
    "The reason why is that investors panic.",
    "Nobody knows why the band split up.",
    "Why Is Everyone Talking About It",
    "How is the team doing this season, and is the coach safe?",
    "What is happening remains unclear to most analysts.",
    "How to fix a leaking tap is explained in the next section.",
    "When is the deadline is not the right question to ask here, she said?",
]


@pytest.mark.parametrize("text", CLEAN_QUERIES)
def test_kw003_leaves_real_questions_and_good_english_alone(text: str) -> None:
    assert run_rule(PastedQuery, text) == []


def test_kw003_query_length_option() -> None:
    text = "Why does the old red car parked outside the bakery every morning stay is unclear."
    assert run_rule(PastedQuery, text) == []
    rule = PastedQuery(PastedQuery.Options(max_query_words=12))
    assert len(run_rule(rule, text)) == 1


# -- KW001 / KW004: repeated phrases and density ----------------------------------

FILLER = (
    "The weather was mild for the season. Prices at the market stayed level. "
    "A new bakery opened near the square. Local schools reopened after the break. "
)


CARRIERS = (
    "Readers often search for {} online.",
    "Our shop reviews {} every month.",
    "A guide to {} should start with the budget.",
    "Prices of {} rose in the spring.",
    "Many people ask friends about {} first.",
    "Dealers say {} sell out quickly.",
    "Finding {} takes patience and luck.",
    "We compared {} across three regions.",
    "Insurers treat {} differently.",
    "Forums discuss {} at length.",
)


def stuffed(phrase: str, times: int, filler_repeats: int) -> str:
    """``phrase`` in ``times`` different sentences, plus filler paragraphs."""
    sentences = [CARRIERS[i % len(CARRIERS)].format(phrase) for i in range(times)]
    filler = [
        f"Section {i}. " + FILLER.replace("mild", f"mild ({i})") for i in range(filler_repeats)
    ]
    return " ".join(sentences) + "\n\n" + "\n\n".join(filler)


def test_kw001_reports_each_excess_occurrence_with_count() -> None:
    text = stuffed("cheap used cars for new drivers", 7, 2)
    found = run_rule(RepeatedKeywordPhrase, text)
    assert len(found) == 3  # 7 occurrences, 4 allowed
    assert all("'cheap used cars for new drivers' used 7 times" in v.message for v in found)
    assert all(text[v.start : v.end].lower() == "cheap used cars for new drivers" for v in found)


def test_kw001_allowance_grows_with_length() -> None:
    # 7 occurrences in about 1,800 words: 5 per 1,000 words allows 9.
    text = stuffed("cheap used cars for new drivers", 7, 60)
    assert run_rule(RepeatedKeywordPhrase, text) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "the prime minister",  # two words once "the" is set aside
        "interest rates",  # too short
        "Bank of England",  # a name, capitalised every time
    ],
)
def test_kw001_short_phrases_and_names_are_exempt(phrase: str) -> None:
    assert run_rule(RepeatedKeywordPhrase, stuffed(phrase, 8, 1)) == []


def test_kw001_min_words_option() -> None:
    text = stuffed("budget hiking boots", 8, 1)
    assert run_rule(RepeatedKeywordPhrase, text) == []
    rule = RepeatedKeywordPhrase(RepeatedKeywordPhrase.Options(min_words=3))
    assert run_rule(rule, text)


def test_kw004_reports_densest_phrase_once() -> None:
    text = stuffed("cheap used cars for new drivers", 6, 5)
    found = run_rule(KeywordDensity, text)
    assert len(found) == 1
    assert "'cheap used cars for new drivers' is" in found[0].message


def test_kw004_respects_density_option() -> None:
    text = stuffed("cheap used cars for new drivers", 6, 5)
    rule = KeywordDensity(KeywordDensity.Options(max_density=0.5))
    assert run_rule(rule, text) == []


def test_kw004_skips_short_documents() -> None:
    text = " ".join(["best budget hiking boots for wide feet are here."] * 4)
    assert run_rule(KeywordDensity, text) == []


def test_repeated_headline_line_counts_once() -> None:
    headline = "House where the poet was born will become a museum"
    body = (
        "The house where the poet was born will open to visitors next spring. "
        "Officials said the house where the poet was born needed a new roof. " + FILLER * 3
    )
    text = f"{headline}\n\n{body}\n\n{headline}\n"
    assert run_rule(KeywordDensity, text) == []


# -- shared token table -------------------------------------------------------------


def test_tokens_segments_lines_and_offsets() -> None:
    text = "Visit openai.com today: it is new.\nAnother line - with a dash, 3.5 times."
    doc = Document(text)
    t = tokens(doc)
    assert t.raw[:3] == ["Visit", "openai.com", "today"]
    assert t.segment[2] != t.segment[3]  # the colon ends a segment
    assert t.lines[t.raw.index("Another")] == 1
    assert "3.5" in t.raw
    for i, word in enumerate(t.raw):
        assert text[t.start(i) : t.end(i)] == word


# -- samples and real articles --------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["kw-business-story.txt", "kw-tech-explainer.txt", "kw-clean-profile.txt"]
)
def test_clean_samples_have_no_kw_flags(name: str) -> None:
    assert kw_lines((ROOT / "samples" / name).read_text(encoding="utf-8")) == []


def test_stuffed_sample_is_flagged_on_every_pasted_line() -> None:
    text = (ROOT / "samples" / "kw-stuffed-guide.txt").read_text(encoding="utf-8")
    assert {3, 7, 13, 15} <= set(kw_lines(text))
    assert 11 not in kw_lines(text)  # properly cased prose


def _seed(prefix: str) -> str:
    files = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip("shared seeds not available")
    return files[0].read_text(encoding="utf-8")


def test_seed_001_pasted_queries() -> None:
    lines = kw_lines(_seed("001"))
    assert {4, 9, 21, 25} <= set(lines)
    assert 13 not in lines


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_seeds_that_name_people_naturally_are_clean(prefix: str) -> None:
    assert kw_lines(_seed(prefix)) == []


def test_news_corpus_rate_is_low() -> None:
    files = sorted((SHARED / "corpus" / "news").glob("*.txt"))
    if not files:
        pytest.skip("shared news corpus not available")
    flags = words = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        flags += sum(len(run_rule(rule, text)) for rule in KW_RULES)
    assert 1000 * flags / words < 0.1


def test_kw002_min_cased_option() -> None:
    text = MISCASED[1][0]
    assert len(run_rule(MiscasedKeyword, text)) == 1
    strict = MiscasedKeyword(MiscasedKeyword.Options(min_cased=2))
    assert run_rule(strict, text) == []
    twice = text.replace("the firm", "the firm, as Marco Ruiz admits,")
    assert len(run_rule(strict, twice)) == 1


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.*")), ids=lambda p: p.name)
def test_token_offsets_align_with_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    t = tokens(Document(text))
    assert len(t.raw) == len(t.low) == len(t.shape) == len(t.segment) == len(t.lines)
    step = max(1, len(t.raw) // 50)
    for i in range(0, len(t.raw), step):
        assert text[t.start(i) : t.end(i)] == t.raw[i]
        assert t.lines[i] == text.count("\n", 0, t.start(i))


def test_kw001_reports_one_occurrence_once_with_its_longest_phrase() -> None:
    sample = Path(__file__).resolve().parent.parent / "samples" / "kw-repeated-phrase.txt"
    violations = run_rule(RepeatedKeywordPhrase, sample.read_text(encoding="utf-8"))
    starts = [v.start for v in violations]
    assert len(violations) >= 2 and len(starts) == len(set(starts))
    assert any("for home office" in v.message for v in violations)


# -- fast paths agree with the plain ones ----------------------------------------------

_TRICKY = (
    "Elon Musk elon musk OpenAI openai's Bank of England the why does ΟΔΟΣ İstanbul 3.5 "
    "U.S. e-mail don't it’s a.b.c -- - ' ’ . , ; : ! ? … | # @ x_y \u00a0 ǅ"
).split(" ")
_SEPARATORS = (" ", " ", " ", "", "\n", "\n\n", ". ", "? ", ", ", " - ", "\t–\t", ".\n")


def _tricky_text(rng: random.Random) -> str:
    return "".join(rng.choice(_TRICKY) + rng.choice(_SEPARATORS) for _ in range(rng.randrange(60)))


def _two_pass_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """Words, segments and lines as first computed: breaks and line ends
    replaced by control characters, then one ``findall``."""
    marked = _BREAK_RE.sub("\x00", text.replace("\n", "\x01")).replace("\x01", "\x00\x01")
    items = re.findall(rf"{WORD_RE.pattern}|[\x00\x01]", marked)
    is_word = [item not in "\x00\x01" for item in items]
    segment = list(compress(accumulate(item == "\x00" for item in items), is_word))
    lines = list(compress(accumulate(item == "\x01" for item in items), is_word))
    return list(compress(items, is_word)), segment, lines


def test_one_scan_tokens_match_the_two_pass_marking() -> None:
    rng = random.Random(11)
    for _ in range(500):
        text = _tricky_text(rng)
        t = _build_tokens(text)
        assert (t.raw, list(t.segment), list(t.lines)) == _two_pass_tokens(text)


def test_long_text_is_tokenised_in_chunks_like_a_short_one(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(12)
    text = "".join(_tricky_text(rng) for _ in range(40))
    whole = _build_tokens(text)
    monkeypatch.setattr("rules._kw_tokens._CHUNK_CHARS", 50)
    chunked = _build_tokens(text)
    assert chunked.raw == whole.raw and chunked.low == whole.low and chunked.shape == whole.shape
    assert chunked.segment == whole.segment and chunked.lines == whole.lines


def _naive_ngram_starts(words: list[str], segment: list[int], n: int, min_count: int) -> list[int]:
    frequent = {w for w, c in Counter(words).items() if c >= min_count}
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    counts = Counter(g for g in grams if all(w in frequent for w in g))
    return [
        i
        for i, g in enumerate(grams)
        if counts[g] >= min_count and segment[i] == segment[i + n - 1]
    ]


def test_frequent_ngram_starts_agree_with_the_definition() -> None:
    rng = random.Random(13)
    for _ in range(300):
        size = rng.randrange(0, 80)
        words = [rng.choice("abcdef") for _ in range(size)]
        segment = list(accumulate(rng.random() < 0.15 for _ in range(size)))
        n, min_count = rng.randrange(1, 4), rng.randrange(2, 6)
        frequent = {w for w, c in Counter(words).items() if c >= min_count}
        found = frequent_ngram_starts(words, segment, n, min_count, frequent)
        assert found == _naive_ngram_starts(words, segment, n, min_count)


def test_name_starts_keep_every_capital_a_name_can_start_with() -> None:
    rng = random.Random(14)
    words = ["Elon", "Musk", "OpenAI", "Bank", "of", "England", "iPhone", "NASA", "the", "and"]
    words += ["said", "that", "it", "was", "new", "here", "–", ",", ".", "\n", "de", "Paris"]
    found = 0
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(60)))
        t = _build_tokens(text + " and the rest of the clause goes on here")
        capitals = list(_capitals_in_prose(t))
        expected = [i for i in capitals if t.shape[i] == CAMEL or _name_end(t, i) > i]
        assert list(_name_starts(t, capitals)) == expected
        found += len(expected)
    assert found > 500


@pytest.mark.parametrize("chunk", [5, 11, 1 << 16])
def test_query_matches_find_what_the_query_pattern_finds(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rules._kw_queries._CHUNK_CHARS", chunk)
    rng = random.Random(15)
    words = ["why", "WHY", "Why", "how", "When", "wheRe", "does", "DID", "is", "can", "elon", "x"]
    words += ["-why", "’how", "xwhy", "İ", "?"]
    separators = [" ", " ", " ", "  ", "\t", "\n", "", "."]
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice(separators) for _ in range(rng.randrange(20)))
        expected = [m.span() for m in _query_re().finditer(text)]
        assert [m.span() for m in query_matches(text)] == expected
        found += len(expected)
    assert found > 200


def test_word_table_matches_the_per_word_functions() -> None:
    rng = random.Random(16)
    pieces = [
        "a",
        "B",
        "ſ",
        "S",
        "s",
        "'",
        "’",
        "Σ",
        "σ",
        "İ",
        "ǅ",
        "1",
        "x",
        "Y",
        "é",
        "ß",
        "-",
        ".",
    ]
    words = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6))) for _ in range(5000)]
    words = [w for w in words if " " not in w]
    assert lower_forms(words) == [strip_possessive(w.lower()) for w in words]
    assert list(shapes(words)) == [_shape(w) for w in words]


def test_control_characters_are_neither_breaks_nor_line_ends() -> None:
    """A stray NUL or \\x01 in a text (the tokeniser once used them as marks)
    changes no segment or line, and reported offsets still point at the words."""
    plain = "Best hiking boots for beginners. " * 6
    marked = plain.replace("for", "for\x01", 3).replace("Best", "\x00Best", 2)
    t = _build_tokens(marked)
    assert list(t.segment) == list(_build_tokens(plain).segment)
    assert set(t.lines) == {0}
    for i, word in enumerate(t.raw):
        assert marked[t.start(i) : t.end(i)] == word
