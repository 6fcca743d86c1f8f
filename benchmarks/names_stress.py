"""A synthetic corpus with many distinct person names, for `clean names`' memory bound.

    python benchmarks/names_stress.py [--scale 1] -o stress.jsonl

``--scale k``: 50,000 k documents of 8 sentences, each naming one person ("Given Surname"), out
of 200,000 k persons: a quarter of the mentions go to 2,000 frequent persons, the rest to all of
them alike, so the long tail (most seen once or twice) grows with the input, as on news. A
surname is spelled -ov or -ow (the same variant key), so persons seen twice may form a group.
The benchmark corpus has few distinct names; this is the input where exact counting grows.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ve", "zo", "ni", "pe", "sa", "bo", "du", "fe", "go", "li", "ma"]
GIVEN = [a.title() + b + c for a in SYLLABLES for b in SYLLABLES[:6] for c in ("n", "r", "m")][:240]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["talks", "budget", "merger", "vote", "match", "trial", "strike", "summit", "deal", "audit"]
VERBS = ["went well", "stalled", "would resume", "had ended", "was delayed", "looked likely"]


def person(p: int, rnd: random.Random) -> str:
    """Person ``p``'s name, its surname spelled -ov or -ow at random."""
    stem, g = divmod(p, len(GIVEN))
    s = ""
    for _ in range(3):
        stem, k = divmod(stem, len(SYLLABLES))
        s += SYLLABLES[k]
    s += SYLLABLES[stem % len(SYLLABLES)]
    return f"{GIVEN[g]} {s.title()}{'ow' if rnd.random() < 0.3 else 'ov'}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    rnd = random.Random(a.scale)
    persons = 200_000 * a.scale
    with Path(a.output).open("w", encoding="utf-8") as f:
        for d in range(50_000 * a.scale):
            sentences = []
            for _ in range(8):
                p = min(int(rnd.paretovariate(1.0)) - 1, 1_999) if rnd.random() < 0.25 else rnd.randrange(persons)
                sentences.append(f"{person(p, rnd)} said on {rnd.choice(DAYS)} that the {rnd.choice(TOPICS)} "
                                 f"{rnd.choice(VERBS)} after {rnd.randrange(2, 90)} days.")
            f.write(json.dumps({"id": str(d), "text": " ".join(sentences)}) + "\n")


if __name__ == "__main__":
    main()
