"""WW001: claims attributed to an unnamed crowd."""

from __future__ import annotations

import random
import re

import pytest

from lint.document import Document
from lint.pattern_words import sre_parse
from lint.phrases import load_phrases
from rules import _weasel_phrases, weasel
from rules._claim_sources import has_named_attribution
from rules._weasel_phrases import _weasel_re, weasel_matches
from rules.weasel import WeaselAttribution
from tests.harness import (
    SHARED,
    flagged_lines,
    flags_per_thousand_words,
    fuzz_document,
    run_rule,
    sample_regex,
    seed_text,
    shared_texts,
    weasel_words,
)

pytestmark = pytest.mark.usefixtures("screens_on")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Critics argue that the plan favours large firms.", "Critics argue"),
        ("Some say the new design is harder to use.", "Some say"),
        ("Many believe the tax will be scrapped.", "Many believe"),
        ("Experts say the bridge needs urgent repairs.", "Experts say"),
        ("It is widely believed that the minister will resign.", "It is widely believed"),
        ("Research has shown that sleep improves memory.", "Research has shown"),
        ("Studies show that children learn faster outdoors.", "Studies show"),
        ("Data shows that most users never change their password.", "Data shows"),
        ("The gaming community has observed a slump.", "The gaming community has observed"),
        ("Observers note that the league has lost its edge.", "Observers note"),
        ("Analysts predict a sharp fall in prices.", "Analysts predict"),
        ("A recent study found that coffee drinkers live longer.", "A recent study found"),
        ("According to experts, the virus is spreading faster.", "According to experts"),
        ("Scientists believe the comet is older than thought.", "Scientists believe"),
        ("His critics claim the deal was rushed.", "critics claim"),
        ("Industry insiders warn that the launch may slip.", "Industry insiders warn"),
        ("Many people feel the service has got worse.", "Many people feel"),
        ("It is thought that the painting is a forgery.", "It is thought"),
        ("Evidence suggests that the drug is safe.", "Evidence suggests"),
        ("Surveys indicate that voters want change.", "Surveys indicate"),
        ("Economists warn that growth will slow.", "Economists warn"),
        ("There are those who say the club should move.", "There are those who say"),
        ("Commentators have pointed out that it is vague.", "Commentators have pointed out"),
        ("Some critics of the scheme argue it wastes money.", "Some critics of the scheme argue"),
        ("According to some analysts, the stock is overvalued.", "According to some analysts"),
        ("One study suggests the diet cuts heart disease.", "One study suggests"),
        ("Polls show that the party is losing support.", "Polls show"),
        ("Skeptics contend that the results cannot be reproduced.", "Skeptics contend"),
        ("It has been suggested that the fire was arson.", "It has been suggested"),
        ("Researchers have found that the method fails in winter.", "Researchers have found"),
        ("Most experts agree that the reform is overdue.", "Most experts agree"),
        ("Statistics show crime is falling in the north.", "Statistics show"),
        ("According to recent studies, most diets fail.", "According to recent studies"),
        ("According to a recent study, most diets fail.", "According to a recent study"),
        ("It's widely believed that the show will return.", "It's widely believed"),
        ("It was reported that the mayor would resign.", "It was reported"),
        ("Most people agree that the park is too small.", "Most people agree"),
        ("Historians agree that the treaty failed.", "Historians agree"),
        ("Studies have consistently shown that it works.", "Studies have consistently shown"),
        ("Critics may argue that the fee is too high.", "Critics may argue"),
    ],
)
def test_weasel_flagged(text: str, phrase: str) -> None:
    (v,) = run_rule(WeaselAttribution, text)
    assert v.code == "WW001"
    assert text[v.start : v.end] == phrase
    assert f'"{phrase}"' in v.message


@pytest.mark.parametrize(
    "text",
    [
        "Critics such as Jane Holt argue that the plan favours large firms.",
        "Experts at the University of Leeds say the bridge needs repairs.",
        "A 2023 Pew study found that most adults use the app.",
        "Research by the Wellcome Trust has shown that sleep improves memory.",
        "Data from the Office for National Statistics shows that rents rose.",
        "The researchers found that the method fails in winter.",
        "These studies show a clear trend in the south.",
        "The critic argued in her review that the film runs long.",
        'The minister said: "Critics argue this, but they are wrong."',
        "Critics, including the novelist Anne Frey, argue that the prize is unfair.",
        "Analysts at Morgan Stanley predict a sharp fall in prices.",
        "According to the World Health Organization, the virus is spreading.",
        "According to analysts at Jefferies, the stock is overvalued.",
        "Some of the players were tired after the match.",
        "Many of the shops closed early on Sunday.",
        "The community centre has observed a minute's silence.",
        "She believes the plan will work.",
        "The data is stored on a server in Dublin.",
        "Studies of the river's wildlife began in 1990.",
        "Our research team visited the site.",
        "Economists at the Bank of England say growth will slow.",
        "The evidence was presented in court.",
        "Scientists from CERN believe the result will hold.",
        "A study published in Nature found that bees can count.",
        "Gallup polls show that trust in banks has fallen.",
        "Figures released by the Treasury show that debt rose.",
        "Figures from the national statistics office show that rents rose.",
        "A study by researchers at Stanford found the effect was small.",
        "He said critics were wrong about the budget.",
        "Customers can report problems through the app.",
        "The report shows how the money was spent.",
        "Fans of the show say it has improved.",
        "Party donations rose, new figures show. They were published by the Electoral Commission.",
        "What critics say about the new album\n\nThe album was released in May.",
        "According to a 2023 Gallup poll, most adults agree.",
        "According to the company's own research, sales fell.",
        "According to market analysts Nielsen, sales fell.",
        "According to police figures, burglaries fell in the city.",
        "Opponents worried about the loss of parking near the school.",
        "Critics worried about the cost complained to the council.",
        'Daily Ledger, "Studies Show Rents Rise Again," May 2, 2024',
    ],
)
def test_weasel_clean(text: str) -> None:
    assert run_rule(WeaselAttribution, text) == []


