"""The requests-file loader: values, option resolution, positions of every error."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from foiaclock import FoiaclockError, InputError, Request, TollKind, compute
from foiaclock.files import load, load_bytes, loads
from foiaclock.files.positions import scan

ROOT = Path(__file__).resolve().parent.parent

BASE = '[[request]]\nid = "a"\nagency = "ICE"\n'


def one(text: str) -> object:
    return loads(text, "r.toml").requests[0]


# ---- values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("received = 2018-07-20", date(2018, 7, 20)),
        ('received = "2018-07-20"', date(2018, 7, 20)),
        (
            "received = 2018-07-20T17:30:00-04:00",
            datetime(2018, 7, 20, 17, 30, tzinfo=timezone(timedelta(hours=-4))),
        ),
        (  # a local date-time is kept as written: the engine reads it in the request's zone
            "received = 2018-07-20T17:30:00",
            datetime(2018, 7, 20, 17, 30),
        ),
    ],
)
def test_received_forms(line: str, expected: object) -> None:
    r = one(BASE + line + "\n")
    assert r.received == expected  # type: ignore[attr-defined]
    assert type(r.received) is type(expected)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("", "America/New_York"),  # the law's zone
        ('timezone = "America/Los_Angeles"\n', "America/Los_Angeles"),  # the request's own
    ],
)
def test_a_local_date_time_is_read_in_the_requests_zone(line: str, zone: str) -> None:
    """17:30 in Los Angeles is 20:30 in New York: the same moment the deadline records."""
    rf = loads(BASE + "received = 2018-07-20T17:30:00\n" + line, "r.toml")
    d = compute(rf.requests[0], date(2018, 8, 1))
    assert d.request.received == datetime(2018, 7, 20, 17, 30, tzinfo=ZoneInfo(zone))
    assert d.settings.timezone == zone


def test_every_field() -> None:
    r = one(
        BASE
        + """subject = "s"
tracking = "2018-ICFO-1"
received = 2018-07-20
first_received = 2018-07-10
acknowledged = 2018-07-23
extension = 5
expedited = true
responded = 2018-09-01
adverse = true
notes = "n"
via = "email"
fee_exception = true
[[request.toll]]
start = 2018-07-25
end = 2018-07-30
kind = "fee"
note = "fees"
disputed = true
[request.appeal]
filed = 2018-09-10
received = 2018-09-11
decided = 2018-10-01
extension = true
"""
    )
    assert r.subject == "s" and r.tracking == "2018-ICFO-1"  # type: ignore[attr-defined]
    assert r.first_received == date(2018, 7, 10)  # type: ignore[attr-defined]
    assert r.acknowledged == date(2018, 7, 23)  # type: ignore[attr-defined]
    assert r.extension == 5 and r.expedited and r.adverse and r.fee_exception  # type: ignore[attr-defined]
    assert r.via == "email"  # type: ignore[attr-defined]
    (toll,) = r.tolls  # type: ignore[attr-defined]
    assert (toll.start, toll.end, toll.kind, toll.note, toll.disputed) == (
        date(2018, 7, 25),
        date(2018, 7, 30),
        TollKind.FEE,
        "fees",
        True,
    )
    a = r.appeal  # type: ignore[attr-defined]
    assert (a.filed, a.received, a.decided, a.extension) == (
        date(2018, 9, 10),
        date(2018, 9, 11),
        date(2018, 10, 1),
        True,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("false", None), ("7", 7), ("2018-09-14", date(2018, 9, 14))],
)
def test_extension_forms(value: str, expected: object) -> None:
    assert one(BASE + f"received = 2018-07-20\nextension = {value}\n").extension == expected  # type: ignore[attr-defined]


def test_options_resolution_order() -> None:
    """Jurisdiction defaults < [defaults] < the request's own keys."""
    rf = loads(
        """[defaults]
observed = false
cutoff = "17:00"
closed_days = [2026-11-27]
soon = 3

[[request]]
id = "a"
agency = "X"
received = 2026-11-02

[[request]]
id = "b"
agency = "X"
received = 2026-11-02
observed = true
jurisdiction = "us-ny"
dc_area = true
""",
        "r.toml",
    )
    a, b = rf.requests
    assert a.options is not None and b.options is not None
    assert (a.options.observed, a.options.cutoff, a.options.closed_days) == (
        False,
        time(17),
        (date(2026, 11, 27),),
    )
    assert a.options.closures is None  # not set: the law's default applies
    assert compute(a, date(2026, 11, 3)).settings.closures is True  # from the jurisdiction
    assert (b.options.observed, b.options.dc_area, b.jurisdiction) == (True, True, "us-ny")
    assert b.options.cutoff == time(17)  # from [defaults]
    assert rf.soon == 3


