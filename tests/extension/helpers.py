"""Assertions shared by the extension's end-to-end tests."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime

from bijak.bridge import lint_json
from conftest import marks, wait_findings, word_rects

# "goblok" is flagged by the library's kesantunan pack (santun-kata-kasar); the tests only rely
# on it being flagged, not on its severity or wording.
RUDE = "goblok"


def marks_for(page, word: str) -> list[dict]:
    return [m for m in marks(page) if m["end"] - m["start"] == len(word.encode("utf-16-le")) // 2]


def missing_underlines(page, expected: list[dict]) -> list[dict]:
    found = marks(page)

    def vertical(m: dict, rect: dict) -> bool:
        if rect.get("line"):  # a textarea line box: the underline sits inside it
            return rect["top"] < m["bottom"] <= rect["bottom"] + 0.5
        return abs(m["bottom"] - rect["bottom"]) <= 1

    return [rect for rect in expected
            if not any(abs(m["left"] - rect["left"]) <= 1 and abs(m["right"] - rect["right"]) <= 1
                       and vertical(m, rect) for m in found)]


def assert_underlined(page, selector: str, word: str, nth: int = 0, rects=None) -> None:
    """An underline lies exactly under the n-th occurrence of `word` (±1 px). Redraws follow
    scrolling on the next animation frame, so look a few frames before failing."""
    expected = rects or word_rects(page, selector, word, nth)
    assert expected, f"{word!r} not found in {selector}"
    for _ in range(40):
        missing = missing_underlines(page, expected)
        if not missing:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"no underline at {missing} for {word!r}; marks: {marks(page)}")


def editor_state(page, name: str) -> dict:
    return page.evaluate(
        """name => { const e = fixture.editors[name];
            return {text: e.text(), caret: e.offset(), foreign: e.foreignEdits,
                    focused: document.activeElement === e.root}; }""",
        name,
    )


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# Where `text[start:end]` lies in a monospace textarea whose lines do not wrap: computed from the
# font metrics (a probe span on the test page), independently of the overlay's mirror.
TEXTAREA_RECT_JS = """([selector, start, end]) => {
  const el = document.querySelector(selector);
  const s = getComputedStyle(el);
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
  for (const k of ['fontFamily', 'fontSize', 'fontWeight', 'letterSpacing']) probe.style[k] = s[k];
  document.body.append(probe);
  const before = el.value.slice(0, start);
  const line = before.split('\\n').length - 1;
  const col = before.length - before.lastIndexOf('\\n') - 1;
  const lineStart = before.lastIndexOf('\\n') + 1;
  const box = el.getBoundingClientRect();
  const x0 = box.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
  const y0 = box.top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop);
  const lh = parseFloat(s.lineHeight);
  const w = (t) => { probe.textContent = t; return probe.getBoundingClientRect().width; };
  const result = [{left: x0 + w(el.value.slice(lineStart, start)),
           right: x0 + w(el.value.slice(lineStart, end)),
           top: y0 + line * lh - el.scrollTop, bottom: y0 + (line + 1) * lh - el.scrollTop,
           line: true}];
  probe.remove();
  return result;
}"""


def textarea_rects(page, selector: str, word: str, nth: int = 0) -> list[dict]:
    value = page.eval_on_selector(selector, "e => e.value")
    at = -1
    for _ in range(nth + 1):
        at = value.index(word, at + 1)
    start = utf16_len(value[:at])
    return page.evaluate(TEXTAREA_RECT_JS, [selector, start, start + utf16_len(word)])


def expected(text: str, config: dict | None = None) -> list[dict]:
    """What the library says about `text` with the context the extension sends (now, local
    time, personal account): tests follow the rule packs instead of hard-coding counts."""
    context = {"posted_at": datetime.now().astimezone().isoformat(timespec="seconds"),
               "account": "personal"}
    out = json.loads(lint_json(text, json.dumps(config or {}), json.dumps(context)))
    return out["findings"]


def wait_lint(page, text: str, config: dict | None = None) -> list[dict]:
    findings = expected(text, config)
    wait_findings(page, len(findings))
    return findings


def rude_marks(page) -> list[dict]:
    return [m for m in marks(page) if m["end"] - m["start"] == len(RUDE)]


def engine_status(ext_page) -> dict:
    """The engine's status, asked from an extension page (the popup or the options page)."""
    return ext_page.evaluate("() => chrome.runtime.sendMessage({target: 'engine', type: 'status'})")


def wait_warmed(status: Callable[[], dict], timeout_s: float = 60) -> dict:
    """The engine's status once it has compiled every pattern in the background (or at timeout)."""
    current = status()
    deadline = time.monotonic() + timeout_s
    while current["warmLeft"] != 0 and time.monotonic() < deadline:
        time.sleep(0.1)
        current = status()
    return current
