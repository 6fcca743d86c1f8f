"""Which ASCII characters a line may hold at all, for a regex that says so.

Some whole-line rules constrain every character of the line: ``^[\\s\\p{P}\\p{S}]+$`` (a line of
punctuation), or a leading lookahead ``(?=\\P{Ll}*$)`` (no lower-case letter anywhere). For those,
a line holding one ASCII character outside the class cannot match, and a byte-level check says so
far faster than the regex, which must walk the whole line (often several times, one per
lookahead). Non-ASCII characters are left to the regex. A speed-up only: `allowed_ascii` answers
None for any other shape, and a line that passes still goes to the regex.
"""

from __future__ import annotations

import regex

from cleaner.prefilter import _Fail, _parse


def allowed_ascii(pattern: str, flags: int) -> bytes | None:
    """The ASCII characters (as bytes) a line may hold if ``pattern`` is to match it, or None.

    Every top-level alternative must start with ``^`` and then either be ``CLASS+`` / ``CLASS*``
    up to ``$`` or carry, before anything that consumes text, a lookahead ``(?=CLASS*$)`` or
    ``(?=CLASS+$)``; the answer is the union over alternatives of the intersection of their
    classes' ASCII members (probed with the pattern's own flags).
    """
    if flags & (regex.MULTILINE | regex.VERBOSE | regex.DOTALL):
        return None
    try:
        alternatives = _parse(pattern)
    except (_Fail, regex.error, ValueError, RecursionError):
        return None
    union: set[str] = set()
    for seq in alternatives:
        allowed = _alternative(seq, flags)
        if allowed is None:
            return None
        union |= allowed
    return "".join(sorted(union)).encode("ascii")


def _alternative(seq: list[tuple[str, object, str]], flags: int) -> set[str] | None:
    if not seq or seq[0] != ("anchor", "^", ""):
        return None
    found: set[str] | None = None
    whole = _class_run(seq[1:], flags)
    if whole is not None:
        found = whole
    for kind, val, q in seq[1:]:
        if kind == "ahead" and q == "" and len(val) == 1:  # type: ignore[arg-type]
            chars = _class_run(val[0], flags)  # type: ignore[index]
            if chars is not None:
                found = chars if found is None else found & chars
        elif kind not in ("zero", "ahead"):
            break  # past the first consuming atom, a lookahead no longer sees the whole line
    return found


def _class_run(seq: list[tuple[str, object, str]], flags: int) -> set[str] | None:
    """The ASCII members of CLASS when ``seq`` is ``CLASS*`` or ``CLASS+`` then ``$``."""
    if len(seq) != 2 or seq[1] != ("anchor", "$", "") or seq[0][2] not in ("*", "+", "*?", "+?", "*+", "++"):
        return None
    kind, src, _ = seq[0]
    if kind not in ("class", "esc", "dot"):
        return None
    probe = regex.compile(str(src), flags)
    return {c for c in map(chr, range(128)) if c != "\n" and probe.fullmatch(c)}


def may_hold(line: str, allowed: bytes) -> bool:
    """False when ``line`` holds an ASCII character outside ``allowed`` (then no match)."""
    return not line.encode("ascii", "ignore").translate(None, allowed)
