"""A tiny harness for rule tests: run rules on a string, get codes and lines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lint.document import Document, Sentence
from lint.pattern_words import sre_c
from lint.rule import Rule
from lint.violation import Violation


def run_rule(rule: Rule | type[Rule], text: str, **doc_kwargs: object) -> list[Violation]:
    """Violations of one rule on ``text`` (a Rule class is built with default options)."""
    instance = rule() if isinstance(rule, type) else rule
    doc = Document(text, **doc_kwargs)  # type: ignore[arg-type]
    return sorted(instance.check(doc), key=lambda v: (v.start, v.code))


def flagged_lines(rule: Rule | type[Rule], text: str, **doc_kwargs: object) -> list[int]:
    """1-based line numbers that ``rule`` flags in ``text``."""
    doc = Document(text, **doc_kwargs)  # type: ignore[arg-type]
    instance = rule() if isinstance(rule, type) else rule
    return sorted({doc.position(v.start)[0] for v in instance.check(doc)})


# -- ../shared (test data beside the repository; tests skip cleanly without it) --------

SHARED = Path(__file__).resolve().parents[2] / "shared"


def seed_text(prefix: str) -> str:
    """The seed article whose file name starts with ``prefix`` ("003"), or skip."""
    files = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip("shared seeds not available")
    return files[0].read_text(encoding="utf-8")


def shared_texts(folder: str) -> list[str]:
    """Every ``.txt`` file under ``../shared/<folder>``, in name order, or skip."""
    base = SHARED / folder
    if not base.is_dir():
        pytest.skip(f"shared {folder} not available")
    return [p.read_text(encoding="utf-8") for p in sorted(base.rglob("*.txt"))]


def real_texts(*folders: str) -> list[str]:
    """Every ``.txt`` file under ``../shared/<folder>`` for each folder (by default
    both corpora and the seeds), in name order; nothing when ../shared is absent
    (for tests that also run on texts of their own)."""
    out: list[str] = []
    for folder in folders or ("corpus/news", "corpus/web-pages", "seeds"):
        base = SHARED / folder
        if base.is_dir():
            out += [p.read_text(encoding="utf-8") for p in sorted(base.rglob("*.txt"))]
    return out


def random_and_real_texts(
    pieces: list[str], rng: random.Random, count: int, length: int, news: int = 10, web: int = 5
) -> list[str]:
    """``count`` texts of ``length`` random ``pieces``, then the first ``news``
    news texts and ``web`` web pages of ../shared/corpus when it is there."""
    texts = ["".join(rng.choice(pieces) for _ in range(length)) for _ in range(count)]
    return texts + real_texts("corpus/news")[:news] + real_texts("corpus/web-pages")[:web]


def flags_per_thousand_words(rule: Rule | type[Rule], folder: str) -> float:
    """How often ``rule`` flags the texts of ``../shared/<folder>``, per 1,000 words."""
    flags = words = 0
    for text in shared_texts(folder):
        words += len(text.split())
        flags += len(run_rule(rule, text))
    return 1000 * flags / words


# -- fuzzed text for the phrase screens (lint.phrase_screen) ------------------------


def fuzz_document(words: list[str], rng: random.Random, size: int = 6000) -> Document:
    """Text of the given words glued oddly, cut into random "sentences" (many ends
    right after a word, often inside a longer one: "say|x"), so a sentence screen
    meets every case a segmenter could make."""
    glue = [" ", "  ", "-", "\n", ", ", ". ", "'", "’", "x", "3", "_", ""]
    parts: list[str] = []
    word_ends: list[int] = []
    length = 0
    while length < size:
        word = rng.choice(words)
        parts.append(word.upper() if rng.random() < 0.1 else word)
        length += len(parts[-1])
        word_ends.append(length)
        parts.append(rng.choice(glue))
        length += len(parts[-1])
    text = "".join(parts)
    cuts = set(rng.sample(range(1, len(text)), size // 100))
    cuts |= set(rng.sample(word_ends[:-1], size // 60))
    doc = Document(text)
    bounds = [0, *sorted(cuts), len(text)]
    doc.__dict__["sentences"] = tuple(
        Sentence(a, b, 0) for a, b in zip(bounds, bounds[1:], strict=False)
    )
    return doc


def weasel_words() -> list[str]:
    """Words of the weasel pattern (and some others), to fuzz its screens with."""
    words = "critics argue studies show experts say it is widely believed that research".split()
    extra = ["the", "some", "many", "say", "found", "week", "Pew", "2023", "survey", "according"]
    extra += ["to", "community", "says", "scientific", "a", "an", "one", "study", "suggests"]
    return [*words, *extra]


def sample_regex(items: object, rng: random.Random) -> str:
    """A random string the parsed regex ``items`` (``sre_parse.parse``) would
    likely match (look-arounds ignored, repeats kept short): text that holds an
    entry's words and no others."""
    out = []
    for op, av in items:  # type: ignore[attr-defined]
        if op is sre_c.LITERAL:
            out.append(chr(av))
        elif op is sre_c.IN:
            out.append(_class_char(av, rng))
        elif op is sre_c.ANY or op is sre_c.NOT_LITERAL:
            out.append(rng.choice("ab c"))
        elif op is sre_c.BRANCH:
            out.append(sample_regex(rng.choice(av[1]), rng))
        elif op is sre_c.SUBPATTERN:
            out.append(sample_regex(av[-1], rng))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            low, high, sub = av
            out.extend(sample_regex(sub, rng) for _ in range(rng.randint(low, min(high, low + 2))))
    return "".join(out)


def _class_char(av: list, rng: random.Random) -> str:
    op, value = rng.choice(av)
    if op is sre_c.LITERAL:
        return chr(value)
    if op is sre_c.RANGE:
        return chr(rng.randint(*value))
    if op is sre_c.CATEGORY:
        return {sre_c.CATEGORY_DIGIT: "7", sre_c.CATEGORY_SPACE: " "}.get(value, "w")
    return "-"
