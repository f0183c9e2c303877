// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/random and /dev/urandom over kernel/random.c's generator (NOT
 * cryptographic: <irqlab/random.h>).  Both devices read the same stream
 * and never block, as Linux's do once its generator is initialised.
 */
#include <irqlab/fs.h>
#include <irqlab/random.h>
#include <irqlab/spinlock.h>
#include <irqlab/string.h>
#include <irqlab/timekeeping.h>
#include <irqlab/uio.h>
#include <asm/processor.h>

static ssize_t random_read_iter(struct file *file, struct iov_iter *to,
				loff_t *pos)
{
	size_t done = 0;
	u8 buf[64];

	while (iov_iter_count(to)) {
		size_t n = min(sizeof(buf), iov_iter_count(to)), got;

		get_random_bytes(buf, n);
		got = copy_to_iter(buf, n, to);
		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static ssize_t random_write_iter(struct file *file, struct iov_iter *from,
				 loff_t *pos)
{
	size_t done = 0;
	u8 buf[64];

	while (iov_iter_count(from)) {
		size_t n = min(sizeof(buf), iov_iter_count(from));
		size_t got = copy_from_iter(buf, n, from);

		add_device_randomness(buf, got);
		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

const struct file_operations random_fops = {
	.read_iter = random_read_iter,
	.write_iter = random_write_iter,
	.llseek = no_llseek,
};

const struct file_operations urandom_fops = {
	.read_iter = random_read_iter,
	.write_iter = random_write_iter,
	.llseek = no_llseek,
};
