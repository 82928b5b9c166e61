"""The instructor's side: nbgrader customisations and commands around nbgrader."""
