"""``--stats``: per-file statistics and a quality score (figures from lint.stats)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from lint.runner import FileResult


def run_stats(results: Iterable[FileResult], plan: Any, out: IO[str], fmt: str) -> int:
    from lint.inputs import load_document
    from lint.stats import file_stats, render_stats
    from lint.suppression import parse

    rows: list[dict[str, Any]] = []
    error = False
    for result in results:
        if result.source is None:
            error |= result.error
            continue
        _, spans = parse(result.source.text)
        doc = load_document(result.path, result.source.text, plan.settings.input_format, spans)
        stats = file_stats(doc, list(result.diagnostics))
        stats.setdefault("path", result.path)
        rows.append(stats)
    if fmt == "json":
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        from rich.console import Console

        render_stats(rows, Console(file=out, highlight=False))
    return 2 if error else 0
