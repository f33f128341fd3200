"""TM001: relative or vague time with no anchor."""

from __future__ import annotations

import random

import pytest

from lint.document import Document
from lint.phrase_screen import SCREENED_LENGTH
from lint.phrases import load_phrases
from rules import vague_time
from rules.vague_time import VagueTime, document_date
from tests.harness import (
    SHARED,
    flagged_lines,
    flags_per_thousand_words,
    fuzz_document,
    run_rule,
    seed_text,
    shared_texts,
)

pytestmark = pytest.mark.usefixtures("screens_on")


EVERY = VagueTime(VagueTime.Options(min_relative=1))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The company announced this week that it will cut prices.", "this week"),
        ("In recent weeks, the minister has toured the region.", "In recent weeks"),
        ("The mayor resigned yesterday after the vote.", "yesterday"),
        ("Tickets go on sale tomorrow at noon.", "tomorrow"),
        ("The firm recently opened an office in Lisbon.", "recently"),
        ("Last month, the band cancelled its tour.", "Last month"),
        ("The app is currently available only in Canada.", "currently"),
        ("The feature will soon reach all users.", "will soon"),
        ("The bridge remains closed to this day.", "to this day"),
        ("At the time of writing, the servers are still down.", "At the time of writing"),
        ("Prices have climbed over the past few weeks.", "over the past few weeks"),
        ("The plant closed a few days ago.", "a few days ago"),
        ("Nowadays, most buyers pay by card.", "Nowadays"),
        ("The show returns next month on a new channel.", "next month"),
        ("Earlier this week, the court rejected the appeal.", "Earlier this week"),
        ("The council will vote later this month.", "later this month"),
        ("Until recently, the road was unpaved.", "Until recently"),
        ("The talks collapsed last night.", "last night"),
        ("The chief executive spoke to staff this morning.", "this morning"),
        ("The team signed two players last week.", "last week"),
        ("As of now, no date has been set.", "As of now"),
        ("These days, the shop opens only at weekends.", "These days"),
        ("At present, the museum is closed for repairs.", "At present"),
        ("The deal was signed three weeks ago.", "three weeks ago"),
        ("Interest in the scheme has grown in recent months.", "in recent months"),
        ("The patch is due this weekend.", "this weekend"),
        ("Lately, the service has been slow.", "Lately"),
        ("Fans gathered outside the stadium the other day.", "the other day"),
        ("The rival product is coming soon.", "coming soon"),
        ("The numbers have changed in the last few days.", "in the last few days"),
        ("On a certain day in 2023, the founder posted a video.", "On a certain day"),
        ("Not long ago, the town had no broadband.", "Not long ago"),
        ("Some time ago, the company changed its logo.", "Some time ago"),
        ("The shop closed a while back.", "a while back"),
    ],
)
def test_vague_time_flagged(text: str, phrase: str) -> None:
    (v,) = run_rule(EVERY, text)
    assert v.code == "TM001"
    assert text[v.start : v.end] == phrase
    assert v.message.startswith(f'"{phrase}"')


@pytest.mark.parametrize(
    "text",
    [
        "The company announced on 11 March 2024 that it will cut prices.",
        "This week (March 11, 2024) the minister toured the region.",
        "The mayor resigned on Tuesday, 4 June 2024.",
        "The firm opened an office in Lisbon in May 2023.",
        "Last year, the band cancelled its tour.",
        "The week after the launch, sales rose.",
        "The month began with heavy rain.",
        "He recalled the day he first saw the sea.",
        "Recent figures point to a rise in exports.",
        "She said she would answer as soon as possible.",
        "Soon after the war, the factory reopened.",
        "More recently, the author has turned to poetry.",
        "The current model has a larger screen.",
        'The coach said: "We have been playing well this week."',
        "March 11, 2024 — The company announced this week that it will cut prices.",
        "LONDON, 3 May 2024 (Reuters) - The bank said yesterday that rates will rise next month.",
        "Published: 2024-03-11\n\nThe shop closed last week and will reopen next week.",
        "By Jane Doe | 11 March 2024\n\nThe app is currently in beta. It was recently updated.",
        "In 2019, the weekly market moved to the square.",
        "Weekend traffic was light on the coast road.",
        "The monthly report covers three regions.",
        "The team trains every week in the park.",
        "He was born on 3 May 1990 and raised in Leeds.",
        "The film was shot in the summer of 2015.",
        "The currency fell against the dollar.",
        "The days of cheap flights are over.",
        "The company reported weekly sales of 200 units.",
        "Not long afterwards, the firm moved to Leeds.",
        "Yesterday's heroes gathered for a reunion on 2 June 2022.",
        "Sales recently topped a million units, the firm said on 4 April 2024.",
        "The museum is open on weekdays and closed on public holidays.",
    ],
)
def test_vague_time_clean(text: str) -> None:
    assert run_rule(EVERY, text) == []


def test_front_matter_date_anchors_relative_time() -> None:
    text = "The firm said this week that prices will fall. It recently cut staff."
    assert run_rule(EVERY, text, meta={"date": "2024-03-11"}) == []
    assert len(run_rule(EVERY, text)) == 2


def test_document_date_does_not_anchor_vague_time() -> None:
    text = "Published: March 11, 2024\n\nOn a certain day, the founder posted a video."
    assert [text[v.start : v.end] for v in run_rule(EVERY, text)] == ["On a certain day"]
    lenient = VagueTime(VagueTime.Options(vague_always=False))
    assert run_rule(lenient, text) == []


def test_full_date_in_sentence_excuses_vague_time() -> None:
    assert run_rule(EVERY, "Some time ago, on 4 May 2021, the logo changed.") == []


