"""cleaner: rule-driven cleaning of scraped web and news text, with a ledger of every change.

    >>> import cleaner
    >>> cleaner.clean("Tajikistan said it cannot secure its long border with Afghanistan without outside help."
    ...               "\\n\\nPost a Comment")
    'Tajikistan said it cannot secure its long border with Afghanistan without outside help.\\n'

A comment prompt goes when it follows the article; a line too short to be an article paragraph
(the example's first line, cut short) leaves nothing for it to follow, so it is kept.
"""

from cleaner.api import Cleaner, clean, clean_and_explain
from cleaner.config import Config
from cleaner.document import Document, Edit, Result, apply_edits
from cleaner.ruleset import Rule, RuleError, RuleSet

__all__ = [
    "Cleaner",
    "Config",
    "Document",
    "Edit",
    "Result",
    "Rule",
    "RuleError",
    "RuleSet",
    "apply_edits",
    "clean",
    "clean_and_explain",
]
__version__ = "0.1.0"
