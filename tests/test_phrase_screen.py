"""lint.phrase_screen: the entry screen (``PhraseList.finditer``) and the sentence
screen (``sentences_to_scan``) find exactly what the plain scans find."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from lint.document import Document
from lint.pattern_words import sre_parse
from lint.phrase_screen import SCREENED_LENGTH, sentences_to_scan
from lint.phrases import PhraseMatch, load_phrases
from rules._weasel_phrases import _weasel_re, weasel_anchors
from tests.harness import (
    SHARED,
    fuzz_document,
    sample_regex,
    shared_texts,
    weasel_words,
)

pytestmark = pytest.mark.usefixtures("screens_on")


# -- the entry screen (PhraseList.finditer) ------------------------------------------

SCREENED_LISTS = (
    "slop_stock",
    "slop_residue",
    "slop_peacock",
    "tm_relative",
    "tm_vague",
    "ww_phrases",
    "source_documents",
)


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


def _plain(name: str, text: str, start: int, end: int) -> list[PhraseMatch]:
    """The list's matches found the plain way: its pattern tried everywhere."""
    phrases = load_phrases(name)
    out = []
    for m in phrases.pattern.finditer(text, start, end):
        i = phrases.entry_index(m)
        out.append(PhraseMatch(m.start(), m.end(), phrases.entries[i], phrases.suggestions[i]))
    return out


def _scan_agrees(name: str, text: str) -> None:
    """The screened scan finds what ``finditer`` finds, over the whole text and
    over ranges of it (cut at random, often inside a word, and by sentences)."""
    phrases = load_phrases(name)
    assert list(phrases.finditer(text)) == _plain(name, text, 0, len(text)), name
    rng = random.Random(len(text))
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 40)))
    ranges = list(zip(cuts, cuts[1:], strict=False))
    ranges += [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+", text)][:80]
    for start, end in ranges:
        got = list(phrases.finditer(text, start, end))
        assert got == _plain(name, text, start, end), (name, start, end)


@pytest.mark.parametrize("name", SCREENED_LISTS)
def test_entry_screen_finds_what_finditer_finds(name: str) -> None:
    """On fuzzed text made of the list's own words, on the seeds and the corpora."""
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
    screen = load_phrases("slop_stock").screen
    keys = {"the", "a", "in", "is", "to", "council", "voted", "testament"}
    first = screen.first_words(keys, " ".join(keys))
    assert first is not None and "a" in first  # "a testament to the"
    assert "in" not in first and "let" not in first
    assert screen.first_words({"the", "council"}, "the council") == frozenset()


@pytest.mark.parametrize("name", SCREENED_LISTS)
def test_entry_screen_keeps_each_entry_alone(name: str) -> None:
    """Text holding one entry's match among unrelated words: the screen must keep
    that entry however few of the list's words are around it."""
    phrases = load_phrases(name)
    rng = random.Random(name)
    filler = "Plain words fill this line\n\n" * 80
    matched = 0
    for entry in phrases.entries:
        source = entry[3:].strip() if entry.startswith("re:") else re.escape(entry)
        parsed = sre_parse.parse(source, phrases.pattern.flags)
        for _ in range(5):
            sample = sample_regex(parsed, rng)
            text = filler + sample + rng.choice([".", " now.", ""]) + "\n" + filler
            _scan_agrees(name, text)
            matched += bool(phrases.pattern.search(text))
    assert matched >= 2 * len(phrases.entries)


@pytest.mark.parametrize("name", SCREENED_LISTS)
def test_entry_screen_range_cutting_a_word(name: str) -> None:
    """A range whose end cuts a word ("this week|end"): the pattern sees a word the
    index does not hold, so the screen must not rule the entry out."""
    phrases = load_phrases(name)
    rng = random.Random(name)
    filler = "Plain words fill this line\n\n" * 40
    found = 0
    for entry in phrases.entries:
        if entry.startswith("re:"):  # a string the entry matches, and more
            entry = sample_regex(sre_parse.parse(entry[3:].strip(), phrases.pattern.flags), rng)
        text = filler + entry + "zq and more.\n\n" + filler
        end = len(filler) + len(entry)
        got = list(phrases.finditer(text, len(filler), end))
        want = _plain(name, text, len(filler), end)
        assert got == want, entry
        found += bool(want)
    assert found


# -- the sentence screen (sentences_to_scan) -----------------------------------------


def _screen_keeps_every_match(
    doc: Document, anchors: object, scan: Callable[[str, int, int], list[object]]
) -> int:
    """Every sentence the screen drops is one where ``scan`` finds nothing;
    returns how many sentences were dropped."""
    keep = sentences_to_scan(doc, anchors)  # type: ignore[arg-type]
    assert keep is not None and keep == sorted(set(keep))
    dropped = set(range(len(doc.sentences))) - set(keep)
    for i in dropped:
        s = doc.sentences[i]
        assert scan(doc.text, s.start, s.end) == [], (i, doc.text[s.start : s.end])
    return len(dropped)


def _plain_weasels(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every match of the weasel pattern, scanned the plain way."""
    return [m.span() for m in _weasel_re().finditer(text, start, end)]


def test_sentence_screen_keeps_every_weasel_on_real_text() -> None:
    texts = [t for t in shared_texts("corpus/news") + shared_texts("corpus/web-pages")]
    dropped = 0
    for text in (t for t in texts if len(t) >= SCREENED_LENGTH):
        doc = Document(text)
        dropped += _screen_keeps_every_match(doc, weasel_anchors(), _plain_weasels)
    assert dropped > 0


def test_sentence_screen_keeps_every_weasel_on_fuzzed_text() -> None:
    rng = random.Random(3)
    for size in [6000] * 20 + [1000] * 20:  # anchors chosen for the text, and once for all
        doc = fuzz_document(weasel_words(), rng, size)
        _screen_keeps_every_match(doc, weasel_anchors(), _plain_weasels)
