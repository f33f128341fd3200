"""Rule discovery through the ``article_lint.rules`` entry-point group.

Discovery (finding entry points) is kept apart from loading (importing them), as
flake8 does.  Built-in rules are registered through the same group in
``pyproject.toml`` as any third-party plugin.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import EntryPoint, entry_points

from lint.rule import Rule, validate_rule_class

GROUP = "article_lint.rules"
log = logging.getLogger(__name__)


class PluginError(Exception):
    """A plugin could not be loaded or declares an invalid rule."""


@dataclass(frozen=True)
class Registry:
    """All known rule classes, sorted by code."""

    rules: tuple[type[Rule], ...]

    def by_code(self) -> dict[str, type[Rule]]:
        return {r.code: r for r in self.rules}

    def find(self, key: str) -> type[Rule] | None:
        """A rule by code (case-insensitive) or kebab-case name."""
        for rule in self.rules:
            if rule.code == key.upper() or rule.name == key:
                return rule
        return None

    def codes(self) -> list[str]:
        return [r.code for r in self.rules]


def discover() -> tuple[EntryPoint, ...]:
    return tuple(sorted(entry_points(group=GROUP), key=lambda ep: ep.name))


def load_entry_point(ep: EntryPoint) -> list[type[Rule]]:
    try:
        obj = ep.load()
    except Exception as exc:  # a broken plugin must name itself
        raise PluginError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
    found = [obj] if isinstance(obj, type) else list(obj)
    for cls in found:
        problems = validate_rule_class(cls)
        if problems:
            raise PluginError(f"plugin {ep.name!r}: " + "; ".join(problems))
    return found


def build_registry(eps: Iterable[EntryPoint]) -> Registry:
    seen: dict[str, type[Rule]] = {}
    for ep in eps:
        for cls in load_entry_point(ep):
            other = seen.get(cls.code)
            if other is not None and other is not cls:
                raise PluginError(
                    f"rule code {cls.code} is defined twice: {other.__module__}.{other.__name__}"
                    f" and {cls.__module__}.{cls.__name__}"
                )
            seen[cls.code] = cls
    return Registry(tuple(sorted(seen.values(), key=lambda r: r.code)))


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of every installed plugin (loaded once per process)."""
    return build_registry(discover())
