"""Quality of the cleaner on real pages: the article-extraction benchmark metric.

    python benchmarks/quality.py [--json FILE] [--inputs text,traf,html] [--no-structure]
    python benchmarks/quality.py --html-settings
    python benchmarks/quality.py --worst N [--input text] | --show-page ID [--input text]
    python benchmarks/quality.py --lost [--input text]      # ground-truth lines the cleaner removed
    python benchmarks/quality.py --noise N [--input text]   # lines kept that are not in the truth

Data: /work/shared/bench/article-extraction-dev/ (98 pages, ``html/<id>.html.gz`` and
``ground-truth.json`` with ``articleBody`` and ``url``).

Metric (the benchmark's): ``\\w+`` tokens -> overlapping 4-token shingles as multisets; per page
precision = shared / produced, recall = shared / true; P and R are averaged over pages (an empty
output is left out of the precision average) and F1 is the harmonic mean of the two averages.

Inputs, each scored as is and after ``Cleaner.default()``:
  text  whole-page text, ``html_text.extract_text(html)``
  traf  trafilatura's default output, ``trafilatura.extract(html)``
  html  the HTML path of ``clean``: ``cleaner.io.readers.html_to_text(html, url)``

Extraction results are cached in ``benchmarks/.cache/`` (git-ignored), keyed by extractor,
version and options, so only the cleaner runs on a warm cache.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.document import Document, Result  # noqa: E402

DATA = Path(os.environ.get("CLEANER_BENCH", "/work/shared/bench/article-extraction-dev"))
CACHE = ROOT / "benchmarks" / ".cache"
INPUTS = {
    "text": "whole-page text (html_text)",
    "traf": "trafilatura default",
    "html": "HTML through clean",
}
_TOKEN = regex.compile(r"\w+")

# --------------------------------------------------------------------------- metric


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    t = tokens(text)
    return Counter(tuple(t[i : i + n]) for i in range(len(t) - n + 1))


def page_pr(produced: str | None, truth: str) -> tuple[float | None, float]:
    """(precision or None when the output is empty, recall) of one page."""
    p, t = shingles(produced or ""), shingles(truth)
    shared = sum((p & t).values())
    prec = shared / sum(p.values()) if p else None
    rec = shared / sum(t.values()) if t else 1.0
    return prec, rec


def score(outputs: dict[str, str | None], truth: dict[str, str]) -> dict[str, Any]:
    ps, rs, empty = [], [], 0
    for pid, gt in truth.items():
        prec, rec = page_pr(outputs.get(pid), gt)
        if prec is None:
            empty += 1
        else:
            ps.append(prec)
        rs.append(rec)
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"P": P, "R": R, "F1": F, "empty": empty, "pages": len(truth)}


# --------------------------------------------------------------------------- data + extraction


def load_truth() -> dict[str, dict[str, str]]:
    with (DATA / "ground-truth.json").open(encoding="utf-8") as f:
        return json.load(f)


def load_html(pid: str) -> str:
    with gzip.open(DATA / "html" / f"{pid}.html.gz", "rb") as f:
        data = f.read()
    return data.decode("utf-8", "replace")


def _cache_key(name: str, options: dict[str, Any]) -> Path:
    import trafilatura

    try:
        import html_text

        ht = getattr(html_text, "__version__", "?")
    except ImportError:  # pragma: no cover
        ht = "?"
    blob = json.dumps([name, options, trafilatura.__version__, ht, str(DATA)], sort_keys=True)
    return CACHE / f"{name}-{hashlib.sha1(blob.encode()).hexdigest()[:12]}.json"


def extracted(name: str, fn: Callable[[str, str | None], str | None], ids: Iterable[str],
              urls: dict[str, str], options: dict[str, Any] | None = None) -> dict[str, str | None]:
    """``fn(html, url)`` for every page, cached on disk under ``name`` + ``options``."""
    path = _cache_key(name, options or {})
    out: dict[str, str | None] = {}
    if path.exists():
        out = json.loads(path.read_text(encoding="utf-8"))
    missing = [i for i in ids if i not in out]
    if missing:
        t0 = time.time()
        for pid in missing:
            try:
                out[pid] = fn(load_html(pid), urls.get(pid))
            except Exception as e:  # an extractor crash is an empty output, reported
                print(f"  {name}: {pid[:12]}: {type(e).__name__}: {e}", file=sys.stderr)
                out[pid] = None
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        print(f"  extracted {len(missing)} pages with {name} in {time.time() - t0:.0f}s", file=sys.stderr)
    return out


def _html_text(html: str, url: str | None) -> str:
    import html_text

    return html_text.extract_text(html)


def _traf_default(html: str, url: str | None) -> str | None:
    import trafilatura

    return trafilatura.extract(html)


def _traf_with(options: dict[str, Any]) -> Callable[[str, str | None], str | None]:
    def run(html: str, url: str | None) -> str | None:
        import trafilatura

        return trafilatura.extract(html, url=url, **options)

    return run


def current_html_options() -> dict[str, Any]:
    import importlib

    import cleaner.io.html_settings as hs

    return dict(importlib.reload(hs).TRAFILATURA_OPTIONS)


def current_recover() -> bool:
    import cleaner.io.html_settings as hs

    return bool(getattr(hs, "RECOVER_PARAGRAPHS", False))


def page_urls(gt: dict[str, dict[str, str]]) -> dict[str, str]:
    """Each page's address, as the ground truth gives it (the extractors get it too)."""
    return {k: v.get("url", "") for k, v in gt.items()}


