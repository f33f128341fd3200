"""Rule discovery through the ``article_lint.rules`` entry-point group.

Discovery (finding entry points) is kept apart from loading (importing them), as
flake8 does.  Built-in rules are registered through the same group in
``pyproject.toml`` as any third-party plugin.

Finding entry points means importing ``importlib.metadata`` (about 20 ms, a
tenth of start-up) and reading every installed distribution's metadata, in
every process.  The ``(name, value)`` pairs found are therefore kept between
runs (:func:`lint.regex_cache.remember`), under a fingerprint of where they
come from: the distributions in each ``sys.path`` folder and the modification
time of their ``entry_points.txt``.  Installing, removing or editing a
distribution changes the fingerprint, and discovery runs again.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Any, Protocol

from lint import regex_cache
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


class EntryPointLike(Protocol):
    """What the registry reads of an entry point (``importlib.metadata.EntryPoint``
    or :class:`PluginEntry`)."""

    name: str
    value: str

    def load(self) -> Any: ...


@dataclass(frozen=True)
class PluginEntry:
    """An entry point as discovered: ``name = module:attribute``."""

    name: str
    value: str

    def load(self) -> Any:
        """Import the module and look the attribute up, as ``EntryPoint.load`` does."""
        module, _, attrs = self.value.partition("[")[0].strip().partition(":")
        obj = import_module(module.strip())
        for attr in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, attr)
        return obj


def discover() -> tuple[PluginEntry, ...]:
    """The entry points of ``GROUP``, sorted by name (kept between runs, see above)."""
    pairs = regex_cache.remember(
        f"entry-points {GROUP} v1", _environment_fingerprint(), 0, _discover_installed
    )
    return tuple(PluginEntry(name, value) for name, value in pairs)


def _discover_installed() -> tuple[tuple[str, str], ...]:
    from importlib.metadata import entry_points

    found = sorted(entry_points(group=GROUP), key=lambda ep: ep.name)
    return tuple((ep.name, ep.value) for ep in found)


def _environment_fingerprint() -> str:
    """Every place an entry point can come from, with its modification time:
    each ``sys.path`` folder's distributions (names, so one added or removed is
    seen) with the time of their ``entry_points.txt`` (so an edit is), and any
    ``sys.path`` entry that is a file (a zipped egg) with its own time."""
    parts = [sys.version]
    for folder in sys.path:
        try:
            with os.scandir(folder or ".") as entries:
                names = sorted(e.name for e in entries if e.name.endswith(_METADATA_DIRS))
        except OSError:  # a file, or missing
            try:
                parts.append(f"{folder}\x00{os.stat(folder).st_mtime_ns}")
            except OSError:
                parts.append(f"{folder}\x00-")
            continue
        parts.append(folder)
        for name in names:
            try:
                stamp = os.stat(os.path.join(folder, name, "entry_points.txt")).st_mtime_ns
            except OSError:
                continue
            parts.append(f"{name}\x00{stamp}")
    return "\n".join(parts)


_METADATA_DIRS = (".dist-info", ".egg-info")


def load_entry_point(ep: EntryPointLike) -> list[type[Rule]]:
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


def build_registry(eps: Iterable[EntryPointLike]) -> Registry:
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
