"""Boot irqlab's ISO in QEMU and talk to it over its serial console.

`Qemu` spawns qemu-system-x86_64 under pexpect with COM1 on the pty, keeps
every byte the guest printed (in memory and in a log file), and offers
waits that always have a timeout and, when they fail, say what they were
waiting for and show the tail of the serial output.

The serial port is `-chardev stdio,signal=off` + `-serial chardev:...`, which
is `-serial stdio` except that ^C (0x03) reaches the guest instead of
killing QEMU.
"""

from __future__ import annotations

import os
import re
import select
import shlex
import socket
import time
from pathlib import Path
from typing import IO

import pexpect

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ISO = REPO_ROOT / "build" / "irqlab.iso"
DEFAULT_ELF = REPO_ROOT / "build" / "irqlab.elf"
LOG_DIR = REPO_ROOT / "build" / "test-logs"

QEMU_BINARY = os.environ.get("IRQLAB_QEMU", "qemu-system-x86_64")
OVMF_CANDIDATES = (
    "/usr/share/ovmf/OVMF.fd",
    "/usr/share/OVMF/OVMF.fd",
    "/usr/share/qemu/OVMF.fd",
)

PROMPT = "irqlab# "

# Networking (see docs/pktgen.md).  Every QEMU the tests start says what
# network it has: QEMU's default would add an e1000 on user networking with
# access to the outside.  net="none" (the default): no NIC; "user": an
# e1000 on user networking with restrict=on (no outside access); "socket":
# an e1000 whose frames travel as UDP datagrams on 127.0.0.1, for
# tools/pktgen.
NET_MODES = ("none", "user", "socket")
GUEST_MAC = "52:54:00:12:34:56"
ENTER = "\r"  # what a terminal sends for the Enter key

# A printk timestamp, "[    0.123456] ", at the start of a line.
TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ")

# The accelerator: $IRQLAB_ACCEL (make test ACCEL=...), "tcg" (QEMU's
# emulator, the default and what CI runs) or "kvm" (the host's CPU, -cpu
# host, where $IRQLAB_KVM_DEV, default /dev/kvm, exists).
ACCELS = ("tcg", "kvm")


def default_accel() -> str:
    return os.environ.get("IRQLAB_ACCEL", "tcg") or "tcg"


def kvm_device() -> str:
    return os.environ.get("IRQLAB_KVM_DEV", "/dev/kvm") or "/dev/kvm"


def accel_args(accel: str) -> list[str]:
    """QEMU's options for an accelerator; AccelUnavailable if KVM is not
    there to use."""
    if accel not in ACCELS:
        raise ValueError(f"accel must be one of {ACCELS}, not {accel!r}")
    if accel == "tcg":
        return ["-accel", "tcg"]
    dev = kvm_device()
    if not os.path.exists(dev):
        raise AccelUnavailable(f"accel=kvm: {dev} does not exist: this machine has no KVM; "
                               "use TCG (leave ACCEL/IRQLAB_ACCEL out)")
    if not os.access(dev, os.R_OK | os.W_OK):
        raise AccelUnavailable(f"accel=kvm: {dev} exists but cannot be opened "
                               "(join the kvm group); use TCG (leave ACCEL out)")
    return ["-accel", "kvm", "-cpu", "host"]


# isa-debug-exit makes QEMU exit with (value << 1) | 1.
EXIT_KTEST_PASS = (0x10 << 1) | 1  # 33
EXIT_KTEST_FAIL = (0x11 << 1) | 1  # 35
EXIT_PANIC = (0x12 << 1) | 1  # 37


def _timeout_scale() -> float:
    try:
        return float(os.environ.get("IRQLAB_TIMEOUT_SCALE", "1"))
    except ValueError:
        return 1.0


def scaled(seconds: float) -> float:
    """A timeout, multiplied by $IRQLAB_TIMEOUT_SCALE (for slow machines)."""
    return seconds * _timeout_scale()


