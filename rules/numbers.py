"""Rule family (not yet implemented: no rules registered)."""

from __future__ import annotations

from lint.rule import Rule

RULES: tuple[type[Rule], ...] = ()
