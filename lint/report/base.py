"""The reporter lifecycle: start, handle each file's result, finish."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from lint.rule import Rule
    from lint.runner import FileResult


@dataclass(frozen=True)
class ReportOptions:
    show_source: bool = False
    color: bool = False


class Reporter:
    """Base reporter: subclasses override ``handle`` (and ``start``/``finish``)."""

    #: True when the format must see every result before writing (e.g. SARIF).
    buffered = False

    def __init__(self, stream: IO[str], options: ReportOptions | None = None) -> None:
        self.stream = stream
        self.options = options or ReportOptions()

    def start(self, rules: Sequence[type[Rule]]) -> None:
        self.rules = tuple(rules)

    def handle(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass
