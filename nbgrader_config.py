"""nbgrader configuration of the course: the repository root is the course directory.

solutions/<assignment>/  instructor notebooks (nbgrader "source")
exercises/<assignment>/  student notebooks, generated: `make exercises`
"""
c = get_config()  # noqa: F821  (provided by nbgrader)

c.CourseDirectory.course_id = "dl-from-the-math-up"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", ".*", "*.db"]

# What a learner sees where a solution was: the blank that check() recognises.
c.ClearSolutions.code_stub = {"python": "____  # YOUR CODE HERE"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Cells run with a per-cell limit; exercise 5 trains a small CNN, the slowest cell.
c.Execute.timeout = 300
c.Execute.interrupt_on_timeout = True

# Grading time per assignment (read by `python -m learntools_lite.grading autograde` and
# `release`; see learntools_lite/grading/time_limits.py). NumPy exercises get short cell
# limits, so a student's infinite loop costs seconds, not minutes; the Keras ones more.
# `release` grades each solution with these limits: a limit too tight fails the release.
c.GradingTimes.cell_timeout = {
    "ex1_tensors": 30, "ex2_broadcasting": 30, "ex3_sgd": 120, "ex4_backprop": 60, "ex5_cnn": 300}
c.GradingTimes.submission_timeout = {
    "ex1_tensors": 300, "ex2_broadcasting": 300, "ex3_sgd": 900, "ex4_backprop": 600, "ex5_cnn": 1200}

# A deleted graded cell is put back (and scores 0) instead of being skipped silently.
c.OverwriteCells.add_missing_cells = True

# Feedback goes back to students: it must not show hidden tests, neither in
# the test cells' source nor quoted in their tracebacks. Order matters:
# tracebacks are shortened before the hidden tests are cut from the source.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "learntools_lite.grading.feedback.ShortenTestTracebacks",
    "learntools_lite.grading.feedback.RedactHiddenTests",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Find-the-bug questions: the released answer cell shows the buggy starter code kept in
# the cell's metadata (learntools.starter) instead of the blank; see
# learntools_lite/grading/starter_code.py. Otherwise nbgrader's own pipeline, unchanged.
from nbgrader.converters import GenerateAssignment  # noqa: E402
from learntools_lite.grading.starter_code import ClearSolutionsKeepStarter  # noqa: E402
from nbgrader.preprocessors import ClearSolutions  # noqa: E402

c.GenerateAssignment.preprocessors = [
    ClearSolutionsKeepStarter if p is ClearSolutions else p
    for p in GenerateAssignment.class_traits()["preprocessors"].default()]
c.ClearSolutionsKeepStarter.code_stub = c.ClearSolutions.code_stub
c.ClearSolutionsKeepStarter.text_stub = c.ClearSolutions.text_stub
