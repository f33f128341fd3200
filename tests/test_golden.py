"""The real CLI over samples/ gives exactly the expected reports next to each sample."""

from __future__ import annotations

import pytest

from lint.registry import default_registry
from tests.golden import ROOT, expected_path, run_cli_on_samples, sample_files


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    return run_cli_on_samples()


def test_there_are_samples() -> None:
    assert len(sample_files()) >= 5


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_report_matches_expected(reports: dict[str, str], sample) -> None:  # type: ignore[no-untyped-def]
    expected = expected_path(sample)
    assert expected.exists(), f"missing {expected.name}: run python -m tests.golden --update"
    rel = str(sample.relative_to(ROOT))
    assert reports[rel] == expected.read_text(encoding="utf-8")


def test_every_default_rule_has_a_golden_sample() -> None:
    seen = "".join(
        expected_path(s).read_text() for s in sample_files() if expected_path(s).exists()
    )
    builtin = [r for r in default_registry().rules if r.__module__.startswith("rules.")]
    missing = [r.code for r in builtin if r.default_enabled and f" {r.code} " not in seen]
    assert not missing, f"rules with no sample showing them: {missing}"


def test_clean_samples_exist_and_are_clean(reports: dict[str, str]) -> None:
    clean = [s for s in sample_files() if "clean" in s.name]
    assert clean, "no clean sample"
    for sample in clean:
        assert reports[str(sample.relative_to(ROOT))] == "", f"{sample.name} is not clean"
