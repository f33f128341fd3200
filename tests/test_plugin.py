"""Third-party rules plug in through the entry-point group with no engine change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.registry import PluginError, build_registry, discover


def run(args: list[str], plugin_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(plugin_dir), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "lint", *args], capture_output=True, text=True, env=env, cwd=cwd
    )


def test_plugin_distribution_on_path_is_listed_and_runs(demo_plugin: Path, tmp_path: Path) -> None:
    article = tmp_path / "post.txt"
    article.write_text("A lorem sentence.\n")
    listed = run(["--list-rules"], demo_plugin, tmp_path)
    assert listed.returncode == 0 and "DEMO001" in listed.stdout
    res = run(["--select", "DEMO001", str(article)], demo_plugin, tmp_path)
    assert res.stdout.strip() == f"{article}:1:3: DEMO001 placeholder word 'lorem'"
    assert res.returncode == 1


def test_plugin_options_from_config(demo_plugin: Path, tmp_path: Path) -> None:
    (tmp_path / "article-lint.toml").write_text('[rules.demo-lorem]\nword = "ipsum"\n')
    article = tmp_path / "post.txt"
    article.write_text("lorem ipsum\n")
    res = run(["--select", "DEMO001", str(article)], demo_plugin, tmp_path)
    assert "placeholder word 'ipsum'" in res.stdout and "'lorem'" not in res.stdout


def test_builtin_rules_come_through_the_same_group() -> None:
    names = {ep.name for ep in discover()}
    assert {"seo", "keywords", "quotes", "numbers"} <= names


def test_broken_plugin_names_itself(tmp_path: Path) -> None:
    from importlib.metadata import EntryPoint

    ep = EntryPoint(name="broken", value="no_such_module_xyz:RULES", group="article_lint.rules")
    with pytest.raises(PluginError, match="plugin 'broken'"):
        build_registry([ep])


def test_invalid_rule_declaration_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib.metadata import EntryPoint

    (tmp_path / "badplug.py").write_text(
        "from lint.rule import Rule\n"
        "class Bad(Rule):\n    code = 'bad1'\n    name = 'Bad Name'\n    summary = ''\n"
        "RULES = (Bad,)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = EntryPoint(name="bad", value="badplug:RULES", group="article_lint.rules")
    with pytest.raises(PluginError, match="does not match"):
        build_registry([ep])
