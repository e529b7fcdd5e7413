// Wiring: watch the focused field, send its text to the engine, draw what comes back.
(() => {
  if (globalThis.__bijakLoaded) return;
  globalThis.__bijakLoaded = true;

  const api = globalThis.browser ?? globalThis.chrome;
  const S = globalThis.BijakSettings;
  const A = globalThis.BijakAdapters;
  const { strings } = globalThis.BijakI18n;
  const DEBOUNCE_MS = 150;
  const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
  const isFirefox = api.runtime.getURL("").startsWith("moz-extension:");

  // The bundled demo page is an extension page that loads these scripts itself.
  const isDemo = location.protocol.endsWith("-extension:");
  // Local pages behave like the demo: comment boxes send on Enter, as on Facebook and Instagram.
  const site = isDemo || S.isLoopback(location.hostname) ? "demo" : A.siteOf(location.hostname);
  const overlay = globalThis.BijakOverlay.createOverlay();
  const cards = globalThis.BijakCards.createCards(overlay);

  let settings = S.DEFAULTS;
  let policy = {};
  let configJson = "{}";
  let enabled = false;
  let engineState = "loading";
  let active = null; // the field being watched
  let timer = 0;
  let seq = 0;
  let composing = false;
  const fields = new WeakMap(); // field -> {text, snapshot, findings, ignored:Set}
  const observer = new MutationObserver(() => changed());
  const resizeObserver = new ResizeObserver(() => redraw());

  const lang = () => S.language(settings);
  const key = (f) => `${f.rule}\u0000${f.text.toLowerCase()}`;

  function dataFor(field) {
    if (!fields.has(field)) fields.set(field, { text: "", findings: [], ignored: new Set() });
    return fields.get(field);
  }

  function shown(field) {
    const data = dataFor(field);
    return data.findings.filter((f) => !data.ignored.has(key(f)));
  }

  async function send(message) {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const response = await api.runtime.sendMessage({ target: "engine", ...message });
        if (response) return response;
      } catch {
        // the engine's document is being (re)created: try again shortly
      }
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
    return { error: "engine unreachable" };
  }

  function setState(state) {
    engineState = state;
    overlay.setState(enabled ? state : "off");
  }

  async function pollEngine() {
    while (enabled) {
      const status = await send({ type: "status" });
      if (status.state && status.state !== "loading") {
        setState(status.state);
        return;
      }
      setState("loading");
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  function keepAlive() {
    if (!isFirefox) return;
    const connect = () => {
      const port = api.runtime.connect({ name: "bijak-keepalive" });
      const ping = setInterval(() => port.postMessage("ping"), 5000);
      port.onDisconnect.addListener(() => {
        clearInterval(ping);
        if (enabled) setTimeout(connect, 1000);
      });
    };
    connect();
  }

  function localIso(date) {
    const pad = (n) => String(Math.abs(n)).padStart(2, "0");
    const off = -date.getTimezoneOffset();
    const sign = off >= 0 ? "+" : "-";
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
      `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
      `${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
  }

  // The field changed. An emptied field means the post went out: "Abaikan" held for that post only.
  function changed() {
    if (!active) return;
    if (!A.read(active).text.trim()) dataFor(active).ignored.clear();
    schedule(DEBOUNCE_MS);
  }

  function schedule(delay) {
    if (!enabled || !active) return;
    clearTimeout(timer);
    timer = setTimeout(lint, delay);
  }

  async function lint() {
    const field = active;
    if (!field || composing || !enabled) return;
    const snapshot = A.read(field);
    const data = dataFor(field);
    if (data.snapshot && data.text === snapshot.text && data.config === configJson) {
      redraw(); // a re-render or a caret move: same text, same answer
      return;
    }
    const id = ++seq;
    const context = JSON.stringify({ posted_at: localIso(new Date()), account: settings.account });
    const response = await send({ type: "lint", id, text: snapshot.text, config: configJson, context });
    if (id !== seq || field !== active) return; // a newer lint is on its way
    if (response.error) {
      setState("error");
      overlay.host.setAttribute("data-error", response.error);
      return;
    }
    const parsed = JSON.parse(response.result);
    if (parsed.error) {
      setState("error");
      overlay.host.setAttribute("data-error", parsed.error);
      return;
    }
    if (engineState !== "ready") setState("ready");
    overlay.host.removeAttribute("data-error");
    overlay.host.dataset.engine = response.instance; // which engine answered (support, tests)
    data.text = snapshot.text;
    data.config = configJson;
    data.snapshot = snapshot;
    data.findings = parsed.findings;
    redraw();
  }

  function worst(findings) {
    let best = "info";
    for (const f of findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
    return best;
  }

  function redraw() {
    if (!active || !enabled) {
      overlay.clear();
      return;
    }
    const data = dataFor(active);
    const findings = shown(active);
    overlay.setCount(findings.length);
    if (!data.snapshot) return;
    // Editors such as Lexical re-render their DOM without changing the text: map the offsets
    // onto the current nodes. A changed text waits for its own result.
    const current = A.read(active);
    if (current.text !== data.text) return;
    data.snapshot = current;
    const box = active.getBoundingClientRect();
    const items = findings.map((finding) => ({
      finding,
      rects: A.rects(active, data.snapshot, finding.start16, finding.end16, overlay.mirror),
    }));
    overlay.draw(items, box);
    overlay.drawBadge(findings.length, worst(findings), box, strings(lang()).badgeTitle(findings.length));
  }

  let frame = 0;
  function redrawSoon() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      redraw();
    });
  }

  // A composer dialog that closes takes its field away: drop its marks with it.
  // Pages change a textarea's value from script (a React reset after posting) without events.
  setInterval(() => {
    if (!overlay.host.isConnected) document.documentElement.append(overlay.host); // page rebuilt <html>
    if (active && !active.isConnected) activate(null);
    if (!enabled || !active || !("value" in active) || composing) return;
    if (active.value !== dataFor(active).text) changed();
  }, 400);

  function activate(field) {
    if (field === active) return;
    observer.disconnect();
    resizeObserver.disconnect();
    active = field;
    cards.hide();
    overlay.clear();
    if (!field) return;
    observer.observe(field, { characterData: true, childList: true, subtree: true });
    resizeObserver.observe(field);
    overlay.setCount(shown(field).length);
    schedule(0);
  }

  function showCardAt(x, y) {
    if (cards.kind() === "confirm") return;
    if (cards.contains(x, y)) return;
    const mark = overlay.hit(x, y);
    if (!mark) {
      overlay.highlight(null);
      cards.hideSoon();
      return;
    }
    const field = active;
    const finding = mark.finding;
    overlay.highlight(finding);
    const anchor = mark.rects.find((r) => x >= r.left && x <= r.right) ?? mark.rects[0];
    cards.showFinding(finding, anchor, lang(), {
      onIgnore: () => {
        dataFor(field).ignored.add(key(finding));
        cards.hide();
        redraw();
      },
      onAllow: async () => {
        cards.hide();
        const word = finding.text.trim().toLowerCase();
        const allow = [...new Set([...(settings.allow ?? []), word])];
        await S.save({ allow }); // storage.onChanged re-lints with the new config
      },
    });
  }

  function blocking(field) {
    const mode = S.enforcement(settings, policy);
    if (mode === "off" || !enabled) return [];
    const floor = mode === "confirm-warning" ? 2 : 3;
    if (A.read(field).text !== dataFor(field).text) return []; // never hold on a stale result
    return shown(field).filter((f) => SEVERITY_RANK[f.severity] >= floor);
  }

  function confirm(findings, anchor, onSend) {
    const field = active;
    cards.showConfirm(findings, anchor, lang(), {
      onEdit: () => field?.focus(),
      onSend,
    });
  }

  async function refreshSettings() {
    [settings, policy] = await Promise.all([S.load(), S.loadPolicy()]);
    configJson = JSON.stringify(S.buildConfig(settings, policy));
    const wasEnabled = enabled;
    enabled = isDemo || S.siteEnabled(settings, policy, location.hostname);
    if (!enabled) {
      overlay.setState("off");
      activate(null);
      return;
    }
    if (!wasEnabled) {
      keepAlive();
      pollEngine();
      activate(A.fieldFor(document.activeElement, site));
    }
    setState(engineState);
    if (active) schedule(0);
  }

  document.addEventListener("focusin", (event) => {
    if (!enabled) return;
    const target = event.composedPath()[0];
    const field = A.fieldFor(target, site);
    // Another editable field that Bijak leaves alone (Messenger, a search box): show nothing.
    // Focus on anything else (the Post button, the card) keeps the field being written.
    if (field || A.isEditable(target)) activate(field);
  }, true);
  document.addEventListener("input", (event) => {
    if (active && (event.target === active || active.contains(event.target))) changed();
  }, true);
  document.addEventListener("compositionstart", () => { composing = true; }, true);
  document.addEventListener("compositionend", () => {
    composing = false;
    schedule(DEBOUNCE_MS);
  }, true);
  window.addEventListener("scroll", redrawSoon, { capture: true, passive: true });
  window.addEventListener("resize", redrawSoon, { passive: true });
  document.addEventListener("mousemove", (event) => {
    if (active) showCardAt(event.clientX, event.clientY);
  }, { passive: true });
  document.addEventListener("mouseup", (event) => {
    if (active) showCardAt(event.clientX, event.clientY);
  }, { passive: true });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && cards.isOpen()) {
      const wasConfirm = cards.kind() === "confirm";
      cards.hide();
      if (wasConfirm) active?.focus();
    }
  }, true);
  overlay.badge.addEventListener("click", () => {
    const first = active && shown(active)[0];
    if (!first) return;
    const rects = A.rects(active, dataFor(active).snapshot, first.start16, first.end16, overlay.mirror);
    if (rects[0]) showCardAt(rects[0].left + 1, rects[0].top + rects[0].height / 2);
  });

  globalThis.BijakSubmit.installSubmitGuard({ activeField: () => active, site, blocking, confirm });
  S.onChange(() => refreshSettings());
  refreshSettings();
})();
