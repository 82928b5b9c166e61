"""Set-up for the class-hub test: local users, commands run as them, and the JupyterHub process.

Everything made here is removed again, also when a test fails: the users
(with their homes, mail spool and group), their leftover processes (ended by
pid), the hub and its proxy.
"""
from __future__ import annotations

import contextlib
import json
import os
import pwd
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from browser import LAB_SETTINGS, free_port
from notebooks import ROOT

HUB_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
PROXY = Path(sys.prefix) / "node" / "node_modules" / ".bin" / "configurable-http-proxy"


def user_prefix() -> str:
    """A fresh prefix for this run's user names (no clash with real users or a parallel run)."""
    return "ltl" + secrets.token_hex(3)


@contextlib.contextmanager
def local_users(names: list[str], password: str):
    """Create local users with private homes and `password`; remove them (and their processes) after."""
    created = []
    try:
        for name in names:
            subprocess.run(["useradd", "--create-home", "--key", "HOME_MODE=0700", "--shell", "/bin/bash",
                            "--comment", "course hub test user", name], check=True, capture_output=True)
            created.append(name)
            subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True,
                           capture_output=True)
            _write_lab_settings(name)
        yield names
    finally:
        for name in created:
            _end_processes_of(pwd.getpwnam(name).pw_uid)
            subprocess.run(["userdel", "--remove", name], capture_output=True)


def _write_lab_settings(name: str) -> None:
    """No news toast over the page, no autosave racing the explicit saves (as in the lab test)."""
    for setting, value in LAB_SETTINGS.items():
        path = f"~{name}/.jupyter/lab/user-settings/{setting}"
        as_user(name, ["mkdir", "-p", os.path.dirname(os.path.expanduser(path))])
        as_user(name, ["tee", os.path.expanduser(path)], input=json.dumps(value))


def _end_processes_of(uid: int, grace: float = 10) -> None:
    """End what is still running as `uid` (a user this test created), by pid."""
    def pids():
        found = []
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    if entry.stat().st_uid == uid:
                        found.append(int(entry.name))
                except OSError:
                    pass
        return found

    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.time() + grace
        while pids() and time.time() < deadline:
            time.sleep(0.2)


def as_user(name: str, cmd: list[str], check: bool = True, **kw) -> subprocess.CompletedProcess:
    """Run `cmd` as local user `name`, with their home and no inherited privileges."""
    home = pwd.getpwnam(name).pw_dir
    env = {"HOME": home, "USER": name, "LOGNAME": name, "PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    return subprocess.run(["runuser", "-u", name, "--", *cmd], env=env, cwd="/", text=True,
                          capture_output=True, check=check, **kw)


def can_read(name: str, path: Path) -> bool:
    """Can user `name` read the file, or list the folder, at `path`?"""
    cmd = ["ls", str(path)] if path.is_dir() else ["head", "-c", "1", str(path)]
    return as_user(name, cmd, check=False).returncode == 0


class Hub:
    """A JupyterHub started with the course's hub/jupyterhub_config.py, on free ports of 127.0.0.1."""

    def __init__(self, workdir: Path, roster: dict, exchange: Path):
        self.state = workdir / "state"
        self.log_path = workdir / "jupyterhub.log"
        self.roster_path = workdir / "roster.json"
        self.roster_path.write_text(json.dumps(roster))
        self.exchange = exchange
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, COURSE_HUB_ROSTER=str(self.roster_path), COURSE_HUB_IP="127.0.0.1",
                        COURSE_HUB_PORT=str(self.port), COURSE_HUB_API_PORT=str(free_port()),
                        COURSE_HUB_PROXY_API_PORT=str(free_port()), COURSE_HUB_STATE=str(self.state),
                        COURSE_EXCHANGE=str(exchange))
        self.process = None

    def __enter__(self):
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)],
                                        cwd=str(self.log_path.parent), env=self.env,
                                        stdout=self._log, stderr=subprocess.STDOUT)
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_up(self, timeout: float = 120) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyterhub exited ({self.process.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api", timeout=5) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"jupyterhub did not answer in {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:]

    def __exit__(self, *exc):
        """Stop the hub (it stops the users' servers and its proxy); then make sure the proxy is gone."""
        proxy_pid_file = self.state / "proxy.pid"
        proxy_pid = int(proxy_pid_file.read_text()) if proxy_pid_file.exists() else None
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if proxy_pid:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(proxy_pid, signal.SIGTERM)
        self._log.close()
        return False
