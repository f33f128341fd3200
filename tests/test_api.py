"""The library API: check_text / check_paths are pure, picklable and agree with the CLI."""

from __future__ import annotations

import pickle
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import lint
from lint.api import check_paths, check_text, make_plan
from lint.config import ConfigError, Settings
from lint.violation import Diagnostic
from tests.test_parallel import make_article, write_corpus

TEXT = make_article(random.Random(3), paragraphs=6)


def lines(diags: list[Diagnostic]) -> list[str]:
    return [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in diags]


def test_package_exports_the_api() -> None:
    assert lint.check_text is check_text and lint.check_paths is check_paths


def test_check_text_matches_the_cli(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    cli = run_cli("--no-cache", str(path))
    got = check_text(TEXT, path=str(path))
    assert got and lines(got) == cli.out.splitlines()
    assert got == sorted(got, key=Diagnostic.sort_key)


def test_check_text_is_pure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = check_text(TEXT)
    assert check_text(TEXT) == first
    assert {d.path for d in first} == {"<string>"}
    assert list(tmp_path.iterdir()) == []  # no cache, no output files


@pytest.mark.parametrize(
    "config",
    [{"select": ["SEO"]}, Settings(select=("SEO",))],
    ids=["table", "settings"],
)
def test_config_selects_rules(config: object) -> None:
    got = check_text("Home | About | Contact\n\n" + TEXT, config=config)  # type: ignore[arg-type]
    assert all(d.code.startswith("SEO") for d in got)


@pytest.mark.parametrize(
    "config",
    [{"no-such-key": 1}, {"select": ["NOPE"]}, {"min-severity": "loud"}],
)
def test_bad_config_raises(config: dict) -> None:
    with pytest.raises(ConfigError):
        check_text(TEXT, config=config)


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_empty_text_has_no_findings(text: str) -> None:
    assert check_text(text) == []


def test_bom_is_ignored() -> None:
    assert check_text("\ufeff" + TEXT) == check_text(TEXT)


def test_functions_and_results_pickle() -> None:
    for fn in (check_text, check_paths):
        assert pickle.loads(pickle.dumps(fn)) is fn
    got = check_text(TEXT)
    assert pickle.loads(pickle.dumps(got)) == got
    plan = make_plan()
    assert [type(r) for r in pickle.loads(pickle.dumps(plan)).rules] == list(plan.rule_classes)


def test_runs_in_a_process_pool() -> None:
    texts = [make_article(random.Random(i)) for i in range(4)]
    with ProcessPoolExecutor(2) as pool:
        remote = list(pool.map(check_text, texts))
    assert remote == [check_text(t) for t in texts]


def test_check_paths(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "c", 5)
    missing = str(tmp_path / "missing.txt")
    got = check_paths([str(tmp_path / "c"), missing])
    assert [d for d in got if d.code == "E902"] == [d for d in got if d.path == missing]
    assert len([d for d in got if d.path == missing]) == 1
    expected = [d for f in files for d in check_text(f.read_text("utf-8"), path=str(f))]
    assert [d for d in got if d.path != missing] == expected
    assert check_paths([str(tmp_path / "c")], jobs=2) == expected
    assert not (tmp_path / ".article-lint-cache").exists()


def test_check_paths_with_cache(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 3)
    first = check_paths([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"))
    assert (tmp_path / "cache" / "CACHEDIR.TAG").exists()
    assert check_paths([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache")) == first
