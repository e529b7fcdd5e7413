"""The engine host: ready before the first keystroke, survives the service worker being stopped,
and the agency-policy plumbing (storage.managed + managed_schema) loads."""

from __future__ import annotations

import json

from conftest import DIST, wait_state
from helpers import engine_status, wait_lint, wait_warmed


def extension_page(browser, path: str = "popup/popup.html?host=127.0.0.1"):
    page = browser.context.new_page()
    page.goto(f"chrome-extension://{browser.ext_id}/{path}")
    return page


def test_engine_is_ready_and_reports_regex_backend(browser, page):
    page.goto(browser.url("www.facebook.com", "facebook.html"))
    wait_state(page)
    ext = extension_page(browser)
    status = engine_status(ext)
    ext.close()
    info = json.loads((DIST / "chrome" / "build-info.json").read_text())
    assert status["state"] == "ready" and status["error"] == ""
    assert status["regex"] == info["regexSource"]


def test_engine_survives_service_worker_stop(browser, page):
    page.goto(browser.url("www.facebook.com", "facebook.html"))
    wait_state(page)
    ext = extension_page(browser)
    before = engine_status(ext)
    cdp = browser.context.new_cdp_session(page)
    statuses: list[str] = []
    cdp.on("ServiceWorker.workerVersionUpdated", lambda event: statuses.extend(
        v["runningStatus"] for v in event["versions"] if browser.ext_id in v["scriptURL"]))
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")
    for _ in range(100):
        if "stopped" in statuses:
            break
        page.wait_for_timeout(50)
    assert "stopped" in statuses, statuses
    page.click("#composer")
    page.keyboard.type("dasar goblok")
    wait_lint(page, "dasar goblok")
    after = engine_status(ext)
    ext.close()
    assert statuses[statuses.index("stopped"):].count("running") >= 1  # woken again by a message
    # the same Python instance answered: no cold start after the worker was stopped
    assert after["instance"] == before["instance"]
    assert after["readyMs"] == before["readyMs"]
    assert after["lints"] > before["lints"]


def test_managed_storage_schema_loads(browser):
    manifest = json.loads((DIST / "chrome" / "manifest.json").read_text())
    assert manifest["storage"]["managed_schema"] == "managed_schema.json"
    # an invalid schema makes Chromium refuse the extension; here it runs and answers
    assert browser.worker.evaluate("() => chrome.storage.managed.get(null)") == {}


def test_policy_config_reaches_the_library_config(browser):
    ext = extension_page(browser)
    config = ext.evaluate("""() => BijakSettings.buildConfig(
        {categories: {flexing: false}, allow: ['kopi']},
        {config: {rules: {'santun-kata-kasar': 'error'}, categories: {sara: false},
                  allow: ['teh'],
                  election: {candidates: ['Budi'], window: ['2029-01-01', '2029-02-14']}}})""")
    enforcement = ext.evaluate("""() => [
        BijakSettings.enforcement({enforcement: 'off'}, {enforcement: 'confirm'}),
        BijakSettings.enforcement({enforcement: 'confirm-warning'}, {enforcement: 'confirm'})]""")
    ext.close()
    assert config == {"rules": {"santun-kata-kasar": "error"},
                      "categories": {"sara": False, "flexing": False}, "allow": ["teh", "kopi"],
                      "election": {"candidates": ["Budi"], "window": ["2029-01-01", "2029-02-14"]}}
    assert enforcement == ["confirm", "confirm-warning"]  # policy can only make it stricter


def test_config_error_is_shown_with_its_reason(browser, page):
    # e.g. a category switch stored by another version of Bijak that this library does not know
    browser.storage_set({"categories": {"tidak-ada": False}})
    page.goto(browser.url("www.facebook.com", "facebook.html"))
    page.click("#composer")
    page.keyboard.type("dasar goblok")
    wait_state(page, "error")
    reason = page.locator("bijak-overlay").get_attribute("data-error")
    assert "tidak-ada" in reason and "\n" not in reason
    browser.storage_set({"categories": {}})  # fixed in the options page: back to work, live
    wait_state(page, "ready")
    wait_lint(page, "dasar goblok")


def test_engine_compiles_patterns_in_the_background_after_ready(browser, page):
    page.goto(browser.url("www.facebook.com", "facebook.html"))
    wait_state(page)
    ext = extension_page(browser)
    status = wait_warmed(lambda: engine_status(ext))
    ext.close()
    assert status["warmLeft"] == 0 and status["warmMs"] >= status["readyMs"]
