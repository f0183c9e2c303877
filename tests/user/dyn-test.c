// SPDX-License-Identifier: GPL-2.0
/*
 * A dynamically linked program (the one of the project's own programs
 * that is not static): glibc's ld.so, named by its PT_INTERP, maps
 * Debian's libc.so.6 with mmap(2) before main() runs.  It prints what
 * it was linked with and what the loader found:
 *
 *   libc 2.36
 *   AT_BASE set
 *   object /lib/x86_64-linux-gnu/libc.so.6
 *   ...
 */
#define _GNU_SOURCE
#include <gnu/libc-version.h>
#include <link.h>
#include <stdio.h>
#include <sys/auxv.h>

static int show(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	printf("object %s\n", info->dlpi_name[0] ? info->dlpi_name : "(main)");
	return 0;
}

int main(void)
{
	printf("libc %s\n", gnu_get_libc_version());
	printf("AT_BASE %s\n", getauxval(AT_BASE) ? "set" : "0");
	dl_iterate_phdr(show, NULL);
	return 0;
}
