"""Shared fixtures: the demo plugin, the shared data folder, CLI runner."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.registry import default_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO_PLUGIN = FIXTURES / "demo_plugin"
SHARED = ROOT.parent / "shared"

# Compiled patterns go to a folder of this test session, never the user's cache
# (set before anything compiles; subprocesses inherit it).
os.environ["ARTICLE_LINT_REGEX_CACHE"] = tempfile.mkdtemp(prefix="article-lint-regex-")


@pytest.fixture
def demo_plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Put the demo plugin distribution (DEMO001, DEMO002) on sys.path with its metadata."""
    monkeypatch.syspath_prepend(str(DEMO_PLUGIN))
    default_registry.cache_clear()
    yield DEMO_PLUGIN
    sys.modules.pop("article_lint_demo", None)
    default_registry.cache_clear()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the repository")
    return SHARED


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli() -> object:
    """Run the CLI in-process: run_cli(*args) -> CliResult(code, out, err)."""
    from lint.cli import main

    def _run(*args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(args), stdout=out, stderr=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    return _run


@pytest.fixture
def fresh_lt_clients() -> Iterator[None]:
    """No LanguageTool client or server left over from another test, before or after."""
    from lint import languagetool

    languagetool.close_all()
    yield
    languagetool.close_all()


@pytest.fixture
def fake_lt() -> Iterator[object]:
    """A stand-in LanguageTool server (tests/fake_languagetool.py), running."""
    from tests.fake_languagetool import FakeLanguageTool

    with FakeLanguageTool() as server:
        yield server


@pytest.fixture
def screens_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The phrase screens and token gates as in a process that has read a few
    articles: they normally wait for ``GATE_AFTER_CHARS`` of text."""
    from lint import token_gate

    monkeypatch.setattr(token_gate, "_seen_chars", token_gate.GATE_AFTER_CHARS)
