// SPDX-License-Identifier: GPL-2.0
/*
 * SMBIOS (DMI) tables, as Linux's drivers/firmware/dmi_scan.c reads them
 * on x86: the entry point comes from the EFI configuration table under
 * UEFI, else from a scan of the BIOS's F segment (0xF0000-0xFFFFF) on
 * 16-byte boundaries, the 64-bit "_SM3_" one first, then "_SM_"/"_DMI_".
 * Of the structures, the BIOS (type 0), system (1) and board (2) strings
 * are kept; Linux's "Hardware name:" line is made of them
 * (dmi_format_ids).  The tables stay in firmware-reserved memory, read
 * through the direct map.
 */
#include <irqlab/dmi.h>
#include <irqlab/bootinfo.h>
#include <irqlab/ctype.h>
#include <irqlab/kernel.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

#define DMI_ENTRY_END_OF_TABLE	127

struct dmi_header {
	u8 type;
	u8 length;
	u16 handle;
} __packed;

/* The fields Linux's dmi_decode() saves from types 0, 1 and 2. */
static const struct {
	u8 type, offset;
	enum dmi_field field;
} dmi_fields[] = {
	{ 0, 4, DMI_BIOS_VENDOR },
	{ 0, 5, DMI_BIOS_VERSION },
	{ 0, 8, DMI_BIOS_DATE },
	{ 1, 4, DMI_SYS_VENDOR },
	{ 1, 5, DMI_PRODUCT_NAME },
	{ 1, 6, DMI_PRODUCT_VERSION },
	{ 2, 4, DMI_BOARD_VENDOR },
	{ 2, 5, DMI_BOARD_NAME },
};

static const char *dmi_ident[DMI_STRING_MAX];
static char dmi_strings[512];		/* the copies dmi_ident points at */
static size_t dmi_strings_used;

static u32 dmi_ver, dmi_num, dmi_len;
static u64 dmi_base;

/* The tables of a bad entry point may claim any address. */
static const u8 *dmi_map(u64 phys, u64 len)
{
	if (!len || phys + len < phys || phys + len > direct_map_end)
		return NULL;
	return __va(phys);
}

static bool dmi_checksum(const u8 *buf, u8 len)
{
	u8 sum = 0;
	int i;

	for (i = 0; i < len; i++)
		sum += buf[i];
	return sum == 0;
}

/* String number s of the structure, "" if it has none (Linux's). */
static const char *dmi_string(const struct dmi_header *dm, u8 s,
			      const u8 *end)
{
	const char *bp = (const char *)dm + dm->length;

	if (!s)
		return "";
	while (--s > 0 && (const u8 *)bp < end && *bp)
		bp += strnlen(bp, end - (const u8 *)bp) + 1;
	if ((const u8 *)bp >= end)
		return "";
	return bp;
}

static void dmi_save_ident(const struct dmi_header *dm, enum dmi_field f,
			   u8 offset, const u8 *end)
{
	const u8 *d = (const u8 *)dm;
	const char *s, *nsp;
	size_t len;

	if (dmi_ident[f] || dm->length <= offset)
		return;
	s = dmi_string(dm, d[offset], end);
	/* Strings of spaces only are empty, as in Linux. */
	for (nsp = s; *nsp == ' '; nsp++)
		;
	if (!*nsp)
		return;
	len = strnlen(s, end - (const u8 *)s);
	if (len + 1 > sizeof(dmi_strings) - dmi_strings_used)
		return;
	memcpy(dmi_strings + dmi_strings_used, s, len);
	dmi_strings[dmi_strings_used + len] = '\0';
	dmi_ident[f] = dmi_strings + dmi_strings_used;
	dmi_strings_used += len + 1;
}

static void dmi_decode(const struct dmi_header *dm, const u8 *end)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dmi_fields); i++)
		if (dmi_fields[i].type == dm->type)
			dmi_save_ident(dm, dmi_fields[i].field,
				       dmi_fields[i].offset, end);
}

/*
 * Linux's dmi_decode_table(): dmi_num structures (if the entry point
 * says; a 64-bit one does not) within dmi_len bytes, each a formatted
 * area of ->length bytes and strings ending with two NULs.
 */
static bool dmi_walk(void)
{
	const u8 *buf = dmi_map(dmi_base, dmi_len), *data, *end;
	u32 i = 0;

	if (!buf)
		return false;
	end = buf + dmi_len;
	data = buf;
	while ((!dmi_num || i < dmi_num) &&
	       data + sizeof(struct dmi_header) <= end) {
		const struct dmi_header *dm = (const void *)data;

		/* Too short to find the next one after it. */
		if (dm->length < sizeof(struct dmi_header))
			break;
		data += dm->length;
		while (data + 1 < end && (data[0] || data[1]))
			data++;
		if (data + 1 < end)
			dmi_decode(dm, end);
		data += 2;
		i++;
		if (!dmi_num && dm->type == DMI_ENTRY_END_OF_TABLE)
			break;
	}
	return true;
}

static bool dmi_smbios3_present(const u8 *buf)
{
	if (memcmp(buf, "_SM3_", 5) != 0 || buf[6] < 24 || buf[6] > 32 ||
	    !dmi_checksum(buf, buf[6]))
		return false;
	dmi_ver = buf[7] << 16 | buf[8] << 8 | buf[9];
	dmi_num = 0;
	memcpy(&dmi_len, buf + 12, sizeof(u32));
	memcpy(&dmi_base, buf + 16, sizeof(u64));
	if (!dmi_walk())
		return false;
	pr_info("SMBIOS %u.%u.%u present.\n", dmi_ver >> 16,
		(dmi_ver >> 8) & 0xff, dmi_ver & 0xff);
	return true;
}

