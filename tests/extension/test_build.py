"""What `python build.py extension` produces, and its one-line errors for missing inputs."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
from conftest import DIST, ROOT

sys.path.insert(0, str(ROOT))
import build


def test_packages_exist_and_hold_what_pyodide_needs(extension_dirs):
    for name in ("chrome", "firefox"):
        archive = DIST / f"bijak-{name}.zip"
        assert archive.stat().st_size <= 8_000_000, "zipped package over 8 MB"
        names = set(zipfile.ZipFile(archive).namelist())
        info = json.loads((DIST / name / "build-info.json").read_text())
        runtime = {f"pyodide/{f}" for f in build.PYODIDE_FILES} | {f"pyodide/{info['wheel']}"}
        if info["regex"]:
            runtime.add(f"pyodide/{info['regex']}")
        assert {n for n in names if n.startswith("pyodide/")} == runtime
        assert "pyodide/python_stdlib.zip" in names  # the file `web-ext build` would drop
        assert info["pyodide"] == "314.0.7"
        lock = json.loads((DIST / name / "pyodide" / "pyodide-lock.json").read_text())
        shipped = {"bijak", "regex"} if info["regex"] else {"bijak"}
        assert set(lock["packages"]) == shipped
        wheel = DIST / name / "pyodide" / info["wheel"]
        assert lock["packages"]["bijak"]["sha256"] == build.sha256(wheel)


def test_packaged_stdlib_lacks_only_what_nothing_imports(extension_dirs):
    """The trimmed stdlib still has what Pyodide's package loader and Bijak import (importlib.metadata
    reads wheel METADATA with ``email``; the engine tests prove the rest) and none of the dropped."""
    for name in ("chrome", "firefox"):
        names = set(zipfile.ZipFile(DIST / name / "pyodide" / "python_stdlib.zip").namelist())
        for kept in ("json/__init__.py", "tomllib/__init__.py", "email/parser.py", "encodings/utf_8.py",
                     "importlib/metadata/__init__.py", "asyncio/__init__.py"):
            assert kept in names, kept
        assert not {n.split("/")[0] for n in names} & build.UNUSED_STDLIB
        assert "encodings/cp1252.py" not in names


def test_manifests(extension_dirs):
    chrome = json.loads((DIST / "chrome" / "manifest.json").read_text())
    firefox = json.loads((DIST / "firefox" / "manifest.json").read_text())
    for manifest in (chrome, firefox):
        assert manifest["manifest_version"] == 3
        assert "'wasm-unsafe-eval'" in manifest["content_security_policy"]["extension_pages"]
    assert chrome["background"] == {"service_worker": "background/service-worker.js",
                                    "type": "module"}
    assert "offscreen" in chrome["permissions"]
    assert firefox["background"]["scripts"] == ["engine/firefox-background.js"]
    assert firefox["browser_specific_settings"]["gecko"]["id"] == build.GECKO_ID
    assert not (DIST / "firefox" / "engine" / "offscreen.html").exists()
    assert not (DIST / "chrome" / "engine" / "firefox-background.js").exists()
    schema = json.loads((DIST / "chrome" / "managed_schema.json").read_text())
    assert set(schema["properties"]) >= {"config", "enforcement"}


def test_pinned_pyodide_version_in_lockfile():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/pyodide"]["version"] == build.PYODIDE_VERSION
    package = json.loads((ROOT / "package.json").read_text())
    assert package["dependencies"]["pyodide"] == build.PYODIDE_VERSION


def test_wrong_pyodide_version_is_one_clear_line(monkeypatch, capsys):
    monkeypatch.setattr(build, "PYODIDE_VERSION", "0.0.1")
    if not (build.NODE_MODULES / "pyodide").exists():
        pytest.skip("node_modules/pyodide is missing")
    assert build.main(["extension"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pins 0.0.1" in err


def test_unreachable_npm_is_one_clear_line(monkeypatch, capsys):
    def failing_run(cmd, **kwargs):
        raise subprocess.CalledProcessError(1, cmd)

    monkeypatch.setattr(build, "node_modules_current", lambda: False)
    monkeypatch.setattr(build, "run", failing_run)
    monkeypatch.setattr(build.shutil, "which", lambda name: f"/usr/bin/{name}")
    with pytest.raises(build.BuildError, match="npm registry reachable"):
        build.install_node_modules()


def test_regex_wheel_from_a_mirror_is_verified(tmp_path, monkeypatch):
    lock = {"packages": {"regex": {"file_name": "regex-1-cp314-x.whl", "sha256": "0" * 64,
                                   "version": "1"}}}
    monkeypatch.setenv("BIJAK_PYODIDE_MIRROR", str(tmp_path))
    wheel, source = build.find_regex_wheel(lock)
    assert wheel is None and source.startswith("stdlib re")
    (tmp_path / "regex-1-cp314-x.whl").write_bytes(b"not the official file")
    with pytest.raises(build.BuildError, match="sha256"):
        build.find_regex_wheel(lock)
    lock["packages"]["regex"]["sha256"] = build.sha256(tmp_path / "regex-1-cp314-x.whl")
    wheel, source = build.find_regex_wheel(lock)
    assert wheel == tmp_path / "regex-1-cp314-x.whl" and "sha256 verified" in source


def test_demo_without_display_prints_packages(monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(build, "setup", lambda: None)
    monkeypatch.setattr(build, "build_extension", lambda: {"chrome": DIST / "chrome"})
    assert build.main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "bijak-chrome.zip" in out and "no display" in out


def test_extension_id_matches_chromium(browser, extension_dirs):
    assert build.extension_id(extension_dirs["chrome"]) == browser.ext_id
