"""The second opinion: what it reads, when it demotes a warning, and that the shipped model is current."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from bijak import CATEGORIES, ConfigError, Linter
from bijak.engine import sentence_reads
from bijak.opinion import OpinionError, SecondOpinion, features, shipped, weightiest
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

[[rule]]
id = "t-kesan"
opinion = true
severity = "warning"
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["baru baru"]
examples.good = ["kantor"]
"""
# flexing text reads "baru" as flexing and "kantor" as not; the bar sits at zero, and the model warns
# by itself from 300 ("baru" in two of three neighbouring sentences)
TOY = {
    "trained_on": {"files": [], "posts": 0, "sha256": ""},
    "features": ["baru", "kantor", "<angka>"],
    "categories": {
        "flexing": {"bias": 0, "threshold": 0, "alone": 300, "steps": [0, 1], "weights": [150, -200]}
    },
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
    # a lowered finding says from what; one the model let stand says nothing
    assert [f.lowered_from for f in lint.lint("pamer mobil di kantor")] == ["warning"]
    assert [f.lowered_from for f in lint.lint("pamer mobil baru")] == [""]
    assert [f.lowered_from for f in lint.lint("pamer mobil di kantor", every_rule=True)] == [""]


def opinion_findings(lint: Linter, text: str, **options) -> list[tuple[str, str]]:
    return [(f.text, f.severity) for f in lint.lint(text, **options) if f.rule == "t-kesan"]


def test_where_no_rule_warns_the_model_warns_by_itself_at_its_strongest_sentence() -> None:
    text = "Hari ini. Baru saja. Beli baru. Di kantor. Lalu kantor lagi."
    # stretches: "Baru saja" and "Beli baru" each with a neighbour reach 300; the first is chosen
    assert opinion_findings(linter(), text) == [("Baru saja", "warning")]
    assert opinion_findings(linter(), "Baru saja. Di kantor. Beli baru.") == []  # 150 - 200 + 150
    assert opinion_findings(linter(), "Baru baru.") == []  # a sentence reads each word once: 150


def test_the_opinion_rule_underlines_the_clause_that_weighs_most_not_a_whole_caption() -> None:
    # both sentences weigh 150 ("baru"); of the first one's clauses only the second weighs
    text = "Hari ini, beli sepatu baru di pasar. Terus baju baru juga."
    assert opinion_findings(linter(), text) == [("beli sepatu baru di pasar", "warning")]
    # a long clause: its weightiest words only
    long = "Kemarin sore kami semua pergi ke pasar kota untuk membeli sepatu yang baru saja tiba. Beli baru."
    assert opinion_findings(linter(), long) == [("baru", "warning")]
    # convinced with no word weighing for it (here by the bias alone): the whole middle sentence
    bias = {**TOY, "categories": {"flexing": {**TOY["categories"]["flexing"], "bias": 300}}}
    assert opinion_findings(linter(model=bias), "Hari ini saja.") == [("Hari ini saja", "warning")]


def test_the_weightiest_run_starts_and_ends_on_a_word_that_weighs() -> None:
    assert weightiest([0, 5, -1, 4, 0, 0, 3], 3) == (1, 3)  # 5 - 1 + 4 beats 5 alone
    assert weightiest([0, 5, -1, 4, 0, 0, 3], 2) == (1, 1)  # too short to reach the 4
    assert weightiest([3, -3, 3], 3) == (0, 0)  # a tie: the earliest, shortest run
    assert weightiest([0, -2, 0], 3) is None


def test_the_model_keeps_quiet_where_a_rule_of_its_category_has_found_anything() -> None:
    text = "Baru saja. Pamer mobil baru."
    assert [f.rule for f in linter().lint(text)] == ["t-pamer"]
    assert {f.rule for f in linter().lint(text, every_rule=True)} == {"t-pamer", "t-kesan"}
    # a rule switched off or silenced is not replaced by the model: it still keeps it quiet
    assert linter({"rules": {"t-pamer": "off"}}).lint(text) == []
    assert linter().lint(text + " bijak-abaikan: t-pamer") == []
    assert [f.rule for f in linter({"rules": {"t-pamer": "info"}}).lint(text)] == ["t-pamer"]


def test_a_switched_off_rule_runs_only_where_its_opinion_rule_may_speak() -> None:
    """Compiled (and run, unreported) only to keep the model quiet: not when nothing could speak."""
    compiled = lambda config: [c.rule.id for c in linter(config).rules]  # noqa: E731
    assert compiled({"rules": {"t-pamer": "off"}}) == ["t-pamer"]
    assert compiled({"rules": {"t-pamer": "off", "t-kesan": "off"}}) == []
    assert compiled({"rules": {"t-pamer": "off"}, "second_opinion": False}) == []
    assert compiled({"categories": {"flexing": False}}) == []


def test_the_opinion_rule_obeys_config_and_inline_silencing_like_any_rule() -> None:
    text = "Baru saja. Beli baru."
    assert opinion_findings(linter({"rules": {"t-kesan": "info"}}), text) == [("Baru saja", "info")]
    assert opinion_findings(linter({"rules": {"t-kesan": "off"}}), text) == []
    assert opinion_findings(linter({"categories": {"flexing": False}}), text) == []
    assert opinion_findings(linter({"second_opinion": False}), text) == []
    assert opinion_findings(linter(), text + " bijak-abaikan: t-kesan") == []
    assert opinion_findings(linter(model={**TOY, "categories": {"flexing": {
        **TOY["categories"]["flexing"], "alone": None}}}), text) == []  # fmt: skip


def test_a_stretch_is_a_sentence_and_one_neighbour_on_each_side() -> None:
    model = SecondOpinion(TOY).categories["flexing"]
    sentences = [{"baru"}, {"kantor"}, set(), {"baru"}, {"baru", "kantor"}]
    # sentence scores 150, -200, 0, 150, -50: stretches -50, -50, -50, 100, 100
    assert model.strongest(sentences) == (100, 3)
    assert model.strongest([{"baru"}]) == (150, 0)


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
    from train_opinion import held_out, read_posts, train

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
    # it warns by itself above every held-out good post: here on the bad ones, not on the good
    sentences = {t: [words for _, words in sentence_reads(reader._document(t))] for t in bad + good}
    assert [bool(opinion.convinced(sentences[t], ["flexing"])) for t in bad + good] == [1, 1, 0, 0]
    # the measure that chooses settings: every held-out bad post reaches the held-out bar here
    folds = held_out(read_posts(paths))
    assert folds.reached == {"flexing": (10, 10)} and folds.recall() == 1.0
    assert folds.alone == {"flexing": model["categories"]["flexing"]["alone"]}


@pytest.mark.parametrize("text", ["Satu dua. Tiga! Empat lima?\nEnam", "tanpa titik", "", "... . !"])
def test_the_tokens_of_a_stretch_of_sentences_hold_every_token_of_those_sentences(text: str) -> None:
    doc = linter()._document(text)
    sentences = len(doc.boundaries) + 1
    for first in range(-2, sentences + 2):
        for last in range(first, sentences + 2):
            inside = [t for t in doc.tokens if first <= t.sentence <= last]
            sliced = doc.tokens[doc.tokens_of(first, last)]
            assert [t for t in sliced if first <= t.sentence <= last] == inside


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda pack: pack.replace('opinion = true', 'opinion = true\nsignals = [["baru"]]'),
         r"an opinion rule has no \['signals'\]"),
        (lambda pack: pack + pack[pack.index('[[rule]]\nid = "t-kesan"'):].replace("t-kesan", "t-kesan2"),
         r"more than one opinion rule for \['flexing'\]"),
        (lambda pack: pack.replace('opinion = true', 'opinion = "ya"'), "opinion must be true or false"),
    ],
)
def test_a_malformed_opinion_rule_is_a_clear_pack_error(change, message: str) -> None:
    from bijak.rules import RulePackError

    with pytest.raises(RulePackError, match=message):
        rulebook_from_packs([("t.toml", change(PACK))])


