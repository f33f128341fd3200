"""One large file with its rules spread over forked workers: the same report as one process."""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lint import split
from lint.api import make_plan
from lint.config import Settings
from lint.document import Document
from lint.files import Source
from lint.plan import Plan
from lint.rule import Rule
from lint.runner import check_source, run_all_rules
from lint.selection import Selection
from lint.violation import Violation

from .test_parallel import Flaky, make_article

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="split runs fork (Linux)")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PARENT = os.getpid()


def _big_text() -> str:
    """Samples and synthetic articles, a few hundred KB: every family has work."""
    rng = random.Random(3)
    parts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    parts += [make_article(rng, paragraphs=6) for _ in range(300)]
    return "\n\n".join(parts)


def test_split_report_equals_one_process_report() -> None:
    plan = make_plan()
    source = Source("big.txt", _big_text())
    one = check_source(source, plan, run_all_rules)
    spread = check_source(source, plan, split.rule_runner(split.SPLIT_CHARS, 2))
    assert one.diagnostics, "the text should give the rules something to report"
    assert spread.diagnostics == one.diagnostics
    assert spread.notices == one.notices


def test_small_text_or_one_job_runs_in_process() -> None:
    assert split.rule_runner(split.SPLIT_CHARS - 1, 4) is run_all_rules
    assert split.rule_runner(10 * split.SPLIT_CHARS, 1) is run_all_rules
    assert split.rule_runner(split.SPLIT_CHARS, 2) is not run_all_rules


class _AlsoUnavailable(Flaky):
    """Unavailable for the same reason as Flaky."""

    code = "TST802"
    name = "test-also-unavailable"


class _DiesInWorker(Rule):
    """Kills the worker process it runs in; fine in the parent."""

    code = "TST803"
    name = "test-dies"
    summary = "dies in a worker"

    def check(self, doc: Document) -> Iterator[Violation]:
        if os.getpid() != PARENT:
            os._exit(3)
        yield self.violation(0, 1, f"ran in the parent on {len(doc.text)} characters")


class _ParentOnly(Rule):
    """Records the process it ran in."""

    code = "TST804"
    name = "test-parent-only"
    summary = "not splittable"
    splittable = False

    def check(self, doc: Document) -> Iterator[Violation]:
        yield self.violation(0, 1, f"pid {os.getpid()}")


def _plan(*rules: Rule) -> Plan:
    return Plan(Settings(), rules, Selection(None, (), (), ()))


def test_notices_are_grouped_by_reason_as_in_one_process() -> None:
    doc = Document("x" * 100)
    rules = (Flaky(), _AlsoUnavailable())
    _, one = run_all_rules(doc, _plan(*rules))
    _, spread = split.run_rules_split(doc, _plan(*rules), jobs=2)
    assert spread == one == ["no backend here (skipped TST901, TST802)"]


def test_a_dead_worker_loses_no_rule() -> None:
    violations, _ = split.run_rules_split(Document("some text"), _plan(_DiesInWorker()), jobs=2)
    assert [v.message for v in violations] == ["ran in the parent on 9 characters"]


def test_unsplittable_rules_run_in_the_parent() -> None:
    violations, _ = split.run_rules_split(Document("text"), _plan(_ParentOnly()), jobs=2)
    assert [v.message for v in violations] == [f"pid {os.getpid()}"]


class _CollectorState(Rule):
    """Reports whether the cyclic garbage collector was on while it ran."""

    code = "TST805"
    name = "test-collector-state"
    summary = "collector state"

    def check(self, doc: Document) -> Iterator[Violation]:
        import gc

        yield self.violation(0, 1, f"collector on: {gc.isenabled()}")


@pytest.mark.parametrize("jobs", [1, 2])
def test_rules_run_with_the_collector_paused_and_it_is_restored(jobs: int) -> None:
    import gc

    from lint.runner import collector_paused

    text = "A sentence. " * (split.SPLIT_CHARS // 12 + 1) if jobs > 1 else "A sentence."
    source = Source("a.txt", text)
    result = check_source(source, _plan(_CollectorState()), split.rule_runner(len(text), jobs))
    assert [d.message for d in result.diagnostics] == ["collector on: False"]
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        with collector_paused():
            pass
        check_source(source, _plan(_CollectorState()))
        assert not gc.isenabled()
    finally:
        gc.enable()
