"""Ordinary fields on sites the user enabled: a plain textarea and a page with a strict CSP."""

from __future__ import annotations

from conftest import marks, overlay_attr, wait_state
from helpers import RUDE, assert_underlined, rude_marks, textarea_rects, wait_lint


def focus_textarea(browser, page) -> None:
    """The local textarea page with the engine ready and the caret in its field."""
    page.goto(browser.url("local", "textarea.html"))
    wait_state(page)
    page.click("#field")


def test_plain_textarea_multiline(browser, page):
    focus_textarea(browser, page)
    typed = "Baris pertama 🙂\nbaris kedua goblok\n\n🇮🇩 goblok lagi"
    page.keyboard.type(typed)
    wait_lint(page, typed)
    assert page.eval_on_selector("#field", "e => [e.value, e.selectionStart, e.selectionEnd]") == [
        typed, len(typed.encode("utf-16-le")) // 2, len(typed.encode("utf-16-le")) // 2]
    for nth in (0, 1):
        assert_underlined(page, "#field", RUDE, rects=textarea_rects(page, "#field", RUDE, nth))


def test_local_pages_are_on_by_default_and_can_be_switched_off(browser, page):
    page.goto(browser.url("local", "textarea.html"))
    wait_state(page)  # nothing stored yet: a page on this machine is checked
    browser.storage_set({"sites": {"127.0.0.1": False}})  # the popup's switch
    wait_state(page, "off")
    page.click("#field")
    page.keyboard.type("dasar goblok")
    page.wait_for_timeout(600)  # longer than the debounce: nothing may appear
    assert overlay_attr(page, "data-findings") == "0" and marks(page) == []
    browser.storage_set({"sites": {"127.0.0.1": True}})  # switched on from the popup: live
    wait_state(page, "ready")
    wait_lint(page, "dasar goblok")


def test_strict_csp_page(browser, page):
    response = page.goto(browser.url("local", "csp.html"))
    assert "default-src 'none'" in response.headers["content-security-policy"]
    wait_state(page)
    page.click("#field")
    page.keyboard.type("ah goblok")
    wait_lint(page, "ah goblok")
    assert_underlined(page, "#field", RUDE, rects=textarea_rects(page, "#field", RUDE))
    page.click("#editable")
    page.keyboard.type("kamu 🙃 goblok")
    count = len(wait_lint(page, "kamu 🙃 goblok"))
    assert_underlined(page, "#editable", RUDE)
    badge = page.locator("bijak-overlay .badge")
    assert badge.is_visible() and badge.inner_text() == str(count)


def test_undo_history_is_the_users(browser, page):
    focus_textarea(browser, page)
    page.keyboard.type("dasar goblok")
    wait_lint(page, "dasar goblok")
    page.keyboard.press("Control+z")  # the browser's own undo still sees only the user's typing
    value = page.eval_on_selector("#field", "e => e.value")
    assert "dasar goblok".startswith(value) and value != "dasar goblok"
    page.keyboard.press("Control+Shift+z")
    assert page.eval_on_selector("#field", "e => e.value") == "dasar goblok"


def test_no_lint_while_an_ime_composes(browser, page):
    focus_textarea(browser, page)
    page.keyboard.type("dasar ")
    wait_lint(page, "dasar ")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "goblok", "selectionStart": 6, "selectionEnd": 6})
    assert page.eval_on_selector("#field", "e => e.value") == "dasar goblok"
    page.wait_for_timeout(600)  # longer than the debounce: the composing word is not judged yet
    assert rude_marks(page) == []
    cdp.send("Input.insertText", {"text": "goblok"})  # the IME commits
    wait_lint(page, "dasar goblok")
    assert len(rude_marks(page)) == 1


def test_facebook_fixture_served_locally_behaves_like_facebook(browser, page):
    browser.storage_set({"enforcement": "confirm-warning"})
    page.goto(browser.url("local", "facebook.html"))
    wait_state(page)
    page.click("#comment")
    page.keyboard.type("dasar goblok")
    wait_lint(page, "dasar goblok")
    assert_underlined(page, "#comment", RUDE)
    page.keyboard.press("Enter")
    page.locator("bijak-overlay .card[data-kind='confirm']").wait_for()
    assert page.evaluate("fixture.submitted") == []
