"""Start-up work done once, when the wheel is built: parsed packs, pattern analyses, word keys.

Building a ``Linter`` parses about a megabyte of TOML, analyses some 600 regular expressions and
tokenizes some 30,000 set words. Inside Pyodide that took seconds after every browser start, so
the wheel ships ``prepared.json`` with those results. Each one is keyed by exactly what it was
computed from (a pack's text, a pattern, a word under one abbreviation table), and the whole file
by the library's own source, so an outdated entry is never used, only missed: what is missing is
computed as before. The file exists only inside built wheels (``build.py`` writes it for the
build and removes it), never in the source tree.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from importlib import resources
from typing import Any

from .prefilter import Analysis, analyse

FILE = "prepared.json"


class Prepared:
    """Looked-up results, falling back to computing them."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data or {}
        self.packs: dict[str, Any] = data.get("packs", {})
        self.patterns: dict[str, list[Any]] = data.get("patterns", {})
        self.words: dict[str, dict[str, list[str]]] = data.get("words", {})

    def pack(self, text: str) -> dict[str, Any]:
        """The parsed TOML ``text`` (raises ``tomllib.TOMLDecodeError`` like ``tomllib.loads``).
        Shared by every caller, so read only: the rule book copies whatever it keeps."""
        found = self.packs.get(digest(text))
        return tomllib.loads(text) if found is None else found

    def analysis(self, pattern: str) -> Analysis:
        found = self.patterns.get(pattern)
        if found is None:
            return analyse(pattern)
        required, leading, mandatory = found
        return Analysis(
            None if required is None else frozenset(required),
            None if leading is None else frozenset(leading),
            tuple(frozenset(s) for s in mandatory),
        )

    def word_keys(self, abbreviations: dict[str, str], acronyms: frozenset[str]) -> dict[str, list[str]]:
        """Lexicon keys of set words, valid only under this abbreviation table and acronym list."""
        return self.words.get(_words_digest(abbreviations, acronyms), {})


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _words_digest(abbreviations: dict[str, str], acronyms: frozenset[str]) -> str:
    return digest(json.dumps([abbreviations, sorted(acronyms)], sort_keys=True))


def source_digest() -> str:
    """Of every module of the library: results computed by other code must not be used."""
    modules = [e for e in resources.files("bijak").iterdir() if e.name.endswith(".py")]
    sources = sorted((e.name, e.read_text(encoding="utf-8")) for e in modules)
    return digest(json.dumps(sources))


_shipped: Prepared | None = None


def shipped() -> Prepared:
    """The wheel's prepared results, or an empty set when absent, outdated or unreadable."""
    global _shipped
    if _shipped is None:
        _shipped = load()
    return _shipped


def load(path: Any = None) -> Prepared:
    """The prepared results in ``path`` (the package's file by default), if they fit this code."""
    try:
        data = json.loads((path or resources.files("bijak") / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent (a source tree) or damaged: compute everything
        return Prepared()
    if not isinstance(data, dict) or data.get("source") != source_digest():
        return Prepared()
    return Prepared(data)


def build() -> dict[str, Any]:
    """Everything a default ``Linter`` computes at start-up, as JSON-ready data."""
    global _shipped
    from .engine import Linter
    from .rules import pack_texts

    saved, _shipped = _shipped, Prepared()  # compute, never look up
    try:
        linter = Linter()
    finally:
        _shipped = saved
    lexicon = linter.lexicon
    return {
        "source": source_digest(),
        "packs": {digest(text): tomllib.loads(text) for _name, text in pack_texts()},
        "patterns": {
            pattern: [
                None if c.literals is None else sorted(c.literals),
                None if c.leading is None else sorted(c.leading),
                [sorted(s) for s in c.mandatory],
            ]
            for pattern, c in linter.compiled_patterns.items()
        },
        "words": {
            _words_digest(lexicon.abbreviations, lexicon.acronyms): {
                item: list(keys) for item, keys in lexicon.word_keys.items()
            }
        },
    }


def write(folder: Any) -> Any:
    """Write ``prepared.json`` into the package folder ``folder``; returns its path."""
    path = folder / FILE
    path.write_text(json.dumps(build(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
