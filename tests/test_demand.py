"""Patterns run only when a rule that may fire needs them, and skipping the others changes nothing."""

from __future__ import annotations

from bijak import Linter
from bijak.demand import Demand
from bijak.rules import rulebook_from_packs

from .test_engine import PACK, SHARED
from .test_regex_parity import all_texts

PRICE = "\\d+ ?(jt|juta)"  # in t_beli, the second group of t-combo (brand near purchase)


def test_pattern_of_a_rule_that_cannot_fire_is_not_run() -> None:
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", PACK)]))
    assert PRICE not in linter._document("Harga sayur naik 5 juta sekarang").pattern_hits  # no brand
    assert PRICE in linter._document("Rubicon 900 jt").pattern_hits
    assert [f.rule for f in linter.lint("Rubicon 900 jt")] == ["t-combo"]


class _Signal:
    def __init__(self, sets: tuple[str, ...] = (), patterns: tuple[str, ...] = ()) -> None:
        self.sets, self.patterns = sets, patterns


def test_demand_follows_includes_senses_and_suppression_cues() -> None:
    rules = [
        ([_Signal(("merek",)), _Signal(("beli",))], [_Signal(patterns=("p-kecuali",))]),
        ([_Signal(patterns=("p-sendiri",))], []),
    ]
    senses = [(("beli",), _Signal(patterns=("p-sense",)))]
    demand = Demand(
        rules,
        senses,
        cues=("negasi",),
        set_patterns={"beli": ["p-beli"], "harga": ["p-harga"], "negasi": ["p-negasi"]},
        include_closure={"beli": ["harga"]},
    )
    everything = {"p-beli", "p-harga", "p-kecuali", "p-sense", "p-negasi", "p-sendiri"}
    assert demand.needed(set(), set()) == ([], set())
    assert demand.needed({"merek"}, everything - {"p-sendiri"}) == (
        [0],
        {"p-beli", "p-harga", "p-kecuali", "p-sense", "p-negasi"},  # harga is included by beli
    )
    assert demand.needed({"merek"}, {"p-kecuali", "p-negasi"}) == ([], set())  # beli cannot hit
    assert demand.needed({"beli"}, {"p-sendiri", "p-negasi", "p-beli"}) == (
        [1],
        {"p-sendiri", "p-negasi"},  # beli only matters to rule 0, which has no brand
    )


class _RunEverything(Linter):
    """The engine without demand: every possible pattern runs and every rule is tried."""

    def _demand(self) -> Demand:
        demand = super()._demand()
        demand.needed = lambda token_sets, possible: (list(range(len(self.rules))), possible)
        return demand


def test_skipping_patterns_never_changes_findings() -> None:
    lean, full = Linter(), _RunEverything()
    texts = all_texts()[::3]
    assert len(texts) > 1000
    for text in texts:
        assert lean.lint(text) == full.lint(text), text
