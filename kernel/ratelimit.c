// SPDX-License-Identifier: GPL-2.0
/*
 * __ratelimit(), as Linux's lib/ratelimit.c (<irqlab/ratelimit.h>).  It
 * may be called in any context, an NMI's included: a caller that finds
 * the state locked by someone else is refused rather than made to wait.
 */
#include <irqlab/ratelimit.h>
#include <irqlab/kernel.h>
#include <asm/processor.h>

void ratelimit_state_init(struct ratelimit_state *rs, int interval,
			  int burst)
{
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&rs->lock);
	rs->interval = interval;
	rs->burst = burst;
	rs->printed = 0;
	rs->missed = 0;
	rs->begin = 0;
	spin_unlock(&rs->lock);
	local_irq_restore(flags);
}

bool ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long flags;
	bool ret;

	if (!rs->interval)
		return true;
	local_irq_save(flags);
	if (!spin_trylock(&rs->lock)) {
		local_irq_restore(flags);
		return false;
	}
	if (!rs->begin)
		rs->begin = jiffies;
	if (time_after(jiffies, rs->begin + rs->interval)) {
		if (rs->missed) {
			pr_warn("%s: %d callbacks suppressed\n", func,
				rs->missed);
			rs->missed = 0;
		}
		rs->begin = jiffies;
		rs->printed = 0;
	}
	if (rs->burst && rs->burst > rs->printed) {
		rs->printed++;
		ret = true;
	} else {
		rs->missed++;
		ret = false;
	}
	spin_unlock(&rs->lock);
	local_irq_restore(flags);
	return ret;
}