def test_every_category_but_hoaks_has_an_opinion_rule_of_the_shipped_model() -> None:
    """The hoaks model is never sure enough alone: a hoax and its debunking share their words."""
    rules = {r.category: r for r in Linter().book.rules if r.opinion}
    assert set(rules) == set(CATEGORIES) - {"hoaks"}
    assert all(r.kind == "opinion" and not r.signals for r in rules.values())


def test_scoring_every_category_at_once_agrees_with_scoring_each_on_real_posts() -> None:
    """``convinced`` adds packed weights; ``CategoryModel.strongest`` is the plain reference."""
    model, reader = shipped(), Linter({"second_opinion": False})
    posts = [json.loads(line)["text"] for line in (Path(__file__).parent / "corpus/dev22.jsonl").open()]
    convinced = 0
    for text in [*posts[:600], "", "Sangat. " * 3000]:
        sentences = [words for _, words in sentence_reads(reader._document(text))]
        expected = {}
        for category, scorer in model.categories.items():
            score, where = scorer.strongest(sentences) if sentences else (0, 0)
            if sentences and scorer.alone is not None and score >= scorer.alone:
                expected[category] = where
        assert model.convinced(sentences, CATEGORIES) == expected, text
        convinced += bool(expected)
    assert convinced >= 10  # the comparison saw the model speak, not only stay quiet


def test_a_weight_too_large_to_pack_is_a_clear_error() -> None:
    huge = {**TOY, "categories": {"flexing": {**TOY["categories"]["flexing"], "weights": [1 << 20, 1]}}}
    with pytest.raises(OpinionError, match="out of range"):
        SecondOpinion(huge).convinced([{"baru"}], ["flexing"])
