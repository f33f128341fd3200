"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists every rule that ran (plus engine codes that
occurred); each result points at a region of an artifact.  Columns count Unicode
code points (``columnKind``), and ``endColumn`` is exclusive, as SARIF defines it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lint import __version__
from lint.report.base import Reporter
from lint.report.ci import ENGINE_CODES, SARIF_LEVEL, artifact_uri, what_it_does
from lint.runner import FileResult
from lint.violation import Diagnostic, Severity

if TYPE_CHECKING:
    from lint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    docs = rule.docs()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what_it_does(docs, rule.summary)},
        "help": {"text": docs or rule.summary, "markdown": docs or rule.summary},
        "defaultConfiguration": {"level": SARIF_LEVEL[Severity(rule.severity)]},
        "properties": {"severity": str(Severity(rule.severity))},
    }


def engine_descriptor(code: str) -> dict[str, Any]:
    name, text = ENGINE_CODES.get(code, ("unknown", "A finding from an unknown source"))
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "defaultConfiguration": {"level": "error"},
    }


def sarif_result(d: Diagnostic, rule_index: int) -> dict[str, Any]:
    region = {
        "startLine": d.line,
        "startColumn": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
    }
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": SARIF_LEVEL[Severity(d.severity)],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(d.path)},
                    "region": region,
                }
            }
        ],
    }


class SarifReporter(Reporter):
    buffered = True

    def start(self, rules: Sequence[type[Rule]]) -> None:
        super().start(rules)
        self.descriptors = [rule_descriptor(r) for r in rules]
        self.index = {r.code: i for i, r in enumerate(rules)}
        self.results: list[dict[str, Any]] = []
        self.notices: dict[str, None] = {}  # run-wide notices, once each, in order

    def _rule_index(self, code: str) -> int:
        if code not in self.index:
            self.index[code] = len(self.descriptors)
            self.descriptors.append(engine_descriptor(code))
        return self.index[code]

    def handle(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.results.append(sarif_result(d, self._rule_index(d.code)))
        self.notices.update(dict.fromkeys(result.notices))

    def _invocation(self) -> dict[str, Any]:
        notes = [{"level": "note", "message": {"text": n}} for n in self.notices]
        return {"executionSuccessful": True, "toolExecutionNotifications": notes}

    def finish(self) -> None:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "article-lint",
                            "version": __version__,
                            "rules": self.descriptors,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "invocations": [self._invocation()],
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
