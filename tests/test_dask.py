"""--dask-scheduler: a LocalCluster with two worker processes gives the local run's output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_parallel import write_corpus

distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_corpus(root, 30, seed=11)
    (root / "broken.txt").write_bytes(b"\xff\xfe not utf-8\n")
    return root


@pytest.mark.parametrize("fmt", ["default", "json"])
def test_dask_output_identical_to_local(run_cli, scheduler: str, corpus: Path, fmt: str) -> None:
    # Dask workers are spawned processes with their own str-hash seed: every rule must
    # give the same output whatever the seed.
    common = ("--no-cache", "--format", fmt, str(corpus))
    local = run_cli("--jobs", "1", *common)
    remote = run_cli("--dask-scheduler", scheduler, *common)
    assert (remote.code, remote.out) == (local.code, local.out)
    assert local.out and "E902" in local.out
    if fmt == "json":
        assert len(json.loads(remote.out)) > 30


def test_dask_work_happens_on_the_workers(scheduler: str, corpus: Path) -> None:
    from lint.api import make_plan
    from lint.files import discover
    from lint.parallel import run_files

    plan = make_plan()
    items = list(discover([str(corpus)], plan.settings))
    with distributed.Client(scheduler) as client:
        got = list(run_files(items, plan, use_cache=False, dask_scheduler=scheduler))
        tasks = client.run(lambda dask_worker: len(dask_worker.state.log))
    assert [r.path for r in got] == [path for path, _ in items]
    assert len(tasks) == 2 and sum(tasks.values()) > 0


def test_unreachable_scheduler_is_a_clean_error(
    run_cli, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint import dask_runner

    monkeypatch.setattr(dask_runner, "CONNECT_TIMEOUT", "1s")
    res = run_cli("--no-cache", "--dask-scheduler", "tcp://127.0.0.1:9", str(corpus))
    assert res.code == 2
    assert "cannot connect to the Dask scheduler" in res.err
