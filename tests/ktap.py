"""A parser for KTAP version 1, as Linux's KUnit (and irqlab's ktest) print it.

    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: example
        1..2
        # example_fails: EXPECTATION FAILED at lib/example.c:29
        Expected 1 + 1 == 3, but
            1 + 1 == 2 (0x2)
        not ok 1 example_fails
        ok 2 example_skipped # SKIP not on this machine
    # example: pass:0 fail:1 skipped:1 total:2
    not ok 1 example
    ...

Nesting is by four spaces of indentation.  Only KTAP's own lines (version,
"# Subtest:", plan, result) are placed by their indentation; every other
line is a diagnostic of the test whose result comes next at its level, or
lower, as KUnit's own parser takes them.  Lines may carry a printk
timestamp ("[    0.123456] "), which is removed first; lines that come before
the first "KTAP version" line are not KTAP and are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ")
VERSION_RE = re.compile(r"^(?:KTAP|TAP) version (\d+)\s*$")
SUBTEST_RE = re.compile(r"^# Subtest: (.*?)\s*$")
PLAN_RE = re.compile(r"^1\.\.(\d+)\s*$")
RESULT_RE = re.compile(r"^(ok|not ok) (\d+)(?: - | |$)(.*)$")
INDENT = 4

PASS, FAIL, SKIP = "ok", "not ok", "skip"


@dataclass
class KtapTest:
    """A KTAP test: the whole document, a suite, or a case (no subtests)."""

    name: str = ""
    number: int | None = None
    status: str | None = None  # PASS, FAIL, SKIP; None if no result line
    directive: str = ""  # e.g. "SKIP reason" or "TODO"
    skip_reason: str = ""
    version: str | None = None
    plan: int | None = None
    subtests: list["KtapTest"] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    # KTAP-level problems found while parsing this test's block.
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in (PASS, SKIP)

    def find(self, name: str) -> "KtapTest | None":
        for sub in self.subtests:
            if sub.name == name:
                return sub
        return None

    def walk(self):
        """This test and all tests under it, depth first."""
        yield self
        for sub in self.subtests:
            yield from sub.walk()

    def cases(self) -> list["KtapTest"]:
        """The leaves under this test."""
        return [t for t in self.walk() if not t.subtests and t is not self]

    def problems(self, path: str = "") -> list[str]:
        """What is wrong with the KTAP structure (not with the results):
        plans that do not match the number of results, results numbered out
        of order, missing result lines, parse errors."""
        where = path or "top level"
        out = [f"{where}: {e}" for e in self.errors]
        if self.subtests or self.plan is not None:
            if self.plan is None:
                out.append(f"{where}: no plan line (1..N)")
            elif self.plan != len(self.subtests):
                out.append(
                    f"{where}: plan says 1..{self.plan} but "
                    f"{len(self.subtests)} results were printed"
                )
        for i, sub in enumerate(self.subtests, start=1):
            name = f"{path}.{sub.name}" if path else sub.name
            if sub.status is None:
                out.append(f"{name}: no result line (ok/not ok)")
            elif sub.number != i:
                out.append(f"{name}: numbered {sub.number}, expected {i}")
            if sub.subtests:
                failed = [c.name for c in sub.subtests if c.status == FAIL]
                if sub.status == PASS and failed:
                    out.append(f"{name}: reported ok but {', '.join(failed)} failed")
                if sub.status == FAIL and not failed and all(
                    c.status is not None for c in sub.subtests
                ):
                    out.append(f"{name}: reported not ok but no case failed")
            out += sub.problems(name)
        return out


def strip_timestamp(line: str) -> str:
    return TIMESTAMP_RE.sub("", line, count=1)


def _indent_of(line: str) -> tuple[int, str]:
    """(level, text) for a line indented by multiples of four spaces."""
    stripped = line.lstrip(" ")
    spaces = len(line) - len(stripped)
    return spaces // INDENT, line[(spaces // INDENT) * INDENT :]


def _keyword(text: str) -> bool:
    return bool(
        VERSION_RE.match(text)
        or SUBTEST_RE.match(text)
        or PLAN_RE.match(text)
        or RESULT_RE.match(text)
    )


class _Block:
    """An open KTAP block (the document or a subtest) during parsing."""

    def __init__(self, test: KtapTest):
        self.test = test
        self.pending_diag: list[str] = []  # for the next result line

    def started(self) -> bool:
        t = self.test
        return bool(t.version or t.name or t.plan is not None or t.subtests)


def parse(text_or_lines) -> KtapTest:
    """Parse KTAP from serial output (a str, or an iterable of lines).

    Returns the document: its subtests are the suites, theirs the cases.
    Always returns a tree, however broken the input; problems() tells what
    was wrong with it.
    """
    if isinstance(text_or_lines, str):
        lines = text_or_lines.replace("\r", "").split("\n")
    else:
        lines = [line.rstrip("\r\n") for line in text_or_lines]

    parser: _Parser | None = None
    for raw in lines:
        line = strip_timestamp(raw).rstrip()
        if parser is None:
            # Nothing is KTAP until the first version line.
            m = VERSION_RE.match(line.strip())
            if m:
                parser = _Parser(m.group(1))
            continue
        parser.feed(line)
    if parser is None:
        root = KtapTest()
        root.errors.append("no 'KTAP version' line: no KTAP output at all")
        return root
    return parser.finish()


class _Parser:
    def __init__(self, version: str):
        root = KtapTest(version=version)
        self.stack = [_Block(root)]  # stack[i] is the open block at depth i

    @property
    def depth(self) -> int:
        return len(self.stack) - 1

    def feed(self, line: str) -> None:
        level, text = _indent_of(line)
        if not _keyword(text):
            if line.strip():
                depth = min(level, self.depth)
                # Indentation beyond the block's own level is kept.
                self.stack[depth].pending_diag.append(line[depth * INDENT :])
            return
        if m := RESULT_RE.match(text):
            self._result(level, m)
            return
        if level == 0:
            if m := PLAN_RE.match(text):
                self._close_below(0)
                self._set_plan(self.stack[0].test, int(m.group(1)))
            else:
                self.stack[0].test.errors.append(f"unexpected {text!r} at the top level")
            return
        # A header line (version, "# Subtest:", plan) of the block at level.
        self._close_below(level)
        if self.depth == level:
            block = self.stack[level]
            new_sibling = (
                (VERSION_RE.match(text) and block.started())
                or (SUBTEST_RE.match(text) and (block.test.name or block.test.plan is not None
                                                 or block.test.subtests))
            )
            if new_sibling:
                self._close_below(level - 1)
        self._open_to(level)
        test = self.stack[level].test
        if m := VERSION_RE.match(text):
            test.version = m.group(1)
        elif m := SUBTEST_RE.match(text):
            test.name = m.group(1)
        elif m := PLAN_RE.match(text):
            self._set_plan(test, int(m.group(1)))

    def finish(self) -> KtapTest:
        while self.depth > 0:
            self._pop_unfinished("output ended inside this test")
        root_block = self.stack[0]
        root_block.test.diagnostics += root_block.pending_diag
        return root_block.test

    # ---- helpers ----------------------------------------------------------

    @staticmethod
    def _set_plan(test: KtapTest, plan: int) -> None:
        if test.plan is not None:
            test.errors.append(f"a second plan line 1..{plan}")
        test.plan = plan

    def _open_to(self, level: int) -> None:
        while self.depth < level:
            self.stack.append(_Block(KtapTest()))

    def _pop_unfinished(self, why: str) -> None:
        """Pop the innermost block, which never got its result line."""
        block = self.stack.pop()
        block.test.diagnostics += block.pending_diag
        block.test.errors.append(why)
        self.stack[-1].test.subtests.append(block.test)

    def _close_below(self, level: int) -> None:
        """Blocks deeper than `level` end here without a result line."""
        while self.depth > level:
            self._pop_unfinished("no result line after its subtests")

    def _result(self, level: int, m: re.Match) -> None:
        status = PASS if m.group(1) == "ok" else FAIL
        rest = m.group(3)
        name, _, directive = rest.partition(" # ")
        if rest.startswith("# "):
            name, directive = "", rest[2:]
        name, directive = name.strip(), directive.strip()
        skip_reason = ""
        if directive.upper().startswith("SKIP"):
            status = SKIP
            skip_reason = directive[4:].strip()

        if level < self.depth:
            # The result line of the subtest block at level + 1.
            self._close_below(level + 1)
            block = self.stack.pop()
            test = block.test
            test.diagnostics += block.pending_diag
            if test.name and name and test.name != name:
                test.errors.append(
                    f"'# Subtest: {test.name}' but its result line names {name!r}"
                )
            test.name = test.name or name
        else:
            self._open_to(level)
            test = KtapTest(name=name)
        parent = self.stack[level]
        test.diagnostics += parent.pending_diag
        parent.pending_diag = []
        test.number = int(m.group(2))
        test.status = status
        test.directive = directive
        test.skip_reason = skip_reason
        parent.test.subtests.append(test)
