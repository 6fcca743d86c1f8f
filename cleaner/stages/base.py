"""The one small interface every stage implements, and the per-document context it gets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import add, ge, itemgetter
from typing import Any, AnyStr, NamedTuple, Protocol, runtime_checkable

from cleaner.document import Edit


@dataclass
class Context:
    """What a stage may know about the document besides its current text.

    ``counters`` collects per-document events that are not edits (a regex timeout, a guard that
    kept a document); the pipeline adds them to the run summary.
    """

    doc_id: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    lang: str | None = None
    site: str | None = None
    counters: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


@runtime_checkable
class Stage(Protocol):
    """A named, pure step: given the current text it returns edits on that text.

    Edits must not overlap one another; offsets are into ``text`` (the stage's own input).
    Stages hold no mutable state, so one instance can serve many threads and processes.
    """

    name: str

    def edits(self, text: str, ctx: Context) -> list[Edit]: ...


class Line(NamedTuple):
    """One line of a text: ``text[start:end]`` without its line break; ``stop`` includes it.

    A named tuple: stages make one per line of every text they see, and a tuple is built
    several times faster than a frozen dataclass."""

    index: int
    start: int
    end: int
    stop: int
    text: str


_ONE = 1
_TEXT = itemgetter(4)  # a Line's text


def iter_lines(text: str) -> Iterator[Line]:
    """Split on ``\\n`` only (the unicode stage has already made every line break a ``\\n``)."""
    return iter(split_lines(text))


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` (see `iter_lines`): no empty last line after a final break; a
    line's ``stop`` includes its break when it has one."""
    return Lines(text).all()


def line_starts(parts: list[str]) -> list[int]:
    """Where each of these parts starts in their join by line breaks (each step a C loop: a
    text has thousands of lines)."""
    return list(accumulate(map(_ONE.__add__, map(len, parts[:-1])), initial=0)) if parts else []


class Lines(Sequence[Line]):
    """The lines of a text, as `split_lines` gives them, each `Line` made on first use.

    Most stages read the text and start of every line (`texts`, `starts`, plain lists) but
    whole `Line`s of only a few (those they remove); making a tuple for each line of every
    text they see was a tenth of the pipeline's time. Iterating makes them all at once."""

    __slots__ = ("texts", "starts", "_size", "_made", "_all")

    def __init__(self, text: str) -> None:
        parts = text.split("\n")
        if parts[-1] == "":
            parts.pop()  # the text ends with a break (or is empty): no line after it
        self.texts = parts
        self.starts = line_starts(parts)
        self._size = len(text)
        self._made: dict[int, Line] = {}
        self._all: list[Line] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            return self.all()[i]
        if self._all is not None:
            return self._all[i]
        line = self._made.get(i)
        if line is None:
            if i < 0:
                i += len(self.texts)
                if i < 0:
                    raise IndexError("line index out of range")
            part, start = self.texts[i], self.starts[i]  # (IndexError when past the end)
            end = start + len(part)
            line = self._made[i] = Line(i, start, end, min(end + 1, self._size), part)
        return line

    def __iter__(self) -> Iterator[Line]:
        return iter(self.all())

    def all(self) -> list[Line]:
        """Every line, made in one go (and kept)."""
        if self._all is None:
            parts, starts = self.texts, self.starts
            ends = list(map(add, starts, map(len, parts)))
            stops = list(map(_ONE.__add__, ends))
            if stops and stops[-1] > self._size:
                stops[-1] = ends[-1]  # the last line has no break
            fields = zip(range(len(parts)), starts, ends, stops, parts, strict=True)
            self._all = list(map(tuple.__new__, repeat(Line), fields))  # Line(*f), without its Python-level __new__
        return self._all


def positions(hay: AnyStr, needles: Iterable[AnyStr]) -> list[int]:
    """Every offset where one of ``needles`` starts in ``hay``, overlapping ones too, in the
    needles' order: each found with ``find``, which a few needles in a long text pay off."""
    out = []
    for w in needles:
        i = hay.find(w)
        while i >= 0:
            out.append(i)
            i = hay.find(w, i + 1)
    return out


def removal_span(lines: Sequence[Line], i: int) -> tuple[int, int]:
    """The span that removes line ``i``: the line and its break, plus the blank lines after it
    when it starts a paragraph, so no empty paragraph is left behind."""
    stop = lines[i].stop
    if i == 0 or not lines[i - 1].text.strip():
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            stop = lines[j].stop
            j += 1
    return lines[i].start, stop


class LineFacts(NamedTuple):
    """What several stages need of every line of one text: the lines (`Lines`: their texts
    and starts at hand, each `Line` made when asked for), their word counts and whether each
    reads as an article paragraph (`cleaner.zones`). Read-only."""

    lines: Lines
    words: tuple[int, ...]
    paragraph: tuple[bool, ...]


_last_facts: tuple[str, LineFacts] | None = None


def line_facts(text: str) -> LineFacts:
    """`LineFacts` of ``text``, shared by the stages that see the same text object in a row.

    Within a round, a stage that changes nothing hands the next one the very same string, and
    a fixpoint round mostly changes nothing; so the last text's facts are kept (one slot, set
    in one assignment, so threads can only make it compute twice, never answer wrongly)."""
    global _last_facts
    last = _last_facts
    if last is not None and last[0] is text:
        return last[1]
    from cleaner.zones import MIN_WORDS, _long_paragraph, words_of

    lines = Lines(text)
    texts = lines.texts
    words = tuple(map(words_of, texts))  # a cached function mapped in C: no Python frame on a hit
    # what `is_paragraph` asks, given the counts: most lines have fewer than MIN_WORDS words and
    # are no paragraph, so only the others (picked in C) are asked about
    para = [False] * len(texts)
    for i in compress(range(len(texts)), map(ge, words, repeat(MIN_WORDS))):
        para[i] = _long_paragraph(texts[i], words[i])
    paragraph = tuple(para)
    facts = LineFacts(lines, words, paragraph)
    _last_facts = (text, facts)
    return facts
