// The overlay: <bijak-overlay> on document.documentElement, shadow root inside, underlines and
// a badge drawn at fixed (viewport) positions. It never touches the editor's DOM, and it lets
// every pointer event through except on its own badge and cards.
(() => {
  const CSS = `
    :host { all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0;
            z-index: 2147483647; pointer-events: none; }
    .layer { position: fixed; left: 0; top: 0; width: 0; height: 0; }
    .mark { position: fixed; box-sizing: border-box; border-bottom: 2px solid var(--c);
            pointer-events: none; border-radius: 1px; }
    .mark.active { background: color-mix(in srgb, var(--c) 14%, transparent); }
    .error { --c: #d93025; } .warning { --c: #e37400; } .info { --c: #1a73e8; }
    .badge { position: fixed; min-width: 20px; height: 20px; padding: 0 6px; box-sizing: border-box;
             border-radius: 10px; background: var(--c); color: #fff; pointer-events: auto;
             font: 600 12px/20px system-ui, sans-serif; text-align: center; cursor: pointer;
             box-shadow: 0 1px 3px rgba(0,0,0,.3); user-select: none; }
    .badge[hidden], .card[hidden] { display: none; }
    .mirror { position: fixed; pointer-events: none; margin: 0; }
    .card { position: fixed; width: 320px; max-width: calc(100vw - 16px); box-sizing: border-box;
            background: #fff; color: #202124; border-radius: 8px; pointer-events: auto;
            box-shadow: 0 4px 16px rgba(0,0,0,.22); border-top: 4px solid var(--c);
            font: 14px/1.45 system-ui, sans-serif; padding: 12px 14px; }
    .card h2 { font-size: 14px; margin: 0 0 2px; font-weight: 600; }
    .card .sev { font-size: 12px; color: var(--c); margin: 0 0 8px; font-weight: 600; }
    .card p { margin: 0 0 8px; }
    .card .ref, .card .sugg { font-size: 13px; color: #3c4043; }
    .card .lowered { font-size: 13px; color: #5f6368; font-style: italic; }
    .card .actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 10px; }
    .card button { font: 600 13px system-ui, sans-serif; border-radius: 16px; padding: 5px 12px;
                   border: 1px solid #dadce0; background: #fff; color: #1a73e8; cursor: pointer; }
    .card button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
    .card button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
  `;

  function el(tag, className, parent) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    parent?.append(node);
    return node;
  }

  function createOverlay() {
    const host = document.createElement("bijak-overlay");
    host.setAttribute("data-state", "loading");
    host.setAttribute("data-findings", "0");
    const root = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet(); // adopted sheets work under a page's strict style-src CSP
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    const layer = el("div", "layer", root);
    const mirror = el("div", "mirror", root);
    const badge = el("div", "badge", root);
    badge.hidden = true;
    document.documentElement.append(host);

    let marks = []; // [{finding, rects, node[]}]

    function setState(state) {
      host.setAttribute("data-state", state);
    }

    function setCount(n) {
      host.setAttribute("data-findings", String(n));
    }

    function clip(rect, box) {
      const left = Math.max(rect.left, box.left);
      const right = Math.min(rect.right, box.right);
      const top = Math.max(rect.top, box.top);
      const bottom = Math.min(rect.bottom, box.bottom);
      return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
    }

    // items: [{finding, rects: DOMRect[]}], box: the field's visible rectangle.
    function draw(items, box) {
      layer.replaceChildren();
      marks = items.map(({ finding, rects }) => {
        const nodes = [];
        for (const rect of rects) {
          const visible = clip(rect, box);
          if (!visible) continue;
          const mark = el("div", `mark ${finding.severity}`, layer);
          mark.dataset.rule = finding.rule;
          mark.dataset.start = String(finding.start16);
          mark.dataset.end = String(finding.end16);
          Object.assign(mark.style, {
            left: `${visible.left}px`, top: `${visible.top}px`,
            width: `${visible.width}px`, height: `${visible.height}px`,
          });
          nodes.push(mark);
        }
        return { finding, rects, nodes };
      });
    }

    function drawBadge(count, severity, box, title) {
      badge.hidden = count === 0;
      if (!count) return;
      badge.textContent = String(count);
      badge.className = `badge ${severity}`;
      badge.title = title;
      badge.style.left = `${Math.max(0, box.right - 30)}px`;
      badge.style.top = `${Math.max(0, box.bottom - 26)}px`;
    }

    function clear() {
      layer.replaceChildren();
      marks = [];
      badge.hidden = true;
      setCount(0);
    }

    // Under the pointer, overlapping findings: the most severe, then the narrowest, wins.
    const RANK = { error: 3, warning: 2, info: 1 };
    function hit(x, y) {
      const under = marks.filter((mark) => mark.rects.some((r) =>
        x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2));
      under.sort((a, b) => (RANK[b.finding.severity] ?? 0) - (RANK[a.finding.severity] ?? 0) ||
        (a.finding.end16 - a.finding.start16) - (b.finding.end16 - b.finding.start16));
      return under[0] ?? null;
    }

    function highlight(finding) {
      for (const mark of marks) {
        for (const node of mark.nodes) node.classList.toggle("active", mark.finding === finding);
      }
    }

    return { host, root, mirror, badge, setState, setCount, draw, drawBadge, clear, hit, highlight,
      el };
  }

  globalThis.BijakOverlay = { createOverlay };
})();
