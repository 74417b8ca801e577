/* The multifrontal LU and LDL' against the matrices they serve: grid
 * Laplacians with nonsymmetric perturbations (as real-gas and height terms
 * make them), structurally nonsymmetric patterns (identity rows of fixed
 * pressures), disconnected blocks; the residual of every solve below 1e-12
 * relative, and a zero pivot refused. A factorization split over two
 * threads gives the same bits as one. The sparse layer's choice between
 * LDL' with refinement and LU. */
#define _GNU_SOURCE /* sched_getaffinity */
#include <math.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "solver/multifrontal.h"
#include "solver/multifrontal_internal.h"
#include "solver/sparse.h"
#include "util/team.h"

typedef struct {
    int n, nnz;
    int *colptr, *rowind;
    double *x;
} csc;

static uint64_t rng_state = 42;

static double uniform(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(rng_state >> 11) / 9007199254740992.0;
}

/* A dense n x n work matrix turned into CSC (small sizes only). */
static csc from_dense(int n, const double *a)
{
    csc m = {n, 0, calloc((size_t)n + 1, sizeof(int)), calloc((size_t)n * n, sizeof(int)),
             malloc((size_t)n * n * sizeof(double))};
    for (int j = 0; j < n; j++) {
        m.colptr[j] = m.nnz;
        for (int i = 0; i < n; i++)
            if (a[i + (size_t)j * n] != 0.0) {
                m.rowind[m.nnz] = i;
                m.x[m.nnz++] = a[i + (size_t)j * n];
            }
    }
    m.colptr[n] = m.nnz;
    return m;
}

/* Grid graph r x c: a weighted Laplacian plus a nonsymmetric part of
 * relative size eps, node 0 replaced by an identity row (a fixed pressure),
 * a few rows with extra links. */
static double *grid_matrix(int r, int c, double eps)
{
    int n = r * c;
    double *a = calloc((size_t)n * n, sizeof *a);
    for (int v = 0; v < n; v++) {
        int x = v % c, y = v / c;
        int nb[2] = {x + 1 < c ? v + 1 : -1, y + 1 < r ? v + c : -1};
        for (int k = 0; k < 2; k++) {
            if (nb[k] < 0)
                continue;
            int u = nb[k];
            double g = 0.5 + uniform();
            a[v + (size_t)v * n] += g;
            a[u + (size_t)u * n] += g;
            a[v + (size_t)u * n] -= g * (1.0 + eps * (uniform() - 0.5));
            a[u + (size_t)v * n] -= g * (1.0 + eps * (uniform() - 0.5));
        }
    }
    for (int j = 0; j < n; j++)
        a[0 + (size_t)j * n] = j == 0 ? 1.0 : 0.0;
    return a;
}

static void check_solve(int n, const double *a)
{
    csc m = from_dense(n, a);
    mf_symbolic *s = mf_analyze(n, m.colptr, m.rowind);
    assert_non_null(s);
    assert_int_equal(mf_factor(s, m.x), 0);
    double *b = malloc((size_t)n * sizeof *b), *x = malloc((size_t)n * sizeof *x);
    for (int i = 0; i < n; i++)
        b[i] = x[i] = uniform() - 0.5;
    mf_solve(s, x);
    double rmax = 0.0, bmax = 0.0;
    for (int i = 0; i < n; i++) {
        double r = -b[i];
        for (int j = 0; j < n; j++)
            r += a[i + (size_t)j * n] * x[j];
        rmax = fmax(rmax, fabs(r));
        bmax = fmax(bmax, fabs(b[i]));
    }
    assert_true(rmax <= 1e-12 * bmax);
    /* a second factorization of the same pattern with other values */
    for (int k = 0; k < m.nnz; k++)
        m.x[k] *= 2.0;
    assert_int_equal(mf_factor(s, m.x), 0);
    memcpy(x, b, (size_t)n * sizeof *x);
    mf_solve(s, x);
    for (int i = 0; i < n; i++) {
        double r = -b[i];
        for (int j = 0; j < n; j++)
            r += 2.0 * a[i + (size_t)j * n] * x[j];
        assert_true(fabs(r) <= 1e-12 * bmax);
    }
    free(b);
    free(x);
    mf_free(&s);
    assert_null(s);
    free(m.colptr);
    free(m.rowind);
    free(m.x);
}

