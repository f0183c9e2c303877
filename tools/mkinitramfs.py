#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Write a cpio "newc" archive (magic 070701) for the kernel's initramfs.

    mkinitramfs.py -o OUT.cpio [--dir PATH:MODE]... [--dev PATH:c|b:MAJ:MIN:MODE]...
                   TREE [TREE...]

Every TREE's files go in at their path below the TREE, later TREEs
overlaying earlier ones (a file of a later tree replaces the same path
of an earlier one).  --dir and --dev add entries that a tree cannot
hold without root, or that git cannot hold: directories with their mode
(/tmp 1777, an empty /proc) and device nodes (/dev/console 5:1), as the
"dir" and "nod" lines of Linux's usr/gen_init_cpio; they apply after the
trees.  Missing parent directories are added 0755.

The output is deterministic: names sorted (a directory before what it
holds), inode numbers counted in that order, uid and gid 0, every mtime
$SOURCE_DATE_EPOCH (0 when unset, or --mtime), modes as in the tree less
the group and other write bits (so that the umask of a checkout does not
change the archive), symlinks as symlinks, hard links as separate files.
The format is the one Linux's init/initramfs.c reads: a 110-byte ASCII
header of 13 8-digit hex fields, the name with its NUL padded to 4 bytes,
the data padded to 4 bytes, and a "TRAILER!!!" entry at the end.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from dataclasses import dataclass

MAGIC = b"070701"
TRAILER = "TRAILER!!!"


@dataclass
class Entry:
    mode: int            # st_mode: type and permission bits
    data: bytes = b""    # file contents, or a symlink's target
    rdev: tuple[int, int] = (0, 0)


def pad4(n: int) -> bytes:
    return b"\0" * (-n % 4)


def header(ino: int, e: Entry, mtime: int, name: bytes) -> bytes:
    nlink = 2 if stat.S_ISDIR(e.mode) else 1
    fields = (ino, e.mode, 0, 0, nlink, mtime, len(e.data), 0, 0,
              e.rdev[0], e.rdev[1], len(name) + 1, 0)
    return MAGIC + b"".join(b"%08X" % f for f in fields)


def write_cpio(out, entries: dict[str, Entry], mtime: int) -> int:
    """Write entries (name without leading '/' -> Entry) and the trailer."""
    n = 0
    for ino, name in enumerate(sorted(entries, key=os.fsencode), start=1):
        e = entries[name]
        bname = os.fsencode(name)
        hdr = header(ino, e, mtime, bname)
        out.write(hdr + bname + b"\0" + pad4(len(hdr) + len(bname) + 1))
        out.write(e.data + pad4(len(e.data)))
        n += 1
    trailer = Entry(mode=0)
    bname = TRAILER.encode()
    hdr = header(0, trailer, 0, bname)
    out.write(hdr + bname + b"\0" + pad4(len(hdr) + len(bname) + 1))
    return n


def norm(path: str) -> str:
    """'/dev/console' or 'dev/console/' -> 'dev/console'."""
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        raise ValueError(f"bad path in the archive: {path!r}")
    return "/".join(parts)


class Archive:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}

    def put(self, name: str, e: Entry) -> None:
        old = self.entries.get(name)
        if old is not None and stat.S_ISDIR(old.mode) and not stat.S_ISDIR(e.mode):
            if any(n.startswith(name + "/") for n in self.entries):
                raise ValueError(f"{name}: a non-directory over a directory with files")
        self.entries[name] = e
        parent = name.rpartition("/")[0]
        while parent and parent not in self.entries:
            self.entries[parent] = Entry(mode=stat.S_IFDIR | 0o755)
            parent = parent.rpartition("/")[0]
        if parent and not stat.S_ISDIR(self.entries[parent].mode):
            raise ValueError(f"{name}: its parent {parent} is not a directory")

    def add_tree(self, top: str) -> None:
        if not os.path.isdir(top):
            raise ValueError(f"{top}: not a directory")
        for root, dirs, files in os.walk(top):
            dirs.sort()
            for base in sorted(dirs + files):
                path = os.path.join(root, base)
                name = norm(os.path.relpath(path, top))
                st = os.lstat(path)
                perm = stat.S_IMODE(st.st_mode) & ~0o022
                fmt = stat.S_IFMT(st.st_mode)
                if stat.S_ISDIR(st.st_mode):
                    # A directory may stay a directory under a later tree's.
                    old = self.entries.get(name)
                    if old is None or not stat.S_ISDIR(old.mode):
                        self.put(name, Entry(mode=fmt | perm))
                    else:
                        old.mode = fmt | perm
                elif stat.S_ISLNK(st.st_mode):
                    self.put(name, Entry(mode=fmt | 0o777,
                                         data=os.fsencode(os.readlink(path))))
                elif stat.S_ISREG(st.st_mode):
                    with open(path, "rb") as f:
                        self.put(name, Entry(mode=fmt | perm, data=f.read()))
                elif stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
                    self.put(name, Entry(mode=fmt | perm,
                                         rdev=(os.major(st.st_rdev), os.minor(st.st_rdev))))
                elif stat.S_ISFIFO(st.st_mode):
                    self.put(name, Entry(mode=fmt | perm))
                else:
                    print(f"mkinitramfs: skipping {path} (a socket)", file=sys.stderr)

    def add_dir(self, spec: str) -> None:
        path, _, mode = spec.rpartition(":")
        name = norm(path)
        old = self.entries.get(name)
        if old is not None and stat.S_ISDIR(old.mode):
            old.mode = stat.S_IFDIR | int(mode, 8)
        else:
            self.put(name, Entry(mode=stat.S_IFDIR | int(mode, 8)))

    def add_dev(self, spec: str) -> None:
        try:
            path, kind, major, minor, mode = spec.rsplit(":", 4)
            fmt = {"c": stat.S_IFCHR, "b": stat.S_IFBLK}[kind]
            self.put(norm(path), Entry(mode=fmt | int(mode, 8),
                                       rdev=(int(major), int(minor))))
        except (ValueError, KeyError):
            raise ValueError(f"--dev {spec!r}: want PATH:c|b:MAJOR:MINOR:MODE") from None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", required=True, help="the archive to write")
    ap.add_argument("--dir", action="append", default=[], metavar="PATH:MODE",
                    help="a directory with this octal mode (e.g. /tmp:1777)")
    ap.add_argument("--dev", action="append", default=[],
                    metavar="PATH:c|b:MAJOR:MINOR:MODE",
                    help="a device node (e.g. /dev/console:c:5:1:600)")
    ap.add_argument("--mtime", type=int,
                    default=int(os.environ.get("SOURCE_DATE_EPOCH", "0")),
                    help="every entry's mtime (default $SOURCE_DATE_EPOCH or 0)")
    ap.add_argument("trees", nargs="+", metavar="TREE",
                    help="directories whose contents go in, later ones overlaying earlier")
    args = ap.parse_args(argv)

    ar = Archive()
    try:
        for t in args.trees:
            ar.add_tree(t)
        for d in args.dir:
            ar.add_dir(d)
        for d in args.dev:
            ar.add_dev(d)
    except (ValueError, OSError) as e:
        print(f"mkinitramfs: {e}", file=sys.stderr)
        return 1

    tmp = args.output + ".tmp"
    with open(tmp, "wb") as out:
        n = write_cpio(out, ar.entries, args.mtime)
    os.replace(tmp, args.output)
    print(f"mkinitramfs: {args.output}: {n} entries, {os.path.getsize(args.output)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
