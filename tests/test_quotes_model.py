"""Document.quotations: what counts as a quotation, and how quote marks pair."""

from __future__ import annotations

import random

import pytest

from lint.document import Document
from tests.harness import real_texts


def inners(text: str) -> list[str]:
    doc = Document(text)
    return [text[q.inner_start : q.inner_end] for q in doc.quotations]


def kinds(text: str) -> list[str]:
    return [q.kind for q in Document(text).quotations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # straight and curly double quotes
        (
            'The mayor said "we will rebuild the harbour wall" on Friday.',
            ["we will rebuild the harbour wall"],
        ),
        (
            "The mayor said “we will rebuild the harbour wall” on Friday.",
            ["we will rebuild the harbour wall"],
        ),
        # a quote that runs over a line break inside one paragraph
        (
            'The mayor said "we will rebuild the harbour wall before the\n'
            'winter storms arrive" at the meeting on Friday evening.',
            ["we will rebuild the harbour wall before the\nwinter storms arrive"],
        ),
        # two quotes in one sentence
        (
            '"The wall is finished," the engineer said, "and the road opens soon."',
            ["The wall is finished,", "and the road opens soon."],
        ),
        # a partial quote inside a sentence
        (
            'The report called the delays "an avoidable failure of planning" in its summary.',
            ["an avoidable failure of planning"],
        ),
        # a short quote introduced by a colon or a verb is a quotation
        ('The coach had one word for it: "Shameful."', ["Shameful."]),
        ('"Never again," she said after the match.', ["Never again,"]),
        ('The club promised to "rebuild the squad."', ["rebuild the squad."]),
        # single quotes only when unambiguous
        (
            "The pilot radioed 'we have lost an engine and are turning back' at noon.",
            ["we have lost an engine and are turning back"],
        ),
        ("The players' union met the owners' lawyers on Tuesday.", []),
        ("Don't say it's over: the '90s band is touring again.", []),
        # two closing single marks typed for one closing double mark
        (
            "“It was an attempt to mislead voters,’’ the director told the BBC.",
            ["It was an attempt to mislead voters,"],
        ),
        # nested single quotes belong to the outer quotation
        (
            "\"He told me 'wait here' and then he left,\" the driver said.",
            ["He told me 'wait here' and then he left,"],
        ),
    ],
)
def test_quotations_found(text: str, expected: list[str]) -> None:
    assert inners(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'The engine is a "black box" to most drivers.',  # scare quotes
        'Critics called the plan "reckless" and "naive".',  # one-word terms
        'Nobody knows what the word "synergy" means here.',  # a word as a word
        'The boxer Rocky "The Hammer" Diaz retired in May.',  # a nickname
        'She reviewed the film "The Long Road Home" for the paper.',  # a title
        'The device is marketed as "the phone that never needs charging" in ads.',
        'People search for "how to lose weight fast" every January.',  # a search query
        'Her novel "The remains of the day and night" sold well.',  # a title in sentence case
        'A sign reading "No entry after dark for anyone" hangs by the gate.',
    ],
)
def test_terms_titles_and_nicknames_are_not_quotations(text: str) -> None:
    assert inners(text) == []


def test_a_quoted_paragraph_is_a_block_quotation() -> None:
    text = (
        "The minister replied briefly:\n\n"
        '"We have heard the concerns and we will publish the figures next week."\n\n'
        "The session then ended."
    )
    assert kinds(text) == ["block"]


def test_markdown_block_quote() -> None:
    text = "The letter said:\n\n> We will not sell the land.\n> Not now, not ever.\n\nThen..."
    doc = Document(text)
    (q,) = doc.quotations
    assert q.kind == "block"
    assert text[q.inner_start : q.inner_end].startswith("We will not sell the land.")


def test_unclosed_quote_stops_at_the_paragraph_end() -> None:
    text = (
        'The chairman said "we will not resign and we will fight on.\n\n'
        'The next paragraph is plain prose with a "proper quotation of five words" in it.'
    )
    doc = Document(text)
    first, second = doc.quotations
    assert text[first.inner_start : first.inner_end].endswith("fight on.")
    assert first.end == text.index("\n\n")
    assert text[second.inner_start : second.inner_end] == "proper quotation of five words"


def test_quote_running_over_paragraph_breaks_lost_in_extraction() -> None:
    # The newsroom convention: a new paragraph of the same quote reopens with a
    # quote mark and no closing one; flattened, it reads `... now. "And ...`.
    text = 'She told the panel: "We are ready to start now. "And we will finish on time."'
    assert inners(text) == ['We are ready to start now. "And we will finish on time.']


