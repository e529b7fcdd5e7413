"""The shipped packs against the cases the product brief names: hard negatives stay quiet
(no warning or error), and a few cross-cutting constructions still fire."""

from __future__ import annotations

import pytest
from bijak import Severity, lint

QUIET = [
    "Realisasi anggaran dinas kita tahun ini Rp 1,2 M, serapan 96%. Terima kasih tim!",
    "Serah terima mobil ambulans dinas ke Desa Sukamaju hari ini.",
    "Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin.",
    "Ayo ke TPS tanggal 14, gunakan hak pilih Anda!",
    "Rendang buatan ibu, rasanya mewah banget.",
    "Rahasia sukses UMKM binaan kami: konsisten dan jujur.",
    "Anjing peliharaan saya sudah divaksin rabies di puskesmas hewan.",
    "Jembatan di Anjir Serapat sudah bisa dilalui lagi.",
    "Ziarah ke Tebuireng, Cukir, bersama keluarga.",
    "Kunjungan kerja ke Kantor Bea Cukai Pasuruan.",
    "Jangan sebar hoaks ya, cek dulu ke sumber resmi.",
    "Stop bilang 'goblok' ke anak, itu melukai.",
    "Info dari BKN: jadwal seleksi PPPK diundur, cek laman resmi BKN.",
    "KPK menetapkan mantan kepala dinas sebagai tersangka korupsi pengadaan.",
]
FLAGGED = [
    ("Tgl 14 jangan lupa coblos nomor 2 ya!", "netralitas"),
    ("Baru beli Rubicon lagi dong 😎 #sultan", "flexing"),
    ("Dasar g0bl0k lo!", "kesantunan"),
    ("Server BKN goblok, error terus!", "kesantunan"),  # the agency, not "bkn" (bukan)
]


@pytest.mark.parametrize("text", QUIET)
def test_hard_negatives_stay_quiet(text: str) -> None:
    serious = [f for f in lint(text) if f.level >= Severity.WARNING]
    assert serious == [], serious


@pytest.mark.parametrize(("text", "category"), FLAGGED)
def test_constructions_fire(text: str, category: str) -> None:
    assert category in {f.category for f in lint(text) if f.level >= Severity.WARNING}


def test_docstring_examples() -> None:
    import doctest

    import bijak

    assert doctest.testmod(bijak).failed == 0


@pytest.mark.parametrize("backend", ["regex", "re"])
def test_every_shipped_pattern_compiles(backend: str) -> None:
    """Patterns compile on first use, so this compiles each one now, in both engines."""
    from bijak import Linter

    linter = Linter(regex_backend=backend)
    assert len(linter.compiled_patterns) > 100
    for compiled in linter.compiled_patterns.values():
        assert compiled.regex.pattern == compiled.pattern
