"""One interface over two regex engines: the ``regex`` package where installed, stdlib ``re`` else.

Built-in rules stay within the syntax both engines treat identically (a test proves the findings
match on the whole corpus), so the library behaves the same in a Pyodide without ``regex``.
Agency-supplied patterns get a time limit where the engine has one, and a static safety check always.
"""

from __future__ import annotations

import os
import re as _stdlib_re
from typing import Any

try:
    import regex as _regex_module
except ImportError:  # Pyodide without its regex wheel
    _regex_module = None

BACKENDS = ("regex", "re")
MAX_AGENCY_PATTERN = 300
AGENCY_TIMEOUT_S = 0.05
# a quantified group that itself ends in a quantifier: the shape of catastrophic backtracking
_NESTED_QUANTIFIER = _stdlib_re.compile(r"\((?:[^()\\]|\\.)*[+*}]\)[+*{]")


class PatternError(ValueError):
    """A pattern that is malformed or could make the linter hang."""


def default_backend() -> str:
    wanted = os.environ.get("BIJAK_REGEX", "").strip()
    if wanted in BACKENDS:
        return wanted if wanted == "re" or _regex_module else "re"
    return "regex" if _regex_module else "re"


def module(backend: str) -> Any:
    if backend == "regex" and _regex_module is not None:
        return _regex_module
    return _stdlib_re


_compiled: dict[tuple[str, str], Any] = {}  # shared by every Linter: configurations share patterns


def compile_pattern(pattern: str, backend: str) -> Any:
    found = _compiled.get((pattern, backend))
    if found is None:
        found = _compiled[pattern, backend] = module(backend).compile(pattern)
    return found


def check_agency_pattern(pattern: str) -> None:
    """Reject agency patterns that are too long, malformed, or shaped for catastrophic backtracking."""
    if len(pattern) > MAX_AGENCY_PATTERN:
        raise PatternError(f"pattern longer than {MAX_AGENCY_PATTERN} characters")
    if _NESTED_QUANTIFIER.search(pattern) or "(?R" in pattern:
        raise PatternError("nested quantifiers could make the linter hang; simplify the pattern")
    try:
        _stdlib_re.compile(pattern)
    except _stdlib_re.error as error:
        raise PatternError(f"invalid regular expression: {error}") from None


def finditer_limited(compiled: Any, text: str, backend: str) -> list[Any]:
    """All matches; with ``regex``, give up after a time limit instead of hanging."""
    if backend == "regex" and _regex_module is not None:
        try:
            return list(compiled.finditer(text, timeout=AGENCY_TIMEOUT_S))
        except TimeoutError:
            return []
    return list(compiled.finditer(text))
