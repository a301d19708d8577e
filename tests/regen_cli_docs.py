"""Rewrite the README's command-line documentation (everything below ``<!-- cli-docs -->``).

    python tests/regen_cli_docs.py

Every ``$ foiaclock ...`` block of the template below is run by the current code (in-process, 100
columns, no colour) and its real output pasted under it, so the README never shows output the code
does not produce. The library example is executed too. `tests/test_cli_docs.py` fails while the
README and this script disagree.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MARKER = "<!-- cli-docs -->"
END_MARKER = "<!-- cli-docs-end -->"
ENV = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "GITHUB_ACTIONS": None,
    "GITHUB_STEP_SUMMARY": None,
}

LIBRARY_EXAMPLE = """\
import csv
from datetime import date

import foiaclock

# One request: the federal FOIA's 20 working days, a pause, and the count that explains it.
request = foiaclock.Request(
    id="fbi-2026-face",
    received=date(2026, 11, 2),
    tolls=(foiaclock.Toll(start=date(2026, 11, 4), end=date(2026, 11, 9)),),
)
d = foiaclock.compute(request, as_of=date(2026, 12, 1))
print(d.due, d.status, d.days_left, d.may_sue_from)
for step in foiaclock.explain(d)[:4]:  # the explanation, as data
    print(f"{step.kind}: {step.text}" + (f"  [{step.citation}]" if step.citation else ""))

# A sheet of requests (examples/requests.csv): one record each, the columns of --format csv.
with open("examples/requests.csv", newline="", encoding="utf-8") as f:
    requests = [
        foiaclock.Request(
            id=row["id"],
            agency=row["agency"],
            jurisdiction=row["jurisdiction"],
            received=date.fromisoformat(row["received"]),
            responded=date.fromisoformat(row["responded"]) if row["responded"] else None,
            extension=row["extension"] == "true",
        )
        for row in csv.DictReader(f)
    ]
for record in foiaclock.compute_many(requests, as_of=date(2026, 12, 1)):
    print(record["id"], record["due"], record["status"], record["work_days_left"])
"""

TEMPLATE = """\
## The command line

```
$ foiaclock status requests.toml                 # the status of every request
$ foiaclock check requests.toml                  # exit 1 if one is overdue (for CI)
$ foiaclock due 2018-07-20                       # the due date of one request
$ foiaclock explain requests.toml pogo-ice-1     # the count, day by day, with citations
```

Every command has `-h`/`--help` with examples; `python -m foiaclock` works too. The outputs below
are real: `python tests/regen_cli_docs.py` runs every command shown here with the current code and
pastes what it prints (at a fixed `--as-of`, so that they do not change with the day you read this).

### The requests file

Requests live in a TOML file. [`examples/requests.toml`](examples/requests.toml) is a complete,
illustrative one: the Project On Government Oversight's 2018–2019 requests to ICE about Amazon's
Rekognition pitch, the ACLU's 2018 request to DHS, and a few invented 2026 requests (its comments say
which dates are documented and which are invented). Every key, annotated:

