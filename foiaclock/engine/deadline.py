"""`compute`: a request -> its `Deadline`, as of one day; `due_date`: the due date alone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..errors import FoiaclockError
from ..law import Jurisdiction
from ..models import (
    FOLLOW_UP_EVERY,
    MAX_FOLLOW_UP_EVERY,
    Extension,
    MisroutedUnit,
    Options,
    Request,
    Toll,
    Via,
)
from ..results import ClockDate, Deadline, Status
from .appeals import appeal_by, appeal_clock
from .case import Case, open_case
from .count import Count, count_response
from .follow_up import next_follow_up
from .law_of import LawOf, law_of
from .requester import requester_clocks
from .status import status_of
from .units import span
from .window import window


def compute(
    request: Request,
    as_of: date | None = None,
    *,
    soon: int = 5,
    jurisdictions: Mapping[str, Jurisdiction] | None = None,
    follow_up_every: int = FOLLOW_UP_EVERY,
) -> Deadline:
    """Work out every clock of `request` as of `as_of` (default: today in the law's time zone).

    `soon` is the due-soon threshold in working days. `jurisdictions` holds user-defined laws
    (a requests file's `RequestsFile.jurisdictions`). `follow_up_every`: the working days between
    follow-up letters (`Deadline.next_follow_up`). Raises a `FoiaclockError` subclass when the
    request's facts contradict each other or the law (`RequestError` names the field).
    """
    if not isinstance(request, Request):
        raise FoiaclockError(f"compute() takes a Request, not {type(request).__name__}")
    chosen = law_of(request, jurisdictions)
    law = chosen.law
    if as_of is None:
        as_of = datetime.now(ZoneInfo(law.timezone)).date()
    elif isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise FoiaclockError(f"as_of must be a date (like 2024-05-01), not {as_of!r}")
    if isinstance(soon, bool) or not isinstance(soon, int) or soon < 0:
        raise FoiaclockError("the due-soon threshold must be 0 or more working days")
    check_follow_up_every(follow_up_every)
    case = open_case(request, law, as_of)
    count = count_response(case)
    return _deadline(case, count, soon, chosen, follow_up_every)


def check_follow_up_every(every: object) -> None:
    """Refuse a follow-up interval that is not 1 to `MAX_FOLLOW_UP_EVERY` working days."""
    if isinstance(every, bool) or not isinstance(every, int):
        raise FoiaclockError("follow_up_every must be a whole number of working days")
    if not 1 <= every <= MAX_FOLLOW_UP_EVERY:
        raise FoiaclockError(
            f"follow_up_every must be 1 to {MAX_FOLLOW_UP_EVERY} working days, not {every}"
        )


def _deadline(case: Case, count: Count, soon: int, chosen: LawOf, every: int) -> Deadline:
    request, law = case.request, case.law
    due = count.due
    paused = count.paused
    # A suit stops the clocks on its day, as a response does (the days left are counted to it).
    stopped = request.responded or request.litigation
    status, left, cal_left = status_of(case.calendar, due, stopped, case.as_of, soon, paused.open)
    target = target_left = None
    if due is None and request.target_days is not None:
        target = case.calendar.add_working_days(count.clock_start, request.target_days)
        target_left = case.calendar.working_days_between(case.as_of, target)
    spread = window(case, count)
    # The day after the *latest* reading's due date, so that a suit on the day given is never
    # premature (5 U.S.C. § 552(a)(6)(C)(i) runs from the time limit, whichever reading is right).
    latest = spread.latest if spread is not None else due
    may_sue = None
    if law.constructive_exhaustion and latest is not None and not paused.open:
        may_sue = latest + timedelta(days=1) if request.responded is None else None
    last_day = appeal_by(case, count)
    appeal = appeal_clock(case, count, soon)
    mine = requester_clocks(case, count, last_day, soon)
    if request.litigation is not None:
        status, may_sue, mine = Status.IN_LITIGATION, None, ()
        if appeal is not None and request.appeal is not None and request.appeal.decided is None:
            stop = status_of(case.calendar, appeal.due, request.litigation, case.as_of, soon, False)
            appeal = replace(
                appeal, status=Status.IN_LITIGATION, days_left=stop[1], may_sue_from=None
            )
    return Deadline(
        request=request,
        law=law,
        settings=case.settings,
        as_of=case.as_of,
        received=count.received,
        clock_start=count.clock_start,
        due=due,
        statutory_due=count.statutory_due,
        window=spread,
        status=status,
        days_left=left,
        calendar_days_left=cal_left,
        may_sue_from=may_sue,
        search_fees_barred=_fees_barred(case, count, latest),
        appeal_by=last_day,
        appeal=appeal,
        expedited_decision_due=_expedited(case, count),
        acknowledgement_due=count.acknowledgement.due if count.acknowledgement else None,
        target=target,
        target_days_left=target_left,
        other=_other_dates(case, count),
        extended=count.extension is not None,
        tolled_days=paused.days,
        warnings=(
            *chosen.warnings,
            *_warnings(case, count, last_day, appeal.received if appeal else None),
        ),
        requester=mine,
        jurisdiction_reason=chosen.reason,
        next_follow_up=next_follow_up(case, due, paused.open, every),
    )


def _fees_barred(case: Case, count: Count, latest: date | None) -> bool | None:
    """Whether a missed time limit bars search fees (5 U.S.C. § 552(a)(4)(A)(viii)): with a
    timely unusual-circumstances notice the limit is the extended one (`due` includes the
    extension, (viii)(II)(aa)); the 5,000-page exception needs that notice too ((II)(bb)).
    Missed means missed under every reading: after the window's `latest` date."""
    law = case.law
    if not law.fee_rule(count.received) or latest is None:
        return None
    since = law.fee_exceptions_since
    if since is not None and count.received < since and count.extension is not None:
        return False  # before 2016 unusual circumstances lifted the bar (the 2007 text)
    end = case.request.responded or case.request.litigation or case.as_of
    excepted = case.request.fee_exception and count.extension is not None
    return end > latest and not excepted and not count.paused.open


def _expedited(case: Case, count: Count) -> date | None:
    if not case.request.expedited:
        return None
    rule = case.law.clock("expedited", count.received)
    if rule is None or rule.days is None:
        return None
    return span(case.calendar, count.received, rule.days, rule.unit, rule.roll)[0]


def _other_dates(case: Case, count: Count) -> tuple[ClockDate, ...]:
    """The further dates the law sets, each counted from what its rule says."""
    if not case.law.other:
        return ()
    ack = count.acknowledgement
    anchors = {
        "received": count.clock_start,
        "acknowledged": ack.start if ack else None,
        "response": case.request.responded,
        "due": count.due,
        "postmarked": case.request.postmarked,
    }
    out = []
    for rule in case.law.other:
        if rule.start == "postmarked" and case.request.postmarked is None:
            continue  # (a date counted from a postmark is for a request that gives one)
        if rule.days is None:
            # The rule data requires a standard (the law's words) where there are no days.
            out.append(ClockDate(rule.label, None, rule.citation, rule.standard))
            continue
        anchor = anchors[rule.start]
        day = span(case.calendar, anchor, rule.days, rule.unit, rule.roll)[0] if anchor else None
        out.append(ClockDate(rule.label, day, rule.citation, rule.note))
    return tuple(out)


def _warnings(case: Case, count: Count, last_day: date | None, appealed: date | None) -> list[str]:
    """What the user should know, in the order it arises."""
    out = [*case.set_aside, *count.warnings]
    request = case.request
    if (
        request.fee_exception
        and case.law.fee_rule(count.received)
        and count.due is not None
        and count.extension is None
    ):
        out.append(
            "the 5,000-page fee exception applies only after a timely unusual-circumstances "
            "notice (an extension); without one, fees are barred once the deadline is missed"
        )
    if last_day is not None and appealed is not None and appealed > last_day:
        out.append(f"the appeal ({appealed}) came after the last day to appeal ({last_day})")
    listed = _closed_days_skipped(case, count)
    if listed:
        them = "them as closed days" if len(listed) > 1 else "it as a closed day"
        out.append(
            f"the due date counts {', '.join(d.isoformat() for d in listed)} as non-working "
            f"because you listed {them} (the law does not)"
        )
    return out


def _closed_days_skipped(case: Case, count: Count) -> list[date]:
    """The weekdays the user listed as closed (`Options.closed_days`) that the due date passed
    over: in a count of working days (or weeks), each one after day 0; in a count of calendar
    days, only those its last day rolled off (the count itself runs over every day). A listed
    day is never the due date itself."""
    closed, rule, due = case.settings.closed_days, count.rule, count.due
    if not closed or rule is None or due is None:
        return []
    if rule.unit in ("working", "weeks"):
        first = count.clock_start + timedelta(days=1)
    elif count.raw_due is not None:
        first = count.raw_due
    else:
        return []
    return [d for d in closed if first <= d < due and d.weekday() < 5]


def due_date(
    received: date | datetime,
    *,
    jurisdiction: str = "",
    agency: str = "",
    extension: Extension = None,
    tolls: Sequence[Toll] = (),
    first_received: date | datetime | None = None,
    acknowledged: date | None = None,
    track: str | None = None,
    via: Via | None = None,
    observed: bool | None = None,
    closures: bool | None = None,
    dc_area: bool | None = None,
    saturday_shift: bool | None = None,
    receipt_day_counts: bool | None = None,
    cutoff: time | str | None = None,
    misrouted_unit: MisroutedUnit | None = None,
    closed_days: Iterable[date] | None = None,
    timezone: str | None = None,
) -> date:
    """The due date of a request received on `received` (a shortcut for `compute(...).due`,
    counted with every fact given: as of the latest of their dates).

    `jurisdiction` and `agency` choose the law as for a `Request` (neither: the federal
    statute). The options (`observed` ... `timezone`, as in `Options`) left at ``None`` keep the
    law's defaults. Raises `FoiaclockError` when the law sets no fixed deadline, and a `RequestError`
    naming the argument for a value of the wrong kind.
    """
    options = Options(
        observed=observed,
        closures=closures,
        dc_area=dc_area,
        saturday_shift=saturday_shift,
        receipt_day_counts=receipt_day_counts,
        cutoff=cutoff,
        misrouted_unit=misrouted_unit,
        closed_days=closed_days,
        timezone=timezone,
    )
    request = Request(
        received=received,
        jurisdiction=jurisdiction,
        agency=agency,
        extension=extension,
        tolls=tuple(tolls),
        first_received=first_received,
        acknowledged=acknowledged,
        track=track,
        via=via,
        options=options,
    )
    result = compute(request, as_of=_latest_fact(request))
    if result.due is None:
        law = result.law
        raise FoiaclockError(f"{law.name} sets no fixed deadline ({law.summary()})")
    return result.due


def _latest_fact(request: Request) -> date:
    """The latest date among a request's facts (the day by which all of them are known)."""
    received = request.received
    facts = [received.date() if isinstance(received, datetime) else received]
    for toll in request.tolls:
        facts.extend(d for d in (toll.start, toll.end) if d is not None)
    if isinstance(request.extension, date):
        facts.append(request.extension)
    if request.acknowledged is not None:
        facts.append(request.acknowledged)
    return max(facts)
