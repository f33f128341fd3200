"""Third-party rules plug in through the entry-point group with no engine change."""

from __future__ import annotations

import os
import shutil
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


def _installed_pairs() -> list[tuple[str, str]]:
    from importlib.metadata import entry_points

    found = sorted(entry_points(group="article_lint.rules"), key=lambda ep: ep.name)
    return [(ep.name, ep.value) for ep in found]


def _fake_distribution(folder: Path, value: str) -> Path:
    info = folder / "fakeplug-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplug\nVersion: 0.1\n")
    points = info / "entry_points.txt"
    points.write_text(f"[article_lint.rules]\nfake = {value}\n")
    return points


def test_discovery_kept_between_runs_is_what_importlib_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [(e.name, e.value) for e in discover()]
    again = [(e.name, e.value) for e in discover()]  # from the kept copy
    assert first == again == _installed_pairs()
    # A distribution installed since, then its entry point edited in place: both seen.
    monkeypatch.syspath_prepend(str(tmp_path))
    points = _fake_distribution(tmp_path, "fakeplug_one:RULES")
    assert ("fake", "fakeplug_one:RULES") in [(e.name, e.value) for e in discover()]
    before = points.stat().st_mtime_ns
    points.write_text("[article_lint.rules]\nfake = fakeplug_two:RULES\n")
    os.utime(points, ns=(before + 10**9, before + 10**9))  # a clock too coarse must not hide it
    assert ("fake", "fakeplug_two:RULES") in [(e.name, e.value) for e in discover()]
    assert [(e.name, e.value) for e in discover()] == _installed_pairs()
    shutil.rmtree(points.parent)  # and uninstalled
    assert "fake" not in [e.name for e in discover()]
    assert [(e.name, e.value) for e in discover()] == _installed_pairs()


def test_discovery_without_the_cache_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from lint import regex_cache

    monkeypatch.setenv(regex_cache.ENV, "off")
    regex_cache.cache_dir.cache_clear()
    try:
        assert [(e.name, e.value) for e in discover()] == _installed_pairs()
    finally:
        regex_cache.cache_dir.cache_clear()


def test_plugin_entry_loads_module_attribute_paths() -> None:
    from lint.registry import PluginEntry

    assert PluginEntry("x", "os.path:join").load() is os.path.join
    assert PluginEntry("x", "os:path.join").load() is os.path.join
    assert PluginEntry("x", "os.path").load() is os.path
    assert PluginEntry("x", "os:sep [extra]").load() == os.sep
    with pytest.raises(PluginError, match="plugin 'gone'"):
        build_registry([PluginEntry("gone", "no_such_module_xyz:RULES")])
