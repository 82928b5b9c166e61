"""Per-submission totals, enforced from outside the sandbox.

rlimits bound each process on its own: three forked children may each take
the whole memory limit, and a CPU burner may run in many processes. Cgroups
would bound the sum, but this machine's cgroups belong to its own services,
so the grading worker sums instead. It sees every process of a sandbox: all
of them live in the PID namespace under bwrap (orphans are re-parented to
the namespace's init, never outside it). Every `interval` seconds it sums,
per sandbox,

- memory: each process's proportional set size (shared pages split between
  the processes sharing them, so forked children are not counted twice),
  without tmpfs pages, plus what the sandbox's tmpfs hold (/tmp, /dev/shm,
  the working folder: RAM-backed files); measured exactly only once the
  cheaper sum of resident sets, an upper bound, is over the limit;
- CPU time of all its processes, plus what exited children handed to their
  parents;
- processes and threads;
- files written on disk (folders bound read-write, such as the kernel's
  socket folder), and which tmpfs are full;

and when one is over its limit it kills the namespace's init, which takes the
whole sandbox with it, and records why (`on_stop`).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import psutil

from .sandbox import Limits


@dataclass
class Usage:
    memory_bytes: int = 0
    cpu_seconds: float = 0.0
    processes: int = 0
    tmpfs_bytes: int = 0
    disk_bytes: int = 0
    full: tuple[str, ...] = ()


def children_map() -> dict[int, list[int]]:
    """{parent pid: child pids} of every process, from one pass over /proc.

    psutil's `children()` makes such a pass at every call; the watch needs the tree
    several times per poll, on a machine that may run hundreds of processes."""
    found: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
                ppid = int(stat[stat.rindex(b")") + 2:].split(None, 2)[1])  # after "(comm) state"
            except (OSError, ValueError, IndexError):
                continue
            found.setdefault(ppid, []).append(int(entry.name))
    return found


def descendants(pid: int, tree: dict[int, list[int]]) -> list[int]:
    found, todo = [], list(tree.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo += tree.get(child, [])
    return found


def sandbox_inits(parent: int, bwrap: str, tree: dict[int, list[int]] | None = None) -> list[psutil.Process]:
    """The PID-namespace init of every sandbox (bwrap child) started by process `parent`."""
    tree = children_map() if tree is None else tree
    inits = []
    for child in tree.get(parent, []):
        try:
            if os.path.realpath(f"/proc/{child}/exe") == bwrap:
                inits += [psutil.Process(pid) for pid in tree.get(child, [])]
        except (psutil.Error, OSError):
            continue
    return inits


def usage(init: psutil.Process, memory_limit: int | None = None,
          tree: dict[int, list[int]] | None = None) -> Usage:
    """What the sandbox whose namespace init is `init` uses right now.

    Memory is summed from each process's resident set (statm, cheap) first. A
    process's RSS is at least its PSS, so while that sum is within `memory_limit`
    the exact figure is too, and it is what `memory_bytes` holds. Only over it
    is memory summed exactly, as PSS from smaps_rollup (whose cost grows with the
    process's mappings: TensorFlow's are many). `tree`: a `children_map()` to reuse."""
    found = Usage()
    tree = children_map() if tree is None else tree
    procs = [init]
    for pid in descendants(init.pid, tree):
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            continue
    alive = []
    for proc in procs:
        try:
            with proc.oneshot():
                cpu = proc.cpu_times()
                found.cpu_seconds += cpu.user + cpu.system + cpu.children_user + cpu.children_system
                found.processes += proc.num_threads()
                found.memory_bytes += proc.memory_info().rss
            alive.append(proc)
        except (psutil.Error, OSError):
            continue
    found.tmpfs_bytes, found.disk_bytes, found.full = _files_used(init.pid)
    found.memory_bytes += found.tmpfs_bytes
    if memory_limit is not None and found.memory_bytes <= memory_limit:
        return found
    found.memory_bytes = found.tmpfs_bytes
    for proc in alive:
        try:
            mem = proc.memory_full_info()
            found.memory_bytes += max(0, getattr(mem, "pss", mem.rss) - _pss_shmem(proc.pid))
        except (psutil.Error, OSError):
            continue
    return found


def _pss_shmem(pid: int) -> int:
    """Pages of tmpfs files mapped by the process (counted once, with the tmpfs, not twice)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss_Shmem:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


