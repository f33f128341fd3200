"""Every registered rule is documented, declared correctly and has examples both ways."""

from __future__ import annotations

import pytest

from lint.registry import default_registry
from lint.rule import DOC_SECTIONS, RuleUnavailable, validate_rule_class
from lint.violation import Violation
from tests.harness import run_rule as _run_rule

RULES = default_registry().rules


def run_rule(rule, text: str) -> list[Violation]:  # type: ignore[no-untyped-def]
    """Run a rule; one whose backend is missing here (LanguageTool) is skipped with its reason."""
    try:
        return _run_rule(rule, text)
    except RuleUnavailable as exc:
        pytest.skip(f"{rule.code} cannot run here: {exc}")


def test_registry_is_sorted_and_codes_unique() -> None:
    codes = [r.code for r in RULES]
    assert codes == sorted(codes) and len(codes) == len(set(codes))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_declaration(rule) -> None:  # type: ignore[no-untyped-def]
    assert validate_rule_class(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_docs_have_ruff_sections(rule) -> None:  # type: ignore[no-untyped-def]
    docs = rule.docs()
    missing = [s for s in (*DOC_SECTIONS, "Known problems") if f"## {s}" not in docs]
    assert not missing, f"{rule.code} docstring lacks sections {missing}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_flags_its_bad_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.examples_flagged, f"{rule.code} has no examples_flagged"
    for text in rule.examples_flagged:
        codes = {v.code for v in run_rule(rule, text)}
        assert rule.code in codes, f"{rule.code} did not flag: {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_leaves_good_examples_alone(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.examples_clean, f"{rule.code} has no examples_clean"
    for text in rule.examples_clean:
        hits = [v for v in run_rule(rule, text) if v.code == rule.code]
        assert not hits, f"{rule.code} flagged a clean example: {text!r} -> {hits}"
