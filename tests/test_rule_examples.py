"""Every shipped rule against its own examples (ids = rule id + index), and its idempotence."""

import pytest

from cleaner.api import _build_stages
from cleaner.config import Config
from cleaner.document import Document
from cleaner.paths import rules_dir
from cleaner.pipeline import Pipeline
from cleaner.ruleset import RuleSet
from cleaner.stages.line_rules import line_hits, span_apply

RULES = RuleSet.default().rules + RuleSet.load(sorted((rules_dir() / "opt-in").glob("*.toml"))).rules  # opt-in too
LINE_KINDS = ("line", "prefix", "regex")


def _cases():
    for r in RULES:
        for i, x in enumerate(r.remove):
            yield pytest.param(r, "remove", x, None, {}, id=f"{r.id}-remove{i}")
        for i, x in enumerate(r.keep):
            yield pytest.param(r, "keep", x, None, {}, id=f"{r.id}-keep{i}")
        for i, x in enumerate(r.known_misses):
            yield pytest.param(r, "miss", x, None, {}, id=f"{r.id}-miss{i}")
        for i, (inp, out) in enumerate(r.cases):
            yield pytest.param(r, "case", inp, out, r.case_fields(i), id=f"{r.id}-case{i}")


def _alone(rule):
    """A pipeline of exactly this rule's stage with only this rule in it."""
    stages = [s for s in _build_stages(RuleSet((rule,)), Config()) if s.name == rule.family or rule.family == "sites"]
    return Pipeline(stages, max_rounds=1, lang=None if rule.lang == "any" else rule.lang)


@pytest.mark.parametrize("rule,what,example,expected,meta", list(_cases()))
def test_rule_example(rule, what, example, expected, meta):
    if rule.kind in LINE_KINDS and what in ("remove", "keep", "miss"):
        hit = rule.id in line_hits([rule], example)
        if what == "remove":
            assert hit, f"{rule.id} should remove {example!r}"
        elif what == "keep":
            assert not hit, f"{rule.id} should keep {example!r}"
        else:
            assert not hit, f"{rule.id} now removes known miss {example!r}: move it to remove"
        return
    if rule.kind == "span" and what in ("remove", "keep"):
        changed = span_apply([rule], example) != example
        assert changed == (what == "remove")
        return
    if what != "case":
        pytest.skip("detector rules are checked by cases")
    pipe = _alone(rule)
    got = pipe.run(Document("t", example, meta)).text
    assert got == expected
    again = pipe.run(Document("t", got, meta))
    assert not [e for e in again.edits if e.rule == rule.id], "rule fires again on its own output"


def test_every_rule_has_examples_and_why():
    for r in RULES:
        assert r.why and (r.remove or r.cases), r.id
    assert len({r.id for r in RULES}) == len(RULES)
