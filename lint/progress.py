"""A progress bar on stderr for long runs (rich, imported only when shown).

Shown only when stderr is a terminal, there are more than ``MIN_FILES`` files,
the ``CI`` environment variable is unset and ``--quiet`` is off.  The bar is
one line, redrawn by hand (no refresh thread); when stdout is the same terminal
the line is cleared before each file whose violations will be printed, so the
report and the bar never overwrite each other.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.runner import FileResult

MIN_FILES = 50
REFRESH_SECONDS = 0.1


class NoProgress:
    """The do-nothing bar used for pipes, CI, --quiet and small runs."""

    def advance(self, result: FileResult) -> None:
        pass

    def resume(self) -> None:
        pass

    def close(self) -> None:
        pass


def wanted(total: int, quiet: bool, stream: IO[str], environ: Any = None) -> bool:
    """Whether a run over ``total`` files should show a bar on ``stream``."""
    env = os.environ if environ is None else environ
    if quiet or total <= MIN_FILES or env.get("CI") or env.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def start(
    total: int, *, quiet: bool = False, force: bool | None = None, stream: IO[str] | None = None
) -> NoProgress | Bar:
    err = stream or sys.stderr
    show = wanted(total, quiet, err) if force is None else force
    if not show:
        return NoProgress()
    return Bar(total, err)


def _same_terminal(a: IO[str], b: IO[str]) -> bool:
    try:
        if not (a.isatty() and b.isatty()):
            return False
        sa, sb = os.fstat(a.fileno()), os.fstat(b.fileno())
        return (sa.st_dev, sa.st_ino, sa.st_rdev) == (sb.st_dev, sb.st_ino, sb.st_rdev)
    except (AttributeError, OSError, ValueError):
        return False


class Bar:
    """Files done, violations so far and files per second."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.stream = stream
        self.console = Console(file=stream, force_terminal=True)
        self.progress = Progress(
            TextColumn("linting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files · {task.fields[violations]} violations · {task.fields[rate]}"),
            TimeElapsedColumn(),
            console=self.console,
            auto_refresh=False,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task = self.progress.add_task("lint", total=total, violations=0, rate="")
        self.shared = _same_terminal(sys.stdout, stream)
        self.started = time.monotonic()
        self.last = 0.0
        self.done = 0
        self.violations = 0
        self.hidden = False
        self.progress.start()

    def advance(self, result: FileResult) -> None:
        """Count ``result``; called just before the reporter sees it."""
        self.done += 1
        self.violations += len(result.diagnostics)
        if self.shared and result.diagnostics:
            self.stream.write("\r\x1b[2K")  # the report lines go where the bar was
            self.stream.flush()
            self.hidden = True

    def resume(self, final: bool = False) -> None:
        """Redraw after the reporter wrote (at most every REFRESH_SECONDS)."""
        now = time.monotonic()
        if not (final or self.hidden) and now - self.last < REFRESH_SECONDS:
            return
        if self.hidden:
            sys.stdout.flush()
        self.last, self.hidden = now, False
        rate = self.done / max(now - self.started, 1e-6)
        self.progress.update(
            self.task, completed=self.done, violations=self.violations, rate=f"{rate:,.0f} files/s"
        )
        self.progress.refresh()

    def close(self) -> None:
        self.resume(final=True)
        self.progress.stop()
