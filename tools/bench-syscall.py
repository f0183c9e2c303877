#!/usr/bin/python3
"""System-call and process costs of irqlab, in instructions.

Boots build/irqlab.iso in QEMU with -icount shift=0 (the guest's clock
counts one nanosecond per instruction executed, so timings become
instruction counts that repeat from run to run, whatever the host's
load) and one CPU, runs /usr/lib/irqlab/bench (tests/user/bench.c) from
the kernel shell, and prints its figures: a JSON object, then a final
line of numbers (getpid round trip, fork+exec+exit+wait), as the
project's benchmarks do.  The same program run on a Linux machine gives
nanoseconds, lmbench's lat_syscall null and lat_proc exec in spirit
(docs/userspace.md, "Costs").

usage: tools/bench-syscall.py [--getpid N] [--fork N] [--iso PATH]
"""

import argparse
import json
import re
import sys

import pexpect

PROMPT = "irqlab# "


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--getpid", type=int, default=20000, help="getpid calls")
    ap.add_argument("--fork", type=int, default=50, help="fork+exec+wait rounds")
    ap.add_argument("--iso", default="build/irqlab.iso")
    ap.add_argument("--timeout", type=float, default=900.0)
    args = ap.parse_args()
    if args.getpid <= 0 or args.fork <= 0:
        ap.error("counts must be positive")

    qemu = ["qemu-system-x86_64", "-M", "pc", "-smp", "1", "-m", "256M",
            "-icount", "shift=0", "-cdrom", args.iso, "-boot", "d",
            "-nographic", "-no-reboot", "-nic", "none"]
    q = pexpect.spawn(qemu[0], qemu[1:], encoding="utf-8",
                      codec_errors="replace", timeout=args.timeout)
    try:
        q.expect_exact(PROMPT)
        cmd = f"run /usr/lib/irqlab/bench getpid {args.getpid} fork {args.fork}"
        q.sendline(cmd)
        q.expect(r"\{[^\r\n]*\}")
        result = json.loads(q.match.group(0))
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        print(f"bench-syscall: no result from the guest ({type(e).__name__}); "
              f"last output:\n{q.before[-2000:] if q.before else ''}",
              file=sys.stderr)
        return 1
    finally:
        q.terminate(force=True)

    out = {
        "unit": "instructions (QEMU -icount shift=0, 1 CPU)",
        "getpid_round_trip": result["getpid_ns"],
        "fork_exec_exit_wait": result["fork_exec_exit_wait_ns"],
        "getpid_calls": args.getpid,
        "fork_rounds": args.fork,
    }
    print(json.dumps(out, indent=2))
    print(f"{out['getpid_round_trip']:.0f} {out['fork_exec_exit_wait']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
