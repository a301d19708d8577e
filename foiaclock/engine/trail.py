"""`explain`: the trail of a computed `Deadline`, as the `Step`s a lawyer would set out in a
filing: the law and its clock, the receipt, day 0, every day counted (numbered) or skipped (with
the reason), the pauses where they happened, the extension, the due date, the readings that make
up the window, what follows from the dates, and the appeal.

The trail renders the facts the engine works out (`count_response` returns them all); it decides
nothing of its own.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..dates import fmt_day
from ..law import amount_words
from ..results import Deadline, Step
from .appeals import appeal_extension, appeal_rule
from .case import Case, open_case
from .count import Count, count_response, extension_start
from .pauses import Pause, Unused
from .units import span
from .window import READINGS, contested, due_with, ends, readings

_OGLESBY = "Oglesby v. U.S. Dep't of the Army, 920 F.2d 57"


def explain(deadline: Deadline) -> tuple[Step, ...]:
    """The steps that produced `deadline`'s dates, in order."""
    case = open_case(deadline.request, deadline.law, deadline.as_of)
    count = count_response(case)
    head = [
        *_receipt_steps(count),
        *_start_steps(case, count),
        *_acknowledgement_steps(count),
        *_pause_steps(count),
    ]
    inline = {st.text for st in head if st.kind == "warning"}
    later = [Step("warning", w) for w in deadline.warnings if w not in inline]
    rule = count.rule
    steps = _law_steps(case, count)
    if deadline.law_was_inferred:
        why = deadline.jurisdiction_reason
        steps.insert(1, Step("note", f"Why this law: {why}", citation=_regulation_of(case)))
    if rule is None or rule.days is None or count.due is None:
        return (*steps, *head, *_no_fixed_time(case, count), *later)
    # Pause steps go where they happened, among the days; the rest of the head comes first.
    tolls = sorted((st for st in head if st.kind == "toll"), key=lambda st: st.day or date.min)
    steps.extend(st for st in head if st.kind != "toll")
    steps.extend(_day_by_day(case, count, tolls))
    steps.extend(_extension_steps(case, count))
    steps.append(Step("due", f"Due {fmt_day(count.due)}", count.due, citation=rule.citation))
    steps.extend(_window_steps(case, count, deadline))
    steps.extend(later)
    steps.extend(_consequence_steps(case, deadline))
    steps.extend(_appeal_steps(case, count, deadline))
    if deadline.expedited_decision_due is not None:
        ex = case.law.clock("expedited", count.received)
        assert ex is not None  # (the date is computed only under an expedited clock)
        day = deadline.expedited_decision_due
        text = f"Decision on expedited processing due {fmt_day(day)}"
        steps.append(Step("rule", text, day, citation=ex.citation))
    return tuple(steps)


def _regulation_of(case: Case) -> str:
    """The agency regulation the request is counted under, with its Federal Register rule."""
    reg = case.law.regulation
    if reg is None:
        return ""
    return f"{reg.citation}; {reg.rule}" if reg.rule else reg.citation


def _law_steps(case: Case, count: Count) -> list[Step]:
    law, rule = case.law, count.rule
    steps = [Step("rule", f"{law.name}: {law.law}", citation=law.citation)]
    if rule is not None and rule.fixed:
        steps.append(Step("rule", f"Decision due in {rule.describe()}", citation=rule.citation))
    elif rule is not None:
        text = f"No fixed time for a decision: {rule.describe()}"
        steps.append(Step("rule", text, citation=rule.citation))
    return steps


def _receipt_steps(count: Count) -> list[Step]:
    got = count.receipt
    day, at = got.moment.day, got.moment.time
    text = f"Received {fmt_day(day)}"
    if at is not None:
        text += f" at {at.strftime('%H:%M')} {got.zone}"
    steps = [Step("receipt", text, day)]
    for move in got.moves:
        new = fmt_day(move.day)
        if move.kind == "cutoff":
            assert move.cutoff is not None
            why = f"Received at or after {move.cutoff.strftime('%H:%M')}: counts as received {new}"
        elif move.kind == "electronic":
            why = f"Sent by {move.via}: counts as received 1 working day later, {new}"
        else:
            why = f"Received on a non-working day: counts as received {new}"
        steps.append(Step("receipt", why, move.day, citation=move.citation))
    return steps


