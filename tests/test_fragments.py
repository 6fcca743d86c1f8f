"""Tests of the ``fragments`` stage: rule cases, seed 003, benchmark floors and properties."""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from unittest.mock import patch

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import sentences
from cleaner.document import Edit, apply_edits, check_edits
from cleaner.normalize import fold
from cleaner.ruleset import RuleSet
from cleaner.sentences import sentence_spans, split_sentences
from cleaner.stages import fragments
from cleaner.stages.base import Context, iter_lines
from cleaner.stages.fragments import FragmentsStage, load_fragment_rules, looks_english

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "003_e7d5205f6744182c.txt"
DATA = ROOT / "benchmarks" / "data" / "fragments"
GT_CANDIDATES = (
    ROOT.parent / "shared" / "bench" / "article-extraction-dev" / "ground-truth.json",
    Path("/work/shared/bench/article-extraction-dev/ground-truth.json"),
)
GT = next((p for p in GT_CANDIDATES if p.exists()), None)
needs_gt = pytest.mark.skipif(GT is None, reason="dev ground truth not available")

STAGE = FragmentsStage()
RULES = load_fragment_rules()


def run(text: str, lang: str | None = "en") -> tuple[str, list[Edit]]:
    edits = STAGE.edits(text, Context(lang=lang))
    return apply_edits(text, edits), edits


def assert_deletions(text: str, edits: list[Edit]) -> None:
    check_edits(text, edits)
    assert all(e.replacement == "" for e in edits)
    assert all(e.rule.startswith("fragments.") for e in edits)


# ---------------------------------------------------------------- rule files and their cases


def test_rule_packs_load_and_name_known_detectors() -> None:
    ids = {r.id for r in RULES}
    for lang in ("en", "de", "fr", "es"):
        for slug in ("capital-function-word", "orphan-token", "doubled-function-word",
                     "cut-off-repeat"):
            assert f"fragments.{lang}.{slug}" in ids
    for r in RULES:
        assert r.kind == "detector" and r.cases, r.id


@pytest.mark.parametrize(
    ("rule_id", "lang", "inp", "out"),
    [(r.id, r.lang, i, o) for r in RULES for i, o in r.cases],
    ids=lambda v: v if isinstance(v, str) and v.startswith("fragments.") else "",
)
def test_rule_case(rule_id: str, lang: str, inp: str, out: str) -> None:
    got, edits = run(inp, lang)
    assert got == out
    assert_deletions(inp, edits)
    if inp != out:
        assert any(e.rule == rule_id for e in edits), [e.rule for e in edits]
    assert run(got, lang)[1] == []  # idempotent


# ---------------------------------------------------------------- seed 003


def test_seed_003_cuts_the_three_fragments_only() -> None:
    text = SEED.read_text(encoding="utf-8")
    got, edits = run(text, lang=None)  # language guessed
    removed = [(e.rule, text[e.start : e.end]) for e in edits]
    assert removed == [
        ("fragments.en.capital-function-word",
         " The current state of the country was announced by the rotating presidency of the CSTO"
         " after the meeting on Thursday, the Russian news agency TASS said"),
        ("fragments.en.orphan-token", " 19th"),
        ("fragments.en.capital-function-word",
         ", the only one The block’s border shares with its beleaguered neighbor"),
    ]
    assert "potential threats in the organization’s space,” Tajikistan President Emomali Rahmon said.\n" in got
    assert "several people join via video link.\n\nThe Eurasian alliance" in got
    assert "1,344-kilometer-long border with Afghanistan.\n\nThe Shanghai" in got
    # Every other sentence is intact.
    kept = set(split_sentences(got))
    for s in split_sentences(text):
        if not any(frag.strip(" ,") in s for _, frag in removed):
            assert s in kept
    assert run(got, None)[1] == []


# ---------------------------------------------------------------- the benchmark floors


def test_labelled_set_size_and_recall() -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks import fragments as bench

    pos = bench.load_positives()
    spans = sum(len(r["bad"]) for r in pos)
    assert spans >= 150
    if GT is None:
        pytest.skip("dev ground truth not available")
    r = bench.run(GT)
    assert r["recall"] >= 0.9
    assert r["gt_touched_share"] <= 0.002
    assert r["false_edits"]["on_keep_texts"] == 0


