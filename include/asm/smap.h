/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Supervisor Mode Access Prevention, as Linux's asm/smap.h: with CR4.SMAP
 * set, a kernel access to a user page faults unless RFLAGS.AC is set, so
 * the user copies bracket themselves with STAC ... CLAC and every entry
 * from user mode starts with CLAC (the user may have set AC).
 *
 * STAC and CLAC are invalid opcodes (#UD) on a CPU without SMAP, so each
 * site is assembled as a 3-byte NOP and listed in .smap_sites; at boot
 * apply_smap_alternatives() rewrites the sites where the CPU has SMAP
 * (Linux does this with its alternatives and X86_FEATURE_SMAP).
 */
#ifndef _ASM_SMAP_H
#define _ASM_SMAP_H

#define SMAP_SITE_CLAC	0
#define SMAP_SITE_STAC	1

#ifdef __ASSEMBLY__
/* nopl (%rax): the same three bytes as clac (0f 01 ca) and stac (0f 01 cb). */
#define __SMAP_SITE(kind)			\
	661: .byte 0x0f, 0x1f, 0x00;		\
	.pushsection .smap_sites, "a";		\
	.balign 8;				\
	.quad 661b, (kind);			\
	.popsection

#define ASM_CLAC	__SMAP_SITE(SMAP_SITE_CLAC)
#define ASM_STAC	__SMAP_SITE(SMAP_SITE_STAC)
#else
#include <irqlab/types.h>

struct smap_site {
	unsigned long addr, kind;
};

/* SMEP and SMAP on this CPU where it has them; the first call patches. */
void setup_smep_smap(void);
bool smap_enabled(void);
#endif

#endif /* _ASM_SMAP_H */
