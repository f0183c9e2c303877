/* SPDX-License-Identifier: GPL-2.0 */
/* GDT, TSS and IDT.  Selectors are Linux's, so a report reads "RIP: 0010:". */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <irqlab/types.h>

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
/* SYSRET takes SS and the 64-bit CS from STAR as USER32_CS + 8 and + 16:
 * the order 4, 5, 6 is fixed by the instruction (Linux's layout). */
#define GDT_ENTRY_DEFAULT_USER32_CS	4
#define GDT_ENTRY_DEFAULT_USER_DS	5
#define GDT_ENTRY_DEFAULT_USER_CS	6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		16

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __TSS_SEL	(GDT_ENTRY_TSS * 8)
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)

/* Interrupt stack table slots (1-based in the IDT, 0-based here). */
#define IST_INDEX_DF	0
#define IST_INDEX_NMI	1
#define IST_INDEX_MCE	2
#define N_EXCEPTION_STACKS 3

/* The operand of lgdt and lidt. */
struct desc_ptr {
	u16 size;
	u64 address;
} __attribute__((packed));

void gdt_init(void);
/* The stack the CPU switches to on an interrupt from user mode. */
void update_task_stack(unsigned long sp0);
void idt_init(void);
/* Loads the (shared) IDT on this CPU. */
void idt_load(void);

/* Bounds of the stack addr is on, if it is one the kernel knows. */
bool get_stack_bounds(unsigned long addr, unsigned long *lo,
		      unsigned long *hi, const char **name);
/* The stack whose guard page holds addr, if any. */
bool in_stack_guard(unsigned long addr, unsigned long *lo,
		    unsigned long *hi, const char **name);

#endif /* _ASM_DESC_H */
