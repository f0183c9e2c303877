/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot loader told us, copied out of the multiboot2 information
 * early so that nothing later depends on where GRUB put it.
 */
#ifndef _IRQLAB_BOOTINFO_H
#define _IRQLAB_BOOTINFO_H

#include <irqlab/types.h>

#define COMMAND_LINE_SIZE	2048	/* as Linux on x86 */
#define BOOT_MMAP_MAX		128

/* Memory types, as in the BIOS e820 map (and multiboot2's copy of it). */
enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
};

struct boot_mem_region {
	u64 addr;
	u64 len;
	u32 type;
};

enum boot_firmware {
	FIRMWARE_BIOS,
	FIRMWARE_UEFI,
};

struct boot_info {
	enum boot_firmware firmware;
	char loader_name[64];
	char cmdline[COMMAND_LINE_SIZE];	/* GRUB's, then fw_cfg's */
	struct boot_mem_region mmap[BOOT_MMAP_MAX];
	int nr_mmap;
	bool mmap_truncated;
	u8 rsdp[36];			/* a copy of the ACPI RSDP */
	int rsdp_len;			/* 0: the loader gave none */
	phys_addr_t efi_systab;		/* EFI system table; 0 if none */
	phys_addr_t info_start, info_end;	/* the multiboot2 info itself */
	phys_addr_t initrd_start;	/* the first module: the initramfs */
	u64 initrd_size;		/* 0: the loader gave none */
};

extern struct boot_info boot_info;

/* arch/x86_64/multiboot2.c: fills boot_info; false if it is unusable. */
bool multiboot2_parse(u32 magic, phys_addr_t info);

const char *e820_type_name(u32 type);
u64 boot_mem_total(u32 type);
u64 boot_mem_end(void);

#endif /* _IRQLAB_BOOTINFO_H */
