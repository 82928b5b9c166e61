#!/bin/sh
# Install the course's environment into the Python named first: every pinned
# dependency (requirements.txt, versions fixed by constraints.txt), learntools_lite
# and the MNIST data. The one list of install steps that `make venv`, the
# container image (Dockerfile), Binder (binder/postBuild) and their test use.
#
#   scripts/install_env.sh PYTHON [--editable] [PIP_OPTION...]
#
# --editable      install learntools_lite in development mode (what `make venv` does)
# PIP_OPTION...   passed to every pip and uv command, e.g. --no-index --find-links WHEELHOUSE
#                 (options both take; no cache: PIP_NO_CACHE_DIR=1 UV_NO_CACHE=1)
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 PYTHON [--editable] [PIP_OPTION...]" >&2
    exit 2
fi
PY=$1; shift
EDITABLE=
if [ "${1:-}" = "--editable" ]; then EDITABLE=-e; shift; fi
cd "$(dirname "$0")/.."

# uv (pinned in requirements.txt) installs the environment: it unpacks and links wheels in
# parallel, in about a fifth of pip's time for TensorFlow's environment, from the same
# indexes or wheelhouse (--no-index, --find-links). pip installs uv itself.
"$PY" -m pip install --quiet "$@" -c constraints.txt uv
# uv writes no .pyc files unless asked (pip does). Sandboxed grading kernels see the
# environment read-only, and PYTHONDONTWRITEBYTECODE may be set: without them every
# process would compile what it imports (NumPy, IPython, TensorFlow) each time it starts.
export UV_COMPILE_BYTECODE="${UV_COMPILE_BYTECODE:-1}"
"$PY" -m uv pip install --python "$PY" "$@" -c constraints.txt -r requirements.txt
# setuptools comes pinned with the environment, so the package builds without network.
"$PY" -m uv pip install --python "$PY" "$@" --no-deps --no-build-isolation $EDITABLE .
"$PY" -m uv pip check --python "$PY"
# Every kernel of this environment keeps TensorFlow's start-up log out of cell outputs.
"$PY" -m learntools_lite.quiet_tensorflow install
"$PY" -m learntools_lite.fetch_data -- "$@"
