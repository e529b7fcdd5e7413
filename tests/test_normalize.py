"""Normalization folds what people type to dodge filters, and always maps back to the original."""

from __future__ import annotations

import pytest
from bijak.normalize import normalize


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Baru Beli RUBICON", "baru beli rubicon"),
        ("𝐠𝐨𝐛𝐥𝐨𝐤", "goblok"),  # mathematical bold letters
        ("gоblоk", "goblok"),  # Cyrillic о
        ("an\u200bjing", "anjing"),  # zero-width space
        ("Café naïve", "cafe naive"),
        ("hello\u00a0world", "hello world"),  # NBSP from contenteditable
        ("ﬁlm", "film"),  # ligature expands
    ],
)
def test_folds_obfuscations(typed: str, folded: str) -> None:
    assert normalize(typed).text == folded


def test_ascii_text_keeps_identity_map() -> None:
    norm = normalize("Dasar Goblok")
    assert norm.starts is None
    assert norm.to_original(6, 12) == (6, 12)


def test_span_maps_back_over_removed_and_expanded_characters() -> None:
    text = "x an\u200bjing ﬁ"
    norm = normalize(text)
    start = norm.text.index("anjing")
    a, b = norm.to_original(start, start + len("anjing"))
    assert text[a:b] == "an\u200bjing"
    fi = norm.text.index("fi")
    assert norm.to_original(fi, fi + 2) == (text.index("ﬁ"), text.index("ﬁ") + 1)


def test_emoji_survive_and_map_back() -> None:
    text = "👍🏽 mantap 💎"
    norm = normalize(text)
    index = norm.text.index("💎")
    a, b = norm.to_original(index, index + 1)
    assert text[a:b] == "💎"
