// Chrome: the offscreen document hosts the engine; it outlives the service worker.
import { createEngine } from "./engine.js";

const engine = createEngine();

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.target !== "engine" && message?.target !== "offscreen") return false;
  engine.handle(message).then(sendResponse);
  return true;
});
