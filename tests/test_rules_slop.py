"""SLOP001-003: stock phrases, peacock terms, chatbot residue."""

from __future__ import annotations

import random
import re

import pytest

from lint.pattern_words import sre_c, sre_parse
from lint.phrases import load_phrases
from lint.token_gate import GATE_AFTER_CHARS
from rules import _weasel_phrases
from rules._weasel_phrases import entry_screen, scan_phrases
from rules.slop import ChatbotResidue, PeacockTerm, StockPhrase
from tests.harness import SHARED, flagged_lines, run_rule, shared_texts


@pytest.mark.parametrize(
    "text",
    [
        "In the rapidly evolving world of gardening, soil matters.",
        "In today's fast-paced world, few people cook.",
        "The report delves into the causes of the flood.",
        "Let's dive into the details of the budget.",
        "Teachers must navigate the complex landscape of exam rules.",
        "The old mill stands as a testament to the town's past.",
        "Her recovery is a testament to the nurses.",
        "Bees play a vital role in farming.",
        "It's important to note that the road is closed.",
        "It is worth noting that prices rose.",
        "In conclusion, the plan worked.",
        "Moving forward, the club will sell tickets online.",
        "The stakes have never been higher for the league.",
        "Grab your popcorn, sports fans: the derby is here.",
        "Buckle up, because the final is close.",
        "Only time will tell whether the strategy pays off.",
        "The merger ushers in a new era for the airline.",
        "Learn how to unlock the full potential of your garden.",
        "It's no secret that the town loves its market.",
        "Good sleep is more important than ever.",
        "The app has taken the world by storm.",
        "The cottage is nestled in the heart of the valley.",
    ],
)
def test_stock_phrase_flagged(text: str) -> None:
    assert [v.code for v in run_rule(StockPhrase, text)] == ["SLOP001"]


@pytest.mark.parametrize(
    "text",
    [
        "The council voted to close the bridge in March.",
        "His last will and testament was read on Monday.",
        "The divers dive into the lake every morning.",
        "Moving the forward line back helped the team.",
        'The mayor said "moving forward, we build homes".',
        'He said it was "a testament to the volunteers".',
        "The river plays no role in the dispute.",
        "The minister played a key role in the talks.",
        "The fast pace of change worried the board.",
    ],
)
def test_stock_phrase_clean(text: str) -> None:
    assert run_rule(StockPhrase, text) == []


def test_stock_phrase_message_carries_suggestion() -> None:
    (v,) = run_rule(StockPhrase, "This law is a testament to their work.")
    assert '"is a testament to"' in v.message
    assert "shows" in v.message


@pytest.mark.parametrize(
    "text",
    [
        "The chef runs a world-class kitchen.",
        "A revolutionary phone went on sale.",
        "The legendary singer returned.",
        "The iconic tower was repainted.",
        "Their cutting-edge lab opened in May.",
        "It was a game-changer for the industry.",
    ],
)
def test_peacock_flagged(text: str) -> None:
    found = run_rule(PeacockTerm, text)
    assert [v.code for v in found] == ["SLOP002"]
    assert str(found[0].severity) == "info"


@pytest.mark.parametrize(
    "text",
    [
        "The chef runs a kitchen with three Michelin stars.",
        "He wrote a history of the Revolutionary War.",
        'Fans called the singer "legendary" after the show.',
        "The world-class ranking came from a survey [1].",
        "The iconic tower is described at https://example.org/tower today.",
    ],
)
def test_peacock_clean(text: str) -> None:
    assert run_rule(PeacockTerm, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Certainly! Here's a detailed article on local bakeries.", "preamble"),
        ("Sure! Here is the rewritten text.", "preamble"),
        ("Here is a comprehensive, SEO-optimized article about tiles.", "preamble"),
        ("As an AI language model, I cannot give legal advice.", "self-description"),
        ("I'm sorry, but I can't help with that.", "refusal"),
        ("I cannot fulfill this request.", "refusal"),
        ("I hope this helps you plan the trip.", "sign-off"),
        ("Let me know if you'd like any changes to the tone.", "sign-off"),
        ("I'm an AI, so I cannot taste the food.", "self-description"),
        ("As a large language model, I do not have opinions.", "self-description"),
        ("As of my last knowledge update, the park was open.", "knowledge-cutoff"),
        ("My knowledge cutoff is in 2023, so prices may differ.", "knowledge-cutoff"),
        ("Written by [Your Name], March 2024.", "placeholder"),
        ("Sales grew by [insert statistic] last year.", "placeholder"),
        ("Call [Company Name] for a quote.", "placeholder"),
        ("The shop opened in 1990. [truncated]", "truncation"),
        ("The end.<|endoftext|>", "model token"),
        ("The river flooded twice.【4:0†source】", "citation token"),
        ("The river flooded twice. citeturn0search3", "citation token"),
        ("See (https://example.org/?utm_source=chatgpt.com) for more.", "link tracking"),
    ],
)
def test_residue_flagged(text: str, kind: str) -> None:
    found = run_rule(ChatbotResidue, text)
    assert [v.code for v in found] == ["SLOP003"]
    assert kind in found[0].message
    assert str(found[0].severity) == "error"


