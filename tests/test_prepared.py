"""Start-up results prepared at wheel build time are exactly what the linter would compute, and an
outdated, foreign or damaged file is ignored rather than trusted."""

from __future__ import annotations

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
    ready = prepared.Prepared(built)
    for _name, text in pack_texts():
        assert ready.pack(text) == tomllib.loads(text)
    assert len(ready.patterns) > 100
    for pattern in ready.patterns:
        assert ready.analysis(pattern) == analyse(pattern), pattern


def test_a_linter_from_prepared_results_behaves_the_same(built: dict, monkeypatch) -> None:
    monkeypatch.setattr(prepared, "_shipped", prepared.Prepared())
    computed = Linter()
    monkeypatch.setattr(prepared, "_shipped", prepared.Prepared(built))
    from_file = Linter()
    assert from_file.lexicon.single == computed.lexicon.single
    assert from_file.lexicon.phrase_trie == computed.lexicon.phrase_trie
    for text in all_texts()[::7]:
        assert from_file.lint(text) == computed.lint(text), text


def test_rule_books_keep_nothing_of_the_shared_prepared_packs(built: dict, monkeypatch) -> None:
    """Every Linter reads the same prepared packs; what a rule book keeps is its own copy."""
    monkeypatch.setattr(prepared, "_shipped", prepared.Prepared(built))
    first, second = Linter().book, Linter().book
    [terms] = [e.config["confidential_terms"] for r in first.rules for e in r.examples_bad
               if "Operasi Elang Biru" in e.config.get("confidential_terms", ())]
    terms.append("changed by one linter's caller")
    assert not any("changed by one linter's caller" in e.config.get("confidential_terms", ())
                   for r in second.rules for e in r.examples_bad)


def test_entries_are_found_only_by_what_they_were_computed_from(built: dict) -> None:
    ready = prepared.Prepared(built)
    assert ready.pack('category = "flexing"\n') == {"category": "flexing"}  # not a shipped pack
    assert ready.analysis(r"\bbaru sekali\b") == analyse(r"\bbaru sekali\b")
    assert ready.word_keys({"yg": "yang"}, frozenset()) == {}  # keys made under another abbreviation table
    shipped = Linter().book
    assert ready.word_keys(shipped.abbreviations, frozenset(shipped.acronyms))
    assert ready.word_keys(shipped.abbreviations, frozenset()) == {}  # or other acronyms


def test_outdated_or_damaged_file_is_ignored(built: dict, tmp_path) -> None:
    path = tmp_path / prepared.FILE
    path.write_text(json.dumps(built), encoding="utf-8")
    assert prepared.load(path).patterns == built["patterns"]
    path.write_text(json.dumps({**built, "source": "older code"}), encoding="utf-8")
    assert prepared.load(path).patterns == {}
    path.write_text('{"source": "', encoding="utf-8")
    assert prepared.load(path).patterns == {}
    assert prepared.load(tmp_path / "absent.json").patterns == {}
