// Toolbar popup: this site on/off, engine state, categories on/off.
const api = globalThis.browser ?? globalThis.chrome;
const S = globalThis.BijakSettings;
const { strings } = globalThis.BijakI18n;
const $ = (id) => document.getElementById(id);

async function currentHost() {
  const override = new URLSearchParams(location.search).get("host"); // for tests and the demo
  if (override) return override;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  try {
    const url = new URL(tab?.url ?? "");
    return /^https?:$/.test(url.protocol) ? url.hostname : "";
  } catch {
    return "";
  }
}

async function showEngine(t) {
  for (;;) {
    let status;
    try {
      status = await api.runtime.sendMessage({ target: "engine", type: "status" });
    } catch (error) {
      status = { state: "error", error: String(error.message ?? error) };
    }
    status ??= { state: "loading" };
    $("engine").dataset.state = status.state;
    $("engine").textContent = t.state[status.state] ?? status.state;
    $("engine-error").textContent = status.state === "error" ? status.error : "";
    if (status.state !== "loading") return;
    await new Promise((r) => setTimeout(r, 300));
  }
}

function renderCategories(settings, policy, lang) {
  globalThis.BijakCategoryBoxes.renderCategoryBoxes($("categories"), settings, policy, lang,
    async (id, checked) => {
      const categories = { ...(await S.load()).categories, [id]: checked };
      await S.save({ categories });
    });
}

async function main() {
  const [settings, policy, host] = await Promise.all([S.load(), S.loadPolicy(), currentHost()]);
  const lang = S.language(settings);
  const t = strings(lang);
  document.documentElement.lang = lang;
  $("site-label").textContent = t.siteOn;
  $("engine-label").textContent = t.engine;
  $("categories-label").textContent = t.categories;
  $("options").textContent = t.options;
  $("demo").textContent = t.demo;
  $("privacy").textContent = t.privacy;
  $("host").textContent = host || "—";
  const site = $("site");
  site.disabled = !host;
  site.checked = !!host && S.siteEnabled(settings, policy, host);
  site.addEventListener("change", async () => {
    const sites = { ...(await S.load()).sites, [host]: site.checked };
    await S.save({ sites });
  });
  renderCategories(settings, policy, lang);
  await showEngine(t);
}

main();