def _start_steps(case: Case, count: Count) -> list[Step]:
    """The misrouting cap and the receipt-day reading, where they apply."""
    steps = []
    m = count.misrouting
    if m is not None and m.applied:
        text = (
            f"First received by a designated component {fmt_day(m.first)}: the clock starts no "
            f"later than 10 {m.unit} days after that, {fmt_day(m.limit)}"
        )
        steps.append(Step("rule", text, m.limit, citation=case.law.misrouting))
    elif m is not None:
        text = (
            f"First received by a designated component {fmt_day(m.first)}; the proper component "
            f"received it within 10 {m.unit} days, so its own receipt starts the clock"
        )
        steps.append(Step("note", text, m.first, citation=case.law.misrouting))
    if case.settings.receipt_day_counts:
        text = "The receipt day counts as day 1 (43 CFR 2.16(a))"
        steps.append(Step("option", text, count.start))
    return steps


def _acknowledgement_steps(count: Count) -> list[Step]:
    """How a clock that runs from the acknowledgement found its day 0."""
    rule, ack = count.rule, count.acknowledgement
    if rule is None or rule.days is None or rule.start != "acknowledged" or ack is None:
        return []
    steps = []
    if ack.assumed:
        steps.append(Step("warning", count.warnings[0], count.start))
    if ack.late:
        assert ack.given is not None and ack.due is not None
        text = (
            f"Acknowledged {fmt_day(ack.given)}, after its deadline {fmt_day(ack.due)}: a late "
            "acknowledgement does not give the agency more time, so the clock runs from the "
            "deadline"
        )
        steps.append(Step("note", text, ack.due))
    else:
        text = f"The response clock runs from the acknowledgement, {fmt_day(count.clock_start)}"
        cite = ack.rule.citation if ack.rule else rule.citation
        steps.append(Step("rule", text, count.clock_start, citation=cite))
    return steps


def _pause_steps(count: Count) -> list[Step]:
    """What became of each recorded pause, in the order they began."""
    unit = count.rule.unit if count.rule else "working"
    steps = []
    for outcome in count.paused.outcomes:
        toll = outcome.toll
        if isinstance(outcome, Unused):
            if toll.disputed:
                text = f"Pause from {fmt_day(toll.start)} recorded as disputed: it does not stop the clock"
                steps.append(Step("toll", text, toll.start))
            else:
                steps.append(Step("warning", outcome.warning, toll.start))
        elif outcome.rule.mode == "restart":
            text = (
                f"Clock stopped {fmt_day(toll.start)} ({toll.kind.value} request); it starts "
                f"again from day 0 when the answer arrives, {fmt_day(outcome.end)}"
            )
            steps.append(Step("toll", text, toll.start, citation=outcome.rule.citation))
        else:
            steps.append(_pause_step(outcome, unit))
    return steps


def _pause_step(pause: Pause, unit: str) -> Step:
    toll, n = pause.toll, pause.days
    working = unit in ("working", "weeks")
    text = (
        f"Paused {fmt_day(toll.start)} ({toll.kind.value} request; that day still counts) until "
        f"the agency received the answer {fmt_day(pause.end)}"
        + (" (still awaited: counted to today)" if toll.end is None else "")
        + f": {n} {'working ' if working else ''}day{'s' if n != 1 else ''} not counted"
    )
    return Step("toll", text, toll.start, citation=pause.rule.citation)


def _no_fixed_time(case: Case, count: Count) -> list[Step]:
    rule = count.rule
    words = rule.standard if rule else "no clock"
    steps = [
        Step("note", f"The law sets no fixed time: {words}", citation=rule.citation if rule else "")
    ]
    target_days = case.request.target_days
    if target_days is not None:  # (only reached when the law sets no fixed time)
        target = case.calendar.add_working_days(count.clock_start, target_days)
        text = f"Your target ({target_days} working days, not a legal deadline): {fmt_day(target)}"
        steps.append(Step("note", text, target))
    return steps


