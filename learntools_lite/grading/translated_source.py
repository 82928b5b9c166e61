"""The source notebook of an exercise in another language, made from the English one and the book's catalogue.

    python -m learntools_lite.grading.translated_source ex2_broadcasting            # -> solutions_zh_CN/
    python -m learntools_lite.grading.translated_source ex2_broadcasting --student-version  # and exercises/zh_CN/
    python -m learntools_lite.grading.translated_source --list     # the exercises whose page is translated

A question is written once, in solutions/<a>/<a>.ipynb. The book's Chinese
edition translates the exercise page with the page's Sphinx gettext catalogue,
locales/<language>/LC_MESSAGES/exercises/<a>/<a>.po, whose messages are the
Markdown source of each heading, paragraph and list item (lines joined by
spaces). This module reads every markdown cell with markdown-it-py (the parser
MyST itself uses), finds each translatable block's source lines (`token.map`),
looks its text up in that same catalogue and puts the translation in its
place, keeping heading markers, list markers and indentation. Math blocks,
code blocks and code cells are kept as they are (code comments stay English),
so the grade ids, the tests and the checksums nbgrader computes are the
English ones: one gradebook grades both versions. A new cell before the
set-up cell makes the checks speak the language.

A block whose message is missing, untranslated or fuzzy is an error that names
the block: nothing falls back to English silently.
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import nbformat
from babel.messages.pofile import read_po
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

SETUP_MARKER = "from learntools_lite.core import binder"
# Directives whose body Sphinx translates: this module does not yet look inside them.
TRANSLATED_DIRECTIVES = {"note", "tip", "hint", "important", "warning", "caution", "attention",
                         "danger", "error", "seealso", "admonition", "figure", "table"}


class UntranslatedBlocks(ValueError):
    """Blocks of an exercise that its catalogue does not translate (each named by cell and text)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n  ".join(["not translated:", *problems]))


def source_dir(language: str) -> str:
    """Where the generated source notebooks of `language` live, beside solutions/."""
    return f"solutions_{language}"


def catalogue_path(root: Path, assignment: str, language: str) -> Path:
    return root / "locales" / language / "LC_MESSAGES" / "exercises" / assignment / f"{assignment}.po"


def read_catalogue(path: Path) -> dict[str, tuple[str, bool]]:
    """msgid -> (msgstr, fuzzy) of a .po file."""
    if not path.is_file():
        raise FileNotFoundError(f"no catalogue {path}: run `make translations`, then translate it")
    with path.open("rb") as f:
        catalogue = read_po(f)
    return {m.id: (m.string or "", m.fuzzy) for m in catalogue if m.id and isinstance(m.id, str)}


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(dollarmath_plugin)


def _blocks(source: str):
    """(first line, last line + 1, message, block kind, its text on the first line) of every translatable block of a markdown cell."""
    tokens = _parser().parse(source)
    for i, token in enumerate(tokens):
        if token.type == "fence" and token.info.strip().strip("{}").split(" ")[0] in TRANSLATED_DIRECTIVES \
                and token.info.strip().startswith("{"):
            raise ValueError(f"a {{{token.info.strip()}}} directive at line {token.map[0] + 1}: "
                             "its body is translated by the book but not by this generator yet")
        if token.type != "inline":
            continue
        parent = tokens[i - 1]
        if parent.type not in ("paragraph_open", "heading_open"):
            kind = "table" if parent.type in ("th_open", "td_open") else parent.type.replace("_open", "")
            raise ValueError(f"a {kind} ({token.content[:40]!r}): only headings, paragraphs and list items "
                             "are translated by this generator yet")
        start, end = parent.map
        yield start, end, token.content.replace("\n", " "), parent.type.replace("_open", ""), \
            token.content.split("\n")[0]


