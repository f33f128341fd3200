"""``--format junit``: JUnit XML, one test case per linted file.

A file with violations is a failing test case whose ``failure`` lists them one per
line (``line:col: CODE message``); a file that could not be read is an ``error``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.report.base import Reporter
from lint.report.ci import display_path
from lint.runner import IO_ERROR, FileResult

if TYPE_CHECKING:
    from lint.rule import Rule

SUITE = "article-lint"


def testcase(result: FileResult) -> ET.Element:
    path = display_path(result.path)
    case = ET.Element("testcase", name=path, classname=SUITE, file=path)
    if not result.diagnostics:
        return case
    errors = [d for d in result.diagnostics if d.code == IO_ERROR]
    if errors:
        node = ET.SubElement(case, "error", message=errors[0].message, type=IO_ERROR)
        node.text = errors[0].message
        return case
    n = len(result.diagnostics)
    codes = sorted({d.code for d in result.diagnostics})
    node = ET.SubElement(
        case,
        "failure",
        message=f"{n} violation{'s' if n != 1 else ''} ({', '.join(codes)})",
        type=codes[0] if len(codes) == 1 else "article-lint",
    )
    node.text = "\n".join(
        f"{path}:{d.line}:{d.column}: {d.code} {d.message}" for d in result.diagnostics
    )
    return case


class JunitReporter(Reporter):
    buffered = True

    def start(self, rules: Sequence[type[Rule]]) -> None:
        super().start(rules)
        self.cases: list[ET.Element] = []
        self.failures = self.errors = 0

    def handle(self, result: FileResult) -> None:
        case = testcase(result)
        self.failures += case.find("failure") is not None
        self.errors += case.find("error") is not None
        self.cases.append(case)

    def finish(self) -> None:
        counts = {
            "tests": str(len(self.cases)),
            "failures": str(self.failures),
            "errors": str(self.errors),
            "skipped": "0",
        }
        root = ET.Element("testsuites", name=SUITE, **counts)
        suite = ET.SubElement(root, "testsuite", name=SUITE, **counts)
        suite.extend(self.cases)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
