"""The sandbox a submission's kernel runs in: bubblewrap plus resource limits.

Why: nbgrader runs student code as the instructor. Inside this sandbox the
kernel sees a read-only Python (interpreter, venv, learntools_lite), a copy
of the submission's files as its working folder, an empty /tmp, and nothing
else: no course directory (so no `solutions/`, no `gradebook.db`, no other
student), no network (own network namespace), no other processes (own PID
namespace), no capabilities, no new user namespaces, a seccomp filter, and a
lower CPU priority than the grader.

Limits are per submission, not per process: /tmp, /dev/shm and the working
folder are tmpfs of a fixed size (RAM-backed, so they count towards the
memory total too), and `totals.TotalsWatch` sums memory, CPU time and
processes over the sandbox's whole PID namespace and stops the sandbox when
a total is over. The rlimits set here are the per-process backstop.

When the grader runs as root, the kernel runs as an unprivileged uid of its
own (bwrap keeps CAP_SETUID only long enough for `setpriv` to drop to it),
which also makes RLIMIT_NPROC count this sandbox's processes only.
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

from . import sandbox_init

# Where the working folder's original files are seen (read-only) inside the sandbox.
SUBMISSION = "/run/submission"

NO_SANDBOX_HINT = (
    "bubblewrap (bwrap) is not available, so student code cannot be sandboxed.\n"
    "Install it (Debian/Ubuntu: apt-get install -y bubblewrap), or, only for code you\n"
    "trust, pass --no-sandbox to grade without a sandbox."
)


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or does not work on this machine."""


@dataclass
class Limits:
    """One submission's resource limits: totals over its whole sandbox unless said otherwise."""

    cpu_seconds: int = 600          # CPU time of all its processes together (and RLIMIT_CPU of each)
    memory_bytes: int = 4 << 30     # memory of all its processes plus its tmpfs (and RLIMIT_AS of each)
    processes: int = 256            # processes and threads at once (TensorFlow needs ~100); RLIMIT_NPROC
    scratch_bytes: int = 256 << 20  # size of each of /tmp, /dev/shm and the working folder (tmpfs)
    file_bytes: int = 64 << 20      # RLIMIT_FSIZE: largest file a process may write
    open_files: int = 1024          # RLIMIT_NOFILE of each process
    output_bytes: int = 1 << 20     # output a notebook may record, tracebacks and display updates included
    nice: int = 10                  # niceness of every process (the grader's is 0); see `preexec`
    threads: int = 0                # compute threads (BLAS, TensorFlow) of each kernel; 0: cores / workers


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

    def wrap(self, cmd: list[str], cwd: str | None, writable: list, uid: int | None,
             env: dict[str, str] | None = None) -> list[str]:
        """`cmd` run in a fresh sandbox with `writable` dirs bound read-write (and `env` added
        to the sandbox's own environment).

        Each item of `writable` is a path (bound at its own path) or a pair
        (host path, path inside the sandbox). A pair whose inside path is
        `cwd` is the working folder: a tmpfs of `scratch_bytes` that starts
        as a copy of the host folder (bound read-only at `SUBMISSION`), so
        what the kernel writes there is bounded and never reaches the disk.
        """
        if not self.bwrap:
            raise SandboxUnavailable(NO_SANDBOX_HINT)
        size = str(self.limits.scratch_bytes)
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
        args += ["--perms", "0755", "--dir", "/etc"]  # else bwrap makes it 0700: the loader's cache unreadable
        for name in ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf"):
            if Path("/etc", name).exists():
                args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
        args += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--size", size, "--tmpfs", "/tmp",
                 "--perms", "1777", "--size", size, "--tmpfs", "/dev/shm"]
        binds = [("--ro-bind", p, p) for p in _ro_paths()]
        copy_from = None
        for item in writable:
            src, dest = item if isinstance(item, tuple) else (item, item)
            if cwd and str(dest) == str(cwd):
                copy_from = str(src)
                binds += [("--perms", "0777", "--size", size, "--tmpfs", str(dest)),
                          ("--ro-bind", copy_from, SUBMISSION)]
            else:
                binds.append(("--bind", src, dest))
        made = {"/", "/tmp", "/usr", "/etc", "/dev", "/proc"}
        for bind in binds:
            for parent in _parents(str(bind[-1])):
                if parent not in made:
                    args += ["--perms", "0755", "--dir", parent]
                    made.add(parent)
        for bind in binds:
            args += [str(a) for a in bind]
        if cwd:
            args += ["--chdir", cwd]
        for name, value in {**self.env(), **(env or {})}.items():
            args += ["--setenv", name, value]
        if uid is not None:
            args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                     self.setpriv or "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                     "--inh-caps=-all", "--bounding-set=-all"]
        else:
            args += ["--unshare-user", "--disable-userns", "--"]
        return args + sandbox_init.command(copy_from and SUBMISSION) + cmd

    def env(self) -> dict[str, str]:
        """The kernel's environment: nothing inherited but what Python and our libraries need."""
        return {"HOME": "/tmp", "TMPDIR": "/tmp", "IPYTHONDIR": "/tmp/.ipython",
                "MPLCONFIGDIR": "/tmp/.matplotlib", "PYTHONNOUSERSITE": "1",
                "TF_CPP_MIN_LOG_LEVEL": "2", "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
                "LANG": "C.UTF-8", "NBGRADER_EXECUTION": "autograde", **thread_env(self.limits.threads)}

    def preexec(self) -> None:
        """Set the rlimits in the child before it execs bwrap; the kernel inherits them."""
        lim = self.limits
        nproc = lim.processes
        if os.geteuid() != 0:
            # Without a uid of its own, RLIMIT_NPROC counts all of the instructor's processes.
            nproc += _processes_of(os.getuid())
        os.setpriority(os.PRIO_PROCESS, 0, lim.nice)
        for res, value in ((resource.RLIMIT_CPU, lim.cpu_seconds), (resource.RLIMIT_AS, lim.memory_bytes),
                           (resource.RLIMIT_NPROC, nproc), (resource.RLIMIT_FSIZE, lim.file_bytes),
                           (resource.RLIMIT_NOFILE, lim.open_files), (resource.RLIMIT_CORE, 0)):
            resource.setrlimit(res, (value, value))


def thread_env(threads: int) -> dict[str, str]:
    """Environment variables that give NumPy's BLAS and TensorFlow `threads` compute threads
    (none for 0: the libraries' own default, one thread per core).

    Parallel grading runs one kernel per worker; with each library's default, N workers on
    C cores run N x C busy threads, and a thread that waits for a busy core spins. With
    C // N threads each, the kernels share the cores without spinning."""
    if threads <= 0:
        return {}
    n = str(threads)
    return {"OMP_NUM_THREADS": n, "OPENBLAS_NUM_THREADS": n, "MKL_NUM_THREADS": n,
            "TF_NUM_INTRAOP_THREADS": n, "TF_NUM_INTEROP_THREADS": str(max(2, threads))}


def threads_per_worker(workers: int) -> int:
    """The cores this process may run on, shared out among `workers` (at least one each)."""
    return max(1, len(os.sched_getaffinity(0)) // max(1, workers))


def _processes_of(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                count += len(os.listdir(f"/proc/{entry.name}/task")) if os.stat(entry.path).st_uid == uid else 0
            except OSError:
                pass
    return count
