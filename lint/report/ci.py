"""Helpers shared by the CI-gate formats (github, sarif, junit, gitlab, json-lines).

One place maps article-lint's severities onto each ecosystem's levels and turns
paths into the forward-slash, relative form that CI systems expect.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath
from urllib.parse import quote

from lint import regex_cache
from lint.violation import Severity

#: GitHub Actions workflow-command names.
GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: SARIF ``level`` values.
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: GitLab Code Quality severities (info, minor, major, critical, blocker).
GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}

#: Codes the engine itself emits (not rules): descriptions for formats that list rules.
ENGINE_CODES = {
    "E902": ("io-error", "The file could not be read or decoded"),
    "LNT999": ("internal-error", "A rule raised an exception on this file"),
}

_FIRST_SECTION = regex_cache.compile(r"^## What it does\s*\n(?P<body>.*?)(?=^## |\Z)", re.M | re.S)


def display_path(path: str) -> str:
    """``path`` with forward slashes, relative to the working directory when inside it."""
    if path == "-":
        return path
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return PurePath(os.path.normpath(p)).as_posix()


def artifact_uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative, absolute ones become file URIs."""
    shown = display_path(path)
    if Path(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(shown, safe="/")


def what_it_does(docs: str, fallback: str) -> str:
    """The first paragraph under ``## What it does`` (the rule's full description)."""
    m = _FIRST_SECTION.search(docs or "")
    if not m:
        return fallback
    text = " ".join(m.group("body").split())
    return text or fallback