```toml
[defaults]                      # optional: applies to every request that does not say otherwise
jurisdiction = "us"             # the law (`foiaclock jurisdictions` lists the codes); default: the
                                #   agency's own regulation when foiaclock knows it, else "us"
timezone = "America/New_York"   # IANA zone in which a date-time without offset is read
soon = 5                        # "due soon" = this many working days left or fewer; default 5
observed = true                 # calendar policy (see "How foiaclock counts" below):
closures = true                 #   observed holiday dates, executive-order closures,
dc_area = false                 #   Inauguration Day for DC-area offices,
saturday_shift = true           #   Saturday holidays observed on Friday (states),
receipt_day_counts = false      #   the receipt day as day 1,
cutoff = "17:00"                #   deemed receipt the next working day after this local time,
misrouted_unit = "working"      #   the unit of a misrouted request's 10 days,
closed_days = [2026-12-24]      #   extra days your office counts as closed (shown as a warning)

[[request]]                     # one per request
id = "fbi-2026-face"            # required, unique: how you name it on the command line
agency = "FBI RIDS"             # required
subject = "Face-recognition searches"     # optional words
tracking = "1600000-000"        # the agency's tracking number
received = 2026-11-02           # required: a date, 2026-11-02T16:45:00-05:00 (with offset),
                                # or 2026-11-02T16:45:00 (read in the request's time zone)
first_received = 2026-10-26     # a misrouted request: first receipt by any designated component
acknowledged = 2026-11-04       # laws whose clock runs from the acknowledgement (New York)
postmarked = 2026-10-30         # a mailed request's postmark (Texas counts from it when the day
                                #   of receipt cannot be shown)
extension = true                # true = the law's full extension, 5 = five working days,
                                # or 2027-01-15 = a date agreed with the requester
expedited = true                # expedited processing requested
estimated_completion = 2027-01-15  # the agency's estimated date of completion (§ 552(a)(7)(B)):
                                #   no follow-up is called for until it has passed
responded = 2026-12-03          # the determination: stops the clock
adverse = true                  # it withheld something: the time to appeal is shown
via = "email"                   # email, fax, portal, mail, in_person, phone, other
# track = "NAME"                # an alternative clock of the law, where it has one
target_days = 15                # laws with no fixed time: your own follow-up target
fee_exception = false           # > 5,000 pages and 3+ attempts to narrow (fees not barred)
litigation = 2027-02-01         # the day a suit was filed: the agency's clocks and yours stop,
case = "1:27-cv-00123"          #   the status is "in litigation" (`check` passes); the case number
notes = "anything"
jurisdiction = "us"             # and any [defaults] key, for this request only
dc_area = true

[[request.toll]]                # a pause of the clock; repeat for several
start = 2026-11-04              # the day the agency asked (it still counts)
end = 2026-11-09                # the day it received the answer; leave out while awaited
kind = "information"            # or "fee"
note = "Asked to confirm the date range"
disputed = false                # true: a pause the law does not allow, kept on record only

[[request.reply]]               # a date the agency set for your reply; repeat for several
about = "still interested"      # what was asked, in your words
asked = 2026-11-20              # the date of the agency's letter (optional)
by = 2026-12-04                 # the last day to reply: tracked like a deadline
replied = 2026-12-01            # the day you replied; leave out until you have

[[request.letter]]              # a letter you sent about the request; repeat for several
kind = "follow-up"              # follow-up, appeal or suit-notice (the kinds of `letter`)
sent = 2026-12-02               # the day you sent it: later letters name it, and the next
via = "email"                   #   follow-up counts from it; how you sent it (optional)

[request.appeal]                # an administrative appeal
filed = 2026-12-10
received = 2026-12-11           # the appeal clock runs from receipt (filed if unknown)
decided = 2027-01-05
extension = true                # the appeal clock's extension (true or working days)

[jurisdiction.dhs-agreement]    # your own jurisdiction: the rule-data format of
base = "us"                     # foiaclock/law/data/README.md: base = CODE plus changes
name = "DHS (30-day agreement)"
[jurisdiction.dhs-agreement.response]
days = 30
citation = "Agreement with DHS of 2026-01-05"
```

Unknown keys are errors with a suggestion, never silently ignored. Dates are TOML dates, without
quotes. Options resolve in this order: the jurisdiction's defaults, then `[defaults]`, then the
request's own keys; `--jurisdiction` on the command line replaces `[defaults] jurisdiction`.

**The agency's own regulation.** A request that names no jurisdiction (neither itself nor
`[defaults]`) is counted under the FOIA regulation of the federal agency its `agency` names, when
foiaclock encodes it: `"ICE"`, `"ICE FOIA Office"` and `"U.S. Immigration and Customs Enforcement"`
are a component of DHS (`us.dhs`, 6 CFR part 5), `"FBI RIDS"` of DOJ (`us.doj`), `"Bureau of Land
Management"` of Interior (`us.doi`). Twenty-five agencies are encoded, each from the day its Federal
Register rule took effect (a request received earlier is counted under the statute, and
`explain` says so); `foiaclock jurisdictions` lists them with the names they are known by. A name
two agencies share (`"OIG"`, `"Office for Civil Rights"`) is never guessed: the statute is used
and a warning says why. An explicit jurisdiction always wins, and `jurisdiction = "us"` is the
statute alone. `explain`, JSON and CSV (`jurisdiction_reason`) say which law was used and why;
`foiaclock due --agency NAME` does the same for one date.

### Keeping the file: `foiaclock add`, `update` and `toll`