def test_cli_jurisdiction_overrides_defaults_not_requests() -> None:
    text = (
        '[defaults]\njurisdiction = "us-ca"\n'
        + BASE
        + "received = 2026-11-02\n"
        + '[[request]]\nid = "b"\nagency = "X"\nreceived = 2026-11-02\njurisdiction = "uk"\n'
    )
    assert [r.jurisdiction for r in loads(text).requests] == ["us-ca", "uk"]
    assert [r.jurisdiction for r in loads(text, default_jurisdiction="us-ny").requests] == [
        "us-ny",
        "uk",
    ]


def test_custom_jurisdiction() -> None:
    rf = loads(
        """[jurisdiction.slow-agency]
base = "us"
name = "Slow agency (our agreement)"
[jurisdiction.slow-agency.response]
days = 30
citation = "Agreement of 2026-01-05"

[[request]]
id = "a"
agency = "X"
jurisdiction = "Slow-Agency"
received = 2026-11-02
""",
    )
    (r,) = rf.requests
    d = compute(r, date(2026, 11, 3), jurisdictions=rf.jurisdictions)
    assert d.jurisdiction == "slow-agency"
    assert d.statutory_due == date(2026, 12, 16)  # 30 working days


def test_utf8_bom_and_crlf() -> None:
    rf = load_bytes(("\ufeff" + BASE + "received = 2026-11-02\n").replace("\n", "\r\n").encode())
    assert rf.requests[0].id == "a"


def test_load_reads_the_example() -> None:
    rf = load("examples/requests.toml")
    assert len(rf.requests) == 11
    assert rf.locate("pogo-ice-1", "appeal.received") == (40, 1)
    assert rf.request_line("fbi-2026-face") == 74


# ---- errors ------------------------------------------------------------------------------


def error(text: str) -> InputError:
    """The first error of reading `text` and computing its requests, placed in the file."""
    with pytest.raises(InputError) as info:
        rf = loads(text, "r.toml")
        for r in rf.requests:
            try:
                compute(r, date(2026, 12, 1), jurisdictions=rf.jurisdictions)
            except FoiaclockError as exc:
                raise rf.located(exc, r) from None
    return info.value


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (BASE + "received = 2023-02-30\n", (4, 12), "does not exist"),
        (BASE + "received = 2026-11-02\nresponded = 2026-11-31\n", (5, 13), "does not exist"),
        (BASE + 'received = 2026-11-02\nobserved = "yes"\n', (5, 1), "true or false"),
        (BASE + 'received = 2026-11-02\ncutoff = "5pm"\n', (5, 1), "a time like"),
        (BASE + "received = 2026-11-02\nclosed_days = [2026-11-05, 7]\n", (5, 1), "a date"),
        (
            BASE + "received = 2026-11-02\nclosed_days = [1800-01-01]\n",
            (5, 1),
            "1800-01-01 is outside the years",
        ),
        (BASE + "received = 2026-11-02\ntarget_days = -3\n", (5, 1), "must be 0 to 10000"),
        (BASE + "received = 2026-11-02\nappeal = 3\n", (5, 1), "must be a table"),
        (
            BASE + "received = 2026-11-02\ntoll = [{ start = 2026-11-05, end = 2026-11-04 }]\n",
            (5, 31),
            "ends (2026-11-04) before it starts",
        ),
        ("request = 5\n", (1, 1), "must be an array of tables"),
        ("[defaults]\nsoon = -1\n" + BASE + "received = 2026-11-02\n", (2, 1), "0 to 366"),
        (
            '[defaults]\njurisdiction = "xx"\n' + BASE + "received = 2026-11-02\n",
            (2, 1),
            "unknown jurisdiction 'xx'",
        ),
        ('[[request]]\nid = ""\nagency = "X"\nreceived = 2026-11-02\n', (2, 1), "the id is empty"),
        ('[[request]]\nid = "a"\nagency = " "\nreceived = 2026-11-02\n', (3, 1), "is empty"),
        (
            BASE + "received = 2026-11-02\nacknowledged = 2026-10-01\n",
            (5, 1),
            "the acknowledgement (2026-10-01) is dated before receipt",
        ),
        (BASE + 'received = 2026-11-02\n"expedited" = "yes"\n', (5, 1), "true or false"),
        (
            BASE + "received = 2026-11-02\n\n[request.appeal]\nfiled = 2026-11-20\n"
            "decided = 2026-11-10\n",
            (8, 1),
            "the appeal decision (2026-11-10) is dated before",
        ),
    ],
)
def test_errors_have_a_location(text: str, where: tuple[int, int], words: str) -> None:
    e = error(text)
    assert (e.path, e.line, e.column) == ("r.toml", *where), str(e)
    assert words in e.message


