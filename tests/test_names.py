"""Person-name variants: keys, mentions, alias table, corpus pass and the names stage."""

from __future__ import annotations

import csv
import pickle
import re
import unicodedata
from functools import reduce as fold
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib  # type: ignore[no-redef]

from cleaner.corpus.names import NameCounts, add, build_table, finalize, map_doc, reduce
from cleaner.document import apply_edits
from cleaner.names import (
    _PART_RE,
    NameTable,
    _keys,
    _part_words,
    _token_key,
    default_table,
    find_mentions,
    token_key,
    variant_key,
)
from cleaner.stages.base import Context
from cleaner.stages.names import NamesStage

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
LABELLED = ROOT / "benchmarks" / "data" / "names" / "news_names.tsv"
TABLE = default_table()
STAGE = NamesStage(TABLE)


def clean(stage: NamesStage, text: str) -> str:
    return apply_edits(text, stage.edits(text, Context()))


# --------------------------------------------------------------------------- variant_key


@pytest.mark.parametrize(("a", "b"), [
    ("Sergei", "Sergey"), ("Sergej", "Sergei"), ("Dmitry", "Dmitrii"), ("Dmitriy", "Dmitri"),
    ("Zelensky", "Zelenskyy"), ("Zelenskiy", "Selenskyj"), ("Rahmon", "Rakhmon"),
    ("Lavrov", "Lawrow"), ("Navalny", "Nawalny"), ("Yulia", "Yuliya"), ("Tatiana", "Tatjana"),
    ("Сергей Лавров", "Sergei Lavrov"), ("Müller", "Mueller"), ("Sergeyev", "Sergeev"),
    ("Nikolayev", "Nikolaev"), ("Gorbachev", "Gorbatschow"), ("Vasilyev", "Vasiliev"),
    ("Yegor", "Egor"), ("Gaddafi", "Gadhafi"), ("Benítez", "Benitez"),
    ("Darcey", "Darcy"), ("Sundqvist", "Sundquist"), ("Howe", "Hou"), ("Sarah", "Sara"),
])
def test_same_name(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Ivanov", "Ivanova"), ("Aleksandr", "Aleksandra"), ("Sergei", "Sergeev"),
    ("Sergey", "Sergeyevich"), ("Vasilyev", "Vasilev"), ("Daniel", "Danielle"),
    ("Simon", "Simone"), ("Kido", "Kito"), ("Fabian", "Fabien"), ("Lavrov", "Lavrova"),
    ("Fritsch", "Fry"), ("Howe", "Hove"), ("Aleksey", "Aleksy"), ("Louis", "Louise"),
    ("Antoine", "Antoinette"), ("Ang", "Ange"), ("Ing", "Inge"), ("Matvey", "Matvi"),
])
def test_different_names(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Yeltsin", "Jelzin"), ("Golitsyn", "Golicyn"), ("Golizyn", "Golitsyn"), ("Scholtz", "Scholz"),
    ("Ivanovs", "Ivanov"), ("Vasiļjevs", "Vasilyev"), ("Dmitrijs", "Dmitriy"), ("Nikolajs", "Nikolay"),
    ("Soňa", "Sonya"), ("Taťána", "Tatyana"), ("Fyodor", "Fjodor"), ("Fyodor", "Fedor"),
    ("Artyom", "Artem"), ("Khrushchev", "Khruschev"), ("Shchukin", "Schtschukin"),
    ("Sergueï", "Sergei"), ("Guennadi", "Gennadi"), ("Dzhokhar", "Jokhar"), ("Smirnoff", "Smirnov"),
    ("Yanukovych", "Yanukovich"), ("Klychko", "Klitschko"), ("Tsvetaïeva", "Tsvetayeva"),
    ("Dschugaschwili", "Dzhugashvili"), ("Gorbaczow", "Gorbachev"), ("Voroncov", "Vorontsov"),
    ("Zajcev", "Zaitsev"), ("Iekaterina", "Yekaterina"),
])
def test_same_name_across_slavic_schemes(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Ivanovs", "Ivanova"), ("Matthew", "Matthews"), ("Alberts", "Albers"), ("Fyodor", "Fyodorov"),
    ("Kats", "Kass"), ("Frits", "Fries"), ("Chernykh", "Cherny"), ("Voroncov", "Voronkov"),
])
def test_slavic_schemes_keep_different_names_apart(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


def _why_examples() -> list[tuple[int, str, list[str]]]:
    """Each "A / B" example in the ``why`` of a spelling rule: rule number, pattern, names."""
    with open(ROOT / "rules" / "names" / "spelling.toml", "rb") as f:
        rules = tomllib.load(f)["rule"]
    out = []
    for i, r in enumerate(rules, 1):
        for group in re.findall(r"\(([^()]*)\)", r["why"]):
            for example in group.split(","):
                names = [n.strip() for n in example.split(" / ")]
                if len(names) > 1 and all(re.fullmatch(r"[^\W\d_]+", n) for n in names):
                    out.append((i, r["pattern"], names))
    return out


def test_spelling_rule_examples_share_a_key() -> None:
    """The examples a rule's ``why`` gives as one name ("Tichon / Tikhon") do share a key."""
    examples = _why_examples()
    assert len(examples) >= 60
    wrong = [(i, p, ns) for i, p, ns in examples if len({variant_key(n) for n in ns}) > 1]
    assert wrong == []


def _labelled() -> list[tuple[str, list[str]]]:
    with open(LABELLED, encoding="utf-8", newline="") as f:
        return [(r["kind"], r["names"].split("|")) for r in csv.DictReader(f, delimiter="\t")]


def _same(a: str, b: str) -> bool:
    """Same person by spelling key, or both known to the alias table as one person."""
    if variant_key(a) == variant_key(b):
        return True
    ca, cb = TABLE.canonical(a), TABLE.canonical(b)
    return ca is not None and ca == cb


def test_labelled_news_names() -> None:
    rows = _labelled()
    clusters = [ns for k, ns in rows if k == "cluster"]
    pairs = [ns for k, ns in rows if k == "different"]
    assert len(clusters) >= 40 and len(pairs) >= 40
    split = [ns for ns in clusters if not all(_same(ns[0], n) for n in ns[1:])]
    merged = [ns for ns in pairs if _same(ns[0], ns[1])]
    assert split == [] and merged == []


def test_alias_table_is_consistent() -> None:
    """No spelling key names two different people in the shipped table."""
    owner: dict[str, str] = {}
    for a in TABLE.aliases:
        for v in (a.canonical, *a.variants):
            k = variant_key(v)
            assert owner.setdefault(k, a.canonical) == a.canonical, (v, owner[k], a.canonical)


# --------------------------------------------------------------------------- mentions


def spans(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_mentions(text)]


def test_mentions_titles_possessives_and_line_breaks() -> None:
    text = "Russian Foreign Minister Sergei Lavrov's visit. Lavrov said.\nThe talks"
    assert spans(text) == ["Sergei Lavrov", "Lavrov"]
    assert spans("met Sergey\nLavrov in May") == ["Sergey\nLavrov"]
    assert spans("met Sergey\n\nLavrov") == ["Sergey", "Lavrov"]  # a paragraph break cuts


def test_mentions_initials_and_particles() -> None:
    assert spans("said V. Putin and Ursula von der Leyen.") == ["V. Putin", "Ursula von der Leyen"]
    assert spans("President Bashar al-Assad met Mohammed bin Salman") == [
        "Bashar al-Assad", "Mohammed bin Salman"]


def test_mentions_cut_stopwords_and_lowercase_words() -> None:
    text = "The Collective Security Treaty met in July. Security is key."
    assert all(s not in ("The", "July", "Security") for s in spans(text))
    assert "U.S. Pullout" not in " ".join(spans("Amid U.S. Pullout"))


# --------------------------------------------------------------------------- the stage


def test_alias_rewrites_whole_names_only() -> None:
    assert clean(STAGE, "Sergey Lavrov met Sergey Brin.") == "Sergei Lavrov met Sergey Brin."
    assert clean(STAGE, "Sergej Lawrow sagte. Lawrow's plan") == "Sergei Lavrov sagte. Lavrov's plan"
    assert clean(STAGE, "Lawrow said") == "Lawrow said"  # no full name in the document
    assert clean(STAGE, "Moammar Gadhafi and M. Gadhafi") == "Muammar Gaddafi and M. Gaddafi"


def test_edits_cover_only_changed_tokens() -> None:
    text = "Foreign Minister Sergey\nLavrov spoke"
    edits = STAGE.edits(text, Context())
    assert [(text[e.start : e.end], e.replacement, e.rule) for e in edits] == [
        ("Sergey", "Sergei", "names.alias")]
    assert "Sergei Lavrov" in edits[0].note


def test_stage_is_picklable_and_deterministic() -> None:
    again = pickle.loads(pickle.dumps(STAGE))
    text = "Dmitri Peskov and Volodymyr Zelensky; Peskov said."
    assert again.edits(text, Context()) == STAGE.edits(text, Context())
    assert clean(again, text) == "Dmitry Peskov and Volodymyr Zelenskiy; Peskov said."


# --------------------------------------------------------------------------- corpus pass


DOCS = [
    "Analyst Ivan Petrow said so. Petrow added.",
    "Analyst Ivan Petrov said so, and Ivan Petrov left.",
    "Ivan Petrov met Anna Petrova and Sergey Brin.",
]


def test_corpus_pass_groups_and_rewrites(tmp_path: Path) -> None:
    table = build_table(DOCS, TABLE.aliases)
    assert [(g.canonical, g.variants, g.counts) for g in table.groups] == [
        ("Ivan Petrov", ("Ivan Petrov", "Ivan Petrow"), (3, 1))]
    stage = NamesStage(table)
    assert clean(stage, DOCS[0]) == "Analyst Ivan Petrov said so. Petrov added."
    assert clean(stage, DOCS[2]) == DOCS[2]  # Petrova is someone else
    edits = stage.edits(DOCS[0], Context())
    assert {e.rule for e in edits} == {"names.corpus"}
    path = tmp_path / "names.tsv"
    table.to_tsv(path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "canonical\tvariants\tcounts\texamples"
    back = NameTable.from_tsv(path, TABLE.aliases)
    assert [(g.canonical, g.variants, g.counts) for g in back.groups] == [
        (g.canonical, g.variants, g.counts) for g in table.groups]
    assert clean(NamesStage(back), DOCS[0]) == clean(stage, DOCS[0])


def test_corpus_alias_wins_over_frequency() -> None:
    docs = ["Sergey Lavrov spoke.", "Sergey Lavrov spoke again.", "Sergei Lavrov too."]
    table = build_table(docs, TABLE.aliases)
    assert table.groups[0].canonical == "Sergei Lavrov"


# --------------------------------------------------------------------------- seeds


def test_seeds_lavrov_spelled_one_way() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    table = build_table(texts, TABLE.aliases)
    stage = NamesStage(table)
    changed = []
    for text in texts:
        edits = stage.edits(text, Context())
        changed += [(text[e.start : e.end], e.replacement) for e in edits]
        out = apply_edits(text, edits)
        assert "Sergey" not in out
    assert changed == [("Sergey", "Sergei")]


# --------------------------------------------------------------------------- properties

NAMES = ["Sergey Lavrov", "Sergei Lavrov", "Sergej Lawrow", "Lawrow", "Lavrov", "Dmitri Peskov",
         "Peskow", "Ivan Petrow", "Ivan Petrov", "Sergey Brin", "V. Putin", "Muammar al-Gaddafi"]
WORDS = ["the", "said", "The", "In", "July", "Russia's", "Minister", "met", "and", "'s", "talks"]
SEPS = [" ", " ", ", ", ". ", "\n", "\n\n", "-"]
pieces = st.lists(st.tuples(st.sampled_from(NAMES + WORDS), st.sampled_from(SEPS)), max_size=12)
CORPUS_STAGE = NamesStage(build_table(DOCS, TABLE.aliases))


def _text(parts: list[tuple[str, str]]) -> str:
    return "".join(w + s for w, s in parts)


@settings(max_examples=60, deadline=None)
@given(pieces)
def test_stage_idempotent_and_local(parts: list[tuple[str, str]]) -> None:
    text = _text(parts)
    for stage in (STAGE, CORPUS_STAGE):
        edits = stage.edits(text, Context())
        out = apply_edits(text, edits)
        assert stage.edits(out, Context()) == []
        mentions = find_mentions(text)
        for e in edits:  # every edit lies inside one name mention
            assert any(m.start <= e.start and e.end <= m.end for m in mentions)


@settings(max_examples=30, deadline=None)
@given(st.lists(pieces.map(_text), max_size=5), st.randoms(use_true_random=False))
def test_corpus_pass_order_independent(docs: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    parts = [map_doc(d) for d in docs]
    shuffled = parts[:]
    rnd.shuffle(shuffled)
    a = finalize(fold(reduce, parts, NameCounts()), TABLE.aliases)
    b = finalize(fold(reduce, shuffled, NameCounts()), TABLE.aliases)
    assert a.groups == b.groups
    if len(parts) >= 3:  # associativity
        left = reduce(reduce(parts[0], parts[1]), parts[2])
        right = reduce(parts[0], reduce(parts[1], parts[2]))
        assert left == right
    # `add` (in place, what `clean names` and the Ray engine count with) gives what `reduce` gives
    # and leaves the parts as they were
    before = pickle.dumps(parts)
    assert fold(add, parts, NameCounts()) == fold(reduce, parts, NameCounts())
    assert pickle.dumps(parts) == before


# --------------------------------------------------------------------------- fast paths


def _key_one_by_one(word: str) -> str:
    """`_token_key` as first written: the reference for the fast paths below."""
    sp = TABLE.spelling
    table = str.maketrans(dict(sp.letters))
    s = unicodedata.normalize("NFKC", word).casefold().translate(table)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(table)
    s = re.sub(r"[^a-z]", "", s)
    for pattern, repl in sp.rules:
        s = re.sub(pattern, repl, s)
    return s


_WORDISH = st.text(alphabet="abceghijkłoqstuwxyzäöüßéАБЖшчщΣσ'’-\n .AEOSCMZJY", max_size=14)


@given(st.lists(_WORDISH, max_size=12))
def test_keys_at_once_are_the_keys_one_by_one(words: list[str]) -> None:
    sp = TABLE.spelling
    assert _keys(sp, words) == [_key_one_by_one(w) for w in words]
    assert [_token_key(sp, w) for w in words] == [_key_one_by_one(w) for w in words]


@given(st.text(alphabet="aBcÉéO'’-x \n.Ää\u0301", max_size=60))
def test_part_words_are_the_part_regex_findall(text: str) -> None:
    assert _part_words(text) == _PART_RE.findall(text)


_NAME_BITS = [
    "Sergei", "Sergey", "Lavrov", "Lawrow", "Putin", "Vladimir", "V.", "S.", "al-Assad", "Assad",
    "Bashar", "bin", "de", "The", "said", "lavrov", "Mc", "Donald", "O'Brien", "Zelensky",
    "Volodymyr", "Lavrov-Putin", "Moscow", "U.S.", "Сергей", "Лавров",
]


_SEPS = [" ", " ", "\n", "\n\n", ". ", ", ", " \n ", "-", ".\n", ":\n"]


@settings(max_examples=400)
@given(st.lists(st.tuples(st.sampled_from(_NAME_BITS), st.sampled_from(_SEPS)), max_size=16))
def test_mentions_near_surnames_are_the_filtered_mentions(bits: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in bits)
    sp = TABLE.spelling
    want = [m for m in find_mentions(text, sp)
            if (k := token_key(m.surname.text, sp)) and k.rsplit(" ", 1)[-1] in TABLE.surnames]
    assert find_mentions(text, sp, TABLE.surnames) == want


_LOWERISH = st.text(alphabet="abAB .-'’", max_size=30) | st.text(alphabet="abAB .-'éſﬁ\u0301", max_size=30)


@settings(max_examples=300)
@given(_LOWERISH, st.lists(st.sampled_from(["a", "b", "ab", "ba", "aa", "abab", "s", "fi", "", "A", "a'", "é"])
                           | _LOWERISH, max_size=40))
def test_lower_words_asked_one_by_one_are_the_collected_words(text: str, words: list[str]) -> None:
    from cleaner import names as N

    every = frozenset(w.casefold() for w in N._LOWER_WORD.findall(text))
    asked = N._LowerWords(text)
    assert [w in asked for w in words] == [w in every for w in words]
