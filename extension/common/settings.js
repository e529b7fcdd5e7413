// Settings and agency policy: one place that knows what is stored and how it becomes the
// library's config JSON. Loaded as a classic script by content scripts, popup and options.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;

  const CATEGORIES = [
    "flexing", "netralitas", "ujaran-kebencian", "sara", "hoaks", "provokasi", "pornografi",
    "penghinaan", "ancaman", "kerahasiaan", "kesantunan", "etika-kerja",
    "gratifikasi", "penyalahgunaan-wewenang", "fasilitas-negara", "perjudian",
  ];
  const BUILTIN_SITES = [
    "www.facebook.com", "web.facebook.com", "m.facebook.com", "www.instagram.com", "instagram.com",
  ];
  // "off": never pause; "confirm": pause on error-level findings; "confirm-warning": also on warnings.
  const ENFORCEMENT = ["off", "confirm", "confirm-warning"];

  const DEFAULTS = {
    language: "auto",        // "auto" | "id" | "en"
    categories: {},          // category id -> false when switched off by the user
    allow: [],               // personal allowlist ("Jangan peringatkan kata ini lagi")
    sites: {},               // hostname -> true/false (user's on/off per site)
    enforcement: "confirm",
    account: "personal",     // "personal" | "official"
  };

  async function load() {
    const stored = await api.storage.local.get(Object.keys(DEFAULTS));
    return { ...DEFAULTS, ...stored };
  }

  async function save(patch) {
    await api.storage.local.set(patch);
  }

  async function loadPolicy() {
    try {
      return (await api.storage.managed.get(null)) ?? {};
    } catch {
      return {}; // no policy installed (Firefox throws when there is no managed storage)
    }
  }

  function isBuiltinSite(host) {
    return BUILTIN_SITES.includes(host);
  }

  // Pages served from this machine (the demo, agency IT's test pages) are on by default too.
  function isLoopback(host) {
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  }

  function siteEnabled(settings, policy, host) {
    if (policy.forceSites?.includes?.(host)) return true;
    if (host in settings.sites) return settings.sites[host] === true;
    return isBuiltinSite(host) || isLoopback(host);
  }

  // The library's config = the agency policy's config, narrowed by the user's choices:
  // either side can switch a category off; allow lists are united.
  function buildConfig(settings, policy) {
    const config = structuredClone(policy.config ?? {});
    const categories = { ...(config.categories ?? {}) };
    for (const [id, on] of Object.entries(settings.categories ?? {})) {
      if (on === false) categories[id] = false;
    }
    if (Object.keys(categories).length) config.categories = categories;
    const allow = [...new Set([...(config.allow ?? []), ...(settings.allow ?? [])])];
    if (allow.length) config.allow = allow;
    return config;
  }

  function enforcement(settings, policy) {
    const rank = (m) => Math.max(0, ENFORCEMENT.indexOf(m));
    const p = policy.enforcement;
    return p && rank(p) > rank(settings.enforcement) ? p : settings.enforcement;
  }

  function language(settings) {
    if (settings.language === "id" || settings.language === "en") return settings.language;
    const ui = (api.i18n?.getUILanguage?.() ?? navigator.language ?? "id").toLowerCase();
    return ui.startsWith("en") ? "en" : "id";
  }

  function onChange(callback) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === "local" || area === "managed") callback(changes, area);
    });
  }

  globalThis.BijakSettings = {
    CATEGORIES, BUILTIN_SITES, ENFORCEMENT, DEFAULTS,
    load, save, loadPolicy, siteEnabled, isBuiltinSite, isLoopback, buildConfig, enforcement, language, onChange,
  };
})();