# Recall on the blind sets (written without seeing the detectors; see benchmarks/fragments.py
# and the README), as measured when they were added: a change may raise these, never lower
# them. blind4 was held out until the end of that round; the rules were tuned on the others.
BLIND_FLOORS = {"blind": 0.78, "blind2": 0.79, "blind3": 0.70, "blind4": 0.60}
# Keep lines the stage still cuts, each a known miss: "revival of In the Heights" (a title).
BLIND_KEEP_TOUCHED = {"blind3": 1}


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_blind_set_recall_and_keep_lines(name: str) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks import fragments as bench

    r = bench.blind(name)
    assert r is not None and r["defects"] >= 80 and r["keep_lines"] >= 50
    assert r["recall"] >= BLIND_FLOORS[name], r["by_kind"]
    assert r["keep_lines_touched"] <= BLIND_KEEP_TOUCHED.get(name, 0)


def test_keep_texts_unchanged() -> None:
    for line in (DATA / "keep.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text = line.replace("\\n", "\n")
            assert run(text)[1] == [], text


# ---------------------------------------------------------------- properties


@lru_cache(maxsize=1)
def well_formed_sentences() -> tuple[str, ...]:
    """Well-formed sentences of the dev ground truth (less those reviewed as broken)."""
    assert GT is not None
    broken = {ln.strip() for ln in (DATA / "gt_broken.txt").read_text(encoding="utf-8").splitlines()}
    data = json.loads(GT.read_text(encoding="utf-8"))
    out = []
    for rec in data.values():
        for s in split_sentences(rec["articleBody"]):
            if (
                s not in broken
                and len(s.split()) >= 5
                and (s[0].isupper() or s[0] in "\"“‘'(")
                and s.rstrip("\"”’')")[-1:] in (".", "!", "?")
            ):
                out.append(s)
    return tuple(out)


def sentence_texts() -> st.SearchStrategy[str]:
    sents = well_formed_sentences()
    return st.lists(
        st.tuples(st.integers(0, len(sents) - 1), st.sampled_from([" ", "\n", "\n\n"])),
        min_size=1,
        max_size=12,
    ).map(lambda items: "".join(sents[i] + sep for i, sep in items).rstrip())


@needs_gt
def test_ground_truth_sentences_one_by_one_unchanged() -> None:
    touched = [s for s in well_formed_sentences() if run(s, None)[1] or run(s, "en")[1]]
    assert touched == []


@needs_gt
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_well_formed_text_is_unchanged(data: st.DataObject) -> None:
    text = data.draw(sentence_texts())
    assert STAGE.edits(text, Context()) == []
    assert STAGE.edits(text, Context(lang="en")) == []


FUNCTION_STARTS = ["The", "This", "His", "Their", "It", "We", "In", "After", "But", "However"]


@needs_gt
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_spliced_text_deletions_only_and_idempotent(data: st.DataObject) -> None:
    sents = well_formed_sentences()
    a = sents[data.draw(st.integers(0, len(sents) - 1))]
    b = sents[data.draw(st.integers(0, len(sents) - 1))]
    words = a.split()
    cut = data.draw(st.integers(1, len(words)))
    start = data.draw(st.sampled_from(FUNCTION_STARTS))
    tail = data.draw(st.sampled_from(["", " 19th", " the", " 3", "\n" + " ".join(words[:cut])]))
    text = " ".join(words[:cut]) + " " + start + " " + b[:1].lower() + b[1:] + tail
    out, edits = run(text, "en")
    assert_deletions(text, edits)
    assert len(out) <= len(text)
    assert run(out, "en")[1] == []


@needs_gt
def test_labelled_positives_idempotent_and_deletions_only() -> None:
    for name in ("real.jsonl", "synthetic.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out, edits = run(rec["text"], rec["lang"])
            assert_deletions(rec["text"], edits)
            assert run(out, rec["lang"])[1] == [], rec["id"]


# ---------------------------------------------------------------- the stage object


def test_stage_is_picklable_and_named() -> None:
    clone = pickle.loads(pickle.dumps(STAGE))
    assert clone.name == "fragments"
    text = "He said The talks were to be resumed soon after the holidays in the capital city."
    assert clone.edits(text, Context(lang="en")) == STAGE.edits(text, Context(lang="en"))


def test_unknown_language_does_nothing() -> None:
    fr = "Le président a dit La réunion a été annoncée par la présidence tournante jeudi soir."
    assert not looks_english(fr)
    assert STAGE.edits(fr, Context()) == []
    assert STAGE.edits(fr, Context(lang="fi")) == []


def test_safe_only_drops_risky_rules() -> None:
    safe = FragmentsStage.from_ruleset(RuleSet.default().safe())  # (what Config(safe_only=True) builds)
    assert safe.rules and all(r.safety == "safe" for r in safe.rules)
    text = "He said The talks were to be resumed soon after the holidays in the capital city."
    assert safe.edits(text, Context(lang="en")) == []


def test_sentence_spans_keep_abbreviations_together() -> None:
    line = "Mr. Smith met Dr. Jones in the U.S. capital on Nov. 19. They talked. “Why?” she asked."
    assert [line[s:e] for s, e in sentence_spans(line)] == [
        "Mr. Smith met Dr. Jones in the U.S. capital on Nov. 19.",
        "They talked.",
        "“Why?” she asked.",
    ]


@pytest.mark.parametrize(
    ("rule_id", "lang", "text"), [(r.id, r.lang, x) for r in RULES for x in r.known_misses]
)
def test_known_misses_still_missed(rule_id: str, lang: str, text: str) -> None:
    # When one of these starts to be cut, check the repair and move it to the rule's cases.
    assert not [e for e in run(text, lang)[1] if e.rule == rule_id]


def test_empty_rules_do_nothing_and_ruleset_selects() -> None:
    text = "He said The talks were to be resumed soon after the holidays in the capital city."
    assert FragmentsStage(()).edits(text, Context(lang="en")) == []
    rs = RuleSet.default().without(["fragments.en.capital-function-word"])
    assert FragmentsStage.from_ruleset(rs).edits(text, Context(lang="en")) == []
    assert FragmentsStage.from_ruleset(RuleSet.default()).edits(text, Context(lang="en"))


# --------------------------------------------------------------------------------------------
# Fast paths: the whole-text triggers only skip lines where nothing can fire


def _every_line(positions: object, lines: list[object]) -> list[int]:
    return list(range(len(lines)))


def _every_line_ends(texts: list[str], min_words: int) -> list[tuple[int, bool, bool]]:
    return [(k, not fragments._ends_sentence(t) or t.rstrip().endswith(("…", "...")), t.lstrip()[:1].islower())
            for k, t in enumerate(texts)]


@contextmanager
def plain_way() -> Iterator[None]:
    """The stage with its shortcuts off: the whole-text triggers and the folds find every line,
    every fold counts as repeated, every line is read for a match."""
    with (patch.object(fragments, "_lines_at", _every_line),
          patch.object(fragments, "_twice", lambda folded, within: True),
          patch.object(fragments, "_cut_off_lines", _every_line_ends),
          patch.object(fragments, "_lines_holding_all", lambda wanted, text, lines: _every_line(0, lines)),
          patch.object(fragments, "_doubled_keys", lambda words, pairs=(), pair_firsts=None: None)):
        yield


_LOWER = ["the", "a", "an", "of", "to", "and", "its", "said", "says", "film", "vitamin", "meeting",
          "border", "was", "announced", "by", "after", "la", "de", "die", "itſ", "état", "x"]
_OTHER = ["The", "THE", "A", "It", "He", "When", "According", "Der", "Die", "Le", "La", "El",
          "Los", "President", "Rahmon", "19th", "3", "2021", "Über", "“The", "K", "İ", "ı", "TASS",
          "Thursday", "l'AFP", "according to", "told Reuters", "iPhone",
          "Аb", "U.S.", "Nov.", "Mr.", "{", "=", "’s", "-", "—", "the the", "The the", "a a",
          "to  to", "of of of", "an An", "said The", "the The", "when In", "i.e.", "3rd"]
_WORD = st.one_of(st.sampled_from(_LOWER), st.sampled_from(_LOWER), st.sampled_from(_OTHER))
_LINE = st.tuples(
    st.lists(st.tuples(_WORD, st.sampled_from([" ", " ", " ", " ", "  ", ", ", ". ", "\t", "\u00a0"])),
             max_size=14),
    st.sampled_from(["", ".", "!", "?", "…", ".”", ",", ":", ". 19th", ". the", ". 3", "? 2021",
                     "… the", ".” 19th", ". 19 The leaders met", "! 3rd In the end", ". and The", ". of the",
                     ". pm Residents left", "... the International", ". March", ". 3rd The Mexican", ". 19.",
                     ". und Pendler", ".” and Smith said", "? et Les gens"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\n", "\n\n", " \n"])), max_size=8),
       st.sampled_from([None, "en", "en", "de", "fr", "es"]), st.integers(0, 3))
def test_fast_paths_find_what_reading_every_line_finds(
    lines: list[tuple[tuple[list[tuple[str, str]], str], str]], lang: str | None, repeat: int
) -> None:
    text = "".join("".join(w + g for w, g in words).rstrip(" ") + end + brk for (words, end), brk in lines)
    if repeat and text:  # a cut-off copy of a stretch of the text on its own line
        cut = len(text) * repeat // 4
        text = text + "\n" + text[:cut] + "\n" + text[cut // 2 :]
    ctx = Context(lang=lang)
    fast = STAGE.edits(text, ctx)
    with plain_way():
        slow = STAGE.edits(text, ctx)
    assert fast == slow


_CUT_OFF = next(r for r in RULES if r.detector == "cut-off-repeat" and r.lang == "en")
_SENTENCE = "The minister said the new plan would be presented to parliament next week"
_TALKS = "Officials said the talks went well and would go on."
_PIECES = [_SENTENCE, _SENTENCE + ".", "the leaders met in Dushanbe, the capital, on Monday to discuss the border.",
           _TALKS, "Read more.", "état du monde", "İstanbul", "Café.",
           _SENTENCE.replace("would", "wοuld") + " and then the leaders met in Dushanbe " + "ΣΟΦΙΑ " * 40,
           "itſ", "Аb", "ﬁnal", "“", "’", "—", "\u00a0", "…", ",", "K"]


def _piece(p: str, how: int, at: int) -> str:
    return (p, p[:at], p[at:], p[:1].lower() + p[1:])[how]


_GREEK = _PIECES.index(next(p for p in _PIECES if "ο" in p))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.tuples(st.sampled_from(_PIECES), st.integers(0, 3), st.integers(1, 80)),
                                   min_size=1, max_size=3),
                          st.sampled_from(["", ".", ",", " the"])), max_size=6))
@example([([(_PIECES[_GREEK], 0, 1)], ""), ([(_SENTENCE, 1, 33)], "")])  # "… plan wo", see above
@example([([(_TALKS, 0, 1)], ""), ([(_TALKS, 2, 25), ("Read more.", 0, 1)], "")])  # a tail of six words
@example([([(_SENTENCE, 0, 1)], ""), ([("Read more.", 0, 1), (_SENTENCE, 1, 28)], "")])  # a head of six words
@example([([("Café.", 0, 1), (_SENTENCE, 1, 28)], ""), ([(_SENTENCE, 0, 1)], "")])  # a head in an odd line
def test_cut_off_repeat_shortcuts_find_what_the_plain_way_finds(lines: list) -> None:
    """Lines of whole sentences, their heads and tails: the folds ruled out as unrepeated, and
    the lines not read, hold no match. (The line with a Greek ο in "wοuld" has more Greek
    letters than Latin ones, so its fold keeps the ο; the fold of its start, where the Latin
    letters are more, reads it as o: a copy that the odd lines' sentences show, no line's fold.)"""
    text = "\n".join(" ".join(_piece(*part) for part in parts) + end for parts, end in lines)
    fast = _detect(fragments.cut_off_repeat, _CUT_OFF, text)
    with plain_way():
        assert _detect(fragments.cut_off_repeat, _CUT_OFF, text) == fast


def _detect(detector: Callable[..., list[Edit]], rule: object, text: str) -> list[Edit]:
    """The cuts of one detector on ``text``, from lines and sentences made for it."""
    lines = fragments._Lines(text)
    return detector(rule, text, lines, fragments._LazySentences(lines))


@given(st.text(alphabet="ab \n", max_size=30))
def test_lazy_lines_are_iter_lines(text: str) -> None:
    lines = fragments._Lines(text)
    assert list(lines) == list(iter_lines(text))
    assert lines.starts == [ln.start for ln in iter_lines(text)]


_LOOKBEHIND_BOUNDARY = regex.compile(r"""(?<=[.!?…])["'”’»)\]]*(?=\s+["'“‘«(\[]*[\p{Lu}\p{N}¿¡])""")


@given(st.text(alphabet="a.!?…\"'”’»)]“‘«([ \tA1¿", max_size=30))
def test_sentence_boundaries_as_the_lookbehind_found_them(line: str) -> None:
    assert [m.end() for m in sentences._BOUNDARY.finditer(line)] == [
        m.end() for m in _LOOKBEHIND_BOUNDARY.finditer(line)
    ]


@given(st.text(alphabet="a.!?… \t\u00a0\u2003A1", max_size=20))
def test_sentence_spans_without_punctuation_as_the_loop_found_them(line: str) -> None:
    start, n = 0, len(line)
    while start < n and line[start].isspace():
        start += 1
    stop = n
    while stop > start and line[stop - 1].isspace():
        stop -= 1
    if not any(c in line for c in ".!?…"):
        assert sentence_spans(line) == ([(start, stop)] if stop > start else [])


_DOUBLED_RULES = sorted((r for r in RULES if r.detector == "doubled-word"), key=lambda r: r.lang)  # de en es fr
_DOUBLED_WORDS = ["the", "The", "THE", "a", "A", "an", "of", "für", "Für", "FÜR", "fu\u0308r", "de", "les", "el",
                  "thiſ", "this", "K", "k", "data", "e\u0301the", "’the", "the’", "x-the", "ünd", "ΑΒ", "ἀβ",
                  "of the", "Of the", "for the", "of  the", "oſ the", "the of", "für die", "in der", "de la", "said"]
_GAPS = [" ", " ", "  ", "\u00a0", "\t", ", ", "-", "’", ".", "—"]
_REPEATS = st.tuples(st.sampled_from(_DOUBLED_WORDS), st.integers(1, 3), st.sampled_from([" ", " ", "  ", "\u00a0"]),
                     st.sampled_from([str, str.lower, str.upper, str.title])).map(
    lambda t: t[0] + (t[2] + t[3](t[0])) * (t[1] - 1))  # a word, maybe repeated, maybe in another case


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(_REPEATS, st.sampled_from(_GAPS)), max_size=6)
                .map(lambda items: "".join(w + g for w, g in items)), max_size=5).map("\n".join),
       st.sampled_from(_DOUBLED_RULES))