Three commands record what happens without opening the file, and change nothing else in it: the
comments, the order, the spacing and every other request stay byte for byte as you wrote them
(the edit goes through [tomlkit](https://github.com/python-poetry/tomlkit), on that request's
text alone). With `--dry-run` each prints the change as a diff and writes nothing; without it the
change is written and `FILE: updated request ...` is said on stderr.

{{update examples/requests.toml pogo-ice-2 responded=2019-06-14 adverse=true --dry-run}}

`update FILE ID KEY=VALUE...` sets any field the file format knows, as the file would say it
(`extension=true`, `extension=2019-03-01`, `acknowledged=2026-10-06`, `subject="..."`), and the
appeal's with `appeal.KEY`; a key that is already there keeps its place and its comment:

{{update examples/requests.toml pogo-ice-1 appeal.decided=2019-02-01 --dry-run}}

`toll FILE ID START [END]` adds a pause (`--kind fee` or `information`, the default; `--note`);
`toll FILE ID --end DATE` ends the open one, the day the agency received your answer:

{{toll examples/requests.toml dhs-crcl-2026 --end 2026-12-02 --dry-run}}

`add FILE --id ID --agency NAME --received DATE [KEY=VALUE...]` adds a request at the end:

{{add examples/requests.toml --id doj-2026-oip --agency "DOJ Office of Information Policy" --received 2026-11-20 expedited=true --dry-run}}

Every edit is checked as `validate` checks a file (the loader, then the count of the edited
request) before anything is written, and refused with exit 2 and the file untouched when it
fails:

{{update examples/requests.toml pogo-ice-2 responded=2019-01-01}}

The file is written atomically (a temporary file beside it, flushed to disk, renamed over it,
with its permissions, its line ends and its byte-order mark kept), read back and compared with
what was meant. If another program or your editor changed the file after foiaclock read it, the
edit is refused ("the file changed on disk since it was read") and their version is kept.

### Bringing requests in: `foiaclock import`

A tracking sheet becomes a requests file: CSV from any spreadsheet ("CSV UTF-8"; a byte-order
mark, Excel's CRLF line ends and empty rows are fine), MuckRock's CSV export, or MuckRock's API
JSON. The file written passes `foiaclock validate`; the report on stderr says what each column
became and lists, with its line, every row that could not be imported (they are also left as
comments at the end of the file, and the exit code is 1).

{{import examples/tracker.csv}}

**Columns** are matched by name, without case or punctuation, and `--map COLUMN=KEY` names the
rest (`--map "Sent to=agency"`; `--map Reporter=notes` keeps a column in the notes as
`Reporter: Ana`; `--map Status=ignore` leaves one out). A column no name matches is not
imported, and the report says so. Where two columns could fill one key, the first group below
wins (a "Date received" over a "Date sent"); a day the sheet gives as *sent* (filed, submitted)
is used as the day received, and the file's first comment says so: correct it where an agency
received a request later. `id` is made when the sheet has none: the agency and the tracking
number (else the day received), `-2`, `-3` for repeats; the same sheet always gives the same ids.

{{synonyms}}

**Dates** are read one column at a time, in the one format that reads every cell: ISO
(`2026-11-02`, with a time and an offset too), `2026/11/02`, month names (`2 Nov 2026`, `Nov 2,
2026`), and day-first or month-first numbers, which a cell with a part over 12 settles for the
whole column (`10/30/2026` above). A cell in another format, a two-digit year or a day that does
not exist is its row's problem (listed); `n/a`, `TBD`, `pending` and `-` are empty cells. A
column that no cell settles stops the import until you say which:

{{import tests/import/ambiguous.csv}}

**MuckRock**: the CSV export (its columns are recognised by name) and the API's JSON (v1 and
v2, a list or a page with `results`). The title becomes the subject, "Date Submitted" the day
received (with its UTC time: foiaclock places it in the request's time zone), a request marked
Completed, Partially Completed, No Responsive Documents or Rejected is answered on its "Date
Done" (Rejected: `adverse = true`), a State or Local request is counted under the state's law,
and the id is `muckrock-` and MuckRock's number. MuckRock's status, address and own due date go
to the notes, with what to check (a fee or a fix asked for may pause the clock; an appeal under
way). Withdrawn and consolidated requests are not imported. The API gives the agency as a
number, and no jurisdiction: put in the agency's name, and `--jurisdiction` (or each request's
`jurisdiction`) for state and local agencies. `-o FILE` is never the sheet, and an existing file
is replaced only with `--force` (atomically).

### `foiaclock status`: where every request stands

{{status examples/requests.toml --as-of 2026-12-01}}

Rows are sorted by urgency (overdue first; `--sort due|received|id|agency` for another order) and
coloured by status on a terminal. The columns: the request's id and agency, the day it was received,
the agency's due date (the appeal decision's, once there is one), the working days left or late on
it, and the status of the most urgent clock (the agency's, or yours); the note (extended, tolled, paused, misrouted, appeal due, may sue from...) goes
in a last column when the terminal is wide enough, else on the line under the row. `±` marks a due
date on which the sources disagree (`explain` shows the window). The summary goes to stderr, so
`status > file` holds only the table.

**Your own clocks** are tracked like the agency's. After an adverse determination that you have
not appealed, the last day to appeal (in the agency's regulation's unit: 90 working days at DHS
and Interior) gives `appeal window open`, then `appeal due soon` within the due-soon threshold, and
`appeal window closed` once it has passed. A date the agency set for your reply (a "still
interested" letter, a fee estimate to accept, a clarification; `[[request.reply]]`) gives `reply
pending`, `reply due soon` and `reply overdue` until you record `replied`. The status column shows
the most urgent clock, whoever's it is; the due and work-days columns stay the agency's, and your
dates are in the note (`reply: still interested by 2026-12-04 (3 working days left)`, `appeal
window closed 2020-01-14`); `--only yours` lists what you must do.

Options: `--as-of DATE`, `--format table|json|csv|markdown|ics|html`, `--output PATH` (written
atomically: a temporary file renamed into place, so an error never leaves a partial file),
`--only STATUS` (repeat or comma-separate; `pending`, `answered`, `late` and `yours` are groups),
`--sort`,
`--soon N`, `--jurisdiction CODE`. `FILE` may be `-` for stdin.

{{status examples/requests.toml --as-of 2026-12-01 --only overdue,due-soon --sort due}}

**Formats.** `json` is a stable contract for programs: a `schema_version`, then one object per
request with every date the engine gives (ISO dates; `null` where one does not apply; `warnings` as
a list, and `next_follow_up`, the day the next follow-up letter is called for); the requests are
one per line. Keys are only ever added, never renamed, removed or given another meaning, so a
program that reads the keys it knows keeps working (`schema_version` would change if one ever
were). `csv` has one row per request and is safe to open in a
spreadsheet: a cell that starts with `=`, `+`, `-` or `@` gets a leading `'` so it cannot run as a
formula. Its columns (the records of `foiaclock.compute_many` too, below): the request, its law and
why, its dates and status, the most urgent clock (`current_status`, `current_due`), the response,
extension and pauses, `may_sue_from`, your dates (`appeal_by`, `reply_by`), the appeal's clock, the
note and warnings, then a suit's `litigation` date and `case` number, then `next_follow_up` (the
docstring of `foiaclock/formats/records.py` lists every one); new columns only ever go at the end.
`markdown` is a table for an issue or a job summary. Machine formats never carry colour.

**Calendar reminders (`--format ics`).** One all-day event per clock: the due date (or your target),
the day you may sue, the expedited-processing and acknowledgement dates, your last day to appeal,
the appeal's decision date and the day you may sue over it, every date the agency set for your
reply, and the day your next follow-up letter is called for (written cancelled while a pause runs:
the delay is lawful). Each event has reminders at 09:00 in the request's time zone (written as UTC date-times, so
they ring at that hour wherever the calendar is read): the morning before first, because Outlook
keeps only the first reminder of an event; a week before for your own deadlines (an appeal or a
reply takes time to write); and the morning of the day. Reminders already past on the `--as-of`
day are left out. Google Calendar is reported to ignore the reminders of imported files and to
apply your default notifications instead; Apple Calendar and Outlook honour them.

