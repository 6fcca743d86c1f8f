"""Throughput benchmark: ratios measured in one run, so a loaded machine skews them all alike.

    python benchmarks/throughput.py [--mb 100] [--sample-mb 2] [--cli-mb MB] [--cli-repeat 3] [--repeat 5] [--rss-mb 0] [--stream-mb 0]
    python benchmarks/throughput.py --stages | --more [--passes-mb 16]

The first rows are the issue's measure: ``clean`` on the dev pages' whole-page text (the
``html_text`` cache of ``benchmarks/quality.py``, else extracted from the dev set) as a ratio to
``ftfy.fix_text`` alone on the same texts, measured in the same run.

The corpus (``benchmarks/.cache/corpus-<MB>mb.jsonl``, cached) is built from the dev pages'
whole-page text, the ground-truth texts and the seeds, repeated with variation (paragraphs
shuffled, numbers changed, some mojibake and boilerplate injected). In-process ratios use the
first ``--sample-mb`` of it, every pass with cold memos (``--stream-mb 100`` also streams the
whole corpus through one long-lived cleaner, as ``clean --jobs 1`` runs); the ``--jobs`` comparison runs ``clean`` on the whole corpus (the
issue's measure; ``--cli-mb`` takes only its first MB, where start-up weighs more);
``--rss-mb 1000`` cleans a 1 GB file to measure peak memory per process; ``--stages`` prints
only where the time goes, stage by stage, on the dev pages; ``--more`` only ``--jobs 2`` against
``--jobs 1`` on HTML pages and on the corpus passes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
DEV = Path("/work/shared/bench/article-extraction-dev")
CLEAN = [sys.executable, "-m", "cleaner.cli"]
BOILER = ["Share this article", "Follow us on Twitter", "Subscribe to our newsletter", "Advertisement",
          "Read more:", "Cookie settings", "All rights reserved.", "Skip to main content"]
MOJIBAKE = [("é", "Ã©"), ("’", "â€™"), ("“", "â€œ"), ("ü", "Ã¼")]


def base_texts() -> list[str]:
    """Whole-page text of the dev pages, the ground-truth texts and the seeds."""
    texts: list[str] = []
    html = sorted((DEV / "html").glob("*.html.gz"))
    if html:
        import html_text

        for p in html:
            try:
                texts.append(html_text.extract_text(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")))
            except Exception:  # a page html_text cannot parse is just not used
                continue
    gt = DEV / "ground-truth.json"
    if gt.exists():
        data = json.loads(gt.read_text())
        items = data.values() if isinstance(data, dict) else data
        for v in items:
            t = v.get("articleBody") or v.get("text") if isinstance(v, dict) else v
            if isinstance(t, str) and t.strip():
                texts.append(t)
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [t for t in texts if t.strip()]


def vary(text: str, rnd: random.Random) -> str:
    """A new document from an old one: shuffled paragraphs, other numbers, some noise."""
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 3:
        mid = paras[1:-1]
        rnd.shuffle(mid)
        paras = [paras[0], *mid[: rnd.randint(2, len(mid))], paras[-1]]
    out = re.sub(r"\d+", lambda m: str(rnd.randint(0, 10 ** len(m.group()))), "\n".join(paras))
    if rnd.random() < 0.2:
        a, b = rnd.choice(MOJIBAKE)
        out = out.replace(a, b)
    if rnd.random() < 0.5:
        out = rnd.choice(BOILER) + "\n" + out + "\n" + rnd.choice(BOILER)
    return out


def corpus(mb: int, seed: int = 7) -> Path:
    """A cached JSON Lines corpus of about ``mb`` megabytes."""
    path = CACHE / f"corpus-{mb}mb.jsonl"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    base = base_texts()
    tmp = path.with_suffix(".tmp")
    size, i = 0, 0
    with tmp.open("wb") as f:
        while size < mb * 1_000_000:
            line = (json.dumps({"id": i, "url": f"https://example{i % 50}.com/a/{i}", "text": vary(rnd.choice(base), rnd)},
                               ensure_ascii=False) + "\n").encode()
            f.write(line)
            size += len(line)
            i += 1
    tmp.replace(path)
    return path


def head(path: Path, mb: float) -> Path:
    """The first ``mb`` megabytes of a corpus, as its own cached file."""
    out = CACHE / f"{path.stem}-head{mb:g}.jsonl"
    if not out.exists():
        with path.open("rb") as f, out.open("wb") as g:
            n = 0
            for line in f:
                if n >= mb * 1_000_000:
                    break
                g.write(line)
                n += len(line)
    return out


def dev_page_texts() -> list[str]:
    """The dev pages' whole-page text (``html_text``), as `quality.py` caches it, else extracted."""
    cached = sorted(CACHE.glob("html_text-*.json"), key=lambda p: p.stat().st_mtime)
    if cached:
        data = json.loads(cached[-1].read_text(encoding="utf-8"))
        return [t for _, t in sorted(data.items()) if isinstance(t, str) and t.strip()]
    html = sorted((DEV / "html").glob("*.html.gz"))
    if not html:
        return []
    import html_text

    out = []
    for p in html:
        try:
            out.append(html_text.extract_text(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")))
        except Exception:  # a page html_text cannot parse is just not used
            continue
    return [t for t in out if t.strip()]


def clear_caches() -> None:
    """Empty the per-line and per-token memos of the package (every ``functools.lru_cache`` of a
    ``cleaner`` module holding 2,048 entries or more, or marked ``holds_memo``: a small cache whose
    values are memos of words), so a timed pass starts cold: no line seen before, as on a new
    corpus. The small caches of compiled patterns and loaded tables stay: a long run builds them
    once."""
    for name, module in list(sys.modules.items()):
        if name != "cleaner" and not name.startswith("cleaner."):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and (info().maxsize is None or info().maxsize >= 2048 or getattr(value, "holds_memo", False)):
                value.cache_clear()


def best_of(n: int, fn: Callable[[str], object], texts: list[str]) -> float:
    """The fastest of ``n`` timed passes (another process on the machine only slows a pass)."""
    return min(timed(fn, texts) for _ in range(n))


def texts_of(path: Path) -> list[str]:
    with path.open("rb") as f:
        return [json.loads(line)["text"] for line in f]


def timed(fn: Callable[[str], object], texts: list[str]) -> float:
    t = time.perf_counter()
    for s in texts:
        fn(s)
    return time.perf_counter() - t


def phrase_pack(folder: Path, n: int, seed: int = 3) -> Path:
    """A synthetic boilerplate pack of ``n`` random multi-word line phrases."""
    rnd = random.Random(seed)
    words = [f"w{rnd.randrange(10**6):x}" for _ in range(5000)]
    phrases = sorted({" ".join(rnd.choices(words, k=rnd.randint(2, 6))) for _ in range(n)})
    folder.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(json.dumps(p) for p in phrases)
    (folder / "synthetic.toml").write_text(
        f'[pack]\nid = "boilerplate.synthetic"\n\n[[rule]]\nid = "boilerplate.synthetic.n{n}"\nkind = "line"\n'
        f'where = "any"\nsafety = "safe"\nwhy = "benchmark: a large phrase pack"\n'
        f"remove = [{json.dumps(phrases[0])}]\nphrases = [\n{body}\n]\n", encoding="utf-8")
    return folder


# Runs ``clean`` and prints its wall time and the peak RSS (kB) of its largest process, from a
# small process of its own: measured from this one, the peak would be this process's size (a
# child starts as a copy of it, and here it holds the texts and a 10⁵-phrase pack), not clean's.
_TIMED = ("import resource, subprocess, sys, time; t = time.perf_counter(); subprocess.run(sys.argv[1:]); "
          "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run_cli(args: list[str]) -> tuple[float, int]:
    """Wall time of ``clean args`` and the peak RSS (kB) of its largest process."""
    done = subprocess.run([sys.executable, "-c", _TIMED, *CLEAN, *args], check=True, stdout=subprocess.PIPE, text=True)
    seconds, kb = done.stdout.split()[-2:]
    return float(seconds), int(kb)


def paired(texts: list[str], skip: tuple[str, ...], n: int) -> tuple[float, str, str]:
    """``n`` passes of ``ftfy.fix_text`` each followed by one of a new cleaner with cold caches
    (no line seen before): the median of the pairs' ratios, the best MB/s of each, the range.
    The shared machine's speed drifts by a third within a minute; a pair sees the same drift."""
    import ftfy

    from cleaner.api import Cleaner

    mb = sum(len(s.encode()) for s in texts) / 1e6
    ratios, best, best_ftfy = [], float("inf"), float("inf")
    for _ in range(n):
        t_ftfy = timed(ftfy.fix_text, texts)
        clear_caches()
        c = Cleaner.default(skip=skip)
        c.clean("warm up")
        t = timed(c.clean, texts)
        ratios.append(t_ftfy / t)
        best, best_ftfy = min(best, t), min(best_ftfy, t_ftfy)
    return (statistics.median(ratios), f"{mb / best:.2f} vs {mb / best_ftfy:.2f} MB/s",
            f"{min(ratios):.2f}–{max(ratios):.2f}")


def streamed(path: Path, mb: float, chunk_mb: float = 2.0) -> tuple[float, float, float]:
    """The first ``mb`` of ``path`` cleaned as ``clean --jobs 1`` cleans a file, in process: one
    long-lived `Cleaner` (its memos warm as the run goes on), the text in chunks of ``chunk_mb``,
    each chunk timed with ``ftfy.fix_text``, the full pipeline and the pipeline without the
    unicode stage one after the other (so the three see the same drift). Returns the ratios
    full / ftfy and no-unicode / ftfy over the whole run, and the MB cleaned."""
    import ftfy

    from cleaner.api import Cleaner

    full, no_unicode = Cleaner.default(), Cleaner.default(skip=("unicode",))
    spent = [0.0, 0.0, 0.0]
    done = 0.0

    def run(texts: list[str]) -> None:
        for k, fn in enumerate((ftfy.fix_text, full.clean, no_unicode.clean)):
            t = time.process_time()
            for s in texts:
                fn(s)
            spent[k] += time.process_time() - t

    chunk: list[str] = []
    size = 0
    with path.open("rb") as f:
        for line in f:
            text = json.loads(line)["text"]
            chunk.append(text)
            size += len(text.encode())
            if size >= chunk_mb * 1e6:
                run(chunk)
                done, chunk, size = done + size / 1e6, [], 0
                if done >= mb:
                    break
    if chunk:
        run(chunk)
        done += size / 1e6
    return spent[0] / spent[1], spent[0] / spent[2], done


def rows(a: argparse.Namespace) -> Iterator[tuple[str, str, str, str]]:
    from cleaner.api import Cleaner

    dev = dev_page_texts()
    if dev:
        # The issue's measure: clean's MB/s per core on the dev pages' whole-page text, as a ratio
        # to ftfy.fix_text alone on the same texts in the same run (`paired`).
        mb = sum(len(s.encode()) for s in dev) / 1e6
        for skip, label, goal in (((), "full", "≥ 0.8× (ideally ≥ 1.0×)"), (("unicode",), "skip unicode", "≥ 3×")):
            ratio, speeds, span = paired(dev, skip, a.repeat)
            yield (f"dev pages: {label} vs ftfy.fix_text", f"{ratio:.2f}× ({speeds})", goal,
                   f"{len(dev)} pages, {mb:.2f} MB, median of {a.repeat} paired passes ({span})")
    src = corpus(a.mb)
    sample = texts_of(head(src, a.sample_mb))
    mb = sum(len(s.encode()) for s in sample) / 1e6
    for skip, label, goal in (((), "full pipeline", "≥ 1.0×"), (("unicode",), "skip unicode", "≥ 3×")):
        n = max(1, (a.repeat + 1) // 2)  # the corpus repeats the dev pages' lines: cold too
        ratio, speeds, _ = paired(sample, skip, n)
        yield f"corpus: {label} vs ftfy.fix_text", f"{ratio:.2f}× ({speeds})", goal, f"{mb:.1f} MB sample, median of {n} paired passes"
    if a.stream_mb:
        full, no_unicode, done = streamed(src, a.stream_mb)
        note = f"{done:.0f} MB streamed in process, one Cleaner, 2 MB chunks paired (CPU time)"
        yield "corpus streamed: full pipeline vs ftfy.fix_text", f"{full:.2f}×", "≥ 1.0×", note
        yield "corpus streamed: skip unicode vs ftfy.fix_text", f"{no_unicode:.2f}×", "≥ 3×", note
    with tempfile.TemporaryDirectory() as d:
        small = Cleaner.from_rules([phrase_pack(Path(d) / "s", 100)], default_rules=True)
        big = Cleaner.from_rules([phrase_pack(Path(d) / "b", a.phrases)], default_rules=True)
        part = sample[: max(1, len(sample) // 2)]
        t_s, t_b = timed(small.clean, part), timed(big.clean, part)
    yield f"rule pack 10² → {a.phrases:,} phrases", f"{t_b / t_s:.2f}× slower", "≤ 1.3×", ""
    cli_mb = a.mb if a.cli_mb is None else a.cli_mb
    cli_in = src if cli_mb >= a.mb else head(src, cli_mb)
    outs = [CACHE / "out-j1.jsonl", CACHE / "out-j2.jsonl"]
    pairs = []
    for _ in range(a.cli_repeat):  # paired runs, as above: the machine's speed drifts
        t1, _ = run_cli([str(cli_in), "-o", str(outs[0]), "-q", "--jobs", "1"])
        t2, _ = run_cli([str(cli_in), "-o", str(outs[1]), "-q", "--jobs", "2"])
        pairs.append((t1 / t2, t1, t2))
    ratio, t1, t2 = sorted(pairs)[len(pairs) // 2]
    same = outs[0].read_bytes() == outs[1].read_bytes()
    yield ("clean --jobs 2 vs --jobs 1", f"{ratio:.2f}× ({t1:.1f}s / {t2:.1f}s)", "≥ 1.8×",
           f"{cli_mb:g} MB file, median of {len(pairs)} paired runs ({min(pairs)[0]:.2f}–{max(pairs)[0]:.2f}), identical: {same}")
    if a.rss_mb:
        big_in = corpus(a.rss_mb)
        _, rss = run_cli([str(big_in), "-o", str(CACHE / "out-rss.jsonl"), "-q", "--jobs", "2"])
        yield "peak RSS per process", f"{rss / 1024:.0f} MB", "< 300 MB", f"{a.rss_mb} MB input, --jobs 2"


def more_rows(a: argparse.Namespace) -> Iterator[tuple[str, str, str, str]]:
    """``--jobs 2`` against ``--jobs 1`` where the work is not only the cleaning: a folder of
    HTML pages (trafilatura runs in the workers) and the corpus passes (``clean learn``,
    ``clean names``) on the corpus's first ``--passes-mb``; each with byte-identical outputs."""
    src = head(corpus(a.mb), a.passes_mb)
    with tempfile.TemporaryDirectory() as d:
        pages = Path(d) / "pages"
        pages.mkdir()
        for k in range(4):  # the 98 dev pages four times: enough work to split
            for p in sorted((DEV / "html").glob("*.html.gz")):
                (pages / f"{k}-{p.name}").write_bytes(p.read_bytes())
        runs = [(f"clean on {len(list(pages.iterdir()))} HTML pages", [str(pages)], "-o", "out"),
                (f"clean learn, {a.passes_mb:g} MB", ["learn", str(src), "--min-share", "0.1"], "-o", "learn"),
                (f"clean names, {a.passes_mb:g} MB", ["names", str(src)], "-o", "names.tsv")]
        for label, args, flag, out in runs:
            pairs, same = [], True
            for _ in range(a.cli_repeat):
                t1, _ = run_cli([*args, flag, f"{d}/1-{out}", "-q", "--jobs", "1"])
                t2, _ = run_cli([*args, flag, f"{d}/2-{out}", "-q", "--jobs", "2"])
                pairs.append((t1 / t2, t1, t2))
                same = same and _same(Path(f"{d}/1-{out}"), Path(f"{d}/2-{out}"))
            ratio, t1, t2 = sorted(pairs)[len(pairs) // 2]
            yield (f"{label}: --jobs 2 vs --jobs 1", f"{ratio:.2f}× ({t1:.1f}s / {t2:.1f}s)", "(≥ 1.8× for clean)",
                   f"median of {len(pairs)} paired runs ({min(pairs)[0]:.2f}–{max(pairs)[0]:.2f}), identical: {same}")


def _same(a: Path, b: Path) -> bool:
    """The same bytes: two files, or two folders file by file."""
    if a.is_file():
        return a.read_bytes() == b.read_bytes()
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all(_same(a / n, b / n) for n in names)


def stage_rows(repeat: int) -> Iterator[tuple[str, str, str]]:
    """Where the time goes: each stage's share on the dev pages (cold caches, best of ``repeat``),
    in ms per MB and as a fraction of ``ftfy.fix_text`` on the same texts."""
    import ftfy

    from cleaner.api import Cleaner

    dev = dev_page_texts()
    mb = sum(len(s.encode()) for s in dev) / 1e6
    t_ftfy = best_of(repeat, ftfy.fix_text, dev)
    best: dict[str, float] = {}
    total = float("inf")
    for _ in range(repeat):
        clear_caches()
        c = Cleaner.default()
        c.clean("warm up")
        spent: dict[str, float] = {}
        for st in c._pipeline.stages:
            def timed_edits(text: str, ctx: object, _edits=st.edits, _name=st.name, _spent=spent) -> object:
                t = time.perf_counter()
                try:
                    return _edits(text, ctx)
                finally:
                    _spent[_name] = _spent.get(_name, 0.0) + time.perf_counter() - t
            object.__setattr__(st, "edits", timed_edits)
        total = min(total, timed(c.clean, dev))
        for k, v in spent.items():
            best[k] = min(best.get(k, float("inf")), v)
    for k, v in sorted(best.items(), key=lambda kv: -kv[1]):
        yield k, f"{1000 * v / mb:.0f}", f"{v / t_ftfy:.2f}"
    rest = total - sum(best.values())
    yield "(pipeline: rounds, composing edits, language guess)", f"{1000 * rest / mb:.0f}", f"{rest / t_ftfy:.2f}"
    yield "total", f"{1000 * total / mb:.0f}", f"{total / t_ftfy:.2f}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--mb", type=int, default=100, help="corpus size in MB (cached)")
    p.add_argument("--sample-mb", type=float, default=2, help="MB of the corpus for the in-process ratios")
    p.add_argument("--cli-mb", type=float, default=None, help="MB of the corpus for the --jobs comparison (default: all)")
    p.add_argument("--phrases", type=int, default=100_000, help="phrases in the large synthetic pack")
    p.add_argument("--cli-repeat", type=int, default=3, help="paired --jobs 1 / --jobs 2 runs (the median counts)")
    p.add_argument("--repeat", type=int, default=5, help="paired passes over the dev pages (the median ratio counts)")
    p.add_argument("--stream-mb", type=float, default=0, help="also stream this many MB of the corpus through one Cleaner (e.g. 100)")
    p.add_argument("--rss-mb", type=int, default=0, help="clean a corpus of this size to measure peak RSS (e.g. 1000)")
    p.add_argument("--stages", action="store_true", help="only the per-stage times on the dev pages")
    p.add_argument("--more", action="store_true", help="only --jobs 2 vs 1 on HTML pages and the corpus passes")
    p.add_argument("--passes-mb", type=float, default=16, help="MB of the corpus for the corpus passes (--more)")
    a = p.parse_args()
    os.chdir(ROOT)
    if a.more:
        print("| measure | result | goal | note |\n|---|---|---|---|")
        for r in more_rows(a):
            print("| " + " | ".join(r) + " |", flush=True)
        return
    if a.stages:
        print("| stage | ms per MB | × ftfy.fix_text time |\n|---|---:|---:|")
        for r in stage_rows(a.repeat):
            print("| " + " | ".join(r) + " |", flush=True)
        return
    print(f"corpus: {corpus(a.mb)} ({a.mb} MB), cores: {os.cpu_count()}\n")
    print("| measure | result | goal | note |\n|---|---|---|---|")
    for r in rows(a):
        print("| " + " | ".join(r) + " |", flush=True)


if __name__ == "__main__":
    main()
