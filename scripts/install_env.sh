#!/bin/sh
# Install the course's environment into the Python named first: every pinned
# dependency (requirements.txt, versions fixed by constraints.txt), learntools_lite
# and the MNIST data. The one list of install steps that `make venv`, the
# container image (Dockerfile), Binder (binder/postBuild) and their test use.
#
#   scripts/install_env.sh PYTHON [--editable] [PIP_OPTION...]
#
# --editable      install learntools_lite in development mode (what `make venv` does)
# PIP_OPTION...   passed to every pip command, e.g. --no-index --find-links WHEELHOUSE
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 PYTHON [--editable] [PIP_OPTION...]" >&2
    exit 2
fi
PY=$1; shift
EDITABLE=
if [ "${1:-}" = "--editable" ]; then EDITABLE=-e; shift; fi
cd "$(dirname "$0")/.."

"$PY" -m pip install "$@" -c constraints.txt -r requirements.txt
# setuptools comes pinned with the environment, so the package builds without network.
"$PY" -m pip install "$@" --no-deps --no-build-isolation $EDITABLE .
"$PY" -m pip check
# Every kernel of this environment keeps TensorFlow's start-up log out of cell outputs.
"$PY" -m learntools_lite.quiet_tensorflow install
"$PY" -m learntools_lite.fetch_data -- "$@"