Re-importing a later export updates the events instead of duplicating them: each UID comes from
the request id and the kind of deadline, and each event's `SEQUENCE` is the number of recorded
facts that can move or end its date (for the agency's clocks: the extension, the acknowledgement,
each pause's start, end and dispute, the response and a suit; for the last day to appeal: the
response, `adverse` and the appeal; for the appeal's dates: its receipt after its filing, its
extension and its decision; for a reply date: the reply; for the next follow-up: the agency's
clocks' facts, each follow-up letter recorded and the agency's estimated date of completion).
Recording a fact raises it, so the
output stays the same for the same file and `--as-of` (no state is kept). A deadline that no
longer applies (an answered request's due date, the last day to appeal once you appealed, a reply
date once you replied, every agency clock once a suit is filed) comes back as a `STATUS:CANCELLED`
event for 90 days after the fact that ended it, then is left out. While a pause is awaited, the
due date is counted as if the answer arrived on the `--as-of` day: those events are marked
provisional (`STATUS:TENTATIVE`) and move each day under the same `SEQUENCE` (their `DTSTAMP`,
the as-of day, says which copy is newer). Correcting a date you typed wrong does not raise
`SEQUENCE`; a client that keeps the old date needs the event deleted by hand.

{{status examples/requests.toml --as-of 2026-12-01 --format csv | head -3}}

