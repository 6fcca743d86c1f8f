"""The examples in the README and the package docstring run as written (doctest): the first
thing a new user copies must give what the page says."""

import doctest
import re
from pathlib import Path

import cleaner

ROOT = Path(__file__).resolve().parent.parent


def _run(text: str, name: str) -> tuple[int, int]:
    test = doctest.DocTestParser().get_doctest(text, {}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.failures, runner.tries


def test_readme_examples():
    """Every ``>>>`` example of the README's Python blocks (the fences are not output)."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    failures, tried = _run("\n".join(b for b in blocks if ">>>" in b), "README.md")
    assert tried >= 4 and failures == 0


def test_package_docstring_example():
    failures, tried = _run(cleaner.__doc__ or "", "cleaner")
    assert tried >= 2 and failures == 0