def test_quotation_option() -> None:
    text = 'The minister said: "Critics argue this, but they are wrong."'
    rule = WeaselAttribution(WeaselAttribution.Options(skip_quotations=False))
    assert len(run_rule(rule, text)) == 1


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The IMF said growth was 5%.", True),
        ("Growth is expected to be 5%.", False),
        ("The show drew 5 million viewers.", False),
        ("Gallup found 40% agree.", True),
        ("Figures from the ONS show 4%.", True),
        ("Data shows 80%.", False),
        ("It was reported by Reuters that sales fell 5%.", True),
        ("Sales fell 5% (Source: ONS).", True),
        ("Gartner's latest figures put it at 5%.", True),
        ("Experts estimate the cost at $5bn.", False),
    ],
)
def test_named_attribution(text: str, named: bool) -> None:
    assert has_named_attribution(text, 0, len(text)) is named


def test_seed_lines() -> None:
    assert {24, 38} <= set(flagged_lines(WeaselAttribution, seed_text("000")))


def test_news_corpus_rate_stays_low() -> None:
    assert flags_per_thousand_words(WeaselAttribution, "corpus/news") < 0.5


# -- the screens (lint.phrase_screen) on the weasel pattern ------------------------


def _screened_weasels_agree(doc: Document) -> None:
    """``weasel_matches`` (the entry screen) finds what a plain scan finds, named
    groups left out, in every sentence."""
    text = doc.text
    for s in doc.sentences:
        want = [
            (m.start(), m.end())
            for m in _weasel_re().finditer(text, s.start, s.end)
            if not _weasel_phrases._group_is_named(text, m, s.start, s.end)
        ]
        assert [(w.start, w.end) for w in weasel_matches(text, s.start, s.end)] == want


def test_weasel_matches_screened_on_real_and_fuzzed_text() -> None:
    rng = random.Random(12)
    docs = [fuzz_document(weasel_words(), rng, size) for size in [6000] * 10 + [1000] * 10]
    if SHARED.is_dir():
        docs += [
            Document(t) for t in shared_texts("corpus/news") + shared_texts("corpus/web-pages")
        ]
    for doc in docs:
        _screened_weasels_agree(doc)


def test_weasel_rule_with_and_without_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """WW001's findings are the same when every sentence is scanned."""
    rng = random.Random(4)
    texts = [fuzz_document(weasel_words(), rng).text for _ in range(5)]
    texts += [(seed_text("003") + "\n\n") * 3] if (SHARED / "seeds").is_dir() else []
    found = [[(v.start, v.end) for v in run_rule(WeaselAttribution, t)] for t in texts]
    monkeypatch.setattr(weasel, "sentences_to_scan", lambda doc, anchors: None)
    assert found == [[(v.start, v.end) for v in run_rule(WeaselAttribution, t)] for t in texts]
    assert any(found)


def test_weasel_matches_screened_for_each_fixed_phrase() -> None:
    """Each fixed weasel phrase standing alone among unrelated words (sampled from
    its regular expression), and the rule's own examples."""
    phrases = load_phrases("ww_phrases")
    rng = random.Random(13)
    filler = "Plain words fill this line.\n\n" * 40
    texts = [filler + e + "\n\n" + filler for e in WeaselAttribution.examples_flagged]
    for entry in phrases.entries:
        source = entry[3:].strip() if entry.startswith("re:") else re.escape(entry)
        parsed = sre_parse.parse(source, phrases.pattern.flags)
        texts += [
            filler + sample_regex(parsed, rng) + " that it rains.\n\n" + filler for _ in range(4)
        ]
    found = 0
    for text in texts:
        doc = Document(text)
        _screened_weasels_agree(doc)
        found += bool(weasel_matches(text, 0, len(text)))
    assert found >= len(texts) // 2
