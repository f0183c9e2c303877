"""The initramfs build on the host: build/initramfs.cpio, tools/fetch-debs.sh.

The archive is parsed here as Linux's init/initramfs.c reads it (cpio
"newc", magic 070701), independently of tools/mkinitramfs.py, and booted
on Debian's Linux kernel (build/linux-ref/vmlinuz), the reference for what
irqlab's kernel must do with it.  Needs `make initramfs user linux-ref`
first, which `make test` does.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
CPIO = BUILD / "initramfs.cpio"
DEBS = BUILD / "debs"

# Applets the console and the tests use (docs/initramfs.md).
APPLETS = """bin/sh sbin/init bin/ps usr/bin/top bin/grep usr/bin/awk bin/sed
usr/bin/paste bin/sleep bin/watch bin/cat bin/echo usr/bin/renice
usr/bin/taskset sbin/sysctl usr/bin/nproc bin/dmesg usr/bin/free
usr/bin/uptime bin/pidof usr/bin/head usr/bin/tail usr/bin/wc bin/kill
sbin/poweroff sbin/reboot bin/mount bin/umount bin/ls bin/mkdir
bin/hostname""".split()


@dataclass
class Member:
    ino: int
    mode: int
    uid: int
    gid: int
    nlink: int
    mtime: int
    data: bytes
    rdevmajor: int
    rdevminor: int


def parse_newc(blob: bytes) -> dict[str, Member]:
    """Every member of a newc archive by name; fails on anything malformed."""
    members: dict[str, Member] = {}
    off = 0
    while True:
        assert off + 110 <= len(blob), f"truncated header at {off}"
        hdr = blob[off:off + 110]
        assert hdr[:6] == b"070701", f"bad magic {hdr[:6]!r} at {off}"
        f = [int(hdr[6 + 8 * i:14 + 8 * i], 16) for i in range(13)]
        (ino, mode, uid, gid, nlink, mtime, size,
         _dmaj, _dmin, rmaj, rmin, namesize, check) = f
        assert check == 0, "newc (070701) has no checksum"
        name_end = off + 110 + namesize
        name = blob[off + 110:name_end - 1].decode()
        assert blob[name_end - 1] == 0, f"{name}: name not NUL-terminated"
        data_off = name_end + (-name_end % 4)
        assert blob[name_end:data_off] == b"\0" * (data_off - name_end)
        data = blob[data_off:data_off + size]
        assert len(data) == size, f"{name}: truncated data"
        off = data_off + size + (-(data_off + size) % 4)
        if name == "TRAILER!!!":
            break
        assert name not in members, f"{name} twice"
        members[name] = Member(ino, mode, uid, gid, nlink, mtime, data, rmaj, rmin)
    assert off == len(blob), f"{len(blob) - off} bytes after the trailer"
    return members


@pytest.fixture(scope="module")
def archive() -> dict[str, Member]:
    if not CPIO.is_file():
        pytest.fail(f"{CPIO} does not exist: run make initramfs", pytrace=False)
    return parse_newc(CPIO.read_bytes())


def the_deb(debs: Path = DEBS) -> Path:
    debs_found = sorted(debs.glob("busybox-static_*.deb"))
    if len(debs_found) != 1:
        pytest.fail(f"want one busybox-static .deb in {debs}, found {debs_found}: "
                    "run make initramfs", pytrace=False)
    return debs_found[0]


def make(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(["make", "-s", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_names_are_relative_sorted_and_parents_first(archive):
    names = list(archive)
    assert names == sorted(names, key=os.fsencode)
    seen = set()
    for n in names:
        assert not n.startswith("/") and ".." not in n.split("/")
        parent = n.rpartition("/")[0]
        assert not parent or parent in seen, f"{n} before its directory"
        if parent:
            assert stat.S_ISDIR(archive[parent].mode)
        seen.add(n)
    inos = [m.ino for m in archive.values()]
    assert len(set(inos)) == len(inos)


def test_owners_and_mtimes_fixed(archive):
    assert {(m.uid, m.gid) for m in archive.values()} == {(0, 0)}
    assert len({m.mtime for m in archive.values()}) == 1


def test_busybox_is_the_debs(archive, tmp_path):
    deb = the_deb()
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    bb = archive["bin/busybox"]
    assert stat.S_ISREG(bb.mode) and stat.S_IMODE(bb.mode) == 0o755
    assert bb.data == (tmp_path / "bin/busybox").read_bytes()


def resolve(archive, name: str, depth: int = 0) -> str:
    """Follow symlinks inside the archive, as the kernel would."""
    assert depth < 8, f"symlink loop at {name}"
    m = archive[name]
    if not stat.S_ISLNK(m.mode):
        return name
    target = m.data.decode()
    base = "" if target.startswith("/") else name.rpartition("/")[0]
    parts: list[str] = []
    for p in (base + "/" + target).split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            parts and parts.pop()
        else:
            parts.append(p)
    return resolve(archive, "/".join(parts), depth + 1)


# Paths where Debian's own tool (procps, the Makefile's DEB_TOOLS) has
# replaced busybox's applet.
DEBIAN_TOOLS = {"bin/ps", "bin/kill", "sbin/sysctl", "usr/bin/free", "usr/bin/top",
                "usr/bin/uptime"}


def test_debian_tools_replace_their_applets(archive):
    deb = next(DEBS.glob("procps_*.deb"))
    contents = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True,
                              check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(contents)) as tar:
        for path in sorted(DEBIAN_TOOLS):
            m = archive[path]
            assert stat.S_ISREG(m.mode), f"{path} is still busybox's"
            assert m.data == tar.extractfile("./" + path).read(), path
    # And the libraries they link come along (ps's closure).
    for lib in ("lib/x86_64-linux-gnu/libproc2.so.0", "usr/lib/x86_64-linux-gnu/libsystemd.so.0"):
        assert resolve(archive, lib), lib


@pytest.mark.parametrize("applet", [a for a in APPLETS if a not in DEBIAN_TOOLS])
def test_applet_is_a_symlink_to_busybox(archive, applet):
    assert applet in archive, f"no {applet}"
    assert stat.S_ISLNK(archive[applet].mode)
    assert resolve(archive, applet) == "bin/busybox"


def test_init_and_its_files(archive):
    init = archive["sbin/init"]
    assert stat.S_ISLNK(init.mode) and init.data == b"../bin/busybox"
    # Linux's kernel_init runs /init of an initramfs first.
    assert archive["init"].data == b"sbin/init" and resolve(archive, "init") == "bin/busybox"
    inittab = archive["etc/inittab"]
    assert stat.S_ISREG(inittab.mode)
    assert inittab.data == (ROOT / "rootfs/etc/inittab").read_bytes()
    lines = [ln for ln in inittab.data.decode().splitlines()
             if ln.strip() and not ln.startswith("#")]
    assert "::sysinit:/etc/init.d/rcS" in lines
    assert any(ln.endswith(":respawn:-/bin/sh") for ln in lines)
    assert any(":shutdown:" in ln for ln in lines)
    rcs = archive["etc/init.d/rcS"]
    assert stat.S_IMODE(rcs.mode) & 0o111 and rcs.data.startswith(b"#!/bin/sh\n")
    for fs in (b"proc", b"sysfs", b"devtmpfs", b"tmpfs"):
        assert b"mnt " + fs + b" " in rcs.data
    assert archive["etc/hostname"].data == b"irqlab\n"
    assert b"PS1='irqlab# '" in archive["etc/profile"].data
    assert archive["etc/passwd"].data.startswith(b"root:x:0:0:")
    assert archive["etc/group"].data.startswith(b"root:x:0:")


def test_mount_points(archive):
    for d, mode in (("proc", 0o555), ("sys", 0o555), ("dev", 0o755),
                    ("tmp", 0o1777), ("root", 0o700)):
        assert stat.S_ISDIR(archive[d].mode), d
        assert stat.S_IMODE(archive[d].mode) == mode, d


@pytest.mark.parametrize("name,major,minor,mode", [
    ("dev/console", 5, 1, 0o600),
    ("dev/null", 1, 3, 0o666),
    ("dev/ttyS0", 4, 64, 0o600),
])
def test_device_nodes(archive, name, major, minor, mode):
    m = archive[name]
    assert stat.S_ISCHR(m.mode)
    assert (m.rdevmajor, m.rdevminor) == (major, minor)
    assert stat.S_IMODE(m.mode) == mode
    assert m.data == b""


def elf_type(data: bytes) -> int:
    assert data[:4] == b"\x7fELF" and data[4] == 2, "not an ELF64"
    return int.from_bytes(data[16:18], "little")


def interp(data: bytes) -> str | None:
    """The PT_INTERP path of an ELF64, or None."""
    phoff = int.from_bytes(data[32:40], "little")
    phentsize = int.from_bytes(data[54:56], "little")
    phnum = int.from_bytes(data[56:58], "little")
    for i in range(phnum):
        ph = data[phoff + i * phentsize:phoff + (i + 1) * phentsize]
        if int.from_bytes(ph[:4], "little") == 3:  # PT_INTERP
            off, size = int.from_bytes(ph[8:16], "little"), int.from_bytes(ph[32:40], "little")
            return data[off:off + size].rstrip(b"\0").decode()
    return None


def has_interp(data: bytes) -> bool:
    return interp(data) is not None


@pytest.mark.parametrize("prog,etype", [("abi-test", 2), ("abi-test-pie", 3)])
def test_abi_test_programs(archive, prog, etype):
    m = archive["usr/lib/irqlab/" + prog]
    assert stat.S_ISREG(m.mode) and stat.S_IMODE(m.mode) == 0o755
    assert m.data == (BUILD / "user" / prog).read_bytes()
    assert elf_type(m.data) == etype      # ET_EXEC, ET_DYN (static PIE)
    assert not has_interp(m.data), f"{prog} asks for a dynamic loader"
    nonelf = archive["usr/lib/irqlab/not-elf"]
    assert stat.S_IMODE(nonelf.mode) & 0o111 and not nonelf.data.startswith((b"\x7fELF", b"#!"))


def test_glibc_from_debs_libc6(archive):
    """dyn-test asks for ld.so, which the archive has from Debian's
    libc6 (not the host's /lib): the files are the .deb's."""
    dyn = archive["usr/lib/irqlab/dyn-test"]
    assert interp(dyn.data) == "/lib64/ld-linux-x86-64.so.2"
    link = archive["lib64/ld-linux-x86-64.so.2"]
    assert stat.S_ISLNK(link.mode) and link.data == b"/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
    deb = next(DEBS.glob("libc6_*.deb"))
    contents = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True,
                              check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(contents)) as tar:
        for name in ("ld-linux-x86-64.so.2", "libc.so.6"):
            member = tar.extractfile(f"./lib/x86_64-linux-gnu/{name}")
            assert archive[f"lib/x86_64-linux-gnu/{name}"].data == member.read(), name


def test_mkinitramfs_is_deterministic(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "rootfs", tree, symlinks=True)
    (tree / "bin").mkdir()
    os.symlink("busybox", tree / "bin/sh")
    args = ["/usr/bin/python3", str(ROOT / "tools/mkinitramfs.py"),
            "--dev", "/dev/console:c:5:1:600", "--dir", "/tmp:1777"]
    a, b = tmp_path / "a.cpio", tmp_path / "b.cpio"
    subprocess.run(args + ["-o", str(a), str(tree)], check=True, capture_output=True)
    for p in tree.rglob("*"):
        os.utime(p, (12345, 12345), follow_symlinks=False)
    (tree / "etc/hostname").chmod(0o664)    # another umask: the same archive
    subprocess.run(args + ["-o", str(b), str(tree)], check=True, capture_output=True)
    assert a.read_bytes() == b.read_bytes()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    subprocess.run(args + ["-o", str(b), str(tree)], check=True, capture_output=True, env=env)
    members = parse_newc(b.read_bytes())
    assert {m.mtime for m in members.values()} == {1700000000}
    assert members["bin/sh"].data == b"busybox" and stat.S_ISLNK(members["bin/sh"].mode)


def test_rootfs_extra_overlays_files(tmp_path):
    extra = tmp_path / "extra"
    (extra / "usr/bin").mkdir(parents=True)
    (extra / "etc").mkdir()
    (extra / "usr/bin/hello").write_bytes(b"#!/bin/sh\necho hello\n")
    (extra / "usr/bin/hello").chmod(0o755)
    (extra / "etc/hostname").write_bytes(b"overlaid\n")
    out = tmp_path / "initramfs.cpio"
    r = make("initramfs", f"INITRAMFS={out}", f"ROOTFS_EXTRA={extra}")
    assert r.returncode == 0, r.stdout + r.stderr
    members = parse_newc(out.read_bytes())
    hello = members["usr/bin/hello"]
    assert hello.data == b"#!/bin/sh\necho hello\n"
    assert stat.S_ISREG(hello.mode) and stat.S_IMODE(hello.mode) == 0o755
    assert members["etc/hostname"].data == b"overlaid\n"
    assert stat.S_ISLNK(members["sbin/init"].mode)
    assert "dev/console" in members
    # A file added to the folder: the archive is made again.
    (extra / "etc/motd").write_bytes(b"hi\n")
    r = make("initramfs", f"INITRAMFS={out}", f"ROOTFS_EXTRA={extra}")
    assert r.returncode == 0, r.stdout + r.stderr
    assert parse_newc(out.read_bytes())["etc/motd"].data == b"hi\n"


def test_rootfs_extra_must_be_a_directory(tmp_path):
    r = make("initramfs", f"INITRAMFS={tmp_path / 'x.cpio'}",
             f"ROOTFS_EXTRA={tmp_path / 'nothing'}")
    assert r.returncode != 0
    assert "not a directory" in r.stderr


def fetch_debs(debs: Path) -> subprocess.CompletedProcess:
    """fetch-debs for busybox-static alone (the cases are about one .deb)."""
    return subprocess.run(["sh", str(ROOT / "tools/fetch-debs.sh"), str(debs)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "FETCH_DEBS": "busybox-static"})


def test_fetch_debs_accepts_the_cached_deb(tmp_path):
    deb = the_deb()
    shutil.copy(deb, tmp_path)
    r = fetch_debs(tmp_path)
    assert r.returncode == 0, r.stderr
    assert "apt-get download" not in r.stdout, "fetched again over a good .deb"
    assert "verified against apt's index" in r.stdout
    pkg, version, sha, fname = (tmp_path / "manifest").read_text().split()
    assert pkg == "busybox-static" and fname == deb.name
    assert version == subprocess.run(["dpkg-deb", "-f", str(deb), "Version"],
                                     capture_output=True, text=True).stdout.strip()


def test_fetch_debs_rejects_a_corrupt_deb(tmp_path):
    deb = the_deb()
    bad = tmp_path / deb.name
    data = bytearray(deb.read_bytes())
    data[len(data) // 2] ^= 0xff
    bad.write_bytes(bytes(data))
    r = fetch_debs(tmp_path)
    assert r.returncode != 0
    assert "SHA256" in r.stderr and "is not the one apt's index gives" in r.stderr, r.stderr
    assert "apt-get download" not in r.stdout
    assert bad.read_bytes() == bytes(data), "the verifier changed the file"
    assert not (tmp_path / "manifest").exists()


# ---- the archive on Linux, the reference --------------------------------

VMLINUZ = BUILD / "linux-ref" / "vmlinuz"
TIMEOUT = 180 * float(os.environ.get("IRQLAB_TIMEOUT_SCALE", "1"))


def boot_linux(name: str, cmdline: str = ""):
    """Debian's Linux kernel (make linux-ref) on build/initramfs.cpio."""
    if not VMLINUZ.is_file():
        pytest.fail(f"{VMLINUZ} does not exist: run make linux-ref", pytrace=False)
    accel = os.environ.get("IRQLAB_ACCEL", "tcg")
    args = ["-M", "pc", "-accel", accel, *(["-cpu", "host"] if accel == "kvm" else []),
            "-smp", "2", "-m", "256M", "-kernel", str(VMLINUZ), "-initrd", str(CPIO),
            "-append", f"console=ttyS0 panic=-1 {cmdline}".strip(),
            "-display", "none", "-monitor", "none", "-serial", "stdio",
            "-no-reboot", "-nic", "none"]
    logs = BUILD / "test-logs"
    logs.mkdir(parents=True, exist_ok=True)
    child = pexpect.spawn("qemu-system-x86_64", args, encoding="utf-8",
                          codec_errors="replace", timeout=TIMEOUT, echo=False)
    child.logfile_read = open(logs / f"test_initramfs_build-linux-{name}.log", "w")
    return child


def run_cmd(child, cmd: str) -> str:
    """Type a command at the busybox shell; its output, after the echo of
    the command line."""
    child.sendline(cmd + "; echo END-$((6*7))")
    child.expect(r"END-42\r*\n")
    out = child.before
    child.expect_exact("irqlab# ")
    return out.replace("\r", "")


def test_linux_boots_it_to_the_shell():
    child = boot_linux("shell")
    try:
        child.expect_exact("irqlab# ")
        mounts = run_cmd(child, "cat /proc/mounts")
        for m in ("proc /proc proc", "sysfs /sys sysfs", "devtmpfs /dev devtmpfs",
                  "tmpfs /tmp tmpfs"):
            assert m in mounts, mounts
        assert "/dev/ttyS0" in run_cmd(child, "tty")
        assert "irqlab" in run_cmd(child, "hostname")
        assert re.search(r"(?m)^\s*1 root\s+init$", run_cmd(child, "ps"))
        out = run_cmd(child, "abi-test; echo status=$?")
        assert "not ok" not in out and "status=0" in out, out
        child.sendline("poweroff")
        child.expect("reboot: Power down")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
        child.logfile_read.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("prog", ["abi-test", "abi-test-pie"])
def test_abi_test_as_linux_init(prog):
    """rdinit=abi-test: PID 1 prints TAP and powers off."""
    child = boot_linux(prog, f"rdinit=/usr/lib/irqlab/{prog} quiet")
    try:
        child.expect(r"1\.\.(\d+)\r*\n")
        plan = int(child.match.group(1))
        child.expect(r"# abi-test: (\d+) of (\d+) passed")
        passed, ran = int(child.match.group(1)), int(child.match.group(2))
        tap = child.before.replace("\r", "")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
        child.logfile_read.close()
    assert "not ok" not in tap, tap
    assert passed == ran == plan >= 18
