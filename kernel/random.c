// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's random bytes: get_random_bytes() for the kernel (exec's
 * AT_RANDOM), getrandom(2) for programs, and the stream /dev/random and
 * /dev/urandom read (drivers/char/random.c).  NOT cryptographic (see
 * <irqlab/random.h>): SplitMix64, whose state is seeded from the TSC and
 * the real time and stirred with the TSC on every call, so two boots or
 * two readers see different bytes.  It never blocks, as Linux's once its
 * generator is initialised.
 */
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/random.h>
#include <irqlab/spinlock.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <irqlab/timekeeping.h>
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

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count,
		unsigned int, flags)
{
	u8 tmp[64];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if (count > INT_MAX)
		count = INT_MAX;
	while (done < count) {
		size_t n = count - done < sizeof(tmp) ? count - done :
			   sizeof(tmp);

		get_random_bytes(tmp, n);
		if (copy_to_user(buf + done, tmp, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}

