"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues).

Fingerprints hash the path, code, message and the issue's rank among identical
ones, not its line, so an issue keeps its identity when text above it moves.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lint.report.base import Reporter
from lint.report.ci import GITLAB_SEVERITY, display_path
from lint.runner import FileResult
from lint.violation import Diagnostic, Severity

if TYPE_CHECKING:
    from lint.rule import Rule


def fingerprint(path: str, d: Diagnostic, rank: int) -> str:
    key = "\0".join((path, d.code, d.message, str(rank)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def issue(d: Diagnostic, rank: int) -> dict[str, Any]:
    path = display_path(d.path)
    return {
        "type": "issue",
        "check_name": d.code,
        "description": f"{d.code} {d.message}",
        "categories": ["Style"],
        "severity": GITLAB_SEVERITY[Severity(d.severity)],
        "fingerprint": fingerprint(path, d, rank),
        "location": {
            "path": path,
            "positions": {
                "begin": {"line": d.line, "column": d.column},
                "end": {"line": d.end_line, "column": d.end_column},
            },
        },
    }


class GitlabReporter(Reporter):
    buffered = True

    def start(self, rules: Sequence[type[Rule]]) -> None:
        super().start(rules)
        self.issues: list[dict[str, Any]] = []

    def handle(self, result: FileResult) -> None:
        seen: Counter[tuple[str, str]] = Counter()
        for d in result.diagnostics:
            seen[d.code, d.message] += 1
            self.issues.append(issue(d, seen[d.code, d.message]))

    def finish(self) -> None:
        json.dump(self.issues, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
