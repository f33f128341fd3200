"""``--list-rules`` (a rich table) and ``--explain CODE`` (a rule's docs)."""

from __future__ import annotations

from typing import IO

from lint.registry import Registry


def print_rule_table(registry: Registry, stream: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="article-lint rules")
    for column in ("code", "name", "severity", "default", "summary"):
        table.add_column(column, overflow="fold")
    for rule in registry.rules:
        table.add_row(
            rule.code,
            rule.name,
            str(rule.severity),
            "on" if rule.default_enabled else "off",
            rule.summary,
        )
    Console(file=stream, width=max(120, 0), highlight=False).print(table)


def explain(registry: Registry, key: str, out: IO[str], err: IO[str]) -> int:
    rule = registry.find(key)
    if rule is None:
        err.write(f"article-lint: error: unknown rule {key!r} (see --list-rules)\n")
        return 2
    state = "on" if rule.default_enabled else "off"
    out.write(f"# {rule.code} ({rule.name})\n\n{rule.summary}\n\n")
    out.write(f"Default severity: {rule.severity}. On by default: {state}.\n\n")
    out.write(rule.docs() + "\n")
    return 0
