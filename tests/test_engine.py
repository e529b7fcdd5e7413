"""Engine mechanics on a small pack of its own, so these tests pin behaviour, not vocabulary."""

from __future__ import annotations

import pytest
from bijak import ConfigError, Linter
from bijak.rules import RulePackError, load_rulebook, rulebook_from_packs

PACK = """
category = "flexing"
[sets]
t_merek = ["rubicon", "louis vuitton", "💎"]
t_beli = ["beli", "punya", "re:\\\\d+ ?(jt|juta)"]
t_kasar = ["goblok", "anjing"]
t_hewan = ["peliharaan", "vaksin"]
t_partai = ["gerindra"]
t_dukung = ["dukung", "coblos"]

[[sense]]
words = ["anjing"]
sets = ["t_kasar"]
near = ["@t_hewan"]
window = 3

[[rule]]
id = "t-combo"
severity = "warning"
signals = [["@t_merek"], ["@t_beli"]]
window = 4
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["beli rubicon"]
examples.good = ["rubicon"]

[[rule]]
id = "t-kasar"
category = "kesantunan"
severity = "warning"
signals = [["@t_kasar"]]
escalate = [{ severity = "error", near = ["@_mention"] }]
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["goblok"]
examples.good = ["baik"]

[[rule]]
id = "t-dukung"
category = "netralitas"
severity = "error"
signals = [["@t_dukung"], ["@t_partai", "@calon"]]
negatable = false
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["dukung gerindra"]
examples.good = ["gerindra"]

[[rule]]
id = "t-jam-kerja"
category = "etika-kerja"
severity = "warning"
signals = [["joget"]]
requires = ["working_hours", "personal_account"]
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["joget"]
examples.good = ["kerja"]
"""
SHARED = (
    '[sets]\nnegasi = ["jangan", "stop", "tidak"]\nkecaman = ["melukai"]\nkutipan = ["dipanggil"]\n'
    '[abbreviations]\njgn = "jangan"\n'
)


@pytest.fixture(scope="module")
def book():
    return rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", PACK)])


def rules_fired(linter: Linter, text: str, **context) -> list[str]:
    return [f.rule for f in linter.lint(text, context)]


def test_combo_needs_both_signals_within_window(book) -> None:
    linter = Linter(rulebook=book)
    assert rules_fired(linter, "Alhamdulillah baru beli Rubicon") == ["t-combo"]
    assert rules_fired(linter, "Rubicon itu mobil tangguh") == []
    assert rules_fired(linter, "beli sayur di pasar lalu pulang naik angkot lihat Rubicon") == []


def test_one_finding_per_problem_unless_every_rule_is_asked_for() -> None:
    """Overlapping findings of one category are one problem: the most severe, then the narrowest,
    stands for them; other categories and separate problems stay."""
    pack = PACK.replace('t_partai = ["gerindra"]', 't_partai = ["gerindra"]\nt_mewah = ["rubicon"]') + """
[[rule]]
id = "t-merek-saja"
severity = "warning"
signals = [["@t_mewah"]]
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["rubicon"]
examples.good = ["mobil"]
"""
    book = rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)])
    linter = Linter(rulebook=book)
    text = "Baru beli Rubicon, goblok. Nanti beli Rubicon lagi"
    merged = [(f.rule, f.text) for f in linter.lint(text)]
    assert merged == [("t-merek-saja", "Rubicon"), ("t-kasar", "goblok"), ("t-merek-saja", "Rubicon")]
    milder = Linter({"rules": {"t-merek-saja": "info"}}, rulebook=book)  # severity comes first
    assert [(f.rule, f.text) for f in milder.lint(text)][:1] == [("t-combo", "beli Rubicon")]
    every = [(f.rule, f.text) for f in linter.lint(text, every_rule=True)]
    assert every == [
        ("t-combo", "beli Rubicon"), ("t-merek-saja", "Rubicon"), ("t-kasar", "goblok"),
        ("t-combo", "beli Rubicon"), ("t-merek-saja", "Rubicon"),
    ]


