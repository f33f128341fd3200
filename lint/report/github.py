"""``--format github``: GitHub Actions workflow commands (annotations on the diff).

::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=SEO001::message
"""

from __future__ import annotations

from lint.report.base import Reporter
from lint.report.ci import GITHUB_LEVEL, display_path
from lint.runner import FileResult
from lint.violation import Diagnostic


def escape_data(value: str) -> str:
    """Escape a command's message (as @actions/core does)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value; ``:`` and ``,`` would end it."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    props = {
        "file": display_path(d.path),
        "line": d.line,
        "col": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
        "title": d.code,
    }
    rendered = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    message = f"{d.code} {d.message}"
    return f"::{GITHUB_LEVEL[d.severity]} {rendered}::{escape_data(message)}"


class GithubReporter(Reporter):
    def handle(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.stream.write(annotation(d) + "\n")