/* The 32-bit entry point: "_SM_" with "_DMI_" 16 bytes in. */
static bool dmi_present(const u8 *buf)
{
	const u8 *dmi = buf + 16;
	u16 num, len;
	u32 base;

	if (memcmp(buf, "_SM_", 4) != 0 || buf[5] < 30 || buf[5] > 32 ||
	    !dmi_checksum(buf, buf[5]))
		return false;
	if (memcmp(dmi, "_DMI_", 5) != 0 || !dmi_checksum(dmi, 15))
		return false;
	dmi_ver = (buf[6] << 8 | buf[7]) << 8;
	memcpy(&len, dmi + 6, sizeof(len));
	memcpy(&base, dmi + 8, sizeof(base));
	memcpy(&num, dmi + 12, sizeof(num));
	dmi_len = len;
	dmi_base = base;
	dmi_num = num;
	if (!dmi_walk())
		return false;
	pr_info("SMBIOS %u.%u present.\n", dmi_ver >> 16,
		(dmi_ver >> 8) & 0xff);
	return true;
}

static bool dmi_scan_fseg(void)
{
	const u8 *p = dmi_map(0xf0000, 0x10000), *q;

	if (!p)
		return false;
	for (q = p; q + 32 <= p + 0x10000; q += 16)
		if (dmi_smbios3_present(q))
			return true;
	for (q = p; q + 32 <= p + 0x10000; q += 16)
		if (dmi_present(q))
			return true;
	return false;
}

/* EFI_SYSTEM_TABLE's configuration table: GUID and pointer pairs. */
#define EFI_SYSTEM_TABLE_SIGNATURE	0x5453595320494249ULL
#define EFI_SYSTAB_NR_TABLES		104
#define EFI_SYSTAB_TABLES		112

struct efi_config_table {
	u8 guid[16];
	u64 table;
} __packed;

static const u8 smbios3_guid[16] = {
	0x44, 0x15, 0xfd, 0xf2, 0x94, 0x97, 0x2c, 0x4a,
	0x99, 0x2e, 0xe5, 0xbb, 0xcf, 0x20, 0xe3, 0x94,
};
static const u8 smbios_guid[16] = {
	0x31, 0x2d, 0x9d, 0xeb, 0x88, 0x2d, 0xd3, 0x11,
	0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d,
};

static u64 efi_find_table(const u8 *guid)
{
	const u8 *st = dmi_map(boot_info.efi_systab, EFI_SYSTAB_TABLES + 8);
	const struct efi_config_table *t;
	u64 sig, nr, tables, i;

	if (!st)
		return 0;
	memcpy(&sig, st, sizeof(sig));
	memcpy(&nr, st + EFI_SYSTAB_NR_TABLES, sizeof(nr));
	memcpy(&tables, st + EFI_SYSTAB_TABLES, sizeof(tables));
	if (sig != EFI_SYSTEM_TABLE_SIGNATURE || nr > 1024)
		return 0;
	t = (const void *)dmi_map(tables, nr * sizeof(*t));
	for (i = 0; t && i < nr; i++)
		if (memcmp(t[i].guid, guid, 16) == 0)
			return t[i].table;
	return 0;
}

static bool dmi_scan_efi(void)
{
	const u8 *p;

	p = dmi_map(efi_find_table(smbios3_guid), 32);
	if (p && dmi_smbios3_present(p))
		return true;
	p = dmi_map(efi_find_table(smbios_guid), 32);
	return p && dmi_present(p);
}

/* Linux's print_filtered(): what is not printable, as \xNN. */
static size_t print_filtered(char *buf, size_t len, const char *info)
{
	size_t c = 0;
	const char *p;

	if (!info)
		return 0;
	for (p = info; *p; p++)
		if (isprint(*p))
			c += scnprintf(buf + c, len - c, "%c", *p);
		else
			c += scnprintf(buf + c, len - c, "\\x%02x", *p & 0xff);
	return c;
}

/* "<vendor> <product>[/<board>], BIOS <version> <date>", as Linux's. */
static void dmi_format_ids(char *buf, size_t len)
{
	size_t c = 0;

	const char *board = dmi_get_system_info(DMI_BOARD_NAME);

	c += print_filtered(buf + c, len - c,
			    dmi_get_system_info(DMI_SYS_VENDOR));
	c += scnprintf(buf + c, len - c, " ");
	c += print_filtered(buf + c, len - c,
			    dmi_get_system_info(DMI_PRODUCT_NAME));
	if (board) {
		c += scnprintf(buf + c, len - c, "/");
		c += print_filtered(buf + c, len - c, board);
	}
	c += scnprintf(buf + c, len - c, ", BIOS ");
	c += print_filtered(buf + c, len - c,
			    dmi_get_system_info(DMI_BIOS_VERSION));
	c += scnprintf(buf + c, len - c, " ");
	print_filtered(buf + c, len - c, dmi_get_system_info(DMI_BIOS_DATE));
}

void dmi_setup(void)
{
	char ids[128];
	bool found;

	if (boot_info.efi_systab)
		found = dmi_scan_efi();
	else
		found = dmi_scan_fseg();
	if (!found) {
		pr_info("DMI not present or invalid.\n");
		return;
	}
	dmi_format_ids(ids, sizeof(ids));
	pr_info("DMI: %s\n", ids);
	dump_stack_set_arch_desc("%s", ids);
}

const char *dmi_get_system_info(int field)
{
	if (field <= DMI_NONE || field >= DMI_STRING_MAX)
		return NULL;
	return dmi_ident[field];
}