def _day_by_day(case: Case, count: Count, tolls: list[Step]) -> list[Step]:
    """Day 0, then every day to the due date: counted (numbered) or skipped (with why); the
    pause steps go in on the day each pause began."""
    rule, cal, due = count.rule, case.calendar, count.due
    assert rule is not None and rule.days is not None and due is not None
    steps = [Step("start", f"Day 0: {fmt_day(count.clock_start)}", count.clock_start)]
    paused = {}
    for pause in count.paused.pauses:
        for k in range((pause.end - pause.first).days):
            paused[pause.first + timedelta(days=k + 1)] = pause.toll
    d = count.clock_start
    if count.paused.restart is not None:  # (the pause that restarted it comes first)
        d = count.paused.restart
        while tolls and (tolls[0].day or date.min) <= d:
            steps.append(tolls.pop(0))
        steps.append(Step("toll", f"Clock restarted: day 0 is {fmt_day(d)}", d))
    working = rule.unit in ("working", "weeks")
    base = rule.days * (5 if rule.unit == "weeks" else 1)
    n = 0
    while d < due:
        d += timedelta(days=1)
        while tolls and (tolls[0].day or date.min) < d:
            steps.append(tolls.pop(0))
        why = cal.reason(d) if d in paused or working else None
        if d in paused:
            text = (
                f"{fmt_day(d)}: {why.name}, during the pause"
                if why
                else f"{fmt_day(d)}: paused ({paused[d].kind.value} request)"
            )
            steps.append(Step("skip", text, d, reason=why.kind if why else "paused"))
        elif why is not None:
            steps.append(
                Step("skip", f"{fmt_day(d)}: {why.name}", d, citation=why.source, reason=why.kind)
            )
        elif working or count.raw_due is None or d <= count.raw_due:
            n += 1
            label = f"day {n}" + (
                " (extension)" if count.extension and n > base and working else ""
            )
            steps.append(Step("count", f"{fmt_day(d)}: {label}", d, number=n))
    steps.extend(tolls)
    if not working and count.raw_due is not None and count.raw_due != due:
        why = cal.reason(count.raw_due)
        text = (
            f"The last day, {fmt_day(count.raw_due)}, is not a working day"
            + (f" ({why.name})" if why else "")
            + f": the deadline moves to {fmt_day(due)}"
        )
        steps.append(Step("skip", text, count.raw_due, citation=rule.citation))
    return steps


def _extension_steps(case: Case, count: Count) -> list[Step]:
    ext = count.extension
    if ext is None:
        return []
    if isinstance(ext.amount, date):
        text = f"New date agreed with the requester: {fmt_day(ext.amount)}"
        return [Step("extension", text, ext.amount, citation=ext.rule.citation)]
    since = extension_start(case, count)
    assert since is not None
    text = f"Extended by {amount_words(ext.amount, ext.rule.unit)} from {fmt_day(since)}"
    return [Step("extension", text, count.due, citation=ext.rule.citation)]


def _window_steps(case: Case, count: Count, deadline: Deadline) -> list[Step]:
    """Each contested reading's other values and what they do to the due date; the window."""
    window = deadline.window
    if window is None:
        return []
    steps = []
    names = tuple(contested(case))
    plan = readings(case.spec, case.settings, names)
    for name in names:
        current = getattr(case.settings, name)
        for value, words in zip(ends(name, case.settings), READINGS[name], strict=True):
            if value == current:
                continue
            other = due_with(case, plan, ((name, value),))
            if other is None:
                continue
            effect = "no change" if other == count.due else f"due {fmt_day(other)}"
            steps.append(Step("option", f"With {words}: {effect}", other))
    if window.is_wide:
        text = f"Window: {fmt_day(window.earliest)} to {fmt_day(window.latest)}"
        steps.append(Step("option", text, window.latest))
    return steps


def _consequence_steps(case: Case, d: Deadline) -> list[Step]:
    """What follows from the dates: the right to sue, a late answer, fees, the time to appeal."""
    law, request = case.law, case.request
    steps = []
    if d.may_sue_from is not None:
        by = "the due date"
        if d.window is not None and d.window.is_wide:  # never premature under any reading
            by = f"the latest date of the window, {fmt_day(d.window.latest)}"
        text = (
            f"If no determination by {by}, the requester may sue from "
            f"{fmt_day(d.may_sue_from)} without an administrative appeal (constructive exhaustion)"
        )
        steps.append(Step("rule", text, d.may_sue_from, citation=law.constructive_exhaustion))
    if request.litigation is not None:
        case_no = f" (case {request.case})" if request.case else ""
        text = (
            f"Suit filed {fmt_day(request.litigation)}{case_no}: the agency's clocks and the "
            "requester's stop on that day; the court's schedule governs from then on"
        )
        steps.append(Step("note", text, request.litigation))
    if request.responded is not None:
        answered = f"Answered {fmt_day(request.responded)}: {d.status.value}"
        steps.append(Step("note", answered, request.responded))
        if d.due is not None and request.responded > d.due and law.constructive_exhaustion:
            text = (
                "After a late response the requester generally must appeal before suing "
                "(Oglesby v. U.S. Dep't of the Army, 920 F.2d 57 (D.C. Cir. 1990))"
            )
            steps.append(Step("note", text, citation=_OGLESBY))
    if d.search_fees_barred:
        text = (
            "The time limit was missed: the agency may not charge search fees (duplication fees "
            "for news-media, educational and scientific requesters). A flag, not legal advice"
        )
        steps.append(Step("rule", text, citation=law.fee_consequence))
    elif request.fee_exception and law.fee_rule(d.received):
        text = "Fees not barred: more than 5,000 pages and 3+ attempts to narrow"
        steps.append(Step("note", text, citation="5 U.S.C. § 552(a)(4)(A)(viii)(II)(bb)"))
    if d.appeal_by is not None:
        steps.extend(_appeal_by_steps(case, d.appeal_by))
    steps.extend(_requester_steps(d))
    return steps