def test_phrases_sharing_first_words_each_match_through_any_root() -> None:
    """Phrases with common first words end at different lengths; a later word may be inflected
    ("rumahmu" reaches "rumah"), and a phrase needs every one of its words in order."""
    pack = PACK.replace(
        't_partai = ["gerindra"]',
        't_partai = ["gerindra"]\nt_tahu = ["tahu rumah"]\n'
        't_tahu_lengkap = ["tahu rumah kamu di mana", "tahu kantor"]',
    ) + """
[[rule]]
id = "t-tahu"
category = "ancaman"
severity = "warning"
signals = [["@t_tahu"]]
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["aku tahu rumahmu"]
examples.good = ["tahu bulat"]

[[rule]]
id = "t-tahu-lengkap"
category = "kerahasiaan"
severity = "warning"
signals = [["@t_tahu_lengkap"]]
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["tahu kantor"]
examples.good = ["tahu bulat"]
"""
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)]))
    spans = lambda text: [(f.rule, f.text) for f in linter.lint(text)]  # noqa: E731
    assert spans("Aku TAHU rumahmu") == [("t-tahu", "TAHU rumahmu")]
    assert spans("aku tahu rumah kamu di mana, tahu kantor juga") == [
        ("t-tahu", "tahu rumah"),
        ("t-tahu-lengkap", "tahu rumah kamu di mana"),
        ("t-tahu-lengkap", "tahu kantor"),
    ]
    assert spans("tahu kamu rumah di mana") == []
    assert spans("beli tahu") == []


def test_finding_span_is_exact_original_text(book) -> None:
    text = "😎 Baru BELI Rubicon 800jt"
    finding = Linter(rulebook=book).lint(text)[0]
    assert text[finding.start : finding.end] == finding.text == "BELI Rubicon"


def test_combo_respects_sentence_boundaries(book) -> None:
    assert rules_fired(Linter(rulebook=book), "Mau beli apa. Rubicon lewat") == []


def test_negation_cancels_and_abbreviation_counts(book) -> None:
    linter = Linter(rulebook=book)
    assert rules_fired(linter, "jgn goblok") == []
    assert rules_fired(linter, "stop bilang goblok") == []


def test_an_acronym_in_capitals_is_a_name_not_an_abbreviation() -> None:
    """"JGN" listed as an acronym: in capitals it is that name and negates nothing; typed in
    small letters it is still "jangan"."""
    shared = SHARED + '[acronyms]\nnames = ["JGN"]\n'
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", shared), ("test.toml", PACK)]))
    assert rules_fired(linter, "jgn goblok") == []
    assert rules_fired(linter, "Jgn goblok") == []
    assert rules_fired(linter, "JGN goblok") == ["t-kasar"]
    assert rules_fired(linter, "Kata 😎 JGN goblok") == ["t-kasar"]  # offsets mapped past an emoji


def test_a_candidate_is_also_a_title_and_one_part_of_the_name() -> None:
    shared = SHARED + '[candidates]\ntitles = ["pak", "bu"]\n'
    book = rulebook_from_packs([("_shared.toml", shared), ("test.toml", PACK)])
    linter = Linter({"election": {"candidates": ["Wulan Sari Dewi", "Jokowi"]}}, rulebook=book)
    assert rules_fired(linter, "coblos Wulan Sari Dewi") == ["t-dukung"]
    assert rules_fired(linter, "coblos Bu Wulan") == ["t-dukung"]
    assert rules_fired(linter, "ayo coblos bu dewi ya") == ["t-dukung"]
    assert rules_fired(linter, "coblos Wulan") == []  # a first name alone is anyone's
    assert rules_fired(linter, "coblos Jokowi") == ["t-dukung"]


def test_a_set_word_in_capitals_meets_the_acronym_in_capitals() -> None:
    """Set words are read like posts: "ruang JGN" in a pack is the acronym, "ruang jgn" is not."""
    shared = SHARED + '[acronyms]\nnames = ["JGN"]\n'
    pack = PACK.replace('t_merek = ["rubicon"', 't_merek = ["ruang JGN", "rubicon"')
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", shared), ("test.toml", pack)]))
    assert rules_fired(linter, "beli ruang JGN") == ["t-combo"]
    assert rules_fired(linter, "beli ruang jgn") == []


