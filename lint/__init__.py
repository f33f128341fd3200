"""article-lint: a linter for web articles.

Library API (pure and picklable, see README "Library API"):

    from lint import check_text, check_paths
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:  # lazy, so `import lint` stays cheap
    if name in ("check_text", "check_paths"):
        from lint import api

        return getattr(api, name)
    raise AttributeError(name)


__all__ = ["__version__", "check_text", "check_paths"]
