// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC, as Linux's arch/x86/kernel/apic/apic.c does it:
 * x2APIC (MSRs) when CPUID offers it, else xAPIC through an uncached
 * mapping of its MMIO page; task priority 0, spurious and error vectors,
 * LINT1 as NMI where the MADT says so, and a timer calibrated against the
 * TSC and run periodically at HZ: each CPU's tick device (the "LOC" row
 * of /proc/interrupts), registered as Linux's lapic clockevent.
 */
#include <asm/apic.h>
#include <asm/madt.h>
#include <asm/irq_vectors.h>
#include <asm/hardirq.h>
#include <asm/io_map.h>
#include <asm/smp.h>
#include <asm/processor.h>
#include <irqlab/kernel.h>
#include <irqlab/jiffies.h>
#include <irqlab/clockchips.h>
#include <asm/tsc.h>

#define MSR_IA32_APICBASE		0x1b
#define MSR_IA32_APICBASE_ENABLE	(1UL << 11)
#define MSR_IA32_APICBASE_EXTD		(1UL << 10)	/* x2APIC */
#define X2APIC_MSR_BASE			0x800
#define CPUID_1_ECX_X2APIC		(1 << 21)
#define CAL_MS				10
#define CAL_TRIES			20
/* Brackets this narrow (about 2 us) make a run good enough. */
#define CAL_GOOD_CYCLES			((u64)tsc_khz * 2 / 1000)

bool x2apic_mode;
unsigned long lapic_timer_period;
static void __iomem *lapic_base;
static DEFINE_PER_CPU(struct clock_event_device, lapic_events);

u32 apic_read(u32 reg)
{
	if (x2apic_mode)
		return rdmsr(X2APIC_MSR_BASE + (reg >> 4));
	return readl(lapic_base + reg);
}

void apic_write(u32 reg, u32 v)
{
	if (x2apic_mode)
		wrmsr(X2APIC_MSR_BASE + (reg >> 4), v);
	else
		writel(v, lapic_base + reg);
}

u32 read_apic_id(void)
{
	u32 id = apic_read(APIC_ID);

	return x2apic_mode ? id : id >> 24;
}

int cpu_to_apicid(int cpu)
{
	return cpu_apicid[cpu];
}

void apic_icr_write(u32 low, u32 apicid)
{
	unsigned long flags;

	local_irq_save(flags);
	if (x2apic_mode) {
		/* One MSR write: the destination is in the high half. */
		wrmsr(X2APIC_MSR_BASE + (APIC_ICR >> 4),
		      (u64)apicid << 32 | low);
	} else {
		while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
			cpu_relax();
		apic_write(APIC_ICR2, apicid << 24);
		apic_write(APIC_ICR, low);
	}
	local_irq_restore(flags);
}

void apic_send_IPI_self(int vector)
{
	if (x2apic_mode) {
		apic_write(APIC_SELF_IPI, vector);
		return;
	}
	apic_icr_write(APIC_DEST_SELF | vector, 0);
}

static void setup_lint_nmi(void)
{
	int i;

	/* The MADT says which LINT pin carries NMI (LINT1 on PCs). */
	for (i = 0; i < madt.nr_nmis; i++) {
		u32 reg = madt.nmis[i].lint ? APIC_LVT1 : APIC_LVT0;

		apic_write(reg, APIC_DM_NMI);
	}
}

void lapic_init(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	x2apic_mode = c & CPUID_1_ECX_X2APIC;
	if (!x2apic_mode) {
		lapic_base = ioremap(madt.lapic_address, 4096);
		if (!lapic_base)
			panic("apic: cannot map the local APIC at 0x%llx",
			      (unsigned long long)madt.lapic_address);
	}
	lapic_setup_this_cpu();
	cpu_apicid[0] = read_apic_id();
	pr_info("APIC: %s mode, local APIC id %u, version 0x%x\n",
		x2apic_mode ? "x2apic" : "xapic", read_apic_id(),
		apic_read(APIC_LVR) & 0xff);
}