# Boot to the prompt takes ~10-20 s under SeaBIOS and ~30-60 s under OVMF
# with TCG on two cores; these leave room for a loaded machine.
BOOT_TIMEOUT = {"bios": 120.0, "uefi": 240.0}
COMMAND_TIMEOUT = 30.0


def find_ovmf() -> str | None:
    """OVMF's firmware image for `-bios`, or None if it is not installed."""
    override = os.environ.get("IRQLAB_OVMF")
    if override:
        return override if os.path.isfile(override) else None
    for path in OVMF_CANDIDATES:
        if os.path.isfile(path):
            return path
    return None


def strip_timestamp(line: str) -> str:
    return TIMESTAMP_RE.sub("", line, count=1)


def split_lines(text: str) -> list[str]:
    """Text from the serial port as lines: no \\r, no trailing empty line."""
    lines = text.replace("\r", "").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


class NetPorts:
    """The 127.0.0.1 UDP ports of a socket netdev.

    qemu: QEMU's localaddr; frames sent there reach the guest (pktgen's
          --qemu-port).
    host: where QEMU sends the guest's frames (pktgen's --listen).
    """

    def __init__(self, qemu: int, host: int):
        self.qemu = qemu
        self.host = host

    def pktgen_args(self) -> list[str]:
        return ["--qemu-port", str(self.qemu), "--listen", str(self.host)]

    def __repr__(self) -> str:
        return f"NetPorts(qemu={self.qemu}, host={self.host})"


def free_udp_ports(n: int) -> list[int]:
    """n distinct UDP ports that are free on 127.0.0.1 right now."""
    socks, ports = [], []
    try:
        while len(ports) < n:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
            ports.append(s.getsockname()[1])
    finally:
        for s in socks:
            s.close()
    return ports


class QemuError(AssertionError):
    """A wait on QEMU failed; the message says what was awaited."""


class FirmwareMissing(Exception):
    """The requested firmware image is not installed."""


class AccelUnavailable(Exception):
    """ACCEL=kvm was asked for where KVM cannot be used."""


class _SerialLog:
    """pexpect's logfile_read: keeps the output in memory and in a file."""

    def __init__(self, path: Path | None, header: str):
        self.chunks: list[str] = []
        self.file: IO[str] | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.file = open(path, "w", encoding="utf-8", errors="replace")
            self.file.write(header)
            self.file.flush()

    def write(self, data: str) -> None:
        self.chunks.append(data)
        if self.file is not None:
            self.file.write(data)

    def flush(self) -> None:
        if self.file is not None:
            self.file.flush()

    def note(self, text: str) -> None:
        """A harness remark in the log file only (not in the output)."""
        if self.file is not None:
            self.file.write(f"\n### {text}\n")
            self.file.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def text(self) -> str:
        if len(self.chunks) > 1:
            self.chunks[:] = ["".join(self.chunks)]
        return self.chunks[0] if self.chunks else ""


