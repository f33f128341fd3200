"""Running the plan over many files: cache, process pool or Dask, in the given order.

The parent process reads each file, hashes it and looks it up in the result
cache; only misses are linted, in batches, by a process pool (``--jobs``), a
Dask cluster (``--dask-scheduler``) or in-process (``--jobs 1``, or when all the
misses fit in one batch).  Results come back in the order of the input and are
streamed: at most a bounded window of batches is in flight, so memory stays flat
however many files there are.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lint.files import InputError, Source, decode, read_bytes
from lint.plan import Plan
from lint.runner import INTERNAL_ERROR, FileResult, check_source, error_result
from lint.split import rule_runner
from lint.violation import Diagnostic, Severity

if TYPE_CHECKING:  # concurrent.futures costs ~15 ms to import: only when a pool starts
    from concurrent.futures import Executor, Future

BATCH_FILES = 32  # most files in one batch sent to a worker
BATCH_CHARS = 256 * 1024  # most characters in one batch
MAX_QUEUED = 4096  # most finished results held back behind an unfinished one
DASK_SPREAD = 32  # workers assumed for batch sizes on a Dask cluster without --jobs

_WORKER_PLAN: Plan | None = None


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def lint_sources(plan: Plan, sources: Sequence[Source], jobs: int = 1) -> list[FileResult]:
    """Lint decoded files (the worker's job); results carry no source text back.

    With ``jobs`` > 1 (in the parent only), a large file has its rules spread over
    that many forked workers (``lint.split``)."""
    return [
        replace(check_source(source, plan, rule_runner(len(source.text), jobs)), source=None)
        for source in sources
    ]


def _init_worker(plan: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = plan


def _lint_in_worker(sources: Sequence[Source]) -> list[FileResult]:
    assert _WORKER_PLAN is not None, "worker not initialised"
    return lint_sources(_WORKER_PLAN, sources)


@dataclass
class _Pending:
    """A file sent to be linted; ``result`` is set when its batch is back."""

    source: Source
    key: str | None
    batch: _Batch | None = None
    result: FileResult | None = None


@dataclass
class _Batch:
    items: list[_Pending]
    future: Future[list[FileResult]] | None = None


def _worker_failure(path: str, exc: BaseException) -> FileResult:
    message = f"internal error: worker failed: {type(exc).__name__}: {exc}"
    diag = Diagnostic(path, 1, 1, 1, 1, INTERNAL_ERROR, message, Severity.ERROR)
    return FileResult(path, (diag,))


class _Engine:
    """Where batches are linted: in-process, a local process pool or a Dask cluster.

    The first batch is held back: if it turns out to be the only one, it runs
    in-process and no pool is ever started (one short file stays fast).
    """

    def __init__(self, plan: Plan, jobs: int, dask_scheduler: str | None) -> None:
        self.plan = plan
        self.jobs = jobs
        self.dask_scheduler = dask_scheduler
        self.window = max(2, 2 * jobs)
        self.executor: Executor | None = None
        self.submit_fn: Callable[[list[Source]], Future[list[FileResult]]] | None = None
        self.close_fn: Callable[[], None] | None = None
        self.deferred: _Batch | None = None
        self.inflight: deque[_Batch] = deque()

    @property
    def parallel(self) -> bool:
        return self.dask_scheduler is not None or self.jobs > 1

    def submit(self, batch: _Batch) -> None:
        for item in batch.items:
            item.batch = batch
        if not self.parallel:
            self._run_here(batch)
        elif self.submit_fn is None and self.deferred is None:
            self.deferred = batch
        else:
            self._start()
            if self.deferred is not None:
                self._send(self.deferred)
                self.deferred = None
            self._send(batch)

    def _start(self) -> None:
        if self.submit_fn is not None:
            return
        if self.dask_scheduler is not None:
            from lint.dask_runner import connect

            self.submit_fn, self.close_fn = connect(self.dask_scheduler, self.plan)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if sys.platform == "linux" else None  # fork: no re-import, no pickling
        executor = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=(self.plan,),
        )
        self.executor = executor
        self.submit_fn = lambda sources: executor.submit(_lint_in_worker, sources)
        self.close_fn = lambda: executor.shutdown(wait=True, cancel_futures=True)

    def _send(self, batch: _Batch) -> None:
        assert self.submit_fn is not None
        try:
            batch.future = self.submit_fn([item.source for item in batch.items])
        except Exception as exc:  # noqa: BLE001 - e.g. a pool broken by a killed worker
            for item in batch.items:
                item.result = _worker_failure(item.source.path, exc)
            return
        self.inflight.append(batch)

    def _run_here(self, batch: _Batch) -> None:
        jobs = self.jobs if self.dask_scheduler is None else 1
        results = lint_sources(self.plan, [i.source for i in batch.items], jobs)
        for item, result in zip(batch.items, results, strict=True):
            item.result = result

    def busy(self) -> bool:
        """Too many batches in flight: the caller should wait for the oldest."""
        self._collect(block=False)
        return len(self.inflight) > self.window

    def wait(self, item: _Pending) -> None:
        """Block until ``item`` has its result."""
        if item.result is not None:
            return
        if item.batch is self.deferred and self.deferred is not None:
            self._run_here(self.deferred)
            self.deferred = None
            return
        while item.result is None and self.inflight:
            self._collect(block=True)

    def _collect(self, block: bool) -> None:
        while self.inflight and (block or self.inflight[0].future.done()):  # type: ignore[union-attr]
            batch = self.inflight.popleft()
            assert batch.future is not None
            try:
                results = batch.future.result()
            except Exception as exc:  # noqa: BLE001 - a dead worker must not lose files
                results = [_worker_failure(i.source.path, exc) for i in batch.items]
            for item, result in zip(batch.items, results, strict=True):
                item.result = result
            block = False

    def close(self) -> None:
        if self.close_fn is not None:
            self.close_fn()
            self.close_fn = None


def _read(path: str, plan: Plan) -> tuple[bytes, Source]:
    data = read_bytes(path)
    return data, decode(path, data, plan.settings.max_file_size_mb)


def _prepare(path: str, error: str | None, plan: Plan, cache: Any) -> FileResult | _Pending:
    """A ready result (I/O error, empty file, cache hit) or a file to lint."""
    if error:
        return error_result(path, error)
    try:
        data, source = _read(path, plan)
    except InputError as exc:
        return error_result(path, str(exc))
    if not source.text.strip():
        return FileResult(path, notices=(f"{path}: file is empty, nothing to lint",), source=source)
    key = None
    if cache is not None:
        key = cache.key(path, data)
        hit = cache.get(path, key)
        if hit is not None:
            return replace(hit, source=source)
    return _Pending(source, key)


def _pipeline(
    items: Sequence[tuple[str, str | None]], plan: Plan, cache: Any, engine: _Engine
) -> Iterator[FileResult]:
    spread = 4 * max(1, engine.jobs)
    queue: deque[FileResult | _Pending] = deque()
    batch: list[_Pending] = []
    chars = 0
    for done, (path, error) in enumerate(items):
        # Batches shrink towards the end of the input, so the workers finish together
        # instead of one idling while the other works through a last full batch.
        per_batch = max(1, min(BATCH_FILES, (len(items) - done) // spread))
        slot = _prepare(path, error, plan, cache)
        queue.append(slot)
        if isinstance(slot, _Pending):
            batch.append(slot)
            chars += len(slot.source.text)
            if len(batch) >= per_batch or chars >= BATCH_CHARS:
                engine.submit(_Batch(batch))
                batch, chars = [], 0
        block = engine.busy() or len(queue) > MAX_QUEUED
        if block and batch:  # the file we may wait for must have been sent
            engine.submit(_Batch(batch))
            batch, chars = [], 0
        yield from _drain(queue, engine, cache, block)
    if batch:
        engine.submit(_Batch(batch))
    while queue:
        yield from _drain(queue, engine, cache, block=True)


def _drain(
    queue: deque[FileResult | _Pending], engine: _Engine, cache: Any, block: bool
) -> Iterator[FileResult]:
    """Yield finished results from the front of ``queue``, in order."""
    while queue:
        slot = queue[0]
        if isinstance(slot, _Pending):
            if slot.result is None:
                if not block:
                    return
                engine.wait(slot)
                block = False
            assert slot.result is not None
            if cache is not None and slot.key is not None:
                cache.put(slot.key, slot.result)
            slot = replace(slot.result, source=slot.source)
        queue.popleft()
        yield slot


def run_files(
    items: Sequence[tuple[str, str | None]],
    plan: Plan,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: str | None = None,
    quiet: bool = False,
    dask_scheduler: str | None = None,
    keep_source: bool = True,
    progress: bool | None = None,
    **_: Any,
) -> Iterator[FileResult]:
    """Yield one FileResult per ``(path, error)`` item, in the order given.

    ``jobs``: worker processes (None or 0: every CPU; 1: in-process); with
    ``dask_scheduler``, the cluster's worker count to size batches for (default 32).
    ``use_cache``/``cache_dir``: the result cache (default ``.article-lint-cache``).
    ``dask_scheduler``: lint on that Dask cluster instead of local processes.
    ``keep_source``: attach each file's text (needed by --show-source, --stats, --fix).
    ``progress``: force the progress bar on or off (None: only on a TTY, see lint.progress).
    """
    from lint import progress as progress_mod

    items = list(items)
    cache = None
    if use_cache:
        from lint.cache import DEFAULT_DIR, Cache

        cache = Cache(cache_dir or DEFAULT_DIR, plan)
    if jobs and jobs > 0:
        workers = jobs
    else:  # a cluster is usually bigger than this machine: smaller batches, more in flight
        workers = DASK_SPREAD if dask_scheduler else default_jobs()
    engine = _Engine(plan, workers, dask_scheduler)
    bar = progress_mod.start(len(items), quiet=quiet, force=progress)
    try:
        for result in _pipeline(items, plan, cache, engine):
            if not keep_source:
                result = replace(result, source=None)
            bar.advance(result)
            yield result
            bar.resume()
    finally:
        bar.close()
        engine.close()
