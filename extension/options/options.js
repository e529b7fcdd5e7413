// Options page: language, personal allowlist, categories, enforcement. Stored locally only.
const S = globalThis.BijakSettings;
const { strings } = globalThis.BijakI18n;
const $ = (id) => document.getElementById(id);

function fillTexts(t) {
  $("language-label").textContent = t.language;
  $("language-auto").textContent = t.languageAuto;
  $("enforcement-label").textContent = t.enforcement;
  $("allow-label").textContent = t.allowlist;
  $("allow-hint").textContent = t.allowHint;
  $("categories-label").textContent = t.categories;
  $("save").textContent = t.save;
  $("privacy").textContent = t.privacy;
  $("managed").textContent = t.managed;
}

function fillForm(settings, policy, lang, t) {
  $("language").value = settings.language;
  const select = $("enforcement");
  select.replaceChildren();
  for (const mode of S.ENFORCEMENT) {
    const option = new Option(t.enforcementModes[mode], mode);
    select.append(option);
  }
  select.value = S.enforcement(settings, policy);
  $("allow").value = (settings.allow ?? []).join("\n");
  globalThis.BijakCategoryBoxes.renderCategoryBoxes($("categories"), settings, policy, lang);
  $("managed").hidden = Object.keys(policy).length === 0;
}

function readForm() {
  const categories = {};
  for (const input of document.querySelectorAll("#categories input:not(:disabled)")) {
    categories[input.dataset.category] = input.checked;
  }
  const allow = [...new Set($("allow").value.split("\n").map((w) => w.trim().toLowerCase())
    .filter(Boolean))];
  return { language: $("language").value, enforcement: $("enforcement").value, allow, categories };
}

async function render() {
  const [settings, policy] = await Promise.all([S.load(), S.loadPolicy()]);
  const lang = S.language(settings);
  const t = strings(lang);
  document.documentElement.lang = lang;
  fillTexts(t);
  fillForm(settings, policy, lang, t);
  return t;
}

async function main() {
  let t = await render();
  $("save").addEventListener("click", async () => {
    await S.save(readForm());
    t = await render();
    $("status").textContent = t.saved;
  });
  // "Saved" stays until the next edit: a timer could clear it before a slow machine (or reader) sees it
  document.addEventListener("input", () => { $("status").textContent = ""; });
}

main();
