"""Property tests: for any Unicode input, spans are valid and point at exactly what was typed."""

from __future__ import annotations

import json

from bijak import lint
from bijak.bridge import lint_json
from bijak.normalize import normalize
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BAD_WORDS = ["goblok", "g0bl0k", "a n j i n g", "b*ngsat", "Rubicon", "coblos", "💎", "4nj1ng"]
any_text = st.text(st.characters(codec="utf-8"), max_size=300)
salted = st.lists(st.one_of(any_text, st.sampled_from(BAD_WORDS)), max_size=8).map(" ".join)
surrogate_heavy = st.text(st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=30)
lone_surrogates = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=5)
texts = st.one_of(any_text, salted, surrogate_heavy.map(lambda e: e + " dasar goblok " + e))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_spans_are_valid_and_exact(text: str) -> None:
    for finding in lint(text):
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.start < finding.end


@SETTINGS
@given(texts)
def test_utf16_offsets_match_javascript_slicing(text: str) -> None:
    result = json.loads(lint_json(text))
    encoded = text.encode("utf-16-le", "surrogatepass")
    for finding in result["findings"]:
        sliced = encoded[finding["start16"] * 2 : finding["end16"] * 2]
        assert sliced.decode("utf-16-le", "surrogatepass") == finding["text"]


@SETTINGS
@given(st.one_of(any_text, lone_surrogates, surrogate_heavy))
def test_normalized_map_is_monotonic_and_in_range(text: str) -> None:
    norm = normalize(text)
    for start in range(len(norm.text)):
        a, b = norm.to_original(start, start + 1)
        assert 0 <= a < b <= len(text)
    if norm.starts:
        assert norm.starts == sorted(norm.starts)


def test_lone_surrogates_do_not_crash() -> None:
    assert isinstance(lint("\ud83d dasar goblok \ude0e"), list)
