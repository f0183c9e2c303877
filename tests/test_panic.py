"""Kernel crashes and their Linux-style reports.

Each case boots with crash=KIND on the command line, which makes the kernel
fault on purpose: in kernel_init, whose late initcall triggers crash=
(NULL write, ud2, divide by zero, non-canonical
address, stack overflow into the guard page, panic()), or in an interrupt
(a hard interrupt handler, a timer callback, a tasklet, another CPU's IPI
handler).  The report must read like Linux's oops (the headline, RIP, the
registers, a call trace back to the task's first frames, "Kernel panic -
not syncing: ...") and QEMU must then exit by itself with status 37 (0x12
written to isa-debug-exit).  A fault in interrupt context is Linux's
"Fatal exception in interrupt", its trace starts on the IRQ stack
(<IRQ>) and walks on, after </IRQ>, into the interrupted task's frames
(<TASK>), with the interrupted registers where an interrupt came in.
BIOS for all kinds, UEFI for crash=null only.  The report checker is
itself tested on made-up reports at the end (no QEMU).
"""

import re
from dataclasses import dataclass

import pytest

import kelf
from qemu import EXIT_PANIC, Qemu

HEX16 = "[0-9a-f]{16}"
REGISTER_LINES = [
    rf"^RAX: {HEX16} RBX: {HEX16} RCX: {HEX16}$",
    rf"^RDX: {HEX16} RSI: {HEX16} RDI: {HEX16}$",
]
# RSP, RBP, R8-R15 anywhere in the dump (RSP may carry the SS: prefix).
OTHER_REGISTERS = ["RSP", "RBP", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15"]
TRACE_LINE = re.compile(r"^ (?:\? )?([A-Za-z_][\w.]*)\+0x[0-9a-f]+/0x[0-9a-f]+\s*$")
TRACE_MARKER = re.compile(r"^ <(/?)(TASK|IRQ|SOFTIRQ|NMI|#DF|#MC)>\s*$")
# The registers of an interrupted context, inside a trace (Linux's
# show_regs_if_on_stack: RIP, Code, RSP and the general registers).
TRACE_REGS = re.compile(r"^(?:RIP|Code|RSP|RAX|RDX|RBP|R10|R13): ")
RIP_LINE = re.compile(r"^RIP: 0010:(\w+)\+0x[0-9a-f]+/0x[0-9a-f]+")
# show_opcodes(): 42 bytes before RIP, the byte at RIP in <>, 21 after.
CODE_LINE = re.compile(r"^Code: ((?:[0-9a-f]{2} ){42})<([0-9a-f]{2})>((?: [0-9a-f]{2}){21})$")
CPU_LINE = re.compile(r"^CPU: \d+ PID: \d+ Comm: \S+ ")
# dump_stack_print_info()'s DMI line, as Linux prints it on QEMU's -M pc
# (the BIOS version and date are the firmware's: SeaBIOS's or OVMF's).
HARDWARE_NAME = re.compile(
    r"^Hardware name: QEMU Standard PC \(i440FX \+ PIIX, 1996\), "
    r"BIOS \S+ \d\d/\d\d/\d{4}$"
)


@dataclass
class Crash:
    kind: str
    function: str  # where the fault happens (for panic: panic's caller)
    expected: list[str]  # literal strings the report must contain
    oops: bool = True  # a CPU exception: RIP and register dump
    # In interrupt context: the trace starts with <IRQ> and these
    # functions, then </IRQ> and the task's frames.
    irq_functions: tuple[str, ...] = ()
    # The first frames of the task the trace must reach.
    task_function: str = "kernel_init"
    # Where the interrupt came in: the RIP of the registers dumped in the
    # task's part of the trace (None: anywhere).
    interrupted: str | None = None
    # A register dump in the task's part: True, False, None (either).
    interrupted_regs: bool | None = False

    @property
    def in_interrupt(self) -> bool:
        return bool(self.irq_functions)


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
    Crash(
        "gp",
        "crash_general_protection",
        # get_kernel_gp_address(): the address the instruction used.
        [
            "Oops: general protection fault, probably for non-canonical "
            "address 0xdead000000000000: 0000 [#1]"
        ],
    ),
    Crash(
        "overflow",
        "crash_stack_overflow",
        ["stack guard page was hit at", "Oops: stack guard page:"],
    ),
    Crash("panic", "crash_panic", ["Kernel panic - not syncing: "], oops=False),
    Crash(
        "irq",
        "crash_irq_handler",
        ["BUG: kernel NULL pointer dereference", "Oops: 0002 [#1]"],
        irq_functions=("generic_handle_irq", "do_IRQ"),
        interrupted="crash_wait_for_interrupt",
        interrupted_regs=True,
    ),
    Crash(
        "timer",
        "crash_timer_fn",
        ["BUG: kernel NULL pointer dereference", "Oops: 0002 [#1]"],
        irq_functions=("call_timer_fn", "handle_softirqs"),
        interrupted="crash_wait_for_interrupt",
        interrupted_regs=True,
    ),
    Crash(
        "tasklet",
        "crash_tasklet_fn",
        ["BUG: kernel NULL pointer dereference", "Oops: 0002 [#1]"],
        irq_functions=("handle_softirqs",),
        # local_bh_enable() runs it, or the irq_exit() of an interrupt
        # that came in just before it could.
        interrupted_regs=None,
    ),
    Crash(
        "ipi",
        "crash_ipi_fn",
        ["BUG: kernel NULL pointer dereference", "Oops: 0002 [#1]", "CPU: 1 "],
        irq_functions=("generic_smp_call_function_interrupt", "do_IRQ"),
        task_function="start_secondary",  # CPU 1's idle task
        interrupted_regs=True,
    ),
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


@dataclass
class TraceSection:
    """One stack's part of a call trace: <STACK> ... </STACK>."""

    stack: str
    functions: list[str]
    rips: list[str]  # functions in RIP lines dumped inside it
    closed: bool = False


def trace_sections(lines: list[str]) -> list[TraceSection]:
    """The first "Call Trace:" block, stack by stack, in order."""
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "Call Trace:")
    except StopIteration:
        return []
    sections: list[TraceSection] = []
    for line in lines[start + 1 :]:
        marker = TRACE_MARKER.match(line)
        if marker:
            closing, stack = marker.groups()
            if not closing:
                sections.append(TraceSection(stack, [], []))
            elif sections and sections[-1].stack == stack:
                sections[-1].closed = True
            continue
        m = TRACE_LINE.match(line)
        if m:
            if not sections or sections[-1].closed:
                sections.append(TraceSection("?", [], []))
            sections[-1].functions.append(m.group(1))
            continue
        if TRACE_REGS.match(line) and sections:
            rip = RIP_LINE.match(line)
            if rip:
                sections[-1].rips.append(rip.group(1))
            continue
        break
    return sections


