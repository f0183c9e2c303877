"""The serial shell's line editing and error handling, and poweroff.

Unknown commands and missing files give the POSIX-shell messages; backspace
(DEL and BS) edits the line, ^U erases it, ^C abandons it; a line of 255
characters is taken and a longer one refused; random bytes, control
characters, escape sequences and a 5000-character line leave the shell
working; `poweroff` powers QEMU off (exit status 0 after "reboot: Power
down").  Read-only checks share one boot; the garbage and poweroff tests
have their own.
"""

import random

import pytest

from qemu import ENTER, PROMPT, Qemu, split_lines


@pytest.fixture(scope="module")
def uname(bios_shell) -> list[str]:
    """`uname -a` as a clean boot prints it: what edited lines must give."""
    out = bios_shell.run("uname -a")
    assert len(out) == 1 and out[0].startswith("irqlab "), f"uname -a printed {out!r}"
    return out


def type_line(q: Qemu, keys: str | bytes, what: str) -> list[str]:
    """Type keys + Enter; returns the lines up to the next prompt, the
    (edited) echo line included."""
    q.send(keys)
    q.send(ENTER)
    q.expect_exact(PROMPT, what=f"the prompt after typing {what}", timeout=30)
    return split_lines(q.before)


def test_unknown_command(bios_shell):
    out = bios_shell.run("nosuchcmd")
    assert out == ["sh: nosuchcmd: not found"]


def test_cat_missing_file(bios_shell):
    out = bios_shell.run("cat /proc/nonexistent")
    assert out == ["cat: /proc/nonexistent: No such file or directory"]


@pytest.mark.parametrize("backspace", ["\x7f", "\x08"], ids=["DEL", "BS"])
def test_backspace_edits_the_line(bios_shell, uname, backspace):
    out = type_line(bios_shell, f"unamx{backspace}e -a", "'unamx<backspace>e -a'")
    assert out[1:] == uname, (
        f"'unamx<{backspace!r}>e -a' should run 'uname -a'; the shell printed:\n"
        + "\n".join(out)
    )


def test_ctrl_c_abandons_the_line(bios_shell, uname):
    q = bios_shell
    q.send("nosuchcmd")
    q.expect_exact("nosuchcmd", what="the echo of 'nosuchcmd'", timeout=30)
    q.send("\x03")
    q.expect_exact(PROMPT, what="a fresh prompt after ^C", timeout=30)
    assert "not found" not in q.before, f"^C ran the line instead of dropping it: {q.before!r}"
    # The abandoned text must not be in front of the next command.
    assert q.run("uname -a") == uname


def test_ctrl_u_kills_the_line(bios_shell, uname):
    out = type_line(bios_shell, "nosuchcmd\x15uname -a", "'nosuchcmd^Uuname -a'")
    assert out[1:] == uname, "^U should erase 'nosuchcmd'; the shell printed:\n" + "\n".join(out)


def test_longest_line_is_accepted(bios_shell):
    word = "y" * 255  # the limit: 255 characters
    assert bios_shell.run(word) == [f"sh: {word}: not found"]


@pytest.mark.parametrize("length", [256, 300])
def test_line_too_long(bios_shell, uname, length):
    q = bios_shell
    q.send("x" * length + ENTER)
    q.expect(
        r"line too long", what=f"an error containing 'line too long' for a {length}-char line"
    )
    q.resync()
    assert q.run("uname -a") == uname


def test_garbage_input_leaves_shell_working(qemu):
    q = qemu(firmware="bios").boot()
    reference = q.run("uname -a")
    assert reference and reference[0].startswith("irqlab "), reference

    rng = random.Random(20240601)
    controls = [b for b in range(0x01, 0x20) if b not in (0x0A, 0x0D)]
    special = controls + [0x7F] + list(range(0x80, 0x100))
    printable = list(range(0x20, 0x7F))
    garbage = bytes(special + [rng.choice(special + printable) for _ in range(1500)])
    garbage = bytes(rng.sample(garbage, len(garbage)))
    escapes = (
        "\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F\x1b[2~\x1b[3~\x1b[5~\x1b[6~"
        "\x1bOP\x1bOQ\x1b[1;5C\x1b[200~pasted\x1b[201~\x1b[999;999H\x1b]0;title\x07"
        "\x1b[6n\x1bc\x1b"
    )
    long_line = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789 -/") for _ in range(5000))

    q.send(garbage)
    q.send(ENTER)
    q.send(escapes)
    q.send(ENTER)
    q.send(long_line + ENTER, timeout=120)
    q.resync(timeout=60)
    out = q.run("uname -a")
    assert out == reference, f"after garbage, uname -a printed {out!r}, before {reference!r}"
    for bad in ("Oops", "Kernel panic", "BUG:"):
        assert bad not in q.output, f"the kernel reported {bad!r} after garbage input"


def test_poweroff(qemu):
    q = qemu(firmware="bios").boot()
    q.send("poweroff" + ENTER)
    q.expect_exact("reboot: Power down", what="'reboot: Power down' after poweroff")
    status = q.wait_exit(timeout=60)
    assert status == 0, f"QEMU exited with status {status} after poweroff, expected 0"
