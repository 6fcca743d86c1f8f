"""Where the shipped rule files live: ``rules/`` beside the package in a checkout, or inside it
once installed (the wheel copies ``rules/`` to ``cleaner/_rules``)."""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "_rules"
    if installed.is_dir():
        return installed
    return here.parent / "rules"