def call_trace(lines: list[str]) -> list[str]:
    """Function names in the first "Call Trace:" block."""
    return [f for section in trace_sections(lines) for f in section.functions]


def code_problems(lines: list[str], text_at) -> list[str]:
    """What is wrong with the Code: line after the report's first RIP line.

    text_at(function, offset, n) gives the kernel's n bytes from
    function+offset-42 on (None: do not compare with the image)."""
    i = next((i for i, line in enumerate(lines) if RIP_LINE.match(line)), None)
    if i is None:
        return ["no RIP line"]
    code = lines[i + 1] if i + 1 < len(lines) else ""
    m = CODE_LINE.match(code)
    if not m:
        return [f"the line after the RIP line is {code!r}, not 'Code: <42 bytes> <xx> <21 bytes>'"]
    shown = bytes.fromhex(m.group(1) + m.group(2) + m.group(3))
    rip = re.match(r"^RIP: 0010:(\w+)\+0x([0-9a-f]+)/", lines[i])
    if text_at is None:
        return []
    image = text_at(rip.group(1), int(rip.group(2), 16), len(shown))
    if image != shown:
        return [
            f"the Code: bytes are not the kernel's around {rip.group(1)}+0x{rip.group(2)}: "
            f"shown {shown.hex(' ')}, image {image.hex(' ') if image else image}"
        ]
    after = lines[i + 2] if i + 2 < len(lines) else ""
    if not after.startswith("RSP: "):
        return [f"the line after Code: is {after!r}, not the RSP line"]
    return []


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
        if crash.in_interrupt:
            final += " in interrupt"
    else:
        m = re.search(r"^Kernel panic - not syncing: (\S.*)$", text, re.M)
        final = m.group(0).strip() if m else "Kernel panic - not syncing: "

    cpu = next((i for i, line in enumerate(lines) if CPU_LINE.match(line)), None)
    check(cpu is not None, "no 'CPU: N PID: N Comm: ...' line")
    if cpu is not None:
        after = lines[cpu + 1] if cpu + 1 < len(lines) else ""
        check(
            HARDWARE_NAME.match(after) is not None,
            f"the line after the CPU line is {after!r}, not 'Hardware name: QEMU "
            "Standard PC (i440FX + PIIX, 1996), BIOS <version> <date>'",
        )

    trace = call_trace(lines)
    check(bool(trace), "no 'Call Trace:' followed by ' func+0x../0x..' lines")
    if trace:
        in_rip = crash.oops and rip is not None and rip.group(1) == crash.function
        check(
            crash.function in trace or in_rip,
            f"{crash.function} is neither in RIP nor in the call trace {trace}",
        )
        check(
            crash.task_function in trace,
            f"{crash.task_function} is not in the call trace {trace}",
        )
    check_stacks(trace_sections(lines), crash, check)

    last = next((line for line in reversed(lines) if line.strip()), "")
    check(final in last, f"the last line is {last!r}, expected it to contain {final!r}")
    return problems


