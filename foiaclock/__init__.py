"""foiaclock: when a public-records request is due, and whether it is late.

>>> from datetime import date
>>> import foiaclock
>>> foiaclock.due_date(date(2018, 7, 20))
datetime.date(2018, 8, 17)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("foiaclock")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

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
