"""The harness's own KTAP parser (tests/ktap.py), on KUnit-shaped samples.

No QEMU here: these check that passes, failures, skips, diagnostics, printk
timestamps, truncated output and wrong plans are read as KUnit means them,
so that test_ktest.py's verdicts on the kernel can be trusted.
"""

import textwrap

import ktap

SAMPLE = textwrap.dedent(
    """\
    [    0.512000] irqlab: running ktest
    [    0.512001] KTAP version 1
    [    0.512002] 1..2
    [    0.512003]     KTAP version 1
    [    0.512004]     # Subtest: example
    [    0.512005]     1..3
    [    0.512006]     # example_fails: EXPECTATION FAILED at lib/example.c:29
    [    0.512007]     Expected 1 + 1 == 3, but
    [    0.512008]         1 + 1 == 2 (0x2)
    [    0.512009]     not ok 1 example_fails
    [    0.512010]     ok 2 example_skipped # SKIP not on this machine
    [    0.512011]     ok 3 example_passes
    [    0.512012] # example: pass:1 fail:1 skipped:1 total:3
    [    0.512013] not ok 1 example
    [    0.512014]     KTAP version 1
    [    0.512015]     # Subtest: string
    [    0.512016]     1..2
    [    0.512017]     ok 1 strlen_basic
    [    0.512018]     ok 2 - strcmp_order
    [    0.512019] ok 2 string
    [    0.512020] irqlab: ktest done
    """
)


def test_suites_and_cases():
    doc = ktap.parse(SAMPLE)
    assert doc.version == "1"
    assert doc.plan == 2
    assert [s.name for s in doc.subtests] == ["example", "string"]
    example, string = doc.subtests
    assert (example.number, example.status) == (1, ktap.FAIL)
    assert (string.number, string.status) == (2, ktap.PASS)
    assert example.plan == 3
    assert [(c.number, c.name, c.status) for c in example.subtests] == [
        (1, "example_fails", ktap.FAIL),
        (2, "example_skipped", ktap.SKIP),
        (3, "example_passes", ktap.PASS),
    ]
    assert [c.name for c in string.subtests] == ["strlen_basic", "strcmp_order"]
    assert doc.problems() == []


def test_diagnostics_belong_to_the_next_result():
    doc = ktap.parse(SAMPLE)
    example = doc.find("example")
    fails = example.find("example_fails")
    assert fails.diagnostics == [
        "# example_fails: EXPECTATION FAILED at lib/example.c:29",
        "Expected 1 + 1 == 3, but",
        "    1 + 1 == 2 (0x2)",
    ]
    assert example.find("example_passes").diagnostics == []
    assert example.diagnostics == ["# example: pass:1 fail:1 skipped:1 total:3"]


def test_skip_reason():
    skipped = ktap.parse(SAMPLE).find("example").find("example_skipped")
    assert skipped.ok
    assert skipped.skip_reason == "not on this machine"


def test_lines_before_ktap_are_ignored_and_crlf_is_fine():
    text = "GRUB loading\r\n[    0.1] booting\r\n" + SAMPLE.replace("\n", "\r\n")
    doc = ktap.parse(text)
    assert [s.name for s in doc.subtests] == ["example", "string"]
    assert doc.problems() == []


def test_without_timestamps():
    plain = "\n".join(ktap.strip_timestamp(line) for line in SAMPLE.splitlines())
    assert plain.startswith("irqlab: running ktest\nKTAP version 1\n1..2\n    KTAP")
    doc = ktap.parse(plain)
    assert len(doc.cases()) == 5
    assert doc.problems() == []


def test_no_ktap_at_all():
    doc = ktap.parse("just a boot log\nirqlab# \n")
    assert doc.subtests == []
    assert doc.problems() == ["top level: no 'KTAP version' line: no KTAP output at all"]


def test_truncated_output_is_reported():
    cut = SAMPLE[: SAMPLE.index("[    0.512018]")]
    doc = ktap.parse(cut)
    string = doc.find("string")
    assert string is not None and string.status is None
    assert [c.name for c in string.subtests] == ["strlen_basic"]
    problems = doc.problems()
    assert "top level: plan says 1..2 but 2 results were printed" not in problems
    assert "string: no result line (ok/not ok)" in problems
    assert "string: plan says 1..2 but 1 results were printed" in problems
    assert "string: output ended inside this test" in problems


def test_plan_mismatch_and_numbering():
    text = textwrap.dedent(
        """\
        KTAP version 1
        1..3
            KTAP version 1
            # Subtest: a
            1..2
            ok 1 one
            ok 3 three
        ok 1 a
        """
    )
    problems = ktap.parse(text).problems()
    assert "top level: plan says 1..3 but 1 results were printed" in problems
    assert "a.three: numbered 3, expected 2" in problems


def test_suite_result_must_agree_with_its_cases():
    text = textwrap.dedent(
        """\
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: a
            1..1
            not ok 1 one
        ok 1 a
        """
    )
    assert "a: reported ok but one failed" in ktap.parse(text).problems()


def test_old_kunit_header_without_version():
    text = textwrap.dedent(
        """\
        TAP version 14
        1..2
            # Subtest: a
            1..1
            ok 1 one
        ok 1 - a
            # Subtest: b
            1..1
            ok 1 two
        ok 2 - b
        """
    )
    doc = ktap.parse(text)
    assert [(s.name, [c.name for c in s.subtests]) for s in doc.subtests] == [
        ("a", ["one"]),
        ("b", ["two"]),
    ]
    assert doc.problems() == []


def test_suite_missing_its_result_line():
    text = textwrap.dedent(
        """\
        KTAP version 1
        1..2
            KTAP version 1
            # Subtest: a
            1..1
            ok 1 one
            KTAP version 1
            # Subtest: b
            1..1
            ok 1 two
        ok 2 b
        """
    )
    doc = ktap.parse(text)
    assert [s.name for s in doc.subtests] == ["a", "b"]
    assert "a: no result line (ok/not ok)" in doc.problems()


def test_kernel_messages_inside_a_suite_do_not_break_nesting():
    text = textwrap.dedent(
        """\
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: a
            1..2
        [    1.000000] smpboot: CPU 1 is up
            ok 1 one
            ok 2 two
        ok 1 a
        """
    )
    doc = ktap.parse(text)
    assert [c.name for c in doc.find("a").subtests] == ["one", "two"]
    assert doc.problems() == []
