"""The sandbox a submission's kernel runs in: bubblewrap plus resource limits.

Why: nbgrader runs student code as the instructor. Inside this sandbox the
kernel sees a read-only Python (interpreter, venv, learntools_lite), its own
scratch copy of the submission's files, an empty /tmp, and nothing else: no
course directory (so no `solutions/`, no `gradebook.db`, no other student),
no network (own network namespace), no other processes (own PID namespace),
no capabilities, and rlimits on CPU time, memory, processes and file size.

When the grader runs as root, the kernel runs as an unprivileged uid of its
own (bwrap keeps CAP_SETUID only long enough for `setpriv` to drop to it),
which also makes RLIMIT_NPROC count this kernel's processes only.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

NO_SANDBOX_HINT = (
    "bubblewrap (bwrap) is not available, so student code cannot be sandboxed.\n"
    "Install it (Debian/Ubuntu: apt-get install -y bubblewrap), or, only for code you\n"
    "trust, pass --no-sandbox to grade without a sandbox."
)


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or does not work on this machine."""


@dataclass
class Limits:
    """Per-kernel resource limits (rlimits, inherited by everything the kernel starts)."""

    cpu_seconds: int = 600          # RLIMIT_CPU: SIGXCPU then SIGKILL
    memory_bytes: int = 4 << 30     # RLIMIT_AS: MemoryError in Python, or the kernel dies
    processes: int = 256            # RLIMIT_NPROC (threads count too: TensorFlow needs ~100)
    file_bytes: int = 64 << 20      # RLIMIT_FSIZE: largest file the kernel may write
    open_files: int = 1024          # RLIMIT_NOFILE
    output_bytes: int = 1 << 20     # text a notebook may record as output (enforced by the executor)


def _ro_paths() -> list[str]:
    """What the kernel must read: the interpreter, the venv and learntools_lite's source."""
    import learntools_lite

    paths = {sys.base_prefix, sys.prefix, str(Path(learntools_lite.__file__).resolve().parent.parent
                                              / "learntools_lite")}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        paths.add(sysconfig.get_path(key))
    paths = {str(Path(p).resolve()) for p in paths}
    # Keep only the outermost of nested paths; never bind system roots twice.
    keep = sorted(p for p in paths if not any(p != q and p.startswith(q + os.sep) for q in paths))
    return [p for p in keep if not p.startswith("/usr/")]


def _parents(path: str) -> list[str]:
    parts = Path(path).parts[1:]
    return ["/" + "/".join(parts[:i]) for i in range(1, len(parts))]


@dataclass
class Sandbox:
    """Builds the command line that runs a kernel inside bubblewrap."""

    limits: Limits = field(default_factory=Limits)
    bwrap: str | None = field(default_factory=lambda: shutil.which("bwrap"))
    setpriv: str | None = field(default_factory=lambda: shutil.which("setpriv"))

    def check(self) -> None:
        """Raise SandboxUnavailable unless a trivial sandboxed command runs."""
        if not self.bwrap:
            raise SandboxUnavailable(NO_SANDBOX_HINT)
        probe = subprocess.run(self.wrap([sys.executable, "-c", "pass"], cwd=None, writable=[],
                                          uid=self.kernel_uid()),
                               capture_output=True, text=True, preexec_fn=self.preexec, timeout=60)
        if probe.returncode != 0:
            raise SandboxUnavailable(f"bubblewrap is installed but failed:\n{probe.stderr.strip()}\n\n"
                                     + NO_SANDBOX_HINT)

    @staticmethod
    def kernel_uid() -> int | None:
        """An unprivileged uid of this worker's own, when we are root (else None: stay as we are)."""
        if os.geteuid() != 0:
            return None
        return 200_000 + os.getpid() % 100_000

    def wrap(self, cmd: list[str], cwd: str | None, writable: list, uid: int | None) -> list[str]:
        """`cmd` run in a fresh sandbox with `writable` dirs bound read-write.

        Each item of `writable` is a path (bound at its own path) or a pair
        (host path, path inside the sandbox).
        """
        if not self.bwrap:
            raise SandboxUnavailable(NO_SANDBOX_HINT)
        args = [self.bwrap, "--clearenv",
                "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try", "--die-with-parent", "--new-session",
                "--ro-bind", "/usr", "/usr"]
        for link in ("bin", "sbin", "lib", "lib64", "lib32", "libx32"):
            target = Path("/", link)
            if target.is_symlink():
                args += ["--symlink", os.readlink(target), f"/{link}"]
            elif target.is_dir():
                args += ["--ro-bind", str(target), f"/{link}"]
        for name in ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf"):
            if Path("/etc", name).exists():
                args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
        args += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp",
                 "--perms", "1777", "--tmpfs", "/dev/shm"]
        binds = [("--ro-bind", p, p) for p in _ro_paths()]
        binds += [("--bind", *(w if isinstance(w, tuple) else (w, w))) for w in writable]
        made = {"/", "/tmp", "/usr", "/etc", "/dev", "/proc"}
        for _, _, dest in binds:
            for parent in _parents(str(dest)):
                if parent not in made:
                    args += ["--perms", "0755", "--dir", parent]
                    made.add(parent)
        for flag, src, dest in binds:
            args += [flag, str(src), str(dest)]
        if cwd:
            args += ["--chdir", cwd]
        for name, value in self.env().items():
            args += ["--setenv", name, value]
        if uid is not None:
            args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                     self.setpriv or "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                     "--inh-caps=-all", "--bounding-set=-all"]
        else:
            args += ["--unshare-user", "--"]
        return args + cmd

    @staticmethod
    def env() -> dict[str, str]:
        """The kernel's environment: nothing inherited but what Python and our libraries need."""
        return {"HOME": "/tmp", "TMPDIR": "/tmp", "IPYTHONDIR": "/tmp/.ipython",
                "MPLCONFIGDIR": "/tmp/.matplotlib", "PYTHONNOUSERSITE": "1",
                "TF_CPP_MIN_LOG_LEVEL": "2", "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
                "LANG": "C.UTF-8", "NBGRADER_EXECUTION": "autograde"}

    def preexec(self) -> None:
        """Set the rlimits in the child before it execs bwrap; the kernel inherits them."""
        lim = self.limits
        nproc = lim.processes
        if os.geteuid() != 0:
            # Without a uid of its own, RLIMIT_NPROC counts all of the instructor's processes.
            nproc += _processes_of(os.getuid())
        for res, value in ((resource.RLIMIT_CPU, lim.cpu_seconds), (resource.RLIMIT_AS, lim.memory_bytes),
                           (resource.RLIMIT_NPROC, nproc), (resource.RLIMIT_FSIZE, lim.file_bytes),
                           (resource.RLIMIT_NOFILE, lim.open_files), (resource.RLIMIT_CORE, 0)):
            resource.setrlimit(res, (value, value))


def _processes_of(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                count += len(os.listdir(f"/proc/{entry.name}/task")) if os.stat(entry.path).st_uid == uid else 0
            except OSError:
                pass
    return count