def test_an_acronym_must_be_an_abbreviation() -> None:
    shared = SHARED + '[acronyms]\nnames = ["bkn"]\n'
    with pytest.raises(RulePackError, match="acronym 'bkn' is not an abbreviation"):
        rulebook_from_packs([("_shared.toml", shared), ("test.toml", PACK)])


def test_negation_stops_at_a_clause_break(book) -> None:
    assert rules_fired(Linter(rulebook=book), "jangan diam, goblok") == ["t-kasar"]


def test_pattern_group_named_hit_narrows_the_span() -> None:
    pack = PACK.replace('t_beli = ["beli", "punya", "re:\\\\d+ ?(jt|juta)"]',
                        't_beli = ["beli", "punya", "re:harga (?P<hit>\\\\d+) ?(jt|juta)"]')
    book = rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)])
    [finding] = Linter(rulebook=book).lint("rubicon harga 900 jt")
    assert finding.text == "rubicon harga 900"


def test_quoted_word_in_condemning_sentence_is_quiet(book) -> None:
    linter = Linter(rulebook=book)
    assert rules_fired(linter, "Kata 'goblok' itu melukai anak.") == []
    assert rules_fired(linter, "Dia 'goblok' sekali.") == ["t-kasar"]


def test_quoted_word_as_reported_speech_is_quiet(book) -> None:
    assert rules_fired(Linter(rulebook=book), "Anak saya dipanggil 'goblok' oleh temannya") == []


def test_non_negatable_rule_fires_after_negator(book) -> None:
    linter = Linter(rulebook=book, config={"election": {"candidates": ["Budi Santoso"]}})
    assert rules_fired(linter, "jangan dukung Budi Santoso") == ["t-dukung"]


def test_sense_takes_innocent_reading_out(book) -> None:
    linter = Linter(rulebook=book)
    assert rules_fired(linter, "anjing peliharaan sudah vaksin") == []
    assert rules_fired(linter, "dasar anjing") == ["t-kasar"]


def test_a_sense_cleans_the_sets_that_include_its_set_too() -> None:
    """"anjing peliharaan" leaves t_kasar, and so @t_makian, which includes it, no longer has it."""
    kasar = 't_kasar = ["goblok", "anjing"]'
    pack = PACK.replace(kasar, kasar + '\nt_makian = ["@t_kasar"]')
    pack = pack.replace('signals = [["@t_kasar"]]', 'signals = [["@t_makian"]]')
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)]))
    assert rules_fired(linter, "anjing peliharaan sudah vaksin") == []
    assert rules_fired(linter, "dasar anjing") == ["t-kasar"]


def test_sense_words_are_read_like_set_words() -> None:
    """A sense word in capitals or with a doubled letter ("Bhinneka") meets the squeezed roots."""
    pack = PACK.replace('words = ["anjing"]', 'words = ["Anjiing"]')
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)]))
    assert rules_fired(linter, "anjing peliharaan sudah vaksin") == []


def test_only_near_sense_keeps_a_word_only_in_its_cues_company() -> None:
    """"coblos" stays in its set only within 3 tokens of a party word; the rule itself reaches 6."""
    sense = (
        '[[sense]]\nwords = ["coblos"]\nsets = ["t_dukung"]\nnear = ["@t_partai"]\nwindow = 3\n'
        "only_near = true\n"
    )
    pack = PACK.replace("[[sense]]", sense + "\n[[sense]]", 1)
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)]))
    plain = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", PACK)]))
    far = "coblos dulu yang nomor gerindra"  # 4 tokens apart
    assert rules_fired(plain, far) == ["t-dukung"]
    assert rules_fired(linter, far) == []
    assert rules_fired(linter, "ayo coblos gerindra") == ["t-dukung"]
    assert rules_fired(linter, "dukung dulu yang nomor gerindra") == ["t-dukung"]  # other words stay


