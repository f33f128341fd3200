"""lint.word_scan reads a text's index runs and document words as the plain loops do."""

from __future__ import annotations

import random
from array import array

import pytest

from lint import word_scan
from lint.document import WORD_RE, Document
from lint.pattern_words import word_key
from tests.harness import shared_texts

_RUN = r"\w+"


def plain_positions(text: str) -> dict[str, list[int]]:
    """The word index as it was built before: one ``finditer`` step per run."""
    import re

    positions: dict[str, list[int]] = {}
    for m in re.finditer(_RUN, text):
        positions.setdefault(word_key(m.group()), []).append(m.start())
    return positions


def plain_words(text: str) -> tuple[array, array]:
    starts, ends = array("q"), array("q")
    for m in WORD_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def check(text: str) -> None:
    scanned = word_scan.scan(text)
    assert scanned.positions == plain_positions(text)
    assert list(scanned.positions) == list(plain_positions(text))  # first-seen order too
    if "_" in text:
        assert scanned.words is None
    else:
        assert scanned.words == plain_words(text)


def random_text(rng: random.Random, size: int) -> str:
    """Words, numbers and non-ASCII words glued by every kind of gap, joiners
    doubled and at the ends, Turkish i's and ß (keys that casefold apart)."""
    words = ["the", "The", "THE", "don", "t", "U", "S", "3", "2024", "İstanbul", "ıi"]
    words += ["Straße", "STRASSE", "café", "naïve", "x1", "Ǆemal", "ﬁne", "١٢٣"]
    glue = [" ", "'", "’", ".", "-", "--", "..", "'.", " - ", "\n", ", ", "\t", "", "—", "/"]
    parts = []
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(words))
        parts.append(rng.choice(glue))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(40))
def test_random_text(seed: int) -> None:
    rng = random.Random(seed)
    text = random_text(rng, rng.choice([0, 1, 30, 500, 5000]))
    check(text)
    check(text.replace("_", ""))
    check("a_b " + text)  # an underscore: runs still read, document words not


def test_windows_cut_only_at_white_space(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1)
    text = random_text(rng, 20_000)
    monkeypatch.setattr(word_scan, "WINDOW", 97)  # many windows, cut mid-chain if wrong
    check(text)
    check("x" * 500 + " " + text)  # a window with no white space until late
    check(text + "y" * 300)  # none at all after the last cut


def test_real_text() -> None:
    texts = shared_texts("corpus") + shared_texts("seeds")
    for text in texts:
        check(text)


def test_document_words_read_off_the_index_are_the_plain_ones() -> None:
    rng = random.Random(5)
    for _ in range(30):  # past the warm-up: long texts are indexed
        text = random_text(rng, 6000).replace("_", "")
        doc = Document(text)
        assert (doc.words.starts, doc.words.ends) == plain_words(text)
        assert Document("a_b " + text).words.starts == plain_words("a_b " + text)[0]
