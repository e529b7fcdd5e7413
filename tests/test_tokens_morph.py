"""Tokens undo leetspeak, stretched and spaced letters; morphology reaches roots through affixes."""

from __future__ import annotations

import pytest
from bijak.morph import candidates
from bijak.normalize import normalize
from bijak.tokens import deleet, squeeze, tokenize


def keys(text: str) -> list[str]:
    return [t.key for t in tokenize(normalize(text).text, {"yg": "yang", "nggak": "tidak"})]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("4nj1ng", ["anjing"]),
        ("g0bl0k", ["goblok"]),
        ("mewaaahhh", ["mewah"]),
        ("a n j i n g", ["anjing"]),
        ("g.o.b.l.o.k", ["goblok"]),
        ("yg", ["yang"]),
        ("@budi.s #Sultan", ["@budi.s", "#sultan"]),
        ("a.w.a.s l.o", ["awas", "lo"]),
        ("nggak", ["tidak"]),
    ],
)
def test_token_keys(typed: str, expected: list[str]) -> None:
    assert keys(typed) == expected


def test_numbers_are_not_leetspeak() -> None:
    assert deleet("800jt") == "800jt"
    assert deleet("10k") == "10k"
    assert keys("Rp 1.200.000") == ["rp", "1.200.000"]


def test_squeeze_collapses_runs() -> None:
    assert squeeze("pameeeer") == "pamer"


def test_a_doubled_letter_word_is_not_squeezed_to_one_letter() -> None:
    assert squeeze("kk") == "kk"  # Kartu Keluarga, not "k"
    assert keys("foto KK dan KTP") == ["foto", "kk", "dan", "ktp"]


def test_sentences_are_numbered() -> None:
    tokens = tokenize(normalize("Satu dua. Tiga\nempat").text)
    assert [t.sentence for t in tokens] == [0, 0, 1, 2]


def test_emoji_after_a_sentence_end_belong_to_that_sentence() -> None:
    tokens = tokenize(normalize("Kok bisa? 😡😡 Dasar. Mantap 👍 ok! sip").text)
    sentence = {t.key: t.sentence for t in tokens}
    assert sentence["bisa"] == sentence["😡"] != sentence["dasar"]
    assert sentence["mantap"] == sentence["👍"] == sentence["ok"] != sentence["sip"]


def test_titles_and_initials_end_no_sentence() -> None:
    tokens = tokenize(normalize("Dr. Ratna cek E. coli di Jl. Merdeka. Lalu pulang").text)
    assert [t.sentence for t in tokens] == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("memamerkan", "pamer"),
        ("dipamerin", "pamer"),
        ("pamer2", "pamer"),
        ("kepameran", "pamer"),
        ("menyebarluaskan", "sebarluas"),
        ("nyebarin", "sebar"),
        ("digebukin", "gebuk"),
        ("ngebacot", "bacot"),
        ("mobilnya", "mobil"),
        ("memperlihatkan", "lihat"),
        ("pamerlah", "pamer"),
        ("berkas2nya", "berkas"),  # reduplication inside suffixes
        ("foto2mu", "foto"),
        ("dipamer2kan", "pamer"),
    ],
)
def test_candidates_reach_root(word: str, root: str) -> None:
    assert root in candidates(word)


def test_word_itself_comes_first() -> None:
    assert candidates("pameran")[0] == "pameran"


def test_short_stems_are_not_proposed_through_prefixes() -> None:
    assert "asu" not in candidates("diasu")


@pytest.mark.parametrize(
    ("word", "derived", "root"),
    [("membantu", "pembantu", "bantu"), ("memilih", "pemilih", "pilih"), ("menolong", "penolong", "tolong")],
)
def test_formal_men_verbs_do_not_read_as_pe_nouns(word: str, derived: str, root: str) -> None:
    """A bare colloquial m- ("mukul" = pukul) never follows meN-'s own nasal: "membantu" helps,
    it is no "pembantu" (a maid)."""
    assert derived not in candidates(word) and root in candidates(word)


@pytest.mark.parametrize(("word", "root"), [("mukul", "pukul"), ("mecat", "pecat"), ("makai", "pakai")])
def test_colloquial_bare_m_still_reaches_p_roots(word: str, root: str) -> None:
    assert root in candidates(word)


@pytest.mark.parametrize("word", ["naik", "kenaikan"])
def test_bare_nasal_does_not_invent_short_roots(word: str) -> None:
    assert "taik" not in candidates(word)


@pytest.mark.parametrize(("word", "roots"), [("menaikkan", ()), ("tainya", ("tai",)), ("taik", ("taik",))])
def test_short_roots_are_reached_only_through_suffixes(word: str, roots: tuple[str, ...]) -> None:
    from bijak.lexicon import Lexicon
    from bijak.tokens import tokenize

    lexicon = Lexicon()
    for item in ("tai", "taik", "pamer"):
        lexicon.add("kasar", item)
    lexicon.freeze()
    assert lexicon.roots(tokenize(word)[0]) == roots


def test_a_token_reaches_every_listed_root() -> None:
    from bijak.lexicon import Lexicon
    from bijak.tokens import tokenize

    lexicon = Lexicon()
    lexicon.add("gratifikasi", "dibayar")
    lexicon.add("ancaman", "bayar")
    lexicon.freeze()
    assert lexicon.roots(tokenize("dibayarin")[0]) == ("dibayar", "bayar")


def test_a_listed_possessive_form_does_not_hide_its_root() -> None:
    """"istriku" listed in one pack must not stop "istriku" reaching "istri" for another."""
    from bijak.lexicon import Lexicon
    from bijak.tokens import tokenize

    lexicon = Lexicon()
    lexicon.add("keluarga_milik", "istriku")
    lexicon.add("keluarga", "istri")
    lexicon.add("tamu", "tamumu")
    lexicon.freeze()
    assert lexicon.roots(tokenize("istriku")[0]) == ("istriku", "istri")
    assert lexicon.roots(tokenize("tamumu")[0]) == ("tamumu",)  # "ta" is no root: too short


def test_a_keep_word_is_reached_as_a_root_but_not_stripped_further() -> None:
    from bijak.lexicon import Lexicon
    from bijak.tokens import tokenize

    lexicon = Lexicon(keep=frozenset({"berita", "pameran"}))
    for name, word in (("media", "berita"), ("flexing", "pamer"), ("acara", "pameran")):
        lexicon.add(name, word)
    lexicon.freeze()
    assert lexicon.roots(tokenize("beritamu")[0]) == ("berita",)
    assert lexicon.roots(tokenize("pamerannya")[0]) == ("pameran",)  # not "pamer"


def test_ambiguous_wildcard_resolves_when_every_reading_means_the_same() -> None:
    from bijak.lexicon import Lexicon
    from bijak.tokens import tokenize

    lexicon = Lexicon()
    for word in ("anjing", "anjeng"):
        lexicon.add("kasar", word)
    lexicon.add("hewan", "anjang")
    lexicon.freeze()
    assert lexicon.roots(tokenize("a*j*ng")[0]) == ()  # anjang is another word
    lexicon = Lexicon()
    for word in ("anjing", "anjeng"):
        lexicon.add("kasar", word)
    lexicon.freeze()
    assert lexicon.roots(tokenize("a*j*ng")[0]) == ("anjeng",)
