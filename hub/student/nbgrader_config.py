"""nbgrader settings of a student's server on the class hub: which course, which exchange.

The hub puts this folder first on JUPYTER_CONFIG_PATH and the values in the
server's environment (see hub/classroom.py).
"""
import os

c = get_config()  # noqa: F821  (provided by nbgrader)
c.CourseDirectory.course_id = os.environ["NBGRADER_COURSE_ID"]
c.Exchange.root = os.environ["NBGRADER_EXCHANGE"]