@pytest.mark.parametrize(
    ("sense", "message"),
    [
        ('sets = ["t_kasar"]\nnear = ["@t_hewan"]', "words must be a non-empty list"),
        ('words = ["anjing"]\nsets = ["t_kasar"]\nnear = ["@t_hewan"]\nwindw = 3', "unknown keys"),
        ('words = ["anjing"]\nsets = ["t_kasar"]\nnear = ["@t_hewan"]\nwindow = "3"', "whole number"),
        ('words = ["anjing"]\nsets = ["t_kasar"]\nnear = ["@t_hewan"]\nscope = "post"', "sentence or adj"),
        ('words = ["anjing"]\nsets = ["t_kasar"]\nnear = ["@t_hewan"]\nonly_near = 1', "true or false"),
        ('words = ["anjing"]\nsets = ["t_kasr"]\nnear = ["@t_hewan"]', "unknown set @t_kasr"),
    ],
)
def test_a_malformed_sense_is_a_clear_pack_error(sense: str, message: str) -> None:
    pack = PACK + "\n[[sense]]\n" + sense + "\n"
    with pytest.raises(RulePackError, match=message):
        rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)])


def test_escalation_near_mention(book) -> None:
    linter = Linter(rulebook=book)
    assert [f.severity for f in linter.lint("@andi goblok")] == ["error"]
    assert [f.severity for f in linter.lint("goblok")] == ["warning"]


def test_context_rule_needs_working_hours_on_personal_account(book) -> None:
    linter = Linter(rulebook=book)
    weekday = "2026-03-03T10:15:00+07:00"  # a Tuesday
    assert rules_fired(linter, "joget dulu", posted_at=weekday) == ["t-jam-kerja"]
    assert rules_fired(linter, "joget dulu", posted_at="2026-03-03T12:15:00+07:00") == []  # break
    assert rules_fired(linter, "joget dulu", posted_at="2026-03-07T10:15:00+07:00") == []  # Sat
    assert rules_fired(linter, "joget dulu", posted_at=weekday, account="official") == []
    assert rules_fired(linter, "joget dulu") == []


def test_time_zone_conversion(book) -> None:
    linter = Linter(rulebook=book)
    # 01:15 UTC is 08:15 WIB but 10:15 WIT; both inside hours; 23:00 UTC is 06:00 WIB: outside
    assert rules_fired(linter, "joget", posted_at="2026-03-03T01:15:00Z", timezone="WIB")
    assert not rules_fired(linter, "joget", posted_at="2026-03-02T23:00:00Z", timezone="WIB")


def test_config_switches_and_overrides(book) -> None:
    text = "goblok, baru beli rubicon"
    assert rules_fired(Linter({"rules": {"t-kasar": "off"}}, rulebook=book), text) == ["t-combo"]
    assert rules_fired(Linter({"categories": {"flexing": False}}, rulebook=book), text) == ["t-kasar"]
    linter = Linter({"rules": {"t-combo": "info"}}, rulebook=book)
    assert {f.rule: f.severity for f in linter.lint(text)}["t-combo"] == "info"
    only_warnings = Linter({"min_severity": "warning", "rules": {"t-combo": "info"}}, rulebook=book)
    assert rules_fired(only_warnings, text) == ["t-kasar"]


def test_allowlist_silences_a_word(book) -> None:
    assert rules_fired(Linter({"allow": ["goblok"]}, rulebook=book), "goblok") == []


def test_inline_silence(book) -> None:
    linter = Linter(rulebook=book)
    assert rules_fired(linter, "goblok beli rubicon bijak-abaikan") == []
    assert rules_fired(linter, "goblok beli rubicon bijak-abaikan: t-kasar") == ["t-combo"]


def test_agency_pattern_and_confidential_terms(book) -> None:
    config = {
        "patterns": [{"id": "kode-proyek", "pattern": r"proyek\s+garuda-\d+", "message": "kode"}],
    }
    findings = Linter(config, rulebook=book).lint("Update Proyek Garuda-7 hari ini")
    assert [(f.rule, f.text) for f in findings] == [("kode-proyek", "Proyek Garuda-7")]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"rules": {"no-such-rule": "off"}}, "unknown rule id"),
        ({"rules": {"t-kasar": "loud"}}, "is not one of"),
        ({"colour": "red"}, "unknown key config.colour"),
        ({"election": {"window": ["2026-02-30", "2026-03-01"]}}, "YYYY-MM-DD"),
        ({"patterns": [{"id": "x", "pattern": "(a+)+$", "message": "m"}]}, "nested quantifiers"),
        ({"patterns": [{"id": "x", "pattern": "(unclosed", "message": "m"}]}, "invalid regular"),
        ({"patterns": [{"id": "t-kasar", "pattern": "x", "message": "m"}]}, "already a built-in"),
        ({"categories": {"flexing": "yes"}}, "true or false"),
    ],
)
def test_bad_config_is_a_clear_error(book, config, message) -> None:
    with pytest.raises(ConfigError, match=message):
        Linter(config, rulebook=book)