def test_pairing_stays_inside_unbalanced_paragraphs() -> None:
    """No quotation runs on past its paragraph (what kept pairing linear; the speed
    itself is measured by benchmarks/linearity.py, not timed here)."""
    para = 'He said "this never closes and just goes on and on ' * 50
    text = "\n\n".join([para] * 400)  # about 1 MB, every paragraph unbalanced
    found = Document(text).quotations
    assert all(q.end - q.start <= len(para) for q in found)


def test_block_quote_holding_quote_marks_yields_those() -> None:
    text = '> "We will not sell the land, not now and not ever," the farmer said.'
    (q,) = Document(text).quotations
    assert q.kind == "inline"
    assert text[q.inner_start : q.inner_end] == "We will not sell the land, not now and not ever,"


def _quote_soup(rng: random.Random) -> str:
    """Prose dense with every kind of quote mark, apostrophe, break and block quote."""
    pieces = (
        'He said "', '" she', "“", "”", "„", "'", "‘", "’", "’’", "''", " don't ", " players' ",
        " 'staches ", "\n", "\n\n", "\n\n> ", ". ", ", ", ": ", " word ", " Two Words ",
        " the end. ", "(", ")", " — ", "said.", "?", "!",
    )  # fmt: skip
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))


def test_jumping_to_quote_marks_equals_stepping_through_every_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    from lint import quotes

    rng = random.Random(5)
    texts = [_quote_soup(rng) for _ in range(600)]
    fast = [list(Document(t).quotations) for t in texts]
    every_char = re.compile(r"(?s).")
    for name in ("_DOUBLE_OR_CLOSING_SINGLE", "_SINGLE_MARK"):
        monkeypatch.setattr(quotes, name, every_char)
    monkeypatch.setattr(quotes, "char_offsets", lambda text, chars: list(range(len(text))))
    slow = [list(Document(t).quotations) for t in texts]
    assert sum(map(len, slow)) > 300
    assert fast == slow


@pytest.mark.parametrize(
    ("marks", "start", "end", "found"),
    [([], 0, 10, False), ([5], 0, 5, False), ([5], 5, 6, True), ([1, 9], 2, 9, False)],
)
def test_has_mark(marks: list[int], start: int, end: int, found: bool) -> None:
    from lint.quotes import _has_mark

    assert _has_mark(marks, start, end) is found


# -- fast paths agree with the plain definitions ----------------------------------
def _introducer_soup(rng: random.Random) -> str:
    from lint.phrases import load_phrases

    words = [*load_phrases("qt_term_introducers").entries, "DUBBED", "Known  as", "aſ", "İ"]
    pieces = [*words, " ", "  ", "\t", "\n", ",", ":", ", ", '"', "“", "word", "(", "-", "é"]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))


def test_introducer_prefilter_agrees_with_the_search() -> None:
    from lint.quotes import INTRODUCER_WINDOW, _introduced, _introducer_re

    rng = random.Random(31)
    found = 0
    for _ in range(800):
        text = _introducer_soup(rng)
        for end in range(0, len(text) + 1, 2):
            start = max(0, end - INTRODUCER_WINDOW)
            plain = _introducer_re().search(text, start, end) is not None
            assert _introduced(text, end) == plain, (text, end)
            found += plain
    assert found > 1000


def test_masked_text_blanks_as_a_substitution() -> None:
    import re

    from lint.quotes import _blank

    for inner in ["", "a", "two words", "a\nb", "\n\n", "x\r\ny ", "é\u00a0\n"]:
        assert _blank(inner) == re.sub(r"[^\n]", " ", inner)


def test_mark_offsets_are_every_quote_mark() -> None:
    import re

    from lint.char_offsets import char_offsets
    from lint.quotes import _MARKS

    rng = random.Random(32)
    marks = 0
    for text in [_quote_soup(rng) for _ in range(300)]:
        want = [m.start() for m in re.finditer("[\"“”„'‘’]", text)]
        assert char_offsets(text, _MARKS) == want
        marks += len(want)
    assert marks > 1000


