// SPDX-License-Identifier: GPL-2.0
/*
 * The NMI, as Linux's arch/x86/kernel/nmi.c, smaller: registered
 * handlers (<asm/nmi.h>), then the unknown-NMI report.  The NMI runs on
 * its own IST stack and nests inside anything, interrupts disabled or
 * not, so its handler lists are read without a lock: an action is
 * linked in with a single store after it is complete, and unlinking
 * waits until no CPU is still walking the list, as Linux's
 * synchronize_rcu() does for its RCU list.
 */
#include <asm/nmi.h>
#include <asm/hardirq.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <irqlab/hardirq.h>
#include <irqlab/atomic.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/smp.h>
#include <irqlab/spinlock.h>
#include <irqlab/string.h>

/* The PC's NMI status and control port: SERR and IOCHK reasons. */
#define NMI_REASON_PORT		0x61

static struct nmiaction *nmi_actions[NMI_MAX];
static DEFINE_SPINLOCK(nmi_actions_lock);
/* CPUs walking a list right now. */
static atomic_t nmi_walkers = ATOMIC_INIT(0);

/* The number of handlers that said NMI_HANDLED. */
static int nmi_handle(unsigned int type, struct pt_regs *regs)
{
	struct nmiaction *a;
	int handled = 0;

	atomic_inc(&nmi_walkers);
	for (a = READ_ONCE(nmi_actions[type]); a; a = READ_ONCE(a->next))
		handled += a->handler(type, regs);
	atomic_dec(&nmi_walkers);
	return handled;
}

int __register_nmi_handler(unsigned int type, struct nmiaction *action)
{
	struct nmiaction **link;
	unsigned long flags;
	int ret = 0;

	if (type >= NMI_MAX || !action->handler)
		return -EINVAL;
	spin_lock_irqsave(&nmi_actions_lock, flags);
	for (link = &nmi_actions[type]; *link; link = &(*link)->next) {
		if (*link == action) {
			ret = -EINVAL;
			goto out;
		}
	}
	if (action->flags & NMI_FLAG_FIRST)
		link = &nmi_actions[type];
	action->next = *link;
	/* Complete before it is visible: an NMI may walk the list now. */
	smp_wmb();
	WRITE_ONCE(*link, action);
out:
	spin_unlock_irqrestore(&nmi_actions_lock, flags);
	return ret;
}

void unregister_nmi_handler(unsigned int type, const char *name)
{
	struct nmiaction **link, *found = NULL;
	unsigned long flags;

	if (type >= NMI_MAX)
		return;
	spin_lock_irqsave(&nmi_actions_lock, flags);
	for (link = &nmi_actions[type]; *link; link = &(*link)->next) {
		if (strcmp((*link)->name, name) == 0) {
			found = *link;
			/* found->next stays: a walker on it goes on. */
			WRITE_ONCE(*link, found->next);
			break;
		}
	}
	spin_unlock_irqrestore(&nmi_actions_lock, flags);
	if (!found)
		return;
	WARN_ON(in_nmi());
	while (atomic_read(&nmi_walkers))
		cpu_relax();
	found->next = NULL;
}

static void unknown_nmi_error(unsigned char reason, struct pt_regs *regs)
{
	if (nmi_handle(NMI_UNKNOWN, regs))
		return;
	pr_emerg("Uhhuh. NMI received for unknown reason %02x on CPU %d.\n",
		 reason, smp_processor_id());
	pr_emerg("Dazed and confused, but trying to continue\n");
}

static void default_do_nmi(struct pt_regs *regs)
{
	if (nmi_handle(NMI_LOCAL, regs))
		return;
	unknown_nmi_error(inb(NMI_REASON_PORT), regs);
}

void exc_nmi(struct pt_regs *regs)
{
	nmi_enter();
	inc_irq_stat(__nmi_count);
	default_do_nmi(regs);
	nmi_exit();
}
