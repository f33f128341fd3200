"""``--format json-lines``: one JSON object per violation per line, streamed.

Each object has the same shape as an item of ``--format json``.
"""

from __future__ import annotations

import json

from lint.report.base import Reporter
from lint.runner import FileResult


class JsonLinesReporter(Reporter):
    def handle(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.stream.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
