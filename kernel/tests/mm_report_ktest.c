// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator's reports, in Linux's words: warn_alloc() when an
 * allocation fails ("<comm>: page allocation failure: order:N,
 * mode:0x...(flags), nodemask=(null)", the CPU line, a call trace back
 * to the caller, the memory state), once per ten seconds and never for
 * __GFP_NOWARN; bad_page() naming the process that ran.  Each case
 * makes the allocator report and reads the log from its own marker on.
 */
#include <irqlab/ktest.h>
#include <irqlab/gfp.h>
#include <irqlab/memblock.h>
#include <irqlab/fault-inject.h>
#include <irqlab/printk.h>
#include <irqlab/ratelimit.h>
#include <irqlab/smp.h>
#include <irqlab/sprintf.h>

/* mm/page_alloc.c's: a case starts from a fresh interval. */
extern struct ratelimit_state nopage_rs;

static char log[64 * 1024 + 1];
static size_t log_len;

static void log_append(const char *s, size_t len)
{
	if (len > sizeof(log) - 1 - log_len)
		len = sizeof(log) - 1 - log_len;
	memcpy(log + log_len, s, len);
	log_len += len;
	log[log_len] = '\0';
}

/* Prints a line no earlier case printed; returns it. */
static const char *mark(char *buf, size_t size)
{
	static int n;

	snprintf(buf, size, "mm_report: case %d starts\n", ++n);
	pr_info("%s", buf);
	return buf;
}

/* What the log holds from the line marker on ("" if it is gone). */
static const char *log_from(const char *marker)
{
	const char *p, *last = NULL;

	log_len = 0;
	log[0] = '\0';
	log_buf_dump(log_append);
	for (p = strstr(log, marker); p; p = strstr(p + 1, marker))
		last = p;
	return last ? last : "";
}

/* The report must hold s: say which line is missing, if it does not. */
#define EXPECT_LOGGED(t, out, s)					\
	do {								\
		const char *__s = (s);					\
		if (!strstr((out), __s))				\
			ktest_fail_msg(t, __FILE__, __LINE__,		\
				       "not in the report: \"%s\"", __s); \
	} while (0)

/* Not inlined: the trace must name it. */
static __noipa struct page *alloc_failing(gfp_t gfp, unsigned int order)
{
	struct page *page;

	fault_inject_current_allocs(true);
	page = alloc_pages(gfp, order);
	fault_inject_current_allocs(false);
	return page;
}

static void test_warn_alloc(struct ktest *t)
{
	char marker[64], want[128];
	const char *out;

	ratelimit_state_init(&nopage_rs, 10 * HZ, 1);
	mark(marker, sizeof(marker));
	KTEST_ASSERT_TRUE(t, !alloc_failing(GFP_KERNEL | __GFP_ZERO, 2));
	out = log_from(marker);

	snprintf(want, sizeof(want),
		 "%s: page allocation failure: order:2, mode:0x101(GFP_KERNEL|__GFP_ZERO), nodemask=(null)\n",
		 current_comm());
	EXPECT_LOGGED(t, out, want);
	snprintf(want, sizeof(want), "CPU: %d PID: %d Comm: %s ",
		 smp_processor_id(), current_pid(), current_comm());
	EXPECT_LOGGED(t, out, want);
	/* The trace reaches the caller that asked. */
	EXPECT_LOGGED(t, out, "Call Trace:");
	EXPECT_LOGGED(t, out, " alloc_failing+");
	/* Each line of the log starts with its timestamp: "[ ... ] ". */
	EXPECT_LOGGED(t, out, "] Mem-Info:\n");
	EXPECT_LOGGED(t, out, "] free:");
	EXPECT_LOGGED(t, out, "Node 0 Normal: ");
	snprintf(want, sizeof(want), "] %lu pages RAM\n",
		 memblock_phys_pages());
	EXPECT_LOGGED(t, out, want);
	EXPECT_LOGGED(t, out, " pages reserved\n");
}

/* As Linux's nopage_rs: one report per ten seconds, the rest counted. */
static void test_warn_alloc_ratelimited(struct ktest *t)
{
	char marker[64];
	const char *out;

	ratelimit_state_init(&nopage_rs, 10 * HZ, 1);
	mark(marker, sizeof(marker));
	KTEST_ASSERT_TRUE(t, !alloc_failing(GFP_ATOMIC, 0));
	KTEST_ASSERT_TRUE(t, !alloc_failing(GFP_ATOMIC, 1));
	out = log_from(marker);
	EXPECT_LOGGED(t, out,
		      "page allocation failure: order:0, mode:0x2(GFP_ATOMIC)");
	KTEST_EXPECT_NULL(t, strstr(out, "page allocation failure: order:1"));
	KTEST_EXPECT_EQ(t, nopage_rs.missed, 1);
}

static void test_nowarn_is_quiet(struct ktest *t)
{
	char marker[64];

	ratelimit_state_init(&nopage_rs, 10 * HZ, 1);
	mark(marker, sizeof(marker));
	KTEST_ASSERT_TRUE(t, !alloc_failing(GFP_KERNEL | __GFP_NOWARN, 0));
	KTEST_EXPECT_NULL(t, strstr(log_from(marker),
				    "page allocation failure"));
	/* It did not use up the interval's report either. */
	KTEST_EXPECT_EQ(t, nopage_rs.printed, 0);
}

static void test_bad_page_names_process(struct ktest *t)
{
	unsigned long reports = bad_page_reports;
	char marker[64], want[96];
	struct page *page;

	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, page);
	__free_page(page);
	mark(marker, sizeof(marker));
	__free_page(page);		/* a double free */
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 1);
	snprintf(want, sizeof(want),
		 "BUG: Bad page state in process %s  pfn:%05lx\n",
		 current_comm(), page_to_pfn(page));
	EXPECT_LOGGED(t, log_from(marker), want);
}

static const struct ktest_case page_alloc_report_cases[] = {
	KTEST_CASE(test_warn_alloc),
	KTEST_CASE(test_warn_alloc_ratelimited),
	KTEST_CASE(test_nowarn_is_quiet),
	KTEST_CASE(test_bad_page_names_process),
	{}
};
KTEST_SUITE(page_alloc_report, page_alloc_report_cases);
