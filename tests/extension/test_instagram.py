"""Instagram: the caption (Lexical-like) with its Bagikan button, and the comment textarea."""

from __future__ import annotations

from conftest import marks, wait_findings, wait_state
from helpers import RUDE, assert_underlined, editor_state, textarea_rects, wait_lint


def open_instagram(browser, page):
    page.goto(browser.url("www.instagram.com", "instagram.html"))
    wait_state(page)


def test_caption_underline_and_share_pause(browser, page):
    browser.storage_set({"enforcement": "confirm-warning"})
    open_instagram(browser, page)
    page.click("#caption")
    typed = "Liburan 🏖️🌴 bareng keluarga, yang nyinyir dasar goblok"
    page.keyboard.type(typed)
    wait_lint(page, typed)
    assert_underlined(page, "#caption", RUDE)
    page.click("#share")
    card = page.locator("bijak-overlay .card[data-kind='confirm']")
    card.wait_for()
    card.locator("button.edit").click()
    assert page.evaluate("fixture.submitted") == []
    assert editor_state(page, "caption") == {"text": typed, "caret": len(typed.encode("utf-16-le")) // 2,
                                             "foreign": 0, "focused": True}


def test_comment_textarea_underline_and_enter_pause(browser, page):
    browser.storage_set({"enforcement": "confirm-warning"})
    open_instagram(browser, page)
    page.click("#comment")
    typed = "keren 👏 tapi admin goblok"
    page.keyboard.type(typed)
    wait_lint(page, typed)
    assert_underlined(page, "#comment", RUDE, rects=textarea_rects(page, "#comment", RUDE))
    page.keyboard.press("Enter")
    card = page.locator("bijak-overlay .card[data-kind='confirm']")
    card.wait_for()
    card.locator("button.send").click()
    assert page.evaluate("fixture.submitted") == [typed]
    wait_findings(page, 0)
    assert marks(page) == []
