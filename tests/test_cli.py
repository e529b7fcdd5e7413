"""The CLI contract, exercised through a real ``bijak`` subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

BAD = "Capek banget, goblok emang\n"  # one finding: santun-kata-kasar at column 15
GOOD = "Alhamdulillah, posyandu hari ini melayani 54 balita.\n"


def run(*args: str, stdin: bytes | str = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "bijak", *args], input=data, capture_output=True, cwd=cwd, timeout=60
    )


def test_text_format_and_exit_code_from_stdin() -> None:
    result = run("check", stdin=BAD)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert any(line.startswith("<stdin>:1:15: warning kesantunan/santun-kata-kasar: ") for line in lines)


def test_clean_input_exits_zero_and_prints_nothing() -> None:
    result = run("check", "-", stdin=GOOD)
    assert (result.returncode, result.stdout) == (0, b"")


def test_fail_on_error_ignores_warnings() -> None:
    assert run("check", "--fail-on", "error", stdin=BAD).returncode == 0


def test_json_format_for_files(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Baris satu\n" + BAD, encoding="utf-8")
    result = run("check", "--format", "json", str(post))
    findings = json.loads(result.stdout)["findings"]
    assert findings[0]["text"] == "goblok" and findings[0]["reference"]


def test_every_rule_keeps_each_rules_own_finding() -> None:
    post = "Pak, dasar goblok"  # two kesantunan rules overlap: one problem by default

    def rules(*flags: str) -> list[str]:
        findings = json.loads(run("check", "--format", "json", *flags, stdin=post).stdout)["findings"]
        return sorted(f["rule"] for f in findings)

    assert len(rules()) == 1
    assert len(rules("--every-rule")) > 1 and set(rules()) < set(rules("--every-rule"))
    jsonl = run("check", "--jsonl", "--every-rule", stdin=json.dumps({"id": 1, "text": post}) + "\n")
    assert len(json.loads(jsonl.stdout)["findings"]) == len(rules("--every-rule"))


def test_text_format_reports_line_and_column(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Baris satu\n" + BAD, encoding="utf-8")
    assert f"{post}:2:15: warning" in run("check", str(post)).stdout.decode()


def test_sarif_format() -> None:
    sarif = json.loads(run("check", "--format", "sarif", stdin=BAD).stdout)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "santun-kata-kasar"]
    assert sarif["version"] == "2.1.0"
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 15


def test_jsonl_streams_one_line_per_input_in_order_and_answers_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "text": BAD}),
        "{broken",
        json.dumps({"id": "c", "text": GOOD}),
        json.dumps({"id": "d"}),
    ]
    result = run("check", "--jsonl", stdin="\n".join(lines) + "\n")
    replies = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r.get("id") for r in replies] == ["a", None, "c", None]
    assert replies[0]["findings"] and replies[2]["findings"] == []
    assert "not valid JSON" in replies[1]["error"] and replies[3]["line"] == 4
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 2


def test_invalid_utf8_is_a_one_line_error(tmp_path: Path) -> None:
    post = tmp_path / "latin1.txt"
    post.write_bytes("caf\xe9".encode("latin-1"))
    result = run("check", str(post))
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "not valid UTF-8" in result.stderr.decode()
    assert run("check", stdin=b"\xff\xfe").returncode == 2


def test_missing_file_is_a_one_line_error() -> None:
    result = run("check", "/no/such/post.txt")
    assert result.returncode == 2 and "cannot read" in result.stderr.decode()


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("bijak.toml", "rules = [", "not valid TOML"),
        ("bijak.toml", '[rules]\n"no-such-rule" = "off"\n', "unknown rule id"),
        ("pyproject.toml", '[tool.bijak]\nmin_severity = "loud"\n', "min_severity"),
    ],
)
def test_broken_config_is_a_one_line_error(tmp_path: Path, filename, content, message) -> None:
    (tmp_path / filename).write_text(content, encoding="utf-8")
    result = run("check", stdin=BAD, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_config_file_switches_rule_off(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.bijak.rules]\n"santun-kata-kasar" = "off"\n', encoding="utf-8"
    )
    assert run("check", stdin=BAD, cwd=tmp_path).returncode == 0
    assert run("check", "--config", "/nope.toml", stdin=BAD).returncode == 2


def test_empty_input_is_fine() -> None:
    assert run("check", stdin=b"").returncode == 0


def test_rules_and_explain() -> None:
    listing = run("rules").stdout.decode()
    assert "santun-kata-kasar" in listing
    explained = run("explain", "santun-kata-kasar").stdout.decode()
    assert "SE MenPANRB 137/2018" in explained and "Contoh" in explained
    assert run("explain", "no-such-rule").returncode == 2


def test_usage_error_exits_two() -> None:
    assert run("check", "--format", "pdf").returncode == 2


def test_jsonl_answers_each_line_before_input_ends() -> None:
    """Streaming: the answer to line 1 arrives while stdin is still open."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bijak", "check", "--jsonl"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    watchdog = threading.Timer(30, process.kill)  # a hang fails the test instead of the CI run
    watchdog.start()
    try:
        assert process.stdin and process.stdout
        process.stdin.write((json.dumps({"id": 1, "text": BAD}) + "\n").encode())
        process.stdin.flush()
        reply = json.loads(process.stdout.readline())
        assert reply["id"] == 1 and reply["findings"]
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()


def test_context_flags_reach_the_linter() -> None:
    result = run("check", "--format", "json", "--employee-type", "pppk", stdin="Ayo coblos nomor 2!")
    references = [f["reference"] for f in json.loads(result.stdout)["findings"]]
    assert any("UU 20/2023" in r and "PPPK" in r for r in references)


@pytest.mark.parametrize("damage", ["", '{"features": []}'])
def test_a_damaged_or_empty_model_file_is_a_one_line_error(tmp_path: Path, damage: str) -> None:
    """A broken install (the second opinion's model file) names the file; no traceback."""
    import shutil

    import bijak

    copy = tmp_path / "bijak"
    shutil.copytree(Path(bijak.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "opinion.json").write_text(damage)
    result = subprocess.run(
        [sys.executable, "-m", "bijak", "check"], input=BAD.encode(), capture_output=True, timeout=60,
        cwd=tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    message = result.stderr.decode()
    assert message.startswith("bijak: ") and "opinion.json" in message and "Traceback" not in message
    assert message.count("\n") == 1
