"""The console keeps kernel lines and the shell's output apart.

printk and the shell share the serial console.  A kernel line must arrive
whole, from its timestamp at the start of a line to its end, however the
shell's echo and output interleave with it; the line being typed is
reprinted after a kernel line that interrupted it.  `logflood COUNT MS`
(kernel/shell/logflood.c) starts a kernel thread that logs COUNT numbered
lines; the test types a command over them, one key at a time, each
after the echo of the one before and a kernel line printed since, so
that typing and logging overlap by construction, not by timing.
"""

import re

from qemu import ENTER, PROMPT, Qemu, split_lines

FLOOD_TEXT = "the quick brown fox jumps over the lazy dog 0123456789"
TIMESTAMP = re.compile(r"\[\s*\d+\.\d{6}\] ")
FLOOD_LINE = re.compile(
    r"^\[\s*\d+\.\d{6}\] logflood: line (\d+) of (\d+): " + re.escape(FLOOD_TEXT) + "$"
)
NEXT_FLOOD_LINE = re.compile(r"logflood: line \d+ of \d+: " + re.escape(FLOOD_TEXT) + r"\r*\n")
COMMAND = "uname -a"


def torn_lines(lines: list[str]) -> list[str]:
    """Lines where a kernel line does not stand whole on its own line."""
    bad = []
    for line in lines:
        stamps = [m.start() for m in TIMESTAMP.finditer(line)]
        if stamps and stamps != [0]:
            bad.append(line)  # a timestamp that does not start the line
        elif "logflood: line" in line and not FLOOD_LINE.match(line):
            bad.append(line)  # something inside, or missing from, the line
    return bad


def test_typing_over_kernel_output(qemu):
    q: Qemu = qemu(firmware="bios", smp=2).boot()
    reference = q.run(COMMAND)
    count = 1000
    start = len(q.output)
    q.send(f"logflood {count} 2" + ENTER)
    q.expect_exact(PROMPT, what="the prompt after starting logflood")
    # A key, its echo (right after the keys before it, or in the line
    # written again after a kernel line), then a kernel line after it.
    for i, key in enumerate(COMMAND):
        q.send(key)
        q.expect_exact(PROMPT + COMMAND[: i + 1], what=f"the echo of {key!r}", timeout=60)
        q.expect(NEXT_FLOOD_LINE, what=f"a logflood line after typing {key!r}", timeout=60)
    q.send(ENTER)
    q.expect_exact(reference[0], what=f"the output of {COMMAND!r} typed over the flood",
                   timeout=60)
    q.expect(r"logflood: done, \d+ lines\r*\n", what="the end of the flood", timeout=120)
    q.resync()
    lines = split_lines(q.output[start:])
    bad = torn_lines(lines)
    assert not bad, f"{len(bad)} torn kernel line(s), e.g.:\n" + "\n".join(
        repr(line) for line in bad[:10]
    )
    seen = sorted(int(m.group(1)) for m in map(FLOOD_LINE.match, lines) if m)
    assert seen == list(range(1, count + 1)), (
        f"logflood lines lost or repeated: {len(seen)} of {count} arrived"
    )


def test_torn_line_checker():
    good = [
        "[    1.000000] logflood: line 1 of 2: " + FLOOD_TEXT,
        "irqlab# una",
        "[   12.500000] logflood: line 2 of 2: " + FLOOD_TEXT,
    ]
    assert torn_lines(good) == []
    torn = [
        "irqlab# u[    1.000000] logflood: line 1 of 2: " + FLOOD_TEXT,
        "[    1.000000] logflood: line 1 of 2: the quick brown fox junmps over the lazy dog 0123456789",
        "[    1.000000] logflood: line 1 of 2: the quick brown fox",
    ]
    assert torn_lines(torn) == torn
