"""Is every page declared translated really translated, and is nothing left to fall back to English?

Sphinx shows the English text for any empty or fuzzy catalogue entry, without
a warning, so these tests are what keeps the Chinese edition complete. The
pages declared translated are listed in ONE place, locales/translated.txt.
"""
from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from notebooks import ROOT

LANGUAGE = "zh_CN"
CATALOGUES = ROOT / "locales" / LANGUAGE / "LC_MESSAGES"
DECLARED = ROOT / "locales" / "translated.txt"
# Exercise pages are the only pages allowed to wait for a translation: their
# texts are still being rewritten.
MAY_WAIT = re.compile(r"^exercises/")
# What a translation must carry over exactly from its English text: MyST roles
# with their targets (glued numbers included) and inline math.
ROLE = re.compile(r"\{[\w:.-]+\}`[^`]*`")
# A heading such as "1. Tensors" translated as "1. 张量" parses as a numbered list.
LIST_MARKER = re.compile(r"^\d+[.)] ")
MATH = re.compile(r"(?<![\\$])\$(?!\$)[^$\n]+?(?<!\\)\$")


def documents() -> list[str]:
    """Every page of the book, by docname, from the table of contents."""
    import yaml

    def files(entries):
        for entry in entries or []:
            if "file" in entry:
                yield entry["file"]
            yield from files(entry.get("sections"))
            yield from files(entry.get("chapters"))

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"], *files(toc.get("parts")), *files(toc.get("chapters"))]


def declared_translated() -> list[str]:
    lines = DECLARED.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def catalogue(docname: str) -> polib.POFile:
    path = CATALOGUES / f"{docname}.po"
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make translations`"
    return polib.pofile(str(path))


def _literal_stars(text: str) -> bool:
    """Would `**` show as two asterisks (emphasis that does not parse) outside code?"""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").renderInline(text)
    return "**" in re.sub(r"<code>.*?</code>", "", rendered, flags=re.S)


def problems(po: polib.POFile) -> list[str]:
    """Each entry that would show English: empty, fuzzy, or losing a role, math or code of its msgid."""
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        head = entry.msgid[:70].replace("\n", " ")
        if entry.fuzzy:
            found.append(f"fuzzy: {head}")
        elif not entry.msgstr.strip():
            found.append(f"untranslated: {head}")
        elif LIST_MARKER.match(entry.msgstr):
            found.append(f"starts with a list marker (Markdown would make it a list, Sphinx then "
                         f"ignores the translation; write `N\\.`): {head}")
        elif _literal_stars(entry.msgstr) and not _literal_stars(entry.msgid):
            found.append(f"emphasis that does not render (CommonMark: a closing `**` after "
                         f"punctuation must be followed by a space or punctuation; write "
                         f"`**词**。` rather than `**词。**`): {head}")
        else:
            for kind, pattern in (("role", ROLE), ("math", MATH)):
                lost = sorted(set(pattern.findall(entry.msgid)) - set(pattern.findall(entry.msgstr)))
                if lost:
                    found.append(f"{kind} not kept exactly {lost}: {head}")
    return found


def test_the_declared_pages_are_pages_of_the_book():
    unknown = sorted(set(declared_translated()) - set(documents()))
    assert not unknown, f"locales/translated.txt names pages that are not in _toc.yml: {unknown}"


def test_every_page_has_a_catalogue():
    missing = [d for d in documents() if not (CATALOGUES / f"{d}.po").is_file()]
    assert not missing, f"no catalogue for {missing}: run `make translations`"


@pytest.mark.parametrize("docname", declared_translated())
def test_a_translated_page_has_no_empty_fuzzy_or_damaged_entry(docname):
    found = problems(catalogue(docname))
    assert not found, f"{docname}.po: {len(found)} entries would show English or broken markup:\n" \
        + "\n".join(found[:40])


def test_only_exercise_pages_wait_for_a_translation(capsys):
    waiting = [d for d in documents() if d not in declared_translated()]
    with capsys.disabled():
        for docname in waiting:
            path = CATALOGUES / f"{docname}.po"
            left = len(problems(polib.pofile(str(path)))) if path.is_file() else "all"
            print(f"\n  not yet translated: {docname} ({left} entries left)", end="")
    not_allowed = [d for d in waiting if not MAY_WAIT.match(d)]
    assert not not_allowed, f"pages of the book without a complete translation: {not_allowed}"


def test_the_checker_finds_what_would_show_english(tmp_path):
    """Does the check catch an empty, a fuzzy and a damaged entry, and accept a good one?"""
    po = polib.POFile()
    po.append(polib.POEntry(msgid="A tensor has axes.", msgstr="张量有若干个轴。"))
    po.append(polib.POEntry(msgid="Loss {glue:text}`loss:.3f` at $t$.", msgstr="损失为 {glue:text}`loss:.3f`，时刻 $t$。"))
    po.append(polib.POEntry(msgid="Empty.", msgstr=""))
    po.append(polib.POEntry(msgid="Changed.", msgstr="旧的。", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="See {doc}`intro` and $x^2$.", msgstr="见引言与 $x^3$。"))
    po.append(polib.POEntry(msgid="1. Tensors", msgstr="1. 张量"))
    po.append(polib.POEntry(msgid="2. Broadcasting", msgstr="2\\. 广播"))
    path = tmp_path / "page.po"
    po.save(str(path))
    found = problems(polib.pofile(str(path)))
    assert found[0].startswith("untranslated: Empty.")
    assert found[1].startswith("fuzzy: Changed.")
    assert any(f.startswith("role not kept") for f in found[2:])
    assert any(f.startswith("math not kept") for f in found[2:])
    assert found[-1].startswith("starts with a list marker")
    assert len(found) == 5


def test_emphasis_after_punctuation_is_caught():
    """Is `**词。**对` (asterisks shown) told apart from `**词**。对` (bold)?"""
    assert _literal_stars("**学习率太大。**对这组数据")
    assert not _literal_stars("**学习率太大**。对这组数据")
    assert not _literal_stars("`size**2` 和 `a**b`")
