"""Is an exercise's Chinese source made from solutions/ and the page's catalogue, and nothing else?"""
from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from learntools_lite.grading.translated_source import (
    SETUP_MARKER, UntranslatedBlocks, catalogue_path, generate, read_catalogue, translate_markdown,
    translate_notebook, translated_assignments)
from notebooks import ROOT

ASSIGNMENT = "ex2_broadcasting"
LANGUAGE = "zh_CN"
ENGLISH = ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
# Three or more English words in a row, outside code and math: prose the translation missed.
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")
CODE_OR_MATH = re.compile(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|```.*?```|\]\([^)]*\)", re.S)


@pytest.fixture(scope="module")
def catalogue():
    return read_catalogue(catalogue_path(ROOT, ASSIGNMENT, LANGUAGE))


@pytest.fixture(scope="module")
def pair(catalogue):
    english = nbformat.read(ENGLISH, as_version=4)
    return english, translate_notebook(english, catalogue, LANGUAGE)


def grade_ids(nb):
    return [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]


def test_exercise_two_is_declared_translated():
    """Is exercise 2 in locales/translated.txt, so `make exercises` makes its Chinese edition?"""
    assert ASSIGNMENT in translated_assignments(ROOT)


def test_every_markdown_block_is_translated(pair, catalogue):
    """Does every heading, paragraph and list item read as its translation, with no English prose left?"""
    english, chinese = pair
    translations = {t for t, _ in catalogue.values() if t}
    markdown = [c for c in chinese.cells if c.cell_type == "markdown"]
    for before, after in zip([c for c in english.cells if c.cell_type == "markdown"], markdown):
        assert after.source != before.source
        prose = CODE_OR_MATH.sub(" ", after.source)
        assert not ENGLISH_WORDS.search(prose), (
            f"English prose left in the Chinese cell: {ENGLISH_WORDS.search(prose).group()!r}\n{after.source}")
        for line in after.source.split("\n"):
            text = re.sub(r"^(#+ |\s*[-*+] |\s*\d+[.)] )", "", line).strip()
            if text and re.search(r"[\u4e00-\u9fff]", text):
                assert text in translations, f"not a catalogue translation: {text!r}"


def test_emphasis_still_renders(pair):
    """Does every ** and * of the translation still parse as emphasis (CommonMark's flanking rules
    do not close `**...：**` before a Chinese character)?"""
    from markdown_it import MarkdownIt

    _, chinese = pair
    for cell in chinese.cells:
        if cell.cell_type != "markdown":
            continue
        for token in MarkdownIt("commonmark").parse(cell.source):
            for child in token.children or []:
                assert child.type != "text" or "*" not in child.content, (
                    f"emphasis left as literal asterisks: {child.content!r}")


def test_markers_and_code_blocks_are_kept(pair):
    """Do headings keep their level, list items their marker, and fenced code and math stay as written?"""
    english, chinese = pair
    pairs = zip([c for c in english.cells if c.cell_type == "markdown"],
                [c for c in chinese.cells if c.cell_type == "markdown"])
    for before, after in pairs:
        shape = lambda s: [re.match(r"^(#+ |\s*[-*+] |)", line).group() for line in s.split("\n")
                           if line.strip()][:1]  # noqa: E731
        assert shape(after.source) == shape(before.source)
        for block in re.findall(r"```.*?```|\$\$.*?\$\$", before.source, re.S):
            assert block in after.source


def test_code_cells_and_grade_ids_are_the_english_ones(pair):
    """Are the code cells identical, the grade ids the same, and one new cell before the set-up
    cell the only addition (it chooses the language)?"""
    english, chinese = pair
    setup = next(n for n, c in enumerate(english.cells) if SETUP_MARKER in c.source)
    added = chinese.cells[setup]
    assert added.cell_type == "code" and "nbgrader" not in added.metadata
    assert 'import learntools_lite; learntools_lite.set_language("zh_CN")' in added.source.split("\n")
    assert 'set_language("en")' in added.source  # how to switch back
    rest = chinese.cells[:setup] + chinese.cells[setup + 1:]
    assert grade_ids(nbformat.v4.new_notebook(cells=rest)) == grade_ids(english)
    for before, after in zip(english.cells, rest):
        assert after.cell_type == before.cell_type
        if before.cell_type == "code":
            assert after.source == before.source and after.metadata == before.metadata