def translate_markdown(source: str, catalogue: dict[str, tuple[str, bool]], where: str) -> tuple[str, list[str]]:
    """The markdown `source` with each block replaced by its translation, and the blocks that have none."""
    lines = source.split("\n")
    problems = []
    for start, end, message, kind, first_text in reversed(list(_blocks(source))):
        translation, fuzzy = catalogue.get(message, ("", False))
        label = f"{where}, {kind} {message[:70]!r}"
        if message not in catalogue:
            problems.append(f"{label}: no entry in the catalogue (run `make translations`)")
            continue
        if fuzzy:
            problems.append(f"{label}: the entry is fuzzy (check it, then delete the '#, fuzzy' line)")
            continue
        if not translation.strip():
            problems.append(f"{label}: the entry is not translated yet")
            continue
        prefix = lines[start][:lines[start].find(first_text)]  # heading marker, list marker, indentation
        indent = "" if kind == "heading" else " " * len(prefix)
        new = [prefix + translation.split("\n")[0]] + [indent + rest for rest in translation.split("\n")[1:]]
        lines[start:end] = new
    return "\n".join(lines), list(reversed(problems))


def language_cell(language: str):
    """The cell that makes the checks speak `language`, run before the set-up cell.

    A cell of its own, not a line in the set-up cell: that cell is locked, and
    nbgrader compares its checksum with the English one in the gradebook."""
    cell = nbformat.v4.new_code_cell(
        f"# The checks, hints and feedback below speak {language}; "
        f'learntools_lite.set_language("en") switches them back to English.\n'
        f'import learntools_lite; learntools_lite.set_language("{language}")',
        metadata={"tags": ["learntools-language"]})
    cell.id = "learntools-language"  # the same on every run, so a regenerated notebook equals the committed one
    return cell


def translate_notebook(nb, catalogue: dict[str, tuple[str, bool]], language: str):
    """A translated copy of the English source notebook `nb`; raises UntranslatedBlocks naming each gap."""
    nb = copy.deepcopy(nb)
    problems = []
    for n, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "markdown":
            cell.source, missing = translate_markdown(cell.source, catalogue, f"cell {n}")
            problems += missing
    setup = [n for n, cell in enumerate(nb.cells) if cell.cell_type == "code" and SETUP_MARKER in cell.source]
    if not setup:
        problems.append(f"no set-up cell (a code cell with `{SETUP_MARKER}`) to choose the language before")
    else:
        nb.cells.insert(setup[0], language_cell(language))
    if problems:
        raise UntranslatedBlocks(problems)
    nb.metadata.setdefault("learntools", {})["language"] = language
    return nb


def generate(root: Path, assignment: str, language: str, out_root: Path | None = None) -> list[Path]:
    """Write the translated source notebooks of `assignment` into <out_root>/solutions_<language>/<assignment>/."""
    src = root / "solutions" / assignment
    notebooks = sorted(src.glob("*.ipynb"))
    if not notebooks:
        raise FileNotFoundError(f"no source notebook in {src}")
    catalogue = read_catalogue(catalogue_path(root, assignment, language))
    dest = (out_root or root) / source_dir(language) / assignment
    written = []
    for path in notebooks:
        translated = translate_notebook(nbformat.read(path, as_version=4), catalogue, language)
        dest.mkdir(parents=True, exist_ok=True)
        nbformat.write(translated, dest / path.name)
        written.append(dest / path.name)
    return written


def translated_assignments(root: Path) -> list[str]:
    """Exercises whose page is declared translated (locales/translated.txt lists exercises/<a>/<a>)."""
    listed = (root / "locales" / "translated.txt").read_text(encoding="utf-8").split("\n")
    return sorted(parts[1] for parts in (line.strip().split("/") for line in listed)
                  if len(parts) == 3 and parts[0] == "exercises" and parts[1] == parts[2])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("assignment", nargs="?")
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the course directory (default: here)")
    parser.add_argument("--list", action="store_true", help="print the exercises whose page is translated")
    parser.add_argument("--student-version", action="store_true",
                        help="also generate exercises/<language>/<assignment>/ with nbgrader (no gradebook)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.list:
        print("\n".join(translated_assignments(root)))
        return 0
    if not args.assignment:
        parser.error("name the assignment, e.g. ex2_broadcasting")
    try:
        for path in generate(root, args.assignment, args.language):
            print(f"wrote {path}")
    except (UntranslatedBlocks, FileNotFoundError, ValueError) as err:
        print(f"{args.assignment} ({args.language}): {err}", file=sys.stderr)
        return 1
    if args.student_version:
        from .course import Course
        from .release import edition_args, nbgrader

        nbgrader(["generate_assignment", args.assignment, "--force", "--no-db",
                  *edition_args(Course(root), args.language)], root)
        print(f"wrote {Course(root).release / args.language / args.assignment}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
