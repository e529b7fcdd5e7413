"""JSON in, JSON out: the one door the browser extension uses into the library.

JavaScript strings count UTF-16 code units, Python counts code points; every finding therefore
carries both, and the extension never has to convert offsets itself.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .config import Config, ConfigError
from .context import ContextError
from .engine import Linter
from .findings import CATEGORIES


@lru_cache(maxsize=8)
def _linter(config_json: str) -> Linter:
    """Agency policy rarely changes: compile each distinct configuration once."""
    linter = Linter(Config.from_json(config_json))
    linter.settle()  # the extension lints on every pause in typing: no long collector pauses
    return linter


def lint_json(text: str, config_json: str = "{}", context_json: str = "{}") -> str:
    """``{"findings": [...]}`` with ``start16``/``end16``, or ``{"error": "..."}`` on bad input."""
    try:
        linter = _linter(config_json or "{}")
        context = json.loads(context_json or "{}")
        findings = linter.lint(text, context)
    except (ConfigError, ContextError, ValueError, TypeError) as error:
        return json.dumps({"error": str(error)}, ensure_ascii=False)
    except Exception as error:  # the extension shows any failure as an error state, never a hang
        return json.dumps({"error": f"{type(error).__name__}: {error}"}, ensure_ascii=False)
    units = utf16_offsets(text)
    return json.dumps(
        {
            "findings": [
                {**f.to_dict(), "start16": units[f.start], "end16": units[f.end]} for f in findings
            ]
        },
        ensure_ascii=False,
    )


def warm_json(config_json: str = "{}", budget_ms: float = 20) -> str:
    """Compile patterns ahead of use for about ``budget_ms``: ``{"left": n}`` still to compile."""
    try:
        linter = _linter(config_json or "{}")
        left = linter.warm(budget_ms / 1000)
        if left == 0:
            linter.settle()  # the compiled patterns join what the collector no longer walks
        return json.dumps({"left": left})
    except Exception as error:  # never worth failing over: lint compiles what it needs anyway
        return json.dumps({"error": f"{type(error).__name__}: {error}"}, ensure_ascii=False)


def utf16_offsets(text: str) -> list[int]:
    """For each code-point offset 0..len(text), the matching UTF-16 offset."""
    if text.isascii():
        return list(range(len(text) + 1))
    offsets = [0] * (len(text) + 1)
    position = 0
    for index, char in enumerate(text):
        position += 2 if ord(char) > 0xFFFF else 1
        offsets[index + 1] = position
    return offsets


def rules_json(config_json: str = "{}") -> str:
    """The rule list for the extension's settings pages."""
    try:
        linter = _linter(config_json or "{}")
    except ConfigError as error:
        return json.dumps({"error": str(error)}, ensure_ascii=False)
    rules: list[dict[str, Any]] = [
        {
            "id": r.id,
            "category": r.category,
            "severity": str(r.severity),
            "message": r.message,
            "message_en": r.message_en,
        }
        for r in linter.book.rules
    ]
    return json.dumps({"rules": rules, "categories": list(CATEGORIES)}, ensure_ascii=False)
