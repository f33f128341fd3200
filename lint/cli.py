"""The ``article-lint`` command: parse arguments, wire the pieces, return the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import IO, Any

from lint import __version__
from lint.config import ConfigError, resolve, validate_codes
from lint.registry import PluginError, default_registry
from lint.report import FORMATS, ReportOptions, make_reporter
from lint.runner import FileResult

EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="article-lint",
        description="Lint web articles for page chrome, keyword stuffing, unsourced claims.",
    )
    p.add_argument("paths", nargs="*", help="files or directories to lint ('-' for stdin)")
    sel = p.add_argument_group("rule selection")
    for flag in ("select", "ignore", "extend-select", "extend-ignore"):
        sel.add_argument(
            f"--{flag}",
            metavar="CODES",
            help=f"comma-separated code prefixes to {flag.replace('-', ' ')}",
        )
    sel.add_argument("--per-file-ignores", metavar="GLOB:CODES", help="e.g. 'drafts/*.md:SEO,KW'")
    sel.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        help="report and fail only at or above this severity",
    )
    files = p.add_argument_group("files")
    files.add_argument(
        "--extend-exclude", metavar="GLOBS", help="extra comma-separated exclude globs"
    )
    files.add_argument("--stdin-filename", metavar="NAME", help="the name to report for '-'")
    files.add_argument("--input-format", choices=("auto", "text", "markdown", "html"))
    out = p.add_argument_group("output")
    out.add_argument(
        "--format", choices=sorted(FORMATS), default=None, help="output format (default: default)"
    )
    out.add_argument("--output-file", metavar="PATH", help="write the report to PATH")
    out.add_argument(
        "--show-source", action="store_true", help="show the line with a caret under each span"
    )
    out.add_argument(
        "--statistics", action="store_true", help="count violations per code at the end"
    )
    out.add_argument("--count", action="store_true", help="print the total number of violations")
    out.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when violations are found"
    )
    out.add_argument("-q", "--quiet", action="store_true", help="print violations only, no notices")
    out.add_argument(
        "--stats", action="store_true", help="print article statistics and a quality score"
    )
    fix = p.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)"
    )
    fix.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff, write nothing"
    )
    cfg = p.add_argument_group("configuration")
    cfg.add_argument("--config", metavar="PATH", help="use this config file")
    cfg.add_argument("--isolated", action="store_true", help="ignore all config files")
    cfg.add_argument(
        "--languagetool", metavar="BACKEND", help="'local', 'http://host:port' or 'off'"
    )
    run = p.add_argument_group("performance")
    run.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: CPUs; 1 = in-process)",
    )
    run.add_argument(
        "--no-cache", action="store_true", help="do not read or write the result cache"
    )
    run.add_argument(
        "--cache-dir", metavar="DIR", help="cache directory (default: .article-lint-cache)"
    )
    run.add_argument("--dask-scheduler", metavar="ADDRESS", help="lint on a Dask cluster")
    info = p.add_argument_group("information")
    info.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    info.add_argument("--explain", metavar="CODE", help="print a rule's documentation and exit")
    info.add_argument("--version", action="version", version=f"article-lint {__version__}")
    return p


def cli_table(args: argparse.Namespace) -> dict[str, Any]:
    """The command line's settings in config-file shape (validated the same way)."""
    table: dict[str, Any] = {}
    for flag in ("select", "ignore", "extend_select", "extend_ignore", "extend_exclude"):
        value = getattr(args, flag)
        if value is not None:
            table[flag.replace("_", "-")] = value
    if args.per_file_ignores:
        table["per-file-ignores"] = args.per_file_ignores
    if args.min_severity:
        table["min-severity"] = args.min_severity
    if args.input_format:
        table["input-format"] = args.input_format
    if args.languagetool:
        table["languagetool"] = args.languagetool
    return table


def main(
    argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        return _run(args, out, err)
    except (ConfigError, PluginError) as exc:
        err.write(f"article-lint: error: {exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return EXIT_OK


def _run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    registry = default_registry()
    if args.list_rules:
        from lint.report.rules import print_rule_table

        print_rule_table(registry, out)
        return EXIT_OK
    if args.explain:
        from lint.report.rules import explain

        return explain(registry, args.explain, out, err)
    paths = args.paths or ["."]
    settings = resolve(paths, cli_table(args), config_path=args.config, isolated=args.isolated)
    validate_codes(settings, registry.codes(), [r.name for r in registry.rules])
    from lint.plan import build_plan

    plan = build_plan(settings, registry)
    if args.output_file:
        with open(args.output_file, "w", encoding="utf-8") as stream:
            return _lint(args, plan, stream, err, color=False)
    color = _use_color(out)
    return _lint(args, plan, out, err, color)


def _use_color(stream: IO[str]) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


def _results(args: argparse.Namespace, plan: Any, err: IO[str]) -> Iterator[FileResult]:
    from lint.files import discover
    from lint.parallel import run_files

    items = list(discover(args.paths or ["."], plan.settings))
    stdin_items = [i for i in items if i[0] == "-"]
    if stdin_items:
        yield _stdin_result(args, plan)
    files = [i for i in items if i[0] != "-"]
    yield from run_files(
        files,
        plan,
        jobs=args.jobs,
        use_cache=not args.no_cache and not (args.fix or args.diff),
        cache_dir=args.cache_dir,
        quiet=args.quiet,
        dask_scheduler=args.dask_scheduler,
    )


def _stdin_result(args: argparse.Namespace, plan: Any) -> FileResult:
    from lint.files import InputError, decode
    from lint.runner import check_source, error_result

    name = args.stdin_filename or "-"
    try:
        source = decode(name, sys.stdin.buffer.read(), plan.settings.max_file_size_mb)
    except InputError as exc:
        return error_result(name, str(exc))
    return check_source(source, plan)


def _lint(args: argparse.Namespace, plan: Any, out: IO[str], err: IO[str], color: bool) -> int:
    if args.stats:
        from lint.report.stats import run_stats

        return run_stats(_results(args, plan, err), plan, out, args.format or "default")
    fmt = args.format or "default"
    reporter = make_reporter(fmt, out, ReportOptions(show_source=args.show_source, color=color))
    reporter.start(plan.rule_classes)
    counts: Counter[str] = Counter()
    notices: dict[str, None] = {}
    io_error = False
    for result in _results(args, plan, err):
        if args.fix or args.diff:
            from lint.fix import fix_result

            result = fix_result(
                result,
                plan,
                unsafe=args.unsafe_fixes,
                write=args.fix,
                diff_stream=out if args.diff else None,
            )
        if not args.diff:
            reporter.handle(result)
        io_error |= result.error
        counts.update(d.code for d in result.diagnostics)
        notices.update(dict.fromkeys(result.notices))
    if not args.diff:
        reporter.finish()
    _summaries(args, counts, out)
    if not args.quiet:
        for notice in notices:
            err.write(f"article-lint: {notice}\n")
    if args.exit_zero:
        return EXIT_OK
    if io_error:
        return EXIT_ERROR
    return EXIT_VIOLATIONS if sum(counts.values()) else EXIT_OK


def _summaries(args: argparse.Namespace, counts: Counter[str], out: IO[str]) -> None:
    if args.format not in (None, "default", "concise", "full"):
        return
    if args.statistics:
        for code, n in sorted(counts.items()):
            out.write(f"{n:<5} {code}\n")
    if args.count:
        out.write(f"{sum(counts.values())}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
