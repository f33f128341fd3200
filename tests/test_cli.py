"""The command line end to end (in-process), with the demo plugin's DEMO001 rule."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("demo_plugin")

DIRTY = "Intro line.\n\nLorem ipsum dolor.\nAnother lorem here.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    return path


def test_default_format_sorted_and_exit_1(run_cli, article: Path) -> None:
    res = run_cli("--select", "DEMO", str(article))
    assert res.code == 1
    assert res.out.splitlines() == [
        f"{article}:3:1: DEMO001 placeholder word 'Lorem'",
        f"{article}:4:9: DEMO001 placeholder word 'lorem'",
    ]


def test_clean_file_exit_0(run_cli, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing to see here.\n")
    res = run_cli("--select", "DEMO", str(clean))
    assert (res.code, res.out) == (0, "")


def test_json_format_pinned_keys(run_cli, article: Path) -> None:
    res = run_cli("--select", "DEMO", "--format", "json", str(article))
    items = json.loads(res.out)
    assert len(items) == 2
    keys = {
        "filename",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "message",
        "severity",
        "fix",
    }
    assert keys <= set(items[0])
    assert (items[0]["line"], items[0]["column"], items[0]["end_column"]) == (3, 1, 6)
    assert items[0]["severity"] == "warning"
    assert items[0]["fix"][0]["content"] == "text"


@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_rich_formats(run_cli, article: Path, fmt: str) -> None:
    res = run_cli("--select", "DEMO", "--format", fmt, str(article))
    assert res.code == 1
    assert f"{article}:3:1: DEMO001" in res.out
    assert "\x1b[" not in res.out  # no colour when not a terminal
    if fmt == "full":
        assert "^^^^^" in res.out


def test_show_source_caret(run_cli, article: Path) -> None:
    res = run_cli("--select", "DEMO", "--show-source", str(article))
    lines = res.out.splitlines()
    assert lines[1] == "    Lorem ipsum dolor."
    assert lines[2] == "    ^^^^^"


def test_statistics_and_count(run_cli, article: Path) -> None:
    res = run_cli("--select", "DEMO", "--statistics", "--count", str(article))
    assert res.out.splitlines()[-2:] == ["2     DEMO001", "2"]


def test_exit_zero(run_cli, article: Path) -> None:
    assert run_cli("--select", "DEMO", "--exit-zero", str(article)).code == 0


def test_min_severity_gates_output_and_exit(run_cli, article: Path) -> None:
    res = run_cli("--select", "DEMO", "--min-severity", "error", str(article))
    assert (res.code, res.out) == (0, "")


def test_unknown_selector_is_usage_error(run_cli, article: Path) -> None:
    res = run_cli("--select", "XYZ123", str(article))
    assert res.code == 2 and "unknown rule selector 'XYZ123'" in res.err


def test_bad_flag_is_usage_error(run_cli) -> None:
    with pytest.raises(SystemExit) as info:
        run_cli("--no-such-flag")
    assert info.value.code == 2


def test_internal_error_becomes_lnt999_and_run_goes_on(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("boom lorem\n")
    (tmp_path / "b.txt").write_text("lorem only\n")
    res = run_cli("--select", "DEMO", str(tmp_path))
    assert "a.txt:1:1: LNT999 internal error in rule DEMO002: RuntimeError: kaboom" in res.out
    assert res.out.count("DEMO001") == 2


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.txt", b"ok\xff", "E902 invalid UTF-8 at byte 2"),
        ("bin.txt", b"\x00\x01\x02", "E902 binary file"),
    ],
)
def test_bad_input_reported_and_other_files_linted(
    run_cli, tmp_path: Path, article: Path, name: str, data: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    res = run_cli("--select", "DEMO", str(bad), str(article))
    assert f"{bad}:1:1: {message}" in res.out
    assert f"{article}:3:1: DEMO001" in res.out
    assert res.code == 2


def test_missing_path_and_empty_dir(run_cli, tmp_path: Path, article: Path) -> None:
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    missing = tmp_path / "nope.txt"
    res = run_cli("--select", "DEMO", str(missing), str(empty_dir), str(article))
    assert f"{missing}:1:1: E902 No such file or directory" in res.out
    assert f"{empty_dir}:1:1: E902 no lintable files in directory" in res.out
    assert "DEMO001" in res.out and res.code == 2


def test_unreadable_file(run_cli, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read every file")
    path = tmp_path / "locked.txt"
    path.write_text("lorem")
    path.chmod(0)
    res = run_cli("--select", "DEMO", str(path))
    assert "E902 Permission denied" in res.out and res.code == 2


def test_empty_file_is_a_notice_not_an_error(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    res = run_cli("--select", "DEMO", str(path))
    assert res.code == 0 and "file is empty" in res.err


def test_huge_single_line_file(run_cli, tmp_path: Path, article: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 4_000_000 + "lorem")  # 20 MB on one line
    res = run_cli("--select", "DEMO001", str(path), str(article))
    assert f"{path}:1:1: E902 file too large (19.1 MB > 16 MB; raise max-file-size-mb" in res.out
    assert f"{article}:3:1: DEMO001" in res.out and res.code == 2
    (tmp_path / "article-lint.toml").write_text("max-file-size-mb = 25\n")
    res = run_cli("--select", "DEMO001", str(path))
    assert res.out.strip() == f"{path}:1:20000001: DEMO001 placeholder word 'lorem'"


def test_directory_discovery_includes_and_excludes(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("lorem\n")
    (tmp_path / "b.text").write_text("lorem\n")
    (tmp_path / "c.py").write_text("lorem\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("lorem\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "e.txt").write_text("lorem\n")
    res = run_cli("--select", "DEMO001", "--extend-exclude", "drafts", str(tmp_path))
    names = sorted(Path(line.split(":")[0]).name for line in res.out.splitlines())
    assert names == ["a.md", "b.text"]


def test_stdin_with_filename(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"lorem\n")))
    res = run_cli("--select", "DEMO001", "--stdin-filename", "post.md", "-")
    assert res.out.strip() == "post.md:1:1: DEMO001 placeholder word 'lorem'"


def test_per_file_ignores_cli(run_cli, article: Path) -> None:
    res = run_cli("--select", "DEMO", "--per-file-ignores", f"{article.name}:DEMO001", str(article))
    assert (res.code, res.out) == (0, "")


def test_suppression_end_to_end(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text(
        "<!-- article-lint: disable-next-line=DEMO001 -->\nlorem one\nlorem two\n"
        "<!-- article-lint: disable=DEMO -->\nlorem three\n<!-- article-lint: enable=DEMO -->\n"
        "lorem four\n"
    )
    res = run_cli("--select", "DEMO001", str(path))
    assert [line.split(":")[1] for line in res.out.splitlines()] == ["3", "7"]


def test_input_files_never_modified_without_fix(run_cli, article: Path) -> None:
    before = article.read_bytes()
    run_cli("--select", "DEMO", "--unsafe-fixes", str(article))
    run_cli("--select", "DEMO", "--diff", "--unsafe-fixes", str(article))
    assert article.read_bytes() == before


def test_diff_prints_and_fix_writes_atomically(run_cli, article: Path) -> None:
    article.chmod(0o640)
    res = run_cli("--select", "DEMO", "--diff", "--unsafe-fixes", str(article))
    assert "-Lorem ipsum dolor." in res.out and "+text ipsum dolor." in res.out
    res = run_cli("--select", "DEMO", "--fix", str(article))  # DEMO001's fix is unsafe
    assert article.read_text() == DIRTY and res.code == 1
    res = run_cli("--select", "DEMO", "--fix", "--unsafe-fixes", str(article))
    assert article.read_text() == "Intro line.\n\ntext ipsum dolor.\nAnother text here.\n"
    assert res.code == 0 and oct(article.stat().st_mode & 0o777) == "0o640"
    assert not [p for p in article.parent.iterdir() if p.name.startswith(".article-lint-")]


def test_list_rules_and_explain(run_cli) -> None:
    res = run_cli("--list-rules")
    assert "DEMO001" in res.out and "demo-lorem" in res.out
    res = run_cli("--explain", "DEMO001")
    assert res.code == 0 and "## What it does" in res.out
    assert run_cli("--explain", "NOPE001").code == 2


def test_output_file(run_cli, article: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    res = run_cli("--select", "DEMO", "--output-file", str(out), str(article))
    assert res.out == "" and out.read_text().count("DEMO001") == 2


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from lint.cli import _use_color

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_color(Tty())  # type: ignore[arg-type]


def test_python_dash_m_and_version(demo_plugin: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(demo_plugin)}
    res = subprocess.run(
        [sys.executable, "-m", "lint", "--version"], capture_output=True, text=True, env=env
    )
    assert res.returncode == 0 and res.stdout.startswith("article-lint ")


def test_exclude_globs_match_as_fnmatch_does() -> None:
    """The walk's one-pattern glob test gives fnmatch's answer, glob by glob."""
    import fnmatch
    import random

    from lint.files import _matches_any

    globs = ["*.txt", "*.md", ".git", "node_modules", "*/drafts/*", "a?c", "[ab]*.html", "x[!0-9]y"]
    rng = random.Random(3)
    alphabet = "abcxy0.-_/*?[]ABC"
    for _ in range(5000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        rel = rng.choice(["", "d/", "d/drafts/"]) + name
        chosen = tuple(rng.sample(globs, rng.randint(0, len(globs))))
        expected = any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in chosen)
        assert _matches_any(name, rel, chosen) == expected, (name, rel, chosen)
