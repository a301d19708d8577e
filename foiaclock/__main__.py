"""``python -m foiaclock``: the same as the ``foiaclock`` command."""

from foiaclock.cli import main

if __name__ == "__main__":
    main()
