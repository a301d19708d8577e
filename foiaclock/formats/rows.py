"""What every format says about one deadline: the clock that runs now, the due cell, the days
left, the short note, the sort order and the summary line. Plain strings, no colour."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ..results import Deadline, RequesterClock, Status

#: ``--only`` / ``--sort`` vocabulary: the statuses as words without spaces.
STATUS_SLUGS: dict[str, Status] = {s.value.replace(" ", "-"): s for s in Status}
SORT_KEYS: tuple[str, ...] = ("urgency", "due", "received", "id", "agency")


def current_status(d: Deadline) -> Status:
    """The status of the most urgent clock: the agency's (the appeal's once there is one) or the
    requester's (`Deadline.requester_clock`)."""
    return d.current_status


def current_due(d: Deadline) -> date | None:
    return d.current_due


def agency_status(d: Deadline) -> Status:
    """The status of the agency's clock: the appeal's once there is one."""
    return d.agency_clock.status


def days_left(d: Deadline) -> int | None:
    """Working days left on the most urgent clock (the requester's when it is)."""
    mine = d.requester_clock
    return mine.days_left if mine is not None else d.agency_clock.days_left


def window_wide(d: Deadline) -> bool:
    """The readings of the law disagree about the due date `due_cell` shows (the agency's)."""
    window = d.agency_clock.window
    return window is not None and window.is_wide


def status_text(d: Deadline) -> str:
    """The current status in words; ``appeal overdue`` when the running clock is the appeal's
    (a requester's status says whose it is already: ``appeal due soon``, ``reply overdue``)."""
    text = current_status(d).value
    if d.requester_clock is not None or current_status(d) is Status.IN_LITIGATION:
        return text
    return f"appeal {text}" if d.appeal is not None else text


def due_cell_is_current(d: Deadline) -> bool:
    """Whether `due_cell` is the due date of the clock `status_text` is about (else the status
    is the requester's, and the requester's date is in the `note`)."""
    return d.requester_clock is None


def due_cell(d: Deadline) -> str:
    """The agency's due date (the appeal decision's once there is one), ``±`` when the readings
    of the law disagree. Never the requester's date: that one is in the `note`."""
    due = d.agency_clock.due
    if due is None:
        return "—"
    return due.isoformat() + (" ±" if window_wide(d) else "")


def _days(status: Status, n: int | None) -> str:
    if status is Status.NO_DEADLINE or n is None:
        return ""
    if status is Status.DUE_TODAY:
        return "today"
    if status is Status.ANSWERED_ON_TIME:
        return f"{n:,} early" if n > 0 else "on the day"
    if n < 0:
        return f"{-n:,} late"
    return f"{n:,} left"


def left_cell(d: Deadline) -> str:
    """Working days left (or late) on the agency's clock, the one `due_cell` shows, in words
    short enough for a table."""
    clock = d.agency_clock
    return _days(clock.status, clock.days_left)


def current_left_cell(d: Deadline) -> str:
    """`left_cell` for the most urgent clock (`current_status`, `current_due`): the requester's
    when it is; nothing for a window to appeal that has closed (nothing is late by it)."""
    mine = d.requester_clock
    if mine is None:
        return left_cell(d)
    if mine.status is Status.APPEAL_WINDOW_CLOSED:
        return ""
    return "today" if mine.due == d.as_of else _days(mine.status, mine.days_left)


def words(cell: str) -> str:
    """A days cell in words: ``4 working days left``, ``1,997 working days late``."""
    for word in ("left", "late", "early"):
        if cell.endswith(f" {word}"):
            n = cell[: -len(word) - 1]
            return f"{n} working day{'' if n == '1' else 's'} {word}"
    return cell


def left_words(d: Deadline) -> str:
    """`current_left_cell` in words."""
    return words(current_left_cell(d))


def _requester_days(mine: RequesterClock, as_of: date) -> str:
    """How long the requester has, for the note: `` (3 working days left)``, `` (passed)``."""
    if mine.due == as_of:
        return " (today)"
    if mine.due < as_of:
        return " (passed)"
    if mine.days_left <= 0:
        return " (no working day left)"
    return f" ({words(f'{mine.days_left:,} left')})"


