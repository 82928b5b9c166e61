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