@example("x the the\ne\u0301the the", _DOUBLED_RULES[1])  # a mark before: the fold reads "ethe", the rule a word
@example("x\nthe the", _DOUBLED_RULES[1])  # a repeat at a line's start
def test_doubled_word_reads_the_lines_that_can_match(text: str, rule: object) -> None:
    """The lines whose fold holds no listed word twice (and that are plain) hold no match:
    what the lines found give is what reading every line gives."""
    fast = _detect(fragments.doubled_word, rule, text)
    with plain_way():
        assert _detect(fragments.doubled_word, rule, text) == fast


def test_doubled_keys_only_for_words_a_fold_shows() -> None:
    """A word of ASCII letters and digits is its own fold; ſ matches s, case aside, so "thiſ"
    may be in a plain line, as "this"; ü matches no character of a plain line, and ü and Ü fold
    to u: "für" is looked for as "fur fur" in the odd lines (the tangled ones all read); Greek
    letters are tangled: every odd line is read."""
    assert fragments._doubled_keys(("the", "a")) == (("the the", "a a"), "none")
    assert fragments._doubled_keys(("thiſ", "the")) is None
    assert fragments._doubled_keys(("l'", "the")) is None
    assert fragments._doubled_keys(("die", "für")) == (("die die", "fur fur"), "tangled")
    assert fragments._doubled_keys(("die", "για", "für")) == (("die die",), "odd")


