// Which fields Bijak watches on which site, how to read them, and how each site submits.
(() => {
  const { readEditable, editableRange, rangeRects, textareaRects } = globalThis.BijakText;

  const SUBMIT_LABEL = /^(post|posting|kirim|bagikan|share|publish|publikasikan|terbitkan|send|balas|reply|komentari|comment)$/i;
  const MESSENGER = /pesan|message|messenger|obrolan|chat/i;
  const COMMENT = /komentar|comment|balas|reply|balasan/i;

  function siteOf(host) {
    if (/(^|\.)facebook\.com$/.test(host)) return "facebook";
    if (/(^|\.)instagram\.com$/.test(host)) return "instagram";
    return "generic";
  }

  function labelOf(el) {
    return `${el.getAttribute("aria-label") ?? ""} ${el.getAttribute("placeholder") ?? ""}`;
  }

  function editableRoot(el) {
    if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
    let root = el;
    while (root.parentElement?.isContentEditable) root = root.parentElement;
    return root;
  }

  function isTextInput(el) {
    if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
    return el instanceof HTMLInputElement && el.type === "text" && !el.readOnly && !el.disabled;
  }

  // The field to watch for a focused element, or null.
  function fieldFor(el, site) {
    if (!el || el.closest?.("bijak-overlay")) return null;
    const field = isTextInput(el) ? el : editableRoot(el);
    if (!field) return null;
    if (site === "facebook") {
      if (location.pathname.startsWith("/messages") || MESSENGER.test(labelOf(field))) return null;
      if (field.closest('[role="complementary"][aria-label*="Messenger" i]')) return null;
    }
    if (field instanceof HTMLInputElement && site !== "generic") return null; // search boxes
    return field;
  }

  function read(field) {
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
      return { text: field.value, segments: null };
    }
    return readEditable(field);
  }

  // Screen rectangles (viewport coordinates) of text[start16:end16].
  function rects(field, snapshot, start, end, mirror) {
    if (!snapshot.segments) return textareaRects(field, mirror, start, end);
    const range = editableRange(snapshot.segments, start, end);
    return range ? rangeRects(range) : [];
  }

  // Enter sends in comment boxes (Facebook, Instagram); in a post composer it is a new line.
  function submitsOnEnter(field, site) {
    if (site === "generic") return false; // "demo", "facebook", "instagram" below
    return COMMENT.test(labelOf(field));
  }

  function isSubmitControl(el) {
    const control = el?.closest?.('button, [role="button"], input[type="submit"]');
    if (!control) return null;
    const label = (control.getAttribute("aria-label") || control.textContent || control.value || "")
      .trim();
    if (control.type === "submit" || SUBMIT_LABEL.test(label)) return control;
    return null;
  }

  // Does this Post/Kirim control belong to the field (same dialog, form or nearby container)?
  function controlOwnsField(control, field) {
    const scope = control.closest('form, [role="dialog"]');
    if (scope) return scope.contains(field);
    let node = field.parentElement;
    for (let depth = 0; node && depth < 8; depth += 1, node = node.parentElement) {
      if (node.contains(control)) return true;
    }
    return false;
  }

  function isEditable(el) {
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ||
      (el instanceof HTMLElement && el.isContentEditable && !el.closest("bijak-overlay"));
  }

  globalThis.BijakAdapters = {
    siteOf, fieldFor, isEditable, read, rects, submitsOnEnter, isSubmitControl, controlOwnsField,
  };
})();