def test_shipped_rulebook_loads_and_every_rule_has_a_reference() -> None:
    book = load_rulebook()
    assert book.rules
    for rule in book.rules:
        assert rule.reference and rule.message and rule.suggestion and rule.message_en


def test_megabyte_input_is_handled(book) -> None:
    text = ("Laporan kegiatan posyandu berjalan lancar. " * 24000)[:1_000_000] + " goblok"
    findings = Linter(rulebook=book).lint(text)
    assert [f.text for f in findings] == ["goblok"]


def test_oversized_input_is_refused_clearly(book) -> None:
    with pytest.raises(ValueError, match="longer than"):
        Linter(rulebook=book).lint("a" * 2_000_001)


def test_set_includes_other_sets_and_builtins() -> None:
    pack = """
category = "kesantunan"
[sets]
t_kasar = ["goblok"]
t_target = ["lo", "@_mention"]
t_teriak = ["@_kapital"]
[[rule]]
id = "t-makian"
severity = "warning"
signals = [["@t_kasar"], ["@t_target"]]
window = 2
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["goblok lo"]
examples.good = ["goblok"]
[[rule]]
id = "t-teriak"
severity = "info"
signals = [["@t_teriak"]]
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["SITU SIAPA"]
examples.good = ["situ siapa"]
"""
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("t.toml", pack)]))
    assert rules_fired(linter, "@andi goblok") == ["t-makian"]
    assert [f.text for f in linter.lint("eh SITU SIAPA? Ok")] == ["SITU", "SIAPA"]
    assert rules_fired(linter, "Ok PNS") == []  # capitals need three letters


def test_pattern_runs_in_the_sentences_around_its_literals(book) -> None:
    """Patterns are matched near their literals: the same finding whether the post is short or
    a long caption where the bad sentence sits among many others."""
    linter = Linter(rulebook=book)
    filler = "Rapat koordinasi berjalan lancar dan semua hadir tepat waktu. " * 20
    for text in ("Rubicon 900 jt", filler + "Rubicon 900 jt. " + filler):
        [finding] = linter.lint(text)
        assert finding.rule == "t-combo" and finding.text == "Rubicon 900 jt"


def test_regions_cover_the_literal_sentence_and_its_neighbours(book) -> None:
    doc = Linter(rulebook=book)._document("Satu dua. Tiga empat. Lima enam. Tujuh delapan. Sembilan.")
    text = doc.norm.text
    [(low, high, last)] = doc.regions([text.index("lima")])
    assert low < text.index("lima") < last <= high
    assert text[low:last].endswith("lima enam.") and "tujuh delapan" in text[low:high]
    assert "satu" not in text[low:high]
    merged = doc.regions([text.index("tiga"), text.index("lima")])
    assert len(merged) == 1 and merged[0][0] < text.index("tiga") and text.index("lima") < merged[0][2]


def test_anchors_are_filtered_into_regions() -> None:
    from bijak.engine import _within

    assert _within([1, 5, 9, 20, 31], [(0, 8, 6), (18, 40, 30)]) == [1, 5, 20]
    assert _within([], [(0, 8, 6)]) == [] and _within([3], []) == []


def test_listed_reduplication_and_doubled_letters_in_keep() -> None:
    pack = PACK.replace('t_beli = ["beli",', 't_beli = ["orang2", "beli",').replace(
        't_merek = ["rubicon",', 't_merek = ["orang", "rubicon",'
    ) + '\n[stems]\nkeep = ["menunggu"]\n'
    linter = Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", pack)]))
    roots = {t.raw: linter.lexicon.roots(t) for t in linter.tokenize("orang2 menunggu")}
    assert roots["orang2"] == ("orang2", "orang")  # a listed plural still reaches its base
    assert "menungu" in linter.lexicon.keep  # compared squeezed, like every token key