def test_ascii_lookalikes_fold_to_the_letter_they_match() -> None:
    """What `_doubled_keys` relies on: a character that matches an ASCII letter case aside
    (K, ſ, İ, ı) folds to that letter in lower case, alone or inside a word."""
    from cleaner.prefilter import _ascii_lookalikes

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    found = set(regex.findall(r"[\x00-\x7f]", every, flags=regex.IGNORECASE)) - set(map(chr, range(128)))
    assert found == set(_ascii_lookalikes())
    for c in found:
        letters = {a.lower() for a in map(chr, range(128)) if regex.fullmatch(regex.escape(a), c, flags=regex.IGNORECASE)}
        assert fold(c) in letters and fold(f"x{c}y") == f"x{fold(c)}y", c


def test_characters_outside_the_tangling_blocks_fold_one_by_one() -> None:
    """What `_Lines.tangled` relies on: a character outside `_TANGLING` decomposes (NFKD, marks
    dropped, case-folded, NFKD again) to no lookalike `fold` may make Latin, no Hangul jamo and
    no mark; and NFKC joins a character to the one before it only when that one is a mark (or a
    jamo). So `fold` maps each character alone, whatever stands around it."""
    import unicodedata

    from cleaner import normalize

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    s = unicodedata.normalize("NFKD", normalize._INVISIBLE.sub("", fragments._TANGLING.sub("", every)))
    s = normalize._MARKS.sub("", s).casefold().replace("ı", "i")
    assert not set(s) & {chr(k) for k in normalize._HOMOGLYPHS}
    assert not regex.search(r"[\p{M}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]", unicodedata.normalize("NFKD", s))
    for c in every:
        parts = unicodedata.decomposition(c).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second = chr(int(parts[1], 16))
            assert unicodedata.normalize("NFC", chr(int(parts[0], 16)) + second) != c or regex.match(r"\p{M}", second)


