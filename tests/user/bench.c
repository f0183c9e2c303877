// SPDX-License-Identifier: GPL-2.0
/*
 * System-call and process costs, measured from user space (lmbench's
 * lat_syscall null and lat_proc exec, in spirit): the time of one
 * getpid() round trip and of one fork + exec + exit + wait of a static
 * program, each the average over N runs, from CLOCK_MONOTONIC.  Under
 * QEMU's -icount shift=0 one nanosecond of the guest's clock is one
 * instruction, so the figures are instruction counts, repeatable from
 * run to run (tools/bench-syscall.py).  On a real Linux machine they are
 * nanoseconds.
 *
 *	bench [getpid N] [fork N]	prints one JSON object
 *	bench exit			exits 0 at once (what fork execs)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static double getpid_ns(long n)
{
	long long t0 = now_ns();
	long i;

	for (i = 0; i < n; i++)
		syscall(SYS_getpid);	/* not libc's: it may cache */
	return (double)(now_ns() - t0) / n;
}

static double fork_exec_ns(const char *self, long n)
{
	long long t0 = now_ns();
	long i;

	for (i = 0; i < n; i++) {
		int status;
		pid_t pid = fork();

		if (pid < 0) {
			perror("bench: fork");
			exit(1);
		}
		if (pid == 0) {
			execl(self, "bench", "exit", (char *)NULL);
			perror("bench: exec");
			_exit(127);
		}
		if (waitpid(pid, &status, 0) != pid || status != 0) {
			fprintf(stderr, "bench: child status %d\n", status);
			exit(1);
		}
	}
	return (double)(now_ns() - t0) / n;
}

int main(int argc, char **argv)
{
	/* What to exec: this program, by the path it was started with. */
	const char *self = strchr(argv[0], '/') ? argv[0] :
			   "/usr/lib/irqlab/bench";
	double g = -1, f = -1;
	int i;

	if (argc == 2 && strcmp(argv[1], "exit") == 0)
		return 0;
	for (i = 1; i + 1 < argc; i += 2) {
		long n = atol(argv[i + 1]);

		if (n <= 0) {
			fprintf(stderr, "bench: bad count '%s'\n", argv[i + 1]);
			return 2;
		}
		if (strcmp(argv[i], "getpid") == 0) {
			g = getpid_ns(n);
		} else if (strcmp(argv[i], "fork") == 0) {
			f = fork_exec_ns(self, n);
		} else {
			fprintf(stderr, "usage: bench [getpid N] [fork N] | exit\n");
			return 2;
		}
	}
	if (i != argc) {
		fprintf(stderr, "usage: bench [getpid N] [fork N] | exit\n");
		return 2;
	}
	printf("{\"getpid_ns\": %.1f, \"fork_exec_exit_wait_ns\": %.1f}\n", g, f);
	return 0;
}
