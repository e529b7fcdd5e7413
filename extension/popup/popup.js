// Toolbar popup: this site on/off, engine state, categories on/off.
const api = globalThis.browser ?? globalThis.chrome;
const S = globalThis.BijakSettings;
const { strings, categoryLabel } = globalThis.BijakI18n;
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
  const box = $("categories");
  box.replaceChildren();
  for (const id of S.CATEGORIES) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.dataset.category = id;
    const lockedOff = policy.config?.categories?.[id] === false;
    input.checked = !lockedOff && settings.categories[id] !== false;
    input.disabled = lockedOff;
    input.addEventListener("change", async () => {
      const categories = { ...(await S.load()).categories, [id]: input.checked };
      await S.save({ categories });
    });
    label.append(input, categoryLabel(id, lang));
    box.append(label);
  }
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