static void test_grids(void **state)
{
    (void)state;
    static const int dims[][2] = {{1, 1}, {1, 7}, {3, 3}, {8, 5}, {20, 20}};
    for (size_t k = 0; k < sizeof dims / sizeof dims[0]; k++) {
        for (int e = 0; e < 2; e++) {
            int n = dims[k][0] * dims[k][1];
            double *a = grid_matrix(dims[k][0], dims[k][1], e ? 0.2 : 0.0);
            check_solve(n, a);
            free(a);
        }
    }
}

/* Random sparse graphs: a few hubs joined to many nodes, the rest to a
 * few random others, as a weighted Laplacian with an identity row. Their
 * elimination trees are irregular (bushy under the hubs, long chains
 * elsewhere), which exercises the column counts, from which the analysis
 * sizes every front without building L's structure: a row too many or too
 * few fails the analysis or the residual. */
static void test_random_graphs(void **state)
{
    (void)state;
    static const int sizes[] = {2, 10, 57, 200, 333};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int rep = 0; rep < 4; rep++) {
            int n = sizes[k];
            double *a = calloc((size_t)n * n, sizeof *a);
            for (int v = 0; v < n; v++) {
                int links = v < 3 ? n / 3 : 1 + (int)(uniform() * (1 + rep));
                for (int l = 0; l < links; l++) {
                    int u = (int)(uniform() * n);
                    if (u == v)
                        continue;
                    double g = 0.5 + uniform();
                    a[v + (size_t)v * n] += g;
                    a[u + (size_t)u * n] += g;
                    a[v + (size_t)u * n] -= g;
                    a[u + (size_t)v * n] -= g;
                }
            }
            for (int v = 0; v < n; v++)
                a[v + (size_t)v * n] += 1e-3; /* isolated nodes stay regular */
            for (int j = 0; j < n; j++)
                a[0 + (size_t)j * n] = j == 0 ? 1.0 : 0.0;
            check_solve(n, a);
            free(a);
        }
    }
}

/* Two disconnected blocks, each with its own identity row. */
static void test_forest(void **state)
{
    (void)state;
    int n = 50;
    double *a = calloc((size_t)n * n, sizeof *a);
    double *g1 = grid_matrix(5, 5, 0.1), *g2 = grid_matrix(5, 5, 0.1);
    for (int i = 0; i < 25; i++)
        for (int j = 0; j < 25; j++) {
            a[i + (size_t)j * n] = g1[i + (size_t)j * 25];
            a[25 + i + (size_t)(25 + j) * n] = g2[i + (size_t)j * 25];
        }
    check_solve(n, a);
    free(a);
    free(g1);
    free(g2);
}

/* An r x c grid matrix of grid_matrix's form, built sparse (column by column,
 * rows ascending), for sizes where a dense one would not fit. */
static csc sparse_grid(int r, int c, double eps)
{
    int n = r * c;
    csc m = {n, 0, calloc((size_t)n + 1, sizeof(int)), malloc((size_t)n * 5 * sizeof(int)),
             calloc((size_t)n * 5, sizeof(double))};
    /* the link weights first: right and down of each node, both ways */
    double *g = malloc((size_t)n * 2 * sizeof *g), *up = malloc((size_t)n * 2 * sizeof *up),
           *dn = malloc((size_t)n * 2 * sizeof *dn);
    for (int k = 0; k < 2 * n; k++) {
        g[k] = 0.5 + uniform();
        up[k] = 1.0 + eps * (uniform() - 0.5);
        dn[k] = 1.0 + eps * (uniform() - 0.5);
    }
    for (int j = 0; j < n; j++) {
        int x = j % c, y = j / c;
        m.colptr[j] = m.nnz;
        /* column j: rows j - c, j - 1, j, j + 1, j + c (those that exist) */
        int rows[5] = {y > 0 ? j - c : -1, x > 0 ? j - 1 : -1, j, x + 1 < c ? j + 1 : -1, y + 1 < r ? j + c : -1};
        int links[5] = {2 * (j - c) + 1, 2 * (j - 1), -1, 2 * j, 2 * j + 1};
        double diag = 0.0;
        for (int k = 0; k < 5; k++)
            if (rows[k] >= 0 && k != 2)
                diag += g[links[k]];
        for (int k = 0; k < 5; k++) {
            int i = rows[k];
            if (i < 0)
                continue;
            double v = k == 2 ? diag : -g[links[k]] * (i < j ? up[links[k]] : dn[links[k]]);
            if (i == 0)
                v = j == 0 ? 1.0 : 0.0; /* node 0: a fixed pressure */
            m.rowind[m.nnz] = i;
            m.x[m.nnz++] = v;
        }
    }
    m.colptr[n] = m.nnz;
    free(g);
    free(up);
    free(dn);
    return m;
}

