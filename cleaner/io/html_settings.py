"""trafilatura settings for the HTML path, chosen by `benchmarks/quality.py --html-settings`.

Measured on the 98 article-extraction dev pages (trafilatura 2.3.1; P / R / F1 of the output
after `Cleaner.default()`, structure stage included):

    defaults (no comments, tables)   0.943 / 0.964 / 0.954
    include_comments=True            0.931 / 0.964 / 0.947
    include_tables=False             0.940 / 0.955 / 0.947
    favor_precision=True             0.960 / 0.961 / 0.961   <- chosen
    favor_recall=True                0.937 / 0.963 / 0.950
    favor_precision, no tables       0.957 / 0.951 / 0.954

Tables hold article data (results, specs), so they stay; comments are article-adjacent noise for
corpus builders, so they stay out. Re-run the benchmark after upgrading trafilatura.
"""

TRAFILATURA_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "favor_recall": False,
    "deduplicate": False,
}
