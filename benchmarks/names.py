"""Benchmark `cleaner.names.variant_key` as a same-name pair classifier against phonetic codes.

Usage: python benchmarks/names.py [PAIRS.tsv]   (default: shared/bench/name-variants-dev.tsv)

A pair is predicted "same" when the two keys are equal. The spelling rules were tuned on the
"tune" half of the pairs only (split by a hash of the pair); the "holdout" half shows whether they
generalise. Prints a markdown table of precision, recall and F1 per method and split.
"""

from __future__ import annotations

import csv
import hashlib
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import jellyfish

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cleaner.names import variant_key  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "name-variants-dev.tsv"
if not DEFAULT.exists():
    DEFAULT = Path("/work/shared/bench/name-variants-dev.tsv")


def fold(s: str) -> str:
    """Transliteration + lower case as a unidecode-like baseline: accents stripped, lower-cased."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


METHODS: dict[str, Callable[[str], str]] = {
    "variant_key": variant_key,
    "fold+lower": fold,
    "soundex": lambda s: jellyfish.soundex(fold(s)),
    "metaphone": lambda s: jellyfish.metaphone(fold(s)),
    "nysiis": lambda s: jellyfish.nysiis(fold(s)),
}


def split_of(a: str, b: str) -> str:
    h = int(hashlib.md5(f"{a}|{b}".encode()).hexdigest(), 16)
    return "tune" if h % 2 == 0 else "holdout"


def score(rows: list[tuple[str, str, bool]], f: Callable[[str], str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for a, b, same in rows:
        eq = f(a) == f(b)
        tp += eq and same
        fp += eq and not same
        fn += (not eq) and same
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(path: Path = DEFAULT) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = [(r["name_a"], r["name_b"], r["same"] == "1")
                for r in csv.DictReader(f, delimiter="\t")]
    parts = {"all": rows}
    for name in ("tune", "holdout"):
        parts[name] = [r for r in rows if split_of(r[0], r[1]) == name]
    print(f"{len(rows)} pairs from {path.name}\n")
    print("| method | split | pairs | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for method, f in METHODS.items():
        for part, sub in parts.items():
            p, r, f1 = score(sub, f)
            print(f"| {method} | {part} | {len(sub)} | {p:.3f} | {r:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
