"""Which set words hide a shorter word of another set: for pack authors.

Look-up stops at the least-stripped listed form that is not itself inflected, because derivation
changes meaning ("pelapor" is a person, "lapor" an act). So listing "kebakaran" in one set means
"kebakaran" (and "kebakarannya") never reaches "bakar" in another: often intended, sometimes a
recall leak another pack's author never sees. A word that only appears inside a listed phrase
("pesanan" of "pesanan kolektif") is known to the look-up too, so it hides its root just the same.
This lists each case, with the sets on both sides.

    python tests/tools/shadowing.py                 # every case
    python tests/tools/shadowing.py --set ancam_    # cases touching sets whose name starts so
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "lib"))

from bijak import Linter, morph  # noqa: E402
from bijak.lexicon import SHORT_ROOT, _inflected  # noqa: E402
from bijak.tokens import squeeze  # noqa: E402


def shadowed(linter: Linter) -> list[tuple[str, str, list[str], list[str]]]:
    """(listed word, hidden shorter word, sets of the first, sets only the second is in); a word
    known only from phrases has no sets of its own."""
    lexicon = linter.lexicon
    cases = []
    for word in sorted(lexicon.vocab):
        if _inflected(word):
            continue  # an inflected listing falls through to its root anyway
        sets = lexicon.single.get(word, ())
        for candidate in morph.candidates(word)[1:]:
            key = squeeze(candidate)
            if key == word or key not in lexicon.single:
                continue
            if len(key) < SHORT_ROOT and not word.startswith(candidate):
                continue
            mine = sorted(s for s in sets if not s.startswith("="))
            hidden = sorted(s for s in lexicon.single[key] if not s.startswith("=") and s not in sets)
            if hidden:
                cases.append((word, key, mine, hidden))
            break
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="", help="only cases touching sets whose name starts so")
    args = parser.parse_args()
    linter = Linter()
    cases = shadowed(linter)
    for word, key, mine, hidden in cases:
        if args.set and not any(s.startswith(args.set) for s in mine + hidden):
            continue
        where = ", ".join(mine) or ("a rule" if word in linter.lexicon.single else "a phrase")
        print(f"{word:22} hides {key:16} {', '.join(hidden)}   (listed in {where})")
    print(f"{len(cases)} listed words hide a shorter word of another set", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
