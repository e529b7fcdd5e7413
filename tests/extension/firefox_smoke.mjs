// Firefox smoke test: load dist/firefox into Debian's firefox-esr over WebDriver BiDi
// (puppeteer-core; Playwright cannot drive firefox-esr), open a fixture page on a host where
// Bijak is on by default (www.instagram.com, resolved to 127.0.0.1 by a pref), type into a field
// and report what the overlay shows, as JSON on stdout. BiDi refuses to navigate to
// moz-extension:// pages, so the popup cannot be driven from here.
// usage: node firefox_smoke.mjs EXTENSION_DIR PAGE_URL FIELD_SELECTOR
import puppeteer from "puppeteer-core";

const [extensionDir, pageUrl, field] = process.argv.slice(2);
const host = new URL(pageUrl).hostname;

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: "/usr/bin/firefox-esr",
  headless: true,
  acceptInsecureCerts: true,
  extraPrefsFirefox: {
    "network.dns.localDomains": host,
    // Suspend an idle event page after 12 s instead of 30 s, to test the keep-alive sooner.
    "extensions.background.idle.timeout": 12000,
    "network.proxy.type": 0,
    "app.update.enabled": false,
  },
});
const result = {};
try {
  result.id = await browser.installExtension(extensionDir);
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const waitOverlay = (attr, predicate) => page.evaluate(async (attr, predicate) => {
    const test = new Function("v", `return ${predicate}`); // eslint-disable-line no-new-func
    for (let i = 0; i < 600; i += 1) {
      const v = document.querySelector("bijak-overlay")?.getAttribute(attr);
      if (v !== undefined && v !== null && test(v)) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }, attr, predicate);
  result.state = await waitOverlay("data-state", "v === 'ready'");
  await page.click(field);
  await page.keyboard.type("Pagi semua, dasar goblok");
  result.findings = await waitOverlay("data-findings", "v !== '0'");
  result.marks = await page.evaluate(() => [...document.querySelector("bijak-overlay").shadowRoot
    .querySelectorAll(".mark")].map((m) => [Number(m.dataset.start), Number(m.dataset.end)]));
  result.value = await page.evaluate((f) => document.querySelector(f).value, field);
  result.markStyle = await page.evaluate(() => {
    const mark = document.querySelector("bijak-overlay").shadowRoot.querySelector(".mark");
    const s = getComputedStyle(mark);
    return [s.position, s.borderBottomWidth, s.borderBottomStyle];
  });
  // Idle for several suspend timeouts, then lint again: the same engine instance must answer.
  result.engineBefore = await page.evaluate(() => document.querySelector("bijak-overlay").dataset.engine);
  await new Promise((r) => setTimeout(r, 20000));
  await page.keyboard.type(" sekali");
  result.engineAfter = await page.evaluate(async () => {
    const host = document.querySelector("bijak-overlay");
    for (let i = 0; i < 600; i += 1) {
      const marks = [...host.shadowRoot.querySelectorAll(".mark")];
      if (document.querySelector("textarea").value.endsWith("sekali") && marks.length) {
        await new Promise((r) => setTimeout(r, 400)); // let the lint of the final text land
        return host.dataset.engine;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  });
} catch (error) {
  result.error = String(error?.stack ?? error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