REACH_PACK = """
category = "ancaman"
[sets]
t_syarat = ["kalau", "kalo"]
t_bayar = ["bayar", "lunas"]
t_celaka = ["celaka", "jangan kaget"]
t_aku = ["aku", "gue"]
t_hutang = ["hutang", "utang"]
t_lelucon = ["becanda", "wkwk"]
t_tahu = ["tahu"]
t_rumah = ["rumahmu"]

[[sense]]
words = ["celaka"]
sets = ["t_celaka"]
near = ["@t_lelucon"]
scope = "adjacent"

[[rule]]
id = "t-ultimatum"
severity = "warning"
signals = [["@t_syarat"], ["@t_bayar"], ["@t_celaka"]]
scope = "adjacent"
window = 12
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["kalau tidak bayar. jangan kaget"]
examples.good = ["kalau bayar"]

[[rule]]
id = "t-tahu-rumah"
severity = "warning"
signals = [["@t_aku"], ["@t_tahu"], ["@t_hutang"]]
window = [2, "post"]
ordered = true
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["soal hutang. aku tahu"]
examples.good = ["aku tahu"]
"""


def reach_linter(pack: str = REACH_PACK) -> Linter:
    return Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("t.toml", pack)]))


def test_adjacent_scope_joins_a_condition_to_the_harm_in_the_next_sentence() -> None:
    linter = reach_linter()
    assert rules_fired(linter, "Kalau minggu ini belum bayar. Jangan kaget ya") == ["t-ultimatum"]
    # two sentences away is too far, and a sentence scope would not have joined them at all
    assert rules_fired(linter, "Kalau minggu ini belum bayar. Oke. Jangan kaget ya") == []
    sentence = reach_linter(REACH_PACK.replace('scope = "adjacent"\nwindow = 12', "window = 12"))
    assert rules_fired(sentence, "Kalau minggu ini belum bayar. Jangan kaget ya") == []


def test_adjacent_sense_sees_its_cue_in_the_next_sentence() -> None:
    linter = reach_linter()
    assert rules_fired(linter, "Kalau belum bayar, celaka kau. Becanda wkwk") == []
    assert rules_fired(linter, "Kalau belum bayar, celaka kau. Oke. Becanda") == ["t-ultimatum"]


def test_unless_window_keeps_exceptions_close_in_an_adjacent_rule() -> None:
    reach = 'scope = "adjacent"\nwindow = 12'
    exception = reach + '\nunless_near = ["@t_lelucon"]'
    broad = reach_linter(REACH_PACK.replace(reach, exception))
    close = reach_linter(REACH_PACK.replace(reach, exception + "\nunless_window = 2"))
    post = "Kalau belum bayar. Jangan kaget. Becanda pun ada batasnya"
    assert rules_fired(broad, post) == []  # the rule's window and scope: the next sentence counts
    assert rules_fired(close, post) == ["t-ultimatum"]
    assert rules_fired(close, "Kalau belum bayar. Jangan kaget wkwk") == []


def test_first_group_negation_ignores_a_negated_condition() -> None:
    pack = """
category = "ancaman"
[sets]
t_celaka = ["celaka", "sikat"]
t_bayar = ["bayar", "datang"]
[[rule]]
id = "t-sikat"
severity = "warning"
signals = [["@t_celaka"], ["@t_bayar"]]
negatable = "first-group"
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["tidak bayar, sikat"]
examples.good = ["bayar"]
"""
    first_group = reach_linter(pack)
    earliest = reach_linter(pack.replace('negatable = "first-group"', "negatable = true"))
    text = "Kalau tidak datang, sikat aja"
    assert rules_fired(earliest, text) == []  # "tidak" before "datang", the earliest member
    assert rules_fired(first_group, text) == ["t-sikat"]
    assert rules_fired(first_group, "Kalau datang, jangan sikat") == []  # the call itself negated
    with pytest.raises(RulePackError, match="negatable must be"):
        reach_linter(pack.replace('negatable = "first-group"', 'negatable = "kadang"'))


def test_a_single_anywhere_window_applies_to_every_group() -> None:
    linter = reach_linter(REACH_PACK.replace('window = [2, "post"]', 'window = "sentence"'))
    assert rules_fired(linter, "Aku dari dulu sudah tahu soal hutang itu") == ["t-tahu-rumah"]
    assert rules_fired(linter, "Aku dari dulu sudah tahu. Soal hutang itu") == []


