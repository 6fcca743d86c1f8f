"""Progress on stderr: a tqdm bar on a terminal, a log line every few seconds otherwise.

How far the run is comes from `cleaner.io.readers.METER`, in the input files' own bytes, so a
compressed input is measured against its size on disk; the MB and MB/s shown are of text cleaned.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from cleaner.io.readers import METER


class Progress:
    def __init__(self, total_bytes: int = 0, quiet: bool = False, every: float = 10.0, label: str = "clean") -> None:
        self.quiet = quiet
        self.label = label
        self.total = total_bytes or None  # of the input files, as they are on disk
        self.docs = 0
        self.bytes = 0  # of text cleaned
        self.start = time.monotonic()
        self.last = self.start
        self.every = every
        self.bar: Any = None
        METER.reset()
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="B", unit_scale=True, desc=label, file=sys.stderr, leave=False)

    def _done(self) -> int:
        """Input bytes read (the readers run a few batches ahead of the results: about right)."""
        return min(METER.read, self.total) if self.total else self.bytes

    def update(self, nbytes: int) -> None:
        self.docs += 1
        self.bytes += nbytes
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(self._done() - self.bar.n)
            self.bar.set_postfix_str(f"{self.docs} docs", refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            spent = max(now - self.start, 1e-9)
            eta = ""
            done = self._done()
            if self.total and done:
                eta = f", {100 * done / self.total:.0f}% of the input, ETA {(self.total - done) * spent / done:.0f}s"
            print(f"{self.label}: {self.docs} documents, {self.bytes / 1e6:.1f} MB, {self.bytes / spent / 1e6:.2f} MB/s{eta}",
                  file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
