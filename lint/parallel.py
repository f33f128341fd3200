"""Running the plan over many files (sequential for now; in order)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from lint.plan import Plan
from lint.runner import FileResult, check_paths


def run_files(
    items: Sequence[tuple[str, str | None]],
    plan: Plan,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: str | None = None,
    quiet: bool = False,
    dask_scheduler: str | None = None,
    **_: Any,
) -> Iterator[FileResult]:
    """Yield one FileResult per item, in the order given."""
    yield from check_paths(items, plan)