def test_term_test_reading_few_words_agrees_with_reading_all() -> None:
    from lint.document import WORD_RE, Quotation
    from lint.quotes import (
        _INNER_PUNCT,
        TERM_MAX_WORDS,
        _introduced,
        _pair_block,
        _short_quote,
        _title_case,
        is_term,
    )

    def plain(text: str, q: Quotation) -> bool:
        inner = text[q.inner_start : q.inner_end].strip()
        words = WORD_RE.findall(inner)
        if not words or _introduced(text, q.start):
            return True
        has_punct = bool(_INNER_PUNCT.search(inner.rstrip(".,")) or inner[-1:] in "!?…")
        if len(words) <= TERM_MAX_WORDS:
            return not _short_quote(text, q, inner)
        return not has_punct and _title_case(words)

    rng = random.Random(33)
    texts = [_quote_soup(rng) for _ in range(600)]
    texts += real_texts()
    seen = [0, 0]
    for text in texts:
        for block in Document(text).blocks:
            for q in _pair_block(text, block.start, block.end):
                assert is_term(text, q) == plain(text, q), text[q.start : q.end]
                seen[is_term(text, q)] += 1
    assert min(seen) > 200


def test_single_quotes_found_from_any_start_as_by_every_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lint import quotes

    rng = random.Random(34)
    cases = []
    for _ in range(400):
        text = _quote_soup(rng)
        start, end = sorted(rng.sample(range(len(text) + 1), 2)) if len(text) > 1 else (0, 1)
        cases.append((text, start, end))
    cases.append(("it's 'a b' c", 2, 12))  # a mark at the start, a letter on each side
    fast = [list(quotes._singles(t, s, e)) for t, s, e in cases]
    monkeypatch.setattr(quotes, "_single_marks", lambda text, start, end: range(start, end))
    assert fast == [list(quotes._singles(t, s, e)) for t, s, e in cases]
    assert sum(map(len, fast)) > 20


def test_gaps_without_single_marks_give_no_mark_to_pair() -> None:
    """``_singles`` returns at once where the gap holds none of the three
    single marks: ``_single_marks`` then has nothing to give either."""
    from lint import quotes
    from tests.harness import SHARED

    rng = random.Random(35)
    texts = [_quote_soup(rng) for _ in range(400)]
    for folder in ("corpus/news", "seeds"):
        paths = sorted((SHARED / folder).rglob("*.txt")) if (SHARED / folder).is_dir() else []
        texts += [p.read_text("utf-8") for p in paths]
    skipped = 0
    for text in texts:
        for _ in range(20):
            start, end = sorted(rng.sample(range(len(text) + 1), 2)) if len(text) > 1 else (0, 1)
            end = min(end, start + rng.choice((5, 40, 400)))
            if not any(ch in text[start:end] for ch in quotes.SINGLE):
                assert list(quotes._single_marks(text, start, end)) == []
                assert list(quotes._singles(text, start, end)) == []
                skipped += 1
    assert skipped > 1000


def _model_texts(rng: random.Random) -> list[str]:
    """Quote soup, soup in paragraphs and block quotes, and the shared corpora."""

    texts = [_quote_soup(rng) for _ in range(600)]
    texts += ["\n\n".join(_quote_soup(rng) for _ in range(rng.randint(2, 8))) for _ in range(200)]
    texts += real_texts()
    return texts


def test_reading_only_blocks_with_marks_or_block_quotes_finds_every_quotation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lint import quotes

    texts = _model_texts(random.Random(36))
    fast = [list(Document(t).quotations) for t in texts]
    monkeypatch.setattr(quotes, "_blocks_to_read", lambda doc, marks: range(len(doc.blocks)))
    slow = [list(Document(t).quotations) for t in texts]
    assert fast == slow
    assert sum(map(len, slow)) > 1000


def test_first_words_read_from_the_start_decide_terms_as_all_words_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from itertools import islice

    from lint import quotes

    def plain(inner: str) -> list[str]:
        return [m.group() for m in islice(quotes._WORD.finditer(inner), quotes.TERM_MAX_WORDS + 1)]

    rng = random.Random(37)
    words = ["a", "word", "don't", "U.S.", "co-op", "_", "—", " ", "  ", ".", "x" * 70, "\n"]
    inners = ["".join(rng.choices(words, k=rng.randint(0, 40))) for _ in range(3000)]
    for inner in inners:
        fast, want = quotes._first_words(inner), plain(inner)
        assert (bool(fast), min(len(fast), 4)) == (bool(want), min(len(want), 4)), inner
    texts = _model_texts(rng)
    fast_terms = [[quotes.is_term(t, q) for q in Document(t).quotations] for t in texts]
    monkeypatch.setattr(quotes, "_first_words", plain)
    assert fast_terms == [[quotes.is_term(t, q) for q in Document(t).quotations] for t in texts]
