// SPDX-License-Identifier: GPL-2.0
#include <irqlab/cmdline.h>
#include <irqlab/bootinfo.h>
#include <irqlab/fw_cfg.h>
#include <irqlab/string.h>
#include <irqlab/ctype.h>
#include <irqlab/printk.h>

#define FW_CFG_CMDLINE	"opt/irqlab/cmdline"

void cmdline_init(void)
{
	char extra[COMMAND_LINE_SIZE];
	size_t used = strlen(boot_info.cmdline);
	long n;

	n = fw_cfg_read_file(FW_CFG_CMDLINE, extra, sizeof(extra) - 1);
	if (n <= 0)
		return;
	if ((size_t)n >= sizeof(extra)) {
		pr_warn("cmdline: %s is %ld bytes, using the first %zu\n",
			FW_CFG_CMDLINE, n, sizeof(extra) - 1);
		n = sizeof(extra) - 1;
	}
	extra[n] = '\0';
	/* Tools often end the file with a newline; it is not an option. */
	while (n > 0 && (extra[n - 1] == '\n' || extra[n - 1] == '\0'))
		extra[--n] = '\0';

	if (used + 1 + n >= COMMAND_LINE_SIZE) {
		pr_warn("cmdline: too long, %s part dropped\n", FW_CFG_CMDLINE);
		return;
	}
	if (used)
		boot_info.cmdline[used++] = ' ';
	memcpy(boot_info.cmdline + used, extra, n + 1);
}

/*
 * Splits off the next parameter of s: its name (up to '=' or a space) and
 * its value (possibly quoted).  Returns where the next parameter starts,
 * or NULL at the end of the line.
 */
static const char *next_param(const char *s, const char **name,
			      size_t *name_len, const char **val,
			      size_t *val_len)
{
	while (isspace(*s))
		s++;
	if (!*s)
		return NULL;

	*name = s;
	while (*s && *s != '=' && !isspace(*s))
		s++;
	*name_len = s - *name;
	*val = NULL;
	*val_len = 0;
	if (*s != '=')
		return s;

	s++;
	if (*s == '"') {
		*val = ++s;
		while (*s && *s != '"')
			s++;
		*val_len = s - *val;
		if (*s == '"')
			s++;
	} else {
		*val = s;
		while (*s && !isspace(*s))
			s++;
		*val_len = s - *val;
	}
	return s;
}

bool cmdline_find(const char *cmdline, const char *name, char *val,
		  size_t len)
{
	const char *s = cmdline, *n, *v;
	size_t nlen, vlen, want = strlen(name);
	bool found = false;

	while ((s = next_param(s, &n, &nlen, &v, &vlen)) != NULL) {
		if (nlen != want || strncmp(n, name, nlen) != 0)
			continue;
		found = true;
		if (val && len) {
			vlen = min(vlen, len - 1);
			if (v)
				memcpy(val, v, vlen);
			val[v ? vlen : 0] = '\0';
		}
	}
	return found;
}

bool cmdline_get(const char *name, char *val, size_t len)
{
	return cmdline_find(boot_info.cmdline, name, val, len);
}
