"""Golden fixtures: the cleaned text and the ledger of each seed, checked by eye when written.

Regenerate after an intended change with ``REGEN_FIXTURES=1 pytest tests/test_golden.py`` and
read the diff before committing it.
"""

import json
import os
from pathlib import Path

import pytest

from cleaner import Cleaner, Document

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures" / "seeds"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_matches_fixture(seed):
    res = Cleaner.default().clean(Document(seed.name, seed.read_text(encoding="utf-8")))
    ledger = json.dumps(res.ledger(), ensure_ascii=False, indent=1) + "\n"
    text_path, ledger_path = FIX / f"{seed.stem}.txt", FIX / f"{seed.stem}.ledger.json"
    if os.environ.get("REGEN_FIXTURES"):
        FIX.mkdir(parents=True, exist_ok=True)
        text_path.write_text(res.text, encoding="utf-8")
        ledger_path.write_text(ledger, encoding="utf-8")
    assert res.text == text_path.read_text(encoding="utf-8")
    assert ledger == ledger_path.read_text(encoding="utf-8")


SENTENCES_KEPT = [
    "Sergei Lavrov, Russia's foreign minister, said they were ready to use its military base in Tajikistan",
    "The Taliban is a terrorist organization banned in Russia.",
    "Following a top security meeting on July 5, Tajik President Emomali Rahmon ordered 20,000 reserve officers",
    "The Eurasian alliance of former Soviet states discussed the possible impact",
    "Before 2005, Russian forces stationed in Tajikistan were responsible for guarding the Afghan border.",
]
GONE = [
    "Post a Comment", "(SAM)", "Accessibility links", "Breaking News", "16x9 Image", "RFE/RL journalists",
    "Related article", "Original url", "themoscowtimes.com", "](#)", "**", "Check Also", "Leave a Reply",
    "Your email address", "About Scott", "Table of Contents", "Tags :", "Share :", "About Author", "Latest Posts",
    "Syed Sadat", "Talk to Us", "MassisPost", "Source: TRTWorld", "July 08, 2021", "Nozim Kalandarov",
    " 19th", "said The current",
]


def test_seed_boilerplate_gone_and_sentences_kept():
    c = Cleaner.default()
    out = "\n".join(c.clean(p.read_text(encoding="utf-8")).text for p in SEEDS)
    for s in SENTENCES_KEPT:
        assert s in out, s
    for s in GONE:
        assert s not in out, s
    # every duplicated line appears once
    lines = [ln for ln in out.splitlines() if len(ln.split()) > 3]
    assert len(lines) == len(set(lines))
