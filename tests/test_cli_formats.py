"""Every --format choice of every command has a formatter, and formatters agree with the CLI."""

from __future__ import annotations

import click
import pytest

from foiaclock.cli import cli
from foiaclock.formats import DUE_FORMATS, STATUS_FORMATS, formatter


def choices(command: str) -> list[str]:
    cmd = cli.get_command(click.Context(cli), command)
    assert cmd is not None
    (opt,) = [p for p in cmd.params if p.name == "fmt"]
    assert isinstance(opt.type, click.Choice)
    return [str(c) for c in opt.type.choices]


@pytest.mark.parametrize(
    ("command", "registry"), [("status", STATUS_FORMATS), ("due", DUE_FORMATS)]
)
def test_every_choice_has_a_formatter(command: str, registry: dict[str, str]) -> None:
    assert sorted(choices(command)) == sorted(registry)
    for name in registry:
        f = formatter(name, registry)
        assert f.name == name
        assert callable(f.render)


def test_only_the_table_is_for_people() -> None:
    assert [n for n in STATUS_FORMATS if not formatter(n).machine] == ["table"]


def test_importing_the_cli_stays_cheap() -> None:
    import subprocess
    import sys

    code = (
        "import sys, foiaclock.cli; "
        "print(','.join(m for m in ('icalendar', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_sort_choice_is_a_sort_key() -> None:
    import click

    from foiaclock.cli import cli
    from foiaclock.formats.rows import SORT_KEYS

    status = cli.get_command(click.Context(cli), "status")
    assert status is not None
    (sort,) = [p for p in status.params if p.name == "sort"]
    assert isinstance(sort.type, click.Choice)
    assert tuple(sort.type.choices) == SORT_KEYS