void lapic_setup_this_cpu(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE) | MSR_IA32_APICBASE_ENABLE;

	wrmsr(MSR_IA32_APICBASE, base);
	if (x2apic_mode)
		wrmsr(MSR_IA32_APICBASE, base | MSR_IA32_APICBASE_EXTD);

	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_LVT_MASKED);
	setup_lint_nmi();
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);	/* the ESR latches on a write */
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	apic_eoi();
}

static int lapic_timer_set_periodic(struct clock_event_device *evt)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_period);
	return 0;
}

static int lapic_timer_shutdown(struct clock_event_device *evt)
{
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0);
	return 0;
}

/*
 * This CPU's timer as a clockevent (Linux's setup_APIC_timer).  It is
 * CPU-local and rated 100, as Linux's lapic_clockevent, so on the boot CPU
 * it replaces the PIT.
 */
static void setup_APIC_timer(void)
{
	struct clock_event_device *levt = this_cpu_ptr(&lapic_events);

	levt->name = "lapic";
	levt->features = CLOCK_EVT_FEAT_PERIODIC;
	levt->rating = 100;
	levt->irq = -1;
	levt->set_state_periodic = lapic_timer_set_periodic;
	levt->set_state_shutdown = lapic_timer_shutdown;
	levt->cpumask = 1UL << smp_processor_id();
	clockevents_register_device(levt);
}

/*
 * The timer's rate, against the TSC (calibrated already, tsc_init(), and
 * the clock jiffies follow): counting down from the top, masked, over
 * CAL_MS of TSC time.  Each APIC access is bracketed by two TSC reads; a
 * run the host disturbed (descheduling the vCPU between an access and its
 * reads) has wide brackets, so the best of CAL_TRIES runs is kept.
 */
static unsigned long calibrate_APIC_clock(void)
{
	u64 t0, t1, t2, t3, cycles, err, best_err = ~0ULL;
	unsigned long period = 0;
	u32 left;
	int i;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	for (i = 0; i < CAL_TRIES && best_err > CAL_GOOD_CYCLES; i++) {
		t0 = rdtsc();
		apic_write(APIC_TMICT, 0xffffffff);
		t1 = rdtsc();
		while (rdtsc() - t1 < (u64)tsc_khz * CAL_MS)
			cpu_relax();
		t2 = rdtsc();
		left = apic_read(APIC_TMCCT);
		t3 = rdtsc();
		cycles = (t2 + t3) / 2 - (t0 + t1) / 2;
		err = (t1 - t0) + (t3 - t2);
		if (err < best_err) {
			best_err = err;
			/* Counts per jiffy: counts per cycle, times cycles per jiffy. */
			period = (u64)(0xffffffffU - left) * tsc_khz * 1000 / HZ /
				 cycles;
		}
	}
	apic_write(APIC_TMICT, 0);
	return period;
}

void lapic_timer_init(void)
{
	lapic_timer_period = calibrate_APIC_clock();
	if (!lapic_timer_period) {
		pr_warn("APIC: timer does not count; no local timer\n");
		return;
	}
	pr_info("APIC: timer runs at %lu.%03lu MHz (divided by 16), %lu ticks per jiffy\n",
		lapic_timer_period * HZ / 1000000,
		lapic_timer_period * HZ / 1000 % 1000, lapic_timer_period);

	setup_APIC_timer();
}

void lapic_timer_start(void)
{
	if (lapic_timer_period)
		setup_APIC_timer();
}

void lapic_timer_interrupt(void)
{
	struct clock_event_device *evt = this_cpu_ptr(&lapic_events);

	apic_eoi();
	inc_irq_stat(apic_timer_irqs);
	if (!evt->event_handler) {
		pr_warn("Spurious LAPIC timer interrupt on cpu %d\n",
			smp_processor_id());
		lapic_timer_shutdown(evt);
		return;
	}
	evt->event_handler(evt);
}

void lapic_spurious_interrupt(void)
{
	/* No EOI: a spurious interrupt never set an ISR bit. */
	inc_irq_stat(irq_spurious_count);
}

void lapic_error_interrupt(void)
{
	u32 v0 = apic_read(APIC_ESR), v1;

	apic_write(APIC_ESR, 0);
	v1 = apic_read(APIC_ESR);
	apic_eoi();
	irq_err_count++;
	pr_err("APIC error on CPU%d: %02x(%02x)\n", smp_processor_id(), v0, v1);
}
