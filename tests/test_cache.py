"""The result cache: warm runs do no rule work; stale, corrupt or foreign entries are ignored."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from pathlib import Path

import pytest

from lint import cache as cache_mod
from lint import parallel
from lint.api import make_plan
from lint.cache import Cache, canonical, decode, encode, fingerprint
from lint.files import discover
from lint.plan import Plan
from lint.runner import FileResult, run_all_rules
from lint.violation import Diagnostic, Fix, Severity
from tests.test_parallel import write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_corpus(root, 12)
    return root


@pytest.fixture(autouse=True)
def rule_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Stand-in rule sources: other people editing the tree must not flake these tests."""
    fake = tmp_path / "fake_rules.py"
    fake.write_text("RULES = ()\n", encoding="utf-8")
    monkeypatch.setattr(cache_mod, "_source_files", lambda plan: [fake])
    return fake


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths linted by rules (in-process runs), in order."""
    seen: list[str] = []
    real = parallel.check_source

    def counting(source, plan, run=run_all_rules):  # type: ignore[no-untyped-def]
        seen.append(source.path)
        return real(source, plan, run)

    monkeypatch.setattr(parallel, "check_source", counting)
    return seen


def run(paths: list[str], cache_dir: Path, plan: Plan | None = None) -> list[FileResult]:
    plan = plan or make_plan()
    items = list(discover(paths, plan.settings))
    return list(parallel.run_files(items, plan, jobs=1, cache_dir=str(cache_dir)))


def entries(cache_dir: Path) -> list[Path]:
    found = [p for p in cache_dir.glob("*/*/*") if p.is_file()]  # <fingerprint>/<aa>/<rest>
    assert found
    return found


def payload(results: list[FileResult]) -> list[tuple[str, tuple[Diagnostic, ...]]]:
    return [(r.path, r.diagnostics) for r in results]


def test_warm_run_does_no_rule_work(corpus: Path, tmp_path: Path, calls: list[str]) -> None:
    cold = run([str(corpus)], tmp_path / "c")
    assert len(calls) == 12
    warm = run([str(corpus)], tmp_path / "c")
    assert len(calls) == 12  # nothing linted again
    assert payload(warm) == payload(cold)
    assert [r.source.text for r in warm if r.source] == [r.source.text for r in cold if r.source]
    fixes = [d.fix for r in cold for d in r.diagnostics if d.fix]
    assert fixes == [d.fix for r in warm for d in r.diagnostics if d.fix]


def test_changed_file_is_linted_again(corpus: Path, tmp_path: Path, calls: list[str]) -> None:
    run([str(corpus)], tmp_path / "c")
    target = corpus / "article-003.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nMany experts agree.\n", "utf-8")
    run([str(corpus)], tmp_path / "c")
    assert calls[12:] == [str(target)]


def test_settings_change_the_fingerprint() -> None:
    base = fingerprint(make_plan())
    assert fingerprint(make_plan()) == base  # stable within and across runs
    assert fingerprint(make_plan({"min-severity": "error"})) != base
    assert fingerprint(make_plan({"input-format": "markdown"})) != base


def test_rule_options_and_severity_change_the_fingerprint() -> None:
    plan = make_plan()
    base = fingerprint(plan)
    rule = plan.rules[0]
    louder = type(rule)(
        rule.options, Severity.INFO if rule.level != Severity.INFO else Severity.ERROR
    )
    assert fingerprint(dataclasses.replace(plan, rules=(louder, *plan.rules[1:]))) != base
    for i, rule in enumerate(plan.rules):
        ints = [
            f.name
            for f in dataclasses.fields(rule.options)
            if type(getattr(rule.options, f.name)) is int
        ]
        if ints:
            options = dataclasses.replace(
                rule.options, **{ints[0]: getattr(rule.options, ints[0]) + 1}
            )
            rules = (*plan.rules[:i], type(rule)(options, rule.level), *plan.rules[i + 1 :])
            assert fingerprint(dataclasses.replace(plan, rules=rules)) != base
            break
    else:
        pytest.skip("no rule with an integer option is installed")


def test_rule_source_edit_changes_the_fingerprint(rule_sources: Path) -> None:
    plan = make_plan()
    before = fingerprint(plan)
    st = rule_sources.stat()
    os.utime(rule_sources, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert fingerprint(plan) != before


def test_source_files_cover_engine_and_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    plan = make_plan()
    names = {Path(f).name for f in cache_mod._source_files(plan)}
    modules = {type(r).__module__.rsplit(".", 1)[-1] + ".py" for r in plan.rules}
    assert {"runner.py", "document.py"} | modules <= names
    assert any(n.endswith(".txt") for n in names)  # the phrase lists too


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\x00\x01garbage", b"x" * 5000, encode(FileResult("p"))[:-3]],
    ids=["empty", "binary", "long", "truncated"],
)
def test_corrupt_entries_are_ignored(
    corpus: Path, tmp_path: Path, calls: list[str], garbage: bytes
) -> None:
    cold = run([str(corpus)], tmp_path / "c")
    for entry in entries(tmp_path / "c"):
        entry.write_bytes(garbage)
    again = run([str(corpus)], tmp_path / "c")
    assert payload(again) == payload(cold)
    assert len(calls) == 24  # everything linted again
    run([str(corpus)], tmp_path / "c")
    assert len(calls) == 24  # ... and the rewritten entries are good


def test_other_version_entries_are_ignored(
    corpus: Path, tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run([str(corpus)], tmp_path / "c")
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    for entry in entries(tmp_path / "c"):
        data = entry.read_bytes()
        assert decode("x", data) is None  # written by "another version"
    run([str(corpus)], tmp_path / "c")
    assert len(calls) == 24


def test_round_trip_keeps_every_field() -> None:
    diag = Diagnostic(
        "a.txt", 3, 1, 3, 6, "SEO001", "message ü", Severity.ERROR, Fix.replace(4, 9, "x"), 4, 9
    )
    result = FileResult("a.txt", (diag,), ("a notice",))
    back = decode("b.txt", encode(result))
    assert back is not None
    (got,) = back.diagnostics
    assert (got.path, got.fix, got.start, got.end) == ("b.txt", diag.fix, 4, 9)
    assert dataclasses.replace(got, path="a.txt") == diag
    assert back.notices == ("a notice",)


@pytest.mark.parametrize(
    ("result", "unavailable", "stored"),
    [
        (FileResult("a"), {}, True),
        (FileResult("a"), {"LT001": "no server"}, False),
        (FileResult("a", error=True), {}, False),
        (
            FileResult("a", (Diagnostic("a", 1, 1, 1, 1, "LNT999", "boom", Severity.ERROR),)),
            {},
            False,
        ),
    ],
)
def test_what_is_not_cached(result: FileResult, unavailable: dict, stored: bool) -> None:
    plan = make_plan()
    plan.unavailable.update(unavailable)
    assert cache_mod.cacheable(result, plan) is stored


def test_canonical_sorts_sets() -> None:
    assert canonical(frozenset({"b", "a", "c"})) == canonical(frozenset({"c", "a", "b"}))
    assert canonical({"x": 1, "a": 2}) == canonical({"a": 2, "x": 1})


def test_unwritable_cache_dir_runs_without_cache(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("", encoding="utf-8")
    got = run([str(corpus)], blocker / "cache")
    assert len(got) == 12


def test_cache_dir_is_tagged(corpus: Path, tmp_path: Path) -> None:
    run([str(corpus)], tmp_path / "c")
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d1")
    assert (tmp_path / "c" / ".gitignore").read_text().strip().endswith("*")


def _hammer(directory: str, key: str, rounds: int) -> None:
    plan = make_plan()
    cache = Cache(directory, plan)
    diag = Diagnostic("a", 1, 1, 1, 2, "SEO001", "m" * 2000, Severity.WARNING)
    for i in range(rounds):
        cache.put(key, FileResult("a", (diag,) * (1 + i % 5)))
        assert cache.get("a", key) is not None


def test_concurrent_writers_never_leave_a_broken_entry(tmp_path: Path) -> None:
    key = "ab" * 20
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    procs = [ctx.Process(target=_hammer, args=(str(tmp_path), key, 60)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    hit = Cache(str(tmp_path), make_plan()).get("a", key)
    assert hit is not None and 1 <= len(hit.diagnostics) <= 5
    assert not list(tmp_path.rglob(".tmp-*"))


def test_cli_second_run_reads_the_cache(
    run_cli, corpus: Path, tmp_path: Path, calls: list[str]
) -> None:
    args = ("--jobs", "1", "--cache-dir", str(tmp_path / "c"), str(corpus))
    first = run_cli(*args)
    second = run_cli(*args)
    assert (second.code, second.out) == (first.code, first.out)
    assert len(calls) == 12
    third = run_cli("--no-cache", *args)
    assert third.out == first.out and len(calls) == 24