def test_group_windows_and_order() -> None:
    linter = reach_linter()
    # "tahu" within 2 tokens after "aku"; "hutang" anywhere in the post after it
    assert rules_fired(linter, "Aku tahu semuanya. Oke. Soal hutang itu") == ["t-tahu-rumah"]
    assert rules_fired(linter, "Aku sudah lama sekali tahu. Soal hutang") == []  # beyond 2 tokens
    assert rules_fired(linter, "Tahu aku. Soal hutang") == []  # the other groups must come after
    assert rules_fired(linter, "Soal hutang. Aku tahu") == []
    unordered = reach_linter(REACH_PACK.replace("ordered = true\n", ""))
    assert rules_fired(unordered, "Tahu aku. Soal hutang") == ["t-tahu-rumah"]


def test_a_post_wide_rule_keeps_the_token_count_given_to_a_group() -> None:
    """scope = "post": groups anywhere, but "tahu" listed at 2 tokens stays within 2 tokens of
    "aku", across a sentence end; a single window would only set how far exceptions look."""
    windows = 'window = [2, "post"]'
    post = reach_linter(REACH_PACK.replace(windows, windows + '\nscope = "post"'))
    assert rules_fired(reach_linter(), "Aku. Tahu kan. Soal hutang") == []  # sentence scope
    assert rules_fired(post, "Aku. Tahu kan. Soal hutang") == ["t-tahu-rumah"]
    assert rules_fired(post, "Aku sudah lama sekali tahu. Soal hutang") == []  # beyond 2 tokens
    single = reach_linter(REACH_PACK.replace(windows, 'window = 2\nscope = "post"'))
    assert rules_fired(single, "Aku sudah lama sekali tahu. Soal hutang") == ["t-tahu-rumah"]


def test_distinct_groups_need_tokens_of_their_own() -> None:
    """Two brands from one set: "Pajero Sport" is one brand, not the phrase and its first word."""
    pack = """
category = "flexing"
[sets]
t_merek = ["pajero", "pajero sport", "fortuner"]
[[rule]]
id = "t-dua-merek"
severity = "warning"
signals = [["@t_merek"], ["@t_merek"]]
distinct = true
message = "m"
message_en = "m"
suggestion = "s"
suggestion_en = "s"
reference = "r"
examples.bad = ["pajero dan fortuner"]
examples.good = ["pajero sport"]
"""
    distinct = reach_linter(pack)
    overlapping = reach_linter(pack.replace("distinct = true\n", ""))
    assert rules_fired(overlapping, "Pajero Sport baru datang") == ["t-dua-merek"]
    assert rules_fired(distinct, "Pajero Sport baru datang") == []
    assert rules_fired(distinct, "Pajero Sport dan Fortuner di garasi") == ["t-dua-merek"]
    with pytest.raises(RulePackError, match="distinct must be true or false"):
        reach_linter(pack.replace("distinct = true", 'distinct = "ya"'))


def test_ordered_per_group_orders_only_the_groups_it_names() -> None:
    """[true, false]: "tahu" must follow "aku"; the debt may come before or after."""
    both = reach_linter()
    second_only = reach_linter(REACH_PACK.replace("ordered = true", "ordered = [true, false]"))
    text = "Soal hutang. Aku tahu"
    assert rules_fired(both, text) == []
    assert rules_fired(second_only, text) == ["t-tahu-rumah"]
    assert rules_fired(second_only, "Soal hutang. Tahu aku") == []  # "tahu" before "aku"
    with pytest.raises(RulePackError, match="ordered must be true, false or a list of one flag"):
        reach_linter(REACH_PACK.replace("ordered = true", "ordered = [true]"))


