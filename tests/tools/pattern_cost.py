"""Which rule-pack patterns cost the most linting time, and which rules or sets use them.

    python tests/tools/pattern_cost.py                 # 280- and 2,000-character posts
    python tests/tools/pattern_cost.py --top 30

For pack authors: a pattern alone in a rule's first signal group runs on every post containing its
literals; the same wording as a word set, or inside a combo, usually costs a fraction of that.
CPU time per pattern is summed over posts built from the corpora, as ``bench.py`` builds them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "tests/tools"))

from bench import corpus_texts, posts_of_length  # noqa: E402
from bijak import Linter  # noqa: E402
from bijak.prefilter import Occurrences  # noqa: E402


def users(linter: Linter) -> dict[str, list[str]]:
    """Pattern -> the rules (by id) and sets (as @name) it feeds."""
    found: dict[str, list[str]] = {}
    for pattern, names in linter.sets_by_pattern.items():
        found.setdefault(pattern, []).extend(f"@{n}" for n in names)
    for compiled in linter.rules:
        for group in compiled.groups:
            for pattern in group.patterns:
                found.setdefault(pattern, []).append(compiled.rule.id)
    return found


def cost(linter: Linter, posts: list[str]) -> Counter[str]:
    """CPU seconds spent in each pattern while linting ``posts``."""
    spent: Counter[str] = Counter()
    for post in posts:
        doc = linter._document(post)  # what lint() builds; then rerun the patterns it ran, timed
        present = linter.literal_finder.present(doc.norm.text)
        occurrences = Occurrences(doc.norm.text, present)
        for pattern in doc.pattern_runs:
            started = time.process_time()
            linter.compiled_patterns[pattern].spans(doc, occurrences)
            spent[pattern] += time.process_time() - started
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--posts", type=int, default=400)
    args = parser.parse_args()
    linter = Linter()
    linter.warm(60)
    used_by = users(linter)
    texts = corpus_texts()
    for length in (280, 2000):
        posts = posts_of_length(texts, length, args.posts if length == 280 else args.posts // 4)
        spent = cost(linter, posts)
        total = sum(spent.values())
        print(f"\n{length}-char posts: {total * 1000 / len(posts):.2f} ms per post in patterns")
        for pattern, seconds in spent.most_common(args.top):
            share = seconds * 1000 / len(posts)
            print(f"{share:6.3f} ms  {', '.join(used_by.get(pattern, ['?']))[:60]:60}  {pattern[:70]}")


if __name__ == "__main__":
    main()
