"""Read the ktest suites and cases that build/irqlab.elf contains.

ktest's KTEST_SUITE() puts a `struct ktest_suite { const char *name; const
struct ktest_case *cases; }` into .ktest_suites, which the linker script
brackets with __start_ktest_suites/__stop_ktest_suites; each case array is
`struct ktest_case { const char *name; void (*run)(struct ktest *); }`
ending with an all-zero entry.  Reading them from the ELF lets pytest make
one item per case at collection time, without booting the kernel.

Stdlib only; ELF64 little-endian, non-relocatable (as irqlab links).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path


class ElfError(Exception):
    pass


@dataclass
class _Section:
    name: str
    type: int
    addr: int
    offset: int
    size: int
    link: int
    entsize: int


SHT_SYMTAB = 2
SHT_NOBITS = 8


class Elf64:
    def __init__(self, path: str | Path):
        self.data = Path(path).read_bytes()
        d = self.data
        if d[:4] != b"\x7fELF" or d[4] != 2 or d[5] != 1:
            raise ElfError(f"{path}: not a little-endian ELF64 file")
        (shoff,) = struct.unpack_from("<Q", d, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", d, 0x3A)
        raw = []
        for i in range(shnum):
            raw.append(struct.unpack_from("<IIQQQQIIQQ", d, shoff + i * shentsize))
        names_off = raw[shstrndx][4]
        self.sections = [
            _Section(self._cstr_at(names_off + r[0]), r[1], r[3], r[4], r[5], r[6], r[9])
            for r in raw
        ]

    def _cstr_at(self, offset: int) -> str:
        end = self.data.index(b"\0", offset)
        return self.data[offset:end].decode("utf-8", "replace")

    def symbols(self) -> dict[str, int]:
        """Name -> value for every symbol in .symtab."""
        out: dict[str, int] = {}
        for sec in self.sections:
            if sec.type != SHT_SYMTAB:
                continue
            strtab = self.sections[sec.link]
            for off in range(sec.offset, sec.offset + sec.size, sec.entsize or 24):
                st_name, _info, _other, _shndx, value, _size = struct.unpack_from(
                    "<IBBHQQ", self.data, off
                )
                if st_name:
                    out.setdefault(self._cstr_at(strtab.offset + st_name), value)
        return out

    def section_bytes(self, name: str) -> bytes | None:
        """A section's contents (None if there is no such section)."""
        for sec in self.sections:
            if sec.name == name:
                if sec.type == SHT_NOBITS:
                    return b""
                return self.data[sec.offset : sec.offset + sec.size]
        return None

    def offset_of(self, addr: int, size: int = 1) -> int:
        """File offset of a virtual address in a section with file contents."""
        for sec in self.sections:
            if sec.type == SHT_NOBITS or sec.addr == 0:
                continue
            if sec.addr <= addr and addr + size <= sec.addr + sec.size:
                return sec.offset + (addr - sec.addr)
        raise ElfError(f"address {addr:#x} is in no loaded section")

    def read(self, addr: int, size: int) -> bytes:
        off = self.offset_of(addr, size)
        return self.data[off : off + size]

    def u64(self, addr: int) -> int:
        return struct.unpack("<Q", self.read(addr, 8))[0]

    def cstr(self, addr: int) -> str:
        return self._cstr_at(self.offset_of(addr))


def ktest_suites(elf_path: str | Path) -> list[tuple[str, list[str]]]:
    """[(suite, [case, ...]), ...] in link order (the order ktest runs them).

    Raises OSError or ElfError."""
    try:
        return _ktest_suites(elf_path)
    except (struct.error, ValueError, IndexError) as e:
        raise ElfError(f"{elf_path}: malformed ELF ({e})") from None


def _ktest_suites(elf_path: str | Path) -> list[tuple[str, list[str]]]:
    elf = Elf64(elf_path)
    syms = elf.symbols()
    try:
        start, stop = syms["__start_ktest_suites"], syms["__stop_ktest_suites"]
    except KeyError as e:
        raise ElfError(f"{elf_path}: no symbol {e.args[0]}") from None
    suites = []
    for entry in range(start, stop, 16):
        name = elf.cstr(elf.u64(entry))
        cases_addr = elf.u64(entry + 8)
        cases = []
        while True:
            case_name_ptr = elf.u64(cases_addr)
            if case_name_ptr == 0:
                break
            cases.append(elf.cstr(case_name_ptr))
            cases_addr += 16
            if len(cases) > 10000:
                raise ElfError(f"suite {name}: case array has no end")
        suites.append((name, cases))
    return suites
