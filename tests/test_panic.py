"""Kernel crashes and their Linux-style reports.

Each case boots with crash=KIND on the command line, which makes the kernel
fault on purpose (NULL write, ud2, divide by zero, non-canonical address,
stack overflow into the guard page, panic()).  The report must read like
Linux's oops (the headline, RIP, the registers, a call trace back to
kernel_init, whose late initcall triggers crash=,
"Kernel panic - not syncing: ...") and QEMU must then exit by itself with
status 37 (0x12 written to isa-debug-exit).  BIOS for all kinds, UEFI for
crash=null only.  The report checker is itself tested on made-up reports
at the end (no QEMU).
"""

import re
from dataclasses import dataclass

import pytest

from qemu import EXIT_PANIC, Qemu

HEX16 = "[0-9a-f]{16}"
REGISTER_LINES = [
    rf"^RAX: {HEX16} RBX: {HEX16} RCX: {HEX16}$",
    rf"^RDX: {HEX16} RSI: {HEX16} RDI: {HEX16}$",
]
# RSP, RBP, R8-R15 anywhere in the dump (RSP may carry the SS: prefix).
OTHER_REGISTERS = ["RSP", "RBP", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15"]
TRACE_LINE = re.compile(r"^ (?:\? )?([A-Za-z_][\w.]*)\+0x[0-9a-f]+/0x[0-9a-f]+\s*$")
TRACE_MARKER = re.compile(r"^ </?(?:TASK|IRQ|NMI|EOI)>\s*$")


@dataclass
class Crash:
    kind: str
    function: str  # where the fault happens (for panic: panic's caller)
    expected: list[str]  # literal strings the report must contain
    oops: bool = True  # a CPU exception: RIP and register dump


CRASHES = [
    Crash(
        "null",
        "crash_null_deref",
        [
            "BUG: kernel NULL pointer dereference, address: 0000000000000000",
            "#PF: error_code(0x0002)",
            "Oops: 0002 [#1]",
            "CR2: 0000000000000000",
        ],
    ),
    Crash("ud", "crash_invalid_opcode", ["Oops: invalid opcode: 0000 [#1]"]),
    Crash("de", "crash_divide_error", ["Oops: divide error: 0000 [#1]"]),
    Crash("gp", "crash_general_protection", ["Oops: general protection fault"]),
    Crash(
        "overflow",
        "crash_stack_overflow",
        ["stack guard page was hit at", "Oops: stack guard page:"],
    ),
    Crash("panic", "crash_panic", ["Kernel panic - not syncing: "], oops=False),
]

CASES = [pytest.param("bios", c, id=f"bios-{c.kind}") for c in CRASHES] + [
    pytest.param("uefi", c, id=f"uefi-{c.kind}") for c in CRASHES if c.kind == "null"
]


def report_lines(q: Qemu) -> list[str]:
    """The output from the first report line on, timestamps removed."""
    lines = q.lines(strip_timestamps=True)
    starts = ("BUG:", "Oops:", "Kernel panic", "stack guard page", "#PF:")
    for i, line in enumerate(lines):
        if line.startswith(starts) or "Oops:" in line:
            return lines[i:]
    return lines


def call_trace(lines: list[str]) -> list[str]:
    """Function names in the first "Call Trace:" block."""
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "Call Trace:")
    except StopIteration:
        return []
    names = []
    for line in lines[start + 1 :]:
        if TRACE_MARKER.match(line):
            continue
        m = TRACE_LINE.match(line)
        if not m:
            break
        names.append(m.group(1))
    return names