def input_texts(name: str, gt: dict[str, dict[str, str]]) -> dict[str, str | None]:
    ids = list(gt)
    urls = page_urls(gt)
    if name == "text":
        return extracted("html_text", _html_text, ids, urls)
    if name == "traf":
        return extracted("traf_default", _traf_default, ids, urls)
    if name == "html":
        opts = current_html_options()
        if not current_recover() or not opts.get("favor_precision"):
            return extracted("traf_opts", _traf_with(opts), ids, urls, opts)
        from cleaner.io.readers import html_to_text

        return extracted("html_to_text", html_to_text, ids, urls, {**opts, "recover_paragraphs": True})
    raise SystemExit(f"unknown input {name!r} (one of {', '.join(INPUTS)})")


# --------------------------------------------------------------------------- the cleaner


class _Runner:
    """``Cleaner.default()``, plus the structure stage after boilerplate when the API does not
    build it yet (so it can be measured before it is wired in)."""

    def __init__(self, structure: bool = True, skip: tuple[str, ...] = (), safe_only: bool = False) -> None:
        from cleaner.api import Cleaner

        self.cleaner = Cleaner.default(skip=skip, safe_only=safe_only)
        self.pipeline = self.cleaner._pipeline
        self.note = "Cleaner.default(safe_only=True)" if safe_only else "Cleaner.default()"
        if structure and "structure" not in self.cleaner.stage_names:
            try:
                from cleaner.stages.structure import StructureStage
            except ImportError:
                return
            from cleaner.pipeline import Pipeline

            stages = list(self.pipeline.stages)
            at = max((i for i, s in enumerate(stages) if s.name == "boilerplate"), default=len(stages) - 1) + 1
            stages.insert(at, StructureStage(self.cleaner.rules.family("structure")))
            p = self.pipeline
            self.pipeline = Pipeline(stages, max_rounds=p.max_rounds, guard_min_fraction=p.guard_min_fraction,
                                     guard_min_words=p.guard_min_words, lang=p.lang, detect_lang=p.detect_lang)
            self.note = "Cleaner.default() + structure stage (inserted by the benchmark)"
        elif not structure and "structure" in self.cleaner.stage_names:
            self.cleaner = Cleaner.default(skip=(*skip, "structure"), safe_only=safe_only)
            self.pipeline = self.cleaner._pipeline
            self.note = "Cleaner.default(skip=structure)"

    def clean(self, pid: str, text: str, fields: dict[str, str]) -> Result:
        return self.pipeline.run(Document(pid, text, fields))


