"""Does the Chinese edition of exercise 2 come from real nbgrader, speak Chinese, and earn full marks?"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from learntools_lite.grading.course import Course
from learntools_lite.grading.release import edition_args
from learntools_lite.grading.translated_source import catalogue_path, generate
from notebooks import ROOT, errors, execute, find_the_bug_questions, nbgrader, output_text
from system_packages import available

pytestmark = pytest.mark.slow
ASSIGNMENT = "ex2_broadcasting"
LANGUAGE = "zh_CN"
NAME = f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
COMMITTED = ROOT / "exercises" / LANGUAGE / NAME


def course_copy(tmp_path, assignment=ASSIGNMENT):
    """A course directory with an exercise's solutions (exercise 2's unless named) and its
    Chinese catalogue."""
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions" / assignment, course / "solutions" / assignment)
    po = catalogue_path(course, assignment, LANGUAGE)
    po.parent.mkdir(parents=True)
    shutil.copy(catalogue_path(ROOT, assignment, LANGUAGE), po)
    return course


def by_grade_id(nb):
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def check_output(nb, question):
    """What the cell `q_x.check()` printed."""
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.strip().endswith(f"{question}.check()"))
    return output_text(cell)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """exercises/zh_CN/ generated afresh: translated source, then nbgrader generate_assignment."""
    course = course_copy(tmp_path_factory.mktemp("zh"))
    generate(course, ASSIGNMENT, LANGUAGE)
    nbgrader("generate_assignment", ASSIGNMENT, "--force", "--no-db", *edition_args(Course(course), LANGUAGE),
             cwd=course)
    return course


def test_committed_chinese_exercise_matches_a_fresh_generate(regenerated):
    """Is exercises/zh_CN/ex2_broadcasting what the generator and nbgrader make now?"""
    assert COMMITTED.is_file(), f"exercises/{LANGUAGE}/{NAME} is missing: run `make exercises`"
    fresh = regenerated / "exercises" / LANGUAGE / NAME
    assert json.loads(COMMITTED.read_text()) == json.loads(fresh.read_text()), (
        f"exercises/{LANGUAGE}/{NAME} is out of date: run `make exercises`")


def test_chinese_student_version_is_the_english_one_translated():
    """Same cells, grade ids, checksums and starter code as the English release; no solution, no hidden test."""
    english = nbformat.read(ROOT / "exercises" / NAME, as_version=4)
    chinese = nbformat.read(COMMITTED, as_version=4)
    assert by_grade_id(chinese).keys() == by_grade_id(english).keys()
    for grade_id, cell in by_grade_id(chinese).items():
        assert cell.metadata["nbgrader"] == by_grade_id(english)[grade_id].metadata["nbgrader"]
        assert cell.source == by_grade_id(english)[grade_id].source
    text = COMMITTED.read_text()
    for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "answer(\"shape_a\")"):
        assert marker not in text
    starters = find_the_bug_questions(ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    assert starters, "exercise 2 has find-the-bug questions"
    for grade_id in starters:
        assert "____" not in by_grade_id(chinese)[grade_id].source  # the buggy code, not a blank
    assert any('learntools_lite.set_language("zh_CN")' in c.source for c in chinese.cells if c.cell_type == "code")
    assert "练习 2：广播" in chinese.cells[0].source


def test_chinese_solutions_give_chinese_feedback(regenerated):
    """Run top to bottom in a real kernel, does every check say 正确 (and no English verdict)?"""
    nb = execute(regenerated / "solutions_zh_CN" / NAME)
    assert not [c for c in nb.cells if errors(c)]
    for question in ("q_1a", "q_2", "q_3", "q_5", "q_7"):
        said = check_output(nb, question)
        assert "正确" in said and "不正确" not in said, said
        assert "Correct" not in said, said


def test_chinese_student_version_gives_chinese_feedback(regenerated):
    """Unanswered and unfixed, do the checks ask to fill the blank / say 不正确, in Chinese?"""
    nb = execute(regenerated / "exercises" / LANGUAGE / NAME, allow_errors=True)
    assert "请把" in check_output(nb, "q_1a")  # fill in the blank
    assert "不正确" in check_output(nb, "q_3")   # the find-the-bug starter, unfixed
    assert "Incorrect" not in check_output(nb, "q_3")


@pytest.mark.skipif(not available("bwrap", "bubblewrap"),
                    reason="bubblewrap is not installed (apt-get install -y bubblewrap)")
def test_release_of_the_chinese_edition_earns_full_marks(tmp_path):
    """Does `release --language zh_CN` grade the Chinese solutions in the sandbox and write exercises/zh_CN/?"""
    course = course_copy(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(course),
                           "release", ASSIGNMENT, "--language", LANGUAGE],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Solutions earn full marks" in proc.stderr
    released = course / "exercises" / LANGUAGE / NAME
    assert released.is_file() and "BEGIN HIDDEN TESTS" not in released.read_text()
    assert not (course / "exercises" / ASSIGNMENT).exists()  # the English release is not touched


def test_release_refuses_an_untranslated_block(tmp_path):
    """Is nothing released, and the block named, when a catalogue entry is empty?"""
    course = course_copy(tmp_path)
    po = catalogue_path(course, ASSIGNMENT, LANGUAGE)
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid "Keep going"\nmsgstr "')
    end = text.index("\n", start + len('msgid "Keep going"\n'))
    po.write_text(text[:start] + 'msgid "Keep going"\nmsgstr ""' + text[end:], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(course),
                           "release", ASSIGNMENT, "--language", LANGUAGE],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "'Keep going': the entry is not translated yet" in proc.stderr
    assert not (course / "exercises").exists()


def test_one_gradebook_grades_both_editions(regenerated, tmp_path):
    """Released in English, are Chinese submissions graded as the same assignment: the Chinese
    solutions get every point, the untouched Chinese release none, with no locked cell reported changed?"""
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, course / "solutions" / ASSIGNMENT)
    nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=course)  # the English release and gradebook
    for student, source in (("li", regenerated / "solutions_zh_CN"), ("wang", regenerated / "exercises" / LANGUAGE),
                            ("bob", course / "exercises")):
        target = course / "submitted" / student / ASSIGNMENT
        target.mkdir(parents=True)
        shutil.copy(source / NAME, target / f"{ASSIGNMENT}.ipynb")
    # The Chinese release as handed out looks to nbgrader exactly like the English one (bob):
    # the same cells reported changed (nbgrader's own note on test cells with hidden tests), no other.
    def changed(student):
        proc = nbgrader("autograde", ASSIGNMENT, "--create", "--force", "--student", student, cwd=course)
        return sorted(line.split("WARNING]")[-1] for line in (proc.stdout + proc.stderr).splitlines()
                      if "has changed" in line)
    wang = changed("wang")
    assert wang == changed("bob")
    assert not [line for line in wang if "setup" in line]
    nbgrader("autograde", ASSIGNMENT, "--create", "--force", "--student", "li", cwd=course)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        def score(student):
            nb = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
            auto = [g for g in nb.grades if g.auto_score is not None]
            return sum(g.auto_score for g in auto), sum(g.max_score for g in auto)
        got, most = score("li")
        assert most > 0 and got == most
        assert score("wang")[0] == 0
    graded = nbformat.read(course / "autograded" / "li" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    assert any(c.get("id") == "learntools-language" for c in graded.cells)  # the language cell is kept
    assert "练习 2：广播" in graded.cells[0].source


@pytest.mark.parametrize("assignment", sorted(p.name for p in (ROOT / "exercises" / LANGUAGE).iterdir()
                                              if p.is_dir()))
def test_every_committed_chinese_exercise_matches_a_fresh_generate(assignment, tmp_path):
    """Is each exercises/zh_CN/<a> what the generator and nbgrader make from solutions/<a>
    and its page's catalogue now (so neither can drift from the English source)?"""
    course = course_copy(tmp_path, assignment)
    generate(course, assignment, LANGUAGE)
    nbgrader("generate_assignment", assignment, "--force", "--no-db",
             *edition_args(Course(course), LANGUAGE), cwd=course)
    name = f"{assignment}/{assignment}.ipynb"
    fresh = course / "exercises" / LANGUAGE / name
    committed = ROOT / "exercises" / LANGUAGE / name
    assert json.loads(committed.read_text()) == json.loads(fresh.read_text()), (
        f"exercises/{LANGUAGE}/{name} is out of date: run `make exercises`")
