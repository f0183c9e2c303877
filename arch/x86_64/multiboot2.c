// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the multiboot2 boot information.
 *
 * This runs under head.S's identity map, before paging.c builds the real
 * page tables, so the physical address GRUB gave us is usable as a pointer.
 * Everything irqlab needs is copied into boot_info here: the direct map
 * replaces the identity map right after, and GRUB's data may sit in memory
 * that the page allocator later hands out.
 */
#include <irqlab/bootinfo.h>
#include <irqlab/string.h>
#include <irqlab/compiler.h>
#include <asm/multiboot2.h>

struct boot_info boot_info;

static void copy_mmap(const struct mb2_tag_mmap *t)
{
	const u8 *p = (const u8 *)(t + 1);
	const u8 *end = (const u8 *)t + t->tag.size;

	if (t->entry_size < sizeof(struct mb2_mmap_entry))
		return;
	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;
		struct boot_mem_region *r;

		if (boot_info.nr_mmap == BOOT_MMAP_MAX) {
			boot_info.mmap_truncated = true;
			return;
		}
		r = &boot_info.mmap[boot_info.nr_mmap++];
		r->addr = e->addr;
		r->len = e->len;
		r->type = e->type;
	}
}

static void copy_string(char *dst, size_t size, const struct mb2_tag *t)
{
	size_t len = t->size - sizeof(*t);

	/* The string is NUL-terminated, but do not trust it to be. */
	strscpy(dst, (const char *)(t + 1), min(size, len + 1));
}

bool multiboot2_parse(u32 magic, phys_addr_t info)
{
	const struct mb2_info *mbi = (const void *)(unsigned long)info;
	const u8 *p, *end;

	if (magic != MB2_BOOTLOADER_MAGIC || !info || (info & 7))
		return false;

	boot_info.info_start = info;
	boot_info.info_end = info + mbi->total_size;
	p = (const u8 *)(mbi + 1);
	end = (const u8 *)mbi + mbi->total_size;

	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *t = (const void *)p;

		if (t->type == MB2_TAG_END || t->size < sizeof(*t) ||
		    p + t->size > end)
			break;

		switch (t->type) {
		case MB2_TAG_CMDLINE:
			copy_string(boot_info.cmdline,
				    sizeof(boot_info.cmdline), t);
			break;
		case MB2_TAG_LOADER_NAME:
			copy_string(boot_info.loader_name,
				    sizeof(boot_info.loader_name), t);
			break;
		case MB2_TAG_MMAP:
			copy_mmap((const void *)t);
			break;
		case MB2_TAG_MODULE: {
			const struct mb2_tag_module *m = (const void *)t;

			/* The first module is the initramfs, as Linux's initrd. */
			if (!boot_info.initrd_size && t->size >= sizeof(*m) &&
			    m->mod_end > m->mod_start) {
				boot_info.initrd_start = m->mod_start;
				boot_info.initrd_size = m->mod_end - m->mod_start;
			}
			break;
		}
		case MB2_TAG_EFI32:
			/* Only a UEFI loader hands over a system table. */
			boot_info.firmware = FIRMWARE_UEFI;
			break;
		case MB2_TAG_EFI64:
			boot_info.firmware = FIRMWARE_UEFI;
			if (t->size >= sizeof(*t) + sizeof(u64))
				boot_info.efi_systab = *(const u64 *)(t + 1);
			break;
		case MB2_TAG_ACPI_OLD:
		case MB2_TAG_ACPI_NEW:
			/* Prefer the ACPI 2.0 RSDP (it has the XSDT). */
			if (t->type == MB2_TAG_ACPI_NEW ||
			    boot_info.rsdp_len == 0) {
				size_t n = min(t->size - sizeof(*t),
					       sizeof(boot_info.rsdp));
				memcpy(boot_info.rsdp, t + 1, n);
				boot_info.rsdp_len = n;
			}
			break;
		}
		p += ALIGN(t->size, 8);
	}
	return true;
}

const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	default:
		return "reserved";
	}
}

/* Bytes of the given memory type in the map. */
u64 boot_mem_total(u32 type)
{
	u64 sum = 0;
	int i;

	for (i = 0; i < boot_info.nr_mmap; i++)
		if (boot_info.mmap[i].type == type)
			sum += boot_info.mmap[i].len;
	return sum;
}

/* The end of the highest RAM or ACPI region: what the direct map covers. */
u64 boot_mem_end(void)
{
	u64 end = 0;
	int i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *r = &boot_info.mmap[i];

		if (r->type == E820_TYPE_RAM || r->type == E820_TYPE_ACPI ||
		    r->type == E820_TYPE_NVS)
			end = max(end, r->addr + r->len);
	}
	return end;
}
