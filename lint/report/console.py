"""``--format concise`` and ``--format full``: rich terminal output."""

from __future__ import annotations

from lint.report.base import Reporter
from lint.runner import FileResult

_STYLE = {3: "bold red", 2: "yellow", 1: "cyan"}


class ConciseReporter(Reporter):
    """One rich line per violation, colours on a terminal."""

    full = False

    def start(self, rules):  # type: ignore[no-untyped-def]
        super().start(rules)
        from rich.console import Console

        self.console = Console(
            file=self.stream,
            no_color=not self.options.color,
            force_terminal=self.options.color or None,
            highlight=False,
            soft_wrap=True,
        )

    def handle(self, result: FileResult) -> None:
        from rich.text import Text

        lines = result.source.text.splitlines() if result.source is not None else []
        for d in result.diagnostics:
            text = Text()
            text.append(d.path, style="bold")
            text.append(f":{d.line}:{d.column}: ")
            text.append(d.code, style=_STYLE[int(d.severity)])
            text.append(f" {d.message}")
            self.console.print(text)
            if (self.full or self.options.show_source) and 1 <= d.line <= len(lines):
                self._excerpt(lines, d)

    def _excerpt(self, lines: list[str], d) -> None:  # type: ignore[no-untyped-def]
        from rich.text import Text

        for n in range(max(1, d.line - 1), min(len(lines), d.line + 1) + 1):
            prefix = f"{n:>5} | "
            self.console.print(Text(prefix, style="dim") + Text(lines[n - 1].expandtabs(1)))
            if n == d.line:
                width = d.end_column - d.column if d.end_line == d.line else 1
                caret = " " * (len(prefix) + d.column - 1) + "^" * max(1, width)
                self.console.print(Text(caret, style=_STYLE[int(d.severity)]))


class FullReporter(ConciseReporter):
    """Like concise, with the surrounding source lines and a caret under each span."""

    full = True
