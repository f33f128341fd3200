"""Linting on a Dask cluster (the optional extra ``article-lint[dask]``).

``article-lint --dask-scheduler tcp://host:8786 PATHS...`` reads the files and
checks the cache on this machine, sends the misses in batches (their text, so
the workers need no shared file system, only article-lint and the same rule
plugins installed) and merges the results in input order, so every report
format is the same as a local run.  See docs/library-api.md for a ``dask.bag``
recipe built on ``lint.check_text``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from lint.config import ConfigError
from lint.files import Source
from lint.plan import Plan

CONNECT_TIMEOUT = "20s"


def connect(
    address: str, plan: Plan
) -> tuple[Callable[[Sequence[Source]], Any], Callable[[], None]]:
    """A ``submit(sources) -> future`` function on the cluster at ``address``, and ``close``.

    The plan is sent to every worker once; each future's result is a list of
    FileResult (without source text), in the order of ``sources``.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("--dask-scheduler needs Dask: pip install 'article-lint[dask]'") from exc
    from lint.parallel import lint_sources

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot connect to the Dask scheduler at {address}: {exc}") from exc
    plan_ref = client.scatter(plan, broadcast=True, hash=False)

    def submit(sources: Sequence[Source]) -> Any:
        return client.submit(lint_sources, plan_ref, list(sources), pure=False)

    return submit, client.close
