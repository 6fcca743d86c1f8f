"""A cheap, deterministic language guess, so rule packs of other languages stay quiet.

Scripts decide first (Han vs kana for zh/ja, Ukrainian letters for uk vs ru); Latin-script
languages are told apart by their most frequent function words (``rules/lang/stopwords.toml``).
Unsure means None, and then every pack applies, as before detection.
"""

from __future__ import annotations

from functools import cache

import regex
import tomllib

from cleaner.paths import rules_dir

SAMPLE = 2000
_WORD = regex.compile(r"\p{L}+")
_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_CYR = regex.compile(r"\p{Cyrillic}")
_UK = regex.compile(r"[іїєґІЇЄҐ]")
_RU = regex.compile(r"[ыэъёЫЭЪЁ]")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    with (rules_dir() / "lang" / "stopwords.toml").open("rb") as f:
        data = tomllib.load(f)
    return {lang: frozenset(t["words"]) for lang, t in sorted(data.items())}


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the evidence is thin."""
    s = text[:SAMPLE]
    han = len(_HAN.findall(s))
    kana = len(_KANA.findall(s))
    if han + kana >= 20:
        return "ja" if kana >= 0.1 * (han + kana) else "zh"
    cyr = len(_CYR.findall(s))
    if cyr >= 40:
        uk, ru = len(_UK.findall(s)), len(_RU.findall(s))
        if uk > ru:
            return "uk"
        return "ru" if ru > uk or ru > 0 else None
    words = [w.casefold() for w in _WORD.findall(s)]
    if len(words) < 8:
        return None
    scores = {lang: sum(w in sw for w in words) for lang, sw in _stopwords().items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 3 and top >= 0.08 * len(words) and top >= 1.5 * second:
        return best
    return None
