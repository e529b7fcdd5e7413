"""Popup, options page and the bundled demo page."""

from __future__ import annotations

from conftest import marks, wait_state
from helpers import RUDE, rude_marks, wait_lint


def open_ext(browser, page, path: str):
    page.goto(f"chrome-extension://{browser.ext_id}/{path}")


def test_popup_shows_engine_state_and_switches_the_site(browser, page):
    open_ext(browser, page, "popup/popup.html?host=127.0.0.1")
    page.locator("#engine[data-state='ready']").wait_for()
    assert page.locator("#engine").inner_text() == "Siap"
    site = page.locator("#site")
    assert site.is_checked()
    site.uncheck()
    stored = browser.worker.evaluate("() => chrome.storage.local.get('sites')")
    assert stored == {"sites": {"127.0.0.1": False}}
    target = browser.context.new_page()
    target.goto(browser.url("local", "textarea.html"))
    wait_state(target, "off")
    target.close()


def test_popup_category_switch_reaches_the_engine(browser, page):
    open_ext(browser, page, "popup/popup.html?host=www.facebook.com")
    page.locator("#engine[data-state='ready']").wait_for()
    assert page.locator("#categories input").count() == 16
    page.locator("input[data-category='kesantunan']").uncheck()
    target = browser.context.new_page()
    target.goto(browser.url("www.facebook.com", "facebook.html"))
    wait_state(target)
    target.click("#composer")
    target.keyboard.type(f"dasar {RUDE}")
    wait_lint(target, f"dasar {RUDE}", {"categories": {"kesantunan": False}})
    target.wait_for_timeout(600)  # longer than the debounce: nothing may appear
    assert rude_marks(target) == []
    page.locator("input[data-category='kesantunan']").check()  # live: no reload needed
    wait_lint(target, f"dasar {RUDE}")
    target.close()


def test_options_language_allowlist_enforcement(browser, page):
    open_ext(browser, page, "options/options.html")
    page.locator("#categories input").first.wait_for()  # the form is filled: edits made before are lost
    page.select_option("#language", "en")
    page.select_option("#enforcement", "confirm-warning")
    page.fill("#allow", "Goblok\n  kopi  \n")
    page.click("#save")
    page.locator("#status", has_text="Saved").wait_for()
    stored = browser.worker.evaluate(
        "() => chrome.storage.local.get(['language', 'allow', 'enforcement'])")
    assert stored == {"language": "en", "allow": ["goblok", "kopi"], "enforcement": "confirm-warning"}
    assert page.locator("#allow-label").inner_text() == "Words never flagged"
    page.fill("#allow", "kopi")  # the next edit clears "Saved"
    assert page.locator("#status").inner_text() == ""


def test_demo_page_underlines(browser, page):
    open_ext(browser, page, "demo/demo.html")
    wait_state(page)
    page.click(".fb-composer")
    page.keyboard.type("Baru beli Rubicon lagi dong 😎 dasar goblok")
    page.locator("bijak-overlay[data-findings]:not([data-findings='0'])").wait_for(state="attached")
    assert any(m["end"] - m["start"] == len(RUDE) for m in marks(page))
