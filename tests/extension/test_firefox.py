"""Firefox: `web-ext lint` on dist/firefox, and a smoke test in Debian's firefox-esr driven by
puppeteer-core over WebDriver BiDi (Playwright cannot drive firefox-esr): a finding underlined on
an Instagram-like page, and the background event page kept alive while the page is open."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

FIREFOX = Path("/usr/bin/firefox-esr")
BIN = ROOT / "node_modules" / ".bin"


def test_web_ext_lint(extension_dirs):
    if not (BIN / "web-ext").exists():
        pytest.skip("node_modules/.bin/web-ext is missing (python build.py setup)")
    out = subprocess.run(
        [str(BIN / "web-ext"), "lint", "--source-dir", str(extension_dirs["firefox"]),
         "--output", "json", "--no-config-discovery"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    report = json.loads(out.stdout)
    assert report["errors"] == [], report["errors"]
    # The only warnings are Emscripten's eval/import paths inside Pyodide, which never run
    # under the extension's CSP (no 'unsafe-eval').
    ours = [w for w in report["warnings"] if not w.get("file", "").startswith("pyodide/")]
    assert ours == [], ours


def test_firefox_esr_smoke(extension_dirs, server):
    if not FIREFOX.exists():
        pytest.skip(f"{FIREFOX} is not installed")
    if not (ROOT / "node_modules" / "puppeteer-core").exists():
        pytest.skip("node_modules/puppeteer-core is missing (python build.py setup)")
    port = server.rsplit(":", 1)[1]
    out = subprocess.run(
        ["node", str(Path(__file__).with_name("firefox_smoke.mjs")), str(extension_dirs["firefox"]),
         f"https://www.instagram.com:{port}/instagram.html", "#comment"],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert "error" not in result, result["error"]
    assert result["state"] == "ready"
    typed = "Pagi semua, dasar goblok"
    assert result["value"] == typed
    start = typed.index("goblok")
    assert [start, start + len("goblok")] in result["marks"]
    assert result["markStyle"] == ["fixed", "2px", "solid"]  # the shadow root's styles apply
    # After 20 s idle with Firefox's suspend timeout at 12 s, the same engine answered: the
    # content script's keep-alive pings held the event page (without them it restarts).
    assert result["engineBefore"] and result["engineAfter"] == result["engineBefore"]
