/* Batches of nominations: worker threads, each with its own project (the
 * library keeps no global state), take the next nomination, load and solve
 * it, and keep one line of result; the lines come out in input order, with
 * progress (count, rate, time left) on a terminal only. */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    gf_status status;
    int iterations;
    size_t violations;
    double solve_ms;
    int written; /* JSON written, or not asked for */
    char message[240];
} batch_line;

typedef struct {
    const batch_args *b;
    batch_line *lines;
    size_t next, done;
    int setup_status; /* the first failure to load the network or controls */
    char setup_message[480];
    pthread_mutex_t lock;
    double t0;
    double last_progress;
    int tty;
} batch_state;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void progress(batch_state *s, int final)
{
    double t = now_s();
    if (!s->tty || (!final && t - s->last_progress < 0.2))
        return;
    s->last_progress = t;
    double rate = s->done / (t - s->t0 > 1e-9 ? t - s->t0 : 1e-9);
    double left = rate > 0 ? (double)(s->b->n_scenarios - s->done) / rate : 0.0;
    fprintf(stderr, "\r  %zu/%zu nominations, %.1f per second, %.1f s left   %s", s->done, s->b->n_scenarios, rate,
            left, final ? "\n" : "");
    fflush(stderr);
}

static void solve_one(batch_state *s, gf_project *p, size_t i)
{
    const batch_args *b = s->b;
    batch_line *l = &s->lines[i];
    gf_status st = gf_load_scenario(p, b->scenarios[i]);
    if (st == GF_OK)
        st = b->decisions ? gf_choose_decisions(p, &b->opt) : gf_solve_steady(p, &b->opt);
    l->status = st;
    l->written = 1;
    gf_report rep;
    if (gf_report_get(p, &rep) == GF_OK) {
        l->iterations = rep.iterations;
        l->solve_ms = rep.solve_ms;
    }
    if (st != GF_OK) {
        snprintf(l->message, sizeof l->message, "%.230s", gf_last_error(p));
        return;
    }
    l->violations = gf_violation_count(p);
    if (b->json_dir) {
        char path[4096];
        const char *name = base_name(b->scenarios[i]);
        size_t len = strlen(name);
        if (len > 4 && !strcmp(name + len - 4, ".scn"))
            len -= 4;
        snprintf(path, sizeof path, "%s/%.*s.json", b->json_dir, (int)len, name);
        l->written = gf_write_json(p, path) == GF_OK;
    }
}

static void *worker(void *arg)
{
    batch_state *s = arg;
    const batch_args *b = s->b;
    gf_project *p = NULL;
    gf_status st = gf_project_create(&p);
    if (st == GF_OK)
        st = gf_load_network(p, b->net);
    if (st == GF_OK && b->controls)
        st = gf_load_controls(p, b->controls);
    if (st == GF_OK && b->stations)
        st = gf_load_stations(p, b->stations);
    if (st == GF_OK && b->decisions)
        st = gf_load_decisions(p, b->decisions);
    if (st != GF_OK) {
        pthread_mutex_lock(&s->lock);
        if (s->setup_status == GF_OK) {
            s->setup_status = st;
            snprintf(s->setup_message, sizeof s->setup_message, "%.470s", p ? gf_last_error(p) : "out of memory");
        }
        pthread_mutex_unlock(&s->lock);
        gf_project_free(&p);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&s->lock);
        size_t i = s->next < b->n_scenarios && s->setup_status == GF_OK ? s->next++ : b->n_scenarios;
        pthread_mutex_unlock(&s->lock);
        if (i >= b->n_scenarios)
            break;
        solve_one(s, p, i);
        pthread_mutex_lock(&s->lock);
        s->done++;
        progress(s, 0);
        pthread_mutex_unlock(&s->lock);
    }
    gf_project_free(&p);
    return NULL;
}

int batch_run(const batch_args *b)
{
    batch_state s;
    memset(&s, 0, sizeof s);
    s.b = b;
    s.lines = calloc(b->n_scenarios ? b->n_scenarios : 1, sizeof *s.lines);
    if (!s.lines || pthread_mutex_init(&s.lock, NULL) != 0) {
        free(s.lines);
        fputs("gasflow: out of memory\n", stderr);
        return 1;
    }
    s.tty = !b->quiet && isatty(STDERR_FILENO);
    s.t0 = now_s();
    int jobs = b->jobs < 1 ? 1 : b->jobs;
    if ((size_t)jobs > b->n_scenarios)
        jobs = (int)b->n_scenarios;
    pthread_t threads[64];
    if (jobs > 64)
        jobs = 64;
    int started = 0;
    for (int k = 0; k < jobs; k++)
        started += pthread_create(&threads[started], NULL, worker, &s) == 0;
    if (started == 0)
        worker(&s);
    for (int k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    double wall = now_s() - s.t0;
    progress(&s, 1);
    int rc = 0;
    if (s.setup_status != GF_OK) {
        fprintf(stderr, "gasflow: %s\n", s.setup_message);
        rc = s.setup_status == GF_ERR_NOMEM ? 1 : 2;
    } else {
        size_t ok = 0, viol = 0;
        double ms = 0.0;
        if (!b->quiet)
            printf("%-40s %-10s %5s %10s %9s\n", "nomination", "result", "iter", "violations", "solve ms");
        for (size_t i = 0; i < b->n_scenarios; i++) {
            const batch_line *l = &s.lines[i];
            int good = l->status == GF_OK;
            if (!b->quiet) {
                printf("%-40s %-10s %5d %10zu %9.3f\n", base_name(b->scenarios[i]),
                       good                                                                               ? "converged"
                       : l->status == GF_ERR_INPUT || l->status == GF_ERR_PARSE || l->status == GF_ERR_IO ? "bad input"
                                                                                                          : "failed",
                       l->iterations, good ? l->violations : 0, l->solve_ms);
                if (!good)
                    printf("    %s\n", l->message);
            }
            ok += good;
            viol += good ? l->violations : 0;
            ms += l->solve_ms;
            if (!good && rc != 2)
                rc = l->status == GF_ERR_INPUT || l->status == GF_ERR_PARSE || l->status == GF_ERR_IO ? 2 : 3;
            if (good && !l->written && rc == 0)
                rc = 4;
        }
        printf("%zu of %zu nominations converged, %zu violated bounds in all; %.1f nominations per second "
               "(%d threads, %.3f s wall, %.3f ms mean solve)\n",
               ok, b->n_scenarios, viol, b->n_scenarios / (wall > 1e-9 ? wall : 1e-9), started ? started : 1, wall,
               b->n_scenarios ? ms / (double)b->n_scenarios : 0.0);
    }
    pthread_mutex_destroy(&s.lock);
    free(s.lines);
    return rc;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int batch_list_dir(const char *dir, char ***out, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    size_t cap = 64, count = 0;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".scn") != 0)
            continue;
        if (count == cap) {
            char **grown = realloc(names, 2 * cap * sizeof *names);
            if (!grown)
                break;
            names = grown;
            cap *= 2;
        }
        size_t size = strlen(dir) + len + 2;
        if (!(names[count] = malloc(size)))
            break;
        snprintf(names[count++], size, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (!names) {
        errno = ENOMEM;
        return -1;
    }
    qsort(names, count, sizeof *names, compare_names);
    *out = names;
    *n = count;
    return 0;
}
