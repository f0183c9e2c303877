// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/random and /dev/urandom, and get_random_bytes().  NOT
 * cryptographic (see <irqlab/random.h>): SplitMix64, whose state is
 * seeded from the TSC and the real time and stirred with the TSC on
 * every call, so two boots or two readers see different bytes.  Both
 * devices read the same stream and never block, as Linux's do once its
 * generator is initialised.
 */
#include <irqlab/fs.h>
#include <irqlab/random.h>
#include <irqlab/spinlock.h>
#include <irqlab/string.h>
#include <irqlab/timekeeping.h>
#include <irqlab/uio.h>
#include <asm/processor.h>

static DEFINE_SPINLOCK(random_lock);
static u64 state;

static u64 splitmix64(void)
{
	u64 z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void get_random_bytes(void *buf, size_t len)
{
	unsigned long flags;
	u8 *p = buf;

	spin_lock_irqsave(&random_lock, flags);
	if (!state)
		state = rdtsc() ^ ((u64)ktime_get_real_seconds() << 32);
	state ^= rdtsc();
	while (len) {
		u64 v = splitmix64();
		size_t n = len < sizeof(v) ? len : sizeof(v);

		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
	spin_unlock_irqrestore(&random_lock, flags);
}

void add_device_randomness(const void *buf, size_t len)
{
	const u8 *p = buf;
	unsigned long flags;

	spin_lock_irqsave(&random_lock, flags);
	while (len--)
		state = (state ^ *p++) * 0x100000001b3ULL;	/* FNV-1a */
	spin_unlock_irqrestore(&random_lock, flags);
}

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
