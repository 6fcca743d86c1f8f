"""Config: every option of a cleaning run, with its default and a one-line why."""

from __future__ import annotations

from dataclasses import dataclass, field

STAGES = ("unicode", "residue", "boilerplate", "structure", "duplicates", "fragments", "names", "layout")


@dataclass(frozen=True)
class Config:
    """Options shared by the Python API and the `clean` command (which maps flags onto them)."""

    rules: tuple[str, ...] = ()
    """Extra rule files or folders, loaded after the shipped ones."""
    default_rules: bool = True
    """Load the shipped packs from ``rules/``; off to use only ``rules``."""
    skip: tuple[str, ...] = ()
    """Stages (``boilerplate``) or rule ids / id prefixes (``boilerplate.en.share``) to turn off."""
    safe_only: bool = False
    """Apply only the rules marked ``safety = "safe"``, as ruff applies only safe fixes unless
    asked: the risky ones (shape heuristics, repeated captions, URL headlines...) are off."""
    lang: str | None = None
    """Language of every document; None detects it per document (cheaply) when needed."""
    regex_timeout: float = 0.5
    """Seconds a regex rule may spend on one match before it is dropped for that document."""
    max_rounds: int = 3
    """Stage rounds until nothing changes; a second round catches lines that only become
    boilerplate once their neighbours are gone, and makes the output a fixpoint (idempotent)."""
    guard_min_fraction: float = 0.03
    """Precision guard: if removals would leave less than this share of the words (or fewer
    than ``guard_min_words``), the document keeps its text and is reported instead."""
    guard_min_words: int = 5
    names: str | None = None
    """A reviewed name table (TSV from ``clean names``) applied by the names stage."""
    names_aliases: tuple[str, ...] = ()
    """Extra alias tables (TOML) for the names stage, on top of the shipped one."""
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Free-form notes (not used by the engine); kept so callers can tag a config."""
