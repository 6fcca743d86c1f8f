"""The one line normalization used for matching and counting (never for output).

Folding makes a phrase rule see through disguises: case, NFKC compatibility forms (fullwidth
letters), accents and other combining marks, zero-width and bidi controls, soft hyphens,
Cyrillic and Greek letters that look like Latin ones, and punctuation and spacing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

# Cyrillic and Greek letters that render like Latin ones, used to disguise text. Only applied to
# a line written mostly in Latin script, so Russian and Greek text is left as it is.
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "ɡ": "g", "ο": "o", "α": "a", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x", "ε": "e", "ѵ": "v", "ӏ": "l", "һ": "h", "ԛ": "q", "ԝ": "w",
    }
)
_HAS_HOMOGLYPH = re.compile("[" + "".join(chr(c) for c in _HOMOGLYPHS) + "]")
# Dotless ı (Turkish) has no case pair in Unicode's folding: "YANITLA" folds to "yanitla" but
# "Yanıtla" to "yanıtla". Reading ı as i makes the two one phrase.
_INVISIBLE = regex.compile(r"[\p{Cf}\u00ad\u034f\u115f\u1160\u3164\uffa0]")
_MARKS = regex.compile(r"\p{M}+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_LATIN = regex.compile(r"\p{Latin}")
_CYR_GREEK = regex.compile(r"[\p{Cyrillic}\p{Greek}]")


# ASCII characters that are not letters or digits as spaces, upper case letters lowered:
# bytes.translate is a table lookup in C.
_ASCII_FOLD = bytes(32 if not chr(c).isalnum() else ord(chr(c).lower()) for c in range(128)) + bytes(range(128, 256))


def _separators(candidates: str) -> str:
    """Those of ``candidates`` that `fold` turns into a word break and nothing else, wherever
    they stand (checked here with the full fold itself): punctuation and spaces with no letter,
    digit, mark or invisible character in any normal form."""
    return "".join(c for c in candidates
                   if _fold_full(c) == "" and _fold_full(f"a{c}b") == "a b" and _fold_full(f"1{c}{c}2") == "1 2")


@lru_cache(maxsize=1 << 16)
def fold(line: str) -> str:
    """Fold a line to its matching key: lower-case words joined by single spaces.

    Cached: every stage and every fixpoint round folds the same lines again."""
    if line.isascii():  # no invisible characters, marks or homoglyphs to see through
        return " ".join(line.encode().translate(_ASCII_FOLD).decode().split())
    if _NOT_SEPARATOR is not None and not _NOT_SEPARATOR.search(line):
        # its only non-ASCII characters are curly quotes, dashes and the like: each a space,
        # as the "?" that stands for it here is
        return " ".join(line.encode("ascii", "replace").translate(_ASCII_FOLD).decode().split())
    return _fold_full(line)


def _fold_full(line: str) -> str:
    """`fold` of a line with characters other than ASCII and `_SEPARATOR`'s."""
    s = _INVISIBLE.sub("", line)
    if s.isascii():
        return " ".join(_WORD.findall(s.casefold()))
    s = unicodedata.normalize("NFKD", s)
    s = _MARKS.sub("", s).casefold().replace("ı", "i")  # not str.translate: ten times slower
    if _HAS_HOMOGLYPH.search(s) and _LATIN.search(s):  # else the translation below changes nothing
        if len(_LATIN.findall(s)) >= len(_CYR_GREEK.findall(s)):
            s = s.translate(_HOMOGLYPHS)
    s = unicodedata.normalize("NFKC", s)
    # the runs of letters and digits: what a space for each other run and str.split would
    # leave, as no letter or digit is white space (a test checks)
    return " ".join(_WORD.findall(s))



# The common non-ASCII punctuation of web text. A line whose only non-ASCII characters are among
# them folds like the ASCII line with a space for each (the property tests compare the two).
# `_NOT_SEPARATOR` finds any other non-ASCII character.
_NOT_SEPARATOR: re.Pattern[str] | None = None
_NOT_SEPARATOR = re.compile(r"[^\x00-\x7f" + re.escape(_separators(
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2010\u2011\u2012\u2013\u2014\u2015\u2026\u2022\u00b7"
    "\u00a0\u00ab\u00bb\u2039\u203a\u2032\u2033\u2212\u00a9\u00ae\u00b0\u2009\u202f\u2002\u2003\u00a7\u00b6"
)) + "]")
