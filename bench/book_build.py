"""Time a clean build of the book (both editions) and an unchanged rebuild, side by side.

    .venv/bin/python bench/book_build.py

Builds into a temporary folder (your _build/ is left alone) with the command
`make book` runs (scripts/build_book.py): the English edition executes every
chapter, the Chinese edition finds them all in the shared execution cache;
the second build finds everything up to date. Target: a clean build of both
editions under 12 minutes on 2 cores.
"""
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = [sys.executable, str(ROOT / "scripts" / "build_book.py")]
EDITION_LINE = re.compile(r"^edition (\S+): .* \((\d+) s\)$", re.MULTILINE)
EXECUTED = re.compile(r"Executed notebook in")


def build(output: Path) -> tuple[float, dict, int]:
    """Seconds for the whole build, seconds per edition, notebooks executed."""
    start = time.perf_counter()
    done = subprocess.run([*BUILD, "--build-dir", str(output)], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    log = done.stdout + done.stderr
    return seconds, {m[1]: int(m[2]) for m in EDITION_LINE.finditer(log)}, len(EXECUTED.findall(log))


def main():
    output = Path(tempfile.mkdtemp(prefix="book-bench-"))
    try:
        clean, clean_editions, clean_executed = build(output)
        rebuild, rebuild_editions, rebuild_executed = build(output)
    finally:
        shutil.rmtree(output, ignore_errors=True)
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"clean build, both editions: {clean:7.1f} s  (target < 720 s); "
          f"per edition {clean_editions}; notebooks executed: {clean_executed}")
    print(f"unchanged rebuild:          {rebuild:7.1f} s; per edition {rebuild_editions}; "
          f"notebooks executed: {rebuild_executed}")
    print(f"ratio clean / rebuild: {clean / rebuild:.0f}x   load average after: {' '.join(load)}")


if __name__ == "__main__":
    main()
