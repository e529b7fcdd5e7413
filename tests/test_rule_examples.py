"""Every rule's own examples: bad ones must fire the rule, good ones must not (proselint-style)."""

from __future__ import annotations

from functools import cache

import pytest
from bijak import Linter
from bijak.rules import Example, load_rulebook

BOOK = load_rulebook()
CASES = [
    pytest.param(rule.id, example, expected, id=f"{rule.id}-{'bad' if expected else 'good'}{n}")
    for rule in BOOK.rules
    for expected, examples in ((True, rule.examples_bad), (False, rule.examples_good))
    for n, example in enumerate(examples)
]


@cache
def _linter(config_key: str) -> Linter:
    import json

    return Linter(json.loads(config_key))


@pytest.mark.parametrize(("rule_id", "example", "should_fire"), CASES)
def test_rule_example(rule_id: str, example: Example, should_fire: bool) -> None:
    import json

    linter = _linter(json.dumps(example.config, sort_keys=True))
    fired = [f for f in linter.lint(example.text, example.context, every_rule=True) if f.rule == rule_id]
    assert bool(fired) == should_fire, f"{rule_id} on {example.text!r}: {fired}"


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule in BOOK.rules:
        assert rule.examples_bad and rule.examples_good, rule.id