def check_stacks(sections: list[TraceSection], crash: Crash, check) -> None:
    """The stacks the trace walks: the IRQ stack, then the task's."""
    stacks = [s.stack for s in sections]
    if not sections:
        return
    unclosed = [s.stack for s in sections if not s.closed]
    check(not unclosed, f"stack sections not closed with </...>: {unclosed}")
    if not crash.in_interrupt:
        check(stacks == ["TASK"], f"a fault in task context walks <TASK> only, not {stacks}")
        return
    check(
        stacks == ["IRQ", "TASK"],
        f"a fault in interrupt context walks <IRQ> then <TASK>, not {stacks}",
    )
    if stacks != ["IRQ", "TASK"]:
        return
    irq, task = sections
    for f in crash.irq_functions:
        check(f in irq.functions, f"{f} is not in the <IRQ> part {irq.functions}")
    check(
        crash.task_function in task.functions,
        f"the walk does not reach {crash.task_function} after </IRQ>: {task.functions}",
    )
    if crash.interrupted_regs:
        check(
            len(task.rips) == 1,
            f"expected the interrupted registers (one RIP line) in <TASK>, got {task.rips}",
        )
    if crash.interrupted and task.rips:
        check(
            task.rips[0] == crash.interrupted,
            f"the interrupt came in at {task.rips[0]}, expected {crash.interrupted}",
        )
    if crash.interrupted_regs is False:
        check(not task.rips, f"no interrupt came in, but <TASK> dumps registers at {task.rips}")


def elf_text_reader(elf_path):
    """text_at(function, offset, n) for code_problems, from the ELF."""
    elf = kelf.Elf64(elf_path)
    symbols = elf.symbols()

    def text_at(function: str, offset: int, n: int) -> bytes | None:
        if function not in symbols:
            return None
        try:
            return elf.read(symbols[function] + offset - 42, n)
        except kelf.ElfError:
            return None

    return text_at


@pytest.mark.parametrize("firmware, crash", CASES)
def test_crash_report(qemu, firmware, crash, elf_path, iso_elf_mismatch):
    if iso_elf_mismatch:
        # The Code: bytes are compared with the ELF's.
        pytest.fail(iso_elf_mismatch, pytrace=False)
    q = qemu(firmware=firmware, cmdline=f"crash={crash.kind}")
    status = q.wait_exit()  # the boot timeout: it crashes while booting
    lines = report_lines(q)
    problems = report_problems(lines, crash, status)
    if crash.oops:
        problems += code_problems(lines, elf_text_reader(elf_path))
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
CPU: 0 PID: 0 Comm: swapper/0 Not tainted 0.1.0 #1
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014
RIP: 0010:crash_null_deref+0x0/0x10
Code: 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 20 21 22 23 24 25 26 27 28 29 <2a> 2b 2c 2d 2e 2f 30 31 32 33 34 35 36 37 38 39 3a 3b 3c 3d 3e 3f
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
        (lambda r: r.replace("Hardware name: QEMU", "Hardware name: Bochs"),
         "the line after the CPU line"),
        (lambda r: r.replace(", BIOS 1.16.2-debian-1.16.2-1 04/01/2014", ""),
         "the line after the CPU line"),
    ],
    ids=["good", "no-kernel-init", "wrong-rip", "no-r13", "no-final-line", "wrong-oops",
         "wrong-vendor", "no-bios"],
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


def made_up_text(function, offset, n):
    return bytes(range(n)) if function == "crash_null_deref" and offset == 0 else None