def test_syntax_error_at_end_of_document() -> None:
    e = error(BASE + "received = ")
    assert e.path == "r.toml" and e.line == 4
    assert e.message.startswith("TOML syntax:")


# ---- the position finder -----------------------------------------------------------------


def test_positions_follow_tables_arrays_and_inline_tables() -> None:
    text = '''# comment [[request]]
[defaults]
jurisdiction = "us"  # x
[[request]]
id = "a"
notes = """multi
[[request]]
id = "not a key"
"""
received = 2018-07-20T10:00:00 # comment
toll = [ { start = 2018-07-25, end = 2018-07-30 },
  {start=2018-08-01} ]
[request.appeal]
filed = 2018-09-01
[[request]]
"id" = 'b'
appeal.filed = 1979-05-27 07:32:00Z
closed_days = [
  2026-01-02,  # first
  2026-01-05,
]
[[request.toll]]
start = 2020-01-01
'''
    p = scan(text)
    assert p.found[("defaults", "jurisdiction")] == (3, 1)
    assert p.found[("request", 0)] == (4, 1)
    assert p.found[("request", 0, "notes")] == (6, 1)
    assert p.found[("request", 0, "received")] == (10, 1)
    assert p.found[("request", 0, "toll", 0, "end")] == (11, 32)
    assert p.found[("request", 0, "toll", 1, "start")] == (12, 4)
    assert p.found[("request", 0, "appeal", "filed")] == (14, 1)
    assert p.found[("request", 1)] == (15, 1)
    assert p.found[("request", 1, "id")] == (16, 1)
    assert p.found[("request", 1, "appeal", "filed")] == (17, 8)
    assert p.found[("request", 1, "closed_days", 1)] == (20, 3)
    assert p.found[("request", 1, "toll", 0, "start")] == (23, 1)
    assert ("request", 2) not in p.found  # the header inside the string is not one
    assert p.nearest(("request", 1, "toll", 0, "kind")) == (22, 1)


def test_positions_never_raise_on_garbage() -> None:
    for text in ["[[", "a = [1, 2", 'a = "x', "= 3", "[a.b\nc = 1", "a = {b = 1", "\x00\x01"]:
        scan(text)


def test_deadlines_compare_equal_and_have_public_fields_only() -> None:
    """Two computations of the same request on the same day are equal (and hash alike); a
    Deadline's fields are all public, and documented."""
    from dataclasses import fields

    from foiaclock import Deadline

    rf = load(ROOT / "examples" / "requests.toml")
    for r in rf.requests:
        assert r == Request(**{f.name: getattr(r, f.name) for f in fields(Request)})
        first = compute(r, date(2026, 12, 1))
        again = compute(r, date(2026, 12, 1))
        assert first == again and hash(first) == hash(again)
    assert compute(rf.requests[0], date(2026, 12, 1)) != compute(rf.requests[0], date(2026, 12, 2))
    names = [f.name for f in fields(Deadline)]
    assert not [n for n in names if n.startswith("_")]
    doc = Path(__import__("foiaclock.results").results.__file__).read_text(encoding="utf-8")
    for name in names:  # each field has its docstring in results.py
        assert re.search(rf"\n    {name}: [^\n]+\n    \"\"\"", doc), name
