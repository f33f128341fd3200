"""The pre-commit hook, run for real: ``pre-commit try-repo <this checkout> article-lint``.

pre-commit builds its own virtualenv and pip-installs the hook repository, so the
test needs the package index pip is configured with, nothing else.  The hook
repository is a clone of this checkout's HEAD: given a working tree with
uncommitted changes, try-repo would commit the changed tracked files but not new
untracked ones, a state that may not even import.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900  # seconds: building the hook's environment installs every dependency

# Our own test articles: one with defects several rule families catch, one clean.
DIRTY = (
    "Quarterly results\n\n"
    "Studies show that 73% of readers skim long articles.\n\n"
    "Share this article\nTweet\nEmail\n"
)
CLEAN = "The council met on Tuesday and approved the budget for next year.\n"


def _pre_commit() -> list[str]:
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    exe = shutil.which("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return [exe]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, dict[str, str]]]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists() or not (ROOT / ".pre-commit-hooks.yaml").is_file():
        pytest.skip("not running from a git checkout of article-lint")
    base = tmp_path_factory.mktemp("pre-commit")
    work = base / "repo"
    work.mkdir()
    hooks = base / "article-lint"
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(base / "home"),
        "PRE_COMMIT_COLOR": "never",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    subprocess.run(["git", "clone", "-q", str(ROOT), str(hooks)], env=env, check=True)
    (work / "dirty.md").write_text(DIRTY, "utf-8")
    (work / "clean.md").write_text(CLEAN, "utf-8")
    subprocess.run(["git", "init", "-q"], cwd=work, env=env, check=True)
    subprocess.run(["git", "add", "."], cwd=work, env=env, check=True)
    yield work, hooks, env


def _try_repo(
    repo: tuple[Path, Path, dict[str, str]], name: str
) -> subprocess.CompletedProcess[str]:
    work, hooks, env = repo
    cmd = [*_pre_commit(), "try-repo", str(hooks), "article-lint", "--files", name]
    return subprocess.run(
        cmd, cwd=work, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def test_the_articles_are_what_they_claim(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """In-process sanity check, so a hook failure below means the hook, not the rules."""
    for name, text, code in (("dirty.md", DIRTY, 1), ("clean.md", CLEAN, 0)):
        path = tmp_path / name
        path.write_text(text, "utf-8")
        result = run_cli("--isolated", "--no-cache", str(path))
        assert result.code == code, result.out + result.err


def test_hook_fails_on_a_dirty_article(repo) -> None:  # type: ignore[no-untyped-def]
    proc = _try_repo(repo, "dirty.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "article-lint" in output and "Failed" in output
    assert "dirty.md:3:" in output  # a finding, with its position


def test_hook_passes_a_clean_article(repo) -> None:  # type: ignore[no-untyped-def]
    proc = _try_repo(repo, "clean.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "Passed" in output