### `foiaclock check`: a gate for CI

{{check examples/requests.toml --as-of 2026-12-01}}

`check FILE...` takes several files and globs (`foiaclock check 'requests/*.toml'
'**/requests*.toml'`: foiaclock expands a quoted glob itself, and a glob that matches nothing is an
error, exit 2, so a typo never passes by checking nothing). It exits 1 when a request is overdue, or
a reply the agency asked for is (`--fail-on due-soon`: also when one is due today or soon, or your
last day to appeal or reply is; `--fail-on never`: report only), and prints each one as
`file:line: ...`; a file that cannot be read is reported and the others are still checked (exit 2).
Once you sue, record it: `litigation = 2027-02-01` (and `case = "1:27-cv-00123"` if you like) on the
request. Its clocks stop on that day (the days late are counted to it), the status says `in
litigation`, the calendar's reminders for it are cancelled, and `check` no longer fails on it: no
more fake `responded` dates to turn CI green. Under GitHub Actions (`GITHUB_ACTIONS=true`) it also
prints `::error` (and, for requests due soon, `::warning`) annotations pointing at each request's
line, the paths relative to `$GITHUB_WORKSPACE`; GitHub shows at most 10 of each level per step,
so the most urgent come first, then one notice says how many more are in the job summary. It
appends one job summary for all the files to `$GITHUB_STEP_SUMMARY`, the Action's: pass or fail
first, then every request most urgent first (within GitHub's 1 MiB). A step in a workflow:

```yaml
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install ./tools/foiaclock     # wherever your copy (checkout or wheel) of it is
      - run: foiaclock check requests.toml
```

### The GitHub Action

This repository is also a composite Action (`action.yml`). In a repository of requests files:

```yaml
      - uses: actions/setup-python@0b93645e9fea7318ecaed2b359559ac225c90a2b  # v5.3.0
        with:
          python-version: "3.12"
      - uses: OWNER/foiaclock@0123456789abcdef0123456789abcdef01234567  # a commit or a tag
        id: foiaclock
        with:
          files: "requests/*.toml"   # paths or globs, spaces or newlines between them
          fail-on: overdue           # or due-soon, or never (report only)
```

Inputs: `files` (default `**/requests*.toml`), `as-of` (default: today in each request's own time
zone, its `timezone` or else its law's, never UTC: a cron at 00:30 UTC must not judge Eastern
deadlines by tomorrow's date), `fail-on`, `soon`, `summary` (`true`) and `version` (default: the
version the Action's tag names, so `@v1.4.0` installs foiaclock 1.4.0 from PyPI; an untagged ref,
a commit hash or `uses: ./`, installs the Action's own checkout). Inputs reach the scripts only
through `env:`, never written into a script. Outputs: `overdue`, `due-soon`, `may-sue`,
`next-due`, `report-json` and `summary-markdown` (paths of the reports), `exit-code`. Exit codes
as `check`'s: 0, 1 findings, 2 bad input (annotated at its file, line and column).

GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job) and drops the
rest without a word, so the Action annotates the most urgent first (bad input, then the most days
late) and ends with one notice, "N more in the job summary". Annotation paths are relative to
`$GITHUB_WORKSPACE`. The job summary says passed or FAILED on its first line, then lists every
request most urgent first with the `explain` command for each; it stays under GitHub's 1 MiB (with
a note when requests are left out: the JSON report has them all). The step itself is
`python -m foiaclock.cli.action` (`foiaclock/cli/action.py`), and
`.github/workflows/action-selftest.yml` runs the Action on the fixtures in
`tests/fixtures/action/` with a fixed `as-of`: on time exits 0, overdue 1, broken 2, each asserted.