def _runner(args: argparse.Namespace) -> _Runner:
    return _Runner(structure=not args.no_structure, skip=tuple(filter(None, args.skip.split(","))),
                   safe_only=args.safe_only)


def record_fields(name: str, gt: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The fields each page's record has when `clean` reads it: its URL, and on the HTML path
    the title `clean` finds in the page (``cleaner.io.readers.page_facts``)."""
    out = {pid: {"url": v["url"]} if v.get("url") else {} for pid, v in gt.items()}
    if name == "html":
        from cleaner.io.readers import page_facts

        titles = extracted("page_title", lambda html, url: page_facts(html).get("title"), list(gt),
                           page_urls(gt))
        for pid, title in titles.items():
            if title and pid in out:
                out[pid]["title"] = title
    return out


def clean_all(runner: _Runner, texts: dict[str, str | None], gt: dict[str, dict[str, str]],
              fields: dict[str, dict[str, str]]) -> dict[str, Result | None]:
    return {pid: (runner.clean(pid, t, fields[pid]) if t else None) for pid, t in texts.items() if pid in gt}


# --------------------------------------------------------------------------- reports


def fmt_table(rows: list[dict[str, Any]], cols: list[tuple[str, str]]) -> str:
    head = "| " + " | ".join(c[1] for c in cols) + " |"
    sep = "|" + "|".join("---" if i == 0 else "---:" for i in range(len(cols))) + "|"
    lines = [head, sep]
    for r in rows:
        cells = []
        for k, _ in cols:
            v = r.get(k, "")
            cells.append(f"{v:.3f}" if isinstance(v, float) else str(v))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


COLS = [("input", "input"), ("P", "P"), ("R", "R"), ("F1", "F1"), ("empty", "pages emptied")]


def run_main(args: argparse.Namespace) -> None:
    gt_full = load_truth()
    truth = {k: v["articleBody"] for k, v in gt_full.items()}
    runner = _runner(args)
    rows: list[dict[str, Any]] = []
    t0 = time.time()
    for name in args.inputs.split(","):
        texts = input_texts(name, gt_full)
        s0 = score(texts, truth)
        rows.append({"input": f"{INPUTS[name]}, as is", **s0})
        t1 = time.time()
        res = clean_all(runner, texts, gt_full, record_fields(name, gt_full))
        cleaned = {k: (r.text if r else None) for k, r in res.items()}
        s1 = score(cleaned, truth)
        rows.append({"input": f"{INPUTS[name]}, after cleaner", **s1, "seconds": round(time.time() - t1, 1)})
    print(f"{len(truth)} pages; cleaner: {runner.note}\n")
    print(fmt_table(rows, COLS))
    print(f"\n({time.time() - t0:.0f}s)", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({"pages": len(truth), "cleaner": runner.note, "rows": rows}, indent=2))


SETTINGS_GRID: list[tuple[str, dict[str, Any]]] = [
    ("defaults of html_to_text (no comments, tables)", {}),
    ("include_comments=True", {"include_comments": True}),
    ("include_tables=False", {"include_tables": False}),
    ("favor_precision=True", {"favor_precision": True}),
    ("favor_recall=True", {"favor_recall": True}),
    ("favor_precision + no tables", {"favor_precision": True, "include_tables": False}),
    ("favor_recall + no tables", {"favor_recall": True, "include_tables": False}),
]


def run_html_settings(args: argparse.Namespace) -> None:
    gt_full = load_truth()
    truth = {k: v["articleBody"] for k, v in gt_full.items()}
    ids = list(gt_full)
    urls = page_urls(gt_full)
    runner = _runner(args)
    base = {"include_comments": False, "include_tables": True, "favor_precision": False,
            "favor_recall": False, "deduplicate": False}
    fields = record_fields("html", gt_full)
    rows = []
    for label, change in SETTINGS_GRID:
        opts = {**base, **change}
        texts = extracted("traf_opts", _traf_with(opts), ids, urls, opts)
        s0 = score(texts, truth)
        res = clean_all(runner, texts, gt_full, fields)
        s1 = score({k: (r.text if r else None) for k, r in res.items()}, truth)
        rows.append({"settings": label, "P0": s0["P"], "R0": s0["R"], "F0": s0["F1"],
                     "P": s1["P"], "R": s1["R"], "F1": s1["F1"], "empty": s1["empty"]})
    print(f"trafilatura {__import__('trafilatura').__version__}, {len(truth)} pages; cleaner: {runner.note}\n")
    print(fmt_table(rows, [("settings", "trafilatura options"), ("P0", "P as is"), ("R0", "R as is"),
                           ("F0", "F1 as is"), ("P", "P cleaned"), ("R", "R cleaned"), ("F1", "F1 cleaned"),
                           ("empty", "pages emptied")]))
    best = max(rows, key=lambda r: r["F1"])
    print(f"\nbest after cleaning: {best['settings']} (F1 {best['F1']:.3f}); current: {current_html_options()}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))


def _removed_by_rule(res: Result) -> list[tuple[str, str]]:
    return [(e.rule, res.original[e.start : e.end]) for e in res.edits]


def _line_in_truth(line: str, truth_sh: Counter[tuple[str, ...]], truth_lines: set[str]) -> bool:
    toks = tokens(line)
    if not toks:
        return False
    if " ".join(toks).lower() in truth_lines:
        return True
    if len(toks) < 4:
        return False
    sh = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
    return sum(1 for s in sh if s in truth_sh) >= 0.5 * len(sh)


def _truth_lines(truth: str) -> set[str]:
    return {" ".join(tokens(ln)).lower() for ln in truth.splitlines() if len(tokens(ln)) >= 2}


def _one_input(args: argparse.Namespace) -> tuple[dict[str, dict[str, str]], dict[str, str], dict[str, Result | None], dict[str, str | None]]:
    gt_full = load_truth()
    truth = {k: v["articleBody"] for k, v in gt_full.items()}
    texts = input_texts(args.input, gt_full)
    runner = _runner(args)
    return gt_full, truth, clean_all(runner, texts, gt_full, record_fields(args.input, gt_full)), texts


def show_page(pid: str, gt_full: dict[str, dict[str, str]], truth: str, res: Result | None, raw: str | None,
              full: bool = False) -> None:
    p0, r0 = page_pr(raw, truth)
    p1, r1 = page_pr(res.text if res else None, truth)
    f = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
    print(f"\n## {pid}  {gt_full[pid].get('url', '')}")
    print(f"as is P {f(p0)} R {f(r0)}; cleaned P {f(p1)} R {f(r1)}")
    if res is None:
        return
    tsh = shingles(truth)
    tl = _truth_lines(truth)
    print("removed (x = a ground-truth line):")
    for rule, removed in _removed_by_rule(res):
        for ln in removed.splitlines():
            if ln.strip():
                mark = "x" if _line_in_truth(ln, tsh, tl) else " "
                print(f"  {mark} [{rule}] {ln[:160]}")
    print("kept, not in the ground truth:")
    for ln in res.text.splitlines():
        if ln.strip() and not _line_in_truth(ln, tsh, tl):
            print(f"  + {ln[:160]}")
    if full:
        print("--- cleaned text ---\n" + res.text)


def run_pages(args: argparse.Namespace) -> None:
    gt_full, truth, res, raw = _one_input(args)
    if args.show_page:
        ids = [k for k in gt_full if k.startswith(args.show_page)]
        for pid in ids:
            show_page(pid, gt_full, truth[pid], res.get(pid), raw.get(pid), full=args.full)
        return
    scored = []
    for pid in gt_full:
        r = res.get(pid)
        p, rc = page_pr(r.text if r else None, truth[pid])
        p = p or 0.0
        scored.append((2 * p * rc / (p + rc) if p + rc else 0.0, pid))
    scored.sort()
    print("| page | F1 | P | R | url |\n|---|---:|---:|---:|---|")
    for fv, pid in scored[: args.worst]:
        r = res.get(pid)
        p, rc = page_pr(r.text if r else None, truth[pid])
        print(f"| {pid[:12]} | {fv:.3f} | {p or 0:.3f} | {rc:.3f} | {gt_full[pid].get('url', '')[:70]} |")
    for _, pid in scored[: args.worst]:
        show_page(pid, gt_full, truth[pid], res.get(pid), raw.get(pid))


def run_lost(args: argparse.Namespace) -> None:
    """Ground-truth lines that the cleaner removed: recall losses, each one a bug."""
    gt_full, truth, res, _ = _one_input(args)
    by_rule: Counter[str] = Counter()
    lost_words = 0
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pid, r in res.items():
        if r is None:
            continue
        tsh, tl = shingles(truth[pid]), _truth_lines(truth[pid])
        for rule, removed in _removed_by_rule(r):
            for ln in removed.splitlines():
                if ln.strip() and _line_in_truth(ln, tsh, tl):
                    by_rule[rule] += 1
                    lost_words += len(tokens(ln))
                    out[pid].append((rule, ln))
    for pid, items in out.items():
        print(f"\n## {pid[:12]} {gt_full[pid].get('url', '')}")
        for rule, ln in items:
            print(f"  [{rule}] {ln[:200]}")
    print(f"\n{sum(by_rule.values())} ground-truth lines ({lost_words} words) removed on {len(out)} pages")
    for rule, n in by_rule.most_common():
        print(f"  {n:4d}  {rule}")


def run_noise(args: argparse.Namespace) -> None:
    """Lines the cleaner kept that are not in the ground truth, most frequent shapes first."""
    gt_full, truth, res, _ = _one_input(args)
    rows = []
    for pid, r in res.items():
        if r is None:
            continue
        tsh, tl = shingles(truth[pid]), _truth_lines(truth[pid])
        for ln in r.text.splitlines():
            if ln.strip() and not _line_in_truth(ln, tsh, tl):
                rows.append((len(tokens(ln)), pid, ln))
    total = sum(n for n, _, _ in rows)
    print(f"{len(rows)} kept lines not in the truth ({total} tokens)")
    per_page = Counter()
    for n, pid, _ in rows:
        per_page[pid] += n
    for pid, n in per_page.most_common(args.noise):
        print(f"\n## {pid[:12]} ({n} tokens) {gt_full[pid].get('url', '')}")
        for _m, p, ln in rows:
            if p == pid:
                print(f"  + {ln[:160]}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--inputs", default="text,traf,html", help="comma-separated: text, traf, html")
    ap.add_argument("--input", default="text", choices=list(INPUTS), help="input for --worst/--show-page/--lost/--noise")
    ap.add_argument("--skip", default="", help="comma-separated stages or rule ids to turn off (Config.skip)")
    ap.add_argument("--safe-only", action="store_true", help="only the rules marked safe (Config.safe_only)")
    ap.add_argument("--no-structure", action="store_true", help="measure without the structure stage")
    ap.add_argument("--html-settings", action="store_true", help="measure trafilatura options for the HTML path")
    ap.add_argument("--show-page", metavar="ID", help="per-page P/R and what was removed (id prefix works)")
    ap.add_argument("--full", action="store_true", help="with --show-page: print the cleaned text too")
    ap.add_argument("--worst", type=int, metavar="N", help="the N worst pages after cleaning, with removals")
    ap.add_argument("--lost", action="store_true", help="ground-truth lines the cleaner removed, by rule")
    ap.add_argument("--noise", type=int, metavar="N", help="kept lines not in the truth, N noisiest pages")
    args = ap.parse_args(argv)
    if args.html_settings:
        run_html_settings(args)
    elif args.show_page or args.worst:
        run_pages(args)
    elif args.lost:
        run_lost(args)
    elif args.noise:
        run_noise(args)
    else:
        run_main(args)


if __name__ == "__main__":
    main()
