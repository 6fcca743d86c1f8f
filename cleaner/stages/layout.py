"""The layout stage: tidy the whitespace that removals leave behind.

Runs last. Trailing spaces go, runs of blank lines become one blank line, and the text neither
starts with blank lines nor ends with more than one line break. Two passes (spaces, then blank
lines) so each edit in the ledger has one reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.document import Edit
from cleaner.ruleset import Rule, find_rule
from cleaner.stages.base import Context

_TRAILING = re.compile(r"[ \t]+(?=\n|\Z)")
_BLANKS = re.compile(r"\A\n+|\n{3,}|(?<=\n)\n+\Z")


class LayoutSpacesStage:
    name = "layout"

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._rule = find_rule(self.rules, "layout.trailing-space")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        r = self._rule
        if r is None or not (" \n" in text or "\t\n" in text or text.endswith((" ", "\t"))):
            return []  # every match is a space or tab right before a line break or the end
        return [Edit(r.id, m.start(), m.end(), "", r.safety) for m in _TRAILING.finditer(text)]  # type: ignore[arg-type]


class LayoutBlanksStage:
    name = "layout"

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._rule = find_rule(self.rules, "layout.blank-lines")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        r = self._rule
        if r is None or not (text.startswith("\n") or "\n\n\n" in text or text.endswith("\n\n")):
            return []  # what each alternative of _BLANKS needs
        out = []
        for m in _BLANKS.finditer(text):
            s, e = m.span()
            if s == 0:
                keep = ""
            elif e == len(text):
                keep = "" if text[s - 1] == "\n" else "\n"
            else:
                keep = "\n\n"
            if text[s:e] != keep:
                out.append(Edit(r.id, s, e, keep, r.safety))  # type: ignore[arg-type]
        return out
