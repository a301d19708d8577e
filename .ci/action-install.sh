#!/usr/bin/env bash
# The GitHub Action's first step (action.yml): install foiaclock into a virtual environment of
# its own and tell the next step where its Python is. Every input arrives as an environment
# variable (never interpolated into this script):
#   FOIACLOCK_VERSION      the `version` input: a version on PyPI ("1.4.0"), or empty;
#   FOIACLOCK_ACTION_REF   the ref the workflow used (`uses: OWNER/foiaclock@v1.4.0` -> v1.4.0);
#   FOIACLOCK_ACTION_PATH  the Action's own checkout.
# Empty version: a release tag (v1.4.0, 1.4.0) installs that version from PyPI, exactly; any
# other ref (a branch, a commit hash, `uses: ./`) installs the Action's own checkout.
set -euo pipefail

python=""
for candidate in python3 python; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' >/dev/null 2>&1; then
    python="$candidate"
    break
  fi
done
if [ -z "$python" ]; then
  echo "::error title=foiaclock::foiaclock needs Python 3.10 or later: add actions/setup-python before this step"
  exit 2
fi

venv="${RUNNER_TEMP:-/tmp}/foiaclock-venv"
"$python" -m venv "$venv"
if [ -x "$venv/bin/python" ]; then
  vpython="$venv/bin/python"
else
  vpython="$venv/Scripts/python.exe"   # Windows runners
fi

version="${FOIACLOCK_VERSION:-}"
ref="${FOIACLOCK_ACTION_REF:-}"
if [ -z "$version" ] && [[ "$ref" =~ ^v?[0-9]+(\.[0-9]+)+$ ]]; then
  version="${ref#v}"
fi
if [ -n "$version" ]; then
  if ! [[ "$version" =~ ^[0-9]+(\.[0-9]+)*([a-z]+[0-9]+)?$ ]]; then
    echo "::error title=foiaclock::input 'version' must be a version number like 1.4.0, not '$version'"
    exit 2
  fi
  spec="foiaclock==$version"
else
  spec="$FOIACLOCK_ACTION_PATH"
fi
echo "Installing $spec"
"$vpython" -m pip install --quiet --disable-pip-version-check "$spec"
echo "FOIACLOCK_PYTHON=$vpython" >> "$GITHUB_ENV"