def test_the_english_notebook_is_not_changed(catalogue):
    """Is the English source left as it was (the translation works on a copy)?"""
    english = nbformat.read(ENGLISH, as_version=4)
    before = nbformat.writes(english)
    translate_notebook(english, catalogue, LANGUAGE)
    assert nbformat.writes(english) == before


@pytest.mark.parametrize("damage, reason", [
    ("delete", "no entry in the catalogue"),
    ("empty", "not translated yet"),
    ("fuzzy", "fuzzy"),
])
def test_a_gap_in_the_catalogue_is_an_error_naming_the_block(catalogue, damage, reason):
    """Does a missing, empty or fuzzy entry stop the generator, naming the cell and the block?"""
    key = "4. One bias per channel"
    assert key in catalogue
    damaged = dict(catalogue)
    if damage == "delete":
        del damaged[key]
    else:
        damaged[key] = ("", False) if damage == "empty" else (catalogue[key][0], True)
    with pytest.raises(UntranslatedBlocks) as err:
        translate_notebook(nbformat.read(ENGLISH, as_version=4), damaged, LANGUAGE)
    assert len(err.value.problems) == 1
    assert "heading '4. One bias per channel'" in str(err.value) and reason in str(err.value)
    assert re.search(r"cell \d+", str(err.value))


def test_a_gap_in_the_po_file_stops_the_command(tmp_path, capsys):
    """Does the command exit non-zero and write nothing when the .po file has a fuzzy entry?"""
    from learntools_lite.grading.translated_source import main

    course = tmp_path / "course"
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, course / "solutions" / ASSIGNMENT)
    po = catalogue_path(course, ASSIGNMENT, LANGUAGE)
    po.parent.mkdir(parents=True)
    text = catalogue_path(ROOT, ASSIGNMENT, LANGUAGE).read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Keep going"', '#, fuzzy\nmsgid "Keep going"', 1), encoding="utf-8")
    assert main([ASSIGNMENT, "--root", str(course)]) == 1
    assert "'Keep going': the entry is fuzzy" in capsys.readouterr().err
    assert not (course / "solutions_zh_CN").exists()
    po.write_text(text, encoding="utf-8")
    assert main([ASSIGNMENT, "--root", str(course)]) == 0
    assert (course / "solutions_zh_CN" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()


def test_list_items_and_indentation_survive():
    """Are list markers, nested indentation, numbered lists and multi-line paragraphs kept in place?"""
    source = "## 3. Title\n\nFirst line\nsecond line.\n\n- item one\n  continued\n  1. nested\n\n$$\nx = 1\n$$"
    catalogue = {"3. Title": ("3\\. 标题", False), "First line second line.": ("第一段。", False),
                 "item one continued": ("第一项", False), "nested": ("嵌套", False)}
    translated, problems = translate_markdown(source, catalogue, "cell 1")
    assert problems == []
    assert translated == "## 3\\. 标题\n\n第一段。\n\n- 第一项\n  1. 嵌套\n\n$$\nx = 1\n$$"


def test_a_table_is_refused_not_left_in_english():
    """Is a block the generator cannot translate yet (a table) an error, not silently English?"""
    with pytest.raises(ValueError, match="table"):
        translate_markdown("| a | b |\n| - | - |\n| 1 | 2 |", {}, "cell 1")


def test_generate_writes_beside_solutions(tmp_path):
    """Does `generate` write solutions_zh_CN/<a>/<a>.ipynb, readable as a notebook?"""
    written = generate(ROOT, ASSIGNMENT, LANGUAGE, out_root=tmp_path)
    assert written == [tmp_path / "solutions_zh_CN" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"]
    nb = nbformat.read(written[0], as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["learntools"]["language"] == LANGUAGE
