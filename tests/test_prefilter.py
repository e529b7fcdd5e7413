"""The regex prefilter is exact: it may let a pattern run needlessly, never skip a real match."""

from __future__ import annotations

import re

import pytest
from bijak import Linter
from bijak.prefilter import DIGIT, required_literals
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_regex_parity import all_texts


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\b(?:tau|tahu|kenal)\b x", {"tahu", "kenal", "tau"}),
        (r"(?:^|[^\w\s]\s*|\bayo\s+)(?:serbu|jarah)\b", {"serbu", "jarah"}),
        (r"rp ?\d", {"rp"}),
        (r"(?<![\d.,])\d{16}", {DIGIT}),
        (r"(a|)b", {"b"}),
        (r"a*", None),
        (r".+", None),
        (r"(?:x|.)y?", None),
    ],
)
def test_literals(pattern: str, literals: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (set(found) if found else None) == literals


def _may_match(literals: frozenset[str] | None, text: str) -> bool:
    if literals is None:
        return True
    has_digit = re.search(r"\d", text) is not None
    return any(has_digit if lit == DIGIT else lit in text for lit in literals)


def test_never_skips_a_real_match_on_the_corpus() -> None:
    linter = Linter()
    texts = [linter._document(t).norm.text for t in all_texts()]
    for pattern, compiled in linter.compiled_patterns.items():
        for text in texts:
            if compiled.regex.search(text):
                assert _may_match(compiled.literals, text), (pattern, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdeklmnoprstuy 0123!.,", max_size=40))
def test_never_skips_a_real_match_on_random_text(text: str) -> None:
    for pattern in [r"(?:ab|c+d)e", r"\b(?:ka|lo)+\s*\d", r"(?:x)?(?:mn|op)(?:r|s)t", r"(k|l|)!"]:
        if re.search(pattern, text):
            assert _may_match(required_literals(pattern), text), (pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="gakjidsy b", max_size=40))
def test_literal_finder_is_exact(text: str) -> None:
    from bijak.prefilter import LiteralFinder

    literals = {"ga", "gak", "gaji", "di", "dia", "s", "saya", "ay", "a b", "kaji"}
    assert LiteralFinder(literals).present(text) == {lit for lit in literals if lit in text}


@pytest.mark.parametrize(
    ("pattern", "leading"),
    [
        (r"(?:^|(?<=[.!?] )|\b(?:ayo|mari)\s+)(?:bakar|jarah)lah", {"ayo", "mari", "bakar", "jarah"}),
        (r"(?:ayo )?bakar", {"ayo ", "bakar"}),
        (r"(?:x|)y", {"x", "y"}),
        (r"a?b?", None),
        (r"\w+ bakar", None),
    ],
)
def test_leading_literals_look_through_optional_and_zero_width_parts(pattern, leading) -> None:
    from bijak.prefilter import leading_literals

    found = leading_literals(pattern)
    assert (set(found) if found else None) == leading


def test_mandatory_literals_are_every_required_part() -> None:
    from bijak.prefilter import mandatory_literals

    found = {frozenset(s) for s in mandatory_literals(r"(?:ayo|mari) (?:bakar|serbu) kantor(?:nya)?")}
    assert found == {frozenset({"ayo", "mari"}), frozenset({"bakar", "serbu"}), frozenset({" kantor"})}
    assert mandatory_literals(r"(?:ab|c)d") == ()  # parts shorter than three letters say too little


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abckmnoprsty .", max_size=40))
def test_mandatory_literals_never_skip_a_real_match(text: str) -> None:
    from bijak.prefilter import mandatory_literals

    for pattern in [r"(?:abc|bca) ?(?:kmn|mno)", r"(?:pr)?sty(?:abc)+", r"(?:ab|c)(?:tyr|ryt)\b"]:
        if re.search(pattern, text):
            assert all(any(lit in text for lit in s) for s in mandatory_literals(pattern))
