// The engine host: Pyodide + the bijak wheel, answering {target: "engine"} messages.
// Runs in the Chrome offscreen document and in the Firefox background event page.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const api = globalThis.browser ?? globalThis.chrome;

function oneLine(error) {
  const text = String(error?.message ?? error ?? "unknown error").trim();
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? text; // a Python traceback ends with the exception line
}

async function buildInfo() {
  const response = await fetch(api.runtime.getURL("build-info.json"));
  return response.json();
}

async function startPython(phases) {
  const t0 = performance.now();
  const mark = (name) => { phases[name] = Math.round(performance.now() - t0); };
  const info = await buildInfo();
  const quiet = () => {};
  const pyodide = await loadPyodide({
    indexURL: api.runtime.getURL("pyodide/"),
    stdout: quiet,
    stderr: quiet,
  });
  mark("pyodide");
  // Both resolve by name through the build's pyodide-lock.json, sha256-checked.
  await pyodide.loadPackage(info.regex ? ["regex", "bijak"] : ["bijak"], { messageCallback: quiet });
  mark("packages");
  const bridge = pyodide.pyimport("bijak.bridge");
  mark("import");
  if (typeof bridge.lint_json !== "function") throw new Error("bijak.bridge.lint_json is missing");
  bridge.lint_json("halo", "{}", "{}"); // warm up: compile rule packs before the first keystroke
  mark("warmup");
  return { bridge, info };
}

export function createEngine() {
  const startedAt = performance.now();
  // `instance` tells a warm engine from a restarted one (tests, benchmarks).
  const status = {
    state: "loading", error: "", readyMs: null, regex: null, lints: 0,
    instance: Math.random().toString(36).slice(2), phases: {}, warmLeft: null, warmMs: null,
  };
  let python = null;

  // Patterns compile on first use; compile the rest in short slices while the user is idle, so
  // the first posts after start-up are not slowed. Lint requests are answered between slices.
  function warmInSlices() {
    const sliceMs = 20;
    const step = () => {
      const answer = JSON.parse(python.bridge.warm_json("{}", sliceMs));
      status.warmLeft = answer.left ?? 0;
      if (status.warmLeft > 0) setTimeout(step, 5);
      else status.warmMs = Math.round(performance.now() - startedAt);
    };
    setTimeout(step, 5);
  }

  const ready = startPython(status.phases).then(
    (loaded) => {
      python = loaded;
      status.state = "ready";
      status.readyMs = Math.round(performance.now() - startedAt);
      status.regex = loaded.info.regexSource;
      warmInSlices();
    },
    (error) => {
      status.state = "error";
      status.error = oneLine(error);
    },
  );

  async function lint({ text, config, context }) {
    await ready;
    if (!python) return { error: status.error };
    const t0 = performance.now();
    status.lints += 1;
    try {
      const out = python.bridge.lint_json(String(text ?? ""), config ?? "{}", context ?? "{}");
      return { result: out, ms: performance.now() - t0, instance: status.instance };
    } catch (error) {
      return { error: oneLine(error) };
    }
  }

  async function rules() {
    await ready;
    if (!python) return { error: status.error };
    return { result: python.bridge.rules_json() };
  }

  async function handle(message) {
    switch (message.type) {
      case "status":
        return { ...status };
      case "lint":
        return { id: message.id, ...(await lint(message)) };
      case "rules":
        return rules();
      case "ping":
        return { pong: true };
      default:
        return { error: `unknown request ${message.type}` };
    }
  }

  return { handle, ready, status };
}
