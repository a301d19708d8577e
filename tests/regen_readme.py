"""Rewrite the README's table of supported jurisdictions from the rule data.

    python tests/regen_readme.py

tests/test_jurisdictions_data.py fails while the README and the data disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

from foiaclock.formats.info import markdown_table
from foiaclock.law import all_jurisdictions

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- jurisdictions:start -->"
END = "<!-- jurisdictions:end -->"
INTRO = (
    "## Supported jurisdictions\n\n"
    'Generated from `foiaclock/law/data/` by `python tests/regen_readme.py`. "Verified: no" marks rules '
    "not confirmed against the statute text; `foiaclock jurisdictions CODE` shows every clock, "
    "citation, assumption and note.\n\n"
)


def section() -> str:
    return f"{START}\n{INTRO}{markdown_table(all_jurisdictions())}{END}"


def rewrite(text: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no {START} ... {END} markers")
    return pattern.sub(lambda _m: section(), text)


if __name__ == "__main__":
    README.write_text(rewrite(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the jurisdictions table in {README}")
