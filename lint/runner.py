"""From a document and a plan to sorted diagnostics; never crashes on a rule."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from lint import suppression
from lint.document import Document
from lint.files import InputError, Source, read_source
from lint.inputs import load_document
from lint.plan import Plan
from lint.rule import Rule, RuleUnavailable
from lint.selection import matches_any
from lint.violation import Diagnostic, Severity, Violation

log = logging.getLogger(__name__)
IO_ERROR = "E902"
INTERNAL_ERROR = "LNT999"


@dataclass(frozen=True)
class FileResult:
    """Everything a run learned about one file."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    notices: tuple[str, ...] = ()
    error: bool = False  # the file could not be read (E902)
    source: Source | None = field(default=None, compare=False, repr=False)


def run_rules(
    doc: Document, rules: Iterable[Rule], plan: Plan
) -> tuple[list[Violation], list[str]]:
    """All violations of ``rules`` on ``doc``; a failing rule becomes LNT999."""
    out: list[Violation] = []
    skipped: dict[str, list[str]] = {}  # reason -> codes, so one reason is one notice
    for rule in rules:
        if rule.code in plan.unavailable:
            continue
        try:
            out.extend(list(rule.check(doc)))
        except RuleUnavailable as exc:
            plan.unavailable[rule.code] = str(exc)
            skipped.setdefault(str(exc), []).append(rule.code)
        except Exception as exc:  # noqa: BLE001 - a rule must never crash the run
            log.debug("rule %s failed on %s", rule.code, doc.path, exc_info=True)
            message = f"internal error in rule {rule.code}: {type(exc).__name__}: {exc}"
            out.append(Violation(INTERNAL_ERROR, message, 0, 0, Severity.ERROR))
    return out, skipped_notices(skipped)


def skipped_notices(skipped: dict[str, list[str]]) -> list[str]:
    """One notice per reason a rule could not run: reason -> the codes it skipped."""
    return [f"{reason} (skipped {', '.join(codes)})" for reason, codes in skipped.items()]


#: How a document's rules are run: all in this process (``run_all_rules``) or
#: spread over worker processes (``lint.split``).
RuleRunner = Callable[[Document, Plan], tuple[list[Violation], list[str]]]


def run_all_rules(doc: Document, plan: Plan) -> tuple[list[Violation], list[str]]:
    return run_rules(doc, plan.rules, plan)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with Python's cyclic garbage collector off, and on again after
    if it was on.

    Linting a document allocates many small containers (spans, sentences, word
    tables) that live until its rules are done, so a collection in between walks
    them all and frees next to nothing: rules make almost no reference cycles
    (what a rule drops is freed by reference counting).  On a 10 MB file each
    worker of a split run spent 0.45 s of its 5 s in the collector and freed
    under 200 objects.  Workers forked while a document is linted (``lint.split``)
    inherit the pause.  Cycles made meanwhile are freed by the first collection
    after the document is done.  If the caller had turned the collector off, it
    stays off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def check_source(source: Source, plan: Plan, run: RuleRunner = run_all_rules) -> FileResult:
    """Lint decoded text: build the document, run rules, filter, locate, sort.

    The collector is paused until the document is gone (freed by reference
    counting when ``_check_source`` returns), so no collection walks it."""
    with collector_paused():
        return _check_source(source, plan, run)


def _check_source(source: Source, plan: Plan, run: RuleRunner) -> FileResult:
    sup, spans = suppression.parse(source.text)
    if sup.file_disabled:
        return FileResult(source.path, source=source)
    doc = load_document(source.path, source.text, plan.settings.input_format, spans)
    violations, notices = run(doc, plan)
    ignored = plan.settings.per_file_ignores.ignored_for(source.path)
    diagnostics = []
    for v in violations:
        if v.severity < plan.settings.min_severity and v.code != INTERNAL_ERROR:
            continue
        if ignored and matches_any(v.code, ignored):
            continue
        line, col = doc.position(v.start)
        if sup.is_suppressed(v.code, line):
            continue
        end_line, end_col = doc.position(max(v.end, v.start))
        diagnostics.append(
            Diagnostic(
                source.path,
                line,
                col,
                end_line,
                end_col,
                v.code,
                v.message,
                v.severity,
                v.fix,
                v.start,
                v.end,
            )
        )
    diagnostics.sort(key=Diagnostic.sort_key)
    return FileResult(source.path, tuple(diagnostics), tuple(notices), source=source)


def error_result(path: str, message: str) -> FileResult:
    diag = Diagnostic(path, 1, 1, 1, 1, IO_ERROR, message, Severity.ERROR)
    return FileResult(path, (diag,), error=True)


def check_path(path: str, plan: Plan) -> FileResult:
    try:
        source = read_source(path, plan.settings.max_file_size_mb)
    except InputError as exc:
        return error_result(path, str(exc))
    if not source.text.strip():
        return FileResult(path, notices=(f"{path}: file is empty, nothing to lint",), source=source)
    return check_source(source, plan)


def check_paths(paths: Iterable[tuple[str, str | None]], plan: Plan) -> Iterator[FileResult]:
    """Sequentially lint discovered ``(path, error)`` pairs, in order."""
    for path, error in paths:
        yield error_result(path, error) if error else check_path(path, plan)
