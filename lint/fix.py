"""Applying fixes: non-overlapping edits, atomic writes, unified diffs."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Iterable

from lint.violation import Diagnostic, Edit, Fix, Violation


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.safe or unsafe)


def apply_fixes(
    text: str, violations: Iterable[Violation | Diagnostic], unsafe: bool = False
) -> tuple[str, int]:
    """Apply every applicable fix that does not overlap an earlier one.

    Returns the new text and how many fixes were applied.  Overlapping fixes are
    left for the next pass (the caller re-lints and calls again).
    """
    fixes = [v.fix for v in violations if applicable(v.fix, unsafe)]
    fixes.sort(key=lambda f: min(e.start for e in f.edits))  # type: ignore[union-attr]
    taken: list[Edit] = []
    count = 0
    last_end = -1
    for fix in fixes:
        edits = sorted(fix.edits, key=lambda e: e.start)  # type: ignore[union-attr]
        if edits[0].start < last_end or any(
            a.end > b.start for a, b in zip(edits, edits[1:], strict=False)
        ):
            continue
        taken.extend(edits)
        last_end = max(e.end for e in edits)
        count += 1
    for edit in sorted(taken, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, count


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def write_atomic(path: str, text: str, bom: bool = False) -> None:
    """Write ``text`` as UTF-8 through a temporary file and a rename; keep the mode."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    fd, tmp = tempfile.mkstemp(prefix=".article-lint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(("\ufeff" if bom else "") + text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


MAX_PASSES = 10


def fix_result(result, plan, *, unsafe: bool, write: bool, diff_stream=None):  # type: ignore[no-untyped-def]
    """Fix one file until no applicable fix is left; write it (or print a diff).

    Returns the FileResult of the final text, so the report shows what remains.
    """
    from dataclasses import replace

    from lint.runner import check_source

    source = result.source
    if source is None or result.error:
        return result
    text, current = source.text, result
    for _ in range(MAX_PASSES):
        new_text, applied = apply_fixes(text, current.diagnostics, unsafe)
        if not applied or new_text == text:
            break
        text = new_text
        current = check_source(replace(source, text=text), plan)
    if text == source.text:
        return current
    if diff_stream is not None:
        diff_stream.write(unified_diff(source.path, source.text, text))
    if write:
        write_atomic(source.path, text, source.bom)
    return current
