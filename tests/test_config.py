"""Config discovery, merging with the command line, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import ConfigError, find_config, resolve

pytestmark = pytest.mark.usefixtures("demo_plugin")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_discovery_walks_up_and_prefers_own_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.article-lint]\nselect = ['SEO']\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / ".article-lint.toml", "select = ['KW']\n")
    assert find_config(nested) == tmp_path / "a" / ".article-lint.toml"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path) != tmp_path / "pyproject.toml"


def test_command_line_overrides_file(tmp_path: Path) -> None:
    write(tmp_path / "article-lint.toml", "select = ['SEO']\nmin-severity = 'error'\n")
    settings = resolve([str(tmp_path)], {"select": "KW"})
    assert settings.select == ("KW",) and int(settings.min_severity) == 3
    assert settings.source.endswith("article-lint.toml")


def test_isolated_ignores_files(tmp_path: Path) -> None:
    write(tmp_path / "article-lint.toml", "select = ['SEO']\n")
    assert resolve([str(tmp_path)], {}, isolated=True).select is None


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("selec = ['SEO']\n", "unknown key 'selec'"),
        ("min-severity = 'loud'\n", "unknown severity 'loud'"),
        ("select = 3\n", "expected a list of strings"),
        ("this is not toml", "invalid TOML"),
        ("per-file-ignores = 'nocolon'\n", "glob:CODE"),
    ],
)
def test_file_errors_name_the_file(tmp_path: Path, content: str, fragment: str) -> None:
    cfg = write(tmp_path / "article-lint.toml", content)
    with pytest.raises(ConfigError) as info:
        resolve([str(tmp_path)], {})
    assert fragment in str(info.value) and str(cfg) in str(info.value)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("select = ['NOPE']\n", "unknown rule selector 'NOPE'"),
        ("[rules.DEMO001]\nwrod = 'x'\n", "unknown option 'wrod'"),
        ("[rules.DEMO001]\nword = 3\n", "expected a string"),
        ("[rules.ZZZ999]\nx = 1\n", "names no known rule"),
        ("[rules.DEMO001]\nseverity = 'huge'\n", "unknown severity"),
    ],
)
def test_cli_reports_config_errors_with_exit_2(
    run_cli, tmp_path: Path, content: str, fragment: str
) -> None:
    write(tmp_path / "article-lint.toml", content)
    article = write(tmp_path / "a.txt", "lorem\n")
    res = run_cli(str(article))
    assert res.code == 2 and fragment in res.err and res.err.count("\n") == 1


def test_rule_options_and_severity_from_config(run_cli, tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        "[tool.article-lint]\nselect = ['DEMO001']\n"
        "[tool.article-lint.rules.DEMO]\nword = 'ipsum'\nseverity = 'error'\n",
    )
    article = write(tmp_path / "a.txt", "lorem ipsum\n")
    res = run_cli("--format", "json", str(article))
    assert '"message": "placeholder word \'ipsum\'"' in res.out and '"severity": "error"' in res.out


def test_explicit_config_path(run_cli, tmp_path: Path) -> None:
    cfg = write(tmp_path / "custom.toml", "select = ['DEMO001']\n")
    article = write(tmp_path / "sub" / "a.txt", "lorem\n")
    assert run_cli("--config", str(cfg), str(article)).code == 1
    res = run_cli("--config", str(tmp_path / "missing.toml"), str(article))
    assert res.code == 2 and "config file not found" in res.err
