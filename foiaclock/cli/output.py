"""Writing what a command produces: data to stdout or, atomically, to a file; chatter to stderr."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from ..errors import InputError


def write_output(text: str, output: str | None, *, colour: bool = False) -> None:
    """`text` to stdout, or atomically to the file `output` (a temporary file renamed into
    place: readers never see a partial file, and an error leaves the old file as it was).

    Always UTF-8, whatever the machine's locale; the text is written as it is (a format that
    colours its text has decided to: `colour` says so)."""
    if output in (None, "-"):
        try:
            click.echo(text.encode("utf-8"), nl=False, color=colour)
        except BrokenPipeError:  # `foiaclock status ... | head`: the reader has had enough
            quiet_stdout()
        except OSError as exc:
            raise InputError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    assert output is not None
    target = Path(output)
    if target.is_symlink():  # write through the link, keeping it
        target = target.resolve()
    if target.is_dir():
        raise InputError(f"--output {output}: is a directory; give a file name")
    replace_file(target, text.encode("utf-8"), f"--output {output}")


def replace_file(target: Path, data: bytes, shown: str) -> None:
    """Write `data` to a temporary file beside `target`, flush it to disk, give it the old
    file's permissions (or the umask's), and rename it over `target` (`shown` names it in
    messages)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{shown}: cannot write there: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:  # a full disk, a vanished folder: the old file is left as it was
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def quiet_stdout() -> None:
    """After a broken pipe, send what is left for stdout nowhere (so that Python's own flush at
    exit does not complain) and end quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(0)


def note(message: str) -> None:
    """Chatter for people: stderr."""
    click.echo(message, err=True)


def wrap_list(text: str, width: int) -> str:
    """Wrap "head: a b, c d, e f" at its commas, so that no "N status" item is split."""
    lines: list[str] = []
    line = ""
    for item in text.split(", "):
        piece = item if not line else f", {item}"
        if line and len(line) + len(piece) > width:
            lines.append(line + ",")
            line = f"  {item}"
        else:
            line += piece
    lines.append(line)
    return "\n".join(lines)
