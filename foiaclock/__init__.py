"""foiaclock: when a public-records request is due, and whether it is late.

The flow is the folder structure, one way through::

    requests.toml --files--> Request --engine--> Deadline --formats--> text --cli--> you
                                         |  ^
                                       law  calendar

* `files`: a TOML requests file -> `Request`s (models.py), every error at file:line:column;
  and its edits (`edit`: tomlkit, atomic, checked before writing);
* `sheets`: a spreadsheet or a MuckRock export -> the text of a requests file (`import`);
* `law`: the rule model and the cited rule data, one file per jurisdiction (agencies' names in
  `law/agencies.toml`);
* `calendar`: working days, from the `holidays` package and the law's own rules;
* `engine`: law_of -> case -> receipt -> count -> pauses -> window -> status -> appeals ->
  requester -> follow_up -> `Deadline` (results.py), and `explain`, the trail of a `Deadline`;
* `formats`: `Deadline`s -> table, JSON, CSV, Markdown, ICS, HTML, the explain text;
* `letters`: a `Deadline` -> a follow-up, an appeal or a notice before suit (Jinja2 templates);
* `cli`: the commands (the only part that reads the environment).

>>> from datetime import date
>>> import foiaclock
>>> foiaclock.due_date(date(2018, 7, 20))
datetime.date(2018, 8, 17)
>>> d = foiaclock.compute(foiaclock.Request(received=date(2018, 7, 20)), as_of=date(2018, 8, 1))
>>> print(d.due, d.status, d.days_left)
2018-08-17 open 12
"""

from __future__ import annotations

from .api import RECORD_COLUMNS, compute_many
from .calendar import Calendar, NonWorkingDay
from .engine import calendar_for, compute, due_date, explain, today
from .errors import (
    DateOrderError,
    DateRangeError,
    ExtensionError,
    FoiaclockError,
    InputError,
    RequestError,
    RuleDataError,
    TollError,
    UnknownJurisdictionError,
)
from .files import RequestsFile, load, load_bytes, loads
from .law import Jurisdiction, all_jurisdictions, get_jurisdiction
from .models import (
    Appeal,
    Options,
    Reply,
    Request,
    Requester,
    SentLetter,
    Settings,
    Toll,
    TollKind,
)
from .results import (
    AgencyClock,
    AppealClock,
    ClockDate,
    Deadline,
    RequesterClock,
    Status,
    Step,
    Window,
)


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed metadata on first use (importlib.metadata is slow
    to import, and most runs never ask)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("foiaclock")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    raise AttributeError(f"module 'foiaclock' has no attribute {name!r}")


__all__ = [
    "RECORD_COLUMNS",
    "AgencyClock",
    "Appeal",
    "AppealClock",
    "Calendar",
    "ClockDate",
    "DateOrderError",
    "DateRangeError",
    "Deadline",
    "ExtensionError",
    "FoiaclockError",
    "InputError",
    "Jurisdiction",
    "NonWorkingDay",
    "Options",
    "Reply",
    "Request",
    "RequestError",
    "Requester",
    "RequesterClock",
    "RequestsFile",
    "RuleDataError",
    "SentLetter",
    "Settings",
    "Status",
    "Step",
    "Toll",
    "TollError",
    "TollKind",
    "UnknownJurisdictionError",
    "Window",
    "__version__",
    "all_jurisdictions",
    "calendar_for",
    "compute",
    "compute_many",
    "due_date",
    "explain",
    "get_jurisdiction",
    "load",
    "load_bytes",
    "loads",
    "today",
]
