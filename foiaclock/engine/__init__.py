"""The engine: a `Request` and its law -> a `Deadline`, and the trail that explains it.

One module per step, in the order a request goes through them:

* `case`: the request made ready (settings resolved, receipt in its time zone, facts checked,
  later facts set aside);
* `receipt`: when it counts as received;
* `count`: day 0, the statutory due date, the extension (and `pauses`: the pauses);
* `window`: the due dates the contested readings produce;
* `status`: where the clock stands on the as-of day;
* `appeals`: the time to appeal and the appeal's own clock;
* `requester`: the requester's own clocks (the time to appeal, replies asked for), and
  `follow_up`: when the next follow-up letter is called for;
* `deadline`: all of it, as a `Deadline` (`compute`); `trail`: the `Step`s that explain it.
"""

from __future__ import annotations

from .calendars import calendar_for, calendar_of, today, year_days
from .deadline import compute, due_date
from .trail import explain

__all__ = [
    "calendar_for", "calendar_of", "compute", "due_date", "explain", "today",
    "year_days",
]  # fmt: skip
