"""``regex`` (CPython) and stdlib ``re`` (a Pyodide without regex) must agree on every post we have."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bijak import Linter
from bijak.regexp import _regex_module

CORPUS = Path(__file__).parent / "corpus"


def all_texts() -> list[str]:
    texts = [e.text for r in Linter().book.rules for e in r.examples_bad + r.examples_good]
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


@pytest.mark.skipif(_regex_module is None, reason="the regex package is not installed")
def test_both_regex_backends_give_identical_findings() -> None:
    with_regex, with_re = Linter(regex_backend="regex"), Linter(regex_backend="re")
    texts = all_texts()
    assert len(texts) > 20
    for text in texts:
        assert with_regex.lint(text) == with_re.lint(text), text