_KEYS = st.lists(st.text(alphabet="ab é𝐀\n", min_size=1, max_size=4), max_size=5, unique=True).map(tuple)


@settings(max_examples=300, deadline=None)
@given(_KEYS, st.text(alphabet="ab é𝐀\n", max_size=40))
def test_keys_matcher_finds_what_str_find_finds(keys: tuple[str, ...], text: str) -> None:
    """Every place of every key, overlapping ones too, at the offsets `str.find` gives (also
    after characters outside ASCII and the BMP)."""
    slow = {(i, i + len(k)) for k in keys for i in range(len(text) + 1) if text.startswith(k, i)}
    fast = [(i, j) for _, i, j in fragments._keys_matcher(keys).find_matches_as_indexes(text, overlapping=True)]
    assert sorted(fast) == sorted(slow)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aZ1 \t\r\x0b\x1c\u00a0.!?…\"”)’éΣß-", max_size=20), max_size=6), st.integers(0, 4))
def test_cut_off_lines_are_those_that_may_give_a_head_or_tail(texts: list[str], min_words: int) -> None:
    """Each line with its head and tail flags as the plain way has them; a line left out gives
    neither, or is ASCII and folds to fewer than ``min_words`` words (so does any part of it)."""
    got = fragments._cut_off_lines(texts, min_words)
    every = _every_line_ends(texts, min_words)
    assert set(got) <= set(every)
    for k, head, tail in set(every) - set(got):
        assert not (head or tail) or (texts[k].isascii() and len(fold(texts[k]).split()) < min_words)


_CAPITAL = next(r for r in RULES if r.detector == "capital-function-word" and r.lang == "en")
_CAPITAL_WORDS = fragments._sorted_words(_CAPITAL, "words", "after_verb_words")
_CAPITAL_BITS = ["The", "A", "An", "When", "Its", "the", "said", "x", "é", "ß", "Σ", "ǅ", "’", "'", "-", ".", "3",
                 " ", " ", "  ", "\n", "\t", "É", "İ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CAPITAL_BITS), max_size=24).map("".join))
@example("the leaders met on Monday The talks went on")
@example("x\nsaid When élan Its éx")
@example("told Reuters This was said by TASS It is")
def test_capital_spaces_hold_every_pattern_match(text: str) -> None:
    """The space before every capital word `_capital_pattern` finds is among the spaces found."""
    spaces = set(fragments._capital_spaces(text, _CAPITAL_WORDS))
    pat = fragments._capital_pattern(_CAPITAL_WORDS)
    for line in iter_lines(text):
        for m in pat.finditer(line.text):
            assert line.start + m.start("cap") - 1 in spaces
