"""The wheel inside real Pyodide under Node gives the same findings as CPython, post for post."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from bijak.bridge import lint_json

from tests.test_regex_parity import all_texts

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "tests/tools/pyodide_node.mjs"


@pytest.fixture(scope="session")
def bijak_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel as ``build.py`` makes it for the extension: with its prepared start-up results."""
    import build

    wheel = build.build_wheel(tmp_path_factory.mktemp("build") / "wheel")
    with zipfile.ZipFile(wheel) as archive:
        # ASCII: read as one-byte-a-character text, not four (see ``prepared.write``)
        assert archive.read("bijak/prepared.json").isascii()
    assert not (ROOT / "lib/bijak/prepared.json").exists()  # only ever inside the wheel
    return wheel


def test_pyodide_matches_cpython_on_the_corpus(bijak_wheel: Path, tmp_path: Path) -> None:
    if not shutil.which("node") or not (ROOT / "node_modules/pyodide").is_dir():
        pytest.fail("Pyodide under Node is missing: run `python build.py setup` (npm ci)")
    texts = all_texts()
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    result = subprocess.run(
        ["node", str(RUNNER), str(bijak_wheel), "parity", str(tmp_path / "texts.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    in_pyodide = json.loads(result.stdout)
    assert in_pyodide["regex"] is False  # proves the stdlib-re fallback is what ran there
    for text, found in zip(texts, in_pyodide["results"], strict=True):
        assert found == json.loads(lint_json(text)), text
