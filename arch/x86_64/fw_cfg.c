// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU fw_cfg over I/O ports 0x510 (selector) and 0x511 (data), as
 * documented in QEMU's docs/specs/fw_cfg.rst.  Tests hand the kernel
 * options through the file opt/irqlab/cmdline without rebuilding the ISO.
 *
 * It is here, beside multiboot2 and the ACPI tables, because it is boot
 * information the firmware hands over: the command line is complete
 * (kernel/cmdline.c appends this part) before any initcall could run a
 * driver, as on Linux under QEMU, where the boot loader reads it.
 */
#include <irqlab/fw_cfg.h>
#include <irqlab/string.h>
#include <irqlab/errno.h>
#include <irqlab/compiler.h>
#include <asm/io.h>

#define FW_CFG_PORT_SEL		0x510
#define FW_CFG_PORT_DATA	0x511
#define FW_CFG_SIGNATURE	0x0000
#define FW_CFG_FILE_DIR		0x0019
#define FW_CFG_MAX_FILE_PATH	56

/* A directory entry; the device's integers are big-endian. */
struct fw_cfg_file {
	u32 size;
	u16 select;
	u16 reserved;
	char name[FW_CFG_MAX_FILE_PATH];
};

static void fw_cfg_select(u16 key)
{
	outw(key, FW_CFG_PORT_SEL);
}

static void fw_cfg_read(void *buf, size_t len)
{
	u8 *p = buf;

	while (len--)
		*p++ = inb(FW_CFG_PORT_DATA);
}

static u32 be32(u32 v)
{
	return __builtin_bswap32(v);
}

static u16 be16(u16 v)
{
	return __builtin_bswap16(v);
}

bool fw_cfg_present(void)
{
	char sig[4];

	fw_cfg_select(FW_CFG_SIGNATURE);
	fw_cfg_read(sig, sizeof(sig));
	return memcmp(sig, "QEMU", 4) == 0;
}

long fw_cfg_read_file(const char *name, void *buf, size_t len)
{
	struct fw_cfg_file f;
	u32 count, i;

	if (!fw_cfg_present())
		return -ENODEV;

	fw_cfg_select(FW_CFG_FILE_DIR);
	fw_cfg_read(&count, sizeof(count));
	count = be32(count);
	for (i = 0; i < count; i++) {
		fw_cfg_read(&f, sizeof(f));
		f.name[FW_CFG_MAX_FILE_PATH - 1] = '\0';
		if (strcmp(f.name, name) != 0)
			continue;
		fw_cfg_select(be16(f.select));
		fw_cfg_read(buf, min((size_t)be32(f.size), len));
		return be32(f.size);
	}
	return -ENOENT;
}
