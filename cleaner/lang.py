"""A cheap, deterministic language guess for scoping rule packs.

Script counts decide zh/ja (Han vs Kana), ko (Hangul), ar and fa (Arabic script: Persian when the
letters Arabic lacks (پ چ ژ گ ک ی) are frequent and Urdu's, Kurdish's, Pashto's ... are not), hi
(Devanagari, unless Marathi's ळ is frequent), el (Greek), he (Hebrew script, unless Yiddish's
ligatures װ ױ ײ and rafe are frequent), th (Thai) and ru/uk/bg (Cyrillic: Ukrainian-only letters
іїєґ vs Russian-only ыэъё; Bulgarian, which writes ъ as a vowel and never ы э ё, when its letters are
the only ones and its own function words (че, са, ще, това, който ...) outnumber Russian's).
Latin-script languages (vi among them) are scored by counts of very frequent function words listed
in ``rules/lang/stopwords.toml``, in their composed and decomposed spellings. Only the first
``LIMIT`` characters are read; a word listed for k languages counts 1/k for each. ``detect``
returns None when it is unsure: too little text, or no clear winner.
"""

from __future__ import annotations

import math
import string
import unicodedata
from collections import Counter
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import regex

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib  # type: ignore[no-redef]

from cleaner.paths import rules_dir

LIMIT = 2000
MIN_LETTERS = 20          # fewer letters than this: too short to say
MIN_HANGUL = 8            # a Korean text needs at least this many Hangul letters
MIN_ARABIC = 12           # an Arabic text needs at least this many Arabic-script letters
MIN_DEVANAGARI = 12       # a Hindi text needs at least this many Devanagari characters
MIN_GREEK = 12            # a Greek text needs at least this many Greek letters
MIN_HEBREW = 12           # a Hebrew text needs at least this many Hebrew-script characters
MIN_THAI = 12             # a Thai text needs at least this many Thai characters
MIN_HITS = 3              # a Latin language needs at least this many stopword hits
MARGIN = 1.5              # ... and this many times the runner-up's score
_MARGIN = Fraction(MARGIN)  # (compared exactly, in integers)

_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")
_CYR = regex.compile(r"\p{Cyrillic}")
_LATIN = regex.compile(r"\p{Latin}")
_ARABIC = regex.compile(r"\p{Arabic}")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")
_GREEK = regex.compile(r"\p{Greek}")
_HEBREW = regex.compile(r"\p{Hebrew}")
_THAI = regex.compile(r"\p{Thai}")
_UK_LETTERS = "іїєґІЇЄҐ"  # Ukrainian only
_RU_LETTERS = "ыэёЫЭЁ"  # Russian only (and ъ, which Bulgarian writes far more often)
_HARD_SIGN = "ъЪ"
# The Bulgarian alphabet: a Cyrillic letter outside it (ы э ё і ј ў ...) is not Bulgarian
_BG_ALPHABET = "абвгдежзийклмнопрстуфхцчшщъьюяѝАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯЍ"
# Function words of Bulgarian that Russian does not have, and Russian ones that Bulgarian does
# not have (the shared ones, на за от да и не ..., tell nothing)
_BG_WORDS = frozenset(
    "се е са че ще ги му ѝ й това този тази тези който която което които още също през към във със върху "
    "като беше бяха бъде няма има когато ако обаче според вече тук днес защото както чрез срещу".split())
_RU_WORDS = frozenset(
    "что это его он она они был была было были уже также только для же бы к у который которые которая "
    "когда если после чтобы еще ещё так".split())