def _requester_steps(d: Deadline) -> list[Step]:
    """Where the requester's own clocks stand: the time to appeal, the replies asked for."""
    steps = []
    for mine in d.requester:
        what = "The time to appeal" if mine.kind == "appeal" else f"The {mine.label}"
        text = f"{what}, by {fmt_day(mine.due)}: {mine.status.value} as of {d.as_of}"
        steps.append(Step("note", text, mine.due, citation=mine.citation))
    for reply in d.request.replies:
        if reply.replied is not None and reply.replied <= d.as_of:
            what = reply.about or "the reply"
            text = f"Replied {fmt_day(reply.replied)} ({what}; due {fmt_day(reply.by)})"
            steps.append(Step("note", text, reply.replied))
    return steps


def _appeal_by_steps(case: Case, last: date) -> list[Step]:
    steps = []
    if not case.calendar.is_working_day(last):
        text = (
            f"The last day to appeal, {fmt_day(last)}, is not a working day; the law does not "
            "move it, so file by the working day before to be safe"
        )
        steps.append(Step("note", text, last))
    rule = case.law.clock("appeal_window", case.received.day, case.request.track)
    what = "the adverse determination" if case.request.responded else "the denial by silence"
    text = f"Last day to appeal {what}: {fmt_day(last)}"
    if rule is not None:
        text += f" ({rule.describe()}"
        if not case.request.responded:
            text += (
                " from the receipt)" if rule.silence_from == "received" else " from the due date)"
            )
        else:
            text += f" from {rule.anchor})" if rule.anchor else ")"
        filing = {"received": "the agency must receive it by then", "sent": "sent by then"}
        if rule.filing:
            text += f"; {filing[rule.filing]}"
    steps.append(Step("rule", text, last, citation=rule.citation if rule else ""))
    if rule is not None and rule.note:
        steps.append(Step("note", rule.note, last, citation=rule.citation))
    return steps


def _appeal_steps(case: Case, count: Count, d: Deadline) -> list[Step]:
    """The appeal's decision clock: when it runs from, when it is due, its extension, window."""
    appeal, clock = case.request.appeal, d.appeal
    if appeal is None or clock is None:
        return []
    steps = []
    if appeal.received is None:
        text = f"Appeal: receipt date unknown; the filing date {fmt_day(appeal.arrived)} is used"
        steps.append(Step("note", text, appeal.arrived))
    rule = appeal_rule(case, count)
    if rule is None or rule.days is None or clock.due is None:
        steps.append(Step("note", f"{case.law.name} sets no time for deciding an appeal"))
        return steps
    first_due, _ = span(case.calendar, appeal.arrived, rule.days, rule.unit, rule.roll)
    text = f"Appeal received {fmt_day(appeal.arrived)}: decision due in {rule.describe()}, {fmt_day(first_due)}"
    steps.append(Step("rule", text, first_due, citation=rule.citation))
    extra = appeal_extension(rule, appeal.extension)
    if extra:
        text = (
            f"Appeal clock extended by {amount_words(extra, rule.unit)}: due {fmt_day(clock.due)}"
        )
        steps.append(Step("extension", text, clock.due, citation=rule.citation))
    window = clock.window
    if window is not None and window.is_wide:
        for label, end, words in (
            ("earliest", window.earliest, window.earliest_by),
            ("latest", window.latest, window.latest_by),
        ):
            if words:
                text = f"Appeal decision due at the {label} {fmt_day(end)}, with " + " and ".join(
                    words
                )
                steps.append(Step("option", text, end))
    return steps
