"""Parquet in and out, streamed by record batches so memory stays bounded on large dumps.

Reading keeps every column: ``Record.raw`` is the row as a dict, so the writer can put the
cleaned text back into the same schema. Writing goes to a hidden temporary file beside the
output and is renamed into place on commit, like every other output.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleaner.document import Document
from cleaner.io.readers import METER, Record, Reject
from cleaner.io.writers import AtomicWriter, named_error

BATCH_ROWS = 1024


def read_parquet(path: Path, source: str, text_field: str, batch_rows: int = BATCH_ROWS) -> Iterator[Record | Reject]:
    """Rows of a Parquet file as Records (``line`` is the 1-based row number); bad rows are Rejects."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as e:
        yield Reject(source, 0, f"not a readable Parquet file: {str(e)[:200]}")
        return
    if text_field not in pf.schema_arrow.names:
        yield Reject(source, 0, f"no {text_field!r} column (columns: {', '.join(pf.schema_arrow.names[:20])})")
        return
    row, size, rows = 0, path.stat().st_size, max(1, pf.metadata.num_rows)
    try:
        for batch in pf.iter_batches(batch_size=batch_rows):
            METER.move(str(path), size * min(rows, row + batch.num_rows) // rows)  # (for the progress bar)
            for obj in batch.to_pylist():
                row += 1
                yield _row_record(obj, source, row, text_field)
    except (pa.ArrowException, OSError) as e:
        yield Reject(source, row + 1, f"damaged Parquet file after row {row}: {str(e)[:200]}")


def _row_record(obj: dict[str, Any], source: str, row: int, text_field: str) -> Record | Reject:
    text = obj.get(text_field)
    if not isinstance(text, str):
        return Reject(source, row, f"column {text_field!r} is {type(text).__name__}, not a string", repr(obj)[:2000])
    meta = {k: v for k, v in obj.items() if k != text_field and isinstance(v, (str, int, float, bool))}
    meta.setdefault("source", source)
    doc_id = str(obj.get("id") if obj.get("id") is not None else f"{source}:{row}")
    return Record(Document(doc_id, text, dict(meta)), source, row, obj)


class ParquetAtomicWriter(AtomicWriter):
    """Rows in, a Parquet file out: same schema as the input (text column as a string), written
    in row batches into an `AtomicWriter`'s file, which ``commit`` renames into place."""

    def __init__(self, path: Path, schema: Any, text_field: str, batch_rows: int = BATCH_ROWS) -> None:
        import pyarrow as pa

        i = schema.get_field_index(text_field)
        if i >= 0 and not (pa.types.is_string(schema.field(i).type) or pa.types.is_large_string(schema.field(i).type)):
            schema = schema.set(i, pa.field(text_field, pa.string()))
        self.schema = schema.remove_metadata()
        self.batch_rows = batch_rows
        self.rows: list[dict[str, Any]] = []
        super().__init__(path)

    def _opened(self) -> None:
        import pyarrow.parquet as pq

        self.w = pq.ParquetWriter(self.f, self.schema, compression="zstd")

    @classmethod
    def for_source(cls, out: Path, src_path: Path | None, text_field: str) -> ParquetAtomicWriter:
        """A writer whose schema is the input file's (or just the text column without one)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pq.read_schema(src_path) if src_path is not None else pa.schema([(text_field, pa.string())])
        return cls(out, schema, text_field)

    def write_row(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            batch = pa.RecordBatch.from_pylist(self.rows, schema=self.schema)
            try:
                self.w.write_batch(batch)
            except OSError as e:  # (a full disk: said with the output's name)
                raise named_error(e, self.path) from None
            self.rows = []

    def commit(self) -> None:
        self._flush()
        try:
            self.w.close()  # (the Parquet footer; the file stays open for `AtomicWriter.commit`)
        except OSError as e:
            raise named_error(e, self.path) from None
        super().commit()

    def abort(self) -> None:
        try:
            if hasattr(self, "w"):
                self.w.close()
        except Exception:  # (the rows are being thrown away: a full disk again, say)
            pass
        finally:
            super().abort()