/* The residual of A x = b (A: m's pattern with values v) against the size
 * of the terms it sums, the largest of each over the rows: a grid
 * Laplacian's solution is much larger than its right-hand side. */
static double scaled_residual(const csc *m, const double *v, const double *x, const double *b)
{
    int n = m->n;
    double *r = malloc((size_t)n * sizeof *r), *size = malloc((size_t)n * sizeof *size), rmax = 0.0, smax = 0.0;
    for (int i = 0; i < n; i++) {
        r[i] = -b[i];
        size[i] = fabs(b[i]);
    }
    for (int j = 0; j < n; j++)
        for (int p = m->colptr[j]; p < m->colptr[j + 1]; p++) {
            r[m->rowind[p]] += v[p] * x[j];
            size[m->rowind[p]] += fabs(v[p] * x[j]);
        }
    for (int i = 0; i < n; i++) {
        rmax = fmax(rmax, fabs(r[i]));
        smax = fmax(smax, size[i]);
    }
    free(r);
    free(size);
    return rmax / smax;
}

/* LU of m's values on the analysis s solves for b: the residual below
 * 1e-12 of the terms it sums. */
static void assert_lu_solves(mf_symbolic *s, const csc *m, const double *b)
{
    double *x = malloc((size_t)m->n * sizeof *x);
    memcpy(x, b, (size_t)m->n * sizeof *x);
    assert_int_equal(mf_factor(s, m->x), 0);
    mf_solve(s, x);
    assert_true(scaled_residual(m, m->x, x, b) <= 1e-12);
    free(x);
}

/* A 200 x 200 grid, whose top fronts are large enough for the BLAS path
 * (panels, a triangular solve and a matrix product): the residual stays at
 * rounding, below 1e-12 of the terms it sums (1.3e-13 measured, 1.4e-13
 * with the BLAS path off). */
static void test_large_fronts(void **state)
{
    (void)state;
    csc m = sparse_grid(200, 200, 0.1);
    int n = m.n;
    mf_symbolic *s = mf_analyze(n, m.colptr, m.rowind);
    assert_non_null(s);
    assert_true(mf_blas_fronts(s) > 0 && mf_blas_available());
    double *b = malloc((size_t)n * sizeof *b);
    for (int i = 0; i < n; i++)
        b[i] = uniform() - 0.5;
    assert_lu_solves(s, &m, b);
    free(b);
    mf_free(&s);
    free(m.colptr);
    free(m.rowind);
    free(m.x);
}

/* LDL' of a symmetric matrix: the residual of a solve below 1e-12 of the
 * terms it sums, twice on one analysis. */
static void check_solve_ldlt(const csc *m)
{
    int n = m->n;
    mf_symbolic *s = mf_analyze(n, m->colptr, m->rowind);
    assert_non_null(s);
    double *b = malloc((size_t)n * sizeof *b), *x = malloc((size_t)n * sizeof *x);
    double *v = malloc(((size_t)m->nnz + 1) * sizeof *v);
    for (int round = 0; round < 2; round++) {
        for (int p = 0; p < m->nnz; p++)
            v[p] = m->x[p] * (round ? -3.0 : 1.0);
        for (int i = 0; i < n; i++)
            b[i] = x[i] = uniform() - 0.5;
        assert_int_equal(mf_factor_ldlt(s, v), 0);
        mf_solve_ldlt(s, x);
        assert_true(scaled_residual(m, v, x, b) <= 1e-12);
    }
    free(v);
    free(b);
    free(x);
    mf_free(&s);
}

