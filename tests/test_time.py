"""Time that keeps up with the host clock while the host is loaded.

A vCPU the host does not run cannot take its ticks.  Linux counts jiffies
from the clocksource (tick_do_update_jiffies64), so ticks it could not
take are counted late, not lost, and `mpstat -P ALL 1` prints one row per
second of real time however busy the host is.

The load is a starvation of known size: QEMU is kept off the CPU for half
of every 40 ms, as a host scheduler does to a vCPU that shares its core
with one busy process (busy processes alone starve a vCPU by an amount
that depends on everything else the machine runs).  The test checks the
interval between mpstat's rows against the host's monotonic clock within
a wide margin (0.8-1.5 s): it measures a clock, not a speed.
"""

import os
import re
import signal
import threading
import time

ROWS = 10
ALL_ROW = re.compile(r"\n(\d\d:\d\d:\d\d)\s+all\s+\d")
STOP_S, RUN_S = 0.020, 0.020


class Starved:
    """Keeps process pid stopped for STOP_S of every STOP_S + RUN_S while
    the `with` lasts; it runs normally afterwards, whatever happened."""

    def __init__(self, pid):
        self.pid = pid
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            while not self.done.is_set():
                os.kill(self.pid, signal.SIGSTOP)
                time.sleep(STOP_S)
                os.kill(self.pid, signal.SIGCONT)
                time.sleep(RUN_S)
        except ProcessLookupError:
            pass

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()
        try:
            os.kill(self.pid, signal.SIGCONT)
        except ProcessLookupError:
            pass


def test_mpstat_rows_follow_host_clock_under_load(qemu):
    q = qemu(smp=2).boot()
    stamps, guest = [], []
    with Starved(q.child.pid):
        q.send(f"mpstat -P ALL 1 {ROWS}\r")
        q.expect(r"%usr", timeout=60, what="mpstat's header")
        for i in range(ROWS):
            # Generous: a row that comes late is what the test measures.
            m = q.expect(ALL_ROW, timeout=60, what=f"mpstat's row {i + 1}")
            stamps.append(time.monotonic())
            guest.append(m.group(1))
        q.expect(r"Average:\s+all", timeout=60, what="mpstat's Average")
    q.wait_prompt(timeout=60)

    intervals = [b - a for a, b in zip(stamps, stamps[1:])]
    mean = (stamps[-1] - stamps[0]) / (len(stamps) - 1)
    shown = ", ".join(f"{x:.2f}" for x in intervals)
    assert 0.8 <= mean <= 1.5, (
        f"mpstat printed a row every {mean:.2f} s of host time on average "
        f"while QEMU was starved (each: {shown}; guest clock: {guest})")


def test_boot_time_is_host_time(qemu):
    """The real time comes from the CMOS clock, which QEMU sets from the
    host's: /proc/stat's btime must fall between the host's clock when
    QEMU started and when the prompt came."""
    before = time.time()
    q = qemu(smp=1)
    q.boot()
    after = time.time()
    btime = [l for l in q.run("cat /proc/stat") if l.startswith("btime ")]
    assert len(btime) == 1, "no btime line in /proc/stat"
    secs = int(btime[0].split()[1])
    # The CMOS clock counts whole seconds, and btime is truncated to one:
    # up to two seconds early.
    assert before - 2 <= secs <= after, (
        f"btime {secs} is not between {before:.0f} and {after:.0f}")
