"""SLOP001-003: stock phrases, peacock terms, chatbot residue."""

from __future__ import annotations

import pytest

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
