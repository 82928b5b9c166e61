"""Does every seed topic the coverage table lists have the section it names?

The table is book/seed_coverage.yml plus every book/seed_coverage.d/*.yml
(one file per chapter, so chapters can be written side by side). Each entry
is {topic, seed, chapter, section}; `section` is a heading's text without
its leading #'s, and it must be a heading of that chapter's notebook.
"""
from __future__ import annotations

import jsonschema
import nbformat
import pytest
import yaml
from markdown_it import MarkdownIt

from notebooks import ROOT

BOOK = ROOT / "book"
SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["topic", "seed", "chapter", "section"],
        "properties": {
            "topic": {"type": "string", "minLength": 3},
            "seed": {"enum": ["002", "003", "004", "issue"]},
            "chapter": {"type": "string", "pattern": r"^book/\d\d_\w+\.ipynb$"},
            "section": {"type": "string", "minLength": 1},
        },
    },
}


def table_files() -> list:
    return [BOOK / "seed_coverage.yml", *sorted((BOOK / "seed_coverage.d").glob("*.yml"))]


def entries() -> list[dict]:
    rows = []
    for path in table_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, SCHEMA)
        rows += [{**row, "file": path.relative_to(ROOT).as_posix()} for row in data]
    return rows


def headings(notebook) -> set[str]:
    """The text of every Markdown heading in the notebook (code fences ignored)."""
    md = MarkdownIt("commonmark")
    found = set()
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "markdown":
            continue
        tokens = md.parse(cell.source)
        for opening, inline in zip(tokens, tokens[1:]):
            if opening.type == "heading_open":
                found.add(inline.content.strip())
    return found


def test_the_table_exists_and_every_file_is_valid():
    assert (BOOK / "seed_coverage.yml").is_file()
    assert entries()


def test_a_heading_inside_a_code_fence_does_not_count(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "## 1. Real\n\n```python\n## 2. Not a heading\n```\n")])
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    assert headings(path) == {"1. Real"}


def test_an_entry_with_an_unknown_seed_is_rejected():
    bad = [{"topic": "pooling", "seed": "007", "chapter": "book/05_convnets.ipynb",
            "section": "x"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


@pytest.mark.parametrize("entry", entries(), ids=lambda e: f"{e['chapter']}:{e['topic']}")
def test_listed_section_exists(entry):
    notebook = ROOT / entry["chapter"]
    assert notebook.is_file(), f"{entry['file']}: no chapter {entry['chapter']}"
    found = headings(notebook)
    assert entry["section"] in found, (
        f"{entry['file']}: {entry['chapter']} has no heading {entry['section']!r} "
        f"(topic {entry['topic']!r}); its headings are: {sorted(found)}")