/* A grid Laplacian made definite by a diagonal shift at node 0 (a
 * symmetric stand-in for a fixed pressure). */
static csc symmetric_grid(int r, int c)
{
    csc m = sparse_grid(r, c, 0.0);
    for (int j = 0; j < m.n; j++)
        for (int p = m.colptr[j]; p < m.colptr[j + 1]; p++) {
            int i = m.rowind[p];
            double mirror = 0.0; /* the value at (j, i) */
            for (int q = m.colptr[i]; q < m.colptr[i + 1]; q++)
                if (m.rowind[q] == j)
                    mirror = m.x[q];
            if (i == 0 || j == 0)
                m.x[p] = i == j ? 4.0 : 0.0;
            else if (i > j)
                assert_true(m.x[p] == mirror);
        }
    return m;
}

static void test_ldlt(void **state)
{
    (void)state;
    static const int dims[][2] = {{1, 1}, {1, 7}, {3, 3}, {8, 5}, {20, 20}, {200, 200}};
    for (size_t k = 0; k < sizeof dims / sizeof dims[0]; k++) {
        csc m = symmetric_grid(dims[k][0], dims[k][1]);
        if (k == 5) { /* large fronts: the BLAS path */
            mf_symbolic *s = mf_analyze(m.n, m.colptr, m.rowind);
            assert_true(mf_blas_fronts(s) > 0 && mf_blas_available());
            mf_free(&s);
        }
        check_solve_ldlt(&m);
        free(m.colptr);
        free(m.rowind);
        free(m.x);
    }
}

/* LDL' of a symmetric indefinite matrix: the 200 x 200 grid with the
 * diagonal of its last pivot lowered by 100, so that the root front, a
 * large one, has pivots of both signs. Large fronts go through a Cholesky
 * factorization of the pivot block or of its negative, so LDL' refuses it
 * (-1; the Newton system then takes LU), where LU without pivoting solves
 * it. A NaN there is refused too (OpenBLAS's Cholesky passes it with
 * success). */
static void test_ldlt_indefinite(void **state)
{
    (void)state;
    csc m = symmetric_grid(200, 200);
    int n = m.n;
    mf_symbolic *s = mf_analyze(n, m.colptr, m.rowind);
    assert_non_null(s);
    assert_true(mf_blas_fronts(s) > 0 && mf_blas_available());
    int last = s->perm[n - 1];
    for (int p = m.colptr[last]; p < m.colptr[last + 1]; p++)
        if (m.rowind[p] == last)
            m.x[p] -= 100.0;
    assert_int_equal(mf_factor_ldlt(s, m.x), -1);
    double *b = malloc((size_t)n * sizeof *b);
    for (int i = 0; i < n; i++)
        b[i] = 1.0 + (double)(i % 7);
    assert_lu_solves(s, &m, b);
    for (int p = m.colptr[last]; p < m.colptr[last + 1]; p++)
        if (m.rowind[p] == last)
            m.x[p] = NAN;
    assert_int_equal(mf_factor_ldlt(s, m.x), -1);
    free(b);
    mf_free(&s);
    free(m.colptr);
    free(m.rowind);
    free(m.x);
}

/* Factors m's values v by LU (ldlt 0) or LDL' with the given threads and
 * solves for b; returns the factorization's status, x the solution. */
static int factor_solve_with(mf_symbolic *s, const double *v, int ldlt, int threads, const double *b, double *x, int n)
{
    mf_set_threads(s, threads);
    int rc = ldlt ? mf_factor_ldlt(s, v) : mf_factor(s, v);
    memcpy(x, b, (size_t)n * sizeof *x);
    if (rc == 0) {
        if (ldlt)
            mf_solve_ldlt(s, x);
        else
            mf_solve(s, x);
    }
    return rc;
}

