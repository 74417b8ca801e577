/* Times a whole command, process start to exit: runs it RUNS times (its
 * output thrown away) and prints one markdown table row with the median and
 * the fastest wall time in ms and the target, and whether the median meets
 * it. A run that exits non-zero fails the benchmark.
 *
 *   bench_process NAME TARGET_MS RUNS COMMAND [ARG...] */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec * 1e-6;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fputs("usage: bench_process NAME TARGET_MS RUNS COMMAND [ARG...]\n", stderr);
        return 2;
    }
    double target = atof(argv[2]);
    int runs = atoi(argv[3]);
    if (runs < 1 || runs > 1000) {
        fputs("bench_process: RUNS must be 1..1000\n", stderr);
        return 2;
    }
    double *ms = malloc((size_t)runs * sizeof *ms);
    posix_spawn_file_actions_t quiet;
    if (!ms || posix_spawn_file_actions_init(&quiet) != 0 ||
        posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0) != 0)
        return 1;
    for (int r = 0; r < runs; r++) {
        pid_t pid;
        int status;
        double t0 = now_ms();
        if (posix_spawn(&pid, argv[4], &quiet, NULL, argv + 4, environ) != 0 || waitpid(pid, &status, 0) != pid) {
            fprintf(stderr, "bench_process: cannot run %s\n", argv[4]);
            return 1;
        }
        ms[r] = now_ms() - t0;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_process: %s failed (status %d)\n", argv[1], status);
            return 1;
        }
    }
    qsort(ms, (size_t)runs, sizeof *ms, compare);
    double median = ms[runs / 2];
    printf("| %s | %.1f | %.1f | %.0f | %s |\n", argv[1], median, ms[0], target, median <= target ? "yes" : "no");
    posix_spawn_file_actions_destroy(&quiet);
    free(ms);
    return 0;
}
