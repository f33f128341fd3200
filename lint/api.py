"""The library API: lint strings and paths from Python."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lint.config import Settings, settings_from_table, validate_codes
from lint.files import Source, discover
from lint.plan import Plan, build_plan
from lint.registry import default_registry
from lint.runner import check_paths as _check_paths
from lint.runner import check_source
from lint.violation import Diagnostic


def make_plan(config: Settings | Mapping[str, Any] | None = None) -> Plan:
    """A plan from Settings or a config-file-shaped table (``{"select": ["SEO"]}``)."""
    registry = default_registry()
    if config is None:
        settings = Settings()
    elif isinstance(config, Settings):
        settings = config
    else:
        settings = settings_from_table(config, "config")
    validate_codes(settings, registry.codes(), [r.name for r in registry.rules])
    return build_plan(settings, registry)


def check_text(
    text: str, *, path: str = "<string>", config: Settings | Mapping[str, Any] | None = None
) -> list[Diagnostic]:
    """Lint ``text`` as if it were the file ``path``; returns sorted diagnostics."""
    return list(check_source(Source(path, text), make_plan(config)).diagnostics)


def check_paths(
    paths: Sequence[str], *, config: Settings | Mapping[str, Any] | None = None
) -> list[Diagnostic]:
    """Lint files and directories; I/O problems come back as E902 diagnostics."""
    plan = make_plan(config)
    out: list[Diagnostic] = []
    for result in _check_paths(discover(paths, plan.settings), plan):
        out.extend(result.diagnostics)
    return out
