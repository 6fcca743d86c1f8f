"""trafilatura settings for the HTML path, chosen by `benchmarks/quality.py --html-settings`.

Measured on the 98 article-extraction dev pages (trafilatura 2.3.1; P / R / F1 of the output
after `Cleaner.default()`, structure stage included; re-measured with the rules of this version):

    defaults (no comments, tables)   0.962 / 0.978 / 0.970
    include_comments=True            0.960 / 0.978 / 0.969
    include_tables=False             0.961 / 0.969 / 0.965
    favor_precision=True             0.971 / 0.974 / 0.972   <- chosen
    favor_recall=True                0.956 / 0.977 / 0.966
    favor_precision, no tables       0.969 / 0.965 / 0.967

With favor_precision, trafilatura sometimes drops a whole article paragraph from the middle of
the text (a paragraph next to an embedded link or list). ``RECOVER_PARAGRAPHS`` runs a second
extraction without favor_precision and puts back the article paragraphs (12+ words ending like a
sentence, or 25+ words) it has *between* two lines both extractions share; nothing before the
first or after the last shared line, no short lines (`cleaner.io.readers.recover_paragraphs`).
It also stands in when the precise extraction finds no text:

    favor_precision + RECOVER_PARAGRAPHS   0.971 / 0.976 / 0.973   <- chosen
    (defaults with fast=True, no fallback: 0.966 / 0.978 / 0.972 with older rules, but all of its
     gain is one page and it loses precision on twenty others: not chosen)

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
