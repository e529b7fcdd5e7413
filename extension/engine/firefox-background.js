// Firefox: no offscreen API, so the background event page hosts the engine. It is suspended
// after ~30 s without events; content scripts keep a port open and ping it while a page that
// Bijak checks is open, so the next keystroke never pays a cold start.
import { createEngine } from "./engine.js";

const engine = createEngine();

browser.runtime.onMessage.addListener((message) => {
  if (message?.target !== "engine") return undefined;
  return engine.handle(message);
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== "bijak-keepalive") return;
  port.onMessage.addListener(() => port.postMessage({ state: engine.status.state }));
});

// Registering these makes Firefox start the event page at browser start and on install.
browser.runtime.onStartup.addListener(() => {});
browser.runtime.onInstalled.addListener(() => {});
