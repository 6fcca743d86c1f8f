"""Build the hostile-input corpus for `tests/test_hostile.py` (nothing binary is committed).

    python tests/hostile/make_corpus.py DIR        # every case, each in DIR/<case>/

Each case is a folder with an ``in/`` tree and a `Case` saying how to run `clean` on it and what
must come out: the exit code, and how many records land in the output and in the rejects file.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import zstandard


@dataclass
class Case:
    name: str
    group: str
    inputs: list[str]  # command-line inputs, relative to the case folder
    exit: int
    out: int  # records expected in the output
    rejects: int  # lines expected in the rejects file
    args: list[str] = field(default_factory=list)
    output: str | None = "out"  # -o value (None: no -o)
    records_in: int = 0  # records in the input (for the report)
    must_contain: dict[str, list[str]] = field(default_factory=dict)  # output file -> substrings
    must_not_contain: dict[str, list[str]] = field(default_factory=dict)
    stderr_has: list[str] = field(default_factory=list)
    stderr_lines: int | None = None  # exact number of stderr lines (usage errors: 1)
    events: list[str] = field(default_factory=list)  # --summary-json events that must be present
    timeout: float = 60.0


BUILDERS: dict[str, Callable[[Path], Case]] = {}


def case(fn: Callable[[Path], Case]) -> Callable[[Path], Case]:
    BUILDERS[fn.__name__] = fn
    return fn


ARTICLE = (
    "The city council of Zürich approved the new tram line on Tuesday after a debate that lasted "
    "most of the afternoon, and the first trains are expected to run in the spring of next year.\n\n"
    "Officials said the project would cost about 120 million francs, a figure that opponents "
    "called too high for a route that serves fewer than ten thousand passengers a day.\n"
)
FRENCH = (
    "Le conseil municipal a approuvé la nouvelle ligne de tramway mardi après un débat qui a duré "
    "tout l'après-midi. Les premières rames devraient circuler au printemps prochain, a précisé "
    "le maire, qui était très satisfait du résultat.\n"
)


def _w(p: Path, data: bytes | str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def _jl(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def _records(n: int, start: int = 0) -> bytes:
    return b"".join(_jl({"id": i, "text": f"Record {i}: the council met on Tuesday to vote on item {i}."})
                    for i in range(start, start + n))


def _html(body: str, head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n") if p.strip())
    return f"<!DOCTYPE html><html><head>{head}<title>News</title></head><body><article>{paras}</article></body></html>\n"


# 1. Encodings ---------------------------------------------------------------------------------

@case
def enc_files(d: Path) -> Case:
    i = d / "in"
    _w(i / "utf8.txt", ARTICLE)
    _w(i / "utf8_bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    _w(i / "bom_mid.txt", ARTICLE.replace("\n\n", "\n\ufeff\n"))
    _w(i / "utf16.txt", ("Grüße aus Köln.\n" + ARTICLE).encode("utf-16"))
    _w(i / "latin1.txt", FRENCH.encode("latin-1"))
    _w(i / "cp1252.txt", ("\u201cIt cost \u20ac5,\u201d she said \u2014 a fair price for the caf\u00e9. " * 5 + "\n").encode("cp1252"))
    _w(i / "mixed.txt", "Zürich café, first line in UTF-8.\n".encode() + "Genève, deuxième ligne en latin-1.\n".encode("latin-1")
       + "Dernière ligne à nouveau en UTF-8.\n".encode())
    _w(i / "invalid.txt", ARTICLE.encode()[:80] + b"\x80\xfe" + ARTICLE.encode()[80:])
    _w(i / "nul.txt", ARTICLE.encode().replace(b"council", b"coun\x00cil", 1) + b"\x00\x00")
    _w(i / "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    _w(i / "lone_cr.txt", ARTICLE.replace("\n", "\r"))
    _w(i / "meta1252.html", _html(FRENCH + "\u201cC\u2019est trop cher\u201d, a dit l\u2019opposition. " * 3,
                                   '<meta charset="windows-1252">').encode("cp1252"))
    return Case("enc_files", "1 encodings", ["in"], 0, 12, 0, records_in=12,
                must_contain={"utf16.txt": ["Grüße aus Köln"], "latin1.txt": ["était très satisfait"],
                              "cp1252.txt": ["It cost \u20ac5,", "\u2014 a fair price for the café"],
                              "meta1252.txt": ["approuvé", "trop cher"],
                              "mixed.txt": ["Zürich café", "Genève, deuxième", "Dernière ligne"],
                              "utf8_bom.txt": ["The city council"], "nul.txt": ["council"], "crlf.txt": ["\n"]},
                must_not_contain={"utf8_bom.txt": ["\ufeff"], "bom_mid.txt": ["\ufeff"], "nul.txt": ["\x00"],
                                  "crlf.txt": ["\r"], "lone_cr.txt": ["\r"]})


@case
def enc_jsonl(d: Path) -> Case:
    lines = [
        b'\xef\xbb\xbf{"id": 1, "text": "BOM before the first record."}\n',
        b'{"id": 2, "text": "lone \\ud800 surrogate", "title": "also \\udc00 here"}\n',
        b'{"id": 3, "text": "CRLF line end"}\r\n',
        b'{"id": 4, "text": "escaped \\r lone CR and \\r\\n CRLF"}\n',
        '{"id": 5, "text": "raw\u2028LS\u2029PS\u0085NEL inside"}\n'.encode(),
        b'{"id": 6, "text": "escaped \\u0000 NUL"}\n',
        b'{"id": 7, "text": "raw \x00 NUL byte"}\n',  # reject: control character in a string
        b'{"id": 8, "text": "bad \xff byte"}\n',  # reject: invalid UTF-8
        b'{"id": 9, "text": "a"}\r{"id": 10, "text": "b"}\n',  # reject: lone CR is not a line break
    ]
    _w(d / "in" / "data.jsonl", b"".join(lines))
    return Case("enc_jsonl", "1 encodings", ["in/data.jsonl"], 1, 6, 3, output="out/data.jsonl", records_in=9,
                must_contain={"data.jsonl": ["BOM before", "CRLF line end", "surrogate"]},
                must_not_contain={"data.jsonl": ["\\u0000", "\\ud800", "\\udc00", "\u2028"]})


# 2. JSON Lines structure ----------------------------------------------------------------------

@case
def jsonl_structure(d: Path) -> Case:
    deep = b"[" * 100_000 + b"]" * 100_000
    rows: list[tuple[bytes, bool]] = [
        (b'{"id": "g1", "text": "Good record one."}', True),
        (b'{"id": "m1", "text": "unterminated', False),
        (b'[1, 2, 3]', False),
        (b'"just a string"', False),
        (b'42', False),
        (b'null', False),
        (b'{"id": "g2", "text": "Good record two."}', True),
        (b'{"id": "f1"}', False),
        (b'{"id": "f2", "text": null}', False),
        (b'{"id": "f3", "text": 5}', False),
        (b'{"id": "f4", "text": ["a", "b"]}', False),
        (b'{"id": "f5", "text": {"a": 1}}', False),
        (b'{"id": "e1", "text": ""}', True),  # an empty text is still a record: kept, empty
        (b'{"id": "dup", "text": "first", "text": "second wins"}', True),
        (b'{"id": "deep1", "text": "nested", "x": ' + deep + b"}", False),
        (deep, False),
        (b'{"id": "n1", "text": "' + b"x" * 10 + b'", "y": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"}", False),
        (b'{"id": "two1", "text": "a"} {"id": "two2", "text": "b"}', False),
        (b'{"id": "tg", "text": "trailing"} garbage', False),
        (b'{"id": "big", "text": "Big number.", "n": 123456789012345678901234567890}', True),
        (b'   ', None),  # blank: not a record
        (b'', None),
        (b'\t\r', None),
        (b'{"id": "g3", "text": "Good record three, no final newline."}', True),
    ]
    _w(d / "in" / "data.jsonl", b"\n".join(r for r, _ in rows))
    _w(d / "in" / "empty.jsonl", b"")
    _w(d / "in" / "blank.jsonl", b"\n\n  \n")
    good = sum(1 for _, ok in rows if ok)
    bad = sum(1 for _, ok in rows if ok is False)
    return Case("jsonl_structure", "2 jsonl", ["in"], 1, good, bad, records_in=good + bad,
                must_contain={"data.jsonl": ["Good record one.", "Good record three", "second wins",
                                             "123456789012345678901234567890"]},
                must_not_contain={"data.jsonl": ['"first"']})


# 3. Compression -------------------------------------------------------------------------------

def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _gz_prefix_lines(cut: bytes) -> int:
    return zlib.decompressobj(31).decompress(cut).count(b"\n")


def _zst_prefix_lines(cut: bytes) -> int:
    out = b""
    try:
        with zstandard.ZstdDecompressor().stream_reader(cut, read_across_frames=True) as r:
            while chunk := r.read(1 << 16):
                out += chunk
    except zstandard.ZstdError:
        pass
    return out.count(b"\n")


@case
def compression(d: Path) -> Case:
    i = d / "in"
    recs = _records(2000)
    gz = _gz(recs)
    cut_gz = gz[: len(gz) // 2]
    _w(i / "trunc.jsonl.gz", cut_gz)
    _w(i / "multi.jsonl.gz", _gz(_records(50)) + _gz(_records(50, 50)))
    z = zstandard.ZstdCompressor()
    _w(i / "multi.jsonl.zst", z.compress(_records(50)) + z.compress(_records(50, 50)))
    _w(i / "garbage.jsonl.zst", z.compress(_records(50)) + b"this is not a zstd frame\n")
    zs = z.compress(_records(20_000))  # many blocks, so half a frame still holds whole lines
    cut_zs = zs[: len(zs) // 2]
    _w(i / "trunc.jsonl.zst", cut_zs)
    _w(i / "plain.jsonl.gz", _records(10))
    _w(i / "plain.txt.gz", ARTICLE)
    page = _html((ARTICLE + FRENCH) * 40)
    pgz = _gz(page.encode())
    _w(i / "trunc.html.gz", pgz[: len(pgz) * 2 // 3])
    tgz = _gz((ARTICLE * 200).encode())
    _w(i / "trunc.txt.gz", tgz[: len(tgz) // 2])
    n_gz, n_zs = _gz_prefix_lines(cut_gz), _zst_prefix_lines(cut_zs)
    out = n_gz + 100 + 100 + 50 + n_zs + 10 + 1 + 1 + 1
    return Case("compression", "3 compression", ["in"], 1, out, 5, records_in=out + 5,
                must_contain={"trunc.txt": ["Officials said"], "plain.txt": ["The city council"]})


# 4. Size and complexity -----------------------------------------------------------------------

@case
def big_line(d: Path) -> Case:
    unit = "Ça va très bien — merci & à bientôt <b>. "
    n = 50_000_000 // len(unit.encode())
    _w(d / "in" / "big.txt", unit * n)
    return Case("big_line", "4 size", ["in/big.txt"], 1, 0, 1, output="out/big.txt", records_in=1)


@case
def big_jsonl_line(d: Path) -> Case:
    # one JSON line of 20 MB (rejected: too large) and one of 1 MB (kept), between small records
    big = _jl({"id": "big", "text": "Ça va très bien, merci. " * 800_000})
    large = _jl({"id": "large", "text": "Ça va très bien, merci. " * 40_000})
    _w(d / "in" / "data.jsonl", _records(1) + big + large + _records(1, 1))
    return Case("big_jsonl_line", "4 size", ["in/data.jsonl"], 1, 3, 1, output="out/data.jsonl", records_in=4)


@case
def combining(d: Path) -> Case:
    _w(d / "in" / "zalgo.txt", ARTICLE + "a" + "\u0301" * 400_000 + " end of the line.\n")
    return Case("combining", "4 size", ["in/zalgo.txt"], 0, 1, 0, output="out/zalgo.txt", records_in=1,
                must_contain={"zalgo.txt": ["end of the line.", "The city council"]})


@case
def html_hostile(d: Path) -> Case:
    i = d / "in"
    _w(i / "deep.html", "<html><body>" + "<div>" * 100_000 + "<p>" + ARTICLE + "</p>" + "</div>" * 100_000 + "</body></html>")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
    _w(i / "image.html", png)
    _w(i / "image.txt", png)
    # lxml gives up on 100,000 levels: the page is one reject with a reason, not a crash
    return Case("html_hostile", "4 size", ["in"], 1, 0, 3, records_in=3)


# 5. Rules from users --------------------------------------------------------------------------

def _pack(rules: str) -> str:
    return f'[pack]\nid = "boilerplate.hostile"\n\n{rules}'


def _regex_rule(rid: str, pattern: str) -> str:
    return (f'[[rule]]\nid = "boilerplate.hostile.{rid}"\nwhy = "A user rule."\nkind = "regex"\n'
            f"pattern = '{pattern}'\nremove = [\"x\"]\n\n")


def _usage(name: str, d: Path, args: list[str], needle: str) -> Case:
    _w(d / "in" / "a.txt", ARTICLE)
    return Case(name, "5 rules/flags", ["in/a.txt"], 2, 0, 0, args=args, records_in=1,
                stderr_has=["clean: error:", needle], stderr_lines=1)


@case
def rules_bad_toml(d: Path) -> Case:
    _w(d / "bad.toml", '[pack\nid = "boilerplate.x"\n')
    return _usage("rules_bad_toml", d, ["--rules", "bad.toml"], "bad.toml: not valid TOML")


@case
def rules_bad_regex(d: Path) -> Case:
    _w(d / "bad.toml", _pack(_regex_rule("broken", "(unclosed")))
    return _usage("rules_bad_regex", d, ["--rules", "bad.toml"], "bad.toml: rule 'boilerplate.hostile.broken'")


@case
def rules_bad_field(d: Path) -> Case:
    _w(d / "rules" / "ok.toml", _pack(_regex_rule("fine", "^fine$")))
    _w(d / "rules" / "bad.toml", '[pack]\nid = "boilerplate.hostile2"\n[[rule]]\nid = "boilerplate.hostile2.k"\n'
       'why = "x"\nkind = "nonsense"\nremove = ["x"]\n')
    return _usage("rules_bad_field", d, ["--rules", "rules"], "field 'kind'")


@case
def rules_missing(d: Path) -> Case:
    return _usage("rules_missing", d, ["--rules", "nope.toml"], "nope.toml")


@case
def flag_bad_int(d: Path) -> Case:
    return _usage("flag_bad_int", d, ["--jobs", "many"], "--jobs")


@case
def flag_bad_choice(d: Path) -> Case:
    return _usage("flag_bad_choice", d, ["--format", "xml"], "--format")


@case
def flag_unknown(d: Path) -> Case:
    return _usage("flag_unknown", d, ["--no-such-flag"], "--no-such-flag")


@case
def flag_bad_stage(d: Path) -> Case:
    return _usage("flag_bad_stage", d, ["--skip", "nostage"], "nostage")


@case
def input_missing(d: Path) -> Case:
    c = _usage("input_missing", d, [], "no such file")
    c.inputs = ["in/nope.txt"]
    return c


@case
def output_is_input(d: Path) -> Case:
    c = _usage("output_is_input", d, [], "overwrite an input")
    c.output = "in/a.txt"
    return c


@case
def rules_backtracking(d: Path) -> Case:
    rules = [("nested", "(a+)+$"), ("alt", "(a|aa)+$"), ("xy", "(x+x+)+y")]
    _w(d / "slow.toml", _pack("".join(_regex_rule(r, p) for r, p in rules)))
    _w(d / "in" / "doc1.txt", ARTICLE + "\n" + "a" * 50_000 + "!\n\n" + "x" * 50_000 + "\n")
    _w(d / "in" / "doc2.txt", ARTICLE)
    return Case("rules_backtracking", "5 rules/flags", ["in"], 0, 2, 0, args=["--rules", "slow.toml"], records_in=2,
                events=[f"timeout:boilerplate.hostile.{r}" for r, _ in rules])


# 6. Evasion -----------------------------------------------------------------------------------

DISGUISES = {
    "zero_width": "Le\u200bave a Re\u200cply",
    "soft_hyphen": "Sha\u00adre this ar\u00adticle",
    "bidi_embed": "\u202aPost a Comment\u202c",
    "bidi_override": "\u202eShare this article\u202c",
    "bidi_isolate": "\u2066Leave a Reply\u2069",
    "fullwidth": "\uff2c\uff45\uff41\uff56\uff45 \uff41 \uff32\uff45\uff50\uff4c\uff59",
    "cyrillic": "\u0420\u043est \u0430 \u0421\u043emm\u0435nt",
    "greek": "Share this \u03b1rticle",
    "combining": "L\u0301eave a R\u0308eply",
    "mixed": "\u200f\uff33hare\u00a0th\u0456s\u200d a\u0300rticle\u2069",
}
KEPT = (
    "The mayor of \u041c\u043e\u0441\u043a\u0432\u0430 met her colleague from \u0391\u03b8\u03ae\u03bd\u03b1 "
    "on Monday, and both said the talks in Zürich had gone well.\n"
)


@case
def evasion(d: Path) -> Case:
    kept_out = ARTICLE + "\n" + KEPT
    for name, line in DISGUISES.items():
        _w(d / "in" / f"{name}.txt", ARTICLE + "\n" + KEPT + "\n" + line + "\n")
    _w(d / "in" / "dangling_bidi.txt", ARTICLE + "\nThe minister said \u202eyes and left.\u2066\n")
    words = ["Reply", "Comment", "article", "Share", "\uff52"]
    n = len(DISGUISES) + 1
    return Case("evasion", "6 evasion", ["in"], 0, n, 0, records_in=n,
                must_contain={**{f"{k}.txt": [kept_out] for k in DISGUISES},
                              "dangling_bidi.txt": ["The minister said yes and left."]},
                must_not_contain={**{f"{k}.txt": words for k in DISGUISES},
                                  "dangling_bidi.txt": ["\u202e", "\u2066"]})


# 7. File system -------------------------------------------------------------------------------

@case
def filesystem(d: Path) -> Case:
    i = d / "in"
    for name in ("ok.txt", "with space.txt", "new\nline.txt", "-dash.txt", "same.txt"):
        _w(i / name, ARTICLE)
    _w(i / "x.html", _html(ARTICLE))
    _w(i / os.fsdecode(b"caf\xe9.txt"), ARTICLE)
    _w(i / "same.html", _html(ARTICLE))
    _w(i / "x.txt" / "inner.txt", ARTICLE)  # a folder named like a file, and x.html wants out/x.txt
    os.symlink(".", i / "loop")
    os.symlink("..", i / "x.txt" / "up")
    os.symlink("lb.txt", i / "la.txt")
    os.symlink("la.txt", i / "lb.txt")
    os.symlink("nowhere.txt", i / "dangling.txt")
    os.symlink("ok.txt", i / "link_to_ok.txt")
    os.mkfifo(i / "fifo.txt")
    rejects = 4
    if os.geteuid() != 0:
        _w(i / "locked.txt", ARTICLE).chmod(0)
        rejects += 1
    return Case("filesystem", "7 filesystem", ["in"], 1, 10, rejects, records_in=10 + rejects,
                must_contain={"same.txt": ["The city council"], "same~2.txt": ["The city council"],
                              "x~2.txt/inner.txt": ["The city council"], "x.txt": ["The city council"], "new\nline.txt": ["The city council"],
                              os.fsdecode(b"caf\xe9.txt"): ["The city council"], "-dash.txt": ["The city"]},
                stderr_has=["output name already used"])


@case
def dash_input(d: Path) -> Case:
    _w(d / "-dash.txt", ARTICLE)
    return Case("dash_input", "7 filesystem", ["--", "-dash.txt"], 0, 1, 0, output="out/dash.txt", records_in=1)


@case
def fifo_input(d: Path) -> Case:
    (d / "in").mkdir(parents=True)
    os.mkfifo(d / "in" / "pipe.jsonl")
    return Case("fifo_input", "7 filesystem", ["in/pipe.jsonl"], 1, 0, 1, output="out/pipe.jsonl", records_in=1)


# 8. Interruption (the data; the test drives the kill) -----------------------------------------

@case
def interrupt(d: Path) -> Case:
    _w(d / "in" / "data.jsonl", _records(50_000))
    return Case("interrupt", "8 interruption", ["in/data.jsonl"], 0, 50_000, 0, output="out/data.jsonl",
                records_in=50_000, args=["--jobs", "2"])


# 9. --strict ----------------------------------------------------------------------------------

@case
def strict(d: Path) -> Case:
    _w(d / "in" / "data.jsonl", _records(3) + b'{"text": broken}\n' + _records(3, 3))
    return Case("strict", "9 strict", ["in/data.jsonl"], 1, 0, 1, output="out/data.jsonl", records_in=7,
                args=["--strict"], stderr_has=["--strict", "data.jsonl:4", "malformed JSON"])


def build(root: Path, name: str) -> Case:
    d = root / name
    d.mkdir(parents=True, exist_ok=True)
    return BUILDERS[name](d)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make_corpus.py DIR", file=sys.stderr)
        return 2
    root = Path(argv[0])
    cases = [build(root, n) for n in BUILDERS]
    (root / "manifest.json").write_text(json.dumps([asdict(c) for c in cases], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
