"""Configuration files and context: every source, every error a one-liner naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from bijak import Config, ConfigError, Context, ContextError, lint
from bijak.engine import reference_for


def test_bijak_toml(tmp_path: Path) -> None:
    path = tmp_path / "bijak.toml"
    path.write_text(
        'allow = ["anjir"]\n[election]\ncandidates = ["Budi Santoso"]\n'
        'window = [2029-01-01, 2029-02-14]\n[rules]\n"santun-kata-kasar" = "error"\n',
        encoding="utf-8",
    )
    config = Config.from_file(path)
    assert config.candidates == ("Budi Santoso",)
    assert config.election_window is not None and config.election_window[0].year == 2029
    assert config.rules == {"santun-kata-kasar": "error"}


def test_pyproject_tool_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n[tool.bijak]\nmin_severity = "warning"\n', encoding="utf-8")
    assert str(Config.from_file(path).min_severity) == "warning"


def test_json_config_is_the_same_shape() -> None:
    config = Config.from_json('{"election": {"parties": ["Partai Contoh"]}, "allow": ["x"]}')
    assert config.parties == ("Partai Contoh",) and config.allow == ("x",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"allow = ", "not valid TOML"),
        (b'allow = "anjir"', "allow must be a list"),
        (b"[election]\nwindow = [2029-02-14, 2029-01-01]", "ends before it starts"),
        (b'working_hours = ["7.30", "16:00"]', "is not HH:MM"),
        (b"[context]\naccount = \"bot\"", "personal or official"),
    ],
)
def test_broken_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bijak.toml"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match=message):
        Config.from_file(path)


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        Config.from_file("/no/such/bijak.toml")


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ({"posted_at": "besok pagi"}, "ISO-8601"),
        ({"timezone": "GMT"}, "WIB, WITA or WIT"),
        ({"account": "bot"}, "personal or official"),
        ({"employee_type": "honorer"}, "pns, pppk or non-asn"),
        ({"mood": "happy"}, "unknown context key"),
    ],
)
def test_bad_context(context: dict, message: str) -> None:
    with pytest.raises(ContextError, match=message):
        Context.from_dict(context)


def test_reference_names_the_basis_for_non_pns_staff() -> None:
    assert reference_for("PP 94/2021 Pasal 5 huruf n", "pns") == "PP 94/2021 Pasal 5 huruf n"
    assert "UU 20/2023" in reference_for("PP 94/2021 Pasal 5 huruf n", "pppk")
    assert reference_for("UU ITE Pasal 27", "pppk") == "UU ITE Pasal 27"


def test_context_defaults_from_config_apply() -> None:
    findings = lint("Dasar goblok", {"context": {"employee_type": "pppk"}})
    assert findings  # defaults are accepted and linting proceeds
