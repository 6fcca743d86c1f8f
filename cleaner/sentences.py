"""A small, dependency-free sentence splitter for one line of prose.

It is conservative: it splits only after ``.``, ``!``, ``?`` or ``…`` (and closing quotes or
brackets) when whitespace and an upper-case letter, a digit or an opening quote follow, and not
after common abbreviations and initials. Spans are offsets into the line, without the
whitespace between sentences.
"""

from __future__ import annotations

import regex


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Tokens that end in a period without ending a sentence (compared case-insensitively, no dot).
ABBREVIATIONS = _wordset(
    """
    mr mrs ms dr prof sr jr st mt ft gen gov sen rep lt col capt cpt sgt maj adm cmdr cdr
    pres supt insp det rev fr hon messrs mme mlle sra sr srta dott ing
    vols approx est dept univ assn bros inc ltd co corp plc
    llc vs etc al cf ca jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu
    thur thurs fri sat sun am pm ave blvd rd hwy
    ag gmbh nr bzw ggf vgl usw sog hr fa mio mrd
    """
)

# Ends where a sentence may end: closing punctuation and quotes, then space and an upper-case
# letter, a digit or an opening quote. (The punctuation is matched, not looked behind for, so
# the engine only tries at punctuation; each match still ends after the longest run of quotes.)
_BOUNDARY = regex.compile(
    r"""[.!?…]["'”’»)\]]*(?=\s+["'“‘«(\[]*[\p{Lu}\p{N}¿¡])""",
)
# Abbreviations only when a number follows ("No. 5", "Art. 3").
NUMBER_ABBREVIATIONS = _wordset("no nos nr vol pp p art fig figs ch sec")

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_SINGLE_INITIAL = regex.compile(r"^\p{Lu}$")
_DOTTED = regex.compile(r"^(?:\p{L}{1,2}\.)+\p{L}{0,2}$")


def is_abbreviation(line: str, end: int) -> bool:
    """True when the period before ``end`` closes an abbreviation or an initial."""
    head = line[max(0, end - 80) : end].rstrip(_CLOSERS)
    if not head.endswith("."):
        return False
    tok = head[:-1].rsplit(None, 1)[-1] if head[:-1].strip() else ""
    tok = tok.lstrip(_OPENERS)
    if not tok:
        return False
    if tok.casefold() in ABBREVIATIONS or _SINGLE_INITIAL.match(tok):
        return True
    if tok.casefold() in NUMBER_ABBREVIATIONS:
        return line[end:].lstrip()[:1].isdigit()
    # U.S., e.g., R.R. (inner dots): taken as an abbreviation.
    return bool(_DOTTED.match(tok))


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one line, trimmed of surrounding whitespace."""
    n = len(line)
    if "." not in line and "!" not in line and "?" not in line and "…" not in line:
        start, stop = n - len(line.lstrip()), len(line.rstrip())  # no boundary: one sentence
        return [(start, stop)] if stop > start else []
    spans: list[tuple[int, int]] = []
    start = 0
    while start < n and line[start].isspace():
        start += 1
    for m in _BOUNDARY.finditer(line):
        end = m.end()
        if end <= start or is_abbreviation(line, end):
            continue
        spans.append((start, end))
        start = end
        while start < n and line[start].isspace():
            start += 1
    stop = n
    while stop > start and line[stop - 1].isspace():
        stop -= 1
    if stop > start:
        spans.append((start, stop))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, line by line (blank lines separate nothing more)."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(line[s:e] for s, e in sentence_spans(line))
    return out
