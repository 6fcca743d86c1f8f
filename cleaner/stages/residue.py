"""The residue stage: markup that extractors leave in text (markdown links and bold, entities).

Rewrites keep the visible words: ``[said](#)`` becomes ``said``. Pattern rules live in
``rules/residue/any.toml``; the one detector here decodes leftover HTML entities, which needs
a table rather than a pattern.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import regex

from cleaner.document import Edit
from cleaner.ruleset import Rule
from cleaner.stages.base import Context
from cleaner.stages.line_rules import DEFAULT_TIMEOUT, LineRulesStage

_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def entity_edits(text: str, rule: Rule) -> list[Edit]:
    """Decode ``&amp;``, ``&#8217;`` and friends that survived extraction."""
    out = []
    for m in _ENTITY.finditer(text):
        dec = html.unescape(m.group())
        if dec != m.group() and dec.isprintable():
            out.append(Edit(rule.id, m.start(), m.end(), dec, rule.safety))  # type: ignore[arg-type]
    return out


class ResidueStage(LineRulesStage):
    settles_in_one_round = True  # markup inside lines; zone-dependent line removals belong to boilerplate

    def __init__(self, rules: Sequence[Rule], timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__("residue", rules, timeout)
        self._entity = next((r for r in self.rules if r.detector == "html-entity"), None)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules, self.timeout))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        out = super().edits(text, ctx)
        if self._entity is not None and "&" in text and self._entity.applies_to(ctx.lang, ctx.site):
            taken = [(e.start, e.end) for e in out]
            for e in entity_edits(text, self._entity):
                if not any(e.start < te and e.end > ts for ts, te in taken):
                    out.append(e)
        return out