class Qemu:
    """One QEMU running build/irqlab.iso, its COM1 on a pexpect pty.

    Construct, then start(); or use the `qemu` pytest fixture, which starts
    it and always kills it afterwards.  `timeout` is the default for waits
    that cover a boot (wait_prompt, wait_exit); it defaults per firmware.
    `net` is "none" (no NIC), "user" (e1000, user networking, restrict=on)
    or "socket" (e1000 on a 127.0.0.1 UDP socket netdev; its ports are in
    `net_ports`).  `accel` is "tcg" or "kvm" (default $IRQLAB_ACCEL, else
    tcg); start() raises AccelUnavailable for kvm without /dev/kvm.
    """

    def __init__(
        self,
        firmware: str = "bios",
        smp: int = 2,
        mem: str = "256M",
        cmdline: str = "",
        extra_args: list[str] | tuple[str, ...] = (),
        debug_exit: bool = True,
        timeout: float | None = None,
        iso: str | os.PathLike = DEFAULT_ISO,
        log_path: str | os.PathLike | None = None,
        net: str = "none",
        mac: str = GUEST_MAC,
        accel: str | None = None,
        kshell: bool = True,
        nic_props: str = "",
        serial_mux: bool = False,
    ):
        if firmware not in ("bios", "uefi"):
            raise ValueError(f"firmware must be 'bios' or 'uefi', not {firmware!r}")
        if net not in NET_MODES:
            raise ValueError(f"net must be one of {NET_MODES}, not {net!r}")
        self.firmware = firmware
        self.accel = accel or default_accel()
        if self.accel not in ACCELS:
            raise ValueError(f"accel must be one of {ACCELS}, not {self.accel!r}")
        self.net = net
        self.mac = mac
        # Extra e1000 device properties, e.g. "mitigation=off".
        self.nic_props = nic_props
        # QEMU's mux on the serial line: Ctrl-A b sends a BREAK (and
        # Ctrl-A is then QEMU's, not the guest's).
        self.serial_mux = serial_mux
        self.net_ports: NetPorts | None = None
        if net == "socket":
            qemu_port, host_port = free_udp_ports(2)
            self.net_ports = NetPorts(qemu=qemu_port, host=host_port)
        self.smp = smp
        self.mem = mem
        # The kernel shell as init (boot option kshell), which most tests
        # drive; kshell=False boots the initramfs's own init (busybox).
        self.kshell = kshell
        self.cmdline = cmdline
        self.extra_args = list(extra_args)
        self.debug_exit = debug_exit
        self.timeout = scaled(timeout if timeout is not None else BOOT_TIMEOUT[firmware])
        self.iso = Path(iso)
        self.log_path = Path(log_path) if log_path is not None else None
        self.child: pexpect.spawn | None = None
        self.boot_log: str | None = None  # the output up to the first prompt
        self._log: _SerialLog | None = None
        self._exit_status: int | None = None

    # ---- starting and stopping -------------------------------------------

    def command(self) -> list[str]:
        """The QEMU command line."""
        args = [
            QEMU_BINARY,
            "-M", "pc",
            *accel_args(self.accel),
            "-cdrom", str(self.iso),
            "-boot", "d",
            "-smp", str(self.smp),
            "-m", self.mem,
            "-display", "none",
            "-monitor", "none",
            "-chardev", "stdio,id=com1,signal=off" + (",mux=on" if self.serial_mux else ""),
            "-serial", "chardev:com1",
            "-no-reboot",
        ]
        if self.firmware == "uefi":
            ovmf = find_ovmf()
            if ovmf is None:
                raise FirmwareMissing(
                    "UEFI firmware (OVMF) not found in "
                    + ", ".join(OVMF_CANDIDATES)
                    + " (apt-get install ovmf, or set IRQLAB_OVMF)"
                )
            args += ["-bios", ovmf]
        if self.debug_exit:
            args += ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        args += self.net_args()
        cmdline = " ".join(filter(None, ["kshell" if self.kshell else "", self.cmdline]))
        if cmdline:
            # QEMU's option syntax doubles a literal comma.
            value = cmdline.replace(",", ",,")
            args += ["-fw_cfg", f"name=opt/irqlab/cmdline,string={value}"]
        return args + self.extra_args

    def net_args(self) -> list[str]:
        """QEMU's networking options for self.net."""
        if self.net == "user":
            return ["-nic", f"user,model=e1000,restrict=on,mac={self.mac}"]
        if self.net == "socket":
            p = self.net_ports
            return [
                "-netdev",
                f"socket,id=n0,udp=127.0.0.1:{p.host},localaddr=127.0.0.1:{p.qemu}",
                "-device", ",".join(filter(None, [
                    "e1000", self.nic_props, "netdev=n0", f"mac={self.mac}"])),
            ]
        return ["-nic", "none"]

    def start(self) -> "Qemu":
        if not self.iso.is_file():
            raise FileNotFoundError(f"{self.iso} does not exist: run make iso first")
        args = self.command()
        header = f"### {shlex.join(args)}\n"
        self._log = _SerialLog(self.log_path, header)
        self.child = pexpect.spawn(
            args[0],
            args[1:],
            encoding="utf-8",
            codec_errors="replace",
            echo=False,
            timeout=self.timeout,
            dimensions=(50, 250),
            cwd=str(REPO_ROOT),
        )
        self.child.delaybeforesend = None
        self.child.logfile_read = self._log
        return self

    def close(self) -> None:
        """Kill QEMU if it still runs, and close the log.  Idempotent."""
        how = "not started"
        if self.child is not None:
            if self.child.isalive():
                self.child.terminate(force=True)
                how = "killed by the test harness"
            self.child.close(force=True)
            if self._exit_status is None:
                self._exit_status = self._status_of_child()
            if how != "killed by the test harness":
                how = f"exited by itself, status {self._exit_status}"
        if self._log is not None:
            self._log.note(f"QEMU {how}")
            self._log.close()

    kill = close

    def __enter__(self) -> "Qemu":
        return self.start() if self.child is None else self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- what the guest printed -------------------------------------------

    @property
    def output(self) -> str:
        """Everything read from the serial port so far (with \\r)."""
        return self._log.text() if self._log is not None else ""

    def lines(self, strip_timestamps: bool = False) -> list[str]:
        lines = split_lines(self.output)
        if strip_timestamps:
            lines = [strip_timestamp(line) for line in lines]
        return lines

    def tail(self, n: int = 40) -> str:
        return "\n".join(self.lines()[-n:])

    def describe_failure(self, message: str, n: int = 40) -> str:
        where = f" (full log: {self.log_path})" if self.log_path else ""
        return (
            f"{message}\n--- last {n} lines of serial output{where} ---\n"
            f"{self.tail(n)}\n--- end of serial output ---"
        )

    # ---- waiting ------------------------------------------------------------

    def _timeout(self, timeout: float | None) -> float:
        return self.timeout if timeout is None else scaled(timeout)

    def _expect(self, patterns, timeout, what: str, exact: bool):
        __tracebackhide__ = True
        assert self.child is not None, "Qemu.start() was not called"
        t = self._timeout(timeout)
        try:
            if exact:
                return self.child.expect_exact(patterns, timeout=t)
            return self.child.expect(patterns, timeout=t)
        except pexpect.TIMEOUT:
            raise QemuError(
                self.describe_failure(f"timed out after {t:.0f} s waiting for {what}")
            ) from None
        except pexpect.EOF:
            status = self._reap()
            raise QemuError(
                self.describe_failure(
                    f"QEMU exited (status {status}) while waiting for {what}"
                )
            ) from None

    def expect(self, pattern, timeout: float | None = None, what: str | None = None):
        """Wait for a regex (str or compiled) in the output; returns the match.

        Fails with QemuError naming `what` (default: the pattern) and the
        tail of the output on timeout or if QEMU exits first.
        """
        __tracebackhide__ = True
        if what is None:
            what = repr(getattr(pattern, "pattern", pattern))
        self._expect(pattern, timeout, what, exact=False)
        return self.child.match

    def expect_exact(self, text: str, timeout: float | None = None, what: str | None = None) -> None:
        """Wait for a literal string in the output."""
        __tracebackhide__ = True
        self._expect(text, timeout, what or repr(text), exact=True)

    @property
    def before(self) -> str:
        """The output between the previous match and the last one."""
        return self.child.before

    def wait_prompt(self, timeout: float | None = None) -> str:
        """Wait for the shell prompt; returns the output before it."""
        __tracebackhide__ = True
        self._expect(PROMPT, timeout, f"the shell prompt {PROMPT!r}", exact=True)
        if self.boot_log is None:
            self.boot_log = self.output
        return self.child.before

    def boot(self, timeout: float | None = None) -> "Qemu":
        """Start (if needed) and wait for the first prompt."""
        __tracebackhide__ = True
        if self.child is None:
            self.start()
        self.wait_prompt(timeout)
        return self

    def wait_exit(self, timeout: float | None = None) -> int:
        """Wait for QEMU to exit by itself; returns its exit status.

        A QEMU killed by a signal gives minus the signal number.
        """
        __tracebackhide__ = True
        self._expect(pexpect.EOF, timeout, "QEMU to exit", exact=False)
        status = self._reap()
        if status is None:
            raise QemuError(
                self.describe_failure("QEMU closed its output but did not exit")
            )
        return status

    @property
    def exit_status(self) -> int | None:
        return self._exit_status

    def _status_of_child(self) -> int | None:
        if self.child.exitstatus is not None:
            return self.child.exitstatus
        if self.child.signalstatus is not None:
            return -self.child.signalstatus
        return None

    def _reap(self, timeout: float = 10.0) -> int | None:
        """After EOF: wait (bounded) for the process to end; its status."""
        deadline = time.monotonic() + timeout
        while self.child.isalive():
            if time.monotonic() > deadline:
                return None
            time.sleep(0.02)
        self._exit_status = self._status_of_child()
        return self._exit_status

    # ---- typing ---------------------------------------------------------------

    def send(self, data: str | bytes, timeout: float = COMMAND_TIMEOUT) -> None:
        """Type raw input (str as UTF-8, or bytes as they are).

        The output is not read here but by the next wait: the pty buffers
        tens of KB each way, far more than any test types at once.  If QEMU
        stops taking input, this fails after `timeout` rather than hang.
        """
        __tracebackhide__ = True
        assert self.child is not None, "Qemu.start() was not called"
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        fd = self.child.child_fd
        deadline = time.monotonic() + scaled(timeout)
        sent = 0
        while sent < len(raw):
            remaining = deadline - time.monotonic()
            _, writable, _ = select.select([], [fd], [], max(remaining, 0))
            if not writable:
                raise QemuError(
                    self.describe_failure(
                        f"timed out typing input: QEMU took only {sent} of {len(raw)} bytes"
                    )
                )
            try:
                sent += os.write(fd, raw[sent : sent + 256])
            except OSError as e:
                status = self._reap()
                raise QemuError(
                    self.describe_failure(
                        f"could not type input ({e}); QEMU exit status {status}"
                    )
                ) from None

    def run(self, cmd: str, timeout: float = COMMAND_TIMEOUT) -> list[str]:
        """Type a command at the prompt; returns its output lines.

        Waits for the echoed command and then the next prompt; the lines in
        between come back without \\r and without the echo line.
        """
        __tracebackhide__ = True
        self.send(cmd + ENTER, timeout)
        self.expect(
            re.escape(cmd) + r"\r*\n",
            timeout,
            what=f"the echo of the command {cmd!r}",
        )
        self._expect(
            PROMPT, timeout, f"the prompt {PROMPT!r} after the command {cmd!r}", exact=True
        )
        return split_lines(self.child.before)

    def resync(self, timeout: float = COMMAND_TIMEOUT) -> None:
        """Get back to a known fresh prompt whatever was typed before.

        Ends the current line, then runs a unique unknown command and waits
        for its "not found" and the prompt after it, so that no stale prompt
        from earlier input can be mistaken for the current one.
        """
        __tracebackhide__ = True
        token = f"resync{time.monotonic_ns() % 10**9}"
        self.send(ENTER + token + ENTER, timeout)
        self.expect(
            re.escape(f"sh: {token}: not found") + r"\r*\n",
            timeout,
            what=f"'sh: {token}: not found' (resynchronising the shell)",
        )
        self._expect(PROMPT, timeout, f"the prompt after {token!r}", exact=True)
