// SPDX-License-Identifier: GPL-2.0
/*
 * Just enough of an x86-64 instruction decoder to find a memory operand
 * (<asm/insn.h>): prefixes, REX, the one-, two- and three-byte opcode
 * maps, ModRM, SIB, displacement and immediate sizes, so the length is
 * known for RIP-relative operands.  Linux's arch/x86/lib/insn.c does the
 * same from generated opcode tables; this one keeps the few rules that
 * decide those sizes in code.
 */
#include <asm/insn.h>
#include <asm/processor.h>
#include <irqlab/errno.h>
#include <irqlab/string.h>

#define MSR_FS_BASE	0xc0000100
#define MSR_GS_BASE	0xc0000101

#define REX_W(rex)	(((rex) >> 3) & 1)
#define REX_X(rex)	(((rex) >> 1) & 1)
#define REX_B(rex)	((rex) & 1)

#define MODRM_MOD(m)	((m) >> 6)
#define MODRM_REG(m)	(((m) >> 3) & 7)
#define MODRM_RM(m)	((m) & 7)

static bool is_legacy_prefix(u8 b)
{
	switch (b) {
	case 0xf0: case 0xf2: case 0xf3:		/* lock, rep */
	case 0x26: case 0x2e: case 0x36: case 0x3e:	/* es cs ss ds */
	case 0x64: case 0x65:				/* fs gs */
	case 0x66: case 0x67:			/* operand, address size */
		return true;
	}
	return false;
}

static bool onebyte_has_modrm(u8 op)
{
	if (op < 0x40)		/* the ALU rows: 00-03, 08-0b, ... 38-3b */
		return (op & 7) < 4;
	if (op >= 0x80 && op <= 0x8f)
		return true;
	switch (op) {
	case 0x63: case 0x69: case 0x6b:
	case 0xc0: case 0xc1: case 0xc6: case 0xc7:
	case 0xd0 ... 0xd3: case 0xd8 ... 0xdf:		/* shifts, x87 */
	case 0xf6: case 0xf7: case 0xfe: case 0xff:
		return true;
	}
	return false;
}

static u8 onebyte_imm_bytes(u8 op, u8 modrm, u8 opnd_bytes)
{
	u8 full = opnd_bytes == 2 ? 2 : 4;	/* imm16/imm32, never 64 */

	switch (op) {
	case 0x69: case 0x81: case 0xc7:
		return full;
	case 0x6b: case 0x80: case 0x83: case 0xc0: case 0xc1: case 0xc6:
		return 1;
	case 0xf6:		/* test r/m8, imm8; the rest of group 3 none */
		return MODRM_REG(modrm) < 2 ? 1 : 0;
	case 0xf7:
		return MODRM_REG(modrm) < 2 ? full : 0;
	}
	return 0;
}

/* The 0x0f map: which entries lack a ModRM byte. */
static bool twobyte_has_modrm(u8 op)
{
	switch (op) {
	case 0x04 ... 0x0c: case 0x0e:	/* syscall, clts, ud2, ... */
	case 0x24 ... 0x27:
	case 0x30 ... 0x37: case 0x39: case 0x3b ... 0x3f:
	case 0x77:			/* emms */
	case 0x80 ... 0x8f:		/* jcc rel32 */
	case 0xa0 ... 0xa2: case 0xa6 ... 0xaa:
	case 0xc8 ... 0xcf:		/* bswap */
		return false;
	}
	return true;
}

static u8 twobyte_imm_bytes(u8 op)
{
	switch (op) {
	case 0x70 ... 0x73: case 0xa4: case 0xac: case 0xba:
	case 0xc2: case 0xc4 ... 0xc6:
		return 1;
	case 0x80 ... 0x8f:
		return 4;
	}
	return 0;
}

