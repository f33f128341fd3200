"""Adversarial linearity check: each rule family on pathological text of size n and 2n.

Flags a family whose time grows more than ~2.6x when the input doubles (a quadratic
loop hiding in a rule).  Not a test: run it by hand after changing a rule.

    .venv/bin/python benchmarks/linearity.py [--size 80000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Shapes that have exposed quadratic behaviour before: text without sentence ends,
# one huge paragraph of figures, lower-cased names repeated, many quotes, many lines,
# a page of notes, unclosed HTML markup ("html:" shapes are linted as .html files).
SHAPES = {
    "no-punctuation": "the council said the plan would cost more than expected and critics argue ",
    "quotes": '"We will win," she said. "No," he replied ',
    "unclosed-quotes": '"It is ',
    "unbalanced-paragraphs": 'He said "this never closes and goes on\n\n',
    "many-quotes-one-paragraph": 'Jane Doe said "we will build 12 more homes in town" and ',
    "short-lines": "Share\nFollow us\n",
    "page-chrome": "The council voted.\n\nHome\nNews\nSubscribe\n\n0 views\n\nIMG_2041.JPG\n\n",
    "figures": "1,000,000 ",
    "cited-figures": "Sales rose 40% last year.[1] ",
    "notes": "[1] Some note text here\n",
    "repeats": "The quick brown fox jumps over the lazy dog again today. ",
    "miscased-names": "Elon Musk said elon musk and OpenAI and openai ",
    "queries": "Why does elon musk not like openai because ",
    "vague-time": "this week recently soon yesterday ",
    "markdown-ish": "> quote line\n- item 1\n# Heading\n",
    "html:unclosed-tag": "<a b='",
    "html:unclosed-comment": "<!-- a > ",
}
FAMILIES = ["SEO", "KW", "QT", "REF", "NUM", "TM", "WW", "DUP", "SLOP", "RD"]
LINT = [sys.executable, "-m", "lint", "--no-cache", "-q", "--isolated"]


def timed(path: Path, family: str) -> float:
    start = time.perf_counter()
    subprocess.run([*LINT, "--select", family, str(path)], capture_output=True, timeout=600)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=80_000, help="characters of the smaller input")
    args = parser.parse_args()
    startup = timed(Path(__file__), "REF")  # a near-empty run: process start-up
    suspects = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in SHAPES.items():
            suffix = ".html" if name.startswith("html:") else ".txt"
            path = Path(tmp) / f"adversarial{suffix}"
            for family in FAMILIES:
                times = []
                for n in (args.size, 2 * args.size):
                    path.write_text((unit * (n // len(unit) + 1))[:n], encoding="utf-8")
                    times.append(timed(path, family))
                ratio = (times[1] - startup) / max(times[0] - startup, 0.05)
                flag = ratio > 2.6 and times[1] > 0.6
                suspects += flag
                print(
                    f"{'SUSPECT' if flag else 'ok':8} {name:16} {family:5} "
                    f"{times[0]:6.2f} s -> {times[1]:6.2f} s  (x{ratio:.1f})"
                )
    print(f"{suspects} suspect(s)")
    return 1 if suspects else 0


if __name__ == "__main__":
    sys.exit(main())
