"""Make the synthetic broken examples (``synthetic.jsonl``) by splicing sentences the way
machine-translated, scraped articles break. Deterministic: ``python make_synthetic.py``.

Material: well-formed sentences of the dev ground truth (the same texts serve as negatives, but
every positive here is a new, broken text). Each record: ``id``, ``source`` ("synthetic"),
``kind``, ``lang``, ``text``, ``bad`` (list of [start, end] spans that are broken) and, where
one repair is clearly right, ``expected`` (the text the stage should produce).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from cleaner.sentences import split_sentences  # noqa: E402

GT = HERE.parents[3] / "shared" / "bench" / "article-extraction-dev" / "ground-truth.json"
N_PER_KIND = 25
# How MT splices begin: the next sentence starts with a capital function word.
STARTERS = (
    "The This These Those His Her Its Their Our He She They We It In On For With At By After "
    "During But And However While When If Some Many Most As There According Despite Since"
).split()
VERBS = "said says added noted explained wrote stated announced reported warned argued".split()
DANGLING = "the a an of to in on for with from by at and or".split()
# A head ending in one of these is no sentence: the whole spliced sentence must go.
INCOMPLETE = set(DANGLING) | set("is are was were be been has have had their his her its our that".split())
ENGLISH = set("the of and to in is that for on with was as by it at from are be this have has".split())
DOUBLE = "the of to and for with from by at".split()
ORDINALS = ["1st", "2nd", "3rd", "4th", "11th", "12th", "19th", "21st", "23rd", "30th"]
WELL = re.compile(r"^[A-Z][^\n]*[a-z][.!?]$")


def sentences(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for rec in data.values():
        for s in split_sentences(rec["articleBody"]):
            english = sum(1 for w in s.lower().split() if w in ENGLISH)
            if (WELL.match(s) and 8 <= len(s.split()) <= 40 and '"' not in s and "“" not in s
                    and english >= 2):
                out.append(s)
    return out


def main() -> None:
    rng = random.Random(20240505)
    sents = sentences(GT)
    rng.shuffle(sents)
    starters = [s for s in sents if s.split()[0] in STARTERS and s.split()[1].islower()
                and s.split()[1].isalpha() and s.endswith(".")]
    verb_end = [s for s in sents if s.endswith(".") and s[:-1].split()[-1] in VERBS]
    plain = [s for s in sents if s.endswith(".")]
    recs: list[dict] = []

    def add(kind: str, text: str, bad: list[tuple[int, int]], expected: str | None) -> None:
        rec = {"id": f"syn-{kind}-{len(recs):03d}", "source": "synthetic", "kind": kind,
               "lang": "en", "text": text, "bad": [list(b) for b in bad]}
        if expected is not None:
            rec["expected"] = expected
        recs.append(rec)

    def ctx() -> str:
        return rng.choice(plain)

    # 1. a reporting verb runs into the next sentence: "... Rahmon said The current state ..."
    for i in range(N_PER_KIND):
        a, b, c = verb_end[i % len(verb_end)], starters[i], ctx()
        head = a[:-1] + " "
        text = head + b[:-1] + ". " + c
        add("verb-run-on", text, [(len(head) - 1, len(head) + len(b) - 1)], a + " " + c)
    # 2. a sentence cut after a comma clause, the next one glued on
    k = 0
    for a in plain:
        if k >= N_PER_KIND:
            break
        m = list(re.finditer(r", ((?:\w+ ){1,3}\w+) ", a))
        if not m or len(a[: m[-1].start()].split()) < 4:
            continue
        cut = m[-1].end() - 1
        if a[:cut].split()[-1].lower() in INCOMPLETE:
            continue
        b, c = starters[N_PER_KIND + k], ctx()
        text = c + " " + a[:cut] + " " + b
        start = len(c) + 1 + m[-1].start()
        add("comma-glue", text, [(start, len(text) - 1)], c + " " + a[: m[-1].start()] + ".")
        k += 1
    # 3. a sentence cut anywhere, the next one glued on
    for i in range(N_PER_KIND):
        a, b, c = plain[200 + i], starters[2 * N_PER_KIND + i], ctx()
        words = a[:-1].split()
        cut = rng.randrange(5, max(6, len(words) - 2))
        head = " ".join(words[:cut])
        if "," in head:
            head = head.replace(",", "")
        text = head + " " + b + " " + c
        add("mid-glue", text, [(len(head), len(head) + 1 + len(b) - 1)], None)
    # 4. orphan ordinal / number / lower-case word at the end of a paragraph
    for i in range(N_PER_KIND):
        a, c = plain[400 + i], ctx()
        tok = rng.choice(ORDINALS + [str(rng.randrange(1, 32)), rng.choice(DANGLING[:4])])
        text = c + " " + a + " " + tok
        add("orphan-end", text, [(len(c) + 1 + len(a), len(text))], c + " " + a)
    # 5. orphan ordinal between two sentences
    for i in range(N_PER_KIND):
        a, b = plain[500 + i], starters[3 * N_PER_KIND + i]
        tok = rng.choice(ORDINALS)
        text = a + " " + tok + " " + b
        add("orphan-mid", text, [(len(a), len(a) + 1 + len(tok))], a + " " + b)
    # 6. a doubled function word
    k = 0
    for a in plain[600:]:
        if k >= N_PER_KIND:
            break
        m = list(re.finditer(r"(?<= )(" + "|".join(DOUBLE) + r") ", a))
        if not m:
            continue
        w = rng.choice(m)
        text = a[: w.end()] + w.group(1) + " " + a[w.end() :]
        add("doubled", text, [(w.end() - 1, w.end() + len(w.group(1)))], a)
        k += 1
    # 7. a sentence cut off mid-word or after a function word, repeated whole on another line
    k = 0
    for a in plain[700:]:
        if k >= N_PER_KIND:
            break
        words = a.split()
        if len(words) < 12:
            continue
        cut = rng.randrange(7, len(words) - 3)
        if k % 2 == 0:
            w = words[cut]
            if len(w) < 5 or not w.isalpha():
                continue
            frag = " ".join(words[:cut]) + " " + w[: rng.randrange(1, len(w) - 1)]
        else:
            idx = [j for j in range(7, len(words) - 2) if words[j].lower() in DANGLING]
            if not idx:
                continue
            frag = " ".join(words[: idx[0] + 1])
        c = ctx()
        if k % 3 == 0:
            text = frag + "\n\n" + c + " " + a
            add("cut-off-repeat", text, [(0, len(frag) + 2)], c + " " + a)
        else:
            text = c + " " + a + "\n\n" + frag
            add("cut-off-repeat", text, [(len(c) + len(a) + 1, len(text))], None)
        k += 1
    out = HERE / "synthetic.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(recs)} synthetic examples -> {out}")


if __name__ == "__main__":
    main()
