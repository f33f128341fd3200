"""lint/stats.py: per-file figures for --stats and the quality score."""

from __future__ import annotations

import io
import json
import random
import re
from collections import Counter

import pytest
from rich.console import Console

from lint.document import Document
from lint.stats import (
    Readability,
    family,
    file_stats,
    measure_block,
    measure_prose,
    quality_score,
    render_stats,
    sentences_per_block,
    sentences_per_block_plain,
    syllables,
    word_count_in,
)
from lint.violation import Diagnostic, Severity
from tests.harness import shared_texts

ARTICLE = (
    "Harbour Reopens\n\n"
    "The harbour reopened on Monday after two years of repairs. Boats came back at dawn.\n\n"
    "The council paid for the new wall. It cost less than planned, and the work ended early.\n\n"
    "- fish market\n- ferry office\n"
)


def diag(code: str, severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic("a.txt", 1, 1, 1, 2, code, "message", severity)


def test_file_stats_figures() -> None:
    doc = Document(ARTICLE, path="a.txt")
    stats = file_stats(doc, [diag("SLOP001"), diag("SLOP003", Severity.ERROR), diag("RD001")])
    assert stats["path"] == "a.txt"
    assert stats["words"] == doc.word_count == len(ARTICLE.replace("-", " ").split())
    assert stats["sentences"] == len(doc.sentences) == 7  # a title, 4 prose, 2 list items

    assert stats["paragraphs"] == 4  # two prose paragraphs, two list items
    assert 60 < stats["flesch_reading_ease"] < 100
    assert 0 < stats["flesch_kincaid_grade"] < 10
    assert stats["reading_time_min"] == round(doc.word_count / 238, 1)
    assert stats["flags"] == 3
    per_k = 1000 * 2 / doc.word_count
    assert stats["flags_per_1000_words"]["SLOP"] == pytest.approx(per_k, abs=0.01)
    assert set(stats["flags_per_1000_words"]) == {"SLOP", "RD"}
    assert 0 <= stats["quality_score"] < 100
    json.dumps(stats)  # JSON-ready


def test_stats_accept_dicts() -> None:
    doc = Document(ARTICLE, path="a.txt")
    as_dicts = [diag("SLOP001").to_dict()]
    assert (
        file_stats(doc, as_dicts)["flags_per_1000_words"]
        == file_stats(doc, [diag("SLOP001")])["flags_per_1000_words"]
    )


@pytest.mark.parametrize(
    ("code", "expected"), [("SLOP001", "SLOP"), ("RD002", "RD"), ("LT004", "LT"), ("DUP001", "DUP")]
)
def test_family(code: str, expected: str) -> None:
    assert family(code) == expected


def test_quality_score_orders_articles() -> None:
    clean = quality_score(1000, [], 60.0)
    some = quality_score(1000, [diag("SLOP001")] * 3, 60.0)
    errors = quality_score(1000, [diag("SLOP003", Severity.ERROR)] * 3, 60.0)
    hard = quality_score(1000, [], 10.0)
    assert clean == 100.0
    assert errors < some < clean
    assert hard == 80.0  # readability penalty capped at 20
    assert quality_score(1000, [diag("X001", Severity.ERROR)] * 50, 60.0) == 0.0
    assert quality_score(0, [], 60.0) == 0.0


def test_empty_document() -> None:
    stats = file_stats(Document("", path="e.txt"), [])
    assert stats["words"] == 0
    assert stats["flesch_reading_ease"] == 0.0
    assert stats["quality_score"] == 0.0


def test_render_stats_prints_a_table_per_file() -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None)
    docs = [Document(ARTICLE, path="a.txt"), Document(ARTICLE, path="b.txt")]
    render_stats([file_stats(d, [diag("SLOP001")]) for d in docs], console)
    text = out.getvalue()
    assert "a.txt" in text and "b.txt" in text
    assert text.count("Flesch reading ease") == 2
    assert "SLOP per 1,000 words" in text
    assert "quality score" in text


WORDY = (
    "The U.S. rate rose 3.5% in well-known towns, e.g. Leeds -- and O'Brien's café. "
    "Prices: £5bn, 10th place, 1990s...\n\n  Next paragraph   here.\n\n"
)


