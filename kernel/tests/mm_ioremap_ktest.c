// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel mappings after boot: map_kernel_page() with TLB invalidation,
 * and ioremap() giving a working uncached mapping of a real device, the
 * IOAPIC of QEMU's i440fx machine.
 */
#include <irqlab/ktest.h>
#include <irqlab/gfp.h>
#include <irqlab/vmalloc.h>
#include <asm/io_map.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>

#define IOAPIC_BASE	0xfec00000UL
#define IOREGSEL	0x00
#define IOWIN		0x10
#define IO_APIC_VERSION	0x01

static u32 ioapic_read(void __iomem *base, u32 reg)
{
	unsigned long flags;
	u32 v;

	/* Select and read as one: the interrupt code uses the pair too. */
	local_irq_save(flags);
	writel(reg, (u8 __iomem *)base + IOREGSEL);
	v = readl((u8 __iomem *)base + IOWIN);
	local_irq_restore(flags);
	return v;
}

static void test_ioapic_version(struct ktest *t)
{
	void __iomem *base = ioremap(IOAPIC_BASE, 0x20);
	unsigned int level, dlevel;
	u64 *pte, *direct;
	u32 ver;

	KTEST_ASSERT_NOT_NULL(t, base);
	KTEST_EXPECT_GE(t, (unsigned long)base, VMALLOC_START);
	KTEST_EXPECT_LE(t, (unsigned long)base, VMALLOC_END);
	ver = ioapic_read(base, IO_APIC_VERSION);
	ktest_log(t, "IOAPIC version %#x, max redirection entry %u",
		  ver & 0xff, (ver >> 16) & 0xff);
	KTEST_EXPECT_TRUE(t, (ver & 0xff) == 0x11 || (ver & 0xff) == 0x20);
	KTEST_EXPECT_GE(t, (ver >> 16) & 0xff, 23);

	/* Uncached, although the direct map has the same address cached. */
	pte = lookup_address((unsigned long)base, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_TRUE(t, *pte & _PAGE_PCD);
	KTEST_EXPECT_TRUE(t, *pte & _PAGE_PWT);
	KTEST_EXPECT_EQ(t, *pte & PTE_PFN_MASK, IOAPIC_BASE);
	direct = lookup_address((unsigned long)__va(IOAPIC_BASE), &dlevel);
	if (direct)
		KTEST_EXPECT_FALSE(t, *direct & _PAGE_PCD);

	iounmap(base);
	KTEST_EXPECT_NULL(t, lookup_address((unsigned long)base, &level));
}

static void test_ioremap_offset(struct ktest *t)
{
	void __iomem *win = ioremap(IOAPIC_BASE + IOWIN, 4);
	void __iomem *sel = ioremap(IOAPIC_BASE, 4);
	unsigned long flags;
	u32 ver;

	KTEST_ASSERT_NOT_NULL(t, win);
	KTEST_ASSERT_NOT_NULL(t, sel);
	KTEST_EXPECT_EQ(t, (unsigned long)win & ~PAGE_MASK, IOWIN);
	KTEST_EXPECT_NE(t, (unsigned long)win & PAGE_MASK,
			(unsigned long)sel & PAGE_MASK);
	local_irq_save(flags);
	writel(IO_APIC_VERSION, sel);
	ver = readl(win);
	local_irq_restore(flags);
	KTEST_EXPECT_GE(t, (ver >> 16) & 0xff, 23);
	iounmap(win);
	iounmap(sel);
}

/* Beyond the direct map, where nothing else maps it (no access made). */
static void test_ioremap_above_direct_map(struct ktest *t)
{
	phys_addr_t phys = direct_map_end + 0x10123;
	void __iomem *v = ioremap(phys, 8);
	unsigned int level;
	u64 *pte;

	KTEST_ASSERT_NOT_NULL(t, v);
	KTEST_EXPECT_EQ(t, (unsigned long)v & ~PAGE_MASK, 0x123);
	pte = lookup_address((unsigned long)v, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, *pte & PTE_PFN_MASK, phys & PAGE_MASK);
	KTEST_EXPECT_TRUE(t, *pte & _PAGE_PCD);
	iounmap(v);
}

struct probe {
	volatile u64 *p;
	u64 v;
};

static void read_probe(void *arg)
{
	struct probe *pr = arg;

	pr->v = *pr->p;
}

/* Remapping a live address must flush the old translation (invlpg). */
static void test_map_kernel_page(struct ktest *t)
{
	struct vm_struct *area = get_vm_area_align(PAGE_SIZE, PAGE_SIZE, 0);
	unsigned long a = get_zeroed_page(GFP_KERNEL);
	unsigned long b = get_zeroed_page(GFP_KERNEL);
	struct fault_info fi;
	struct probe pr;
	unsigned long va;
	unsigned int level;

	KTEST_ASSERT_NOT_NULL(t, area);
	KTEST_ASSERT_NE(t, a, 0);
	KTEST_ASSERT_NE(t, b, 0);
	va = (unsigned long)area->addr;
	*(u64 *)a = 0xaaaa;
	*(u64 *)b = 0xbbbb;
	KTEST_ASSERT_EQ(t, map_kernel_page(va, __pa(a), PAGE_KERNEL), 0);
	KTEST_EXPECT_EQ(t, *(volatile u64 *)va, 0xaaaa);
	KTEST_ASSERT_EQ(t, map_kernel_page(va, __pa(b), PAGE_KERNEL), 0);
	KTEST_EXPECT_EQ(t, *(volatile u64 *)va, 0xbbbb);
	*(volatile u64 *)va = 0xcccc;
	KTEST_EXPECT_EQ(t, *(u64 *)b, 0xcccc);

	unmap_kernel_page(va);
	pr.p = (volatile u64 *)va;
	KTEST_EXPECT_TRUE(t, call_catching_fault(read_probe, &pr, &fi));
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(t, fi.cr2, va);
	remove_vm_area(area->addr);

	/* Remapping one page of the direct map splits its 2 MiB page. */
	KTEST_ASSERT_EQ(t, map_kernel_page(a, __pa(a), PAGE_KERNEL), 0);
	KTEST_EXPECT_NOT_NULL(t, lookup_address(a, &level));
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_EQ(t, *(volatile u64 *)a, 0xaaaa);
	KTEST_EXPECT_EQ(t, *(volatile u64 *)b, 0xcccc);
	free_page(a);
	free_page(b);
}

static const struct ktest_case ioremap_cases[] = {
	KTEST_CASE(test_ioapic_version),
	KTEST_CASE(test_ioremap_offset),
	KTEST_CASE(test_ioremap_above_direct_map),
	KTEST_CASE(test_map_kernel_page),
	{}
};
KTEST_SUITE(ioremap, ioremap_cases);
