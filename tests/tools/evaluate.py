"""Score Bijak on a labelled corpus: recall per category and false alarms on good posts.

    python tests/tools/evaluate.py                 # dev and every holdout corpus
    python tests/tools/evaluate.py holdout --show misses,alarms
    python tests/tools/evaluate.py holdout13 --no-second-opinion   # the rules alone

A bad post counts as caught for category C when Bijak reports a C finding at warning or error level.
A good post (no labels) is a false alarm when it gets any warning or error finding.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "lib"))

from bijak import CATEGORIES, Linter, Severity  # noqa: E402

CORPUS = ROOT / "tests/corpus"
# dev: every tuning set; holdout, holdout2, holdout4-6, holdout8-10: blind sets by authors who never saw
# the rules (holdout14 to holdout17 are the freshest); holdout3, holdout7, holdout11 and holdout13: good
# posts only
CORPORA = {"dev": "dev*.jsonl", **{f"holdout{n}": f"holdout{n}.jsonl" for n in ("", *range(2, 18))}}


@dataclass
class Score:
    posts: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    good: int = 0
    alarms: int = 0
    alarm_categories: Counter[str] = field(default_factory=Counter)  # which categories cry wolf
    alarm_rules: Counter[str] = field(default_factory=Counter)  # and which of their rules
    wrong_category: int = 0
    bad: int = 0
    misses: list[str] = field(default_factory=list)
    alarm_lines: list[str] = field(default_factory=list)
    stray_lines: list[str] = field(default_factory=list)


def load(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle if line.strip()]
    return records


def score(records: list[dict], second_opinion: bool = True) -> Score:
    result = Score()
    linters: dict[str, Linter] = {}
    for record in records:
        config = {**record.get("config", {}), **({} if second_opinion else {"second_opinion": False})}
        config_key = json.dumps(config, sort_keys=True)
        if config_key not in linters:  # compile each distinct configuration once
            linters[config_key] = Linter(config or None)
        linter = linters[config_key]
        findings = linter.lint(record["text"], record.get("context"))
        serious = {f.category for f in findings if f.level >= Severity.WARNING}
        labels = set(record["labels"])
        described = ", ".join(f"{f.rule}[{f.severity}]:{f.text!r}" for f in findings)
        line = f"{record['id']} {sorted(labels)} -> {described or '-'}\n    {record['text'][:300]!r}"
        if not labels:
            result.good += 1
            if serious:
                result.alarms += 1
                result.alarm_categories.update(serious)
                result.alarm_rules.update({f.rule for f in findings if f.level >= Severity.WARNING})
                result.alarm_lines.append(line)
            continue
        result.bad += 1
        if serious - labels:
            result.wrong_category += 1
            result.stray_lines.append(line)
        for label in labels:
            result.posts[label] += 1
            if label in serious:
                result.caught[label] += 1
            else:
                result.misses.append(f"[{label}] {line}")
    return result


def report(name: str, result: Score, show: set[str]) -> None:
    print(f"\n== {name}: {result.bad} bad posts, {result.good} good posts")
    print(f"{'category':26} {'posts':>5} {'caught':>6} {'recall':>7}")
    for category in CATEGORIES:
        if result.posts[category]:
            recall = result.caught[category] / result.posts[category]
            flag = "" if recall >= 0.9 else "  <- below 0.9"
            posts, caught = result.posts[category], result.caught[category]
            print(f"{category:26} {posts:5} {caught:6} {recall:7.2f}{flag}")
    total = sum(result.posts.values())
    print(f"{'all labels':26} {total:5} {sum(result.caught.values()):6} "
          f"{sum(result.caught.values()) / max(total, 1):7.2f}")
    rate = result.alarms / max(result.good, 1)
    print(f"false alarms on good posts: {result.alarms}/{result.good} = {rate:.1%}")
    if result.alarms:
        by_category = ", ".join(f"{c} {n}" for c, n in result.alarm_categories.most_common())
        print(f"  raised by: {by_category}")
        by_rule = ", ".join(f"{r} {n}" for r, n in result.alarm_rules.most_common())
        print(f"  rules: {by_rule}")
    print(f"bad posts with an extra, unlabelled category: {result.wrong_category}/{result.bad}")
    for kind, lines in (("misses", result.misses), ("alarms", result.alarm_lines),
                        ("stray", result.stray_lines)):
        if kind in show:
            print(f"\n-- {kind} ({len(lines)})")
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=list(CORPORA),
                        help="dev, holdout, or paths to JSONL files")
    parser.add_argument("--show", default="", help="comma list: misses, alarms, stray")
    parser.add_argument("--no-second-opinion", dest="second_opinion", action="store_false",
                        help="the rules alone: no warning is demoted by bijak.opinion")
    args = parser.parse_args(argv)
    show = set(filter(None, args.show.split(",")))
    for name in args.corpora:
        paths = sorted(CORPUS.glob(CORPORA[name])) if name in CORPORA else [Path(name)]
        if not paths or not all(p.exists() for p in paths):
            print(f"{name}: no corpus found", file=sys.stderr)
            continue
        report(name, score(load(paths), args.second_opinion), show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
