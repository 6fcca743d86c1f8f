"""trafilatura settings for the HTML path, chosen by `benchmarks/quality.py --html-settings`.

Measured on the 98 article-extraction dev pages (F1 of the cleaned output); see the README's
quality table. Comments are article-adjacent noise for corpus builders, so they stay out.
"""

TRAFILATURA_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
    "deduplicate": False,
}
