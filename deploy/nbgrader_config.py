"""nbgrader configuration of every single-user server on a class hub.

Installed as /etc/jupyter/nbgrader_config.py in each user's pod (see
deploy/z2jh-values.yaml); the instructor's course directory adds the course's
own nbgrader_config.py (solutions/, exercises/, grading) on top of it.
"""
c = get_config()  # noqa: F821  (provided by nbgrader)

c.CourseDirectory.course_id = "dl-from-the-math-up"
# The shared exchange volume; world-writable with the sticky bit (mode 1777),
# as nbgrader requires.
c.Exchange.root = "/srv/nbgrader/exchange"
