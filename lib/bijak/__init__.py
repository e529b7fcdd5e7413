"""Bijak: warns Indonesian civil servants (ASN) before a social-media post breaks their code of conduct.

    >>> import bijak
    >>> {f.category for f in bijak.lint("Ayo coblos nomor 2, menangkan paslon kita!")}
    {'netralitas'}
"""

from __future__ import annotations

import json
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


@lru_cache(maxsize=16)
def _linter_for(config_key: str) -> Linter:
    return Linter(json.loads(config_key))


def lint(
    text: str,
    config: Config | dict[str, Any] | None = None,
    context: Context | dict[str, Any] | None = None,
) -> list[Finding]:
    """Lint one post. Compiled rules are cached per distinct configuration."""
    if isinstance(config, Config):
        return Linter(config).lint(text, context)
    return _linter_for(json.dumps(config or {}, sort_keys=True, default=str)).lint(text, context)
