"""The pipeline: run the stages in order, compose their edits onto the original text.

Rounds repeat until a round changes nothing (at most ``max_rounds``), so the output is a
fixpoint: cleaning it again changes nothing, the promise black makes for code. Stages whose
decisions do not depend on other lines being gone (``settles_in_one_round``: unicode repairs,
markup residue, fragments, names) run in the first round only; the zone-dependent removal
stages and layout run in every round. The idempotence property test holds both to it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from cleaner.document import Document, Edit, Result, apply_edits, compose, merge_overlapping
from cleaner.stages.base import Context, Stage

# Stages whose edits only remove text; the precision guard can veto them for a document.
REMOVAL_STAGES = frozenset({"boilerplate", "structure", "duplicates", "fragments"})


CONTEXT_FIELDS = ("lang", "site", "url", "title")
"""The fields of a record the pipeline reads (`Pipeline.context`): a given language, the site,
the title (a headline that repeats it is a duplicate)."""


def context_meta(row: Any, index: int | None = None, skip: str = "") -> dict[str, Any]:
    """`CONTEXT_FIELDS` of a record (a dict; with ``index``, row ``index`` of a batch of
    columns), kept as the CLI's readers keep fields (scalars only), so a dataset row is cleaned
    as `clean` cleans the same JSON Lines record. ``skip``: the text field."""
    out = {}
    for k in CONTEXT_FIELDS:
        if k != skip and k in row:
            v = row[k] if index is None else row[k][index]
            if isinstance(v, (str, int, float, bool)):
                out[k] = v
    return out


def site_of(meta: Any) -> str | None:
    """The site a document comes from: an explicit ``site`` field, else the URL's host."""
    site = meta.get("site") if meta else None
    if site:
        return str(site).lower().removeprefix("www.")
    url = meta.get("url") if meta else None
    if url:
        try:
            host = urlsplit(str(url)).hostname
        except ValueError:
            return None
        return host.removeprefix("www.") if host else None
    return None


def _words(text: str) -> int:
    return len(text.split())


class Pipeline:
    """Ordered stages plus the run-time options they share."""

    # False: every stage runs in every round, even on a text it changed nothing in before (the
    # plain way, which the tests compare the shortcut with)
    skip_quiet = True

    def __init__(
        self,
        stages: Sequence[Stage],
        *,
        max_rounds: int = 3,
        guard_min_fraction: float = 0.03,
        guard_min_words: int = 5,
        lang: str | None = None,
        detect_lang: Any = None,
    ) -> None:
        self.stages = tuple(stages)
        self.max_rounds = max_rounds
        self.guard_min_fraction = guard_min_fraction
        self.guard_min_words = guard_min_words
        self.lang = lang
        self.detect_lang = detect_lang

    def context(self, doc: Document) -> Context:
        lang = self.lang or doc.meta.get("lang") or None
        if lang is None and self.detect_lang is not None:
            lang = self.detect_lang(doc.text)
        return Context(doc_id=doc.id, meta=doc.meta, lang=lang, site=site_of(doc.meta))

    def _run(self, original: str, ctx: Context, skip_removals: bool) -> tuple[list[Edit], int, str]:
        """The edits on ``original``, the rounds run and the text they give."""
        done: list[Edit] = []
        current = original
        rounds = 0
        # stage index -> a text it changed nothing in (and counted no event for): a stage is a
        # function of its text and the document's context, so on the same text it is not run
        # again (a later round often hands duplicates and layout the text they saw last round)
        quiet: dict[int, str] = {}
        for _ in range(self.max_rounds):
            rounds += 1
            changed = False
            for k, stage in enumerate(self.stages):
                if skip_removals and stage.name in REMOVAL_STAGES:
                    continue
                if rounds > 1 and getattr(stage, "settles_in_one_round", False):
                    continue
                if self.skip_quiet and quiet.get(k) == current:
                    continue
                events = ctx.counters.total()
                edits = stage.edits(current, ctx)
                if edits:
                    edits = merge_overlapping(edits)
                    edits = [e for e in edits if current[e.start : e.end] != e.replacement]
                if not edits:
                    if ctx.counters.total() == events:
                        quiet[k] = current
                    continue  # (most stages, most rounds: nothing to merge, filter or compose)
                done = compose(original, done, edits, current)
                # the stage's few edits on its input, not all of them on the original: the
                # provenance tests hold `Result.replay` (the ledger on the original) to it
                current = apply_edits(current, edits)
                changed = True
            if not changed:
                break
        else:
            ctx.counters["pipeline.not-converged"] += 1
        return done, rounds, current

    def _guard_fires(self, original: str, text: str) -> bool:
        """Did the removals leave too little of a document of 20 words or more?

        Counted only as far as needed: a text of n characters holds at most (n + 1) // 2
        words, so an output with that many words (times the fraction) settles it without a
        count of the input's; and the output's words are split off only up to that bar."""
        bar = max(self.guard_min_words, self.guard_min_fraction * ((len(original) + 1) // 2))
        if self.guard_min_fraction >= 0 and math.isfinite(bar):
            k = min(max(math.ceil(bar), 0), len(text) + 1)  # (more than the words any text holds)
            parts = text.split(None, k)  # k words and the rest, or all of them when fewer
            if len(parts) > k or len(parts) >= bar:
                return False  # k + 1 > bar words or more, or as many as the bar
            n_out = len(parts)
        else:
            n_out = _words(text)
        n_in = _words(original)
        return n_in >= 20 and n_out < max(self.guard_min_words, self.guard_min_fraction * n_in)

    def run(self, doc: Document) -> Result:
        ctx = self.context(doc)
        original = doc.text
        done, rounds, text = self._run(original, ctx, skip_removals=False)
        if self._guard_fires(original, text):
            # The kept text (the input with only the repairs) must have the words too: a second
            # pass starts from it, and the repairs change its count (a run of zero-width spaces
            # is a "word" of the input), so a page just over the floor was kept, and its output,
            # just under it, emptied by a second pass.
            before = ctx.counters.copy()
            kept = self._run(original, ctx, skip_removals=True)
            if self._guard_fires(kept[2], text):
                ctx.counters["guard.kept-document"] += 1
                done, rounds, text = kept
            else:  # (its events are of a run that is not used)
                ctx.counters = before
        stats = {"lang": ctx.lang, "rounds": rounds, "events": dict(ctx.counters)}
        return Result(text=text, edits=tuple(done), original=original, doc_id=doc.id, stats=stats)
