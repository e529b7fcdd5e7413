// Chrome: the service worker only makes sure the offscreen engine exists. Pyodide does not live
// here: a stopped worker would lose it and the next lint would pay a cold start.
const OFFSCREEN_URL = "engine/offscreen.html";
let creating = null;

async function hasOffscreen() {
  const contexts = await chrome.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] });
  return contexts.length > 0;
}

// Resolves to true when this call created the document (it then missed the message in flight).
async function ensureOffscreen() {
  if (creating) {
    await creating;
    return true;
  }
  if (await hasOffscreen()) return false;
  creating = chrome.offscreen.createDocument({
    url: OFFSCREEN_URL,
    reasons: ["WORKERS"],
    justification: "Runs the Bijak checker (Python in WebAssembly) locally, off the page's main thread.",
  });
  try {
    await creating;
  } finally {
    creating = null;
  }
  return true;
}

chrome.runtime.onStartup.addListener(() => ensureOffscreen());
chrome.runtime.onInstalled.addListener(() => ensureOffscreen());
ensureOffscreen();

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.target !== "engine") return false;
  // When the offscreen document exists it answers itself; otherwise create it and forward.
  ensureOffscreen().then(async (created) => {
    if (created) sendResponse(await chrome.runtime.sendMessage({ ...message, target: "offscreen" }));
  });
  return true;
});