# Arabic-script letters that Persian and Urdu (and Kurdish: ڕ ڵ ۆ ێ ە) use and Arabic does not
_FA_UR_LETTERS = "پچژگکیٹڈڑںےڕڵۆێە"
# ... and those of them and of other languages in Arabic script that Persian never uses: Urdu
# (ٹ ڈ ڑ ں ے ہ ۓ), Kurdish (ڕ ڵ ۆ ێ ە), Pashto (ټ ډ ړ ږ ښ ځ څ ڼ ې ۍ ګ), Sindhi, Uyghur
_NOT_FA_LETTERS = "ٹڈڑںےہۓڕڵۆێەټډړږښځڅڼېۍګٻڀٺٽٿڃڄڇڊڌڍڎڏڙڦڪڱڳڻۇۈۋڭ"
_TEH_MARBUTA = "ة"  # frequent in Arabic, rare in Persian
_MR_LETTER = "ळ"  # Devanagari LLA: frequent in Marathi, not used in Hindi
# Hebrew-script characters Yiddish writes and Hebrew does not: the ligatures װ ױ ײ and rafe (פֿ)
_YI_LETTERS = "\u05f0\u05f1\u05f2\u05bf"
_WORD = regex.compile(r"[\p{L}\p{M}']+")
_ASCII = bytes(range(128))
_ASCII_LETTERS = bytes(string.ascii_letters, "ascii")
_NOT_LETTER_OR_MARK = regex.compile(r"[^\p{L}\p{M}]")
_ANY_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Cyrillic}\p{Latin}\p{Hangul}\p{Arabic}\p{Devanagari}\p{Greek}\p{Hebrew}\p{Thai}]")
# ASCII letters lowered and the apostrophe kept, other ASCII bytes spaces, the bytes of UTF-8
# sequences (all 128 or more) kept: the ASCII part of `_WORD` on case-folded text, by table.
_WORD_BYTES = bytes(c | 32 if chr(c) in string.ascii_letters else c if c == 39 or c >= 128 else 32 for c in range(256))
_ASCII_WORD_BYTES = _WORD_BYTES[:128] + b" " * 128  # the same, with the bytes of UTF-8 sequences spaces


def _stopwords_path() -> Path:
    return rules_dir() / "lang" / "stopwords.toml"


