"""Booting to the shell prompt under BIOS (SeaBIOS) and UEFI (OVMF).

Checks the boot log (banner, the command line including what fw_cfg added,
which firmware booted us, memory), and what a fresh boot answers to the
read-only commands: cat /proc/cmdline, cat /proc/meminfo (Linux's format,
MemTotal following QEMU's -m), uname -a, dmesg (timestamps), help.  With
initcall_debug, the initcalls are logged as Linux logs them, every one
built in, in level and link order, all in PID 1.
"""

import re

import pytest

import kelf
from harness import SHARED_CMDLINE, QemuFactory, log_name
from qemu import EXIT_PANIC, Qemu, split_lines, strip_timestamp

TOKEN = "irqlab.testtoken=42"
assert TOKEN in SHARED_CMDLINE

TIMESTAMP = r"^\[\s*\d+\.\d{6}\] "
MEMINFO_LINE = re.compile(r"^(\w+):\s+(\d+) kB$")
COMMANDS = ("help", "cat", "uname", "dmesg", "poweroff")


@pytest.fixture(scope="module", params=["bios", "uefi"])
def booted(request, iso_path) -> Qemu:
    """A shell booted under each firmware, -m 256M, with TOKEN on its
    command line; torn down before the next firmware boots."""
    factory = QemuFactory(iso_path, log_name(f"{request.module.__name__}-{request.param}"))
    try:
        yield factory(firmware=request.param, mem="256M", cmdline=SHARED_CMDLINE).boot()
    finally:
        factory.close_all()


def boot_lines(q: Qemu) -> list[str]:
    return [strip_timestamp(line) for line in split_lines(q.boot_log)]


def find_line(lines: list[str], pattern: str) -> str | None:
    return next((line for line in lines if re.search(pattern, line)), None)


def show(lines: list[str], n: int = 60) -> str:
    return "\n".join(lines[-n:])


def require_line(lines: list[str], pattern: str, what: str) -> str:
    line = find_line(lines, pattern)
    if line is None:
        pytest.fail(f"no {what} (regex {pattern!r}) in:\n{show(lines)}")
    return line


def meminfo(q: Qemu) -> dict[str, int]:
    """cat /proc/meminfo as {field: kB}, after checking the lines' format."""
    out = q.run("cat /proc/meminfo")
    fields = {}
    for line in out:
        m = MEMINFO_LINE.match(line)
        if m:
            fields[m.group(1)] = int(m.group(2))
    for name in ("MemTotal", "MemFree"):
        if name not in fields:
            pytest.fail(
                f"no line matching '^{name}:\\s+\\d+ kB$' in cat /proc/meminfo:\n"
                + "\n".join(out)
            )
    return fields


def mem_kb(size: str) -> int:
    assert size.endswith("M")
    return int(size[:-1]) * 1024


# ---- the boot log -----------------------------------------------------------


def test_banner(booted):
    require_line(boot_lines(booted), r"irqlab version", "banner line containing 'irqlab version'")


def test_command_line_has_fw_cfg_part(booted):
    line = require_line(boot_lines(booted), r"Command line: ", "'Command line: ' line")
    assert TOKEN in line, f"the fw_cfg cmdline {TOKEN!r} is missing from {line!r}"


def test_firmware_line(booted):
    line = require_line(boot_lines(booted), r"Firmware: ", "'Firmware: ' line")
    expected = f"Firmware: {booted.firmware.upper()}"
    assert expected in line, f"booted under {booted.firmware}, expected {expected!r} in {line!r}"


def test_memory_line(booted):
    require_line(boot_lines(booted), r"Memory: ", "'Memory: ' line")


# ---- read-only commands ----------------------------------------------------------


def test_proc_cmdline(booted):
    out = booted.run("cat /proc/cmdline")
    assert len(out) == 1, f"cat /proc/cmdline should print one line, got {out!r}"
    assert TOKEN in out[0], f"{TOKEN!r} missing from /proc/cmdline: {out[0]!r}"
    logged = require_line(boot_lines(booted), r"Command line: ", "'Command line: ' line")
    logged = logged.split("Command line: ", 1)[1]
    assert out[0].strip() == logged.strip(), "/proc/cmdline differs from the boot log's"


def test_meminfo(booted):
    fields = meminfo(booted)
    total, free = fields["MemTotal"], fields["MemFree"]
    size = mem_kb(booted.mem)
    assert 0.8 * size <= total <= size, (
        f"MemTotal {total} kB is not within 80-100% of -m {booted.mem} ({size} kB)"
    )
    assert 0 < free <= total, f"MemFree {free} kB vs MemTotal {total} kB"


def test_uname(booted):
    out = booted.run("uname -a")
    assert len(out) == 1 and out[0].startswith("irqlab "), f"uname -a printed {out!r}"


def test_dmesg_has_timestamped_banner(booted):
    out = booted.run("dmesg", timeout=60)
    banner = [line for line in out if "irqlab version" in line]
    assert banner, "no 'irqlab version' banner in dmesg:\n" + show(out)
    assert re.match(TIMESTAMP, banner[0]), (
        f"banner line lacks a '[    0.000000] ' timestamp: {banner[0]!r}"
    )


def test_help_lists_commands(booted):
    out = booted.run("help")
    text = "\n".join(out)
    missing = [c for c in COMMANDS if not re.search(rf"(?m)^\s*{c}\b", text)]
    assert not missing, f"help does not list {missing}:\n{text}"


# ---- MemTotal follows -m -----------------------------------------------------------


