/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest: in-kernel tests in the shape of Linux's KUnit.
 *
 * A suite is an array of cases placed in the .ktest_suites linker section
 * by KTEST_SUITE(), so adding a test file to the build is all it takes to
 * register it.  `ktest=all` or `ktest=SUITE[,SUITE]` on the command line runs
 * them after boot and prints KTAP version 1, as KUnit does.
 */
#ifndef _IRQLAB_KTEST_H
#define _IRQLAB_KTEST_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>
#include <irqlab/string.h>
#include <irqlab/notifier.h>

enum ktest_status {
	KTEST_PASS,
	KTEST_FAIL,
	KTEST_SKIP,
};

struct ktest {
	const char *name;		/* the running case */
	enum ktest_status status;
	const char *skip_reason;
	void *abort_ctx;		/* where KTEST_ASSERT_* jumps on failure */
	/* Records failures but prints nothing: for tests of the runner. */
	bool quiet;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;	/* ends with an empty entry */
};

#define KTEST_CASE(fn)	{ .name = #fn, .run = fn }

#define KTEST_SUITE(sname, case_array)					\
	static const struct ktest_suite __ktest_suite_##sname		\
	__used __section(".ktest_suites") __aligned(8) = {		\
		.name = #sname,						\
		.cases = case_array,					\
	}

/* Reporting, in kernel/ktest.c. */
void ktest_fail_binary(struct ktest *t, const char *file, int line,
		       const char *left, const char *op, const char *right,
		       s64 lval, s64 rval);
void ktest_fail_str(struct ktest *t, const char *file, int line,
		    const char *left, const char *right,
		    const char *lval, const char *rval);
void __printf(4, 5) ktest_fail_msg(struct ktest *t, const char *file,
				   int line, const char *fmt, ...);
void __noreturn ktest_abort(struct ktest *t);
void __printf(2, 3) ktest_log(struct ktest *t, const char *fmt, ...);
void ktest_skip(struct ktest *t, const char *reason);

/* The case's KTAP result line ("ok 1 name", "not ok 1 name"...). */
int ktest_result_line(char *buf, size_t size, const struct ktest *t, int n);

/*
 * Runs the suites named by the `ktest=` list ("all" for every one);
 * returns how many failed (or were named and do not exist).
 */
int ktest_run(const char *list);

/*
 * With ktest= on the command line, runs those suites and calls
 * ktest_notifier_list with the number that failed (drivers/debugexit.c
 * exits QEMU with it), as Linux's kunit_run_all_tests from kernel_init.
 */
void ktest_run_all_tests(void);
extern struct atomic_notifier_head ktest_notifier_list;

#define __KTEST_BINARY(t, a, op, b, fail_action)			\
	do {								\
		s64 __ka = (s64)(a), __kb = (s64)(b);			\
		if (!(__ka op __kb)) {					\
			ktest_fail_binary(t, __FILE__, __LINE__, #a, #op, \
					  #b, __ka, __kb);		\
			fail_action;					\
		}							\
	} while (0)

#define __KTEST_STR(t, a, b, fail_action)				\
	do {								\
		const char *__ka = (a), *__kb = (b);			\
		if (!__ka || !__kb || strcmp(__ka, __kb) != 0) {	\
			ktest_fail_str(t, __FILE__, __LINE__, #a, #b,	\
				       __ka, __kb);			\
			fail_action;					\
		}							\
	} while (0)

#define __KTEST_TRUE(t, cond, fail_action)				\
	do {								\
		if (!(cond)) {						\
			ktest_fail_msg(t, __FILE__, __LINE__,		\
				       "Expected %s to be true", #cond); \
			fail_action;					\
		}							\
	} while (0)

/* EXPECT records a failure and carries on, as KUnit's KUNIT_EXPECT_*. */
#define KTEST_EXPECT_EQ(t, a, b)	__KTEST_BINARY(t, a, ==, b, (void)0)
#define KTEST_EXPECT_NE(t, a, b)	__KTEST_BINARY(t, a, !=, b, (void)0)
#define KTEST_EXPECT_LT(t, a, b)	__KTEST_BINARY(t, a, <, b, (void)0)
#define KTEST_EXPECT_LE(t, a, b)	__KTEST_BINARY(t, a, <=, b, (void)0)
#define KTEST_EXPECT_GT(t, a, b)	__KTEST_BINARY(t, a, >, b, (void)0)
#define KTEST_EXPECT_GE(t, a, b)	__KTEST_BINARY(t, a, >=, b, (void)0)
#define KTEST_EXPECT_TRUE(t, c)		__KTEST_TRUE(t, c, (void)0)
#define KTEST_EXPECT_FALSE(t, c)	__KTEST_TRUE(t, !(c), (void)0)
#define KTEST_EXPECT_STREQ(t, a, b)	__KTEST_STR(t, a, b, (void)0)
#define KTEST_EXPECT_NULL(t, p)		KTEST_EXPECT_TRUE(t, (p) == NULL)
#define KTEST_EXPECT_NOT_NULL(t, p)	KTEST_EXPECT_TRUE(t, (p) != NULL)

/* ASSERT also ends the case at once, as KUnit's KUNIT_ASSERT_*. */
#define KTEST_ASSERT_EQ(t, a, b)	__KTEST_BINARY(t, a, ==, b, ktest_abort(t))
#define KTEST_ASSERT_NE(t, a, b)	__KTEST_BINARY(t, a, !=, b, ktest_abort(t))
#define KTEST_ASSERT_LT(t, a, b)	__KTEST_BINARY(t, a, <, b, ktest_abort(t))
#define KTEST_ASSERT_LE(t, a, b)	__KTEST_BINARY(t, a, <=, b, ktest_abort(t))
#define KTEST_ASSERT_GT(t, a, b)	__KTEST_BINARY(t, a, >, b, ktest_abort(t))
#define KTEST_ASSERT_GE(t, a, b)	__KTEST_BINARY(t, a, >=, b, ktest_abort(t))
#define KTEST_ASSERT_TRUE(t, c)		__KTEST_TRUE(t, c, ktest_abort(t))
#define KTEST_ASSERT_FALSE(t, c)	__KTEST_TRUE(t, !(c), ktest_abort(t))
#define KTEST_ASSERT_STREQ(t, a, b)	__KTEST_STR(t, a, b, ktest_abort(t))
#define KTEST_ASSERT_NOT_NULL(t, p)	KTEST_ASSERT_TRUE(t, (p) != NULL)

#endif /* _IRQLAB_KTEST_H */
