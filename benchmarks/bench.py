"""Benchmark article-lint against proselint on the same files, in the same run.

    .venv/bin/python benchmarks/bench.py --setup-peer      # once: proselint 0.16 in a venv
    .venv/bin/python benchmarks/bench.py                   # the full table (a few minutes)
    .venv/bin/python benchmarks/bench.py --quick           # 200 files, no 10 MB file

Prints a Markdown table -- files, MB, wall seconds, MB/s, peak RSS -- for article-lint
with all default rules, each rule family alone, ``--jobs 1`` against every core,
a cold and a warm cache, proselint on both shapes (many ~5 KB files; one 1 MB
file), one 10 MB file, and the corpus doubled (linearity).  Every command runs
as its own process, timed from start to exit; peak RSS is the largest resident
set of that process or any of its workers (``wait4``).  The corpus is generated
(benchmarks/corpus.py) under ``--workdir``; ``--corpus DIR`` adds a run over an
existing folder (read only), e.g. ``--corpus ../shared/corpus/news``.

Before timing, the ``lint`` and ``rules`` packages are byte-compiled
(``compileall``), as ``pip install`` does for an installed package, so no row
pays for compiling Python source (an editable install, or ``PYTHONDONTWRITEBYTECODE``
set, would otherwise compile all of article-lint in every process; proselint,
installed by pip, is already compiled).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_article, write_big_file, write_small_files  # noqa: E402

HERE = Path(__file__).resolve().parent
PEER_VENV = HERE / ".venv-peer"
PEER_VERSION = "0.16.0"


@dataclass
class Row:
    name: str
    files: int
    mb: float
    wall: float
    rss_mb: float
    code: int
    cpu: float = 0.0  # user + system seconds of the process and its workers

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.wall if self.wall else 0.0


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS (MB) of the process tree's largest process, exit code,
    and CPU seconds (user + system, workers included: they are waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, close_fds=True
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.stderr.write(f"warning: {' '.join(cmd[:4])}... exited {proc.returncode}\n")
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def load_average() -> str:
    """The 1-minute load average: other work on the machine slows every row."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:  # pragma: no cover
        return "?"


def lint_cmd() -> list[str]:
    script = Path(sys.executable).with_name("article-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lint"]


def size_mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def families() -> list[str]:
    """Code prefixes (letters) of the default-enabled rules."""
    from lint.registry import default_registry

    prefixes = {r.code.rstrip("0123456789") for r in default_registry().rules if r.default_enabled}
    return sorted(prefixes)


def byte_compile() -> None:
    """Compile article-lint's own packages to bytecode, as ``pip install`` does."""
    for package in ("lint", "rules"):
        module = __import__(package)
        for folder in module.__path__:
            compileall.compile_dir(folder, quiet=1)


def setup_peer() -> Path:
    if not (PEER_VENV / "bin" / "proselint").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        pip = [str(PEER_VENV / "bin" / "pip"), "install", "-q", f"proselint=={PEER_VERSION}"]
        subprocess.run(pip, check=True)
    return PEER_VENV / "bin" / "proselint"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        cores = os.cpu_count() or 1
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1048576:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {cores} cores available{mem}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rows: list[Row] = []
        self.lint = lint_cmd()
        self.peer: Path | None = None
        if args.peer:
            self.peer = Path(args.peer)
        elif (PEER_VENV / "bin" / "proselint").exists():
            self.peer = PEER_VENV / "bin" / "proselint"

    def run(self, name: str, cmd: list[str], paths: list[Path], before: object = None) -> Row:
        best: Row | None = None
        for _ in range(self.args.repeat):
            if callable(before):
                before()
            wall, rss, code, cpu = measure(cmd)
            row = Row(name, len(paths), size_mb(paths), wall, rss, code, cpu)
            if best is None or row.wall < best.wall:
                best = row
        assert best is not None
        self.rows.append(best)
        print(
            f"  {name:<48} {best.wall:7.2f} s {best.mb_per_s:7.2f} MB/s {best.rss_mb:6.0f} MB"
            f" {best.cpu:7.2f} CPU s",
            file=sys.stderr,
        )
        return best

    def article_lint(
        self, name: str, targets: list[Path], files: list[Path], *extra: str, before: object = None
    ) -> Row:
        return self.run(name, [*self.lint, *extra, *map(str, targets)], files, before)

    def proselint(self, name: str, targets: list[Path], files: list[Path]) -> Row | None:
        if self.peer is None:
            return None
        return self.run(name, [str(self.peer), "check", *map(str, targets)], files)