def report_problems(lines: list[str], crash: Crash, status: int | None) -> list[str]:
    """What is wrong with a crash report (timestamps already removed)."""
    text = "\n".join(lines)
    problems = []

    def check(ok: bool, message: str) -> None:
        if not ok:
            problems.append(message)

    check(
        status == EXIT_PANIC,
        f"QEMU exit status {status}, expected {EXIT_PANIC} (0x12 to isa-debug-exit)",
    )
    for s in crash.expected:
        check(s in text, f"missing {s!r}")

    rip = re.search(r"^RIP: 0010:(\w+)\+0x[0-9a-f]+", text, re.M)
    if crash.oops:
        check(
            rip is not None and rip.group(1) == crash.function,
            f"no 'RIP: 0010:{crash.function}+0x...' line"
            + (f" (RIP is in {rip.group(1)})" if rip else ""),
        )
        for regex in REGISTER_LINES:
            check(re.search(regex, text, re.M) is not None, f"no register line {regex!r}")
        for reg in OTHER_REGISTERS:
            check(
                re.search(rf"(?m)(?:^| ){reg}: (?:[0-9a-f]{{4}}:)?{HEX16}(?: |$)", text)
                is not None,
                f"{reg} is not in the register dump",
            )
        final = "Kernel panic - not syncing: Fatal exception"
    else:
        m = re.search(r"^Kernel panic - not syncing: (\S.*)$", text, re.M)
        final = m.group(0).strip() if m else "Kernel panic - not syncing: "

    trace = call_trace(lines)
    check(bool(trace), "no 'Call Trace:' followed by ' func+0x../0x..' lines")
    if trace:
        in_rip = crash.oops and rip is not None and rip.group(1) == crash.function
        check(
            crash.function in trace or in_rip,
            f"{crash.function} is neither in RIP nor in the call trace {trace}",
        )
        check("kernel_init" in trace, f"kernel_init is not in the call trace {trace}")

    last = next((line for line in reversed(lines) if line.strip()), "")
    check(final in last, f"the last line is {last!r}, expected it to contain {final!r}")
    return problems


@pytest.mark.parametrize("firmware, crash", CASES)
def test_crash_report(qemu, firmware, crash):
    q = qemu(firmware=firmware, cmdline=f"crash={crash.kind}")
    status = q.wait_exit()  # the boot timeout: it crashes while booting
    lines = report_lines(q)
    problems = report_problems(lines, crash, status)
    if problems:
        shown = "\n".join(lines[-80:])
        pytest.fail(
            f"crash={crash.kind} under {firmware}:\n  - "
            + "\n  - ".join(problems)
            + f"\n--- report (log: {q.log_path}) ---\n{shown}",
            pytrace=False,
        )


# ---- the checker itself, on a made-up report (no QEMU) ------------------------

GOOD_NULL_REPORT = """\
BUG: kernel NULL pointer dereference, address: 0000000000000000
#PF: supervisor write access in kernel mode
#PF: error_code(0x0002) - not-present page
Oops: 0002 [#1] SMP
RIP: 0010:crash_null_deref+0x0/0x10
RSP: 0018:ffffffff8021be88 EFLAGS: 00000046
RAX: 0000000000000039 RBX: ffffffff802130a0 RCX: 00000000000003fd
RDX: 00000000000003f8 RSI: 000000000000000a RDI: 0000000000000000
RBP: ffffffff8021bed0 R08: 00000000000003f8 R09: ffffffff8021ba18
R10: 000000000000000d R11: 000000000000000a R12: ffffffff802130a0
R13: ffffffff8021282b R14: ffffffff802130a0 R15: 0000000000000000
CR2: 0000000000000000 CR3: 0000000000227000 CR4: 0000000000000020
Call Trace:
 <TASK>
 ? crash_from_cmdline+0xd6/0xf0
 kernel_init+0x149/0x1e0
 </TASK>
Kernel panic - not syncing: Fatal exception
---[ end Kernel panic - not syncing: Fatal exception ]---"""


@pytest.mark.parametrize(
    "edit, complaint",
    [
        (lambda r: r, None),
        (lambda r: r.replace(" kernel_init+", " other+"),
         "kernel_init is not in the call trace"),
        (lambda r: r.replace("RIP: 0010:crash_null_deref", "RIP: 0010:memcpy"), "RIP is in"),
        (lambda r: r.replace("R13: ", "R1x: "), "R13 is not in the register dump"),
        (lambda r: r.rsplit("\n", 2)[0], "the last line is"),
        (lambda r: r.replace("0002 [#1]", "0000 [#1]"), "missing 'Oops: 0002 [#1]'"),
    ],
    ids=["good", "no-kernel-init", "wrong-rip", "no-r13", "no-final-line", "wrong-oops"],
)
def test_checker_on_made_up_reports(edit, complaint):
    null = next(c for c in CRASHES if c.kind == "null")
    problems = report_problems(edit(GOOD_NULL_REPORT).split("\n"), null, EXIT_PANIC)
    if complaint is None:
        assert problems == []
    else:
        assert any(complaint in p for p in problems), problems
    assert report_problems(GOOD_NULL_REPORT.split("\n"), null, 0) == [
        f"QEMU exit status 0, expected {EXIT_PANIC} (0x12 to isa-debug-exit)"
    ]
