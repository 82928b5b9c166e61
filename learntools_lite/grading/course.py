"""Where things are in a course directory, and nbgrader's config for it."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"


def load_config(root: Path) -> Config:
    """The course's nbgrader_config.py, with the course root and gradebook pinned to `root`."""
    cfg = Config()
    if (root / CONFIG_FILE).exists():
        cfg = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
    cfg.CourseDirectory.root = str(root)
    cfg.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    return cfg


@dataclass
class Course:
    root: Path

    def __post_init__(self):
        self.root = Path(self.root).resolve()
        cd = load_config(self.root).CourseDirectory
        self.source = self.root / cd.get("source_directory", "source")
        self.release = self.root / cd.get("release_directory", "release")
        self.submitted = self.root / cd.get("submitted_directory", "submitted")
        self.autograded = self.root / cd.get("autograded_directory", "autograded")
        self.feedback = self.root / cd.get("feedback_directory", "feedback")
        self.gradebook = self.root / "gradebook.db"
        self.ignore = list(cd.get("ignore", [".ipynb_checkpoints", "*.pyc", "__pycache__"]))

    def notebooks(self, assignment: str) -> list[str]:
        """Names (without .ipynb) of the assignment's notebooks, from the solutions folder."""
        return sorted(p.stem for p in (self.source / assignment).glob("*.ipynb"))

    def students(self, assignment: str) -> list[str]:
        """Students with a submission of `assignment` in submitted/."""
        if not self.submitted.is_dir():
            return []
        return sorted(d.name for d in self.submitted.iterdir()
                      if (d / assignment).is_dir() and not d.name.startswith("."))


def copy_plain(src: Path, dest: Path, ignore=()) -> None:
    """Copy a folder tree, leaving out symlinks and special files.

    A submission is untrusted: a symlink to ../../solutions must not be
    followed by the (unsandboxed) grader while it copies files around.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(src):
        if entry.is_symlink() or any(Path(entry.name).match(p) for p in ignore):
            continue
        if entry.is_dir(follow_symlinks=False):
            copy_plain(Path(entry.path), dest / entry.name, ignore)
        elif entry.is_file(follow_symlinks=False):
            shutil.copy2(entry.path, dest / entry.name, follow_symlinks=False)
