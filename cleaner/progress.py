"""Progress on stderr: a tqdm bar on a terminal, a log line every few seconds otherwise."""

from __future__ import annotations

import sys
import time
from typing import Any


class Progress:
    def __init__(self, total_bytes: int = 0, quiet: bool = False, every: float = 10.0, label: str = "clean") -> None:
        self.quiet = quiet
        self.label = label
        self.total = total_bytes or None
        self.docs = 0
        self.bytes = 0
        self.start = time.monotonic()
        self.last = self.start
        self.every = every
        self.bar: Any = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="B", unit_scale=True, desc=label, file=sys.stderr, leave=False)

    def update(self, nbytes: int) -> None:
        self.docs += 1
        self.bytes += nbytes
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(nbytes)
            self.bar.set_postfix_str(f"{self.docs} docs", refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            rate = self.bytes / max(now - self.start, 1e-9) / 1e6
            eta = ""
            if self.total:
                eta = f", ETA {max(0.0, (self.total - self.bytes) / max(rate * 1e6, 1)):.0f}s"
            print(f"{self.label}: {self.docs} documents, {self.bytes / 1e6:.1f} MB, {rate:.2f} MB/s{eta}", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
