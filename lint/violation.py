"""Plain values that rules produce and reporters consume."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``min-severity`` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (character offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits that together repair one violation.

    ``safe`` fixes are applied by ``--fix``; unsafe ones only with ``--unsafe-fixes``.
    """

    edits: tuple[Edit, ...]
    safe: bool = True

    @classmethod
    def delete(cls, start: int, end: int, *, safe: bool = True) -> Fix:
        return cls((Edit(start, end, ""),), safe)

    @classmethod
    def replace(cls, start: int, end: int, text: str, *, safe: bool = True) -> Fix:
        return cls((Edit(start, end, text),), safe)


@dataclass(frozen=True, slots=True)
class Violation:
    """One finding of one rule, located by character offsets in the document text."""

    code: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A violation resolved to a file and 1-based line/column positions (code points)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    severity: Severity
    fix: Fix | None = field(default=None, compare=False)
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        """The pinned JSON shape (see README, 'JSON output')."""
        return {
            "filename": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "message": self.message,
            "severity": str(self.severity),
            "fix": None
            if self.fix is None
            else [
                {
                    "start": e.start,
                    "end": e.end,
                    "content": e.replacement,
                    "applicability": "safe" if self.fix.safe else "unsafe",
                }
                for e in self.fix.edits
            ],
        }
