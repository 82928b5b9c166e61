"""Put the course's set-up cell first among the code cells of every notebook a launch button opens.

    python scripts/setup_cell.py           # insert or update it in book/*.ipynb and solutions/*/*.ipynb
    python scripts/setup_cell.py --check   # exit 1 and name the notebooks whose cell is missing or stale

Then regenerate the student notebooks (`make exercises`): they get the cell from solutions/.

A notebook opened in Colab (or any Jupyter without the course) has no
learntools_lite and no MNIST data. The set-up cell installs both when
learntools_lite is missing, and says so; where it is installed (`make lab`,
Binder, the course image, the book build, grading) it does nothing. The
package is installed from the repository named in _config.yml
(`repository.url` and `repository.branch`), the same one the Binder and Colab
buttons open. Running the script twice changes nothing the second time.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
TAG = "learntools-setup"
TAGS = ["remove-cell", TAG]  # remove-cell: the HTML book does not show it; notebooks keep it

TEMPLATE = '''\
# Set-up: where learntools_lite is missing (e.g. Google Colab), install it and the
# MNIST data, once. Where the course is installed, this cell does nothing.
import importlib.util, subprocess, sys
if importlib.util.find_spec("learntools_lite") is None:
    _extra = "colab" if "google.colab" in sys.modules else "learner"
    print(f"learntools_lite is not installed: installing learntools_lite[{_extra}] from {repo} ...")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    f"learntools_lite[{_extra}] @ git+{repo}@{branch}"], check=True)
    subprocess.run([sys.executable, "-m", "learntools_lite.fetch_data"], check=True)
    print("learntools_lite is installed.")'''


def notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks a launch button opens and the sources of the student notebooks."""
    return sorted([*(root / "book").glob("*.ipynb"), *(root / "solutions").glob("*/*.ipynb")])


def snippet(root: Path = ROOT) -> str:
    """The set-up cell's source for the repository configured in root/_config.yml."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    repo = (config.get("repository") or {}).get("url", "").rstrip("/")
    branch = (config.get("repository") or {}).get("branch") or "main"
    if not repo.startswith("https://"):
        raise SystemExit(f"_config.yml: repository.url must be the course's https URL, not {repo!r}")
    return TEMPLATE.replace("{repo}", repo).replace("{branch}", branch)


def find(nb) -> int | None:
    """Index of the set-up cell, or None."""
    for i, cell in enumerate(nb.cells):
        if TAG in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def place(nb) -> int:
    """Where the set-up cell belongs: before the first code cell (after a title in Markdown)."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and TAG not in cell.get("metadata", {}).get("tags", []):
            return i
    return len(nb.cells)


def is_current(nb, source: str) -> bool:
    i = find(nb)
    if i is None:
        return False
    others = [c for c in nb.cells[:i] if c.cell_type == "code"]
    return not others and nb.cells[i].cell_type == "code" and nb.cells[i].source == source


def apply(nb, source: str) -> bool:
    """Insert or update the set-up cell in `nb`; True if the notebook changed."""
    if is_current(nb, source):
        return False
    old = find(nb)
    cell = nb.cells.pop(old) if old is not None else nbformat.v4.new_code_cell()
    cell.source = source
    cell.metadata["tags"] = [*TAGS, *(t for t in cell.metadata.get("tags", []) if t not in TAGS)]
    if nb.get("nbformat_minor", 0) < 5:
        cell.pop("id", None)  # cell ids exist from nbformat 4.5 on
    nb.cells.insert(place(nb), cell)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; fail if a notebook needs the update")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    source = snippet(args.root)
    stale = []
    for path in notebooks(args.root):
        nb = nbformat.read(path, as_version=4)
        if args.check:
            if not is_current(nb, source):
                stale.append(path)
        elif apply(nb, source):
            nbformat.write(nb, path)
            print(f"updated {path.relative_to(args.root)}")
    if stale:
        print("The set-up cell is missing or out of date in:\n  "
              + "\n  ".join(str(p.relative_to(args.root)) for p in stale)
              + "\nRun `python scripts/setup_cell.py` then `make exercises`.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
