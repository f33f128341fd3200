"""A tiny harness for rule tests: run rules on a string, get codes and lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.document import Document
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


def flags_per_thousand_words(rule: Rule | type[Rule], folder: str) -> float:
    """How often ``rule`` flags the texts of ``../shared/<folder>``, per 1,000 words."""
    flags = words = 0
    for text in shared_texts(folder):
        words += len(text.split())
        flags += len(run_rule(rule, text))
    return 1000 * flags / words
