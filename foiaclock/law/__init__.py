"""The laws: what each one's clocks are, from the cited rule data in ``foiaclock/law/data/``.

* `model`: the rule model (`Jurisdiction`, `ClockRule`, `TollRule`, `ReceiptRule`);
* `parse`: the rule-data parser (a TOML table -> `Jurisdiction`), shared with requests files'
  own ``[jurisdiction.NAME]`` tables and their option keys;
* `registry`: the shipped data, one file per code, read on first use.

The federal FOIA is the entry ``us``, read and applied exactly like every state and national law.
"""

from __future__ import annotations

from .model import (
    CALENDAR_OPTIONS,
    CLOCK_NAMES,
    CONTESTABLE,
    UNITS,
    ClockRule,
    Jurisdiction,
    ReceiptRule,
    TollRule,
    amount_words,
    in_force,
)
from .parse import OPTION_KEYS, options_from_table
from .registry import all_jurisdictions, codes, define_jurisdiction, get_jurisdiction

__all__ = [
    "CALENDAR_OPTIONS",
    "CLOCK_NAMES",
    "CONTESTABLE",
    "OPTION_KEYS",
    "UNITS",
    "ClockRule",
    "Jurisdiction",
    "ReceiptRule",
    "TollRule",
    "all_jurisdictions",
    "amount_words",
    "codes",
    "define_jurisdiction",
    "get_jurisdiction",
    "in_force",
    "options_from_table",
]
