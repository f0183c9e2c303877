"""The in-kernel ktest suites (KUnit-style), one pytest item per case.

The kernel boots once under BIOS with -smp 2 and `ktest=all`, prints KTAP
version 1 and exits QEMU through isa-debug-exit: 33 when every case passed,
35 when one failed.  The cases to expect are read from build/irqlab.elf's
.ktest_suites table at collection time (tests/kelf.py), so each case is its
own pytest item; its failure shows the kernel's diagnostics.  Then the KTAP
structure (plans, numbering, no suite missing) and the exit status are
checked as tests of their own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

import kelf
import ktap
from harness import resolve_path
from qemu import EXIT_KTEST_FAIL, EXIT_KTEST_PASS, Qemu, QemuError

# Seconds for the whole run, boot included, as `make ktest` allows: on a
# loaded host one suite alone (sched_smp's 100,000-round ping-pong) takes
# over 300 s; the wait only has to tell a slow run from a stuck one.
KTEST_TIMEOUT = 900.0
KTEST_CMDLINE = "ktest=all"
# QEMU's default model with SMEP and SMAP added (TCG emulates both).
SMAP_CPU = "qemu64,+smep,+smap"


@functools.lru_cache(maxsize=None)
def expected_suites(elf: Path) -> tuple[list[tuple[str, list[str]]] | None, str]:
    """The suites and cases built into the ELF, or (None, why not)."""
    try:
        return kelf.ktest_suites(elf), ""
    except (OSError, kelf.ElfError) as e:
        return None, f"cannot read the ktest table from {elf}: {e}"


def pytest_generate_tests(metafunc):
    if "ktest_case" not in metafunc.fixturenames:
        return
    suites, _why = expected_suites(resolve_path(metafunc.config.getoption("--elf")))
    if suites is None:
        # No ELF to list the cases: one item checks every case printed.
        metafunc.parametrize("ktest_case", [None], ids=["all-cases"])
        return
    params = [(suite, case) for suite, cases in suites for case in cases]
    metafunc.parametrize("ktest_case", params, ids=[f"{s}.{c}" for s, c in params])


@dataclass
class KtestRun:
    qemu: Qemu
    status: int | None  # QEMU's exit status; None if it had to be killed
    error: str | None  # why the run did not end by itself
    doc: ktap.KtapTest

    def why_incomplete(self) -> str:
        if self.error:
            return f"\nThe ktest boot did not end normally:\n{self.error}"
        return f"\n--- last 40 lines of serial output (log: {self.qemu.log_path}) ---\n" + (
            self.qemu.tail(40)
        )


@pytest.fixture(scope="module")
def ktest_run(module_qemu) -> KtestRun:
    # An e1000 on QEMU's restricted user network, so the e1000 suite runs.
    q = module_qemu(name="ktest-all", firmware="bios", smp=2, cmdline=KTEST_CMDLINE,
                    net="user")
    status, error = None, None
    try:
        status = q.wait_exit(timeout=KTEST_TIMEOUT)
    except QemuError as e:
        # Keep what was printed: the cases that did finish still count.
        error = str(e)
        q.close()
    return KtestRun(q, status, error, ktap.parse(q.output))


def describe(case: ktap.KtapTest) -> str:
    diag = "\n".join(f"    {line}" for line in case.diagnostics) or "    (no diagnostics)"
    return f"not ok {case.number} {case.name}\n{diag}"


def test_case(ktest_run, ktest_case):
    if ktest_case is None:
        failed = [
            f"{suite.name}.{describe(case)}"
            for suite in ktest_run.doc.subtests
            for case in suite.subtests
            if case.status == ktap.FAIL
        ]
        if not ktest_run.doc.cases():
            pytest.fail("no ktest case in the output" + ktest_run.why_incomplete(), pytrace=False)
        if failed:
            pytest.fail("failed cases:\n" + "\n".join(failed), pytrace=False)
        return

    suite_name, case_name = ktest_case
    suite = ktest_run.doc.find(suite_name)
    if suite is None:
        pytest.fail(
            f"suite {suite_name} is not in the KTAP output" + ktest_run.why_incomplete(),
            pytrace=False,
        )
    case = suite.find(case_name)
    if case is None:
        pytest.fail(
            f"case {suite_name}.{case_name} is not in the KTAP output"
            + ktest_run.why_incomplete(),
            pytrace=False,
        )
    if case.status == ktap.SKIP:
        pytest.skip(f"ktest skipped it: {case.skip_reason or '(no reason given)'}")
    if case.status != ktap.PASS:
        pytest.fail(f"{suite_name}: {describe(case)}", pytrace=False)


def test_ktap_is_well_formed(ktest_run):
    problems = ktest_run.doc.problems()
    if problems:
        pytest.fail(
            "KTAP problems:\n  - " + "\n  - ".join(problems) + ktest_run.why_incomplete(),
            pytrace=False,
        )


def test_no_suite_missing(ktest_run, elf_path, iso_elf_mismatch):
    suites, why = expected_suites(elf_path)
    if suites is None:
        pytest.skip(why)
    if iso_elf_mismatch:
        # The cases expected come from the ELF, the ones run from the ISO.
        pytest.fail(iso_elf_mismatch, pytrace=False)
    printed = {s.name: [c.name for c in s.subtests] for s in ktest_run.doc.subtests}
    built = dict(suites)
    problems = []
    for name, cases in suites:
        if name not in printed:
            problems.append(f"suite {name} is built in but was not run")
        elif printed[name] != cases:
            problems.append(f"suite {name}: built cases {cases}, printed {printed[name]}")
    for name in printed:
        if name not in built:
            problems.append(f"suite {name} was run but is not in {elf_path} (stale ELF?)")
    if problems:
        pytest.fail("\n".join(problems) + ktest_run.why_incomplete(), pytrace=False)


def test_exit_status(ktest_run):
    if ktest_run.error:
        pytest.fail(ktest_run.error, pytrace=False)
    failed = [
        f"{suite.name}.{case.name}"
        for suite in ktest_run.doc.subtests
        for case in suite.subtests
        if case.status == ktap.FAIL
    ]
    expected = EXIT_KTEST_FAIL if failed else EXIT_KTEST_PASS
    meaning = f"{len(failed)} case(s) failed" if failed else "every case passed"
    assert ktest_run.status == expected, (
        f"QEMU exited with status {ktest_run.status}; {meaning} in the KTAP output, "
        f"so expected {expected} (0x{(expected >> 1):x} written to isa-debug-exit)"
    )


@pytest.mark.parametrize("firmware,smp,cpu", [
    ("bios", 1, None), ("bios", 4, None), ("uefi", 2, None),
    ("bios", 2, SMAP_CPU)])
def test_all_suites_pass_on(qemu, firmware, smp, cpu):
    """Every suite again, with one CPU and under UEFI: the memory map, the
    MADT and the interrupt routing differ there; and on a CPU model with
    SMEP and SMAP, where every user copy must open user memory (STAC)
    and the smap suite's refusals run instead of skipping."""
    q = qemu(firmware=firmware, smp=smp, cmdline=KTEST_CMDLINE, net="user",
             extra_args=["-cpu", cpu] if cpu else [])
    status = q.wait_exit(timeout=KTEST_TIMEOUT)
    doc = ktap.parse(q.output)
    failed = [
        f"{suite.name}.{describe(case)}"
        for suite in doc.subtests
        for case in suite.subtests
        if case.status == ktap.FAIL
    ]
    assert doc.cases(), "no ktest case in the output:\n" + q.tail(40)
    assert not failed, "failed cases:\n" + "\n".join(failed)
    if cpu == SMAP_CPU:
        assert "SMAP: " in q.output and "STAC/CLAC sites patched" in q.output, q.tail(40)
        smap = [suite for suite in doc.subtests if suite.name == "smap"]
        assert smap and all(case.status == ktap.PASS for case in smap[0].subtests), \
            "the smap suite skipped or failed on a CPU with SMEP and SMAP"
    assert status == EXIT_KTEST_PASS, f"QEMU exited {status}:\n" + q.tail(40)
