// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes (Linux's kernel/locking/mutex.c without spinning on the owner).
 * owner holds the owning task, with MUTEX_FLAG_WAITERS set while anyone
 * sleeps on it: then neither lock nor unlock can take the fast path (one
 * cmpxchg) and the unlocker hands the mutex straight to the first waiter,
 * so waiters get it in FIFO order and none can be overtaken forever.
 */
#include <irqlab/mutex.h>
#include <irqlab/sched.h>
#include <irqlab/kernel.h>

#define MUTEX_FLAG_WAITERS	0x01UL
#define MUTEX_FLAGS		0x07UL

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

static inline unsigned long owner_word(struct task_struct *t)
{
	return (unsigned long)t;
}

void mutex_init(struct mutex *lock)
{
	atomic_long_set(&lock->owner, 0);
	spin_lock_init(&lock->wait_lock);
	lock->wait_lock.name = "mutex->wait_lock";
	INIT_LIST_HEAD(&lock->wait_list);
	if (!lock->name)
		lock->name = "mutex";
}

struct task_struct *mutex_owner(struct mutex *lock)
{
	return (struct task_struct *)(atomic_long_read(&lock->owner) &
				      ~MUTEX_FLAGS);
}

bool mutex_is_locked(struct mutex *lock)
{
	return mutex_owner(lock) != NULL;
}

static bool owner_cmpxchg(struct mutex *lock, unsigned long old,
			  unsigned long new)
{
	return __atomic_compare_exchange_n(&lock->owner.counter, (long *)&old,
					   (long)new, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

int mutex_trylock(struct mutex *lock)
{
	return owner_cmpxchg(lock, 0, owner_word(current));
}

static void __mutex_lock_slowpath(struct mutex *lock)
{
	struct mutex_waiter waiter = { .task = current };
	unsigned long owner;

	spin_lock(&lock->wait_lock);
	/* Take it if free, else flag that someone waits: in one step. */
	for (;;) {
		owner = atomic_long_read(&lock->owner);
		if (!owner) {
			if (owner_cmpxchg(lock, 0, owner_word(current))) {
				spin_unlock(&lock->wait_lock);
				return;
			}
		} else if ((owner & MUTEX_FLAG_WAITERS) ||
			   owner_cmpxchg(lock, owner,
					 owner | MUTEX_FLAG_WAITERS)) {
			break;
		}
	}
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		/* mutex_unlock() made us the owner and took us off. */
		if (mutex_owner(lock) == current)
			break;
		spin_unlock(&lock->wait_lock);
		schedule();
		spin_lock(&lock->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
	spin_unlock(&lock->wait_lock);
}

void mutex_lock(struct mutex *lock)
{
	might_sleep();
	if (!mutex_trylock(lock))
		__mutex_lock_slowpath(lock);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}

static void __mutex_unlock_slowpath(struct mutex *lock)
{
	struct mutex_waiter *next;
	unsigned long owner;

	spin_lock(&lock->wait_lock);
	next = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter,
					list);
	if (!next) {
		atomic_long_set(&lock->owner, 0);
	} else {
		/* Hand-off: it owns the mutex before it even runs. */
		list_del_init(&next->list);
		owner = owner_word(next->task);
		if (!list_empty(&lock->wait_list))
			owner |= MUTEX_FLAG_WAITERS;
		__atomic_store_n(&lock->owner.counter, owner,
				 __ATOMIC_RELEASE);
		wake_up_process(next->task);
	}
	spin_unlock(&lock->wait_lock);
}

void mutex_unlock(struct mutex *lock)
{
	unsigned long owner = atomic_long_read(&lock->owner);

	if ((struct task_struct *)(owner & ~MUTEX_FLAGS) != current) {
		pr_warn("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current): %s\n",
			lock->name ? lock->name : "mutex");
		dump_stack();
		return;
	}
	if (owner_cmpxchg(lock, owner_word(current), 0))
		return;
	__mutex_unlock_slowpath(lock);
}
