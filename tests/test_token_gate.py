"""TokenGate: a gated scan finds exactly what ``pattern.finditer`` finds, only faster."""

from __future__ import annotations

import random
import re
from importlib import resources
from pathlib import Path

import pytest

from lint import token_gate
from lint.phrases import load_phrases
from lint.token_gate import (
    DIGITS,
    MIN_GATED_LENGTH,
    PREFIX,
    SYMBOL,
    TokenGate,
    anchor_words,
    first_words,
    word_key,
)
from rules._weasel_phrases import _weasel_re

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LISTS = sorted(  # the phrase lists (the big lexicons beside them are word sets, not lists)
    p.name[:-4]
    for p in resources.files("rules.data").iterdir()
    if p.name.endswith(".txt") and len(p.read_bytes()) < 100_000
)


@pytest.fixture(autouse=True)
def _gate_from_the_first_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Gate every long text in these tests (a run normally waits for 40 KB)."""
    monkeypatch.setattr(token_gate, "GATE_AFTER_CHARS", 0)


def _compile(body: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(body, flags)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (r"(?<![\w-])(?:delve|delves)\s+into(?![\w-])", {"delve", "delves"}),
        (r"\b(?:the\s+)?ever[- ]evolving\b", {"the", "ever"}),
        (r"(?<![\w-])(?:a\s+few|\d{1,2})\s+days\s+ago", {"a", DIGITS}),
        (r"\bLet(?:'s| us) dive\b", {"let"}),
        (r"(?<![\w-])in (?:the|this) (?:world|era) of(?![\w-])", {"in"}),
        (r"\[(?:your|insert) [^\]]+\]", {SYMBOL + "["}),  # starts with punctuation
        (r"\bcite(?:turn\d+[a-z]+\d+)+", {PREFIX + "citeturn"}),  # the word runs on
        (r"\bdelve", {PREFIX + "delve"}),  # no boundary after: "delves" too
        (r"\b(?:cart|basket)?\(\d+\)", {"cart", "basket", SYMBOL + "("}),
    ],
)
def test_first_words_are_listed(body: str, expected: set[str]) -> None:
    assert first_words(_compile(body)) == frozenset(expected)


@pytest.mark.parametrize(
    "body",
    [
        r"delve into",  # no boundary before: could match inside "undelve"
        r"\b\w+ly said\b",  # open-ended first word
        r"\s+said",  # starts with any space character
        r"\b\d+st\b",  # a number running into letters
        r"(?:cart)?\d+",  # may start mid-word with a digit
    ],
)
def test_unprovable_first_words_give_none(body: str) -> None:
    assert first_words(_compile(body)) is None


def test_anchor_words_when_the_first_word_is_open() -> None:
    pattern = _compile(r"(?<![\w-])(?:the\s+)?(?:[\w-]+\s+)?community\s+(?:says|thinks)\b")
    assert first_words(pattern) is None
    assert anchor_words(pattern) == frozenset({"community"})


def test_anchor_words_prefer_the_rarer_word() -> None:
    pattern = _compile(r"\bit\s+is\s+(?:widely|generally)\s+(?:believed|thought)\b")
    assert anchor_words(pattern) in ({"widely", "generally"}, {"believed", "thought"})


def _corpus_texts() -> list[str]:
    """Samples and real text from ../shared when present, about 300 KB in all."""
    paths = sorted((ROOT / "samples").glob("*.txt"))
    for folder in ("seeds", "corpus/news", "corpus/web-pages"):
        base = SHARED / folder
        if base.is_dir():
            paths += sorted(base.rglob("*.txt"))[:6]
    texts = [p.read_text(encoding="utf-8")[:20_000] for p in paths]
    samples = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("samples/*.txt")))
    texts.append(samples)  # long enough to be gated even without ../shared
    return [t for t in texts if len(t) >= MIN_GATED_LENGTH]


def _fuzz_text(words: list[str], rng: random.Random) -> str:
    """Text made of the patterns' own words, glued oddly: mid-word starts, hyphens,
    digits, capitals and punctuation next to every word."""
    glue = [" ", "  ", "-", "\n", ", ", ". ", "'", "’", "x", "3", "_", ""]
    parts = []
    while sum(map(len, parts)) < 3 * MIN_GATED_LENGTH:
        word = rng.choice(words)
        parts.append(word.upper() if rng.random() < 0.1 else word)
        parts.append(rng.choice(glue))
    return "".join(parts)


def _gated_vs_plain(gate: TokenGate, text: str, ranges: list[tuple[int, int]]) -> None:
    list(gate.finditer(text))
    if gate.first is not None or gate.anchors is not None:  # the gated path was taken
        assert token_gate._last_index is not None and token_gate._last_index.text is text
    for start, end in ranges:
        got = [(m.start(), m.end()) for m in gate.finditer(text, start, end)]
        want = [(m.start(), m.end()) for m in gate.pattern.finditer(text, start, end)]
        assert got == want, (gate.pattern.pattern[:80], start, end)


def _ranges(text: str, rng: random.Random) -> list[tuple[int, int]]:
    cuts = sorted(rng.sample(range(len(text)), min(12, len(text))))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+", text)][:60]
    return [(0, len(text)), *zip(cuts, cuts[1:], strict=False), *sentences]


def _gates() -> list[TokenGate]:
    return [load_phrases(name).gate for name in LISTS] + [TokenGate(_weasel_re())]


def test_gated_scan_equals_finditer_on_real_text() -> None:
    rng = random.Random(5)
    texts = _corpus_texts()
    assert texts
    for gate in _gates():
        for text in texts:
            _gated_vs_plain(gate, text, _ranges(text, rng))


def test_gated_scan_equals_finditer_on_fuzzed_text() -> None:
    rng = random.Random(11)
    for gate in _gates():
        words = re.findall(r"[^\W\d_]{2,}", gate.pattern.pattern)[:400] or ["word"]
        words += ["12", "2024", "said", "the", "a"]
        for _ in range(3):
            text = _fuzz_text(words, rng)
            _gated_vs_plain(gate, text, _ranges(text, rng))


def test_most_lists_are_gated() -> None:
    """The speed-up only works if the analysis proves word sets for most lists."""
    gated = [g for g in _gates() if g.first is not None or g.anchors is not None]
    assert len(gated) >= 0.75 * len(_gates())
    assert TokenGate(_weasel_re()).anchors is not None


def test_short_text_and_ranges_cutting_a_word_scan_plainly() -> None:
    gate = TokenGate(_compile(r"(?<![\w-])delve(?![\w-])"))
    short = "We delve in."
    assert [m.start() for m in gate.finditer(short)] == [3]
    long = ("filler " * MIN_GATED_LENGTH) + "to delvers we delve"
    cut = long.index("delvers") + len("delve")  # the range ends inside "delvers"
    got = [m.start() for m in gate.finditer(long, 0, cut)]
    assert got == [m.start() for m in gate.pattern.finditer(long, 0, cut)] == [cut - 5]


def test_a_process_gates_only_after_enough_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(token_gate, "GATE_AFTER_CHARS", 3 * MIN_GATED_LENGTH)
    monkeypatch.setattr(token_gate, "_seen_chars", 0)
    texts = [("word " * MIN_GATED_LENGTH)[: MIN_GATED_LENGTH + i] for i in range(4)]
    seen = [token_gate.worth_indexing(t) for t in texts]
    assert seen == [False, False, True, True]
    assert token_gate.worth_indexing(texts[-1])  # the same text again: counted once
    assert not token_gate.worth_indexing("short text")


def test_anchors_are_chosen_per_text_from_word_counts() -> None:
    """Where "thought" is everywhere, anchor on "widely"/"generally"; and the reverse."""
    gate = TokenGate(_compile(r"\b(?:[\w-]+\s+)?(?:widely|generally)\s+(?:believed|thought)\b"))
    assert gate.first is None and gate.anchors is not None
    musing = "I thought and thought. " * 200 + "It is widely believed so."
    index = token_gate.WordIndex(musing)
    assert index.anchor_candidates(gate.anchors) == [musing.index("widely")]
    vague = "Widely, generally, widely. " * 200 + "It is widely believed so."
    index = token_gate.WordIndex(vague)
    assert index.anchor_candidates(gate.anchors) == [vague.index("believed")]
    for text in (musing, vague):
        assert [m.span() for m in gate.finditer(text)] == [
            m.span() for m in gate.pattern.finditer(text)
        ]


@pytest.mark.parametrize("spelling", ["İt", "ıt", "IT", "ſaid", "\u212aey"])
def test_letters_that_ignorecase_folds_onto_ascii_are_not_lost(spelling: str) -> None:
    """re.IGNORECASE matches "it" in "İt" and "ıt", "said" in "ſaid", "key" in "\u212aey"."""
    gate = TokenGate(_compile(r"\b(?:it|said|key)\b"))
    text = ("Filler words here. " * 200) + f"{spelling} works."
    want = [m.span() for m in gate.pattern.finditer(text)]
    assert want, "the regex itself must match this spelling"
    assert [m.span() for m in gate.finditer(text)] == want


# -- prefix keys ("\x03turn": any word starting "turn") --------------------------------


def _plain_prefix_offsets(text: str, prefix: str) -> list[int]:
    """The plain definition: offsets of the words whose key starts with ``prefix``."""
    offsets = []
    for m in re.finditer(r"\w+", text):
        key = word_key(m.group())
        if key.startswith(prefix) and key[0] not in (DIGITS[0], SYMBOL, PREFIX):
            offsets.append(m.start())
    return offsets


def _prefixes(text: str, rng: random.Random) -> list[str]:
    """Beginnings of the text's own words (as keys), and strings most texts lack."""
    words = re.findall(r"\w+", text)
    found = [word_key(w)[: rng.randint(1, 6)] for w in rng.sample(words, min(40, len(words)))]
    return [*found, "turn", "cite", "citeturn", "ıt", "it", "i̇t", "ss", "said", "key", "qzx"]


