/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A pointer or an errno in one return value, as Linux's <linux/err.h>:
 * the top 4095 addresses are never valid pointers.
 */
#ifndef _IRQLAB_ERR_H
#define _IRQLAB_ERR_H

#include <irqlab/compiler.h>

#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x)	unlikely((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE(ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR_VALUE(ptr);
}

#endif /* _IRQLAB_ERR_H */