/* The largest difference between x and y against y's largest entry. */
static double relative_difference(const double *x, const double *y, int n)
{
    double d = 0.0, big = 0.0;
    for (int i = 0; i < n; i++) {
        d = fmax(d, fabs(x[i] - y[i]));
        big = fmax(big, fabs(y[i]));
    }
    return d / big;
}

/* Grids whose factorization is split over two threads (the analysis plans
 * it, mf_set_threads says so): LU and LDL' give the same bits as on one
 * thread, their residuals at rounding; on a 200 x 200 grid, whose large
 * fronts take OpenBLAS (on one thread while the helper works, and its
 * products round differently on one and on two), the same to 1e-12. A
 * pivot that fails in the helper's subtrees, or in the calling thread's
 * part, fails the factorization (no hang), and the next factorization of
 * good values solves as before. */
static void test_two_threads(void **state)
{
    (void)state;
    static const int dims[][2] = {{100, 100}, {150, 70}, {200, 200}};
    for (size_t k = 0; k < sizeof dims / sizeof dims[0]; k++) {
        csc m = symmetric_grid(dims[k][0], dims[k][1]);
        int n = m.n;
        mf_symbolic *s = mf_analyze(n, m.colptr, m.rowind);
        assert_non_null(s);
        assert_int_equal(mf_set_threads(s, 2), 1);
        assert_int_equal(mf_set_threads(s, 1), 0);
        assert_true(s->n_ranges > 0);
        int blas = mf_blas_fronts(s) > 0;
        assert_int_equal(blas, k == 2);
        double *b = malloc((size_t)n * sizeof *b), *x1 = malloc((size_t)n * sizeof *x1);
        double *x2 = malloc((size_t)n * sizeof *x2), *v = malloc((size_t)m.nnz * sizeof *v);
        for (int i = 0; i < n; i++)
            b[i] = uniform() - 0.5;
        for (int ldlt = 0; ldlt <= 1; ldlt++) {
            assert_int_equal(factor_solve_with(s, m.x, ldlt, 1, b, x1, n), 0);
            assert_int_equal(factor_solve_with(s, m.x, ldlt, 2, b, x2, n), 0);
            if (blas)
                assert_true(relative_difference(x2, x1, n) <= 1e-12);
            else
                assert_memory_equal(x1, x2, (size_t)n * sizeof *x1);
            assert_true(scaled_residual(&m, m.x, x2, b) <= 1e-12);
        }
        /* a zero row and column at the first pivot of a helper's subtree,
         * then at one of the calling thread's */
        for (int helper = 1; helper >= 0; helper--) {
            int t = 0;
            while ((s->range_of[t] >= 0) != helper)
                t++;
            int node = s->perm[s->sup_first[t]];
            memcpy(v, m.x, (size_t)m.nnz * sizeof *v);
            for (int j = 0; j < n; j++)
                for (int p = m.colptr[j]; p < m.colptr[j + 1]; p++)
                    if (j == node || m.rowind[p] == node)
                        v[p] = 0.0;
            for (int ldlt = 0; ldlt <= 1; ldlt++)
                assert_int_equal(factor_solve_with(s, v, ldlt, 2, b, x2, n), -1);
        }
        assert_int_equal(factor_solve_with(s, m.x, 1, 2, b, x2, n), 0);
        if (blas)
            assert_true(relative_difference(x2, x1, n) <= 1e-12);
        else
            assert_memory_equal(x1, x2, (size_t)n * sizeof *x1);
        free(b);
        free(x1);
        free(x2);
        free(v);
        mf_free(&s);
        free(m.colptr);
        free(m.rowind);
        free(m.x);
    }
}

/* The helper thread (util/team.h): each job's two parts both done when
 * team_run returns, also after the helper has fallen asleep between jobs;
 * a helper that starts its jobs late leaves the next ones to the caller
 * (team_ready), and is ready again after some; not ready in a forked
 * child; stopping it. */
typedef struct {
    int job;
    int *cells; /* 2 x 512: each part fills its half with the job number */
} team_probe;

static void fill_half(void *arg, int part)
{
    team_probe *p = arg;
    for (int i = 0; i < 512; i++)
        p->cells[part * 512 + i] = p->job;
}

