// SPDX-License-Identifier: GPL-2.0
/*
 * SMEP and SMAP (Linux's setup_smep() and setup_smap() in
 * arch/x86/kernel/cpu/common.c): where CPUID leaf 7 lists them, CR4 gets
 * SMEP, so the kernel never runs code from a user page, and SMAP, so it
 * never reads or writes a user page except inside a user copy, which
 * sets RFLAGS.AC with STAC for as long as it runs (asm/smap.h).
 *
 * Every CPU comes here from cpu_init_tables(); the boot CPU comes
 * first, alone, and rewrites the STAC/CLAC sites before any CPU turns
 * SMAP on.  The kernel text is mapped read-only, so the bytes are written
 * through the direct map's alias of the same page; CPUID then
 * serialises, as the SDM asks after modifying code that is about to run.
 */
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smap.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/string.h>

#define CPUID7_EBX_SMEP		(1U << 7)
#define CPUID7_EBX_SMAP		(1U << 20)

extern const struct smap_site __start_smap_sites[], __stop_smap_sites[];

static bool smap_patched;

bool smap_enabled(void)
{
	return read_cr4() & X86_CR4_SMAP;
}

static u32 cpuid7_ebx(void)
{
	u32 a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
	if (a < 7)
		return 0;
	cpuid_count(7, 0, &a, &b, &c, &d);
	return b;
}

static void apply_smap_alternatives(void)
{
	static const u8 insn[2][3] = {
		[SMAP_SITE_CLAC] = { 0x0f, 0x01, 0xca },
		[SMAP_SITE_STAC] = { 0x0f, 0x01, 0xcb },
	};
	const struct smap_site *s;
	u32 a, b, c, d;

	for (s = __start_smap_sites; s < __stop_smap_sites; s++) {
		u8 *alias = __va(__pa_symbol(s->addr));

		BUG_ON(s->kind > SMAP_SITE_STAC);
		memcpy(alias, insn[s->kind], sizeof(insn[0]));
	}
	cpuid(0, &a, &b, &c, &d);
	pr_info("SMAP: %ld STAC/CLAC sites patched\n",
		(long)(__stop_smap_sites - __start_smap_sites));
}

void setup_smep_smap(void)
{
	u32 ebx = cpuid7_ebx();

	if (ebx & CPUID7_EBX_SMEP)
		write_cr4(read_cr4() | X86_CR4_SMEP);
	if (!(ebx & CPUID7_EBX_SMAP))
		return;
	if (!smap_patched) {
		apply_smap_alternatives();
		smap_patched = true;
	}
	write_cr4(read_cr4() | X86_CR4_SMAP);
}
