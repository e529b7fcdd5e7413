"""The authors' tools report what they claim (they are not run by the linter itself)."""

from __future__ import annotations

import sys
from pathlib import Path

from bijak import Linter
from bijak.rules import rulebook_from_packs

sys.path.insert(0, str(Path(__file__).parent / "tools"))

from shadowing import shadowed

PACK = """
category = "provokasi"
[sets]
t_musibah = ["kebakaran", "dibakar"]
t_aksi = ["bakar", "serbu"]
[[rule]]
id = "t-bakar"
severity = "warning"
signals = [["@t_aksi"]]
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["bakar"]
examples.good = ["kebakaran"]
"""


def test_shadowing_lists_a_derived_word_that_hides_another_sets_root() -> None:
    linter = Linter(rulebook=rulebook_from_packs([("t.toml", PACK)]))
    cases = shadowed(linter)
    # "dibakar" is inflected, so it still reaches "bakar": not a case
    assert cases == [("kebakaran", "bakar", ["t_musibah"], ["t_aksi"])]
    assert [f.rule for f in linter.lint("rumah kebakaran")] == []  # what the report warns of


def test_shadowing_lists_a_word_known_only_from_a_phrase() -> None:
    """A phrase alone ("kebakaran hutan") makes "kebakaran" a known word that stops the look-up."""
    pack = PACK.replace('t_musibah = ["kebakaran", "dibakar"]', 't_musibah = ["kebakaran hutan"]')
    linter = Linter(rulebook=rulebook_from_packs([("t.toml", pack)]))
    assert shadowed(linter) == [("kebakaran", "bakar", [], ["t_aksi"])]
    assert [f.rule for f in linter.lint("rumah kebakaran")] == []


def test_evaluate_counts_catches_and_names_the_rules_behind_false_alarms() -> None:
    from bijak import Severity
    from evaluate import score

    rude = "Dasar goblok lo!"
    result = score([
        {"id": "a", "text": rude, "labels": []},
        {"id": "b", "text": "Selamat pagi, semangat bekerja.", "labels": []},
        {"id": "c", "text": rude, "labels": ["kesantunan"]},
    ])
    raised = {f.rule for f in Linter().lint(rude) if f.level >= Severity.WARNING}
    assert (result.good, result.alarms, result.bad, result.caught["kesantunan"]) == (2, 1, 1, 1)
    assert raised and set(result.alarm_rules) == raised
    assert result.alarm_categories == {"kesantunan": 1}