def _prefix_offsets_agree(text: str, rng: random.Random) -> None:
    for prefix in _prefixes(text, rng):
        index = token_gate.WordIndex(text)
        want = _plain_prefix_offsets(text, prefix)
        assert index._special(PREFIX + prefix) == want, prefix
        assert index.candidates(frozenset({PREFIX + prefix})) == want, prefix


def test_prefix_keys_equal_the_plain_definition_on_real_text() -> None:
    rng = random.Random(21)
    texts = _corpus_texts()
    assert texts
    for text in texts:
        _prefix_offsets_agree(text, rng)


def test_prefix_keys_equal_the_plain_definition_on_fuzzed_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dotted and dotless i, letters that fold to two ("ß", "İ"), a combining dot
    after "i", digits, and windows small enough to cut the text many times."""
    monkeypatch.setattr(token_gate, "FOLD_WINDOW", 64)
    rng = random.Random(22)
    words = ["turn", "Turned", "TURNOUT", "cite", "citeturn0", "İt", "ıt", "i\u0307t", "it"]
    words += ["ſaid", "said", "\u212aey", "key", "straße", "STRASSE", "2024", "x2", "_i"]
    glue = [" ", "", "-", "\u0307", "İ", "ı", "3", "\n"]
    for _ in range(60):
        text = "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 200)))
        _prefix_offsets_agree(text, rng)


def test_folded_windows_find_what_the_whole_folded_text_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every short piece of the whole text folded is in some window, with
    characters that fold to two ("ß", "İ") or merge ("i" + "\\u0307")."""
    monkeypatch.setattr(token_gate, "FOLD_WINDOW", 7)
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
            windows = list(token_gate.folded_windows(text, length))
            assert any(piece in w for w in windows), (text, piece)


def test_derived_values_are_worked_out_once_per_text() -> None:
    from lint.token_gate import word_index

    calls: list[str] = []

    def build(text: str) -> int:
        calls.append(text)
        return len(text)

    text = "alpha beta gamma " * 200
    assert word_index(text).derived(build) == len(text)
    assert word_index(text).derived(build) == len(text)
    assert calls == [text]
    other = "delta " * 500
    assert word_index(other).derived(build) == len(other)  # a new text, a new value
    assert calls == [text, other]