@pytest.mark.parametrize(
    "text",
    [
        "Of course, here is the catch: the tickets sold out.",
        "I hope the weather helps the harvest.",
        "The judge said she was sorry, but the law was clear.",
        'The bot replied: "As an AI language model, I cannot vote."',
        "Prices rose by 4% [2] and fell again [3].",
        "The model (a large one) was trained on news text.",
        "See the [source] link in the caption.",
        "I am an AI researcher at the university.",
        "Press [Enter] to continue.",
        "The model was trained as a large language model on web text.",
        "Let me know if you have any questions in the comments.",
        "The API returns a finish_reason: stop field.",
    ],
)
def test_residue_clean(text: str) -> None:
    assert run_rule(ChatbotResidue, text) == []


def test_offsets_point_at_phrase() -> None:
    text = "Intro line.\n\nThe park is a testament to the volunteers."
    (v,) = run_rule(StockPhrase, text)
    assert text[v.start : v.end] == "is a testament to"
    assert flagged_lines(StockPhrase, text) == [3]


@pytest.mark.parametrize(
    ("name", "line"),
    [("002_2e640d12e72ff344.txt", 9), ("000_7f1af484d6e0bf50.txt", 24)],
)
def test_seed_lines_flagged(name: str, line: int) -> None:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    assert line in flagged_lines(StockPhrase, path.read_text(encoding="utf-8"))


def test_news_corpus_has_no_residue() -> None:
    texts = shared_texts("corpus/news")
    assert texts
    hits = [v.message for text in texts for v in run_rule(ChatbotResidue, text)]
    assert hits == []


@pytest.mark.parametrize(
    ("rule", "text", "flagged"),
    [
        (StockPhrase, "In today's fast-paced digital landscape, shops must adapt.", True),
        (StockPhrase, "Email has become a cornerstone of office life.", True),
        (StockPhrase, "The merger will unlock unprecedented levels of growth.", True),
        (StockPhrase, "Analysts call it a paradigm shift for the industry.", True),
        (StockPhrase, "The cornerstone was laid in 1902 by the mayor.", False),
        (StockPhrase, "Today's market opened lower after the rate decision.", False),
        (ChatbotResidue, "I hope this article helps! Good luck.", True),
        (ChatbotResidue, "Let me know if you'd like me to expand on any section.", True),
        (ChatbotResidue, "Let me know what you think in the comments.", False),
        (ChatbotResidue, "I hope this summary was helpful.", True),
    ],
)
def test_more_stock_and_residue_phrases(rule, text: str, flagged: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(run_rule(rule, text)) is flagged


# -- the entry screen (rules._weasel_phrases.scan_phrases) --------------------------

SCREENED_LISTS = ("slop_stock", "slop_residue", "slop_peacock", "tm_relative", "tm_vague")


def _list_words(name: str) -> list[str]:
    """The words of a list's entries (regex entries read as text), and some others."""
    words = re.findall(r"[^\W\d_]+|[\[\]【】<|:†]", " ".join(load_phrases(name).entries))
    tricky = ["cıteturn0search1", "CİTETURN1news2", "TURN0SEARCH1", "turn3view0", "【4:0†source】"]
    return [*words, "the", "a", "in", "is", "it", "2024", "turn0search1", "citeturn3", *tricky]


def _fuzzed(words: list[str], rng: random.Random) -> str:
    glue = [" ", "  ", "\n", "\n\n", ", ", ". ", "'s ", "’", "-", "x", ""]
    return "".join(
        (w.upper() if rng.random() < 0.1 else w) + rng.choice(glue)
        for w in rng.choices(words, k=1500)
    )


def _scan_agrees(name: str, text: str) -> None:
    """The screened scan finds what ``finditer`` finds, over the whole text and
    over ranges of it (cut at random, often inside a word, and by sentences)."""
    phrases = load_phrases(name)
    got = list(scan_phrases(phrases, text))
    want = [(m.start(), m.end()) for m in phrases.pattern.finditer(text)]
    assert [(m.start, m.end) for m in got] == want, name
    assert got == list(phrases.finditer(text))
    rng = random.Random(len(text))
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 40)))
    ranges = list(zip(cuts, cuts[1:], strict=False))
    ranges += [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+", text)][:80]
    for start, end in ranges:
        got = list(scan_phrases(phrases, text, start, end))
        want = [(m.start(), m.end()) for m in phrases.pattern.finditer(text, start, end)]
        assert [(m.start, m.end) for m in got] == want, (name, start, end)


@pytest.mark.parametrize("name", SCREENED_LISTS)
def test_entry_screen_finds_what_finditer_finds(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """On fuzzed text made of the list's own words, on the seeds and the corpora."""
    monkeypatch.setattr(_weasel_phrases, "_screened_chars", GATE_AFTER_CHARS)
    rng = random.Random(name)
    words = _list_words(name)
    for _ in range(10):
        _scan_agrees(name, _fuzzed(words, rng))
    # sparse text: most entries have none of their words in it and are ruled out
    for _ in range(10):
        _scan_agrees(name, _fuzzed(words[:: rng.randint(3, 9)] + ["plain"] * 200, rng))
    if SHARED.is_dir():
        for folder in ("seeds", "corpus/news", "corpus/web-pages"):
            for text in shared_texts(folder):
                _scan_agrees(name, text)


def test_entry_screen_rules_out_entries() -> None:
    """In plain prose, "the", "a" and "in" are not tried for "a testament to" and
    "in conclusion": only the first words of entries whose words occur."""
    screen = entry_screen(load_phrases("slop_stock"))
    keys = {"the", "a", "in", "is", "to", "council", "voted", "testament"}
    first = screen.first_words(keys, " ".join(keys))
    assert first is not None and "a" in first  # "a testament to the"
    assert "in" not in first and "let" not in first
    assert screen.first_words({"the", "council"}, "the council") == frozenset()


def _sample(items: object, rng: random.Random) -> str:
    """A random string the parsed regex ``items`` would likely match (look-arounds
    ignored, repeats kept short): text that holds an entry's words and no others."""
    out = []
    for op, av in items:  # type: ignore[attr-defined]
        if op is sre_c.LITERAL:
            out.append(chr(av))
        elif op is sre_c.IN:
            out.append(_class_char(av, rng))
        elif op is sre_c.ANY or op is sre_c.NOT_LITERAL:
            out.append(rng.choice("ab c"))
        elif op is sre_c.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng))
        elif op is sre_c.SUBPATTERN:
            out.append(_sample(av[-1], rng))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            low, high, sub = av
            out.extend(_sample(sub, rng) for _ in range(rng.randint(low, min(high, low + 2))))
    return "".join(out)


