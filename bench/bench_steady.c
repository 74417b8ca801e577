/* Times the steady solve of one network and nomination: loads once, solves
 * RUNS times (default 7) and prints one markdown table row with the nodes,
 * arcs, Newton iterations, the first solve's time in ms (it runs the
 * symbolic analysis, which the later solves of the same pattern reuse), the
 * median and minimum over all RUNS (load excluded), the linear-algebra lower bound (the fastest factorization and
 * solve of the Jacobian times the iterations) with the median's ratio to it,
 * the peak resident memory of the process, and the target in ms with
 * whether the median meets it ("-" without one). THREADS is gf_options'
 * threads (0 or absent: the default, 2). RATIO, when given, is the target for the ratio
 * instead (the median at most RATIO times the LA bound).
 *
 *   bench_steady NAME NET.net SCN.scn [RUNS] [TARGET_MS] [THREADS] [RATIO] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "gasflow.h"

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_steady NAME NET.net SCN.scn [RUNS] [TARGET_MS] [THREADS] [RATIO]\n");
        return 2;
    }
    int runs = argc > 4 ? atoi(argv[4]) : 7;
    double target = argc > 5 ? atof(argv[5]) : 0.0;
    double ratio_target = argc > 7 ? atof(argv[7]) : 0.0;
    if (runs < 1 || runs > 1000) {
        fprintf(stderr, "bench_steady: RUNS must be 1..1000\n");
        return 2;
    }
    gf_project *p = NULL;
    gf_options opt;
    gf_options_default(&opt);
    if (argc > 6 && atoi(argv[6]) > 0)
        opt.threads = atoi(argv[6]);
    if (gf_project_create(&p) != GF_OK)
        return 1;
    gf_status st = gf_load_network(p, argv[2]);
    if (st == GF_OK)
        st = gf_load_scenario(p, argv[3]);
    if (st != GF_OK) {
        fprintf(stderr, "bench_steady: %s\n", gf_last_error(p));
        gf_project_free(&p);
        return 2;
    }
    double *ms = malloc((size_t)runs * sizeof *ms);
    gf_report rep = {0};
    double linear = 0.0, first = 0.0;
    for (int r = 0; r < runs && ms; r++) {
        st = gf_solve_steady(p, &opt);
        if (st != GF_OK) {
            fprintf(stderr, "bench_steady: %s\n", gf_last_error(p));
            free(ms);
            gf_project_free(&p);
            return 3;
        }
        gf_report_get(p, &rep);
        ms[r] = rep.solve_ms;
        if (r == 0)
            first = rep.solve_ms;
        if (r == 0 || rep.linear_ms < linear)
            linear = rep.linear_ms;
    }
    if (!ms)
        return 1;
    qsort(ms, (size_t)runs, sizeof *ms, compare);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double bound = linear * rep.iterations;
    char ratio[32] = "-";
    if (bound > 0.0)
        snprintf(ratio, sizeof ratio, "%.2f", ms[runs / 2] / bound);
    char goal[48] = "- | -";
    if (target > 0.0)
        snprintf(goal, sizeof goal, "%.0f | %s", target, ms[runs / 2] <= target ? "yes" : "no");
    else if (ratio_target > 0.0 && bound > 0.0)
        snprintf(goal, sizeof goal, "ratio %g | %s", ratio_target, ms[runs / 2] <= ratio_target * bound ? "yes" : "no");
    printf("| %s | %zu | %zu | %zu | %d | %.3f | %.3f | %.3f | %.3f | %s | %.1f | %s |\n", argv[1], gf_node_count(p),
           gf_arc_count(p), rep.n_unknowns, rep.iterations, first, ms[runs / 2], ms[0], bound, ratio,
           (double)ru.ru_maxrss / 1024.0, goal);
    free(ms);
    gf_project_free(&p);
    return 0;
}
