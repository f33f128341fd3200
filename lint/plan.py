"""A run plan: the enabled rules, built with their resolved options."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from lint.config import ConfigError, Settings
from lint.registry import Registry
from lint.rule import Rule, option_fields
from lint.selection import Selection
from lint.violation import Severity


@dataclass(frozen=True)
class Plan:
    """What a run does to every file; picklable so worker processes can share it."""

    settings: Settings
    rules: tuple[Rule, ...]
    selection: Selection
    # code -> reason, for rules that declared themselves unavailable during the run.
    unavailable: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def rule_classes(self) -> tuple[type[Rule], ...]:
        return tuple(type(r) for r in self.rules)


def build_plan(settings: Settings, registry: Registry) -> Plan:
    selection = Selection(
        settings.select, settings.ignore, settings.extend_select, settings.extend_ignore
    )
    tables = settings.rule_tables()
    _check_prefix_tables(tables, registry)
    rules = []
    for cls in registry.rules:
        if not selection.is_enabled(cls.code, cls.default_enabled):
            continue
        options, severity = _options_for(cls, tables, settings)
        rules.append(cls(options, severity))
    return Plan(settings, tuple(rules), selection)


def _applies(key: str, cls: type[Rule]) -> int:
    """Precedence of table ``key`` for ``cls``: -1 not at all, higher wins."""
    if key == cls.name or key.upper() == cls.code:
        return 100
    if cls.code.startswith(key.upper()):
        return len(key)
    return -1


def _options_for(
    cls: type[Rule], tables: dict[str, dict[str, Any]], settings: Settings
) -> tuple[Any, Severity | None]:
    known = option_fields(cls.Options)
    values: dict[str, Any] = {}
    severity: Severity | None = None
    for key in sorted((k for k in tables if _applies(k, cls) >= 0), key=lambda k: _applies(k, cls)):
        exact = _applies(key, cls) == 100
        for opt, value in tables[key].items():
            if opt == "severity":
                try:
                    severity = Severity.parse(value)
                except ValueError as exc:
                    raise ConfigError(f"{settings.source}: rules.{key}.severity: {exc}") from exc
            elif exact or opt.replace("-", "_") in known:
                values[opt] = value
    if settings.languagetool is not None and "backend" in known and cls.code.startswith("LT"):
        values["backend"] = settings.languagetool
    try:
        return cls.build_options(values, f"{settings.source}: [rules.{cls.code}]"), severity
    except (ValueError, TypeError) as exc:
        raise ConfigError(str(exc)) from exc


def _check_prefix_tables(tables: dict[str, dict[str, Any]], registry: Registry) -> None:
    """An option in a prefix table must exist in at least one rule it covers."""
    for key, opts in tables.items():
        covered = [c for c in registry.rules if _applies(key, c) >= 0]
        for opt in opts:
            if opt == "severity":
                continue
            name = opt.replace("-", "_")
            if covered and not any(name in option_fields(c.Options) for c in covered):
                raise ConfigError(f"[rules.{key}]: unknown option {opt!r} for the rules it names")


def options_as_dict(rule: Rule) -> dict[str, Any]:
    return dataclasses.asdict(rule.options)
