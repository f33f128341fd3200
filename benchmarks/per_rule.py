"""CPU seconds per MB of each rule (and each part of the document model), warm.

    .venv/bin/python benchmarks/per_rule.py                 # 400 generated articles of ~5 KB
    .venv/bin/python benchmarks/per_rule.py --folder ../shared/corpus/web-pages

Runs in one process: every rule is first run on throw-away documents (one long,
and the first 20 texts as they are), so the one-off costs (compiling patterns,
loading tables, screens built once a process has read enough) are not charged to
the first articles; then, per article and with the cyclic collector paused as the
CLI pauses it, the document is loaded, each lazily built part of it is timed on its
own (the token gate's word index, which reads ``words`` in the same pass, when the
gates would build it; lines, blocks, sentences, words, quotations), and each rule
of the default plan is timed with ``time.process_time``.
Prints the total, then families and rules by cost.  Not a test; a profile aid.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_article  # noqa: E402

from lint import suppression, token_gate  # noqa: E402
from lint.api import make_plan  # noqa: E402
from lint.inputs import load_document  # noqa: E402
from lint.plan import Plan  # noqa: E402
from lint.runner import collector_paused  # noqa: E402

PARTS = ("lines", "blocks", "sentences", "words", "quotations")


def texts_from(args: argparse.Namespace) -> list[str]:
    if args.folder:
        paths = sorted(Path(args.folder).rglob("*.txt"))
        return [p.read_text(encoding="utf-8") for p in paths]
    rng = random.Random(args.seed)
    return [make_article(rng, args.chars) for _ in range(args.articles)]


def measure(texts: list[str]) -> dict[str, float]:
    plan = make_plan()
    # Warm up on one long text and on the first texts as they are, so one-off work
    # (short-text paths, screens built once a process has read enough) is not timed.
    for i, sample in enumerate([texts[0] * 10, *texts[:20]]):
        warm = load_document(f"warm{i}.txt", sample, plan.settings.input_format, [])
        for rule in plan.rules:
            list(rule.check(warm))
    del warm  # a live 10-copy document would make every full collection below costly
    gc.collect()
    spent: dict[str, float] = defaultdict(float)
    for text in texts:
        with collector_paused():  # as the CLI lints a document
            _measure_one(text, plan, spent)
    return spent


def _measure_one(text: str, plan: Plan, spent: dict[str, float]) -> None:
    clock = time.process_time
    start = clock()
    _, spans = suppression.parse(text)
    doc = load_document("x.txt", text, plan.settings.input_format, spans)
    spent["doc.load"] += clock() - start
    if token_gate.worth_indexing(text):  # as gates decide; it reads doc.words in the same pass
        start = clock()
        token_gate.word_index(text)
        spent["word_index"] += clock() - start
    for part in PARTS:
        start = clock()
        getattr(doc, part)
        spent[f"doc.{part}"] += clock() - start
    for rule in plan.rules:
        start = clock()
        list(rule.check(doc))
        spent[rule.code] += clock() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=400)
    p.add_argument("--chars", type=int, default=5000, help="size of each generated article")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--folder", help="time these .txt files instead of generated articles")
    args = p.parse_args()
    texts = texts_from(args)
    spent = measure(texts)
    mb = sum(map(len, texts)) / 1e6
    total = sum(spent.values())
    print(f"{len(texts)} texts, {mb:.2f} MB: {total / mb:.2f} CPU-s/MB in all")
    families: dict[str, float] = defaultdict(float)
    for key, value in spent.items():
        families[key.rstrip("0123456789")] += value
    for title, table in (("families", families), ("rules and parts", spent)):
        ranked = sorted(table.items(), key=lambda kv: -kv[1])
        print(f"{title}: " + "  ".join(f"{k} {v / mb:.3f}" for k, v in ranked if v / mb >= 0.005))
    return 0


if __name__ == "__main__":
    sys.exit(main())
