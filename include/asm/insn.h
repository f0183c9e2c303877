/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding one x86-64 instruction, as far as its memory operand, after
 * Linux's arch/x86/lib/insn.c and insn-eval.c: for the #GP report, which
 * names the address the faulting instruction used.  64-bit mode only;
 * VEX, EVEX and 3DNow! encodings are refused.
 */
#ifndef _ASM_INSN_H
#define _ASM_INSN_H

#include <irqlab/types.h>
#include <asm/ptrace.h>

#define MAX_INSN_SIZE	15

struct insn {
	u8 opcode[3];		/* 0x0f first in the two- and three-byte maps */
	u8 opcode_len;
	u8 rex;			/* 0: none */
	u8 seg;			/* segment override prefix (0x64, 0x65), or 0 */
	bool has_modrm, has_sib;
	u8 modrm, sib;
	s32 displacement;
	u8 disp_bytes, imm_bytes;
	u8 opnd_bytes;		/* 2, 4 or 8: prefixes and REX.W */
	u8 addr_bytes;		/* 4 or 8 */
	u8 length;
};

/* 0, or -EINVAL if buf does not start with an instruction it knows. */
int insn_decode_kernel(struct insn *insn, const u8 *buf, size_t len);
/*
 * The address of the instruction's memory operand, as regs (the context
 * that ran it, at regs->ip) compute it; false if it has none (a register
 * operand, or no ModRM byte).
 */
bool insn_get_addr_ref(const struct insn *insn, const struct pt_regs *regs,
		       unsigned long *addr);

#endif /* _ASM_INSN_H */
