"""trafilatura settings for the HTML path, chosen by `benchmarks/quality.py --html-settings`.

Measured on the 98 article-extraction dev pages (trafilatura 2.3.1; P / R / F1 of the output
after `Cleaner.default()`, structure stage included):

    defaults (no comments, tables)   0.943 / 0.964 / 0.954
    include_comments=True            0.931 / 0.964 / 0.947
    include_tables=False             0.940 / 0.955 / 0.947
    favor_precision=True             0.960 / 0.961 / 0.961   <- chosen
    favor_recall=True                0.937 / 0.963 / 0.950
    favor_precision, no tables       0.957 / 0.951 / 0.954

With favor_precision, trafilatura sometimes drops a whole article paragraph from the middle of
the text (a paragraph next to an embedded link or list). ``RECOVER_PARAGRAPHS`` runs a second
extraction without favor_precision and puts back the article paragraphs (12+ words ending like a
sentence, or 25+ words) it has *between* two lines both extractions share; nothing before the
first or after the last shared line, no short lines (`cleaner.io.readers.recover_paragraphs`):

    favor_precision, after cleaning            0.969 / 0.974 / 0.971
    favor_precision + RECOVER_PARAGRAPHS       0.969 / 0.976 / 0.972   <- chosen
    (defaults with fast=True, no fallback:     0.966 / 0.978 / 0.972, but all of its gain is one
     page and it loses precision on twenty others: not chosen)

It costs a second trafilatura run per page (about 18 ms a page here; the cleaner itself is not
affected); set it to False when extraction time matters more than those paragraphs.

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

RECOVER_PARAGRAPHS = True
