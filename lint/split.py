"""One large file, its rules spread over worker processes.

A process pool lints many files at once, but a single large file (a book, a
crawl dump) would use one core.  Here the parent builds the document and the
parts nearly every rule reads (lines, blocks, sentences), then forks ``jobs``
workers that inherit it without copying or pickling; each worker takes the next
rule from a shared queue (so a slow rule does not hold up the others) and sends
back its violations.  The parent puts them together in plan order, so the
report is byte for byte the one a single process gives.

Fork is only used on Linux; rules that keep a connection (``splittable =
False``, e.g. LanguageTool) run in the parent.  A rule whose worker dies is run
again in the parent: a crash never loses a rule.
"""

from __future__ import annotations

import sys
from functools import partial

from lint.document import Document
from lint.plan import Plan
from lint.runner import RuleRunner, run_all_rules, run_rules, skipped_notices
from lint.violation import Violation

#: Files at least this long (characters) are split when more than one job may run.
SPLIT_CHARS = 512 * 1024

# The document and plan of the split in progress, inherited by forked workers.
_DOC: Document | None = None
_PLAN: Plan | None = None


def rule_runner(text_length: int, jobs: int) -> RuleRunner:
    """How to run the rules on a text of ``text_length`` characters."""
    if jobs > 1 and text_length >= SPLIT_CHARS and sys.platform == "linux":
        return partial(run_rules_split, jobs=jobs)
    return run_all_rules


def _run_one(index: int) -> tuple[list[Violation], dict[str, str]]:
    """In a worker: one rule of the inherited plan on the inherited document."""
    assert _DOC is not None and _PLAN is not None, "split worker without a document"
    rule = _PLAN.rules[index]
    violations, _ = run_rules(_DOC, [rule], _PLAN)
    return violations, {c: r for c, r in _PLAN.unavailable.items() if c == rule.code}


def run_rules_split(doc: Document, plan: Plan, jobs: int) -> tuple[list[Violation], list[str]]:
    """``run_rules`` over ``plan.rules`` with the rules spread over ``jobs`` workers."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _DOC, _PLAN
    doc.lines, doc.blocks, doc.sentences  # noqa: B018 - read by nearly every rule: build once
    rules = plan.rules
    indices = [i for i, r in enumerate(rules) if r.splittable and r.code not in plan.unavailable]
    results: dict[int, tuple[list[Violation], dict[str, str]]] = {}
    _DOC, _PLAN = doc, plan
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {i: pool.submit(_run_one, i) for i in indices}
            for i, future in futures.items():
                try:
                    results[i] = future.result()
                except Exception:  # noqa: BLE001 - a dead worker: run that rule here
                    results[i] = _run_here(doc, plan, i)
    finally:
        _DOC = _PLAN = None
    return _merge(doc, plan, results)


def _run_here(doc: Document, plan: Plan, index: int) -> tuple[list[Violation], dict[str, str]]:
    rule = plan.rules[index]
    violations, _ = run_rules(doc, [rule], plan)
    return violations, {c: r for c, r in plan.unavailable.items() if c == rule.code}


def _merge(
    doc: Document, plan: Plan, results: dict[int, tuple[list[Violation], dict[str, str]]]
) -> tuple[list[Violation], list[str]]:
    """Violations and notices in plan order, as one ``run_rules`` call gives them."""
    out: list[Violation] = []
    skipped: dict[str, list[str]] = {}
    for i, rule in enumerate(plan.rules):
        if i not in results:
            if rule.code in plan.unavailable:
                continue
            results[i] = _run_here(doc, plan, i)  # not splittable: here, in order
            if rule.code in plan.unavailable:
                skipped.setdefault(plan.unavailable[rule.code], []).append(rule.code)
            out.extend(results[i][0])
            continue
        violations, unavailable = results[i]
        for code, reason in unavailable.items():
            plan.unavailable[code] = reason
            skipped.setdefault(reason, []).append(code)
        out.extend(violations)
    return out, skipped_notices(skipped)