def test_a_chain_measures_each_group_from_the_previous_one() -> None:
    """Group 3 near group 2, wherever group 1 is: "aku ... tahu (2) ... hutang (3)"."""
    windows = 'window = [2, "post"]'
    star = reach_linter(REACH_PACK.replace(windows, "window = [2, 3]"))
    chain = reach_linter(REACH_PACK.replace(windows, "window = [2, 3]\nchain = true"))
    text = "Aku tahu kok soal hutang itu"  # "hutang" 4 tokens on from "aku", 3 from "tahu"
    assert rules_fired(star, text) == []
    assert rules_fired(chain, text) == ["t-tahu-rumah"]
    assert rules_fired(chain, "Aku tahu. Hutang itu") == []  # each step keeps the sentence scope
    assert rules_fired(chain, "Hutang itu, aku tahu") == []  # ordered: each after the previous
    with pytest.raises(RulePackError, match="chain needs at least three signal groups"):
        reach_linter(PACK.replace("window = 4\n", "window = 4\nchain = true\n", 1))
    with pytest.raises(RulePackError, match="chain must be true or false"):
        reach_linter(REACH_PACK.replace(windows, 'window = [2, 3]\nchain = "ya"'))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('window = [2, "post"]', "window = [2]"), "window list needs one entry per signal group"),
        (('window = [2, "post"]', 'window = [2, "paragraf"]'), "window list needs one entry"),
        (('window = [2, "post"]', "window = [2, -1]"), "window list needs one entry"),
        (('window = [2, "post"]', 'window = "kalimat"'), "window must be a token count"),
        (('window = [2, "post"]', "window = -3"), "window must be a token count"),
        (('window = [2, "post"]', 'window = [2, "post"]\nunless_window = "dekat"'), "unless_window must be"),
        (('scope = "adjacent"\nwindow = 12', 'scope = "kalimat"'), "scope must be one of"),
        (('near = ["@t_lelucon"]\nscope = "adjacent"', 'near = ["@t_lelucon"]\nscope = "post"'),
         "sense .*scope must be sentence or adjacent"),
    ],
)
def test_malformed_reach_is_a_clear_pack_error(edit, message) -> None:
    from bijak.rules import RulePackError

    assert edit[0] in REACH_PACK
    with pytest.raises(RulePackError, match=message):
        rulebook_from_packs([("_shared.toml", SHARED), ("t.toml", REACH_PACK.replace(*edit))])


def test_a_pack_extends_a_set_defined_elsewhere() -> None:
    from bijak.rules import RulePackError

    def book(extra: str):
        return rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", PACK), ("x.toml", extra)])

    linter = Linter(rulebook=book('[extend]\nnegasi = ["ojo"]\nt_kasar = ["bego"]\n'))
    assert rules_fired(linter, "dasar bego") == ["t-kasar"]
    assert rules_fired(linter, "ojo goblok") == []  # a negator now
    assert rules_fired(Linter(rulebook=book("")), "ojo goblok") == ["t-kasar"]
    with pytest.raises(RulePackError, match=r"x.toml: \[extend\] names unknown set 't_nope'"):
        book('[extend]\nt_nope = ["a"]\n')


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ('t_kasar = ["goblok", "anjing"]', 't_kasar = ["goblok", "@t_nope"]'),
            "set t_kasar: unknown set @t_nope",
        ),
        (('signals = [["@t_kasar"]]', 'signals = [["@t_nope"]]'), "rule t-kasar: unknown set @t_nope"),
    ],
)
def test_unknown_set_names_are_a_clear_pack_error(edit, message) -> None:
    from bijak.rules import RulePackError

    with pytest.raises(RulePackError, match=message):
        rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", PACK.replace(*edit))])


def test_malformed_pattern_is_a_clear_pack_error_when_the_linter_is_built() -> None:
    """Patterns compile lazily, on first use; their syntax is still checked up front."""
    from bijak.rules import RulePackError

    broken = PACK.replace('"re:\\\\d+ ?(jt|juta)"', '"re:\\\\d+ ?(jt|juta"')
    with pytest.raises(RulePackError, match=r"pattern .*\(jt\|juta.* not a valid regular expression"):
        Linter(rulebook=rulebook_from_packs([("_shared.toml", SHARED), ("test.toml", broken)]))


def test_patterns_compile_on_first_use_or_when_warmed(book) -> None:
    linter = Linter(rulebook=book)
    total = len(linter.compiled_patterns)
    assert total and linter.warm(0) == total  # nothing compiled yet, and no time given
    assert rules_fired(linter, "Rubicon 900 jt") == ["t-combo"]  # compiles what it needs
    assert linter.warm(0) < total
    assert linter.warm(60) == 0
    assert all(c.compiled for c in linter.compiled_patterns.values())
