"""The second opinion: what it reads, when it demotes a warning, and that the shipped model is current."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from bijak import CATEGORIES, ConfigError, Linter
from bijak.opinion import OpinionError, SecondOpinion, features, shipped
from bijak.rules import rulebook_from_packs

sys.path.insert(0, str(Path(__file__).parent / "tools"))

PACK = """
category = "flexing"
[sets]
t_barang = ["mobil", "jam tangan"]
[[rule]]
id = "t-pamer"
severity = "warning"
signals = [["pamer"], ["@t_barang"]]
window = 4
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["pamer mobil baru"]
examples.good = ["mobil dinas"]
"""
# flexing text reads "baru" as flexing and "kantor" as not; the bar sits at zero
TOY = {
    "trained_on": {"files": [], "posts": 0, "sha256": ""},
    "features": ["baru", "kantor", "<angka>"],
    "categories": {"flexing": {"bias": 0, "threshold": 0, "steps": [0, 1], "weights": [150, -200]}},
}


def linter(config: dict | None = None, model: dict = TOY) -> Linter:
    book = rulebook_from_packs([("t.toml", PACK)])
    return Linter(config, rulebook=book, second_opinion=SecondOpinion(model))


def severities(lint: Linter, text: str, **options) -> list[str]:
    return [f.severity for f in lint.lint(text, **options)]


def test_it_reads_forms_roots_neighbouring_pairs_and_numbers_of_the_given_sentences() -> None:
    lint = linter()
    doc = lint._document("Dipamerin mobil 2 unit. Besok kantor.")
    read = features(doc.tokens, doc.roots, 0, 0)
    assert {"dipamerin", "pamer", "mobil", "pamer mobil", "<angka>", "unit"} <= read
    assert "kantor" not in read  # the next sentence was not asked for
    assert "kantor" in features(doc.tokens, doc.roots, 0, 1)
    assert "unit besok" not in features(doc.tokens, doc.roots, 0, 1)  # no pair across a sentence end


def test_a_warning_whose_surroundings_read_unlike_its_category_drops_to_info() -> None:
    lint = linter()
    assert severities(lint, "pamer mobil baru") == ["warning"]  # 150 >= 0
    assert severities(lint, "pamer mobil di kantor") == ["info"]  # -200 < 0
    assert severities(lint, "pamer mobil. Lalu ke kantor.") == ["info"]  # the next sentence is read
    assert severities(lint, "pamer mobil. Satu. Dua. Tiga ke kantor.") == ["warning"]  # too far


def test_rule_examples_and_switched_off_second_opinion_keep_the_rules_own_severity() -> None:
    text = "pamer mobil di kantor"
    assert severities(linter(), text, every_rule=True) == ["warning"]
    assert severities(linter({"second_opinion": False}), text) == ["warning"]
    error = linter({"rules": {"t-pamer": "error"}})
    assert severities(error, text) == ["info"]  # a doubtful error too: it is still the same evidence


def test_a_configured_term_among_the_finding_words_is_trusted() -> None:
    pack_config = {"confidential_terms": ["Jam Tangan"]}
    assert severities(linter(), "pamer jam tangan di kantor") == ["info"]
    assert severities(linter(pack_config), "pamer jam tangan di kantor") == ["warning"]


def test_categories_the_model_does_not_know_are_never_doubted() -> None:
    unknown = {**TOY, "categories": {"hoaks": TOY["categories"]["flexing"]}}
    assert severities(linter(model=unknown), "pamer mobil di kantor") == ["warning"]


def test_a_custom_rule_book_gets_no_shipped_opinion_unless_given_one() -> None:
    book = rulebook_from_packs([("t.toml", PACK)])
    assert Linter(rulebook=book).opinion is None
    assert Linter().opinion is shipped()  # read once, shared


def test_second_opinion_setting_must_be_a_boolean() -> None:
    with pytest.raises(ConfigError, match="second_opinion must be true or false"):
        Linter({"second_opinion": "yes"})


@pytest.mark.parametrize("damaged", [{}, {**TOY, "features": []}, {**TOY, "categories": {"flexing": {}}}])
def test_a_damaged_model_is_a_clear_error(damaged: dict) -> None:
    with pytest.raises(OpinionError, match=r"opinion\.json does not fit"):
        SecondOpinion(damaged)


def test_the_shipped_model_covers_every_category_and_was_trained_on_todays_dev_corpus() -> None:
    from train_opinion import dev_paths, digest

    model = shipped()
    assert set(model.categories) == set(CATEGORIES)
    assert model.trained_on["sha256"] == digest(dev_paths()), "the dev corpus changed: python3 build.py train"


def test_on_posts_it_learnt_from_the_shipped_model_keeps_the_rules_catches_and_drops_alarms() -> None:
    """A sanity check of the trained file (a flipped sign would demote everything); how it does on
    posts it never saw is what ``build.py eval`` measures on the blind sets."""
    from evaluate import score

    posts = [json.loads(line) for line in (Path(__file__).parent / "corpus/dev22.jsonl").open()]
    off, on = score(posts, second_opinion=False), score(posts)
    assert sum(on.caught.values()) >= sum(off.caught.values()) - 2
    assert on.alarms <= off.alarms


def test_the_trainer_learns_a_model_that_the_linter_reads(tmp_path: Path) -> None:
    from train_opinion import train

    bad = ["Pamer mobil baru lagi, jam tangan juga baru", "Liat nih pamer mobil sport baru gue"]
    good = ["Rapat di kantor membahas mobil dinas", "Mobil ambulans desa diserahkan di kantor"]
    paths = []
    for number in range(5):  # one file per fold
        path = tmp_path / f"dev{number}.jsonl"
        rows = [{"id": f"{number}b{i}", "text": t, "labels": ["flexing"]} for i, t in enumerate(bad)]
        rows += [{"id": f"{number}g{i}", "text": t, "labels": []} for i, t in enumerate(good)]
        path.write_text("\n".join(json.dumps(r) for r in rows))
        paths.append(path)
    model = train(paths)
    assert model["trained_on"]["posts"] == 20
    opinion, reader = SecondOpinion(model), Linter({"second_opinion": False})
    assert opinion.doubts("flexing", reader.opinion_features(good[0]))
    assert not opinion.doubts("flexing", reader.opinion_features(bad[1]))


@pytest.mark.parametrize("text", ["Satu dua. Tiga! Empat lima?\nEnam", "tanpa titik", "", "... . !"])
def test_the_tokens_of_a_stretch_of_sentences_hold_every_token_of_those_sentences(text: str) -> None:
    doc = linter()._document(text)
    sentences = len(doc.boundaries) + 1
    for first in range(-2, sentences + 2):
        for last in range(first, sentences + 2):
            inside = [t for t in doc.tokens if first <= t.sentence <= last]
            sliced = doc.tokens[doc.tokens_of(first, last)]
            assert [t for t in sliced if first <= t.sentence <= last] == inside
