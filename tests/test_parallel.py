"""Parallel runs: same results in the same order whatever the number of processes."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint import parallel, progress
from lint.api import make_plan
from lint.config import Settings
from lint.document import Document
from lint.files import discover
from lint.plan import Plan
from lint.rule import Rule, RuleUnavailable
from lint.runner import FileResult
from lint.selection import Selection
from lint.violation import Severity, Violation

SUBJECTS = ("The council", "A spokesperson", "Researchers", "The company", "Local residents")
VERBS = ("said", "announced", "reported", "argued", "confirmed")
OBJECTS = (
    "that the bridge would reopen in 2027",
    "a 12% rise in visitor numbers last year",
    "that many experts agree the plan is sound",
    "that the new policy was recently approved",
    "plans to click here for more details",
)


def make_article(rng: random.Random, paragraphs: int = 4) -> str:
    """A small synthetic article (our own template sentences, nothing copied)."""
    parts = [f"# Report number {rng.randint(1, 999)}"]
    for _ in range(paragraphs):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
            for _ in range(rng.randint(2, 5))
        ]
        parts.append(" ".join(sentences))
    return "\n\n".join(parts) + "\n"


def write_corpus(root: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        path = root / f"article-{i:03d}.txt"
        path.write_text(make_article(rng), encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_corpus(root, 40)
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "latin1.txt").write_bytes("caf\xe9 au lait\n".encode("latin-1"))
    return root


def results(paths: list[str], plan: Plan, **kwargs: object) -> list[FileResult]:
    items = list(discover(paths, plan.settings))
    return list(parallel.run_files(items, plan, use_cache=False, **kwargs))  # type: ignore[arg-type]


def test_jobs_give_identical_results_in_order(corpus: Path) -> None:
    plan = make_plan()
    paths = [str(corpus), str(corpus / "missing.txt")]
    one = results(paths, plan, jobs=1)
    many = results(paths, make_plan(), jobs=2)
    assert [r.path for r in many] == [r.path for r in one]
    assert [r.diagnostics for r in many] == [r.diagnostics for r in one]
    assert [r.error for r in one][-1] is True  # the missing file, last as given
    assert sorted(r.path for r in one[:-1]) == [r.path for r in one[:-1]]


@pytest.mark.parametrize("fmt", ["default", "json"])
def test_cli_output_identical_for_jobs(run_cli, corpus: Path, fmt: str) -> None:
    one = run_cli("--no-cache", "--jobs", "1", "--format", fmt, str(corpus))
    two = run_cli("--no-cache", "--jobs", "2", "--format", fmt, str(corpus))
    assert (two.code, two.out) == (one.code, one.out)
    assert one.out  # the synthetic articles do trigger findings


def test_small_batches_keep_order(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BATCH_FILES", 1)
    monkeypatch.setattr(parallel, "MAX_QUEUED", 3)
    plan = make_plan()
    base = results([str(corpus)], plan, jobs=1)
    got = results([str(corpus)], make_plan(), jobs=2)
    assert [(r.path, r.diagnostics) for r in got] == [(r.path, r.diagnostics) for r in base]


def test_one_file_never_starts_a_pool(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(self: object) -> None:
        raise AssertionError("a pool was started for a single file")

    monkeypatch.setattr(parallel._Engine, "_start", no_pool)
    (res,) = results([str(corpus / "article-000.txt")], make_plan(), jobs=4)
    assert res.source is not None and res.diagnostics


@pytest.mark.parametrize("keep", [True, False])
def test_keep_source(corpus: Path, keep: bool) -> None:
    got = results([str(corpus)], make_plan(), jobs=2, keep_source=keep)
    texts = [r.source.text if r.source else None for r in got if not r.error]
    if keep:
        assert all(t is not None for t in texts)
        assert texts[0] == (corpus / "article-000.txt").read_text(encoding="utf-8")
    else:
        assert texts == [None] * len(texts)


def test_io_problems_become_e902(corpus: Path) -> None:
    got = {Path(r.path).name: r for r in results([str(corpus)], make_plan(), jobs=2)}
    assert got["latin1.txt"].error and got["latin1.txt"].diagnostics[0].code == "E902"
    assert got["empty.txt"].notices and not got["empty.txt"].diagnostics


class Flaky(Rule):
    """Unavailable everywhere (for the notice test)."""

    code = "TST901"
    name = "test-flaky"
    summary = "always unavailable"

    def check(self, doc: Document) -> Iterator[Violation]:
        raise RuleUnavailable("no backend here")


class Words(Rule):
    """One violation per document (for the notice test)."""

    code = "TST902"
    name = "test-words"
    summary = "flags the first character"
    severity = Severity.INFO

    @dataclass(frozen=True)
    class Options:
        pass

    def check(self, doc: Document) -> Iterator[Violation]:
        yield self.violation(0, 1, "first character")


@pytest.mark.parametrize("jobs", [1, 2])
def test_unavailable_rule_notice_comes_back(corpus: Path, jobs: int) -> None:
    plan = Plan(Settings(), (Flaky(), Words()), Selection(None, (), (), ()))
    got = results([str(corpus)], plan, jobs=jobs)
    notices = {n for r in got for n in r.notices if "TST901" in n}
    assert notices == {"no backend here (skipped TST901)"}
    flagged = [r.path for r in got for d in r.diagnostics if d.code == "TST902"]
    assert len(flagged) == 40  # the other rule still ran on every article


@pytest.mark.parametrize(
    ("total", "quiet", "env", "tty", "expected"),
    [
        (200, False, {}, True, True),
        (200, False, {}, False, False),  # a pipe
        (200, True, {}, True, False),  # --quiet
        (200, False, {"CI": "true"}, True, False),
        (200, False, {"TERM": "dumb"}, True, False),
        (10, False, {}, True, False),  # too few files to bother
    ],
)
def test_progress_wanted(total: int, quiet: bool, env: dict, tty: bool, expected: bool) -> None:
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    assert progress.wanted(total, quiet, Stream(), env) is expected


def test_progress_bar_draws_and_clears(corpus: Path) -> None:
    stream = io.StringIO()
    bar = progress.start(3, force=True, stream=stream)
    assert isinstance(bar, progress.Bar)
    for r in results([str(corpus / "article-000.txt")], make_plan(), jobs=1) * 3:
        bar.advance(r)
        bar.resume()
    bar.close()
    assert "3/3" in stream.getvalue()


def test_no_progress_when_piped() -> None:
    assert isinstance(progress.start(500, stream=io.StringIO()), progress.NoProgress)


def _die(sources: object) -> list[FileResult]:
    import os

    os._exit(3)  # a worker killed mid-batch (out of memory, a signal...)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")
def test_dead_worker_reports_every_file_and_finishes(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "_lint_in_worker", _die)
    monkeypatch.setattr(parallel, "BATCH_FILES", 2)
    got = results([str(corpus)], make_plan(), jobs=2)
    linted = [r for r in got if not r.error and r.diagnostics]
    assert len(got) == 42 and len(linted) == 40
    assert all(r.diagnostics[0].code == "LNT999" for r in linted)
    assert "worker failed" in linted[0].diagnostics[0].message


def test_results_stream_with_a_bounded_lag(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are read only a bounded distance ahead of the results handed out."""
    monkeypatch.setattr(parallel, "BATCH_FILES", 1)
    monkeypatch.setattr(parallel, "MAX_QUEUED", 4)
    prepared = 0
    real = parallel._prepare

    def counting(*args: object) -> object:
        nonlocal prepared
        prepared += 1
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_prepare", counting)
    plan = make_plan()
    items = list(discover([str(corpus)], plan.settings))
    lags = []
    for done, _ in enumerate(parallel.run_files(items, plan, jobs=2, use_cache=False), 1):
        lags.append(prepared - done)
    window = 2 * 2  # batches in flight for two workers
    assert len(lags) == 42 and max(lags) <= window + 4 + 1


def test_bar_clears_its_line_before_a_report_on_the_same_terminal(corpus: Path) -> None:
    stream = io.StringIO()
    bar = progress.Bar(10, stream)
    bar.shared = True  # as if stdout and stderr were one terminal
    (res,) = results([str(corpus / "article-000.txt")], make_plan(), jobs=1)
    assert res.diagnostics
    before = stream.getvalue()
    bar.advance(res)
    assert stream.getvalue()[len(before) :] == "\r\x1b[2K"
    bar.resume()
    assert "1/10" in stream.getvalue()[len(before) :]
    bar.close()
