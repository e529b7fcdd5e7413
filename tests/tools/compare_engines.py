"""Compare the speed of this tree's engine with an older commit's, on the same rule packs, in one
process with alternating runs (so a busy machine slows both alike). Also counts posts whose
findings differ.

    python tests/tools/compare_engines.py 4834142          # that commit's engine vs this tree's
    python tests/tools/compare_engines.py HEAD~5 --rounds 6
    python tests/tools/compare_engines.py 2f699ea --whole  # each commit's own packs and defaults
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "tests/tools"))

from bench import corpus_texts, posts_of_length  # noqa: E402
from bijak import Linter  # noqa: E402
from bijak.rules import load_rulebook  # noqa: E402


def old_engine(commit: str, folder: Path):  # -> the old package, imported as ``bijak_old``
    archive = subprocess.run(
        ["git", "archive", commit, "lib/bijak"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "lib/bijak").rename(folder / "bijak_old")  # relative imports: any name works
    sys.path.insert(0, str(folder))
    return importlib.import_module("bijak_old")


def _whole_old_linter(old, folder: Path):
    """The old commit's linter with its own packs and model: its modules find their data files under
    the name ``bijak``, which is this tree's package, so both are handed over explicitly."""
    own = sorted((p.name, p.read_text(encoding="utf-8")) for p in (folder / "rules").glob("*.toml"))
    book = importlib.import_module("bijak_old.rules").rulebook_from_packs(own)
    model = folder / "opinion.json"
    if not model.exists():
        return old.Linter(rulebook=book)
    opinion = importlib.import_module("bijak_old.opinion")
    return old.Linter(rulebook=book, second_opinion=opinion.SecondOpinion(json.loads(model.read_text())))


def _summary(findings: list) -> list[tuple[str, int, int]]:
    return [(f.rule, f.start, f.end) for f in findings]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", help="the older commit whose engine to compare")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--whole", action="store_true",
                        help="compare the whole linters: each commit's own packs, second opinion and all")
    args = parser.parse_args()
    texts = corpus_texts()
    packs = sorted((p.name, p.read_text(encoding="utf-8")) for p in (ROOT / "lib/bijak/rules").glob("*.toml"))
    with tempfile.TemporaryDirectory() as tmp:
        old = old_engine(args.commit, Path(tmp))
        if args.whole:
            linters = {args.commit: _whole_old_linter(old, Path(tmp) / "bijak_old"), "this tree": Linter()}
        else:
            old_book = importlib.import_module("bijak_old.rules").rulebook_from_packs(packs)
            linters = {args.commit: old.Linter(rulebook=old_book),
                       "this tree": Linter(rulebook=load_rulebook())}  # fmt: skip
        for length, count in ((280, 500), (2000, 100)):
            posts = posts_of_length(texts, length, count)
            answers = [[_summary(lin.lint(p)) for p in posts] for lin in linters.values()]
            same = sum(a == b for a, b in zip(*answers, strict=True))
            spent = dict.fromkeys(linters, 0.0)
            for _ in range(args.rounds):
                for name, linter in linters.items():
                    started = time.process_time()
                    for post in posts:
                        linter.lint(post)
                    spent[name] += time.process_time() - started
            times = ", ".join(f"{name} {spent[name] / args.rounds / count * 1000:.2f} ms" for name in linters)
            print(f"{length}-char posts: {times} per post; identical findings on {same}/{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
