"""foiaclock: when a public-records request is due, and whether it is late.

>>> from datetime import date
>>> import foiaclock
>>> foiaclock.due_date(date(2018, 7, 20))
datetime.date(2018, 8, 17)
"""

from __future__ import annotations

from .calendar import Calendar, NonWorkingDay, calendar_for
from .clock import compute, due_date, today
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
from .models import (
    Appeal,
    AppealClock,
    ClockDate,
    Deadline,
    Options,
    Request,
    Status,
    Step,
    Toll,
    TollKind,
    Window,
)
from .rules import Jurisdiction, all_jurisdictions, get_jurisdiction


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
    "Request",
    "RequestError",
    "RuleDataError",
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
    "due_date",
    "get_jurisdiction",
    "today",
]
