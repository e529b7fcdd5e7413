// Reading a field's plain text and mapping UTF-16 offsets back to screen rectangles.
// Read-only: nothing here writes to the page's DOM.
(() => {
  const BLOCKS = new Set([
    "P", "DIV", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE",
    "TABLE", "TR", "SECTION", "ARTICLE",
  ]);

  // A contenteditable's text as the library sees it: NBSP -> space (same length, so offsets
  // stay valid), paragraphs and <br> -> "\n". `segments` maps text offsets to text nodes.
  function readEditable(root) {
    let text = "";
    const segments = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.data) return;
        segments.push({ node, start: text.length, length: node.data.length });
        text += node.data.replace(/\u00a0/g, " ");
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      if (node.tagName === "BR") {
        const isPlaceholder = node.parentNode !== root && !node.nextSibling && !!node.previousSibling;
        if (!isPlaceholder) text += "\n";
        return;
      }
      const block = node !== root && BLOCKS.has(node.tagName);
      if (block && text && !text.endsWith("\n")) text += "\n";
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    return { text, segments };
  }

  function locate(segments, offset, preferEnd) {
    for (const seg of segments) {
      const end = seg.start + seg.length;
      if (preferEnd ? offset > seg.start && offset <= end : offset >= seg.start && offset < end) {
        return { node: seg.node, offset: offset - seg.start };
      }
    }
    return null;
  }

  function editableRange(segments, start, end) {
    const from = locate(segments, start, false);
    const to = locate(segments, end, true);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  function rangeRects(range) {
    return [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
  }

  // A textarea/input has no DOM ranges: lay its text out in a hidden mirror with the same
  // box and font (inside our own shadow root) and measure there.
  const MIRRORED = [
    "boxSizing", "width", "height", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
    "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderStyle",
    "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch",
    "letterSpacing", "wordSpacing", "lineHeight", "textTransform", "textIndent", "textAlign",
    "tabSize", "direction", "wordBreak", "overflowWrap",
  ];

  function textareaRects(field, mirror, start, end) {
    const style = getComputedStyle(field);
    for (const prop of MIRRORED) mirror.style[prop] = style[prop];
    const box = field.getBoundingClientRect();
    mirror.style.position = "fixed";
    mirror.style.left = `${box.left}px`;
    mirror.style.top = `${box.top}px`;
    mirror.style.whiteSpace = field.tagName === "INPUT" ? "pre" : "pre-wrap";
    mirror.style.overflow = "hidden";
    mirror.style.visibility = "hidden";
    mirror.style.borderColor = "transparent";
    mirror.textContent = field.value + "\u200b";
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
    const node = mirror.firstChild;
    const range = document.createRange();
    range.setStart(node, Math.min(start, node.length));
    range.setEnd(node, Math.min(end, node.length));
    return rangeRects(range);
  }

  globalThis.BijakText = { readEditable, editableRange, rangeRects, textareaRects };
})();