int insn_decode_kernel(struct insn *insn, const u8 *buf, size_t len)
{
	size_t i = 0;
	u8 op, map;
	bool opsize = false, addrsize = false;

	memset(insn, 0, sizeof(*insn));
	if (len > MAX_INSN_SIZE)
		len = MAX_INSN_SIZE;
	for (; i < len && is_legacy_prefix(buf[i]); i++) {
		if (buf[i] == 0x66)
			opsize = true;
		else if (buf[i] == 0x67)
			addrsize = true;
		else if (buf[i] == 0x64 || buf[i] == 0x65)
			insn->seg = buf[i];
	}
	if (i < len && (buf[i] & 0xf0) == 0x40)
		insn->rex = buf[i++];
	if (i >= len)
		return -EINVAL;
	insn->opnd_bytes = REX_W(insn->rex) ? 8 : opsize ? 2 : 4;
	insn->addr_bytes = addrsize ? 4 : 8;

	op = buf[i++];
	insn->opcode[insn->opcode_len++] = op;
	map = 1;
	if (op == 0x0f) {
		if (i >= len)
			return -EINVAL;
		op = buf[i++];
		insn->opcode[insn->opcode_len++] = op;
		map = 2;
		if (op == 0x38 || op == 0x3a) {
			if (i >= len)
				return -EINVAL;
			map = op == 0x38 ? 3 : 4;
			op = buf[i++];
			insn->opcode[insn->opcode_len++] = op;
		} else if (op == 0x0f) {
			return -EINVAL;		/* 3DNow! */
		}
	} else if (op == 0x62 || op == 0xc4 || op == 0xc5) {
		return -EINVAL;			/* EVEX, VEX */
	}

	insn->has_modrm = map == 1 ? onebyte_has_modrm(op) :
			  map == 2 ? twobyte_has_modrm(op) : true;
	if (insn->has_modrm) {
		if (i >= len)
			return -EINVAL;
		insn->modrm = buf[i++];
		if (MODRM_MOD(insn->modrm) != 3 &&
		    MODRM_RM(insn->modrm) == 4) {
			if (i >= len)
				return -EINVAL;
			insn->has_sib = true;
			insn->sib = buf[i++];
		}
		switch (MODRM_MOD(insn->modrm)) {
		case 0:
			if (MODRM_RM(insn->modrm) == 5 ||
			    (insn->has_sib && (insn->sib & 7) == 5))
				insn->disp_bytes = 4;
			break;
		case 1:
			insn->disp_bytes = 1;
			break;
		case 2:
			insn->disp_bytes = 4;
			break;
		}
	}
	if (i + insn->disp_bytes > len)
		return -EINVAL;
	if (insn->disp_bytes == 1) {
		insn->displacement = (s8)buf[i];
	} else if (insn->disp_bytes == 4) {
		s32 d;

		memcpy(&d, buf + i, sizeof(d));
		insn->displacement = d;
	}
	i += insn->disp_bytes;

	if (map == 1)
		insn->imm_bytes = onebyte_imm_bytes(op, insn->modrm,
						    insn->opnd_bytes);
	else if (map == 2)
		insn->imm_bytes = twobyte_imm_bytes(op);
	else if (map == 4)
		insn->imm_bytes = 1;
	if (i + insn->imm_bytes > len)
		return -EINVAL;
	insn->length = i + insn->imm_bytes;
	return 0;
}

/* Register number (REX bit included) to its slot in pt_regs. */
static unsigned long regs_get_register(const struct pt_regs *regs, int n)
{
	static const size_t offsets[16] = {
		offsetof(struct pt_regs, ax), offsetof(struct pt_regs, cx),
		offsetof(struct pt_regs, dx), offsetof(struct pt_regs, bx),
		offsetof(struct pt_regs, sp), offsetof(struct pt_regs, bp),
		offsetof(struct pt_regs, si), offsetof(struct pt_regs, di),
		offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9),
		offsetof(struct pt_regs, r10), offsetof(struct pt_regs, r11),
		offsetof(struct pt_regs, r12), offsetof(struct pt_regs, r13),
		offsetof(struct pt_regs, r14), offsetof(struct pt_regs, r15),
	};

	return *(const u64 *)((const char *)regs + offsets[n & 15]);
}

/* Linux's get_addr_ref_64(): base + index * scale + displacement. */
bool insn_get_addr_ref(const struct insn *insn, const struct pt_regs *regs,
		       unsigned long *addr)
{
	u8 mod = MODRM_MOD(insn->modrm), rex = insn->rex;
	unsigned long ea = insn->displacement;
	int base, index, rm;

	if (!insn->has_modrm || mod == 3)
		return false;
	if (insn->has_sib) {
		base = (insn->sib & 7) | REX_B(rex) << 3;
		index = ((insn->sib >> 3) & 7) | REX_X(rex) << 3;
		/* Index 100b without REX.X: none.  Base 101b, mod 0: none. */
		if (index != 4)
			ea += regs_get_register(regs, index) <<
			      (insn->sib >> 6);
		if (!(mod == 0 && (insn->sib & 7) == 5))
			ea += regs_get_register(regs, base);
	} else if (mod == 0 && MODRM_RM(insn->modrm) == 5) {
		ea += regs->ip + insn->length;		/* RIP-relative */
	} else {
		rm = MODRM_RM(insn->modrm) | REX_B(rex) << 3;
		ea += regs_get_register(regs, rm);
	}
	if (insn->addr_bytes == 4)
		ea &= 0xffffffffUL;
	/* Only FS and GS have a base in 64-bit mode. */
	if (insn->seg == 0x64)
		ea += rdmsr(MSR_FS_BASE);
	else if (insn->seg == 0x65)
		ea += rdmsr(MSR_GS_BASE);
	*addr = ea;
	return true;
}
