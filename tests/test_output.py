"""Report formats: text lines and SARIF, as the CLI prints them."""

from __future__ import annotations

from dataclasses import replace

from bijak.findings import Finding
from bijak.output import format_sarif, format_text


def test_a_finding_the_second_opinion_lowered_says_so_in_every_format() -> None:
    lowered = Finding("r-x", "flexing", "info", 0, 5, "pamer", "Pesan.", "Saran.", "Dasar.",
                      "Message.", "Suggestion.", lowered_from="warning")  # fmt: skip
    [line] = format_text("-", "pamer mobil", [lowered], "id")
    assert line.endswith(": info flexing/r-x: Pesan. (diturunkan dari warning: kalimat di sekitarnya "
                         "tidak mirip unggahan kategori ini)")  # fmt: skip
    [line] = format_text("-", "pamer mobil", [lowered], "en")
    assert "Message. (lowered from warning: the sentences around it" in line
    [result] = format_sarif([("-", "pamer mobil", [lowered])], "en")["runs"][0]["results"]
    assert result["properties"] == {"loweredFrom": "warning"}
    assert result["message"]["text"].endswith("of this category) Suggestion: Suggestion.")
    assert lowered.to_dict()["lowered_from"] == "warning"
    plain = format_sarif([("-", "pamer mobil", [replace(lowered, lowered_from="")])], "id")
    assert "properties" not in plain["runs"][0]["results"][0]
    assert plain["runs"][0]["results"][0]["message"]["text"] == "Pesan. Saran: Saran."
