"""The class on a JupyterHub: who is who, where the exchange is, what each role's server loads.

Read by `hub/jupyterhub_config.py` (the hub) and by the tests. One place
decides:

- the roster (instructors and students, local user names) from a JSON file
  `{"instructors": ["alice"], "students": ["bob", "carol"]}`;
- the shared nbgrader exchange: a folder every user may write into, with the
  sticky bit so that nobody renames or deletes what another user put there
  (nbgrader documents `chmod ugo+rw`; inside it, `release_assignment` makes
  the course's `inbound/` write-only for students, so nobody lists the
  submissions);
- each instructor's course directory, `~/course`: a private copy (mode 0700)
  of the course's `nbgrader_config.py`, `solutions/` and `exercises/`, made
  the first time their server starts; the gradebook lives there;
- the Jupyter config folder each role's server reads first
  (`JUPYTER_CONFIG_PATH`): `hub/student/` turns off the instructor tools
  (formgrader, Create Assignment, the course list), `hub/instructor/`
  points the formgrader at `~/course`. Both run terminals as a plain
  (non-login) bash: a login shell reads /etc/profile, which would put the
  system's Python before the course's on PATH.
"""
from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

HUB_DIR = Path(__file__).resolve().parent
COURSE_ROOT = HUB_DIR.parent
COURSE_FILES = ("nbgrader_config.py", "solutions", "exercises")
EXCHANGE_MODE = 0o1777
_USER_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


class RosterError(ValueError):
    """The roster file is missing or says something we cannot use."""


def course_id(root: Path = COURSE_ROOT) -> str:
    """The course id of the course's own nbgrader_config.py (one source for the hub and nbgrader)."""
    from traitlets.config.loader import PyFileConfigLoader

    cfg = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    return cfg.CourseDirectory.course_id


@dataclass(frozen=True)
class Roster:
    instructors: tuple[str, ...]
    students: tuple[str, ...]

    @classmethod
    def load(cls, path: Path) -> "Roster":
        path = Path(path)
        if not path.is_file():
            raise RosterError(f"no roster file {path}: write one like hub/roster.example.json "
                              "(local user names of the instructors and the students)")
        try:
            data = json.loads(path.read_text())
        except json.JSONDecodeError as err:
            raise RosterError(f"{path} is not valid JSON: {err}") from None
        if not isinstance(data, dict):
            raise RosterError(f"{path}: expected an object with \"instructors\" and \"students\"")
        names = {}
        for role in ("instructors", "students"):
            value = data.get(role, [])
            if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
                raise RosterError(f"{path}: \"{role}\" must be a list of user names")
            bad = [n for n in value if not _USER_NAME.match(n)]
            if bad:
                raise RosterError(f"{path}: not usable as local user names: {', '.join(bad)}")
            names[role] = tuple(value)
        if not names["instructors"]:
            raise RosterError(f"{path}: the class needs at least one instructor")
        both = set(names["instructors"]) & set(names["students"])
        if both:
            raise RosterError(f"{path}: listed as instructor and as student: {', '.join(sorted(both))}")
        missing = [n for n in names["instructors"] + names["students"] if not _user_exists(n)]
        if missing:
            raise RosterError(f"{path}: no such local user: {', '.join(missing)} "
                              "(create them first, e.g. `sudo useradd -m NAME && sudo passwd NAME`)")
        return cls(**names)

    def role(self, name: str) -> str:
        return "instructor" if name in self.instructors else "student"


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def prepare_exchange(path: Path) -> Path:
    """Create the exchange folder (world-writable, sticky); refuse one with looser or odd permissions."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode != EXCHANGE_MODE:
        os.chmod(path, EXCHANGE_MODE)
    for parent in path.parents:
        if not stat.S_IMODE(parent.stat().st_mode) & stat.S_IXOTH:
            raise PermissionError(f"users cannot reach the exchange {path}: {parent} is not searchable "
                                  "by others (chmod o+x it, or choose another exchange folder)")
    return path


def course_dir(user: str) -> Path:
    return Path(pwd.getpwnam(user).pw_dir) / "course"


def prepare_course_dir(user: str, source: Path = COURSE_ROOT) -> Path:
    """The instructor's private course directory, copied from the course the first time."""
    dest = course_dir(user)
    if dest.exists():
        return dest
    entry = pwd.getpwnam(user)
    dest.mkdir(mode=0o700)
    for name in COURSE_FILES:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy(src, dest / name)
    for folder, dirs, files in os.walk(dest):
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        for f in files:
            os.chown(os.path.join(folder, f), entry.pw_uid, entry.pw_gid)
    os.chmod(dest, 0o700)
    return dest


def server_environment(user: str, role: str, exchange: Path, course: str, bin_dir: Path) -> dict[str, str]:
    """What a user's single-user server gets in its environment, by role (`bin_dir`: the users' Python's)."""
    env = {
        "JUPYTER_CONFIG_PATH": str(HUB_DIR / role),
        "NBGRADER_EXCHANGE": str(exchange),
        "NBGRADER_COURSE_ID": course,
        "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "TF_CPP_MIN_LOG_LEVEL": "2",
    }
    if role == "instructor":
        env["COURSE_DIR"] = str(course_dir(user))
    return env
