"""The ``foiaclock`` command line: a thin shell over the library.

Only this package knows about Click, the terminal, the environment (`environment`) and exit
codes (`app`). One module per command group, each imported when its command is used:
`status` (status, check), `due`, `explain`, `reference` (holidays, jurisdictions), `validate`.
Data goes to stdout; the summary, warnings and errors go to stderr.
"""

from __future__ import annotations

from .app import COMMANDS, cli, main

__all__ = ["COMMANDS", "cli", "main"]