**Run it on a schedule.** A deadline passes on its own, without a push, so a check that runs only
on push never notices. [`examples/foiaclock-schedule.yml`](examples/foiaclock-schedule.yml) is a
ready workflow: every weekday morning and by hand (`workflow_dispatch`), read-only permissions.
Keep it in a file of its own: GitHub disables the scheduled workflows of a public repository after
60 days without activity, and the whole file with them, so push and pull-request jobs in the same
file would stop too.

### `foiaclock due`: one date, no file

{{due 2018-07-20 --as-of 2018-08-01}}

{{due 2018-07-20 --as-of 2018-08-01 --format json}}

The same options as a request: `--extension [N|DATE]` (alone: the law's full extension), `--toll
START..END[:fee]` (repeatable; `START..` while the answer is awaited), `--first-received`,
`--acknowledged`, `--responded`, `--expedited`, `--track`, the calendar policy flags
`--observed/--strict-holidays`, `--closures/--no-closures`, `--dc-area/--no-dc-area`,
`--receipt-day-counts`, `--cutoff HH:MM`, `--timezone`, `--jurisdiction CODE`, and `--explain`.
Put `RECEIVED` before a bare `--extension`.

{{due 2018-12-17 --extension --toll 2018-12-20..2018-12-27:fee --as-of 2019-01-02}}

### The HTML report

`foiaclock status FILE --format html -o report.html` writes one self-contained page (inline CSS;
no scripts, fonts or images from anywhere, so it works with JavaScript off and under a strict
content-security policy): the counts and an "action this week" list with the commands that act on
each (the letters the dates call for, as `letter --list` marks them), the table most urgent first,
and for every request a timeline (received, the clock's start, pauses, the extension, the due date
and its window, the answer, the appeal, the letters you sent, the next follow-up, today) and its
day-by-day count in a `<details>` block. Status is never shown by colour alone; it prints, and
follows the system's dark mode. Every string of a request is escaped; the page is stamped with
`--as-of` and foiaclock's version, so the same input gives the same bytes. The tests open it in
Debian's headless Chromium at 1280, 768 and 375 pixels, and again with JavaScript off.

![The HTML report of examples/requests.toml](examples/report.png)

### `foiaclock letter`: the letters that use the dates

`foiaclock letter FILE ID KIND` writes a follow-up (`follow-up`), an administrative appeal
(`appeal`: of an adverse determination, of a denial by silence, or of a denial of expedited
processing; `--ground` chooses when several apply) or a notice before suit (`suit-notice`), with
every date computed and cited: the due date and how it was counted, the days late, the date from
which a suit is possible, the search-fee bar, the last day to appeal, to whom and whether it must
arrive or only be sent, and what the appeal must contain under the request's own law (New York's
agency head, Pennsylvania's Office of Open Records and its four parts, Illinois' Public Access
Counselor, the UK's internal review, and every route of the rule data). A letter the facts do not
support is refused with the reason (exit 2): no notice before suit once the agency has answered
(unless an appeal of its answer is past its own decision date: the notice then cites the appeal),
no appeal of a silence before the due date, no appeal where the law has none (Texas: the complaint
routes instead). A follow-up on a late request says what the delay allows: a suit (federal), an
appeal of the denial that silence is by its last day (New York, Illinois...), or, where the law
has no appeal, the next steps in a note to the requester. The sender comes from the file's `[requester]` table (`name`, `organisation`,
`email`, `address`, `phone`, `fee_category`) and the addressee from a request's `contact`; what is
missing is a marked blank, never invented. `--list` shows which letters each request can have today
(`now` marks those the dates call for: a follow-up when the request is overdue, an appeal while its
window is open or closing, a notice once a suit is possible; `status` names them under the table,
with one `--agency` letter where several requests to one agency call for a follow-up).
The letters you sent, recorded as `[[request.letter]]` (`kind`, `sent`, `via`), are named in the
next follow-up and notice before suit ("I contacted you about this request on Mon 2026-11-02
by email and on ..."), and set the cadence: the first follow-up is called for on the first working
day the request is late, each later one 10 working days after the last follow-up sent since the
due date (`[letters] follow_up_every = N` changes the 10), none before the working day after the
agency's estimated date of completion (`estimated_completion`; a follow-up then says whether it
has passed), and none while a pause runs or once the agency has answered (`Deadline.next_follow_up`; `--list` says when the next one is due
while it waits).
`--agency NAME` writes one follow-up about every request to that agency (as the file writes it)
that calls for one now, each with its own dates and the follow-ups already sent (MuckRock's
users ask for this, issue #311), from the `follow-up-agency` templates;
`--format markdown`, `-o PATH` (atomic), and `--template PATH` or `[letters] templates = "DIR"`
(files named `KIND.txt.j2` / `KIND.md.j2`) for a newsroom's own wording: Jinja2 templates with the
values listed in `foiaclock/letters/facts.py`, rendered in its sandbox, where an unknown name is an
error with its line and a request's own words are printed, never run.

{{letter examples/requests.toml pogo-ice-2 follow-up --as-of 2026-12-01}}

### `foiaclock explain`: the count, day by day

{{explain examples/requests.toml fbi-2026-face --as-of 2026-12-01}}

### `foiaclock holidays`: the calendar behind the count

{{holidays 2018 --no-closures}}

`--strict-holidays` lists the legal dates themselves (a Sunday holiday stays on Sunday);
`--jurisdiction CODE` shows another law's calendar; `--format json` gives the same as data. A law
whose calendar changed lists each day of a past year under the calendar then in force (Texas's
state holidays, business days only from 2023-09-01, are absent from its 2022 list).

### `foiaclock jurisdictions`: the laws foiaclock knows

{{jurisdictions | head -7}}

`foiaclock jurisdictions CODE` shows one law in full: every clock with its citation, the calendar,
receipt rules, pauses, options, notes and assumptions ("unverified" marks rule data not yet checked
against the statute text).

### `foiaclock validate` and errors

{{validate examples/requests.toml examples/broken-toll.toml}}

`validate FILE...` runs every check `status` would and exits 0 or 2. A mistake gets one message
with the file, line and column, never a traceback (`--debug` shows one); the
[`examples/`](examples/) folder has a file broken each way. As a [pre-commit](https://pre-commit.com)
hook (the repository ships `.pre-commit-hooks.yaml`; it checks files named `requests*.toml`), with
a `rev` that exists in the repository you take it from. foiaclock has no release tag yet, so pin
a full commit hash (pre-commit refuses a `rev` that is not a tag or a commit of that repository,
and a branch name would move under you): `git ls-remote https://github.com/OWNER/foiaclock HEAD`
prints the newest one, and `pre-commit autoupdate --bleeding-edge --freeze` writes it in for you
(once there are tags, plain `pre-commit autoupdate --freeze` pins the newest tag's commit, with
the tag in a comment).

```yaml
repos:
  - repo: https://github.com/OWNER/foiaclock   # the repository you take foiaclock from
    rev: 0123456789abcdef0123456789abcdef01234567   # a full commit hash (see above)
    hooks:
      - id: foiaclock-validate   # on every commit: date-independent, never fails at random
      - id: foiaclock-check      # manual or pre-push only (below)
```

`foiaclock-check` runs `foiaclock check` on the same files. Whether a request is overdue depends on
today's date, so a check on every commit would refuse commits at random (nothing you changed made
the request late); the hook is declared for the `pre-push` and `manual` stages only. Run it by hand
with `pre-commit run foiaclock-check --hook-stage manual --all-files`, or on every push after
`pre-commit install --hook-type pre-push`. Both hooks need pre-commit 3.2 or later. With foiaclock
already installed (`pip install`), a `local` hook needs no `rev` at all:

