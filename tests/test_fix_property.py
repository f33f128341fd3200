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

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = sorted((ROOT / "samples").glob("*"))
SAMPLES = [p for p in SAMPLES if p.is_file() and p.suffix in (".txt", ".md", ".html")]

pytestmark = pytest.mark.skipif(
    apply_fixes is None, reason="lint.fix.apply_fixes(text, violations, unsafe) is missing"
)


def _violations(path: Path, text: str) -> list[Violation]:
    doc = load_document(str(path), text)
    return [v for rule in RULES for v in rule().check(doc)]


def added_or_changed(before: str, after: str) -> list[str]:
    """Lines of ``after`` that are not in ``before`` (empty when ``after`` only lost
    whole lines). autojunk is off: its heuristics turn long deletions into replacements."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        line
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag in ("insert", "replace")
        for line in new[j1:j2]
    ]


def check_property(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    once, _ = apply_fixes(text, _violations(path, text), unsafe=False)
    assert added_or_changed(text, once) == [], f"{path.name}: a fix did more than remove lines"
    twice, applied = apply_fixes(once, _violations(path, once), unsafe=False)
    assert (twice, applied) == (once, 0), f"{path.name}: a second fix pass changed the text"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_safe_seo_fixes_remove_whole_lines_once(path: Path) -> None:
    check_property(path)


def test_property_holds_on_real_pages() -> None:
    """The same property over the shared web pages and seeds (skipped without them)."""
    pages = sorted(SHARED.glob("corpus/web-pages/*.page.txt")) + sorted(SHARED.glob("seeds/*.txt"))
    if not pages:
        pytest.skip("../shared is not available")
    for path in pages:
        check_property(path)


def test_the_seo_samples_have_something_to_fix() -> None:
    """The property is not vacuous: the SEO samples do get fixed."""
    changed = 0
    for path in (p for p in SAMPLES if p.name.startswith("seo-")):
        text = path.read_text(encoding="utf-8")
        fixed, applied = apply_fixes(text, _violations(path, text), unsafe=False)
        changed += applied > 0 and fixed != text
    assert changed >= 3


@pytest.mark.parametrize(
    ("before", "after", "extra"),
    [
        ("a\n\nb\nc\n", "a\n\nc\n", []),
        ("a\nb\n", "a\nB\n", ["B"]),
        ("a\nb\n", "a\nb\nc\n", ["c"]),
    ],
)
def test_the_diff_check_itself(before: str, after: str, extra: list[str]) -> None:
    assert added_or_changed(before, after) == extra
