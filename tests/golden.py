"""Golden reports for samples/: run the real CLI, compare with ``<sample>.expected``.

Update after an intended change:  python -m tests.golden --update
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in SUFFIXES)


def expected_path(sample: Path) -> Path:
    return sample.with_name(sample.name + ".expected")


def run_cli_on_samples() -> dict[str, str]:
    """Default-format report per sample, from one real CLI run (paths relative to the repo)."""
    env = {**os.environ, "NO_COLOR": "1"}
    files = [str(p.relative_to(ROOT)) for p in sample_files()]
    res = subprocess.run(
        [sys.executable, "-m", "lint", "--isolated", "--exit-zero", "--no-cache", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    if res.returncode != 0:
        raise RuntimeError(f"article-lint failed ({res.returncode}): {res.stderr}")
    reports: dict[str, list[str]] = defaultdict(list)
    for line in res.stdout.splitlines():
        path = line.split(":", 1)[0]
        reports[path].append(line)
    return {f: "".join(x + "\n" for x in reports.get(f, [])) for f in files}


def update() -> None:
    for rel, report in run_cli_on_samples().items():
        expected_path(ROOT / rel).write_text(report, encoding="utf-8")
        print(
            f"wrote {expected_path(ROOT / rel).relative_to(ROOT)} ({report.count(chr(10))} lines)"
        )


if __name__ == "__main__":
    if "--update" in sys.argv:
        update()
    else:
        print(__doc__)
