"""Start-up results prepared at wheel build time are exactly what the linter would compute, and an
outdated, foreign or damaged file is ignored rather than trusted."""

from __future__ import annotations

import copy
import json
import tomllib

import pytest
from bijak import Linter, prepared
from bijak.prefilter import analyse
from bijak.rules import pack_texts

from .test_regex_parity import all_texts


@pytest.fixture(scope="module")
def built() -> dict:
    return json.loads(json.dumps(prepared.build()))  # as read back from the file


def test_prepared_results_equal_computed_ones(built: dict) -> None:
    ready = prepared.Prepared(copy.deepcopy(built))
    for _name, text in pack_texts():
        assert ready.pack(text) == tomllib.loads(text)
    assert len(ready.patterns) > 100
    for pattern in ready.patterns:
        assert ready.analysis(pattern) == analyse(pattern), pattern
    computed = Linter(start_up=prepared.Prepared())
    keys = ready.word_keys(computed.book.abbreviations, computed.acronyms)
    words = [item for _set, item in computed.lexicon_items() if not item.startswith("re:")]
    assert len(words) > 30_000
    for item in words:
        assert keys.get(item) == computed.lexicon.keys_of(item), item
    assert keys.get("a word no pack lists") is None  # computed, then


def test_a_linter_from_prepared_results_behaves_the_same(built: dict) -> None:
    computed = Linter(start_up=prepared.Prepared())
    from_file = Linter(start_up=prepared.Prepared(copy.deepcopy(built)))
    assert from_file.lexicon.single == computed.lexicon.single
    assert from_file.lexicon.phrase_trie == computed.lexicon.phrase_trie
    for text in all_texts()[::7]:
        assert from_file.lint(text) == computed.lint(text), text


def test_a_linter_keeps_nothing_of_the_prepared_results(built: dict) -> None:
    """Packs and word keys are handed over once and the Linter drops the rest: in the extension
    they would otherwise stay in the WebAssembly heap for good."""
    ready = prepared.Prepared(copy.deepcopy(built))
    linter = Linter(start_up=ready)
    assert ready.packs == {} and ready.words == {}
    assert not hasattr(linter, "_start_up")
    assert linter.lexicon.word_keys == {} and linter.lexicon.known_keys == prepared.WordKeys()
    again = Linter(start_up=ready)  # what was handed over is computed the next time
    assert again.lexicon.single == linter.lexicon.single


def test_entries_are_found_only_by_what_they_were_computed_from(built: dict) -> None:
    ready = prepared.Prepared(copy.deepcopy(built))
    assert ready.pack('category = "flexing"\n') == {"category": "flexing"}  # not a shipped pack
    assert ready.analysis(r"\bbaru sekali\b") == analyse(r"\bbaru sekali\b")
    empty = prepared.WordKeys()
    assert ready.word_keys({"yg": "yang"}, frozenset()) == empty  # made under another abbreviation table
    shipped = Linter().book
    assert ready.word_keys(shipped.abbreviations, frozenset()) == empty  # or other acronyms
    assert ready.word_keys(shipped.abbreviations, frozenset(shipped.acronyms)) != empty


def test_outdated_or_damaged_file_is_ignored(built: dict, tmp_path) -> None:
    path = tmp_path / prepared.FILE
    path.write_text(json.dumps(built), encoding="utf-8")
    assert prepared.load(path).patterns == built["patterns"]
    path.write_text(json.dumps({**built, "source": "older code"}), encoding="utf-8")
    assert prepared.load(path).patterns == {}
    path.write_text('{"source": "', encoding="utf-8")
    assert prepared.load(path).patterns == {}
    assert prepared.load(tmp_path / "absent.json").patterns == {}
