"""Parallel test runs (`make test`: pytest-xdist, --dist loadgroup) set each
module-scoped fixture up once, on one worker, while other tests spread out.

Runs a real pytest -n 2 on a small generated suite that uses the course's
conftest.py, and reads which worker ran what.
"""
import json
import shutil
import subprocess
import sys

from notebooks import ROOT

SUITE = '''
import json, os, pathlib, pytest

LOG = pathlib.Path(__file__).with_name("log.jsonl")

def note(**kw):
    with LOG.open("a") as f:
        f.write(json.dumps(dict(worker=os.environ["PYTEST_XDIST_WORKER"], **kw)) + "\\n")

@pytest.fixture(scope="module")
def expensive():
    note(setup="expensive")
    return 1

@pytest.mark.parametrize("i", range(6))
def test_shares_the_fixture(expensive, i):
    note(test="shared", i=i)

@pytest.mark.parametrize("i", range(6))
def test_alone(i):
    note(test="alone", i=i)
'''


def test_module_fixture_tests_stay_on_one_worker_and_others_spread(tmp_path):
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path)
    (tmp_path / "test_suite.py").write_text(SUITE)
    done = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q",
                           "-p", "no:cacheprovider", "-p", "no:randomly"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    log = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    setups = [e for e in log if e.get("setup")]
    shared_workers = {e["worker"] for e in log if e.get("test") == "shared"}
    assert len(setups) == 1, f"the module fixture was set up {len(setups)} times: {setups}"
    assert shared_workers == {setups[0]["worker"]}
    assert len([e for e in log if e.get("test")]) == 12
    assert {e["worker"] for e in log} == {"gw0", "gw1"}, "the other tests were not spread"
