"""The extension's door: JSON in, JSON out, with UTF-16 offsets that JavaScript can slice with."""

from __future__ import annotations

import json

from bijak.bridge import lint_json, rules_json, utf16_offsets, warm_json


def js_slice(text: str, start16: int, end16: int) -> str:
    """What ``text.slice(start16, end16)`` returns in JavaScript."""
    units = text.encode("utf-16-le")
    return units[start16 * 2 : end16 * 2].decode("utf-16-le")


def test_utf16_offsets_count_surrogate_pairs() -> None:
    assert utf16_offsets("a😎b") == [0, 1, 3, 4]
    assert utf16_offsets("abc") == [0, 1, 2, 3]


def test_findings_carry_utf16_offsets_after_emoji() -> None:
    text = "😎😎 dasar\u00a0goblok 🙏"
    result = json.loads(lint_json(text))
    [finding] = [f for f in result["findings"] if f["rule"] == "santun-kata-kasar"]
    assert text[finding["start"] : finding["end"]] == "goblok"
    assert js_slice(text, finding["start16"], finding["end16"]) == "goblok"


def test_bad_config_returns_an_error_object() -> None:
    assert "unknown key" in json.loads(lint_json("halo", '{"bogus": 1}'))["error"]
    assert "not valid JSON" in json.loads(lint_json("halo", "{"))["error"]
    assert "posted_at" in json.loads(lint_json("halo", "{}", '{"posted_at": "kemarin"}'))["error"]


def test_rules_json_lists_rules_and_categories() -> None:
    listing = json.loads(rules_json())
    assert "kesantunan" in listing["categories"]
    assert any(r["id"] == "santun-kata-kasar" for r in listing["rules"])


def test_any_engine_failure_becomes_an_error_object(monkeypatch) -> None:
    from bijak import bridge

    def broken(config_json: str):
        raise RuntimeError("pattern failed to compile")

    monkeypatch.setattr(bridge, "_linter", broken)
    assert json.loads(lint_json("halo"))["error"] == "RuntimeError: pattern failed to compile"


def test_warm_json_compiles_in_slices_until_none_are_left() -> None:
    answers = [json.loads(warm_json("{}", 5)) for _ in range(2)]
    assert all(isinstance(a["left"], int) for a in answers)
    assert json.loads(warm_json("{}", 60_000)) == {"left": 0}
    assert "error" in json.loads(warm_json('{"rules": {"no-such-rule": "off"}}', 5))


def test_the_extension_linter_is_kept_out_of_collector_passes() -> None:
    import gc

    before = gc.get_freeze_count()
    assert "findings" in json.loads(lint_json("halo", '{"allow": ["bijak-settle-test"]}'))
    assert gc.get_freeze_count() > before  # a new configuration's linter was frozen when built


def test_patterns_compiled_in_the_background_are_then_kept_out_of_collector_passes(monkeypatch) -> None:
    import gc

    config = '{"allow": ["bijak-warm-settle-test"]}'
    json.loads(lint_json("halo", config))  # the linter exists (and was settled once)
    freezes: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(1))
    assert json.loads(warm_json(config, 0))["left"] > 0  # a zero budget compiles nothing
    assert freezes == []  # still compiling: nothing to settle yet
    assert json.loads(warm_json(config, 60_000)) == {"left": 0}
    assert freezes == [1]  # done: what compiling built is settled too
