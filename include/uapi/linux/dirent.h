/* SPDX-License-Identifier: GPL-2.0 */
/* getdents64(2)'s records and d_type values, as Linux's. */
#ifndef _UAPI_LINUX_DIRENT_H
#define _UAPI_LINUX_DIRENT_H

#include <irqlab/types.h>

struct linux_dirent64 {
	u64		d_ino;
	s64		d_off;		/* the position after this entry */
	unsigned short	d_reclen;	/* the whole record, 8-aligned */
	unsigned char	d_type;
	char		d_name[];
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#endif /* _UAPI_LINUX_DIRENT_H */
