"""Does the class hub's roster and exchange set-up (hub/classroom.py) refuse bad input clearly?"""
from __future__ import annotations

import json
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from notebooks import ROOT

sys.path.insert(0, str(ROOT / "hub"))
import classroom  # noqa: E402

EXISTING = "root"     # a user every Linux machine has
MISSING = "ltl-no-such-user-x"


def write(tmp_path, data) -> str:
    path = tmp_path / "roster.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_a_good_roster_gives_each_user_a_role(tmp_path):
    roster = classroom.Roster.load(write(tmp_path, {"instructors": [EXISTING], "students": []}))
    assert roster.role(EXISTING) == "instructor"
    assert roster.role("someone-else") == "student"


@pytest.mark.parametrize("data, message", [
    ("{not json", "not valid JSON"),
    ([EXISTING], "expected an object"),
    ({"instructors": EXISTING}, "must be a list"),
    ({"instructors": []}, "at least one instructor"),
    ({"instructors": ["Bad Name"]}, "not usable as local user names"),
    ({"instructors": [EXISTING], "students": [EXISTING]}, "listed as instructor and as student"),
    ({"instructors": [EXISTING], "students": [MISSING]}, f"no such local user: {MISSING}"),
])
def test_a_bad_roster_is_refused_with_the_reason(tmp_path, data, message):
    with pytest.raises(classroom.RosterError, match=message):
        classroom.Roster.load(write(tmp_path, data))


def test_a_missing_roster_says_how_to_write_one(tmp_path):
    with pytest.raises(classroom.RosterError, match="roster.example.json"):
        classroom.Roster.load(tmp_path / "absent.json")


@pytest.fixture
def open_dir():
    """A folder every user can reach (pytest's tmp_path lives under a private folder)."""
    path = Path(tempfile.mkdtemp(prefix="ltl-classroom-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


def test_the_exchange_is_world_writable_and_sticky(open_dir):
    exchange = classroom.prepare_exchange(open_dir / "exchange")
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o1777


def test_an_exchange_users_cannot_reach_is_refused(open_dir):
    hidden = open_dir / "private"
    hidden.mkdir(mode=0o700)
    with pytest.raises(PermissionError, match="not searchable"):
        classroom.prepare_exchange(hidden / "exchange")


def test_the_course_id_is_the_course_config_s():
    assert classroom.course_id() == "dl-from-the-math-up"