@pytest.mark.parametrize("text", [ARTICLE, WORDY, "", "word", "  a  ", "x-y z.w 'q'"])
def test_word_count_in_matches_words_in(text: str) -> None:
    """The span-free count equals ``len(words_in)`` on every range of the text."""
    doc = Document(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert word_count_in(doc, start, end) == len(doc.words_in(start, end)), (start, end)


def test_measure_block_syllables_are_textstats() -> None:
    import textstat

    doc = Document(ARTICLE + WORDY)
    per_block = sentences_per_block(doc)
    for index, block in enumerate(doc.blocks):
        r = measure_block(doc, block, per_block[index])
        assert r.syllables == textstat.syllable_count(doc.slice(block))
        assert r.words == len(doc.words_in(block.start, block.end))
    assert syllables("dictionary") == textstat.syllable_count("dictionary") == 4


def test_measure_prose_reuses_sentence_counts() -> None:
    doc = Document(ARTICLE)
    assert measure_prose(doc) == measure_prose(doc, sentences_per_block(doc))


@pytest.mark.parametrize(
    "text",
    [
        "The cat sat on the mat. The dog lay by the door.",
        "Notwithstanding institutional apprehension, the reorganisation went ahead. "
        "Comprehensive reconsideration followed.",
    ],
)
def test_flesch_formulas_agree_with_textstat(text: str) -> None:
    """Given textstat's own counts, the Flesch figures are textstat's (unrounded)."""
    import textstat
    from textstat.backend import metrics

    r = Readability(
        textstat.lexicon_count(text), textstat.sentence_count(text), textstat.syllable_count(text)
    )
    assert r.flesch_reading_ease == pytest.approx(metrics.flesch_reading_ease(text, "en_US"))
    assert r.flesch_kincaid_grade == pytest.approx(metrics.flesch_kincaid_grade(text, "en_US"))


def test_sentences_per_block_counts_the_pieces() -> None:
    """The fast count equals the number of ``sentence_pieces`` of each block's sentences."""
    from collections import Counter

    from lint.stats import sentence_pieces

    text = ARTICLE + WORDY + 'He left at 5 p.m. Then she said "go." Next day. "Yes," he said! Ok.'
    doc = Document(text)
    expected: Counter[int] = Counter()
    for s in doc.sentences:
        expected[s.block] += len(list(sentence_pieces(doc, s)))
    assert sentences_per_block(doc) == expected
    assert sum(expected.values()) > len(doc.sentences)  # some missed ends were cut


#: The missed-end pattern as first written (look-behind first), for the comparison below.
_MISSED_END_FIRST = re.compile(r"(?<=[a-z0-9%)\]])[.!?][\"”’]?\s+(?=[\"“]?[A-Z])")


def _per_block_first_way(doc: Document) -> Counter[int]:
    counts: Counter[int] = Counter()
    for s in doc.sentences:
        counts[s.block] += 1 + len(_MISSED_END_FIRST.findall(doc.text, s.start, s.end))
    return counts


def _fuzz_sentences(rng: random.Random) -> str:
    pieces = [
        "word",
        "Word",
        "3",
        "a%",
        "x)",
        "y]",
        ".",
        "!",
        "?",
        '"',
        "”",
        "’",
        "“",
        " ",
        "  ",
        "\n",
        "\n\n",
        "U.S.",
        "p.m.",
        "Dr.",
        "A",
        "Z",
        "## Head",
        "- item",
        "'",
        "(",
        "é",
    ]
    return "".join(rng.choice(pieces) for _ in range(3000))


def test_sentences_per_block_agrees_with_a_scan_per_sentence() -> None:
    """One scan of the whole text counts what one ``findall`` per sentence counts."""
    rng = random.Random(2)
    texts = [_fuzz_sentences(rng) for _ in range(30)]
    texts += [ARTICLE + WORDY + 'He left at 5 p.m. Then she said "go." Next day. "Yes," he said!']
    for folder in ("corpus/news", "corpus/web-pages"):
        try:
            texts += shared_texts(folder)
        except pytest.skip.Exception:
            pass
    cut = 0
    for text in texts:
        doc = Document(text)
        want = _per_block_first_way(doc)
        assert sentences_per_block(doc) == want == sentences_per_block_plain(doc)
        cut += sum(want.values()) - len(doc.sentences)
    assert cut > 0