def note(d: Deadline) -> str:
    """The short note: what else a person should know at a glance."""
    r = d.request
    about: list[str] = []  # the request's own clock
    if d.clock_start is not None and d.clock_start != d.received and r.first_received is not None:
        about.append(f"misrouted: clock from {d.clock_start}")
    if d.extended:
        about.append(f"extended to {r.extension}" if isinstance(r.extension, date) else "extended")
    open_toll = next((t for t in r.tolls if t.end is None and not t.disputed), None)
    if d.status is Status.PAUSED and open_toll is not None:
        about.append(f"paused since {open_toll.start} ({open_toll.kind.value})")
    elif d.tolled_days:
        about.append(f"tolled {d.tolled_days} day{'s' if d.tolled_days != 1 else ''}")
    if d.expedited_decision_due is not None and not d.status.is_answered:
        about.append(f"expedited decision due {d.expedited_decision_due}")
    if r.responded is not None:
        late = " late" if d.status is Status.ANSWERED_LATE else ""
        about.append(f"answered{late} {r.responded}")
    if r.litigation is not None:
        about.append(f"suit filed {r.litigation}" + (f" ({r.case})" if r.case else ""))
    if d.status is Status.NO_DEADLINE:
        about.append(f"no fixed time; your target {d.target}" if d.target else "no fixed time")

    parts: list[str] = []
    if d.appeal is not None:
        a = d.appeal
        if a.due is None:
            parts.append(f"appeal received {a.received}, no time limit")
        elif a.status.is_answered:
            parts.append(f"appeal decided ({a.status.value})")
        else:
            parts.append(f"appeal due {a.due}")
        if a.may_sue_from is not None and a.status is Status.OVERDUE:
            parts.append(f"may sue from {a.may_sue_from}")
        if about:
            parts.append("request " + ", ".join(about))
    else:
        parts.extend(about)
        if d.appeal_by is not None:
            mine = next((c for c in d.requester if c.kind == "appeal"), None)
            if d.appeal_by < d.as_of:
                parts.append(f"appeal window closed {d.appeal_by}")
            else:
                days = _requester_days(mine, d.as_of) if mine is not None else ""
                parts.append(f"appeal by {d.appeal_by}{days}")
        if d.may_sue_from is not None and d.status is Status.OVERDUE:
            parts.append(f"may sue from {d.may_sue_from}")
    for mine in d.requester:
        if mine.kind == "reply":
            parts.append(f"{mine.label} by {mine.due}{_requester_days(mine, d.as_of)}")
    if d.warnings:
        parts.append(f"{len(d.warnings)} warning{'s' if len(d.warnings) != 1 else ''}")
    return "; ".join(parts)


def sort_key(key: str = "urgency") -> Callable[[Deadline], Any]:
    """The sort key for ``--sort`` `key` (one of `SORT_KEYS`): a function of one deadline."""
    far = date.max

    def due_key(d: Deadline) -> date:
        return current_due(d) or d.target or far

    if key == "urgency":
        return lambda d: (current_status(d).urgency, due_key(d))
    if key == "due":
        return due_key
    if key == "received":
        return lambda d: d.received
    if key == "id":
        return lambda d: d.request.id
    if key == "agency":
        return lambda d: (d.request.agency.casefold(), d.request.id)
    raise ValueError(f"unknown sort key {key!r}")


def sort_deadlines(deadlines: Iterable[Deadline], key: str = "urgency") -> list[Deadline]:
    """Sorted by `key` (one of `SORT_KEYS`); ties in file order."""
    return sorted(deadlines, key=sort_key(key))


def counts(deadlines: Sequence[Deadline]) -> dict[Status, int]:
    c = Counter(current_status(d) for d in deadlines)
    return {s: c[s] for s in Status if c[s]}


def summary(deadlines: Sequence[Deadline], total: int | None = None) -> str:
    """``10 requests: 3 overdue, 1 due today, ...`` (statuses in order of urgency)."""
    return summary_of(counts(deadlines), len(deadlines), total)


def summary_of(c: Mapping[Status, int], n: int, total: int | None = None) -> str:
    """`summary` from the `counts` `c` of `n` deadlines shown out of `total`."""
    head = f"{n} request{'s' if n != 1 else ''}"
    if total is not None and total != n:
        head = f"{n} of {total} requests"
    if not c:
        return f"{head}."
    return f"{head}: " + ", ".join(f"{k} {s.value}" for s, k in c.items())


def wrap(text: str, width: int = 100, **options: object) -> list[str]:
    """`textwrap.wrap` that never breaks a citation after its section sign ("5 U.S.C. § 552"),
    long words and hyphens kept whole."""
    options.setdefault("break_long_words", False)
    options.setdefault("break_on_hyphens", False)
    glued = text.replace("§§ ", "§§\0").replace("§ ", "§\0")
    return [line.replace("\0", " ") for line in textwrap.wrap(glued, width, **options)]  # type: ignore[arg-type]
