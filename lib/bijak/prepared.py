"""Start-up work done once, when the wheel is built: parsed packs, pattern analyses, word keys.

Building a ``Linter`` parses about a megabyte of TOML, analyses some 800 regular expressions and
tokenizes some 45,000 set words. Inside Pyodide that took seconds after every browser start, so
the wheel ships ``prepared.json`` with those results. Each one is keyed by exactly what it was
computed from (a pack's text, a pattern, a word under one abbreviation table), and the whole file
by the library's own source, so an outdated entry is never used, only missed: what is missing is
computed as before. The file exists only inside built wheels (``build.py`` writes it for the
build and removes it), never in the source tree.

The results are read afresh for each ``Linter`` and each entry is handed over once: a Linter
keeps what it built from them, never the results themselves. In the extension every megabyte of
Python objects stays in the WebAssembly heap for good, and these were over ten.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .prefilter import Analysis, analyse

FILE = "prepared.json"


@dataclass(frozen=True, slots=True)
class WordKeys:
    """Lexicon keys of set words. Nine in ten items are their keys joined by spaces ("tidak ada"):
    those are only named, the others spell their keys out ("yg" -> "yang")."""

    plain: frozenset[str] = frozenset()
    listed: Mapping[str, str] = field(default_factory=dict)

    def get(self, item: str) -> tuple[str, ...] | None:
        if item in self.plain:
            return tuple(item.split(" "))
        keys = self.listed.get(item)
        return None if keys is None else tuple(keys.split(" "))

    @staticmethod
    def to_json(keys: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
        plain: list[str] = []
        listed: dict[str, str] = {}
        for item, item_keys in keys.items():
            if item.split(" ") == list(item_keys):
                plain.append(item)
            else:
                listed[item] = " ".join(item_keys)
        return {"plain": sorted(plain), "listed": listed}


class Prepared:
    """Looked-up results, falling back to computing them. Packs and word keys are handed over
    once (a second request computes), so that nothing holds them once a Linter is built."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data or {}
        self.packs: dict[str, Any] = data.get("packs", {})
        self.patterns: dict[str, list[Any]] = data.get("patterns", {})
        self.words: dict[str, dict[str, Any]] = data.get("words", {})

    def pack(self, text: str) -> dict[str, Any]:
        """The parsed TOML ``text`` (raises ``tomllib.TOMLDecodeError`` like ``tomllib.loads``)."""
        found = self.packs.pop(digest(text), None)
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

    def word_keys(self, abbreviations: dict[str, str], acronyms: frozenset[str]) -> WordKeys:
        """Lexicon keys of set words, valid only under this abbreviation table and acronym list."""
        found = self.words.pop(_words_digest(abbreviations, acronyms), None)
        if found is None:
            return WordKeys()
        return WordKeys(frozenset(found["plain"]), found["listed"])


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _words_digest(abbreviations: dict[str, str], acronyms: frozenset[str]) -> str:
    return digest(json.dumps([abbreviations, sorted(acronyms)], sort_keys=True))


def source_digest() -> str:
    """Of every module of the library: results computed by other code must not be used."""
    modules = [e for e in resources.files("bijak").iterdir() if e.name.endswith(".py")]
    sources = sorted((e.name, e.read_text(encoding="utf-8")) for e in modules)
    return digest(json.dumps(sources))


def shipped() -> Prepared:
    """The wheel's prepared results, read afresh (see above), or none when absent, outdated or
    unreadable."""
    return load()


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
    from .engine import Linter
    from .rules import pack_texts

    linter = Linter(start_up=Prepared())  # compute, never look up
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
            _words_digest(lexicon.abbreviations, lexicon.acronyms): WordKeys.to_json(
                {item: lexicon.keys_of(item) for _name, item in linter.lexicon_items()}
            )
        },
    }


def write(folder: Any) -> Any:
    """Write ``prepared.json`` into the package folder ``folder``; returns its path."""
    path = folder / FILE
    # ASCII (escaped): one emoji would make the whole text four bytes a character while it is read
    path.write_text(json.dumps(build(), separators=(",", ":")), encoding="ascii")
    return path
