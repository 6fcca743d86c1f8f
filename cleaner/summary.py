"""Summary of a run: per-rule hits, characters removed, documents touched, rejects, events.

Summaries add up with ``+`` so workers can each keep one and the engine sums them (map and
reduce kept apart, as in datatrove's stats). A rule that never fired is listed too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cleaner.document import Edit, Result

Tally = dict[str, list[int]]
"""One document's hits and characters removed, by rule."""


def tally(edits: Iterable[Edit]) -> Tally:
    """The `Tally` of a document's edits."""
    per: Tally = {}
    for rule, start, end, replacement, *_ in edits:
        got = per.get(rule)
        if got is None:
            got = per[rule] = [0, 0]
        got[0] += 1
        removed = end - start - len(replacement)
        if removed > 0:
            got[1] += removed
    return per


@dataclass
class RuleStats:
    hits: int = 0
    chars_removed: int = 0
    docs: int = 0

    def __add__(self, o: RuleStats) -> RuleStats:
        return RuleStats(self.hits + o.hits, self.chars_removed + o.chars_removed, self.docs + o.docs)


@dataclass
class Summary:
    docs: int = 0
    docs_changed: int = 0
    chars_in: int = 0
    chars_out: int = 0
    rejects: int = 0
    rules: dict[str, RuleStats] = field(default_factory=dict)
    events: Counter[str] = field(default_factory=Counter)

    def add(self, result: Result) -> None:
        """Count one document's result."""
        self.add_counts(len(result.original), len(result.text), tally(result.edits), result.stats.get("events", {}))

    def add_counts(self, chars_in: int, chars_out: int, per_rule: Tally, events: Mapping[str, int]) -> None:
        """Count one document from its lengths, `tally` and events: all `add` needs of a result,
        so a worker process can send these instead of every edit."""
        self.docs += 1
        self.chars_in += chars_in
        self.chars_out += chars_out
        if per_rule:  # (a document has edits exactly when some rule has hits)
            self.docs_changed += 1
        for rule, (hits, removed) in per_rule.items():
            st = self.rules.get(rule)
            if st is None:
                st = self.rules[rule] = RuleStats()
            st.hits += hits
            st.chars_removed += removed
            st.docs += 1
        for k, v in events.items():
            self.events[k] += v

    def __add__(self, o: Summary) -> Summary:
        rules = dict(self.rules)
        for k, v in o.rules.items():
            rules[k] = rules[k] + v if k in rules else v
        return Summary(
            self.docs + o.docs,
            self.docs_changed + o.docs_changed,
            self.chars_in + o.chars_in,
            self.chars_out + o.chars_out,
            self.rejects + o.rejects,
            rules,
            self.events + o.events,
        )

    def to_dict(self, all_rules: Iterable[str] = ()) -> dict[str, Any]:
        fired = set(self.rules)
        return {
            "docs": self.docs,
            "docs_changed": self.docs_changed,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "rejects": self.rejects,
            "rules": {
                k: {"hits": v.hits, "chars_removed": v.chars_removed, "docs": v.docs}
                for k, v in sorted(self.rules.items())
            },
            "events": dict(sorted(self.events.items())),
            "never_fired": sorted(set(all_rules) - fired),
        }

    def render(self, all_rules: Iterable[str] = ()) -> str:
        """The human table printed to stderr at the end of a run."""
        lines = [f"{'rule':44} {'hits':>7} {'chars removed':>14} {'docs':>6}"]
        for k, v in sorted(self.rules.items(), key=lambda kv: (-kv[1].hits, kv[0])):
            lines.append(f"{k:44} {v.hits:>7} {v.chars_removed:>14} {v.docs:>6}")
        lines.append(
            f"{self.docs} documents, {self.docs_changed} changed, "
            f"{self.chars_in} -> {self.chars_out} characters, {self.rejects} rejected"
        )
        for k, v in sorted(self.events.items()):
            lines.append(f"event {k}: {v}")
        never = sorted(set(all_rules) - set(self.rules))
        if never:
            lines.append(f"{len(never)} rules never fired (see --summary-json)")
        return "\n".join(lines)
