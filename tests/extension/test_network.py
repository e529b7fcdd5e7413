"""Private by construction: with the extension working on every fixture, the browser's own
network log (every request of every process, the extension's included) holds nothing but the
local fixture server."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from conftest import SITE_HOSTS, launch, wait_state
from helpers import wait_lint


def url_requests(path: Path) -> list[dict]:
    text = path.read_text()
    if not text.rstrip().endswith("}"):
        text = text.rstrip().rstrip(",") + "]}"  # a log cut at exit: close the event list
    log = json.loads(text)
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"] for e in log["events"]
            if e["type"] == start_job and "url" in e.get("params", {})]


def browser_internal(request: dict) -> bool:
    """Chromium's own housekeeping (component updater, sign-in, autofill hints): initiated by
    the browser process, by no page and no extension."""
    return (request.get("initiator") == "not an origin" and request.get("request_type") == "other"
            and "extension" not in request.get("network_isolation_key", ""))


def test_no_request_leaves_the_machine(playwright, extension_dirs, server, tmp_path):
    netlog = tmp_path / "netlog.json"
    context = launch(playwright, tmp_path / "profile", extension_dirs["chrome"], server,
                     (f"--log-net-log={netlog}", "--net-log-capture-mode=Default"))
    page_requests: list[str] = []
    context.on("request", lambda request: page_requests.append(request.url))
    worker = context.service_workers[0] if context.service_workers else \
        context.wait_for_event("serviceworker")
    worker.evaluate("() => chrome.storage.local.set({sites: {'127.0.0.1': true}})")
    page = context.new_page()
    for url, field in (("https://www.facebook.com/facebook.html", "#composer"),
                       ("https://www.instagram.com/instagram.html", "#comment"),
                       (f"https://{server}/csp.html", "#field")):
        page.goto(url)
        wait_state(page)
        page.click(field)
        page.keyboard.type("Pagi semua 😎 dasar goblok")
        wait_lint(page, "Pagi semua 😎 dasar goblok")
    context.close()
    allowed = {f"https://{h}" for h in (*SITE_HOSTS, "127.0.0.1")}
    requests = url_requests(netlog)
    origin = lambda url: f"{urlsplit(url).scheme}://{urlsplit(url).hostname}"  # noqa: E731
    assert {origin(r["url"]) for r in requests} >= allowed - {"https://web.facebook.com",
                                                             "https://m.facebook.com"}
    ours = [r for r in requests if not browser_internal(r)]
    outside = {r["url"] for r in ours if origin(r["url"]) not in allowed}
    assert outside == set(), f"requests outside the fixture server: {outside}"
    page_hosts = {f"{urlsplit(u).scheme}://{urlsplit(u).hostname}" for u in page_requests}
    assert {h for h in page_hosts if not h.startswith("chrome")} <= allowed
