// SPDX-License-Identifier: GPL-2.0
/* Ticket spinlocks with Linux's debug checks: see include/irqlab/spinlock.h. */
#include <irqlab/spinlock.h>
#include <irqlab/kernel.h>
#include <irqlab/smp.h>
#include <irqlab/atomic.h>

unsigned long spinlock_bug_reports;

void spin_lock_init(spinlock_t *lock)
{
	lock->owner = 0;
	lock->next = 0;
	lock->owner_cpu = -1;
	if (!lock->name)
		lock->name = "spinlock";
}

static void spin_bug(spinlock_t *lock, const char *msg)
{
	__atomic_fetch_add(&spinlock_bug_reports, 1, __ATOMIC_RELAXED);
	pr_emerg("BUG: spinlock %s on CPU#%d, lock: %016lx, .name: %s, .owner_cpu: %d\n",
		 msg, smp_processor_id(), (unsigned long)lock,
		 lock->name ? lock->name : "?", READ_ONCE(lock->owner_cpu));
	dump_stack();
}

void do_raw_spin_lock(spinlock_t *lock)
{
	u16 ticket;

	if (READ_ONCE(lock->owner_cpu) == smp_processor_id()) {
		/* Waiting would be forever: report and do not take it. */
		spin_bug(lock, "recursion");
		return;
	}
	ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);
	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
	lock->owner_cpu = smp_processor_id();
}

bool do_raw_spin_trylock(spinlock_t *lock)
{
	u32 old, new;
	u16 owner = READ_ONCE(lock->owner);

	/* Take the next ticket only if it would be served at once. */
	old = owner | (u32)owner << 16;
	new = owner | (u32)(u16)(owner + 1) << 16;
	if (!__atomic_compare_exchange_n((u32 *)lock, &old, new, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return false;
	lock->owner_cpu = smp_processor_id();
	return true;
}

void do_raw_spin_unlock(spinlock_t *lock)
{
	int owner_cpu = READ_ONCE(lock->owner_cpu);

	if (!spin_is_locked(lock) || owner_cpu < 0) {
		spin_bug(lock, "already unlocked");
		return;
	}
	if (owner_cpu != smp_processor_id())
		spin_bug(lock, "wrong CPU");
	lock->owner_cpu = -1;
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1),
			 __ATOMIC_RELEASE);
}
