#!/usr/bin/env python3
"""Bijak's task runner: setup, build the wheel and the browser extension, demo, tests, benchmarks.

    python build.py            # setup + build, then open Chromium with Bijak on the demo page
    python build.py test       # setup, then the whole test suite
    python build.py extension  # dist/chrome, dist/firefox and their zips
    python build.py train      # after changing the dev corpus: retrain the second opinion
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
EXTENSION_SRC = ROOT / "extension"
NODE_MODULES = ROOT / "node_modules"
PYODIDE_VERSION = "314.0.7"
# Only what loadPyodide() and loadPackage() read; the rest of the npm package (consoles, maps,
# type definitions, the CommonJS build) stays out of the extension.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# Parts of Pyodide's standard library that neither Pyodide's start-up nor Bijak ever imports (checked
# by tests/extension: the packaged engine starts and lints with them gone). Dropping them keeps the
# package well inside its 8 MB budget as the rule packs grow.
UNUSED_STDLIB = frozenset({
    "_pydatetime.py", "_pyio.py", "_pyrepl", "difflib.py", "doctest.py", "ftplib.py",
    "http", "imaplib.py", "mailbox.py", "multiprocessing", "pdb.py", "pickletools.py", "poplib.py",
    "pydoc.py", "pydoc_data", "smtplib.py", "tarfile.py", "turtle.py", "unittest", "wsgiref", "xml",
    "xmlrpc",
})
# Text codecs other than these (Latin, CJK and Mac code pages) are never asked for: Bijak's text
# arrives as JavaScript strings and leaves as JSON.
KEPT_CODECS = frozenset({
    "__init__.py", "aliases.py", "ascii.py", "charmap.py", "cp437.py", "idna.py", "latin_1.py",
    "raw_unicode_escape.py", "unicode_escape.py", "utf_16.py", "utf_16_be.py", "utf_16_le.py",
    "utf_32.py", "utf_32_be.py", "utf_32_le.py", "utf_8.py", "utf_8_sig.py",
})
CHROMIUM = Path("/usr/bin/chromium")
FIREFOX = Path("/usr/bin/firefox-esr")
GECKO_ID = "bijak@bijak-asn.id"


class BuildError(Exception):
    """A missing or wrong input: reported as one line, exit code 2."""


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(cmd: Sequence[str], **kwargs: object) -> None:
    log("$ " + " ".join(cmd))
    subprocess.run(list(cmd), check=True, cwd=kwargs.pop("cwd", ROOT), **kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------- setup
def setup() -> None:
    run([sys.executable, "-m", "pip", "install", "-q", "--root-user-action=ignore", "-e", ".[test]"])
    install_browsers()
    install_node_modules()


def install_browsers() -> None:
    missing = [p for p in (CHROMIUM, FIREFOX) if not p.exists()]
    if not missing:
        return
    if shutil.which("apt-get") is None:
        raise BuildError(f"missing {', '.join(map(str, missing))} and no apt-get to install them")
    run(["apt-get", "update", "-q"])
    run(["apt-get", "install", "-y", "-q", "chromium", "firefox-esr"],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def node_modules_current() -> bool:
    installed = NODE_MODULES / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    return installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime


def install_node_modules() -> None:
    if shutil.which("npm") is None:
        raise BuildError("npm not found: install Node.js (apt-get install -y npm)")
    if node_modules_current():
        return
    try:
        run(["npm", "ci", "--no-audit", "--no-fund"])
    except subprocess.CalledProcessError:
        raise BuildError("npm ci failed: is the npm registry reachable? (see npm's output above)") \
            from None


# ---------------------------------------------------------------------------------------- wheel
@contextlib.contextmanager
def prepared_start_up() -> Iterator[None]:
    """``bijak/prepared.json`` (parsed packs, pattern analyses, word keys) for the wheel being
    built, so a Linter starts quickly in the browser; removed afterwards, so the source tree never
    holds results that its next edit would outdate."""
    if str(ROOT / "lib") not in sys.path:
        sys.path.insert(0, str(ROOT / "lib"))
    from bijak import prepared

    path = prepared.write(ROOT / "lib" / "bijak")
    log(f"prepared start-up data: {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.1f} MB)")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def build_wheel(out_dir: Path = BUILD / "wheel") -> Path:
    shutil.rmtree(out_dir, ignore_errors=True)
    shutil.rmtree(BUILD / "lib", ignore_errors=True)  # setuptools' copy: never ship stale modules
    out_dir.mkdir(parents=True)
    command = [sys.executable, "-m", "pip", "wheel", "-q", str(ROOT), "--no-deps", "-w", str(out_dir)]
    with prepared_start_up():
        try:  # offline-friendly: the setuptools already installed, if it can build the wheel
            run([*command, "--no-build-isolation"])
        except subprocess.CalledProcessError:
            run(command)
    wheels = sorted(out_dir.glob("bijak-*-py3-none-any.whl"))
    if not wheels:
        raise BuildError("pip wheel produced no pure bijak-*-py3-none-any.whl")
    packed = wheels[-1].with_suffix(".tmp")
    recompress(wheels[-1], packed)  # its RECORD hashes the contents, which stay the same
    packed.replace(wheels[-1])
    return wheels[-1]


def recompress(source: Path, target: Path, keep: Callable[[zipfile.ZipInfo], bool] = lambda _: True) -> None:
    """``source``'s entries that ``keep`` accepts, deflated at the highest level: the extension's
    zip cannot shrink what is compressed already, and its budget is 8 MB."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as out:
        for entry in original.infolist():
            if keep(entry):
                out.writestr(entry, original.read(entry), zipfile.ZIP_DEFLATED, compresslevel=9)


