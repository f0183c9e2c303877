/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlocks: each locker takes the next ticket and waits for the
 * owner count to reach it, so the lock is fair (FIFO) across CPUs, as
 * Linux's x86 ticket locks were.  Taking one disables preemption.
 *
 * Always built with Linux's CONFIG_DEBUG_SPINLOCK checks: taking a lock
 * this CPU already holds, or releasing one it does not hold, is reported
 * ("BUG: spinlock recursion" ...) and refused instead of deadlocking or
 * corrupting the lock.
 */
#ifndef _IRQLAB_SPINLOCK_H
#define _IRQLAB_SPINLOCK_H

#include <irqlab/types.h>
#include <irqlab/preempt.h>
#include <irqlab/bottom_half.h>
#include <asm/processor.h>

typedef struct {
	u16 owner;		/* the ticket being served */
	u16 next;		/* the next ticket to hand out */
	int owner_cpu;		/* -1 when free: for the debug checks */
	const char *name;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) \
	{ .owner = 0, .next = 0, .owner_cpu = -1, .name = #lockname }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

void spin_lock_init(spinlock_t *lock);
/* Without touching preemption or interrupts: callers have done that. */
void do_raw_spin_lock(spinlock_t *lock);
void do_raw_spin_unlock(spinlock_t *lock);
bool do_raw_spin_trylock(spinlock_t *lock);

extern unsigned long spinlock_bug_reports;

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->owner) != READ_ONCE(lock->next);
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_unlock(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags)					\
	do {								\
		local_irq_save(flags);					\
		spin_lock(lock);					\
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock,
					  unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	spin_lock(lock);
}

static inline void spin_unlock_bh(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable_no_resched();
	local_bh_enable();
}

#endif /* _IRQLAB_SPINLOCK_H */
