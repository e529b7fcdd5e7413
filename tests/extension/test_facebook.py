"""Facebook: the Lexical-like post composer and the comment box (fixtures on www.facebook.com)."""

from __future__ import annotations

from conftest import marks, overlay_attr, wait_findings, wait_state, word_rects
from helpers import RUDE, assert_underlined, editor_state, rude_marks, utf16_len, wait_lint


def open_facebook(browser, page):
    page.goto(browser.url("www.facebook.com", "facebook.html"))
    wait_state(page)


def test_underline_after_emoji_exactly_over_the_word(browser, page):
    open_facebook(browser, page)
    page.click("#composer")
    typed = "Halo 😎👍🏽 kamu dasar goblok ya"
    page.keyboard.type(typed)
    wait_lint(page, typed)
    assert_underlined(page, "#composer", RUDE)
    [mark] = rude_marks(page)
    start = typed.index(RUDE)
    assert (mark["start"], mark["end"]) == (utf16_len(typed[:start]), utf16_len(typed[:start + 6]))
    state = editor_state(page, "composer")
    assert state == {"text": typed, "caret": utf16_len(typed), "foreign": 0, "focused": True}


def test_multiline_nbsp_and_hashtag_spans(browser, page):
    open_facebook(browser, page)
    page.click("#composer")
    lines = ["Selamat pagi semua 👋", "", "#senin ceria,  dasar  goblok", "yang kedua goblok juga"]
    for i, line in enumerate(lines):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(line)
    wait_lint(page, "\n".join(lines))
    dom = page.eval_on_selector(
        "#composer", "e => [e.textContent, e.querySelectorAll('p > span[data-lexical-text]').length,"
        " e.querySelectorAll('.hashtag').length]")
    assert "\u00a0" in dom[0] and dom[1] >= 4 and dom[2] == 1  # NBSPs, Lexical spans, a hashtag
    assert_underlined(page, "#composer", RUDE, 0)
    assert_underlined(page, "#composer", RUDE, 1)
    state = editor_state(page, "composer")
    assert state["text"] == "\n".join(lines)
    assert state["caret"] == utf16_len("\n".join(lines))
    assert state["foreign"] == 0


def test_underline_follows_edits_and_scrolling(browser, page):
    open_facebook(browser, page)
    page.click("#composer")
    page.keyboard.type("dasar goblok")
    wait_lint(page, "dasar goblok")
    page.keyboard.press("Home")
    page.keyboard.type("Eh ")
    page.locator("bijak-overlay .mark[data-start='9']").wait_for(state="attached")
    assert_underlined(page, "#composer", RUDE)
    page.evaluate("() => { document.body.style.height = '3000px'; window.scrollTo(0, 15); }")
    assert_underlined(page, "#composer", RUDE)
    for _ in range(len("goblok")):
        page.keyboard.press("End")
        page.keyboard.press("Backspace")
    wait_lint(page, "Eh dasar ")
    assert rude_marks(page) == []
    assert editor_state(page, "composer")["text"] == "Eh dasar "


def test_comment_enter_pauses_then_edit_or_send(browser, page):
    browser.storage_set({"enforcement": "confirm-warning"})
    open_facebook(browser, page)
    page.click("#comment")
    page.keyboard.type("dasar goblok")
    wait_lint(page, "dasar goblok")
    page.keyboard.press("Enter")
    card = page.locator("bijak-overlay .card[data-kind='confirm']")
    card.wait_for()
    assert "kode etik ASN" in card.inner_text()
    assert page.evaluate("fixture.submitted") == []
    card.locator("button.edit").click()
    assert page.evaluate("fixture.submitted") == []
    state = editor_state(page, "comment")
    assert state["text"] == "dasar goblok" and state["focused"]
    page.keyboard.press("Enter")
    card.wait_for()
    card.locator("button.send").click()
    assert page.evaluate("fixture.submitted") == ["dasar goblok"]


def test_post_button_pauses_and_clean_post_goes_through(browser, page):
    browser.storage_set({"enforcement": "confirm-warning"})
    open_facebook(browser, page)
    page.click("#composer")
    page.keyboard.type("Selamat pagi, dasar goblok")
    wait_lint(page, "Selamat pagi, dasar goblok")
    page.click("#post")
    card = page.locator("bijak-overlay .card[data-kind='confirm']")
    card.wait_for()
    card.locator("button.send").click()
    assert page.evaluate("fixture.submitted") == ["Selamat pagi, dasar goblok"]
    page.click("#composer")
    page.keyboard.type("Selamat pagi semua")
    assert [f for f in wait_lint(page, "Selamat pagi semua") if f["severity"] != "info"] == []
    page.click("#post")
    assert page.evaluate("fixture.submitted") == ["Selamat pagi, dasar goblok", "Selamat pagi semua"]
    assert not card.is_visible()


def test_enforcement_off_never_pauses(browser, page):
    browser.storage_set({"enforcement": "off"})
    open_facebook(browser, page)
    page.click("#comment")
    page.keyboard.type("dasar goblok")
    wait_lint(page, "dasar goblok")
    page.keyboard.press("Enter")
    assert page.evaluate("fixture.submitted") == ["dasar goblok"]


def test_messenger_is_not_checked(browser, page):
    open_facebook(browser, page)
    page.click("#composer")
    page.keyboard.type("dasar goblok")
    wait_lint(page, "dasar goblok")
    page.click("#messenger")  # the focused field is now one Bijak leaves alone
    wait_findings(page, 0)
    page.keyboard.type("dasar goblok")
    page.wait_for_timeout(600)  # longer than the debounce: nothing may appear
    assert overlay_attr(page, "data-findings") == "0"
    assert marks(page) == []


def test_findings_across_a_line_wrap_and_an_inner_scroll(browser, page):
    open_facebook(browser, page)
    page.eval_on_selector("#composer", "e => { e.style.width = '110px'; }")
    page.click("#composer")
    typed = "Ayo coblos nomor 2, menangkan paslon kita! dasar goblok"
    page.keyboard.type(typed)
    findings = wait_lint(page, typed)
    wrapped = 0
    for finding in findings:
        nth = typed[: finding["start"]].count(finding["text"])
        rects = word_rects(page, "#composer", finding["text"], nth)
        wrapped += len(rects) > 1
        assert_underlined(page, "#composer", finding["text"], nth)
    assert wrapped, "expected at least one finding to wrap onto two lines"
    # an editor that scrolls inside itself: underlines never leave its visible box
    page.eval_on_selector("#composer", "e => { e.style.minHeight = '0'; e.style.maxHeight = '30px';"
                          " e.style.overflow = 'auto'; e.scrollTop = 0; }")
    box = page.eval_on_selector("#composer", "e => { const r = e.getBoundingClientRect();"
                                " return {top: r.top, bottom: r.bottom}; }")
    def outside() -> list[dict]:
        return [m for m in marks(page)
                if m["top"] < box["top"] - 0.5 or m["bottom"] > box["bottom"] + 0.5]

    for _ in range(40):  # the redraw follows the resize on the next animation frame
        if not outside():
            break
        page.wait_for_timeout(50)
    assert outside() == []
    assert marks(page), "the first line's underlines stay visible"