def run_all(args: argparse.Namespace) -> tuple[Bench, dict[str, float]]:
    work = Path(args.workdir)
    n = args.files
    small_dir = work / f"small-{n}"
    double_dir = work / f"small-{2 * n}"
    small = write_small_files(small_dir, n)
    double = write_small_files(double_dir, 2 * n)
    one_mb = write_big_file(work / "one-1mb.txt", 1.0)
    b = Bench(args)
    cores = str(
        args.jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    )
    no_cache = ("--no-cache",)
    extra: dict[str, float] = {}

    short = work / "short.txt"  # a short article: about 250 words
    short.write_text(make_article(random.Random(4), 1500), encoding="utf-8")
    walls = sorted(measure([*b.lint, "--no-cache", str(short)])[0] for _ in range(7))
    extra["startup_s"] = walls[3]
    print(f"  start-up on one short article (median of 7): {walls[3]:.3f} s", file=sys.stderr)

    print(f"{n} files of ~5 KB:", file=sys.stderr)
    b.article_lint(
        f"article-lint, default rules, --jobs {cores}",
        [small_dir],
        small,
        *no_cache,
        "--jobs",
        cores,
    )  # noqa: E501
    b.article_lint(
        "article-lint, default rules, --jobs 1", [small_dir], small, *no_cache, "--jobs", "1"
    )  # noqa: E501
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    try:

        def wipe() -> None:
            shutil.rmtree(cache / "c", ignore_errors=True)

        b.article_lint(
            "article-lint, cold cache",
            [small_dir],
            small,
            "--cache-dir",
            str(cache / "c"),
            "--jobs",
            cores,
            before=wipe,
        )  # noqa: E501
        b.article_lint(
            "article-lint, warm cache",
            [small_dir],
            small,
            "--cache-dir",
            str(cache / "c"),
            "--jobs",
            cores,
        )  # noqa: E501
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    if not args.no_families:
        for prefix in families():
            b.article_lint(
                f"article-lint, --select {prefix} only",
                [small_dir],
                small,
                *no_cache,
                "--jobs",
                cores,
                "--select",
                prefix,
            )  # noqa: E501
    b.proselint(f"proselint {PEER_VERSION}", [small_dir], small)

    print("one 1 MB file:", file=sys.stderr)
    b.article_lint("article-lint, default rules (1 MB file)", [one_mb], [one_mb], *no_cache)
    b.proselint(f"proselint {PEER_VERSION} (1 MB file)", [one_mb], [one_mb])

    print("linearity:", file=sys.stderr)
    base = b.article_lint(
        f"article-lint, {n} files, --jobs {cores}", [small_dir], small, *no_cache, "--jobs", cores
    )  # noqa: E501
    doubled = b.article_lint(
        f"article-lint, {2 * n} files, --jobs {cores}",
        [double_dir],
        double,
        *no_cache,
        "--jobs",
        cores,
    )  # noqa: E501
    extra["doubling_ratio"] = doubled.wall / base.wall

    if not args.skip_big:
        ten_mb = write_big_file(work / "one-10mb.txt", 10.0, seed=3)
        print("one 10 MB file:", file=sys.stderr)
        b.article_lint("article-lint, default rules (10 MB file)", [ten_mb], [ten_mb], *no_cache)

    for folder in args.corpus:
        files = sorted(
            p for p in Path(folder).rglob("*") if p.is_file() and p.suffix in (".txt", ".md")
        )  # noqa: E501
        print(f"{folder}:", file=sys.stderr)
        b.article_lint(
            f"article-lint on {folder}", [Path(folder)], files, *no_cache, "--jobs", cores
        )  # noqa: E501
        b.proselint(f"proselint on {folder}", [Path(folder)], files)
    return b, extra


def table(rows: list[Row]) -> str:
    lines = [
        "| run | files | MB | wall s | MB/s | peak RSS MB | CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.files:,} | {r.mb:.2f} | {r.wall:.2f} | {r.mb_per_s:.2f}"
            f" | {r.rss_mb:.0f} | {r.cpu:.2f} |"
        )
    return "\n".join(lines)


def ratios(rows: list[Row]) -> list[str]:
    by = {r.name: r for r in rows}
    peer_small = by.get(f"proselint {PEER_VERSION}")
    ours_small = next(
        (r for r in rows if r.name.startswith("article-lint, default rules, --jobs")), None
    )  # noqa: E501
    pairs = [
        ("many small files", ours_small, peer_small),
        (
            "one 1 MB file",
            by.get("article-lint, default rules (1 MB file)"),
            by.get(f"proselint {PEER_VERSION} (1 MB file)"),
        ),
    ]
    out = []
    for label, ours, peer in pairs:
        if ours and peer and peer.mb_per_s:
            factor = ours.mb_per_s / peer.mb_per_s
            line = f"{label}: article-lint {factor:.1f}x proselint's throughput"
            if ours.cpu and peer.cpu:
                line += f" ({peer.cpu / ours.cpu:.1f}x per CPU second)"
            out.append(line)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )  # noqa: E501
    p.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "article-lint-bench"))
    p.add_argument("--files", type=int, default=1000, help="small files in the main corpus")
    p.add_argument("--jobs", type=int, default=0, help="--jobs for parallel runs (0: all cores)")
    p.add_argument("--repeat", type=int, default=1, help="runs per command (best is kept)")
    p.add_argument("--peer", help="path to a proselint executable")
    p.add_argument(
        "--setup-peer",
        action="store_true",
        help=f"install proselint {PEER_VERSION} into {PEER_VENV}",
    )  # noqa: E501
    p.add_argument("--corpus", action="append", default=[], help="also lint this folder")
    p.add_argument("--skip-big", action="store_true", help="skip the 10 MB file")
    p.add_argument("--no-families", action="store_true", help="skip the per-family runs")
    p.add_argument("--quick", action="store_true", help="200 files, no 10 MB file, no families")
    p.add_argument("--json", help="also write the rows as JSON to this path")
    args = p.parse_args(argv)
    if args.quick:
        args.files, args.skip_big, args.no_families = 200, True, True
    if args.setup_peer:
        args.peer = str(setup_peer())
    byte_compile()
    load_before = load_average()
    bench, extra = run_all(args)
    extra["load_before"] = load_before  # type: ignore[assignment]
    print(f"\nMachine: {machine()}\n")
    print(table(bench.rows))
    print()
    print(f"- start-up on one short article (~250 words): {extra['startup_s']:.2f} s (median of 7)")
    print(f"- load average before / after the run: {extra['load_before']} / {load_average()}")
    print(f"- doubling the corpus: {extra['doubling_ratio']:.2f}x the time")
    for line in ratios(bench.rows):
        print(f"- {line}")
    if bench.peer is None:
        print("- proselint not found: run with --setup-peer or --peer PATH")
    if args.json:
        data = {"machine": machine(), "rows": [asdict(r) for r in bench.rows], **extra}
        Path(args.json).write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
