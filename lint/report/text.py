"""The default format: ``path:line:col: CODE message``, one line per violation."""

from __future__ import annotations

from lint.report.base import Reporter
from lint.runner import FileResult
from lint.violation import Diagnostic

_BOLD, _RED, _YELLOW, _CYAN, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[0m"


class TextReporter(Reporter):
    def handle(self, result: FileResult) -> None:
        lines = None
        for d in result.diagnostics:
            self.stream.write(self.format(d) + "\n")
            if self.options.show_source and result.source is not None:
                if lines is None:
                    lines = result.source.text.splitlines()
                self.stream.write(source_excerpt(lines, d))

    def format(self, d: Diagnostic) -> str:
        if not self.options.color:
            return f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
        color = _RED if d.severity >= 3 else _YELLOW if d.severity == 2 else _CYAN
        return (
            f"{_BOLD}{d.path}{_RESET}:{d.line}:{d.column}: "
            f"{color}{_BOLD}{d.code}{_RESET} {d.message}"
        )


def source_excerpt(lines: list[str], d: Diagnostic) -> str:
    """The violation's line with a caret under the span (flake8's --show-source)."""
    if not 1 <= d.line <= len(lines):
        return ""
    line = lines[d.line - 1].expandtabs(1)
    width = (d.end_column - d.column) if d.end_line == d.line else len(line) - d.column + 1
    return f"    {line}\n    {' ' * (d.column - 1)}{'^' * max(1, width)}\n"