_NOT_FILES = {"proc", "sysfs", "devpts", "mqueue", "devtmpfs", "cgroup", "cgroup2"}


def _files_used(pid: int) -> tuple[int, int, tuple[str, ...]]:
    """(bytes in the sandbox's tmpfs, bytes in its read-write disk folders, tmpfs that are full)."""
    tmpfs = disk = 0
    full = []
    try:
        lines = Path(f"/proc/{pid}/mountinfo").read_text().splitlines()
    except OSError:
        return 0, 0, ()
    for line in lines:
        left, _, right = line.partition(" - ")
        fields, fstype = left.split(" "), right.split(" ", 1)[0]
        mount_point = fields[4].replace("\\040", " ")
        seen = f"/proc/{pid}/root{mount_point}"
        if fstype == "tmpfs" and fields[3] in ("/", "/newroot"):  # its own (bwrap's root, /tmp, ...)
            try:
                st = os.statvfs(seen)
            except OSError:
                continue
            tmpfs += (st.f_blocks - st.f_bfree) * st.f_frsize
            if st.f_blocks and st.f_bavail * st.f_frsize < (1 << 20):
                full.append(mount_point)
        elif fstype not in _NOT_FILES and fields[5].split(",")[0] == "rw":  # a host folder bound writable
            disk += _du(seen)
    return tmpfs, disk, tuple(full)


def _du(folder: str) -> int:
    """Bytes of the files under `folder`, on its own filesystem only."""
    total = 0
    try:
        device = os.stat(folder).st_dev
    except OSError:
        return 0
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if _same_device(os.path.join(root, d), device)]
        for name in names:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except OSError:
                pass
    return total


def _same_device(path: str, device: int) -> bool:
    try:
        return os.lstat(path).st_dev == device
    except OSError:
        return False


def over_limit(used: Usage, limits: Limits) -> str | None:
    """Why this usage must stop the sandbox, or None."""
    if used.memory_bytes > limits.memory_bytes:
        return (f"memory: {_mb(used.memory_bytes)} in use (processes {_mb(used.memory_bytes - used.tmpfs_bytes)}"
                f" + files in /tmp, /dev/shm and the working folder {_mb(used.tmpfs_bytes)}), over the "
                f"submission's total of {_mb(limits.memory_bytes)}")
    if used.cpu_seconds > limits.cpu_seconds:
        return f"CPU time: {used.cpu_seconds:.0f} s used by all its processes, over the total of {limits.cpu_seconds} s"
    if used.full:
        return (f"files: {', '.join(used.full)} full ({_mb(limits.scratch_bytes)} each, "
                "the size of /tmp, /dev/shm and the working folder)")
    if used.disk_bytes > limits.scratch_bytes:
        return f"files: {_mb(used.disk_bytes)} written to disk, over {_mb(limits.scratch_bytes)}"
    if used.processes >= limits.processes:
        return f"processes: {used.processes} processes and threads at once, the limit is {limits.processes}"
    return None


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB"


class TotalsWatch:
    """A thread that enforces `limits` as totals on every sandbox this process starts."""

    def __init__(self, limits: Limits, bwrap: str, on_stop: Callable[[str], None], interval: float = 0.25):
        self.limits, self.bwrap, self.on_stop, self.interval = limits, os.path.realpath(bwrap), on_stop, interval
        self._stopped: set[int] = set()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="totals-watch", daemon=True)

    def __enter__(self) -> "TotalsWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            tree = children_map()
            for init in sandbox_inits(os.getpid(), self.bwrap, tree):
                if init.pid in self._stopped:
                    continue
                used = usage(init, self.limits.memory_bytes, tree)
                why = over_limit(used, self.limits)
                if why:
                    try:
                        init.kill()  # the namespace's init: the kernel kills everything else in it
                    except psutil.NoSuchProcess:
                        continue
                    self._stopped.add(init.pid)
                    self.on_stop(f"sandbox stopped, over its {why}")
