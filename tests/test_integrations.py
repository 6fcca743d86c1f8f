"""Integrations: the callables work without their frameworks; the real APIs when installed."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from cleaner.api import Cleaner
from cleaner.engines.ray import CleanBatch, clean_dataset
from cleaner.integrations.datatrove import CleanerStep, pipeline_step
from cleaner.integrations.hf import map_fn

DIRTY = "Caf\u00c3\u00a9 au lait is served here every morning.\nShare this article"


def _clean(s: str) -> str:
    return Cleaner.default().clean(s).text


def test_hf_map_fn_batch_and_pickle() -> None:
    fn = pickle.loads(pickle.dumps(map_fn()))
    out = fn({"text": [DIRTY, None], "id": [1, 2]})
    assert out == {"text": [_clean(DIRTY), None], "id": [1, 2]}


@dataclass
class _Doc:
    text: str
    id: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)


def test_datatrove_step_protocol() -> None:
    docs = list(CleanerStep()([_Doc(DIRTY), _Doc("Share this article")], 0, 1))
    assert [d.text for d in docs] == [_clean(DIRTY)]


def test_ray_batch_callable() -> None:
    assert CleanBatch()({"text": [DIRTY], "n": [1]}) == {"text": [_clean(DIRTY)], "n": [1]}


LANG_TEXT = ("The minister said on Monday that the talks on the border would continue next week in "
             "Dushanbe, officials confirmed.\nLeave a Reply\nYour email address will not be published.")


def test_a_rows_lang_and_url_count_as_in_the_cli(tmp_path) -> None:
    """A row's ``lang`` (and ``site``/``url``) is read by every integration as `clean` reads a
    JSON Lines record's fields: here "de" keeps the English comment prompt that "en" removes."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    rows = [{"text": LANG_TEXT, "lang": lang, "url": "https://example.org/a/1"} for lang in ("en", "de")]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    clean = str(Path(sys.executable).parent / "clean")
    p = subprocess.run([clean, str(tmp_path / "in.jsonl"), "-q"], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    cli = [json.loads(x)["text"] for x in p.stdout.decode().splitlines()]
    assert "Leave a Reply" not in cli[0] and "Leave a Reply" in cli[1]
    batch = {k: [r[k] for r in rows] for k in rows[0]}
    assert map_fn()(batch)["text"] == cli
    assert CleanBatch()(batch)["text"] == cli
    docs = [_Doc(r["text"], metadata={"language": r["lang"], "url": r["url"]}) for r in rows]
    assert [d.text for d in CleanerStep(keep_empty=True)(docs)] == cli


HEADLINE = "Border talks resume in Dushanbe"
TITLED = f"{HEADLINE}\n\n{LANG_TEXT}"


def test_a_rows_title_counts_as_in_the_cli(tmp_path) -> None:
    """A row's ``title`` is read as `clean` reads a record's: the headline that repeats it goes
    (``duplicates.title-line``); a row without one, or with another title, keeps it."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    rows = [{"text": TITLED, "title": t} for t in (HEADLINE, "Another story", "")]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    clean = str(Path(sys.executable).parent / "clean")
    p = subprocess.run([clean, str(tmp_path / "in.jsonl"), "-q"], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    cli = [json.loads(x)["text"] for x in p.stdout.decode().splitlines()]
    assert [c.startswith(HEADLINE) for c in cli] == [False, True, True]
    batch = {k: [r[k] for r in rows] for k in rows[0]}
    assert map_fn()(batch)["text"] == cli
    assert CleanBatch()(batch)["text"] == cli
    docs = [_Doc(r["text"], metadata={"title": r["title"]}) for r in rows]
    assert [d.text for d in CleanerStep(keep_empty=True)(docs)] == cli


def test_the_ledger_of_each_integration_is_the_clis(tmp_path) -> None:
    """``ledger_field`` / ``ledger_key`` hold the ``edits`` of `clean --explain`'s record."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    rows = [{"text": t, "lang": "en", "title": HEADLINE} for t in (TITLED, DIRTY, "Nothing to clean here.")]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    clean = str(Path(sys.executable).parent / "clean")
    p = subprocess.run([clean, str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--explain",
                        str(tmp_path / "ledger.jsonl"), "-q"], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    cli = [json.loads(x)["edits"] for x in (tmp_path / "ledger.jsonl").read_text().splitlines()]
    assert cli[0] and cli[1] and cli[2] == []
    batch = {k: [r[k] for r in rows] for k in rows[0]}
    assert [json.loads(x) for x in map_fn(ledger_field="edits")(batch)["edits"]] == cli
    assert [json.loads(x) for x in CleanBatch(ledger_field="edits")(batch)["edits"]] == cli
    docs = [_Doc(r["text"], metadata={"language": "en", "title": HEADLINE}) for r in rows]
    assert [json.loads(d.metadata["edits"]) for d in CleanerStep(keep_empty=True, ledger_key="edits")(docs)] == cli
    assert map_fn(ledger_field="edits")({"text": [None]})["edits"] == [None]
    assert "edits" not in map_fn()(batch)  # no column unless asked for


def test_with_datasets() -> None:
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_dict({"text": [DIRTY]}).map(map_fn(), batched=True)
    assert ds["text"] == [_clean(DIRTY)]
    ds = datasets.Dataset.from_dict({"text": [DIRTY, "Plain."]}).map(map_fn(ledger_field="edits"), batched=True)
    assert ds["text"] == [_clean(DIRTY), "Plain."] and ds["edits"][1] == "[]" and "share-widget" in ds["edits"][0]


def test_with_datatrove() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    [d] = list(pipeline_step().run([Document(text=DIRTY, id="1")], 0, 1))
    assert d.text == _clean(DIRTY)
    step = pipeline_step(ledger_key="cleaner_edits")
    out = list(step.run([Document(text=DIRTY, id="1"), Document(text="Share this article", id="2")], 0, 1))
    assert [d.id for d in out] == ["1"] and out[0].metadata["cleaner_edits"].startswith('[{"rule":')
    stats = step.stats.to_dict()["stats"]  # datatrove's counters: documents, changed, dropped, rule hits
    assert stats["documents"] == 2 and stats["changed"] == 2 and stats["dropped_empty"] == 1
    assert stats["boilerplate.en.share-widget"] >= 1


def test_with_ray() -> None:
    ray = pytest.importorskip("ray")
    ds = clean_dataset(ray.data.from_items([{"text": DIRTY}]), ledger_field="edits")
    [row] = ds.take_all()
    assert row["text"] == _clean(DIRTY) and "share-widget" in row["edits"]


def test_cli_engine_ray_matches_local(tmp_path) -> None:
    pytest.importorskip("ray")
    import json
    import subprocess
    import sys
    from pathlib import Path

    src = tmp_path / "in.jsonl"
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    src.write_text("".join(json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}) + "\n" for p in seeds * 4))
    clean = str(Path(sys.executable).parent / "clean")
    for engine in ("local", "ray"):
        p = subprocess.run([clean, str(src), "-o", str(tmp_path / f"{engine}.jsonl"), "--engine", engine, "--jobs", "2",
                            "--explain", str(tmp_path / f"{engine}.ledger.jsonl"), "-q"], capture_output=True, timeout=300)
        assert p.returncode == 0, p.stderr.decode()[-2000:]
    assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "ray.jsonl").read_bytes()
    assert (tmp_path / "local.ledger.jsonl").read_bytes() == (tmp_path / "ray.ledger.jsonl").read_bytes()


