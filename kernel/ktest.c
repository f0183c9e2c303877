// SPDX-License-Identifier: GPL-2.0
/*
 * The ktest runner: KUnit's output format (KTAP version 1), so the host
 * harness and anyone used to KUnit read it the same way.
 *
 *   KTAP version 1
 *   1..2
 *       KTAP version 1
 *       # Subtest: string
 *       1..3
 *       ok 1 test_strlen
 *       ...
 *   # string: pass:3 fail:0 skip:0 total:3
 *   ok 1 string
 */
#include <irqlab/ktest.h>
#include <irqlab/cmdline.h>
#include <irqlab/kernel.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <asm/setjmp.h>

extern const struct ktest_suite __start_ktest_suites[], __stop_ktest_suites[];

ATOMIC_NOTIFIER_HEAD(ktest_notifier_list);

#define for_each_suite(s) \
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)

struct totals {
	int pass, fail, skip;
};

void ktest_fail_binary(struct ktest *t, const char *file, int line,
		       const char *left, const char *op, const char *right,
		       s64 lval, s64 rval)
{
	t->status = KTEST_FAIL;
	if (t->quiet)
		return;
	pr_info("    # %s: EXPECTATION FAILED at %s:%d\n", t->name, file, line);
	pr_info("    Expected %s %s %s, but\n", left, op, right);
	pr_info("        %s == %lld (0x%llx)\n", left, (long long)lval,
		(unsigned long long)lval);
	pr_info("        %s == %lld (0x%llx)\n", right, (long long)rval,
		(unsigned long long)rval);
}

void ktest_fail_str(struct ktest *t, const char *file, int line,
		    const char *left, const char *right, const char *lval,
		    const char *rval)
{
	t->status = KTEST_FAIL;
	if (t->quiet)
		return;
	pr_info("    # %s: EXPECTATION FAILED at %s:%d\n", t->name, file, line);
	pr_info("    Expected %s == %s, but\n", left, right);
	pr_info("        %s == \"%s\"\n", left, lval ? lval : "(null)");
	pr_info("        %s == \"%s\"\n", right, rval ? rval : "(null)");
}

void ktest_fail_msg(struct ktest *t, const char *file, int line,
		    const char *fmt, ...)
{
	char buf[256];
	va_list args;

	t->status = KTEST_FAIL;
	if (t->quiet)
		return;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_info("    # %s: EXPECTATION FAILED at %s:%d\n", t->name, file, line);
	pr_info("    %s\n", buf);
}

void ktest_log(struct ktest *t, const char *fmt, ...)
{
	char buf[256];
	va_list args;

	if (t->quiet)
		return;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_info("    # %s: %s\n", t->name, buf);
}

/* As KUnit's: a skip does not clear a failure already recorded. */
void ktest_skip(struct ktest *t, const char *reason)
{
	if (t->status != KTEST_FAIL)
		t->status = KTEST_SKIP;
	t->skip_reason = reason;
}

void ktest_abort(struct ktest *t)
{
	klongjmp(t->abort_ctx, 1);
}

/*
 * The KTAP result line of case number n, without its indentation: "ok 1
 * name", "ok 1 name # SKIP reason" or "not ok 1 name".
 */
int ktest_result_line(char *buf, size_t size, const struct ktest *t, int n)
{
	switch (t->status) {
	case KTEST_PASS:
		return scnprintf(buf, size, "ok %d %s", n, t->name);
	case KTEST_SKIP:
		return scnprintf(buf, size, "ok %d %s # SKIP %s", n, t->name,
				 t->skip_reason ? t->skip_reason : "");
	case KTEST_FAIL:
		break;
	}
	return scnprintf(buf, size, "not ok %d %s", n, t->name);
}

static void run_case(const struct ktest_case *c, int n, struct totals *tot)
{
	struct kjmp_buf abort_ctx;
	struct ktest t = {
		.name = c->name,
		.status = KTEST_PASS,
		.abort_ctx = &abort_ctx,
	};
	char line[160];

	if (!ksetjmp(&abort_ctx))
		c->run(&t);

	ktest_result_line(line, sizeof(line), &t, n);
	pr_info("    %s\n", line);
	switch (t.status) {
	case KTEST_PASS:
		tot->pass++;
		break;
	case KTEST_SKIP:
		tot->skip++;
		break;
	case KTEST_FAIL:
		tot->fail++;
		break;
	}
}

static bool run_suite(const struct ktest_suite *s, int n, struct totals *all)
{
	struct totals tot = { 0 };
	int i, count = 0;

	while (s->cases[count].run)
		count++;
	pr_info("    KTAP version 1\n");
	pr_info("    # Subtest: %s\n", s->name);
	pr_info("    1..%d\n", count);
	for (i = 0; i < count; i++)
		run_case(&s->cases[i], i + 1, &tot);
	pr_info("# %s: pass:%d fail:%d skip:%d total:%d\n", s->name, tot.pass,
		tot.fail, tot.skip, count);
	pr_info("%sok %d %s\n", tot.fail ? "not " : "", n, s->name);

	all->pass += tot.pass;
	all->fail += tot.fail;
	all->skip += tot.skip;
	return tot.fail == 0;
}

/* Is suite name in the comma-separated list? */
static bool listed(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p = list;

	if (strcmp(list, "all") == 0)
		return true;
	while (*p) {
		if (strncmp(p, name, len) == 0 && (p[len] == ',' || !p[len]))
			return true;
		p = strchr(p, ',');
		if (!p)
			break;
		p++;
	}
	return false;
}

/* Names in the list that no suite has: a typo must not pass silently. */
static int count_unknown(const char *list)
{
	const struct ktest_suite *s;
	char name[64];
	const char *p = list, *end;
	int unknown = 0;
	bool found;

	if (strcmp(list, "all") == 0)
		return 0;
	while (*p) {
		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		strscpy(name, p, min((size_t)(end - p + 1), sizeof(name)));
		found = false;
		for_each_suite(s)
			found |= strcmp(s->name, name) == 0;
		if (!found && name[0]) {
			pr_err("ktest: no suite named '%s'\n", name);
			unknown++;
		}
		p = *end ? end + 1 : end;
	}
	return unknown;
}

int ktest_run(const char *list)
{
	const struct ktest_suite *s;
	struct totals all = { 0 };
	int n = 0, failed = 0, unknown = count_unknown(list);

	for_each_suite(s)
		n += listed(list, s->name);

	pr_info("KTAP version 1\n");
	pr_info("1..%d\n", n);
	n = 0;
	for_each_suite(s)
		if (listed(list, s->name))
			failed += !run_suite(s, ++n, &all);
	pr_info("# Totals: pass:%d fail:%d skip:%d total:%d\n", all.pass,
		all.fail, all.skip, all.pass + all.fail + all.skip);
	return failed + unknown;
}

void ktest_run_all_tests(void)
{
	char list[256];
	int failed;

	if (!cmdline_get("ktest", list, sizeof(list)) || !list[0])
		return;
	failed = ktest_run(list);
	atomic_notifier_call_chain(&ktest_notifier_list, failed, NULL);
	/* Still here: nothing stopped the machine with the result. */
	pr_info("ktest: %s\n", failed ? "FAILED" : "all passed");
}
