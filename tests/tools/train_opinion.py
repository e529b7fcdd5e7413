"""Train the second opinion (``bijak.opinion``) on the dev corpus and write ``lib/bijak/opinion.json``.

    python tests/tools/train_opinion.py             # or: python3 build.py train
    python tests/tools/train_opinion.py --check     # is the shipped model trained on today's corpus?
    python tests/tools/train_opinion.py --select 1,10,100   # which L2 strength, on dev posts alone

Per category, an L2 logistic regression over what ``Linter.opinion_features`` reads in whole posts
(labelled posts of the category against the good posts). Its threshold is set without looking at
any blind set: the corpus files are split into five folds, each fold scored by a model trained on the
others, and the threshold is the 1st percentile of the held-out scores of the rules' *true* findings
of that category (the text around each). So a finding is doubted only where its text is less like
the category than 99% of the rules' right answers on posts by other authors. The same held-out
scores of good posts set where the model warns by itself (``alone``): above the strongest of them all.

Needs numpy and scipy (installed with the test extras); the library itself only reads the result.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "lib"))

from bijak import CATEGORIES, Linter, Severity  # noqa: E402
from bijak.engine import sentence_reads  # noqa: E402
from bijak.opinion import FILE, CategoryModel  # noqa: E402

CORPUS = ROOT / "tests/corpus"
OUTPUT = ROOT / "lib/bijak" / FILE
FOLDS = 5
C = 100.0  # inverse L2 strength: chosen on held-out dev posts (README)
MIN_POSTS = 2  # a feature must occur in this many training posts
QUANTILE = 0.01  # of held-out true findings' scores: the threshold
PRUNE = 0.1  # smaller weights are dropped: half the file and memory, as few words decide anything
SCALE = 100  # weights are stored as integer hundredths


@dataclass
class Post:
    labels: frozenset[str]
    fold: int
    words: set[str]  # the whole post, for training
    windows: dict[str, list[set[str]]] = field(default_factory=dict)  # per category: its true findings
    sentences: list[set[str]] = field(default_factory=list)  # each sentence's words, as lint reads them


def digest(paths: Sequence[Path]) -> str:
    hasher = hashlib.sha256()
    for path in paths:
        hasher.update(path.name.encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def read_posts(paths: Sequence[Path]) -> list[Post]:
    linters: dict[str, Linter] = {}
    posts = []
    for number, path in enumerate(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            config = {**record.get("config", {}), "second_opinion": False}
            key = json.dumps(config, sort_keys=True)
            if key not in linters:  # one per distinct configuration: building one takes seconds
                linters[key] = Linter(config)
            linter = linters[key]
            text, labels = record["text"], frozenset(record["labels"])
            post = Post(labels, number % FOLDS, linter.opinion_features(text))
            post.sentences = [words for _, words in sentence_reads(linter._document(text))]
            for finding in linter.lint(text, record.get("context")):
                if finding.category in labels and finding.level >= Severity.WARNING:
                    window = linter.opinion_features(text, (finding.start, finding.end))
                    post.windows.setdefault(finding.category, []).append(window)
            posts.append(post)
    return posts


def fit(posts: list[Post], strength: float = C) -> tuple[list[str], dict[str, tuple[int, dict[int, int]]]]:
    """Feature names and, per category, (bias, {feature index: weight}) in thousandths."""
    counts: dict[str, int] = defaultdict(int)
    for post in posts:
        for word in post.words:
            counts[word] += 1
    names = sorted(w for w, n in counts.items() if n >= MIN_POSTS)
    index = {name: i for i, name in enumerate(names)}
    rows = [sorted(index[w] for w in p.words if w in index) for p in posts]
    pointers = np.cumsum([0] + [len(r) for r in rows])
    columns = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(pointers[-1]))
    x = sparse.csr_matrix((np.ones(len(columns)), columns, pointers), shape=(len(posts), len(names)))
    models = {}
    for category in CATEGORIES:
        y = np.array([category in p.labels for p in posts], dtype=float)
        if y.any():  # against good posts only: the bar it must clear is set by good posts, and
            # other categories' posts would teach it to ignore the words categories share
            rows = np.array([category in p.labels or not p.labels for p in posts])
            models[category] = _logistic(x[rows], y[rows], strength)
    return names, models


def _logistic(x: sparse.csr_matrix, y: np.ndarray, strength: float) -> tuple[int, dict[int, int]]:
    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 / strength * (w[:-1] @ w[:-1])
        return value, np.append(x.T @ (p - y) + w[:-1] / strength, np.sum(p - y))

    w = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                 options={"maxiter": 300}).x  # fmt: skip
    kept = {int(i): round(w[i] * SCALE) for i in np.flatnonzero(np.abs(w[:-1]) >= PRUNE)}
    return round(w[-1] * SCALE), kept


@dataclass
class HeldOut:
    """What the five held-out folds say, per category (see ``held_out``)."""

    doubt: dict[str, int]  # below this, a warning is doubted
    alone: dict[str, int]  # from this, the model warns by itself
    reached: dict[str, tuple[int, int]]  # bad posts whose strongest stretch reaches ``alone``, of all

    def recall(self) -> float:
        """How often the model alone is sure of a bad post by an author it never saw: the measure
        that chooses settings (``--select``) without any blind set."""
        return sum(k for k, _ in self.reached.values()) / max(1, sum(n for _, n in self.reached.values()))


def held_out(posts: list[Post], strength: float = C) -> HeldOut:
    """Per category, from models each scoring the posts of a fold they were not trained on, exactly
    as the linter scores (``CategoryModel``): the QUANTILE of the scores of the rules' true findings
    (below it, a warning is doubted), one more than the strongest stretch of any good post (from
    it, the model warns by itself), and how many bad posts of the category reach that."""
    true_findings: dict[str, list[int]] = defaultdict(list)
    good: dict[str, list[int]] = defaultdict(list)
    bad: dict[str, list[int]] = defaultdict(list)
    for fold in range(FOLDS):
        names, models = fit([p for p in posts if p.fold != fold], strength)
        scorers = {c: CategoryModel(bias, 0, {names[i]: w for i, w in weights.items()})
                   for c, (bias, weights) in models.items()}  # fmt: skip
        for post in (p for p in posts if p.fold == fold):
            for category, windows in post.windows.items():
                true_findings[category] += [scorers[category].score(w) for w in windows]
            if not post.sentences:
                continue
            for category, scorer in scorers.items():
                if not post.labels or category in post.labels:
                    strongest = scorer.strongest(post.sentences)[0]
                    (bad if post.labels else good)[category].append(strongest)
    doubt = {c: sorted(s)[int(QUANTILE * len(s))] for c, s in true_findings.items()}
    alone = {c: max(s) + 1 for c, s in good.items()}
    reached = {c: (sum(s >= alone[c] for s in bad[c]), len(bad[c])) for c in bad if c in alone}
    return HeldOut(doubt, alone, reached)


def train(paths: Sequence[Path]) -> dict:
    posts = read_posts(paths)
    folds = held_out(posts)
    names, models = fit(posts)
    used = sorted({i for _, weights in models.values() for i in weights})
    renumber = {old: new for new, old in enumerate(used)}
    return {
        "trained_on": {"files": [p.name for p in paths], "posts": len(posts), "sha256": digest(paths)},
        "settings": dict(
            folds=FOLDS, C=C, min_posts=MIN_POSTS, quantile=QUANTILE, prune=PRUNE, scale=SCALE,
        ),
        "features": [names[i] for i in used],
        "categories": {
            category: {
                "bias": bias, "threshold": folds.doubt[category], "alone": folds.alone[category],
                **_steps(renumber, weights),
            }
            for category, (bias, weights) in models.items() if category in folds.doubt
        },
    }


def _steps(renumber: dict[int, int], weights: dict[int, int]) -> dict[str, list[int]]:
    """Feature numbers as steps from the one before (smaller once zipped), and their weights."""
    pairs = sorted((renumber[i], w) for i, w in weights.items())
    numbers = [number for number, _ in pairs]
    steps = [b - a for a, b in zip([0, *numbers], numbers, strict=False)]  # each from the one before
    return {"steps": steps, "weights": [w for _, w in pairs]}


def dev_paths() -> list[Path]:
    return sorted(CORPUS.glob("dev*.jsonl"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare the corpus digest")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--select", metavar="C,C,...", help="only print, per inverse L2 strength, "
                        "how often the model alone is sure of a held-out bad post")  # fmt: skip
    args = parser.parse_args(argv)
    paths = dev_paths()
    if args.select:
        posts = read_posts(paths)
        for strength in map(float, args.select.split(",")):
            recall = held_out(posts, strength).recall()
            print(f"C={strength:g}: held-out recall of the model alone {recall:.3f}")
        return 0
    if args.check:
        shipped = json.loads(args.output.read_text(encoding="utf-8"))["trained_on"]["sha256"]
        current = digest(paths)
        print("up to date" if shipped == current else "stale: run python3 build.py train")
        return 0 if shipped == current else 1
    model = train(paths)
    args.output.write_text(json.dumps(model, ensure_ascii=True, separators=(",", ":")) + "\n")
    sizes = {c: len(m["weights"]) for c, m in model["categories"].items()}
    print(f"{args.output}: {len(model['features'])} features, {sum(sizes.values())} weights, "
          f"trained on {model['trained_on']['posts']} posts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
