/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copies to and from user memory whose faults are expected: each
 * instruction that touches user memory has an exception-table entry, so
 * a fault (an unmapped page outside every area of the process) resumes
 * at the fixup, which returns what was not done.  The callers in
 * uaccess.c check the range first (access_ok), so a user pointer can
 * never reach kernel memory.  Linux's copy_user_generic / rep movsb.
 * With SMAP each routine opens user memory to itself with STAC and
 * closes it with CLAC on every way out, the fixups' too (asm/smap.h).
 */
#include <asm/extable.h>
#include <asm/smap.h>

#define EFAULT	14

	.text
/* unsigned long __copy_user(void *to, const void *from, unsigned long n):
 * the number of bytes not copied. */
	.globl __copy_user
	.type __copy_user, @function
__copy_user:
	movq	%rdx, %rcx
	ASM_STAC
1:	rep movsb
2:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)
	.size __copy_user, . - __copy_user

/* unsigned long __clear_user(void *to, unsigned long n): not cleared. */
	.globl __clear_user
	.type __clear_user, @function
__clear_user:
	movq	%rsi, %rcx
	xorl	%eax, %eax
	ASM_STAC
1:	rep stosb
2:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)
	.size __clear_user, . - __clear_user

/* long __strncpy_from_user(char *dst, const char *src, long count): the
 * length copied without the NUL (count if there was none), or -EFAULT. */
	.globl __strncpy_from_user
	.type __strncpy_from_user, @function
__strncpy_from_user:
	xorl	%eax, %eax
	ASM_STAC
1:	cmpq	%rdx, %rax
	jae	3f
2:	movb	(%rsi,%rax), %cl
	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	jz	3f
	incq	%rax
	jmp	1b
3:	ASM_CLAC
	ret
4:	ASM_CLAC
	movq	$-EFAULT, %rax
	ret
	_ASM_EXTABLE(2b, 4b)
	.size __strncpy_from_user, . - __strncpy_from_user
