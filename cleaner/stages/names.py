"""The ``names`` stage: rewrite person-name mentions to their canonical spelling.

Only whole names are rewritten ("Sergey Lavrov" -> "Sergei Lavrov", never "Sergey Brin"), and
a lone surname ("Lawrow said") or an initial ("S. Lawrow") only when the full name was resolved
in the same document. Edits cover just the tokens that change, so text outside mentions and
unchanged tokens (and a line break inside a mention) are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from cleaner.document import Edit
from cleaner.names import Mention, NameTable, default_table, find_mentions, token_key
from cleaner.stages.base import Context


@dataclass(frozen=True)
class NamesStage:
    """Rewrite mentions found in ``table`` (aliases first, then corpus groups)."""

    table: NameTable
    name: str = "names"
    settles_in_one_round: ClassVar[bool] = True  # rewrites mentions; removals elsewhere don't matter

    @classmethod
    def default(cls) -> NamesStage:
        return cls(default_table())

    def edits(self, text: str, ctx: Context | None = None) -> list[Edit]:
        sp = self.table.spelling
        # Only mentions whose surname's key ends in the last word of a table key can change:
        # a full name is rewritten only when its whole key is in the table (every token key
        # non-empty, so the surname's key ends the table key), and a lone surname only when its
        # key equals such a surname's key. So the others are not even looked for.
        mentions = find_mentions(text, sp, self.table.surnames)
        out: list[Edit] = []
        # surname key -> {(rule, canonical)} from full names resolved in this document
        seen: dict[str, set[tuple[str, str]]] = {}
        partial: list[Mention] = []
        for m in mentions:
            hit = self.table.lookup(m.key(sp)) if m.has_given_name else None
            if hit is None:
                partial.append(m)
                continue
            rule, canonical = hit
            seen.setdefault(token_key(m.surname.text, sp), set()).add(hit)
            out.extend(_rewrite(m, canonical.split(), rule, canonical))
        for m in partial:
            hits = seen.get(token_key(m.surname.text, sp), set())
            if m.has_given_name or len(hits) != 1:
                continue
            rule, canonical = next(iter(hits))
            initials = [t for t in m.tokens if t.kind == "initial"]
            if initials and initials[0].text[0].casefold() != canonical[0].casefold():
                continue
            out.extend(_rewrite(m, [canonical.split()[-1]], rule, canonical, surname_only=True))
        return sorted(out, key=lambda e: e.start)


def _rewrite(
    m: Mention, target: list[str], rule: str, canonical: str, surname_only: bool = False
) -> list[Edit]:
    """Edits turning mention ``m`` into ``target`` tokens: token by token when they line up."""
    note = f"{'group' if rule == 'names.corpus' else 'alias'}: {canonical}"
    tokens = [m.surname] if surname_only else list(m.tokens)
    if len(tokens) == len(target):
        return [Edit(rule, t.start, t.end, new, "safe", note)
                for t, new in zip(tokens, target, strict=True) if t.text != new]
    if m.spelling == " ".join(target):
        return []
    return [Edit(rule, m.start, m.end, " ".join(target), "safe", note)]
