"""The rule catalog is generated from the packs and the shipped one is current."""

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cleaner.paths import rules_dir
from cleaner.rule_docs import REGENERATE, _code, opt_in_rules, render
from cleaner.ruleset import RuleSet

ROOT = Path(__file__).resolve().parent.parent
CLEAN = str(Path(sys.executable).parent / "clean")


def test_shipped_catalog_is_current():
    shipped = (rules_dir() / "RULES.md").read_text(encoding="utf-8")
    assert shipped == render(RuleSet.default(), opt_in_rules()), f"rules/RULES.md is stale: run `{REGENERATE}`"


def test_every_rule_has_its_section_and_safety():
    rules = [*RuleSet.default().rules, *opt_in_rules().rules]
    doc = render(RuleSet.default(), opt_in_rules())
    for r in rules:
        head = f"\n### {r.id}\n\n{r.why}\n\n"
        assert head in doc, r.id
        facts = doc.split(head, 1)[1].split("\n", 1)[0]
        assert ("**risky**" in facts) == (r.safety == "risky"), r.id
    assert "opt-in/standfirst.toml" in doc and "Opt-in: shipped but not loaded" in doc


def test_cli_documents_a_users_own_pack(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text('[pack]\nid = "boilerplate.mine"\nlang = "en"\n\n[[rule]]\nid = "boilerplate.mine.promo"\n'
                    'why = "Our scraper\'s promo line."\nkind = "line"\nphrases = ["Buy now"]\nremove = ["Buy now"]\n'
                    'keep = ["They said buy now | pay later."]\n', encoding="utf-8")
    p = subprocess.run([CLEAN, "--rules-doc", "--no-default-rules", "--rules", str(pack)], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    doc = p.stdout.decode()
    assert "### boilerplate.mine.promo" in doc and "- `They said buy now | pay later.`" in doc
    assert "boilerplate.en." not in doc and "opt-in" not in doc  # only what was loaded


@given(st.text())
def test_an_example_is_one_code_span(s):
    shown = _code(s, cut=False)
    assert "\n" not in shown and "\r" not in shown
    ticks = len(shown) - len(shown.lstrip("`"))
    inner = shown[ticks:-ticks] if ticks else shown
    assert ticks == 0 and shown == "(empty)" or "`" * ticks not in inner  # nothing closes it early
