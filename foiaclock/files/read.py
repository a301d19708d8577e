"""Reading a requests file: bytes -> text -> a TOML document, every problem an `InputError` with
the file, line and column."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
_FRIENDLIER = {
    "Invalid date or datetime": (
        "this date or time does not exist or is not written as TOML expects "
        "(dates are 2024-05-01, date-times 2024-05-01T17:30:00-04:00, without quotes)"
    ),
    "Cannot overwrite a value": "a key or table is defined twice",
    "Cannot declare": "a table is defined twice",
    "Expected '=' after a key in a key/value pair": "expected '=' after the key",
    "Invalid value": "a value is missing or not valid TOML (strings need quotes)",
    "Illegal character '\\n'": "the line ends inside a string: is a closing quote missing?",
    "Unclosed array": "an array is not closed: is a ']' missing?",
    "Unclosed inline table": "an inline table is not closed: is a '}' missing?",
}


def display_name(path: str) -> str:
    """How messages name a file: ``<stdin>`` for ``-``."""
    return "<stdin>" if path == "-" else path


def read_bytes(path: str) -> bytes:
    """The bytes of the file at `path`. Raises `InputError` (a missing file, a directory...)."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(
                "is a directory, not a requests file (give the path of a .toml file)", path=path
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except PermissionError:
        raise InputError("cannot read the file: permission denied", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a requests file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None


def decode(data: bytes, name: str) -> str:
    """`data` as text, when it is UTF-8 text (a byte-order mark is dropped). Raises `InputError`
    naming `name` for UTF-16, binary and undecodable bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError("is UTF-16 text; save the file as UTF-8", path=name)
    if b"\x00" in data[:8192]:
        raise InputError(
            "is a binary file, not a TOML text file (requests files are plain text)", path=name
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            f"is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded; save the file "
            "as UTF-8",
            path=name,
            line=line,
            column=col,
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def parse(text: str, path: str) -> dict[str, Any]:
    """The TOML document of `text`. Raises `InputError` at the line and column of a mistake."""
    if not text.strip():
        raise InputError(
            "the file is empty; a requests file needs at least one [[request]] table "
            "(see examples/requests.toml)",
            path=path,
        )
    try:
        doc: dict[str, Any] = tomllib.loads(text)
    except RecursionError:
        raise InputError(
            "arrays or tables nested too deeply to read; a requests file needs only a few levels",
            path=path,
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, path) from None
    return doc


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, path: str) -> InputError:
    message = str(exc.args[0]) if exc.args else str(exc)
    line: int | None = getattr(exc, "lineno", None)
    col: int | None = getattr(exc, "colno", None)
    m = _TOML_POSITION.search(message)
    if m:
        message = message[: m.start()]
        if m.group(1):
            line, col = int(m.group(1)), int(m.group(2))
    if line is None:
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
    special = _bad_date_time(message, text, line, col) or _defined_twice(message, text)
    if special is not None:
        text_msg, line, col = special
        return InputError(text_msg, path=path, line=line, column=col)
    year = _year_read_alone(message, text, line, col)
    if year is not None:  # an impossible month or a one-digit part: a date, not a number
        message, col = "Invalid date or datetime", year
    friendly = _FRIENDLIER.get(message)
    text_msg = f"{friendly} [{message}]" if friendly else message[:1].lower() + message[1:]
    return InputError(f"TOML syntax: {text_msg}", path=path, line=line, column=col)


#: A date, then a time TOML did not accept (tomllib reads the date alone, then stops where the
#: time starts): ``2024-05-01T25:00:00``, ``2024-05-01 17:61``.
_DATE_BEFORE = re.compile(r"(\d{4}-\d{2}-\d{2})( ?)$")
_TIME_AFTER = re.compile(r"[Tt]?\d{1,2}:[^\s#]*")


def _bad_date_time(
    message: str, text: str, line: int | None, col: int | None
) -> tuple[str, int, int] | None:
    """(message, line, column) when tomllib stopped just after a date because the time after it
    is impossible; else None."""
    if not message.startswith("Expected newline or end of document") or not line or not col:
        return None
    lines = text.split("\n")  # as tomllib counts lines (not splitlines: U+2028 is no break)
    if not 0 < line <= len(lines):
        return None
    here = lines[line - 1].rstrip("\r")
    date_part = _DATE_BEFORE.search(here[: col - 1])
    time_part = _TIME_AFTER.match(here, col - 1)
    if date_part is None or time_part is None:
        return None
    if not date_part.group(2) and not time_part.group().startswith(("T", "t")):
        return None  # a date and a time need a T or one space between them
    value = date_part.group(1) + date_part.group(2) + time_part.group()
    return (
        f"TOML syntax: {value} is not a valid date-time: write it like "
        "2024-05-01T17:30:00-04:00 (two-digit hours 00-23, minutes and seconds 00-59), "
        "without quotes",
        line,
        date_part.start() + 1,
    )


#: Four digits, then what TOML would not read as the rest of a date: ``2026-13-01``, ``2026-2-3``.
_YEAR_BEFORE = re.compile(r"\d{4}$")
_DATE_REST = re.compile(r"-\d{1,2}-\d{1,2}")


def _year_read_alone(message: str, text: str, line: int | None, col: int | None) -> int | None:
    """The column of a date whose year tomllib read as a number before stopping (so that the
    error is about the date); else None."""
    if not message.startswith("Expected newline or end of document") or not line or not col:
        return None
    lines = text.split("\n")  # as tomllib counts lines
    if not 0 < line <= len(lines):
        return None
    here = lines[line - 1]
    year = _YEAR_BEFORE.search(here[: col - 1])
    if year is None or _DATE_REST.match(here, col - 1) is None:
        return None
    return year.start() + 1


def _defined_twice(message: str, text: str) -> tuple[str, int, int] | None:
    """(message, line, column) of the second definition of a key or table defined twice."""
    if not (message.startswith("Cannot overwrite") or message.startswith("Cannot declare")):
        return None
    from .positions import scan  # only for this message

    dups = scan(text).duplicates
    if not dups:
        return None
    key, first, second = dups[0]
    name = ".".join(str(k) for k in key if isinstance(k, str))
    return (
        f"TOML syntax: {name!r} is defined twice (first at line {first[0]}); "
        "each key may appear once per table",
        second[0],
        second[1],
    )
