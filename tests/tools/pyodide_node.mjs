// Run the bijak wheel inside real Pyodide under Node (the same runtime the extension bundles).
//   node tests/tools/pyodide_node.mjs <wheel> parity <texts.json>   -> prints lint_json results as JSON
//   node tests/tools/pyodide_node.mjs <wheel> bench <texts.json> <rounds> -> prints latency stats (ms)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const { loadPyodide } = require("pyodide");

const [wheelPath, mode, textsPath, roundsArg] = process.argv.slice(2);
const started = performance.now();
const pyodide = await loadPyodide();
// the WebAssembly heap only grows: its size after start-up is what the extension keeps for good
const heapMb = () => pyodide._module.HEAP8.buffer.byteLength / 1048576;
const heapBefore = heapMb();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
const bridge = pyodide.pyimport("bijak.bridge");
const ready = performance.now() - started;
const texts = JSON.parse(readFileSync(textsPath, "utf8"));

if (mode === "parity") {
  const hasRegex = pyodide.runPython("import importlib.util; importlib.util.find_spec('regex') is not None");
  const results = texts.map((text) => JSON.parse(bridge.lint_json(text)));
  process.stdout.write(JSON.stringify({ regex: hasRegex, results }));
} else if (mode === "bench") {
  const rounds = Number(roundsArg || 200);
  bridge.warm_json("{}", 60000); // compile every pattern, as the extension does after start-up
  for (const text of texts.slice(0, 20)) bridge.lint_json(text); // warm the caches, as in the browser
  const heapReady = heapMb();
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const text = texts[i % texts.length];
    const t0 = performance.now();
    bridge.lint_json(text);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  process.stdout.write(JSON.stringify({
    ready_ms: ready, p50: pick(0.5), p99: pick(0.99), n: rounds,
    heap_before_mb: heapBefore, heap_ready_mb: heapReady, heap_end_mb: heapMb(),
  }));
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