def test_ray_corpus_passes_match_local(tmp_path) -> None:
    """`name_table` and `site_proposals` on Ray Data, and `clean names --engine ray`, give the
    tables `clean names` / `clean learn` give on one process (the same pre-clean and counts)."""
    ray = pytest.importorskip("ray")
    import subprocess
    import sys
    from pathlib import Path

    import test_corpus_cli  # (its pages: two sites, furniture lines, name variants)

    from cleaner.corpus import names, site_lines
    from cleaner.corpus.passes import NAMES, SITE_LINES, count
    from cleaner.engines.ray import name_table, site_proposals
    from cleaner.names import default_table

    rows = test_corpus_cli.pages()
    recs = test_corpus_cli.records(rows)
    aliases = default_table().aliases
    local = names.finalize(count(NAMES, recs), aliases)
    assert local.groups  # (something to compare)
    site_rows = [{"text": r["text"], "site": r["url"].split("/")[2]} for r in rows]
    on_ray = name_table(ray.data.from_items(site_rows), aliases=aliases)
    assert on_ray.groups == local.groups
    learned = site_lines.finalize(count(SITE_LINES, recs))
    assert learned and site_proposals(ray.data.from_items(site_rows)) == learned
    src = test_corpus_cli.write_jsonl(tmp_path / "in.jsonl", rows)
    clean = str(Path(sys.executable).parent / "clean")
    for engine in ("local", "ray"):
        p = subprocess.run([clean, "names", str(src), "-o", str(tmp_path / f"{engine}.tsv"), "--engine", engine,
                            "--jobs", "2", "-q"], capture_output=True, timeout=300)
        assert p.returncode == 0, p.stderr.decode()[-2000:]
    assert (tmp_path / "local.tsv").read_bytes() == (tmp_path / "ray.tsv").read_bytes()
