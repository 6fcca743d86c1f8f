"""The boilerplate stage: scraping residue lines (comment prompts, share boxes, teasers, ...).

All the knowledge is in ``rules/boilerplate/*.toml`` (and accepted ``rules/sites/*.toml``);
this module only binds those rules to the shared line-rule matcher.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.ruleset import Rule
from cleaner.stages.line_rules import DEFAULT_TIMEOUT, LineRulesStage, line_hits, span_apply

__all__ = ["BoilerplateStage", "line_hits", "span_apply"]


class BoilerplateStage(LineRulesStage):
    def __init__(self, rules: Sequence[Rule], timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__("boilerplate", rules, timeout)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules, self.timeout))
