"""Shared fixtures for the extension's end-to-end tests: one build, one HTTPS fixture server and
one Chromium (with Bijak loaded) per test session.

Facebook and Instagram host names are mapped to the local fixture server with
--host-resolver-rules, so the content script sees www.facebook.com / www.instagram.com exactly as
in the field; the other fixtures are served on 127.0.0.1.

The session builds dist/ with `python build.py extension` first; BIJAK_SKIP_BUILD=1 reuses the
dist/ already there (e.g. one built with `python build.py extension --wheel OTHER.whl`).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
DIST = ROOT / "dist"
SITE_HOSTS = ("www.facebook.com", "web.facebook.com", "m.facebook.com", "www.instagram.com")
STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'"


def missing_prerequisite() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (python build.py setup)"
    if not (ROOT / "node_modules" / "pyodide" / "package.json").exists():
        return "node_modules/pyodide is missing (python build.py setup runs npm ci)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed"
    return None


@pytest.fixture(scope="session")
def extension_dirs() -> dict[str, Path]:
    reason = missing_prerequisite()
    if reason:
        pytest.skip(reason)
    if not os.environ.get("BIJAK_SKIP_BUILD"):
        subprocess.run([sys.executable, str(ROOT / "build.py"), "extension"], cwd=ROOT, check=True)
    return {"chrome": DIST / "chrome", "firefox": DIST / "firefox"}


class FixtureHandler(http.server.SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def end_headers(self) -> None:
        if self.path.startswith("/csp.html"):
            self.send_header("Content-Security-Policy", STRICT_CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        FixtureHandler.requests.append(f"{self.headers.get('Host')}{self.path}")


def make_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    names = ",".join([*(f"DNS:{h}" for h in SITE_HOSTS), "IP:127.0.0.1"])
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=bijak-fixtures", "-addext", f"subjectAltName={names}",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


def start_server(folder: Path) -> http.server.ThreadingHTTPServer:
    """https://127.0.0.1:PORT serving tests/extension/fixtures, in a daemon thread."""
    cert, key = make_certificate(folder)
    handler = functools.partial(FixtureHandler, directory=str(FIXTURES))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture server's address, 127.0.0.1:PORT."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed for the HTTPS fixture server")
    httpd = start_server(tmp_path_factory.mktemp("tls"))
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def browser_args(ext: Path, server: str, extra: tuple[str, ...] = ()) -> list[str]:
    rules = ", ".join(f"MAP {host} {server}" for host in SITE_HOSTS)
    return [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--ignore-certificate-errors", f"--host-resolver-rules={rules}",
        "--window-size=1000,800",
        f"--disable-extensions-except={ext}", f"--load-extension={ext}", *extra,
    ]


def launch(playwright, profile: Path, ext: Path, server: str, extra: tuple[str, ...] = ()):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=False,
        args=browser_args(ext, server, extra), viewport={"width": 1000, "height": 800},
        locale="id-ID",
    )


class Browser:
    """The session's Chromium with Bijak loaded."""

    def __init__(self, context, server: str) -> None:
        self.context = context
        self.server = server
        worker = context.service_workers[0] if context.service_workers else \
            context.wait_for_event("serviceworker")
        self.ext_id = worker.url.split("/")[2]

    @property
    def worker(self):
        workers = [w for w in self.context.service_workers if self.ext_id in w.url]
        return workers[0] if workers else self.context.wait_for_event("serviceworker")

    def storage_set(self, values: dict) -> None:
        self.worker.evaluate("v => chrome.storage.local.set(v)", values)

    def storage_reset(self) -> None:
        self.worker.evaluate("() => chrome.storage.local.clear()")

    def url(self, host: str, page: str) -> str:
        return f"https://{self.server if host == 'local' else host}/{page}"


@pytest.fixture(scope="session")
def playwright(extension_dirs: dict[str, Path]):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright, extension_dirs: dict[str, Path], server: str,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    context = launch(playwright, tmp_path_factory.mktemp("profile"), extension_dirs["chrome"],
                     server)
    yield Browser(context, server)
    context.close()


@pytest.fixture
def page(browser: Browser):
    browser.storage_reset()
    page = browser.context.new_page()
    yield page
    page.close()


# ------------------------------------------------------------------------------- page helpers
def overlay_attr(page, name: str) -> str | None:
    return page.locator("bijak-overlay").get_attribute(name)


def wait_state(page, state: str = "ready", timeout: float = 60_000) -> None:
    page.locator(f"bijak-overlay[data-state={state}]").wait_for(state="attached", timeout=timeout)


def wait_findings(page, count: int, timeout: float = 15_000) -> None:
    page.locator(f"bijak-overlay[data-findings='{count}']").wait_for(state="attached",
                                                                     timeout=timeout)


def marks(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelector('bijak-overlay').shadowRoot
        .querySelectorAll('.mark')].map(m => { const r = m.getBoundingClientRect();
        return {rule: m.dataset.rule, start: +m.dataset.start, end: +m.dataset.end,
                severity: m.classList[1], left: r.left, right: r.right, top: r.top,
                bottom: r.bottom}; })""")


# Screen rectangles of `word`'s n-th occurrence in an element's text (independent of Bijak's
# own mapping code): contenteditable via text nodes, textarea via a throwaway mirror is not
# needed because tests check textareas through the offsets in data-start/data-end.
WORD_RECTS_JS = """([selector, word, nth]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = []; let text = '';
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]);
    text += walker.currentNode.data.replace(/\\u00a0/g, ' '); }
  let at = -1; for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  if (at < 0) return null;
  const find = (off, end) => { for (const [n, s] of nodes) {
    if (end ? off > s && off <= s + n.length : off >= s && off < s + n.length)
      return [n, off - s]; } };
  const range = document.createRange();
  range.setStart(...find(at, false)); range.setEnd(...find(at + word.length, true));
  return [...range.getClientRects()].filter(r => r.width > 0.5)
    .map(r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom}));
}"""


def word_rects(page, selector: str, word: str, nth: int = 0) -> list[dict]:
    return page.evaluate(WORD_RECTS_JS, [selector, word, nth])
