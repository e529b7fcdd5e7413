"""Benchmark the library: throughput of ``bijak check --jsonl`` and latency of one ``lint()`` call,
on CPython and inside Pyodide under Node. Prints a Markdown table for the README.

    python tests/tools/bench.py            # full run (about a minute)
    python tests/tools/bench.py --quick

Posts are built from the labelled corpora (real-looking text, good and bad), cut or joined to length.
The jsonl run is pinned to one core with ``taskset`` where available and includes process start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "lib"), str(ROOT)]

from bijak import Linter  # noqa: E402

import build  # noqa: E402


def corpus_texts(good_only: bool = False) -> list[str]:
    """Texts of every labelled corpus (over 40% bad, dense with trigger words: a hard case),
    or of its good posts only (closer to what an ASN usually types)."""
    texts = []
    for path in sorted((ROOT / "tests/corpus").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        texts += [r["text"] for r in records if not (good_only and r.get("labels"))]
    if not texts:
        raise SystemExit("no corpus under tests/corpus to build posts from")
    return texts


def posts_of_length(texts: list[str], length: int, count: int) -> list[str]:
    """``count`` distinct posts of exactly ``length`` characters, joined from corpus texts."""
    posts, index = [], 0
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(texts[index % len(texts)])
            index += 7  # stride, so consecutive posts differ
        posts.append(" ".join(parts)[:length])
        index += 1
    return posts


def jsonl_throughput(posts: list[str]) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for number, post in enumerate(posts):
            f.write(json.dumps({"id": number, "text": post}, ensure_ascii=False) + "\n")
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    command = [*pin, sys.executable, "-m", "bijak", "check", "--jsonl", f.name]
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=False, cwd=ROOT)
    elapsed = time.perf_counter() - started
    os.unlink(f.name)
    return len(posts) / elapsed


def latency_ms(linter: Linter, posts: list[str]) -> tuple[float, float]:
    """Steady state: patterns compiled (the extension compiles them in the background after
    start-up; otherwise a pattern's first use pays its compile) and caches warm."""
    linter.warm(60)
    linter.settle()  # as the CLI and the extension do
    for post in posts[:50]:
        linter.lint(post)
    samples = []
    for post in posts:
        started = time.perf_counter()
        linter.lint(post)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.99 * (len(samples) - 1))]


def pyodide_latency(posts: list[str], rounds: int) -> dict | None:
    if not shutil.which("node") or not (ROOT / "node_modules/pyodide").is_dir():
        print("(skipping Pyodide: run `python build.py setup` first)", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build.build_wheel(Path(tmp) / "wheel")  # the extension's, prepared results included
        texts = Path(tmp) / "posts.json"
        texts.write_text(json.dumps(posts), encoding="utf-8")
        runner = ROOT / "tests/tools/pyodide_node.mjs"
        out = subprocess.run(
            ["node", str(runner), str(wheel), "bench", str(texts), str(rounds)],
            capture_output=True, text=True, cwd=ROOT, check=True,
        )  # fmt: skip
        return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer posts, for a smoke run")
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0
    texts = corpus_texts()
    short = posts_of_length(texts, 280, int(20000 * scale))
    long = posts_of_length(texts, 2000, int(4000 * scale))
    linter = Linter()
    rows = [
        ("`bijak check --jsonl`, 280-char posts, 1 core", f"{jsonl_throughput(short):,.0f} posts/s"),
        ("`bijak check --jsonl`, 2,000-char posts, 1 core", f"{jsonl_throughput(long):,.0f} posts/s"),
    ]
    good = corpus_texts(good_only=True)
    for label, posts in (
        ("280-char", short[:3000]),
        ("2,000-char", long[:3000]),
        ("2,000-char good-only", posts_of_length(good, 2000, int(3000 * scale))),
    ):
        p50, p99 = latency_ms(linter, posts)
        rows.append((f"`lint()` CPython, {label} post", f"p50 {p50:.2f} ms, p99 {p99:.2f} ms"))
    pyodide = pyodide_latency(long[:500], int(1000 * scale) or 100)
    if pyodide:
        rows.append(("`lint_json()` Pyodide 314 under Node, 2,000-char post",
                     f"p50 {pyodide['p50']:.2f} ms, p99 {pyodide['p99']:.2f} ms"))
        rows.append(("Pyodide start + wheel import (Node)", f"{pyodide['ready_ms']:.0f} ms"))
        heaps = (pyodide[k] for k in ("heap_before_mb", "heap_ready_mb", "heap_end_mb"))
        rows.append(("Pyodide WebAssembly heap: bare / linter ready / after the run",
                     " / ".join(f"{mb:.1f} MiB" for mb in heaps)))
    print(f"\nPython {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
