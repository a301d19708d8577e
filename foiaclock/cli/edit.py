"""``foiaclock add``, ``update`` and ``toll``: keeping the requests file without hand-editing it.

Each command reads the file, works out the edit on its text (`foiaclock.files.edit`: the one
request's text changed through tomlkit, every other byte kept), checks the result as
``validate`` would (the loader, then the engine on every edited request), and only then writes it:
atomically (`output.replace_file`), after making sure the file has not changed since it was read,
and reading it back to compare with the intended change. ``--dry-run`` prints the diff instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from ..files import decode, loads, read_bytes
from ..files.edit import Edit, add_request, add_toll, assignment, check, end_toll, update_request
from .options import CONTEXT_SETTINGS, DATE, as_of_option, debug_option
from .output import note, replace_file, write_output
from .requests import deadline

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Snapshot:
    """The file as it was read: its bytes, and its size and time of change on disk."""

    path: str
    data: bytes
    stamp: tuple[int, int]

    @property
    def text(self) -> str:
        return decode(self.data, self.path)


def _stamp(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size


def snapshot(path: str) -> Snapshot:
    """The file at `path`, read for an edit (standard input cannot be edited)."""
    if path == "-":
        raise InputError("an edit changes a file in place: give the file's path, not -")
    data = read_bytes(path)
    return Snapshot(path, data, _stamp(path))


def dry_run_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--dry-run", is_flag=True, help="Print the change as a unified diff; write nothing."
    )(f)


def commit(snap: Snapshot, make: Callable[[str], Edit], dry_run: bool, as_of: date | None) -> None:
    """Work out the edit, check it, and write it (or print its diff)."""
    edit = make(snap.text)
    validated(edit, snap.path, as_of)
    if dry_run:
        write_output(edit.diff(snap.path), None)
        return
    if edit.after == edit.before:
        note(f"{snap.path}: nothing to change")
        return
    bom = _BOM if snap.data.startswith(_BOM) else b""
    data = bom + edit.after.encode("utf-8")
    target = Path(snap.path)
    if target.is_symlink():  # write through the link, keeping it
        target = target.resolve()
    unchanged_since(snap)
    replace_file(target, data, snap.path)
    read_back(snap.path, data)
    note(f"{snap.path}: {edit.summary}")


def validated(edit: Edit, path: str, as_of: date | None) -> None:
    """The loader's and the engine's checks of the edited text (`InputError`, the file named,
    when it fails: the problem of the file as it is, if it has one, else the edit's)."""
    try:
        rf = check(edit, path)
        for index in edit.indexes:
            deadline(rf, rf.requests[index].id, as_of, rf.threshold())
    except InputError as exc:
        try:
            loads(edit.before, path)
        except InputError as first:
            raise InputError(
                f"{first.message} (the file has this problem before any edit: fix it first; "
                "nothing was written)",
                path=first.path,
                line=first.line,
                column=first.column,
            ) from None
        raise InputError(
            f"the edit is refused: {exc.message}; the file is unchanged", path=path
        ) from None


def unchanged_since(snap: Snapshot) -> None:
    """Refuse to write over a file that changed on disk since it was read."""
    try:
        same = _stamp(snap.path) == snap.stamp and read_bytes(snap.path) == snap.data
    except OSError:
        same = False
    if not same:
        raise InputError(
            "the file changed on disk since it was read (another program or editor wrote it); "
            "nothing was written: run the command again",
            path=snap.path,
        )


def read_back(path: str, data: bytes) -> None:
    """The file as written must be the bytes meant: the text `validated` read back and found to
    give exactly the intended requests (so the same bytes give them too)."""
    if read_bytes(path) != data:
        raise InputError(
            "the file read back after writing is not what was written (did another program "
            "write it at the same moment?); check it with foiaclock validate",
            path=path,
        )


# ---- the commands -------------------------------------------------------------------------------


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@click.option("--id", "rid", required=True, help="The request's id (a short name, unique).")
@click.option("--agency", required=True, help="The agency the request went to.")
@click.option("--received", required=True, help="The day (or date-time) the agency received it.")
@click.argument("fields", nargs=-1, metavar="[KEY=VALUE]...")
@dry_run_option
@as_of_option
@debug_option
def add(
    file: str,
    rid: str,
    agency: str,
    received: str,
    fields: tuple[str, ...],
    dry_run: bool,
    as_of: date | None,
) -> None:
    """Add a request at the end of FILE, keeping the rest of the file as it is.

    KEY=VALUE gives any other field, as the file would say it (subject="...",
    extension=true, jurisdiction=us-ny, appeal.filed=2026-12-10).

    \b
    Examples:
      foiaclock add requests.toml --id fbi-2027 --agency "FBI" --received 2027-01-04
      foiaclock add requests.toml --id ny-1 --agency "NYPD" --received 2027-01-04 \\
          jurisdiction=us-ny subject="Stop-and-frisk data" --dry-run
    """
    snap = snapshot(file)
    values = [
        assignment(f"id={rid}"),
        assignment(f"agency={agency}"),
        assignment(f"received={received}"),
        *(assignment(f) for f in fields),
    ]
    commit(snap, lambda text: add_request(text, file, values), dry_run, as_of)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@click.argument("request_id", metavar="ID")
@click.argument("fields", nargs=-1, required=True, metavar="KEY=VALUE...")
@dry_run_option
@as_of_option
@debug_option
def update(
    file: str, request_id: str, fields: tuple[str, ...], dry_run: bool, as_of: date | None
) -> None:
    """Set fields of request ID in FILE; its comments and every other line stay as written.

    KEY=VALUE as the file would say it: responded=2026-12-03, adverse=true,
    extension=true, appeal.filed=2026-12-10. A key the file format does not know is refused.

    \b
    Examples:
      foiaclock update requests.toml pogo-ice-2 responded=2019-06-14 adverse=true
      foiaclock update requests.toml pogo-ice-1 appeal.decided=2019-02-01 --dry-run
    """
    snap = snapshot(file)
    values = [assignment(f) for f in fields]
    commit(snap, lambda text: update_request(text, file, request_id, values), dry_run, as_of)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@click.argument("request_id", metavar="ID")
@click.argument("start", type=DATE, required=False, metavar="[START]")
@click.argument("end", type=DATE, required=False, metavar="[END]")
@click.option(
    "--end", "end_option", type=DATE, default=None, metavar="DATE",
    help="The day the pause ends (the agency received the answer). Alone: ends the open pause.",
)  # fmt: skip
@click.option("--kind", default=None, help="Why: information (the default) or fee.")
@click.option("--note", default="", help="Your own words about the pause.")
@dry_run_option
@as_of_option
@debug_option
def toll(
    file: str,
    request_id: str,
    start: date | None,
    end: date | None,
    end_option: date | None,
    kind: str | None,
    note: str,
    dry_run: bool,
    as_of: date | None,
) -> None:
    """Add a pause of the clock to request ID, or end its open pause (--end DATE alone).

    START is the day the agency asked for information or fees; END (or --end) the day it
    received the answer, left out while the answer is awaited.

    \b
    Examples:
      foiaclock toll requests.toml fbi-2026-face 2026-11-20 --kind fee
      foiaclock toll requests.toml dhs-crcl-2026 --end 2026-12-02
    """
    if end is not None and end_option is not None:
        raise click.UsageError("give the end once: END or --end, not both")
    end = end or end_option
    snap = snapshot(file)
    if start is None:
        if end is None:
            raise click.UsageError("give START (a new pause) or --end DATE (end the open one)")
        if kind or note:
            raise click.UsageError("--kind and --note describe a new pause: give its START")
        stop = end
        commit(snap, lambda text: end_toll(text, file, request_id, stop), dry_run, as_of)
        return
    begin = start
    commit(
        snap,
        lambda text: add_toll(text, file, request_id, begin, end, kind, note),
        dry_run,
        as_of,
    )
