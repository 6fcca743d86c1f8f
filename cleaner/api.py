"""The Python API: `Cleaner` (build once, share everywhere) and the `clean` one-liner."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from cleaner.config import STAGES, Config
from cleaner.document import Document, Result
from cleaner.lang import detect
from cleaner.names import NameTable, default_table
from cleaner.pipeline import Pipeline
from cleaner.ruleset import RuleSet
from cleaner.stages.base import Stage
from cleaner.stages.boilerplate import BoilerplateStage
from cleaner.stages.duplicates import DuplicatesStage
from cleaner.stages.fragments import FragmentsStage
from cleaner.stages.layout import LayoutBlanksStage, LayoutSpacesStage
from cleaner.stages.names import NamesStage
from cleaner.stages.residue import ResidueStage
from cleaner.stages.structure import StructureStage
from cleaner.stages.unicode import BreaksStage, CharsStage, FtfyStage


def name_table(config: Config) -> NameTable:
    """The shipped alias table plus the user's, and a reviewed corpus table if one is given."""
    base = default_table(config.names_aliases)
    return NameTable.from_tsv(config.names, base.aliases) if config.names else base


def _build_stages(rules: RuleSet, config: Config) -> list[Stage]:
    skip = set(config.skip)
    t = config.regex_timeout
    stages: list[Stage] = []
    if "unicode" not in skip:
        u = rules.family("unicode")
        stages += [BreaksStage(u), FtfyStage(u), CharsStage(u)]
    if "residue" not in skip:
        stages.append(ResidueStage(rules.family("residue"), t))
    if "boilerplate" not in skip:
        stages.append(BoilerplateStage(rules.family("boilerplate") + rules.family("sites"), t))
    if "structure" not in skip:
        stages.append(StructureStage(rules.family("structure")))
    if "duplicates" not in skip:
        stages.append(DuplicatesStage(rules.family("duplicates")))
    if "fragments" not in skip:
        stages.append(FragmentsStage(rules.family("fragments")))
    if "names" not in skip:
        stages.append(NamesStage(name_table(config)))
    if "layout" not in skip:
        lay = rules.family("layout")
        stages += [LayoutSpacesStage(lay), LayoutBlanksStage(lay)]
    return stages


class Cleaner:
    """An immutable cleaning pipeline built from rule files and a `Config`.

    Build it once and share it: it holds no per-document state, so threads may call it at
    once, and it pickles (as its config and rules) to travel to worker processes and Ray actors.
    """

    __slots__ = ("_config", "_rules", "_pipeline")

    def __init__(self, config: Config | None = None, rules: RuleSet | None = None) -> None:
        config = config or Config()
        if rules is None:
            paths: list[str | Path] = []
            if config.default_rules:
                from cleaner.paths import rules_dir

                paths.append(rules_dir())
            paths.extend(config.rules)
            rules = RuleSet.load(paths)
        unknown_stage = [s for s in config.skip if "." not in s and s not in STAGES]
        if unknown_stage:
            raise ValueError(f"--skip: unknown stage {unknown_stage[0]!r} (stages: {', '.join(STAGES)})")
        unknown_rule = rules.naming_none(s for s in config.skip if "." in s)
        if unknown_rule:  # (a typo would otherwise skip nothing, silently)
            stage = unknown_rule[0].split(".")[0]
            hint = f"; --skip {stage} turns off that whole stage" if stage in STAGES else ""
            raise ValueError(f"--skip: no rule {unknown_rule[0]!r} nor rules under it (see --list-rules){hint}")
        rules = rules.without(s for s in config.skip if "." in s)
        if config.safe_only:
            rules = rules.safe()
        object.__setattr__(self, "_config", config)
        object.__setattr__(self, "_rules", rules)
        object.__setattr__(
            self,
            "_pipeline",
            Pipeline(
                _build_stages(rules, config),
                max_rounds=config.max_rounds,
                guard_min_fraction=config.guard_min_fraction,
                guard_min_words=config.guard_min_words,
                lang=config.lang,
                detect_lang=detect,
            ),
        )

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"Cleaner is immutable (cannot set {name!r})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cleaner, (self._config, self._rules))

    @classmethod
    def default(cls, **options: Any) -> Cleaner:
        """The shipped rules with default options (any `Config` field may be given)."""
        return cls(Config(**options))

    @classmethod
    def from_rules(cls, paths: Sequence[str | Path], *, default_rules: bool = False, **options: Any) -> Cleaner:
        """Rules from ``paths`` (files or folders), with or without the shipped ones."""
        return cls(Config(rules=tuple(map(str, paths)), default_rules=default_rules, **options))

    @property
    def config(self) -> Config:
        return self._config

    @property
    def rules(self) -> RuleSet:
        return self._rules

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.name for s in self._pipeline.stages))

    def clean(self, doc: Document | str, *, url: str | None = None, lang: str | None = None) -> Result:
        """Clean one document (or a plain string) and explain every change."""
        if isinstance(doc, str):
            meta: dict[str, Any] = {}
            if url:
                meta["url"] = url
            if lang:
                meta["lang"] = lang
            doc = Document(id="", text=doc, meta=dict(meta))
        elif not isinstance(doc, Document):
            raise TypeError(f"clean() takes a str or a Document, not {type(doc).__name__}")
        if not isinstance(doc.text, str):
            raise TypeError(f"document {doc.id!r}: its text is {type(doc.text).__name__}, not a str")
        return self._pipeline.run(doc)

    def clean_many(self, docs: Iterable[Document | str | Mapping[str, Any]]) -> Iterator[Result]:
        """Clean documents lazily, in order; dicts need ``text`` and may carry ``id``/``url``/``lang``."""
        for i, d in enumerate(docs):
            if isinstance(d, Mapping):
                text = d.get("text")
                if not isinstance(text, str):  # (not str(text): a None would be cleaned as "None")
                    raise TypeError(f"document {i}: 'text' is {type(text).__name__}, not a str")
                meta = {k: v for k, v in d.items() if k != "text"}
                d = Document(id=str(d.get("id", i)), text=text, meta=dict(meta))
            yield self.clean(d)


_DEFAULT: Cleaner | None = None


def default_cleaner() -> Cleaner:
    """The shared default `Cleaner`, built on first use (it is immutable, so sharing is safe)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner.default()
    return _DEFAULT


def clean(text: str, *, url: str | None = None, lang: str | None = None) -> str:
    """Clean one text with the shipped rules and return the cleaned text."""
    return default_cleaner().clean(text, url=url, lang=lang).text


def clean_and_explain(text: str, *, url: str | None = None, lang: str | None = None) -> Result:
    """Clean one text with the shipped rules and return the `Result` with its ledger."""
    return default_cleaner().clean(text, url=url, lang=lang)
