"""The first program inside the sandbox: fill the working folder, load seccomp, exec the kernel.

It runs as `python -I -c <this file's code> [SOURCE] -- CMD...`, so it needs
nothing from the sandbox's view of the package. In order:

1. copy SOURCE (the submission's files, read-only) into the working folder,
   which is a sized tmpfs (what does not fit is left out and said so);
2. load a seccomp filter (libseccomp through `pyseccomp`) that refuses new
   user namespaces and a few kernel interfaces no notebook needs; it is kept
   across exec by every process the kernel starts;
3. exec CMD.
"""
import errno
import os
import shutil
import sys

# Refused outright: kernel attack surface that numpy/TensorFlow/matplotlib notebooks never use.
REFUSED = ("add_key", "bpf", "fanotify_init", "io_uring_enter", "io_uring_register", "io_uring_setup",
           "kexec_file_load", "kexec_load", "keyctl", "mount", "move_mount", "open_by_handle_at",
           "open_tree", "perf_event_open", "pivot_root", "process_vm_readv", "process_vm_writev",
           "ptrace", "request_key", "setns", "umount2", "userfaultfd")
CLONE_NEWUSER = 0x10000000


def seccomp_filter():
    import pyseccomp as sc

    f = sc.SyscallFilter(sc.ALLOW)
    for name in REFUSED:
        f.add_rule(sc.ERRNO(errno.EPERM), name)
    # No user namespace (the way back to capabilities): unshare/clone with CLONE_NEWUSER fail;
    # clone3 passes its flags in memory a filter cannot read, so it answers ENOSYS and libc uses clone.
    for name in ("unshare", "clone"):
        f.add_rule(sc.ERRNO(errno.EPERM), name, sc.Arg(0, sc.MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER))
    f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    return f


def fill(source, dest):
    """Copy the folder's contents (not the folder itself: its mount point belongs to bwrap)."""
    try:
        for entry in os.scandir(source):
            if entry.is_dir(follow_symlinks=False):
                shutil.copytree(entry.path, os.path.join(dest, entry.name), symlinks=False)
            elif entry.is_file(follow_symlinks=False):
                shutil.copy2(entry.path, os.path.join(dest, entry.name))
    except (OSError, shutil.Error) as err:
        sys.stderr.write(f"sandbox: not every submitted file fits the working folder: {err}\n")


def main(argv):
    split = argv.index("--")
    source, cmd = (argv[:split] or [None])[0], argv[split + 1:]
    if source:
        fill(source, os.getcwd())
    seccomp_filter().load()
    os.execvp(cmd[0], cmd)


def command(source):
    """The argv prefix that runs this file in the sandbox (before the kernel's own command)."""
    with open(__file__, encoding="utf-8") as f:
        code = f.read().split('"""', 2)[2]  # without the docstring: the command line stays short
    return [sys.executable, "-I", "-c", code, *([source] if source else []), "--"]


if __name__ == "__main__" and sys.argv and sys.argv[0] == "-c":
    main(sys.argv[1:])