# ------------------------------------------------------------------------------------ extension
def pyodide_dir() -> Path:
    package = NODE_MODULES / "pyodide" / "package.json"
    if not package.exists():
        raise BuildError("node_modules/pyodide is missing: run `python build.py setup` (npm ci)")
    version = json.loads(package.read_text())["version"]
    if version != PYODIDE_VERSION:
        raise BuildError(f"node_modules has pyodide {version}, the build pins {PYODIDE_VERSION}: "
                         "run `npm ci`")
    return package.parent


def regex_wheel_dirs() -> list[Path]:
    dirs = [Path(d) for d in os.environ.get("BIJAK_PYODIDE_MIRROR", "").split(os.pathsep) if d]
    return [*dirs, ROOT / "vendor" / "pyodide",
            Path.home() / ".cache" / "bijak" / f"pyodide-{PYODIDE_VERSION}"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def find_regex_wheel(lock: dict) -> tuple[Path | None, str]:
    """Pyodide's own `regex` build, from a local mirror of the official distribution, verified
    by the sha256 in pyodide-lock.json. The npm package lists it but does not contain it."""
    entry = lock["packages"]["regex"]
    searched = []
    for folder in regex_wheel_dirs():
        candidate = folder / entry["file_name"]
        searched.append(str(folder))
        if candidate.is_file():
            if sha256(candidate) != entry["sha256"]:
                raise BuildError(f"{candidate} does not match the sha256 in pyodide-lock.json")
            return candidate, f"regex {entry['version']} from {folder} (sha256 verified)"
    return None, ("stdlib re (Pyodide's " + entry["file_name"] + " not found in "
                  + ", ".join(searched) + ")")


# Left out of each browser's package: the other browser's engine host.
EXCLUDED = {
    "chrome": ("firefox-background.js",),
    "firefox": ("service-worker.js", "offscreen.html", "offscreen.js"),
}


def extension_lock(lock: dict, wheel: Path, regex: Path | None) -> dict:
    """Pyodide's lock file cut down to what the extension ships, plus an entry for the bijak
    wheel (what `pyodide lockfile add-wheels` does; the installed pyodide-lock cannot parse the
    314 lock file), so `loadPackage("bijak")` resolves by name and checks the sha256."""
    version = wheel.name.split("-")[1]
    packages = {"bijak": {
        "name": "bijak", "version": version, "file_name": wheel.name, "install_dir": "site",
        "sha256": sha256(wheel), "package_type": "package", "imports": ["bijak"],
        "depends": [], "unvendored_tests": False, "tool": {},
    }}
    if regex is not None:
        packages["regex"] = lock["packages"]["regex"]
    return {**lock, "packages": packages}


def copy_sources(target: Path, browser: str) -> None:
    excluded = EXCLUDED[browser]
    shutil.copytree(EXTENSION_SRC, target,
                    ignore=shutil.ignore_patterns("manifest.json", "*.md", ".*", *excluded))
    for folder in [p for p in target.rglob("*") if p.is_dir()]:
        if not any(folder.iterdir()):
            folder.rmdir()


def assemble(target: Path, browser: str, manifest: dict, wheel: Path, regex: Path | None,
             info: dict) -> None:
    shutil.rmtree(target, ignore_errors=True)
    copy_sources(target, browser)
    runtime = target / "pyodide"
    runtime.mkdir()
    source = pyodide_dir()
    for name in PYODIDE_FILES:
        if name == "python_stdlib.zip":
            trim_stdlib(source / name, runtime / name)
        elif name != "pyodide-lock.json":
            shutil.copy2(source / name, runtime / name)
    shutil.copy2(wheel, runtime / wheel.name)
    if regex is not None:
        shutil.copy2(regex, runtime / regex.name)
    lock = json.loads((source / "pyodide-lock.json").read_text())
    (runtime / "pyodide-lock.json").write_text(json.dumps(extension_lock(lock, wheel, regex)))
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    (target / "build-info.json").write_text(json.dumps(info, indent=2))


def trim_stdlib(source: Path, target: Path) -> None:
    """Pyodide's stdlib zip without ``UNUSED_STDLIB`` and the unused codecs (about 1 MB less)."""

    def used(entry: zipfile.ZipInfo) -> bool:
        parts = entry.filename.split("/")
        codec = parts[0] == "encodings" and len(parts) == 2 and parts[1]
        return parts[0] not in UNUSED_STDLIB and not (codec and parts[1] not in KEPT_CODECS)

    recompress(source, target, used)


def chrome_manifest(base: dict) -> dict:
    return json.loads(json.dumps(base))


def firefox_manifest(base: dict) -> dict:
    manifest = json.loads(json.dumps(base))
    manifest["background"] = {"scripts": ["engine/firefox-background.js"], "type": "module"}
    manifest["permissions"] = [p for p in manifest["permissions"] if p != "offscreen"]
    manifest.pop("minimum_chrome_version", None)
    manifest.pop("storage", None)  # Firefox reads agency policy from policies.json instead
    manifest["browser_specific_settings"] = {
        "gecko": {
            "id": GECKO_ID,
            "strict_min_version": "140.0",
            "data_collection_permissions": {"required": ["none"]},
        },
        "gecko_android": {"strict_min_version": "142.0"},
    }
    return manifest


def zip_dir(folder: Path, archive: Path) -> None:
    """Zip ourselves: `web-ext build` silently drops *.zip files such as python_stdlib.zip."""
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out.write(path, path.relative_to(folder).as_posix())


def build_extension(wheel: Path | None = None) -> dict[str, Path]:
    source = pyodide_dir()
    lock = json.loads((source / "pyodide-lock.json").read_text())
    wheel = wheel or build_wheel()
    regex, regex_source = find_regex_wheel(lock)
    log(f"regex engine in the browser: {regex_source}")
    info = {"pyodide": PYODIDE_VERSION, "wheel": wheel.name,
            "regex": regex.name if regex else None, "regexSource": regex_source}
    base = json.loads((EXTENSION_SRC / "manifest.json").read_text())
    outputs = {}
    for name, manifest in (("chrome", chrome_manifest(base)), ("firefox", firefox_manifest(base))):
        folder = DIST / name
        assemble(folder, name, manifest, wheel, regex, info)
        archive = DIST / f"bijak-{name}.zip"
        zip_dir(folder, archive)
        log(f"{name}: {folder} and {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
        outputs[name] = folder
    return outputs


# ----------------------------------------------------------------------------------------- demo
def extension_id(folder: Path) -> str:
    """Chromium's id for an unpacked extension: sha256 of its absolute path, in letters a-p."""
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:32]
    return digest.translate(str.maketrans("0123456789abcdef", "abcdefghijklmnop"))


def demo() -> None:
    setup()
    chrome = build_extension()["chrome"]
    log(f"packages: {DIST / 'bijak-chrome.zip'}, {DIST / 'bijak-firefox.zip'}")
    log(f"unpacked: {chrome} (chrome://extensions > Load unpacked), {DIST / 'firefox'}")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        log("no display: not opening a browser. Load the unpacked folder above to try Bijak.")
        return
    profile = Path(tempfile.mkdtemp(prefix="bijak-demo-"))
    url = f"chrome-extension://{extension_id(chrome)}/demo/demo.html"
    log(f"opening Chromium on {url}")
    subprocess.run([str(CHROMIUM), f"--user-data-dir={profile}", "--no-first-run",
                    "--no-default-browser-check", f"--disable-extensions-except={chrome}",
                    f"--load-extension={chrome}", url], check=False)


# ---------------------------------------------------------------------------------- test, bench
def python_tool(script: str, args: Sequence[str]) -> int:
    return subprocess.run([sys.executable, script, *args], cwd=ROOT, check=False).returncode


def test(args: Sequence[str]) -> int:
    setup()
    return subprocess.run([sys.executable, "-m", "pytest", "-q", *args], cwd=ROOT,
                          check=False).returncode


def bench_extension(args: Sequence[str]) -> int:
    build_extension()
    return python_tool("tests/extension/bench_extension.py", args)


# ------------------------------------------------------------------------------------------ cli
def parse(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("setup", help="install Python, Debian and npm dependencies (idempotent)")
    sub.add_parser("wheel", help="build the pure-Python bijak wheel into build/wheel")
    ext = sub.add_parser("extension", help="build dist/chrome, dist/firefox and their zips")
    ext.add_argument("--wheel", type=Path, help="use this bijak wheel instead of building one")
    sub.add_parser("demo", help="setup + build, then open Chromium on the demo page (default)")
    sub.add_parser("test", help="setup, then run the whole test suite (extra args go to pytest)")
    sub.add_parser("eval", help="python tests/tools/evaluate.py ARGS")
    sub.add_parser("bench", help="python tests/tools/bench.py ARGS")
    sub.add_parser("train", help="retrain the second opinion (lib/bijak/opinion.json) on the dev corpus")
    sub.add_parser("bench-extension", help="browser figures: start-up, latency, memory, size")
    return parser.parse_known_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args, rest = parse(sys.argv[1:] if argv is None else argv)
    command = args.command or "demo"
    try:
        if command == "setup":
            setup()
        elif command == "wheel":
            log(f"wheel: {build_wheel()}")
        elif command == "extension":
            build_extension(args.wheel)
        elif command == "demo":
            demo()
        elif command == "test":
            return test(rest)
        elif command == "eval":
            return python_tool("tests/tools/evaluate.py", rest)
        elif command == "bench":
            return python_tool("tests/tools/bench.py", rest)
        elif command == "train":
            setup()
            return python_tool("tests/tools/train_opinion.py", rest)
        elif command == "bench-extension":
            return bench_extension(rest)
    except BuildError as error:
        print(f"build.py: error: {error}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as error:
        print(f"build.py: error: {' '.join(map(str, error.cmd))} exited with {error.returncode}",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
