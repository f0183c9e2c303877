/* SPDX-License-Identifier: GPL-2.0 */
/* The parts of the multiboot2 boot information irqlab reads. */
#ifndef _ASM_MULTIBOOT2_H
#define _ASM_MULTIBOOT2_H

#include <irqlab/types.h>

#define MB2_BOOTLOADER_MAGIC	0x36d76289

enum mb2_tag_type {
	MB2_TAG_END		= 0,
	MB2_TAG_CMDLINE		= 1,
	MB2_TAG_LOADER_NAME	= 2,
	MB2_TAG_MODULE		= 3,
	MB2_TAG_MMAP		= 6,
	MB2_TAG_EFI32		= 11,
	MB2_TAG_EFI64		= 12,
	MB2_TAG_ACPI_OLD	= 14,
	MB2_TAG_ACPI_NEW	= 15,
};

struct mb2_info {
	u32 total_size;
	u32 reserved;
};

struct mb2_tag {
	u32 type;
	u32 size;
};

/* A file GRUB loaded with module2 (the initramfs), and its command line. */
struct mb2_tag_module {
	struct mb2_tag tag;
	u32 mod_start;
	u32 mod_end;
	/* a NUL-terminated string follows */
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
};

struct mb2_tag_mmap {
	struct mb2_tag tag;
	u32 entry_size;
	u32 entry_version;
	/* entries follow, entry_size bytes apart */
};

#endif /* _ASM_MULTIBOOT2_H */
