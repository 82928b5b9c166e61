"""Time a clean build of the book and an unchanged rebuild, side by side.

    .venv/bin/python bench/book_build.py

Builds into a temporary folder (your _build/ is left alone): the first build
executes every chapter, the second finds them all in the execution cache.
Target (issue "Chapters 2 and 3"): a clean build under 10 minutes on 2 cores.
"""
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"


def build(output: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(JUPYTER_BOOK), "build", str(ROOT), "-W", "-n", "--keep-going",
                    "--path-output", str(output)], check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    output = Path(tempfile.mkdtemp(prefix="book-bench-"))
    try:
        clean = build(output)
        rebuild = build(output)
    finally:
        shutil.rmtree(output, ignore_errors=True)
    print(f"clean build:       {clean:7.1f} s  (target < 600 s)")
    print(f"unchanged rebuild: {rebuild:7.1f} s")
    print(f"ratio clean / rebuild: {clean / rebuild:.0f}x")


if __name__ == "__main__":
    main()
