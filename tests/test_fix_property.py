"""Property of the SEO safe fixes over every sample: only whole lines go, once.

Fixing the safe SEO violations of a sample must give a text that differs from the
original only by removed lines (a diff with '-' lines and no '+' lines), and linting
and fixing the result again must change nothing.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from lint.inputs import load_document
from lint.violation import Violation
from rules.seo import RULES

try:
    from lint.fix import apply_fixes
except ImportError:  # the engine's fixer is not there yet
    apply_fixes = None  # type: ignore[assignment]

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*"))
SAMPLES = [p for p in SAMPLES if p.is_file() and p.suffix in (".txt", ".md", ".html")]

pytestmark = pytest.mark.skipif(
    apply_fixes is None, reason="lint.fix.apply_fixes(text, violations, unsafe) is missing"
)


def _violations(path: Path, text: str) -> list[Violation]:
    doc = load_document(str(path), text)
    return [v for rule in RULES for v in rule().check(doc)]


def removed_lines_only(before: str, after: str) -> list[str]:
    """Diff lines that are not removals (empty when ``after`` only lost lines)."""
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [d for d in diff if d.startswith("+ ")]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_safe_seo_fixes_remove_whole_lines_only(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fixed, _ = apply_fixes(text, _violations(path, text), unsafe=False)
    assert removed_lines_only(text, fixed) == []
    assert len(fixed.splitlines()) <= len(text.splitlines())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_second_fix_pass_changes_nothing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once, _ = apply_fixes(text, _violations(path, text), unsafe=False)
    twice, applied = apply_fixes(once, _violations(path, once), unsafe=False)
    assert (twice, applied) == (once, 0)


def test_the_seo_samples_have_something_to_fix() -> None:
    """The property is not vacuous: the SEO samples do get fixed."""
    changed = 0
    for path in (p for p in SAMPLES if p.name.startswith("seo-")):
        text = path.read_text(encoding="utf-8")
        fixed, applied = apply_fixes(text, _violations(path, text), unsafe=False)
        changed += applied > 0 and fixed != text
    assert changed >= 3