@pytest.mark.parametrize("booted", ["bios"], indirect=True)  # BIOS only: time
def test_meminfo_scales_with_memory_size(qemu, booted):
    small = meminfo(booted)["MemTotal"]
    big_vm = qemu(firmware="bios", mem="512M", cmdline=SHARED_CMDLINE).boot()
    fields = meminfo(big_vm)
    big = fields["MemTotal"]
    assert 0.8 * mem_kb("512M") <= big <= mem_kb("512M"), (
        f"MemTotal {big} kB is not within 80-100% of -m 512M"
    )
    assert fields["MemFree"] <= big
    grown = big - small
    assert 0.8 * mem_kb("256M") <= grown <= 1.05 * mem_kb("256M"), (
        f"-m 256M -> 512M grew MemTotal by {grown} kB ({small} -> {big}), "
        "expected about 262144 kB"
    )


# ---- initcalls ---------------------------------------------------------------

CALLING = re.compile(r"^calling  (\w+)\+0x0/0x[0-9a-f]+ @ (\d+)$")
RETURNED = re.compile(r"^initcall (\w+)\+0x0/0x[0-9a-f]+ returned (-?\d+) after (\d+) usecs$")
# include/irqlab/init.h: __initcall_<function><level>, level early, 0-7,
# 5s (fs_initcall_sync) or rootfs (both between 5 and 6).
INITCALL_SYMBOL = re.compile(r"^__initcall_(\w+?)(early|rootfs|[0-7]s?)$")
LEVELS = ["early", "0", "1", "2", "3", "4", "5", "5s", "rootfs", "6", "7"]


def initcalls_in_link_order(elf_path) -> list[tuple[str, str]]:
    """[(function, level)] in the order kernel_init must call them: the
    order of their pointers in the image (levels in order, then link
    order within a level)."""
    syms = kelf.Elf64(elf_path).symbols()
    found = []
    for name, addr in syms.items():
        m = INITCALL_SYMBOL.match(name)
        if m:
            found.append((addr, m.group(1), m.group(2)))
    return [(fn, level) for _, fn, level in sorted(found)]


def logged_initcalls(lines: list[str]) -> list[tuple[str, int, int]]:
    """[(function, pid, returned)] from initcall_debug's lines, checking
    that each 'calling' line is closed by its own 'initcall ... returned'
    before the next one."""
    calls, open_call = [], None
    for line in lines:
        if m := CALLING.match(line):
            assert open_call is None, f"{m.group(1)} called while {open_call[0]} runs"
            open_call = (m.group(1), int(m.group(2)))
        elif m := RETURNED.match(line):
            assert open_call and open_call[0] == m.group(1), (
                f"{line!r} does not close the call of {open_call}"
            )
            calls.append((open_call[0], open_call[1], int(m.group(2))))
            open_call = None
    assert open_call is None, f"{open_call[0]} never returned"
    return calls


def test_initcall_debug(qemu, elf_path, iso_elf_mismatch):
    if iso_elf_mismatch:
        pytest.fail(iso_elf_mismatch, pytrace=False)  # the ELF says what to expect
    expected = initcalls_in_link_order(elf_path)
    assert [lvl for _, lvl in expected] == sorted(
        (lvl for _, lvl in expected), key=LEVELS.index
    ), "the linker script does not keep the levels in order"
    q = qemu(firmware="bios", cmdline="initcall_debug loglevel=8").boot()
    calls = logged_initcalls(boot_lines(q))
    order = [fn for fn, _, _ in calls]
    assert order == [fn for fn, _ in expected], (
        "initcalls logged, against those built in:\n"
        + "\n".join(f"  {a!s:32} {b}" for a, b in zip(order + [""] * len(expected),
                                                    [fn for fn, _ in expected]))
    )
    not_pid1 = [(fn, pid) for fn, pid, _ in calls if pid != 1]
    assert not not_pid1, f"initcalls not run by kernel_init (PID 1): {not_pid1}"
    failed = [(fn, ret) for fn, _, ret in calls if ret != 0]
    assert not failed, f"initcalls that failed on a plain boot: {failed}"
    # Linux's levels: per-CPU threads early, then the buses and the network
    # core (subsys), the protocols (fs), the drivers (device), the rest late.
    chain = ["spawn_ksoftirqd", "pci_init", "net_dev_init", "inet_init",
             "e1000_driver_init", "serial_irq_init", "crash_from_cmdline"]
    assert [fn for fn in order if fn in chain] == chain


def test_no_initcall_lines_without_initcall_debug(booted):
    lines = [line for line in boot_lines(booted) if CALLING.match(line) or RETURNED.match(line)]
    assert not lines, f"initcall_debug is not on the command line, but:\n{show(lines)}"


# ---- the init program ------------------------------------------------------------


def test_shell_is_init(booted):
    require_line(boot_lines(booted), r"^Run kshell as init process$",
                 "'Run kshell as init process' line (boot option kshell)")
    out = booted.run("ps")
    pid1 = [line for line in out if re.match(r"^\s*1\s", line)]
    assert len(pid1) == 1 and pid1[0].split()[-1] == "kshell", (
        "ps should show the kernel shell as PID 1:\n" + "\n".join(out)
    )


@pytest.mark.parametrize("booted", ["bios"], indirect=True)  # BIOS only: time
def test_missing_init_panics(qemu, booted):
    """init= naming no program (and no rdinit): Linux's panic, and QEMU
    exits with it."""
    q = qemu(firmware="bios", cmdline="rdinit=/nosuchrdinit init=/sbin/nosuchinit",
             kshell=False)
    status = q.wait_exit()
    lines = q.lines(strip_timestamps=True)
    want = "Kernel panic - not syncing: Requested init /sbin/nosuchinit failed (error -2)."
    assert want in lines, f"no {want!r} in:\n{show(lines)}"
    assert status == EXIT_PANIC, f"QEMU exited {status}, expected {EXIT_PANIC} after the panic"
