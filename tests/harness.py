"""A tiny harness for rule tests: run rules on a string, get codes and lines."""

from __future__ import annotations

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
