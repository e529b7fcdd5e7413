// The hover card for one finding, and the pause-and-confirm card before posting.
(() => {
  const { strings, categoryLabel } = globalThis.BijakI18n;

  function createCards(overlay) {
    const card = overlay.el("div", "card", overlay.root);
    card.hidden = true;
    card.setAttribute("role", "dialog");
    let current = null; // {kind, finding?}
    let hideTimer = 0;

    function place(anchor) {
      card.hidden = false;
      const width = card.offsetWidth;
      const height = card.offsetHeight;
      let left = Math.min(anchor.left, window.innerWidth - width - 8);
      let top = anchor.bottom + 6;
      if (top + height > window.innerHeight - 8) top = Math.max(8, anchor.top - height - 6);
      left = Math.max(8, left);
      card.style.left = `${left}px`;
      card.style.top = `${top}px`;
    }

    function text(tag, className, content) {
      const node = overlay.el(tag, className, card);
      node.textContent = content;
      return node;
    }

    function button(label, className, onClick) {
      const node = document.createElement("button");
      node.type = "button";
      node.className = className;
      node.textContent = label;
      node.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        onClick();
      });
      return node;
    }

    function showFinding(finding, anchor, lang, actions) {
      clearTimeout(hideTimer);
      if (current?.finding === finding && !card.hidden) return;
      const t = strings(lang);
      const en = lang === "en";
      card.replaceChildren();
      card.className = `card ${finding.severity}`;
      card.dataset.kind = "finding";
      card.dataset.rule = finding.rule;
      text("h2", "category", categoryLabel(finding.category, lang));
      text("div", "sev", t.severity[finding.severity] ?? finding.severity);
      text("p", "message", (en && finding.message_en) || finding.message);
      if (finding.lowered_from) text("p", "lowered", t.lowered); // the second opinion doubted it
      if (finding.suggestion) {
        text("p", "sugg", `${t.suggestion}: ${(en && finding.suggestion_en) || finding.suggestion}`);
      }
      if (finding.reference) text("p", "ref", `${t.reference}: ${finding.reference}`);
      const row = overlay.el("div", "actions", card);
      row.append(
        button(t.ignore, "ignore", actions.onIgnore),
        button(t.allowWord, "allow", actions.onAllow),
      );
      current = { kind: "finding", finding };
      place(anchor);
    }

    function showConfirm(findings, anchor, lang, actions) {
      clearTimeout(hideTimer);
      const t = strings(lang);
      const categories = [...new Set(findings.map((f) => categoryLabel(f.category, lang)))];
      card.replaceChildren();
      card.className = "card error";
      card.dataset.kind = "confirm";
      card.removeAttribute("data-rule");
      text("h2", "title", t.confirmTitle);
      text("p", "message", t.confirmBody(findings.length, categories.join(", ")));
      const row = overlay.el("div", "actions", card);
      const edit = button(t.confirmEdit, "primary edit", () => { hide(); actions.onEdit(); });
      const send = button(t.confirmSend, "send", () => { hide(); actions.onSend(); });
      row.append(edit, send);
      current = { kind: "confirm" };
      place(anchor);
      edit.focus({ preventScroll: true });
    }

    function hide() {
      clearTimeout(hideTimer);
      card.hidden = true;
      current = null;
    }

    function hideSoon() {
      if (current?.kind !== "finding") return;
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 400);
    }

    function contains(x, y) {
      if (card.hidden) return false;
      const r = card.getBoundingClientRect();
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    }

    const isOpen = () => !card.hidden;
    const kind = () => current?.kind ?? null;
    card.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    // Clicking the hover card must not take focus (and the caret) away from the editor.
    card.addEventListener("mousedown", (event) => {
      if (current?.kind === "finding") event.preventDefault();
    });
    card.addEventListener("mouseleave", hideSoon);

    return { showFinding, showConfirm, hide, hideSoon, contains, isOpen, kind };
  }

  globalThis.BijakCards = { createCards };
})();
