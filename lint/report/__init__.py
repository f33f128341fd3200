"""Output formats, loaded lazily by name (so start-up imports only what is used)."""

from __future__ import annotations

from importlib import import_module
from typing import IO

from lint.report.base import Reporter, ReportOptions

FORMATS: dict[str, str] = {
    "default": "lint.report.text:TextReporter",
    "concise": "lint.report.console:ConciseReporter",
    "full": "lint.report.console:FullReporter",
    "json": "lint.report.json:JsonReporter",
    "json-lines": "lint.report.jsonlines:JsonLinesReporter",
    "github": "lint.report.github:GithubReporter",
    "sarif": "lint.report.sarif:SarifReporter",
    "junit": "lint.report.junit:JunitReporter",
    "gitlab": "lint.report.gitlab:GitlabReporter",
}


def make_reporter(name: str, stream: IO[str], options: ReportOptions) -> Reporter:
    module, _, cls = FORMATS[name].partition(":")
    return getattr(import_module(module), cls)(stream, options)  # type: ignore[no-any-return]


__all__ = ["FORMATS", "Reporter", "ReportOptions", "make_reporter"]