def test_default_needs_two_relative_phrases() -> None:
    one = "The company said this week that it will cut prices."
    two = one + " It recently hired a new chief executive."
    assert run_rule(VagueTime, one) == []
    assert len(run_rule(VagueTime, two)) == 2


def test_vague_phrase_flagged_alone_by_default() -> None:
    assert len(run_rule(VagueTime, "On a certain day, the founder posted a video.")) == 1


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("March 11, 2024 — Prices rose.", "March 11, 2024"),
        ("LONDON, 3 May 2024 (Reuters) - Prices rose.", "3 May 2024"),
        ("Published: 2024-03-11\n\nPrices rose.", "2024-03-11"),
        ("Prices rose sharply.\n\nNo date here at all.", None),
    ],
)
def test_document_date(text: str, date: str | None) -> None:
    assert document_date(Document(text)) == date


def test_headings_are_not_checked() -> None:
    assert run_rule(EVERY, "What happened this week\n\nThe market was calm.") == []


_seed = seed_text


def test_seed_lines() -> None:
    assert 7 in flagged_lines(VagueTime, _seed("003"))
    assert {5, 6} <= set(flagged_lines(VagueTime, _seed("004")))


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-03-11T10:00:00Z">',
        '<script type="application/ld+json">{"datePublished": "2024-03-11"}</script>',
        '<p>Posted <time datetime="2024-03-11">Monday</time></p>',
    ],
)
def test_html_publication_date_anchors(head: str) -> None:
    from lint.inputs import load_document

    body = "<p>The firm said this week that it recently hired staff.</p>"
    doc = load_document("page.html", f"<html><head>{head}</head><body>{body}</body></html>")
    assert document_date(doc) == "2024-03-11"
    assert list(EVERY.check(doc)) == []


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        (
            "Menu\nNews\nSport\nWeather\nTravel\nCulture\nWire November 18, 2019 11:03 PM\n",
            True,
        ),
        ("Home\nA\nB\nC\nD\nE\nBy Jane Doe Updated Nov 13, 2019, 10:28am EST\n", True),
        (
            "Home\nA\nB\nC\nD\nE\nShe was born on 3 May 1990 in a small town near the coast.\n",
            False,
        ),
    ],
)
def test_dateline_before_the_first_phrase(text: str, dated: bool) -> None:
    body = text + "\nThe firm said this week that it recently hired staff.\n"
    assert (run_rule(EVERY, body) == []) is dated


def test_news_corpus_rate_stays_low() -> None:
    assert flags_per_thousand_words(VagueTime, "corpus/news") < 0.5


# -- the sentence screen (vague_time._sentences_to_scan) ----------------------------


def _time_words() -> list[str]:
    words = "this last next week weekend month day days ago recently soon will be is the a".split()
    return [*words, "in", "past", "few", "some", "time", "certain", "on", "while", "2024"]


def _dropped_sentences_hold_no_phrase(doc: Document) -> int:
    """Every sentence the screen drops for a list is one where the list does not
    match; returns how many were dropped."""
    dropped = 0
    for phrases in load_phrases("tm_relative"), load_phrases("tm_vague"):
        keep = vague_time._sentences_to_scan(doc, phrases)
        assert keep is not None
        for i in set(range(len(doc.sentences))) - keep:
            s = doc.sentences[i]
            assert list(phrases.finditer(doc.text, s.start, s.end)) == [], doc.text[s.start : s.end]
            dropped += 1
    return dropped


def test_time_screen_keeps_every_phrase_on_real_text() -> None:
    texts = shared_texts("corpus/news") + shared_texts("corpus/web-pages")
    dropped = sum(
        _dropped_sentences_hold_no_phrase(Document(t)) for t in texts if len(t) >= SCREENED_LENGTH
    )
    assert dropped > 0


def test_time_screen_keeps_every_phrase_on_fuzzed_text() -> None:
    rng = random.Random(8)
    assert sum(
        _dropped_sentences_hold_no_phrase(fuzz_document(_time_words(), rng)) for _ in range(20)
    )


def test_time_rule_with_and_without_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """TM001's findings are the same when every sentence is scanned."""
    rng = random.Random(9)
    texts = [fuzz_document(_time_words(), rng).text for _ in range(5)]
    texts.append("Last week the company said it will ship soon. " + "It rained. " * 300)
    found = [[(v.start, v.end) for v in run_rule(VagueTime, t)] for t in texts]
    monkeypatch.setattr(vague_time, "_sentences_to_scan", lambda doc, phrases: None)
    assert found == [[(v.start, v.end) for v in run_rule(VagueTime, t)] for t in texts]
    assert any(found)


def test_a_date_needs_a_digit() -> None:
    """The digit screen before DATE_RE: wherever DATE_RE matches there is a digit,
    on real sentences and on random text of dates, months and digits of all kinds."""
    from rules.vague_time import _DIGIT, DATE_RE

    rng = random.Random(3)
    parts = ["March", "Sept.", "of", "2024", "1999", "3rd", "31", "٣", "²", "-", "/", ".", " "]
    texts = ["".join(rng.choice(parts) for _ in range(12)) for _ in range(3000)]
    texts += [  # date-shaped: month, day, year, each sometimes not a plain digit
        f"{rng.choice(parts[:3])} {rng.choice(parts[5:9])}{rng.choice([', ', ' ', '/'])}"
        f"{rng.choice(parts[3:9])}"
        for _ in range(500)
    ]
    if SHARED.is_dir():
        for text in shared_texts("corpus/news") + shared_texts("corpus/web-pages")[:20]:
            texts += [text[s.start : s.end] for s in Document(text).sentences]
    dated = 0
    for text in texts:
        if DATE_RE.search(text):
            dated += 1
            assert _DIGIT.search(text), text
    assert dated > 100