```yaml
repos:
  - repo: local
    hooks:
      - id: foiaclock-validate
        name: foiaclock validate
        entry: foiaclock validate
        language: system
        files: '(^|/)requests[^/]*\\.toml$'
```


{{status examples/broken-date.toml}}

{{status examples/broken-unknown-key.toml}}

{{status examples/broken-duplicate-id.toml}}

{{status examples/broken-jurisdiction.toml}}

{{status examples/broken-timezone.toml}}

### Exit codes

| code | meaning |
|---|---|
| 0 | success (`check`: nothing overdue) |
| 1 | findings: `check` found a request overdue (or due soon with `--fail-on due-soon`); `import` wrote the file but left rows out |
| 2 | bad input or usage: one message on stderr, with `file:line:column` where there is one |
| 3 | a bug in foiaclock: run again with `--debug` for the traceback, and please report it |

Data goes to stdout, everything for people (summaries, warnings, errors) to stderr. Colour follows
the terminal: `NO_COLOR=1` turns it off, `FORCE_COLOR=1` on. `COLUMNS` sets the table's width
(default: the terminal's, or 100 when not a terminal). Results depend on the machine only through
"today", which `--as-of` fixes; never on its time zone or locale. `FOIACLOCK_DEBUG=1` is
`--debug`. These are the only environment variables foiaclock reads (`foiaclock/cli/environment.py`),
with `GITHUB_ACTIONS` and `GITHUB_STEP_SUMMARY` for `check`.

### Using it as a library

```python
{{library}}
```

`foiaclock.compute(request, as_of=...)` is the one way to a `Deadline`: frozen, comparable, and
every field documented (`help(foiaclock.Deadline)`); `foiaclock.explain(deadline)` gives its trail
as `Step`s (kind, day, number, citation). `foiaclock.compute_many(requests, as_of=...,
errors="collect")` gives one record per request with the columns of `status --format csv`
(`foiaclock.RECORD_COLUMNS`, plus `error`), ready for `csv.DictWriter` or `pandas.DataFrame`. A
request may be a mapping of its fields, such as a row of `DataFrame.to_dict("records")`: a pandas
`Timestamp` is a date-time (one without an offset is read in the request's time zone), and NaN,
`NaT` and `NA` are missing values. `Options(...)` changes only the readings it sets; the rest keep
the law's defaults (`Jurisdiction.defaults`). `foiaclock.due_date(received, ...)` is the shortcut
for one due date, with the same options as typed keywords.

`foiaclock.load("requests.toml")` reads a requests file into a `RequestsFile` (errors are
`foiaclock.InputError` with `path`, `line` and `column`); compute its requests with
`foiaclock.compute(r, jurisdictions=rf.jurisdictions)` (the file's own laws), and place an error
in the file with `rf.located(error, r)`. Library code raises `foiaclock.FoiaclockError` and its
subclasses and never prints.
"""


def run_cli(command: str) -> str:
    from foiaclock.cli import cli

    head = None
    if " | head -" in command:
        command, n = command.split(" | head -")
        head = int(n)
    args = shlex.split(command)
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner(env=ENV).invoke(cli, args)
    finally:
        os.chdir(old)
    out = result.stdout
    if head is not None:
        out = "".join(out.splitlines(keepends=True)[:head])
        text = out
    else:
        text = out + result.stderr
    shown = f"$ foiaclock {command}" + (f" | head -{head}" if head is not None else "")
    body = text.rstrip("\n")
    if result.exit_code:
        body += f"\n(exit {result.exit_code})"
    return f"```\n{shown}\n{body}\n```"


def run_library() -> str:
    buf = io.StringIO()
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(LIBRARY_EXAMPLE, "<README>", "exec"), {})
    finally:
        os.chdir(old)
    output = "".join(f"# {line}\n" for line in buf.getvalue().splitlines())
    return LIBRARY_EXAMPLE + "\n# prints:\n" + output.rstrip("\n")


def synonyms() -> str:
    """The import's column names, from the code (so that the list is never out of date)."""
    from foiaclock.sheets.columns import SYNONYMS

    rows = ["| key | column names (best first; `;` between groups) |", "|---|---|"]
    for key, groups in SYNONYMS.items():
        rows.append(f"| `{key}` | " + "; ".join(", ".join(g) for g in groups) + " |")
    return "\n".join(rows)


def section() -> str:
    def fill(m: re.Match[str]) -> str:
        what = m.group(1)
        if what == "synonyms":
            return synonyms()
        return run_library() if what == "library" else run_cli(what)

    return re.sub(r"\{\{(.+?)\}\}", fill, TEMPLATE)


def rewrite(text: str) -> str:
    """Replace what stands between the two markers (or after the first, to the end)."""
    if MARKER not in text:
        text = text.rstrip("\n") + f"\n\n{MARKER}\n"
    head, rest = text.split(MARKER, 1)
    tail = rest.split(END_MARKER, 1)[1] if END_MARKER in rest else ""
    end = f"{END_MARKER}{tail}" if END_MARKER in rest else ""
    return f"{head}{MARKER}\n{section()}{end}"


def current(text: str) -> str:
    """The generated section as it stands in `text`."""
    rest = text.split(MARKER, 1)[1]
    return rest.split(END_MARKER, 1)[0].lstrip("\n")


def main() -> int:
    README.write_text(rewrite(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the command-line documentation in {README}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