static void test_team(void **state)
{
    (void)state;
    cpu_set_t allowed;
    assert_int_equal(sched_getaffinity(0, sizeof allowed, &allowed), 0);
    team *t = team_start(0.2);
    if (CPU_COUNT(&allowed) < 2) { /* no other core: no helper */
        assert_null(t);
        return;
    }
    assert_non_null(t);
    int cells[1024] = {0};
    team_probe probe = {0, cells};
    for (int job = 1; job <= 2000; job++) {
        probe.job = job;
        if (job % 500 == 0) /* longer than the helper spins: it sleeps */
            nanosleep(&(struct timespec){0, 5000000}, NULL);
        team_run(t, fill_half, &probe);
        for (int i = 0; i < 1024; i++)
            if (cells[i] != job)
                fail_msg("job %d: cell %d holds %d", job, i, cells[i]);
    }
    /* a helper for which every job is late (any loss over -1 ms):
     * after four jobs its core counts as busy, and the next jobs go to
     * the caller alone, until after a while it is tried again */
    team *late = team_start(-1.0);
    assert_non_null(late);
    for (int k = 0; k < 4; k++) {
        assert_true(team_ready(late));
        probe.job = k;
        team_run(late, fill_half, &probe);
    }
    assert_false(team_ready(late));
    int rest = 1;
    while (!team_ready(late) && rest < 100000)
        rest++;
    assert_true(rest > 1 && rest < 100000);
    team_stop(&late);
    assert_false(team_ready(NULL));
    /* a forked child has no helper: it is never ready there, and stopping
     * it does not wait for a thread that is not there */
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        int ready = team_ready(t);
        team_stop(&t);
        _exit(ready || t ? 1 : 0);
    }
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    team_stop(&t);
    assert_null(t);
    team_stop(&t);
}

/* sparse_factor_solve on a grid matrix with a fixed row (node 0) and
 * mirror entries that differ by up to eps/2: the residual against the
 * right-hand side, and which path solved it (refinement steps of the LDL'
 * path, -1 for LU). */
static double solve_through_sparse(int r, int c, double eps, double refine_tol, int *refines, int *unsym)
{
    csc m = sparse_grid(r, c, eps);
    int n = m.n;
    sparse_pattern pat;
    sparse_pattern_init(&pat);
    double *value = malloc((size_t)m.nnz * sizeof *value);
    for (int j = 0; j < n; j++)
        for (int p = m.colptr[j]; p < m.colptr[j + 1]; p++)
            if (m.rowind[p] != 0 || j == 0) { /* the fixed row holds its diagonal alone, as Newton's */
                value[pat.count] = m.x[p];
                assert_true(sparse_pattern_add(&pat, m.rowind[p], j) >= 0);
            }
    int *slot = malloc(pat.count * sizeof *slot);
    sparse_system sys;
    assert_int_equal(sparse_build(&sys, n, &pat, slot, 1, NULL), 0);
    for (size_t k = 0; k < pat.count; k++)
        sys.values[slot[k]] = value[k];
    sys.refine_tol = refine_tol;
    double *b = malloc((size_t)n * sizeof *b), *x = malloc((size_t)n * sizeof *x), bmax = 0.0;
    for (int i = 0; i < n; i++) {
        b[i] = x[i] = uniform() - 0.5;
        bmax = fmax(bmax, fabs(b[i]));
    }
    assert_int_equal(sparse_factor_solve(&sys, x), 0);
    *refines = sys.refines;
    *unsym = sys.unsym;
    double rmax = 0.0;
    for (int j = 0; j < n; j++)
        for (int p = m.colptr[j]; p < m.colptr[j + 1]; p++)
            b[m.rowind[p]] -= m.x[p] * x[j];
    for (int i = 0; i < n; i++)
        rmax = fmax(rmax, fabs(b[i]));
    sparse_free(&sys);
    sparse_pattern_free(&pat);
    free(slot);
    free(value);
    free(b);
    free(x);
    free(m.colptr);
    free(m.rowind);
    free(m.x);
    return rmax / bmax;
}

