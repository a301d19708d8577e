"""Checks of values read from TOML, shared by the rule-data parser and the requests-file loader.

Each check takes the value, a description of where it is (``"request 'x', field 'received'"``)
and raises `ValueProblem` with a message a person can act on; callers turn that into their own
error type with a location.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from .dates import parse_day, parse_time


class ValueProblem(Exception):
    """A value does not have the expected form. `key` names the offending key when it is one."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.key = key


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else ``""``."""
    import difflib  # only when a suggestion is needed

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_keys(table: Mapping[str, Any], allowed: Iterable[str], what: str) -> None:
    """Unknown keys are errors, never silently ignored."""
    allowed = sorted(allowed)  # (a fixed order: the suggestion must not depend on a set's)
    for key in table:
        if key not in allowed:
            raise ValueProblem(
                f"unknown key {key!r} in {what}{suggest(key, allowed)}; "
                f"allowed: {', '.join(allowed)}",
                key,
            )


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def expect_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueProblem(f"{what} must be a string, not {type_name(value)}")
    return value


def expect_bool(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValueProblem(f"{what} must be true or false, not {type_name(value)}")
    return value


def expect_int(value: object, what: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueProblem(f"{what} must be a whole number, not {type_name(value)}")
    if value < minimum or (maximum is not None and value > maximum):
        top = f" to {maximum}" if maximum is not None else " or more"
        raise ValueProblem(f"{what} must be {minimum}{top}, not {value}")
    return value


def expect_date(value: object, what: str) -> date:
    """A TOML date (``2024-05-01``, no quotes). A string in ISO form is accepted too."""
    if isinstance(value, datetime):
        raise ValueProblem(f"{what} must be a date (like 2024-05-01), not a date-time")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_day(value)
        except ValueError:
            raise ValueProblem(f"{what} must be a date like 2024-05-01, not {value!r}") from None
    raise ValueProblem(f"{what} must be a date like 2024-05-01, not {type_name(value)}")


def expect_time(value: object, what: str) -> time | None:
    """A local time (``17:00`` as a TOML time or a string); ``""`` means none."""
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            return parse_time(value)
        except ValueError:
            pass
    raise ValueProblem(f'{what} must be a time like "17:00", not {value!r}')


def expect_list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueProblem(f"{what} must be an array, not {type_name(value)}")
    return value


def expect_table(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueProblem(f"{what} must be a table, not {type_name(value)}")
    return value


def expect_choice(value: object, what: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    text = expect_str(value, what)
    if text not in choices:
        raise ValueProblem(
            f"{what} must be one of {', '.join(repr(c) for c in choices)}, "
            f"not {text!r}{suggest(text, choices)}"
        )
    return text


def phrase(what: str, message: str) -> str:
    """`message` about `what`: ``X must be Y`` for a check's "must be Y", else ``X: message``."""
    return f"{what} {message}" if message.startswith("must ") else f"{what}: {message}"
