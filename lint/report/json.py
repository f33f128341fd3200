"""``--format json``: one JSON array of every violation (the pinned shape)."""

from __future__ import annotations

import json

from lint.report.base import Reporter
from lint.runner import FileResult


class JsonReporter(Reporter):
    buffered = True

    def start(self, rules):  # type: ignore[no-untyped-def]
        super().start(rules)
        self.items: list[dict[str, object]] = []

    def handle(self, result: FileResult) -> None:
        self.items.extend(d.to_dict() for d in result.diagnostics)

    def finish(self) -> None:
        json.dump(self.items, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