/* On the 100 x 100 grid (its factorization is large against its factors),
 * near-symmetric values are solved by LDL' and refinement to
 * SPARSE_REFINE_TOL, or to the looser tolerance a caller asks for in fewer
 * steps; values whose mirrors differ by more than
 * SPARSE_MIRROR_TOL go to LU (and stay there), solved to rounding
 * (relative to the right-hand side, times the grid's condition number). A
 * 10 x 10 grid, whose factorization is small against its factors, goes to
 * LU straight away. */
static void test_symmetric_path(void **state)
{
    (void)state;
    int refines, unsym;
    double rel = solve_through_sparse(100, 100, 0.0, 0.0, &refines, &unsym);
    assert_true(rel <= SPARSE_REFINE_TOL);
    assert_int_equal(unsym, 0);
    assert_int_equal(refines, 0);
    rel = solve_through_sparse(100, 100, 1e-5, 0.0, &refines, &unsym);
    assert_true(rel <= SPARSE_REFINE_TOL);
    assert_int_equal(unsym, 0);
    assert_true(refines >= 1 && refines <= 4);
    /* asked for SPARSE_REFINE_LOOSE, as Newton far from its solution does:
     * to that tolerance in fewer steps (mirror entries 1e-4 apart: 2 steps
     * to SPARSE_REFINE_TOL, 1 to SPARSE_REFINE_LOOSE) */
    int tight;
    rel = solve_through_sparse(100, 100, 1e-4, 0.0, &tight, &unsym);
    assert_true(rel <= SPARSE_REFINE_TOL);
    assert_true(tight >= 1);
    rel = solve_through_sparse(100, 100, 1e-4, SPARSE_REFINE_LOOSE, &refines, &unsym);
    assert_true(rel <= SPARSE_REFINE_LOOSE);
    assert_int_equal(unsym, 0);
    assert_true(refines >= 0 && refines < tight);
    rel = solve_through_sparse(100, 100, 1.0, 0.0, &refines, &unsym);
    /* 1.9e-10 measured: LU without pivoting on values up to half off
     * symmetric, the grid's condition number times rounding and growth */
    assert_true(rel <= 1e-9);
    assert_int_equal(unsym, 1);
    assert_int_equal(refines, -1);
    rel = solve_through_sparse(10, 10, 0.0, 0.0, &refines, &unsym);
    assert_true(rel <= 1e-12);
    assert_int_equal(unsym, 0);
    assert_int_equal(refines, -1);
}

/* A dense matrix of 1100 rows is one front of 1100 pivots: the BLAS path
 * with its wider panels (fronts of 1024 rows and more), against its
 * residuals as every dense case (diagonally dominant, so no pivot is
 * small). */
static void test_dense_front(void **state)
{
    (void)state;
    int n = 1100;
    double *a = malloc((size_t)n * n * sizeof *a);
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
            a[i + (size_t)j * n] = i == j ? 2.0 * n : uniform() - 0.5;
    csc m = from_dense(n, a);
    mf_symbolic *s = mf_analyze(n, m.colptr, m.rowind);
    assert_non_null(s);
    assert_true(mf_blas_fronts(s) > 0 && mf_blas_available());
    mf_free(&s);
    free(m.colptr);
    free(m.rowind);
    free(m.x);
    check_solve(n, a);
    free(a);
}

static void test_zero_pivot_refused(void **state)
{
    (void)state;
    /* [[0 1] [1 0]] needs a row exchange */
    double a[4] = {0.0, 1.0, 1.0, 0.0};
    csc m = from_dense(2, a);
    mf_symbolic *s = mf_analyze(2, m.colptr, m.rowind);
    assert_non_null(s);
    assert_int_equal(mf_factor(s, m.x), -1);
    mf_free(&s);
    free(m.colptr);
    free(m.rowind);
    free(m.x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grids),
        cmocka_unit_test(test_random_graphs),
        cmocka_unit_test(test_ldlt),
        cmocka_unit_test(test_ldlt_indefinite),
        cmocka_unit_test(test_symmetric_path),
        cmocka_unit_test(test_forest),
        cmocka_unit_test(test_large_fronts),
        cmocka_unit_test(test_dense_front),
        cmocka_unit_test(test_zero_pivot_refused),
        cmocka_unit_test(test_two_threads),
        cmocka_unit_test(test_team),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
