"""Exact prefilters for regular expressions: literals that every match must contain.

Rule patterns name words (``(?:ayo|mari) (?:serbu|bakar|jarah)``). If none of the literals of some
mandatory part of a pattern occurs in the text, the pattern cannot match and is not run at all,
which keeps linting fast as rule packs grow. The analysis walks the parse tree conservatively:
whenever it cannot prove what a match must contain, it says ``None`` and the pattern always runs.
"""

from __future__ import annotations

from typing import Any

try:  # the stdlib parser behind ``re``; present in CPython and Pyodide alike
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - unusual runtimes: no prefilter
    _parser = None

DIGIT = "\x00digit"  # marker: the match contains a decimal digit
MAX_CLASS = 8  # a character class bigger than this says too little to be worth checking


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` contains, or ``None`` if unknown."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern)
    except Exception:
        return None
    found = _required(list(parsed))
    return frozenset(found) if found else None


def selectivity(literals: frozenset[str] | None) -> float:
    """How much a literal set filters: the length of its shortest literal (digits count 1)."""
    if not literals:
        return 0
    return min(1 if lit == DIGIT else len(lit) for lit in literals)


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The most selective literal set among the mandatory parts of a sequence."""
    best: set[str] | None = None
    index = 0
    while index < len(items):
        op, arg = items[index]
        if op is _c.LITERAL:
            run = []
            while index < len(items) and items[index][0] is _c.LITERAL:
                run.append(chr(items[index][1]))
                index += 1
            candidate: set[str] | None = {"".join(run)}
        else:
            candidate = _element(op, arg)
            index += 1
        if candidate and (best is None or _score(candidate) > _score(best)):
            best = candidate
    return best


def _element(op: Any, arg: Any) -> set[str] | None:
    if op is _c.SUBPATTERN:
        return _required(list(arg[-1]))
    if op is _c.BRANCH:
        return _union(_required(list(branch)) for branch in arg[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _high, item = arg
        return _required(list(item)) if low >= 1 else None
    if op is _c.IN:
        return _char_class(arg)
    return None


def _char_class(members: list[tuple[Any, Any]]) -> set[str] | None:
    if any(op is _c.CATEGORY and code is _c.CATEGORY_DIGIT for op, code in members):
        return {DIGIT} if len(members) == 1 else None
    if members and members[0][0] is _c.RANGE and members[0][1] == (48, 57) and len(members) == 1:
        return {DIGIT}
    if len(members) > MAX_CLASS or any(op is not _c.LITERAL for op, _ in members):
        return None
    return {chr(code) for _, code in members}


def _union(parts: Any) -> set[str] | None:
    result: set[str] = set()
    for part in parts:
        if not part:
            return None
        result |= part
    return result


def _score(literals: set[str]) -> tuple[float, int]:
    return selectivity(frozenset(literals)), -len(literals)
