"""nbgrader settings of an instructor's server on the class hub.

The course, the exchange, and the instructor's private course directory
(~/course, with the gradebook) where the formgrader and every nbgrader
command of the instructor work. The course's own settings (solution stubs,
timeouts, feedback) stay in ~/course/nbgrader_config.py, which nbgrader
reads when run from that folder.
"""
import os

c = get_config()  # noqa: F821  (provided by nbgrader)
c.CourseDirectory.course_id = os.environ["NBGRADER_COURSE_ID"]
c.Exchange.root = os.environ["NBGRADER_EXCHANGE"]
# The server (started in the home folder) and commands run outside a course folder
# work on ~/course. A folder with its own nbgrader_config.py is a course of its own
# (~/course itself, or the temporary copy in which the course's release check grades
# the solutions): there nbgrader keeps its default, the current folder.
if not os.path.exists("nbgrader_config.py"):
    c.CourseDirectory.root = os.environ["COURSE_DIR"]
