"""The document model: positions, blocks, sentences, words."""

from __future__ import annotations

import pytest

from lint.document import Document
from lint.files import InputError, decode


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("abc\ndef", "def", (2, 1)),
        ("abc\r\ndef\r\nghi", "ghi", (3, 1)),
        ("abc\r\nxy def", "def", (2, 4)),
        ("\tx target", "target", (1, 4)),  # a tab is one code point
        ("😀😀 target", "target", (1, 4)),  # emoji count as one column each
        ("日本語のテキスト target", "target", (1, 10)),
        ("line\n\n\nlast word", "word", (4, 6)),
    ],
)
def test_positions_count_code_points(text: str, needle: str, expected: tuple[int, int]) -> None:
    doc = Document(text)
    assert doc.position(text.index(needle)) == expected


def test_lines_exclude_crlf() -> None:
    doc = Document("one\r\ntwo\nthree")
    assert [doc.slice(s) for s in doc.lines] == ["one", "two", "three"]


def test_bom_is_removed_and_columns_start_after_it() -> None:
    source = decode("x.txt", "\ufeffHello world".encode())
    assert source.bom and source.text == "Hello world"
    assert Document(source.text).position(0) == (1, 1)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"abc\xff\xfedef", "invalid UTF-8 at byte 3"),
        (b"abc\x00def", "binary file"),
    ],
)
def test_decode_errors_are_one_line(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        decode("x.txt", data)
    assert fragment in str(info.value) and "\n" not in str(info.value)


HARD = (
    "The U.S. economy grew 3.5 percent last year. Dr. Smith said so. "
    'He resigned in 2018.[2] Then he left. "Is it over?" she asked. '
    "Version 3.12 is out! Really?"
)


def test_sentences_handle_abbreviations_decimals_markers_and_quotes() -> None:
    doc = Document(HARD)
    assert [doc.slice(s) for s in doc.sentences] == [
        "The U.S. economy grew 3.5 percent last year.",
        "Dr. Smith said so.",
        "He resigned in 2018.[2]",
        "Then he left.",
        '"Is it over?" she asked.',
        "Version 3.12 is out!",
        "Really?",
    ]


def test_sentences_never_cross_blocks() -> None:
    doc = Document("A heading\n\nFirst sentence here. Second one\n\nNext block.")
    texts = [doc.slice(s) for s in doc.sentences]
    assert texts == ["A heading", "First sentence here.", "Second one", "Next block."]
    assert doc.sentences[0].block == 0 and doc.sentences[-1].block == 2


def test_blocks_kinds() -> None:
    text = (
        "Title of the article\n\n"
        "A paragraph that is a sentence. It has two.\n\n"
        "- first item\n- second item\n\n"
        "> quoted line\n> continues\n"
    )
    doc = Document(text)
    kinds = [(b.kind, doc.slice(b)) for b in doc.blocks]
    assert kinds == [
        ("heading", "Title of the article"),
        ("text", "A paragraph that is a sentence. It has two."),
        ("list", "- first item"),
        ("list", "- second item"),
        ("quote", "> quoted line\n> continues"),
    ]


def test_hard_wrapped_lines_join_but_short_lines_stand_alone() -> None:
    wrapped = (
        "This paragraph was wrapped by an editor at a fixed width of\n"
        "about sixty characters, so its lines belong together.\n\n"
        "0 views\nA long scraped paragraph sits on its own line here.\n"
    )
    doc = Document(wrapped)
    assert [doc.slice(b).split()[0] for b in doc.blocks] == ["This", "0", "A"]
    assert doc.sentences[0].end > wrapped.index("sixty characters")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Don't stop e-mail U.S. 3.5 times", ["Don't", "stop", "e-mail", "U.S", "3.5", "times"]),
        ("naïve café — 東京", ["naïve", "café", "東京"]),
    ],
)
def test_words(text: str, words: list[str]) -> None:
    doc = Document(text)
    assert [doc.slice(w) for w in doc.words] == words
    assert doc.word_count == len(words)


def test_words_in_range() -> None:
    doc = Document("alpha beta gamma delta")
    assert [doc.slice(w) for w in doc.words_in(6, 16)] == ["beta", "gamma"]


def test_very_long_single_line_is_split_linearly() -> None:
    text = "This is a sentence with some words. " * 20000
    doc = Document(text)
    assert len(doc.sentences) == 20000
    assert doc.position(len(text) - 1) == (1, len(text))


def test_raw_must_match_length() -> None:
    with pytest.raises(ValueError):
        Document("abc", raw="abcd")


def test_lines_agree_with_the_plain_definition_on_random_text() -> None:
    """Line starts follow each "\\n"; a line ends before its "\\n" or "\\r\\n"."""
    import random
    import re

    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("ab \r\n\n\u2028é") for _ in range(rng.randint(0, 40)))
        starts = [0] + [m.end() for m in re.finditer(r"\r?\n", text)]
        expected = []
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            if end > start and text[end - 1] == "\n":
                end -= 1
                if end > start and text[end - 1] == "\r":
                    end -= 1
            expected.append((start, end))
        doc = Document(text)
        assert list(doc.line_starts) == starts
        assert [tuple(span) for span in doc.lines] == expected


def test_spans_holding_equals_looking_up_every_offset() -> None:
    import random

    rng = random.Random(4)
    text = "\n\n".join(
        " ".join(rng.choice(["Word.", "Two words.", "x", "Yes!"]) for _ in range(rng.randint(1, 9)))
        for _ in range(60)
    )
    doc = Document(text)
    for _ in range(50):
        offsets = sorted(rng.sample(range(len(text)), rng.randint(0, 40)))
        for spans, index_at, holding in (
            (doc.blocks, doc.block_index_at, doc.blocks_holding),
            (doc.sentences, doc.sentence_index_at, doc.sentences_holding),
        ):
            plain = sorted({i for p in offsets if (i := index_at(p)) >= 0 and p < spans[i].end})
            assert holding(offsets) == plain