@pytest.mark.parametrize(
    "edit, complaint",
    [
        (lambda r: r, None),
        (lambda r: r.replace("<2a>", "2a"), "not 'Code: <42 bytes>"),
        (lambda r: r.replace(" 3f\n", "\n"), "not 'Code: <42 bytes>"),
        (lambda r: r.replace("<2a>", "<cc>"), "not the kernel's"),
        (lambda r: r.replace("Code: 00", "Code: 01"), "not the kernel's"),
        (lambda r: r.replace("RSP: 0018", "RBX: 0018"), "not the RSP line"),
    ],
    ids=["good", "no-brackets", "short", "wrong-rip-byte", "wrong-first-byte", "no-rsp"],
)
def test_code_checker_on_made_up_reports(edit, complaint):
    problems = code_problems(edit(GOOD_NULL_REPORT).split("\n"), made_up_text)
    if complaint is None:
        assert problems == []
    else:
        assert any(complaint in p for p in problems), problems


GOOD_TIMER_REPORT = """\
BUG: kernel NULL pointer dereference, address: 0000000000000000
#PF: supervisor write access in kernel mode
#PF: error_code(0x0002) - not-present page
Oops: 0002 [#1] SMP
CPU: 0 PID: 0 Comm: swapper/0 Not tainted 0.1.0 #1
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 0.0.0 02/06/2015
RIP: 0010:crash_timer_fn+0x0/0x10
RSP: 0018:ffffc90000007d38 EFLAGS: 00000282
RAX: 0000000000000101 RBX: ffffffff802170d0 RCX: 0000000000000001
RDX: 0000000000000000 RSI: ffffffff802170d0 RDI: ffffffff802d05c0
RBP: ffffc90000007e00 R08: 0000000000000240 R09: ffffffff80271190
R10: 0000000000000001 R11: 0000002000000000 R12: 0000000000000101
R13: ffffc90000007e20 R14: ffffc90000007e10 R15: ffffffff802170d0
CR2: 0000000000000000 CR3: 000000000027e000 CR4: 0000000000000020
Call Trace:
 <IRQ>
 ? call_timer_fn+0x1c/0x70
 run_timer_softirq+0x3a7/0x470
 handle_softirqs+0xaa/0x1a0
 irq_exit+0x30/0x40
 do_IRQ+0x91/0x130
 call_on_irq_stack+0x3a/0x5c
 </IRQ>
 <TASK>
 common_interrupt+0x78/0xcb
RIP: 0010:crash_wait_for_interrupt+0x8/0x10
RSP: 0018:ffffffff8026ff78 EFLAGS: 00000202
RAX: 0000000000000101 RBX: ffffffff802170d0 RCX: 0000000000000001
RDX: 0000000000000000 RSI: ffffffff802170d0 RDI: ffffffff802d05c0
RBP: ffffffff8026ff80 R08: 0000000000000240 R09: ffffffff80271190
R10: 0000000000000001 R11: 0000002000000000 R12: 0000000000000101
R13: ffffc90000007e20 R14: ffffc90000007e10 R15: ffffffff802170d0
 crash_timer_softirq+0x2a/0x30
 crash_from_cmdline+0xd6/0xf0
 kernel_init+0x149/0x1e0
 </TASK>
Kernel panic - not syncing: Fatal exception in interrupt
---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---"""


@pytest.mark.parametrize(
    "edit, complaint",
    [
        (lambda r: r, None),
        (lambda r: r.replace(" <IRQ>", " <TASK>", 1).replace(" </IRQ>", " </TASK>", 1),
         "walks <IRQ> then <TASK>"),
        (lambda r: r.replace(" </IRQ>\n", ""), "not closed"),
        (lambda r: r.replace(" kernel_init+", " other+"),
         "does not reach kernel_init after </IRQ>"),
        (lambda r: r.replace("RIP: 0010:crash_wait_for_interrupt", "RIP: 0010:memcpy"),
         "came in at memcpy"),
        (lambda r: r.replace("RIP: 0010:crash_wait_for_interrupt+0x8/0x10\n", ""),
         "the interrupted registers"),
        (lambda r: r.replace(" handle_softirqs+", " other+"), "handle_softirqs is not in"),
        (lambda r: r.replace("exception in interrupt", "exception"), "the last line is"),
    ],
    ids=["good", "task-marker", "unclosed", "no-kernel-init", "wrong-interrupted-rip",
         "no-interrupted-regs", "no-handle_softirqs", "no-in-interrupt"],
)
def test_checker_on_made_up_interrupt_reports(edit, complaint):
    timer = next(c for c in CRASHES if c.kind == "timer")
    problems = report_problems(edit(GOOD_TIMER_REPORT).split("\n"), timer, EXIT_PANIC)
    if complaint is None:
        assert problems == []
    else:
        assert any(complaint in p for p in problems), problems
