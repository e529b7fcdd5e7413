"""Bijak: warns Indonesian civil servants (ASN) before a social-media post breaks their code of conduct.

    >>> import bijak
    >>> [f.category for f in bijak.lint("Ayo coblos nomor 2, menangkan paslon kita!")]
    ['netralitas']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .config import Config, ConfigError
from .context import Context, ContextError
from .engine import Linter
from .findings import CATEGORIES, Finding, Severity

__all__ = [
    "CATEGORIES", "Config", "ConfigError", "Context", "ContextError", "Finding", "Linter",
    "Severity", "lint",
]  # fmt: skip
__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_linter() -> Linter:
    return Linter()


def lint(
    text: str,
    config: Config | dict[str, Any] | None = None,
    context: Context | dict[str, Any] | None = None,
) -> list[Finding]:
    """Lint one post. Reuse a ``Linter`` when you pass the same config many times."""
    linter = _default_linter() if config is None else Linter(config)
    return linter.lint(text, context)