def _class_char(av: list, rng: random.Random) -> str:
    op, value = rng.choice(av)
    if op is sre_c.LITERAL:
        return chr(value)
    if op is sre_c.RANGE:
        return chr(rng.randint(*value))
    if op is sre_c.CATEGORY:
        return {sre_c.CATEGORY_DIGIT: "7", sre_c.CATEGORY_SPACE: " "}.get(value, "w")
    return "-"


@pytest.mark.parametrize("name", SCREENED_LISTS)
def test_entry_screen_keeps_each_entry_alone(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Text holding one entry's match among unrelated words: the screen must keep
    that entry however few of the list's words are around it."""
    monkeypatch.setattr(_weasel_phrases, "_screened_chars", GATE_AFTER_CHARS)
    phrases = load_phrases(name)
    rng = random.Random(name)
    filler = "Plain words fill this line\n\n" * 80
    matched = 0
    for entry in phrases.entries:
        source = entry[3:].strip() if entry.startswith("re:") else re.escape(entry)
        parsed = sre_parse.parse(source, phrases.pattern.flags)
        for _ in range(5):
            text = filler + _sample(parsed, rng) + rng.choice([".", " now.", ""]) + "\n" + filler
            _scan_agrees(name, text)
            matched += bool(phrases.pattern.search(text))
    assert matched >= 2 * len(phrases.entries)


@pytest.mark.parametrize("name", SCREENED_LISTS)
def test_entry_screen_range_cutting_a_word(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A range whose end cuts a word ("this week|end"): the pattern sees a word the
    index does not hold, so the screen must not rule the entry out."""
    monkeypatch.setattr(_weasel_phrases, "_screened_chars", GATE_AFTER_CHARS)
    phrases = load_phrases(name)
    filler = "Plain words fill this line\n\n" * 40
    found = 0
    for entry in phrases.entries:
        if entry.startswith("re:"):
            continue
        text = filler + entry + "zq and more.\n\n" + filler
        end = len(filler) + len(entry)
        got = [(m.start, m.end) for m in scan_phrases(phrases, text, len(filler), end)]
        want = [(m.start(), m.end()) for m in phrases.pattern.finditer(text, len(filler), end)]
        assert got == want, entry
        found += bool(want)
    assert found


def test_folded_windows_find_what_the_whole_folded_text_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every short piece of the whole text folded is in some window, with
    characters that fold to two ("ß", "İ") or merge ("i" + "\\u0307")."""
    monkeypatch.setattr(_weasel_phrases, "FOLD_WINDOW", 7)
    rng = random.Random(14)
    for _ in range(200):
        text = "".join(
            rng.choice(["a", "İ", "ı", "i", "\u0307", "i\u0307", "i\u0307", "ß", " "])
            for _ in range(60)
        )
        whole = text.casefold().replace("i\u0307", "i").replace("ı", "i")
        for length in range(1, 7):
            start = rng.randrange(max(len(whole) - length, 0) + 1)
            piece = whole[start : start + length]
            windows = list(_weasel_phrases._folded_windows(text, length))
            assert any(piece in w for w in windows), (text, piece)