@lru_cache(maxsize=4)
def _table(path: str | None = None) -> tuple[dict[str, tuple[tuple[str, int], ...]], int]:
    """word -> ((language, weight), ...), and the weights' scale: a word listed for k languages
    gives each 1/k, kept as ``scale // k`` so that scores are exact integer sums. (Float sums
    depend on the order of adding, which followed the hash seed: a text on the margin could
    get a language in one process and none in another.)"""
    p = Path(path) if path else _stopwords_path()
    with p.open("rb") as f:
        data = tomllib.load(f)
    owners: dict[str, set[str]] = {}
    for lang in sorted(data):
        for w in data[lang].get("words", []):
            # composed and decomposed: Vietnamese (and other) pages are also written with the
            # accents as combining marks, which `_words` keeps as they are
            for form in {unicodedata.normalize("NFC", w.casefold()), unicodedata.normalize("NFD", w.casefold())}:
                owners.setdefault(form, set()).add(lang)
    scale = math.lcm(*map(len, owners.values())) if owners else 1
    return {w: tuple((lang, scale // len(ls)) for lang in sorted(ls)) for w, ls in owners.items()}, scale


def _cyrillic(text: str, cyr: int, utf8: bytes, rest: str) -> str | None:
    """ru, uk or bg for a Cyrillic text (``cyr``: its Cyrillic characters; ``utf8`` and ``rest``
    as in `detect`). Bulgarian is tried (by its alphabet and its words) only when the letters only
    Russian and only Ukrainian use are rare (under 1 %; a real Russian or Ukrainian text has far
    more) or fewer than the ъ, which Russian seldom writes and Bulgarian often; a text whose ъ
    outnumbers them and that is not Bulgarian is left unsaid. Otherwise Ukrainian-only letters
    іїєґ against Russian-only ыэъё decide."""
    uk = sum(map(text.count, _UK_LETTERS))  # (each letter by str.count: no pattern run)
    ru = sum(map(text.count, _RU_LETTERS))
    hard = sum(map(text.count, _HARD_SIGN))
    if (ru + uk) * 100 < cyr or hard > ru + uk:
        if _bulgarian(cyr, utf8, rest):
            return "bg"
        if hard > ru + uk:
            return None
    ru += hard
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    return None


def _bulgarian(cyr: int, utf8: bytes, rest: str) -> bool:
    """Bulgarian: under 1 % of the Cyrillic characters are outside the Bulgarian alphabet (a
    Russian name), and there are at least two Bulgarian-only function words and more than twice
    as many as Russian-only ones."""
    bg_letters = sum(rest.count(c) for c in set(rest) if c in _BG_ALPHABET)
    if (cyr - bg_letters) * 100 >= cyr:
        return False
    bg = ru = 0
    for w in _words(utf8, rest):
        if w in _BG_WORDS:
            bg += 1
        elif w in _RU_WORDS:
            ru += 1
    return bg >= 2 and bg > 2 * ru


def _utf8(s: str) -> bytes:
    """``s`` in UTF-8 (lone surrogates too), which the functions below read: every byte of a
    non-ASCII character is 128 or more, and a character's bytes occur where it does."""
    return s.encode("utf-8", "surrogatepass")


def _non_ascii(utf8: bytes) -> str:
    """The non-ASCII characters of the text: its bytes but the ASCII ones, decoded."""
    return utf8.translate(None, _ASCII).decode("utf-8", "surrogatepass")


def _script_counts(utf8: bytes, rest: str) -> tuple[int, ...]:
    """Han, Kana, Cyrillic, Latin, Hangul, Arabic-script, Devanagari, Greek, Hebrew-script and Thai
    characters of the text (``rest``: its non-ASCII characters), in the order of `_SCRIPTS`.
    ASCII letters are Latin and the only ASCII letters, so they are counted with
    bytes.translate; the script patterns (each one character) are asked only about the few
    distinct characters of the non-ASCII rest, each counted with str.count, and only when the
    rest holds a character of any of the scripts at all (mostly it holds only punctuation)."""
    counts = [0, 0, 0, len(utf8) - len(utf8.translate(None, _ASCII_LETTERS)), 0, 0, 0, 0, 0, 0]
    if rest and _ANY_SCRIPT.search(rest):
        for c in set(rest):
            for i in _scripts_of(c):
                counts[i] += rest.count(c)
    return tuple(counts)


_SCRIPTS = (_HAN, _KANA, _CYR, _LATIN, _HANGUL, _ARABIC, _DEVANAGARI, _GREEK, _HEBREW, _THAI)


@lru_cache(maxsize=4096)
def _scripts_of(c: str) -> tuple[int, ...]:
    """Which of `_SCRIPTS` match the character ``c`` (by index)."""
    return tuple(i for i, p in enumerate(_SCRIPTS) if p.match(c))


def _words(utf8: bytes, rest: str) -> list[str]:
    """The case-folded words of the text, as `_WORD` finds them in its casefold but without a
    pattern run over it: the few distinct non-ASCII characters (in ``rest``) that are not
    letters or marks become spaces, a byte table lowers ASCII letters and makes other ASCII
    characters but the apostrophe spaces, and casefold does the rest (when there is any: it
    leaves lower-case ASCII as it is). Exact because casefold turns a letter, mark or apostrophe
    into such characters only, and any other character into others only (a test checks every
    character)."""
    distinct = "".join(set(rest))
    others = _NOT_LETTER_OR_MARK.findall(distinct)
    if len(others) == len(distinct):  # no non-ASCII letter or mark: all of them separate words
        return utf8.translate(_ASCII_WORD_BYTES).decode("ascii").split()
    for c in others:
        utf8 = utf8.replace(_utf8(c), b" ")
    words = utf8.translate(_WORD_BYTES).decode("utf-8", "surrogatepass")
    return (words if words.isascii() else words.casefold()).split()


def detect(text: str, stopwords: str | None = None) -> str | None:
    """Language code (en de fr es it pt nl pl cs sk hu ro sv da no fi tr id vi ru uk bg zh ja ko ar fa
    hi el he th) or None when unsure. A text in a script of its own (Hangul, Arabic, Devanagari,
    Greek, Hebrew, Thai) is said to be in its language only when that script's characters dominate
    the letters, so a name or a word quoted in that script leaves an English text English."""
    s = text[:LIMIT]
    utf8 = _utf8(s)
    rest = "" if s.isascii() else _non_ascii(utf8)
    han, kana, cyr, latin, hangul, arabic, deva, greek, hebrew, thai = _script_counts(utf8, rest)
    cjk = han + kana
    letters = cjk + cyr + latin + hangul + arabic + deva + greek + hebrew + thai
    if (letters < MIN_LETTERS and cjk < 8 and hangul < MIN_HANGUL and arabic < MIN_ARABIC and deva < MIN_DEVANAGARI
            and greek < MIN_GREEK and hebrew < MIN_HEBREW and thai < MIN_THAI):
        return None
    # CJK characters carry a word each, so a CJK text needs far fewer of them to dominate.
    if cjk * 3 >= letters - cjk and cjk >= 8 and hangul < cjk:
        if kana >= max(3, cjk // 20):
            return "ja"
        return "zh"
    # A Hangul syllable is two or three Latin letters' worth: Korean when the syllables outnumber
    # the Han and Kana characters (hanja in a Korean text; never a Chinese or Japanese one) and are
    # at least half as many as all the other letters (Latin brand names and acronyms in it).
    if hangul >= MIN_HANGUL and hangul > cjk and hangul * 2 >= letters - hangul:
        return "ko"
    # Arabic when its letters are at least as many as all the others (Latin brand names in it);
    # Persian, Urdu and Kurdish write with the same script, so a text where their own letters
    # (پ چ ژ گ ک ی ...) make up 1 % or more of the Arabic-script ones is not Arabic. It is Persian
    # when the letters Persian never uses (Urdu's ے ں ہ ٹ ڈ ڑ, Kurdish's ە ێ ۆ, Pashto's ...) are
    # under 1 % of them and so is Arabic's ة (frequent in Arabic typed on a Persian keyboard, or in
    # Iraqi and Gulf Arabic written with گ چ); else it is left unsaid.
    if arabic >= MIN_ARABIC and arabic >= letters - arabic:
        if sum(map(rest.count, _FA_UR_LETTERS)) * 100 >= arabic:
            if sum(map(rest.count, _NOT_FA_LETTERS)) * 100 < arabic and rest.count(_TEH_MARBUTA) * 100 < arabic:
                return "fa"
            return None
        return "ar"
    # Hindi when the Devanagari characters (letters, vowel signs, digits) are at least as many as
    # all the others; Marathi and Nepali write with the same script, and a text where Marathi's ळ
    # makes up 0.5 % or more of them is left unsaid.
    if deva >= MIN_DEVANAGARI and deva >= letters - deva:
        if rest.count(_MR_LETTER) * 200 >= deva:
            return None
        return "hi"
    # Greek, Hebrew and Thai likewise when their script's characters are at least as many as all
    # the other letters (Latin brand names in them). Yiddish writes with the Hebrew script too: a
    # text where its ligatures װ ױ ײ and rafe make up 1 % or more of the Hebrew characters is left
    # unsaid.
    if greek >= MIN_GREEK and greek >= letters - greek:
        return "el"
    if hebrew >= MIN_HEBREW and hebrew >= letters - hebrew:
        if sum(map(rest.count, _YI_LETTERS)) * 100 >= hebrew:
            return None
        return "he"
    if thai >= MIN_THAI and thai >= letters - thai:
        return "th"
    if cyr > latin and cyr >= MIN_LETTERS:
        return _cyrillic(s, cyr, utf8, rest)
    if latin < MIN_LETTERS:
        return None
    table, scale = _table(stopwords)
    scores: dict[str, int] = {}
    # only the stopwords are counted (exact sums: the order they come in does not matter)
    for w, n in Counter(filter(table.__contains__, _words(utf8, rest))).items():
        for lang, weight in table[w]:
            scores[lang] = scores.get(lang, 0) + weight * n
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top < MIN_HITS * scale or top * _MARGIN.denominator < _MARGIN.numerator * second:
        return None
    return best
