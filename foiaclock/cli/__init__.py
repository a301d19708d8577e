"""The ``foiaclock`` command line: a thin shell over the library.

Only this package knows about Click, the terminal, the environment (`environment`) and exit
codes (`app`). One module per command group: `status` (status, check), `due`, `explain`,
`reference` (holidays, jurisdictions), `validate`. Data goes to stdout; the summary, warnings and
errors go to stderr.
"""

from __future__ import annotations

from . import due, explain, reference, status, validate
from .app import cli, main

__all__ = ["cli", "due", "explain", "main", "reference", "status", "validate"]
