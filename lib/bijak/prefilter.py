"""Exact prefilters for regular expressions: literals that every match must contain.

Rule patterns name words (``(?:ayo|mari) (?:serbu|bakar|jarah)``). If none of the literals of some
mandatory part of a pattern occurs in the text, the pattern cannot match and is not run at all,
which keeps linting fast as rule packs grow. The analysis walks the parse tree conservatively:
whenever it cannot prove what a match must contain, it says ``None`` and the pattern always runs.
"""

from __future__ import annotations

import re as _stdlib_re
from typing import Any, NamedTuple

try:  # the stdlib parser behind ``re``; present in CPython and Pyodide alike
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - unusual runtimes: no prefilter
    _parser = None

DIGIT = "\x00digit"  # marker: the match contains a decimal digit
MAX_CLASS = 8  # a character class bigger than this says too little to be worth checking
MIN_USEFUL = 3  # a mandatory literal set is worth checking when its literals are this long


class Analysis(NamedTuple):
    required: frozenset[str] | None  # the most selective set: the pattern's index key
    leading: frozenset[str] | None
    mandatory: tuple[frozenset[str], ...]  # every set here has a literal in every match


def analyse(pattern: str) -> Analysis:
    """``required_literals``, ``leading_literals`` and ``mandatory_literals`` from a single parse."""
    items = _parse(pattern)
    if items is None:
        return Analysis(None, None, ())
    parts = _mandatory(items)
    required = _frozen(max(parts, key=_score, default=None))  # as ``_required``, from the same walk
    mandatory = {frozenset(s) for s in parts if selectivity(frozenset(s)) >= MIN_USEFUL}
    leading = _frozen_leading(_leading(items, 0))
    return Analysis(required, leading, tuple(sorted(mandatory, key=sorted)))


def mandatory_literals(pattern: str) -> tuple[frozenset[str], ...]:
    """Literal sets of which every match of ``pattern`` contains one literal *each*: a match of
    ``(?:ayo|mari) (?:bakar|serbu) kantor`` needs "kantor", one of "bakar"/"serbu" and one of
    "ayo"/"mari". Sets whose literals are shorter than ``MIN_USEFUL`` are left out."""
    return analyse(pattern).mandatory


def _frozen(found: set[str] | None) -> frozenset[str] | None:
    return frozenset(found) if found else None


def _frozen_leading(found: set[str] | None) -> frozenset[str] | None:
    return None if not found or DIGIT in found else frozenset(found)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` contains, or ``None`` if unknown."""
    return analyse(pattern)[0]


def leading_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` starts with, or ``None`` if unknown.

    A pattern with such literals need only be tried where one of them occurs (``match`` at that
    position), instead of at every position of the text.
    """
    return analyse(pattern)[1]


def _parse(pattern: str) -> list[tuple[Any, Any]] | None:
    if _parser is None:
        return None
    parsed = _parser.parse(pattern)  # a syntax error is the caller's to report
    if parsed.state.flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_VERBOSE):
        return None  # literals would not be literal any more
    return list(parsed)


def _leading(
    items: list[tuple[Any, Any]], index: int, after: set[str] | None = None
) -> set[str] | None:
    """What a match of ``items[index:]`` starts with, skipping zero-width assertions; ``after`` is
    what the enclosing pattern continues with, for parts that may match the empty string
    (``(?:^|(?<=[.!?] )|ayo )bakar`` starts with "ayo" or "bakar")."""
    if index >= len(items):
        return after  # the rest may match the empty string
    op, arg = items[index]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _leading(items, index + 1, after)
    if op is _c.LITERAL:
        run = []
        while index < len(items) and items[index][0] is _c.LITERAL:
            run.append(chr(items[index][1]))
            index += 1
        return {"".join(run)}
    if op is _c.IN:
        return _char_class(arg)
    rest = _leading(items, index + 1, after) if op in _NESTING else None
    if op is _c.SUBPATTERN:
        return _leading(list(arg[-1]), 0, rest)
    if op is _c.BRANCH:
        return _union(_leading(list(branch), 0, rest) for branch in arg[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _high, item = arg
        first = _leading(list(item), 0, rest)
        return first if low >= 1 else _union([first, rest])
    return None


_NESTING = (_c.SUBPATTERN, _c.BRANCH, _c.MAX_REPEAT, _c.MIN_REPEAT) if _parser is not None else ()


def selectivity(literals: frozenset[str] | None) -> float:
    """How much a literal set filters: the length of its shortest literal (digits count 1)."""
    if not literals:
        return 0
    return min(1 if lit == DIGIT else len(lit) for lit in literals)


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The most selective literal set among the mandatory parts of a sequence (the first, on ties)."""
    return max(_mandatory(items), key=_score, default=None)


def _mandatory(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """Every literal set a match of the sequence must contain one of (see ``mandatory_literals``)."""
    found: list[set[str]] = []
    index = 0
    while index < len(items):
        op, arg = items[index]
        index += 1
        if op is _c.LITERAL:
            run = [chr(arg)]
            while index < len(items) and items[index][0] is _c.LITERAL:
                run.append(chr(items[index][1]))
                index += 1
            found.append({"".join(run)})
        elif op is _c.SUBPATTERN:
            found += _mandatory(list(arg[-1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            found += _mandatory(list(arg[2]))
        else:
            element = _element(op, arg)
            if element:
                found.append(element)
    return found


def _element(op: Any, arg: Any) -> set[str] | None:
    """The literal set of one alternation or character class (groups and repeats are unfolded
    by ``_mandatory``)."""
    if op is _c.BRANCH:
        return _union(_required(list(branch)) for branch in arg[1])
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


class LiteralFinder:
    """Which of many literals occur in a text, in one regex scan instead of one ``in`` each.

    A trie-shaped regex inside a lookahead finds, at every position, the longest literal starting
    there; every shorter literal starting there is a prefix of it, so each match stands for its
    whole prefix chain. Single characters are checked with ``in``. Where a literal occurs is asked
    of ``Occurrences``, only for the few literals that anchor a pattern that runs.
    """

    SHORT = 1  # literals this short occur everywhere: never used to place a pattern

    def __init__(self, literals: set[str]) -> None:
        words = sorted(lit for lit in literals if len(lit) > self.SHORT)
        self.short = sorted(lit for lit in literals if len(lit) <= self.SHORT)
        known = set(words)
        self.chains = {w: frozenset(w[:k] for k in range(1, len(w) + 1) if w[:k] in known) for w in words}
        self.scan = _stdlib_re.compile(f"(?=({_trie_pattern(words)}))") if words else None

    def present(self, text: str) -> set[str]:
        """Every literal that occurs in ``text``."""
        found = {lit for lit in self.short if lit in text}
        if self.scan is not None:
            found.update(*[self.chains[word] for word in set(self.scan.findall(text))])
        return found


class Occurrences:
    """Where literals occur in one text, found on demand with ``str.find`` and remembered."""

    __slots__ = ("_known", "present", "text")

    def __init__(self, text: str, present: set[str]) -> None:
        self.text, self.present = text, present
        self._known: dict[str, list[int]] = {}

    def of(self, literal: str) -> list[int]:
        """Every start of ``literal``, overlapping ones included, ascending."""
        known = self._known.get(literal)
        if known is None:
            known = self._known[literal] = []
            find, at = self.text.find, self.text.find(literal)
            while at >= 0:
                known.append(at)
                at = find(literal, at + 1)
        return known


def _trie_pattern(words: list[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [_stdlib_re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a literal may end here: try to go on first (longest), else stop here
        return f"(?:{body})?"
    return body
