/* Times gasflow's multifrontal factorizations on the node system of an
 * R x R grid: a weighted 5-point Laplacian (link weights 0.25-0.5, every
 * row summing to zero) with one node held by a larger diagonal, the shape
 * of a passive network's Jacobian with one fixed pressure. Analyses it
 * RUNS times, then factorizes and solves RUNS times by LU and by LDL', and
 * prints one markdown table row: the size, the factors' entries (L and U),
 * the LU's floating-point operations, the median analysis, the median and
 * fastest LU factorization with its rate (GFlop/s at the median) and
 * solve, the same for LDL' (half the LU's arithmetic), and the LDL'
 * factorization's share of the LU one (medians); then both
 * factorizations split over two threads where the analysis plans it (see
 * mf_set_threads; "-" where not), after checking that they solve to the
 * same bits as on one (to 1e-12 where OpenBLAS takes the large fronts: it
 * keeps to one thread while the helper works, and its products round
 * differently on one and on two).
 *
 *   bench_factor [R] [RUNS]        (defaults 100 and 61) */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solver/multifrontal.h"
#include "util/clock.h"

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The grid's matrix in CSC, rows ascending in each column. */
static int grid_matrix(int r, int **colptr_out, int **rowind_out, double **x_out)
{
    int n = r * r, nnz = 0;
    int *colptr = malloc(((size_t)n + 1) * sizeof *colptr);
    int *rowind = malloc((size_t)n * 5 * sizeof *rowind);
    double *x = malloc((size_t)n * 5 * sizeof *x);
    if (!colptr || !rowind || !x) {
        free(colptr);
        free(rowind);
        free(x);
        return -1;
    }
    for (int j = 0; j < n; j++) {
        int cx = j % r, cy = j / r;
        int rows[5] = {cy > 0 ? j - r : -1, cx > 0 ? j - 1 : -1, j, cx + 1 < r ? j + 1 : -1, cy + 1 < r ? j + r : -1};
        colptr[j] = nnz;
        int diag = -1;
        double sum = 0.0;
        for (int k = 0; k < 5; k++) {
            int i = rows[k];
            if (i < 0)
                continue;
            if (i == j) {
                diag = nnz;
            } else { /* a weight of its own per link, the same both ways */
                int a = i < j ? i : j, b = i < j ? j : i;
                double w = 0.25 * (1.0 + (double)((a * 7919 + b * 104729) % 1000) / 1000.0);
                x[nnz] = -w;
                sum += w;
            }
            rowind[nnz++] = i;
        }
        x[diag] = sum + (j == 0 ? 1.0 : 0.0);
    }
    colptr[n] = nnz;
    *colptr_out = colptr;
    *rowind_out = rowind;
    *x_out = x;
    return n;
}

/* Factors x (LU, or LDL' with sym) on threads and solves for all ones. */
static int factor_solve(mf_symbolic *s, const double *x, int sym, int threads, double *b, int n)
{
    mf_set_threads(s, threads);
    int bad = sym ? mf_factor_ldlt(s, x) : mf_factor(s, x);
    for (int i = 0; i < n; i++)
        b[i] = 1.0;
    if (sym)
        mf_solve_ldlt(s, b);
    else
        mf_solve(s, b);
    return bad;
}

int main(int argc, char **argv)
{
    int r = argc > 1 ? atoi(argv[1]) : 100, runs = argc > 2 ? atoi(argv[2]) : 61;
    if (r < 2 || r > 2000 || runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: bench_factor [R 2..2000] [RUNS 1..1000]\n");
        return 2;
    }
    int *colptr, *rowind;
    double *x;
    int n = grid_matrix(r, &colptr, &rowind, &x);
    double *b = malloc((size_t)n * sizeof *b), *t = malloc(8 * (size_t)runs * sizeof *t);
    double *b1 = malloc((size_t)n * sizeof *b1);
    mf_symbolic *s = NULL;
    if (n > 0 && b && t)
        for (int k = 0; k < runs; k++) { /* the last analysis is kept */
            mf_free(&s);
            double t0 = clock_ms();
            s = mf_analyze(n, colptr, rowind);
            t[7 * (size_t)runs + (size_t)k] = clock_ms() - t0;
            if (!s)
                break;
        }
    if (!s || !b || !t || !b1) {
        fprintf(stderr, "bench_factor: out of memory\n");
        return 1;
    }
    double *lu = t, *lu_solve = t + runs, *ldlt = t + 2 * runs, *ldlt_solve = t + 3 * runs;
    double *lu2 = t + 4 * runs, *ldlt2 = t + 5 * runs, *ldlt2_solve = t + 6 * runs, *analysis = t + 7 * runs;
    for (int k = 0; k < runs; k++) {
        double t0 = clock_ms();
        int bad = mf_factor(s, x);
        double t1 = clock_ms();
        for (int i = 0; i < n; i++)
            b[i] = 1.0;
        mf_solve(s, b);
        double t2 = clock_ms();
        bad |= mf_factor_ldlt(s, x);
        double t3 = clock_ms();
        for (int i = 0; i < n; i++)
            b[i] = 1.0;
        mf_solve_ldlt(s, b);
        double t4 = clock_ms();
        if (bad) {
            fprintf(stderr, "bench_factor: a pivot failed\n");
            return 3;
        }
        lu[k] = t1 - t0;
        lu_solve[k] = t2 - t1;
        ldlt[k] = t3 - t2;
        ldlt_solve[k] = t4 - t3;
    }
    int split = mf_set_threads(s, 2);
    for (int sym = 0; split && sym <= 1; sym++) {
        int bad = factor_solve(s, x, sym, 1, b1, n) != 0 || factor_solve(s, x, sym, 2, b, n) != 0;
        double d = 0.0, big = 0.0;
        for (int i = 0; i < n; i++) {
            d = fmax(d, fabs(b[i] - b1[i]));
            big = fmax(big, fabs(b1[i]));
        }
        /* the same bits but where OpenBLAS ran on another number of threads */
        if (bad || !(d <= (mf_blas_fronts(s) > 0 ? 1e-12 * big : 0.0))) {
            fprintf(stderr, "bench_factor: two threads do not give one thread's solution\n");
            return 3;
        }
    }
    for (int k = 0; split && k < runs; k++) {
        double t0 = clock_ms();
        int bad = mf_factor(s, x);
        double t1 = clock_ms();
        bad |= mf_factor_ldlt(s, x);
        double t2 = clock_ms();
        for (int i = 0; i < n; i++)
            b[i] = 1.0;
        mf_solve_ldlt(s, b);
        double t3 = clock_ms();
        if (bad) {
            fprintf(stderr, "bench_factor: a pivot failed\n");
            return 3;
        }
        lu2[k] = t1 - t0;
        ldlt2[k] = t2 - t1;
        ldlt2_solve[k] = t3 - t2;
    }
    for (int k = 0; k < 8; k++)
        if (split || k < 4 || k == 7)
            qsort(t + (size_t)k * runs, (size_t)runs, sizeof *t, compare);
    int m = runs / 2;
    char two[96] = "- | - | -";
    if (split)
        snprintf(two, sizeof two, "%.3f / %.3f | %.3f / %.3f | %.3f / %.3f", lu2[m], lu2[0], ldlt2[m], ldlt2[0],
                 ldlt2_solve[m], ldlt2_solve[0]);
    double flops = mf_factor_flops(s);
    printf("| %d x %d | %d | %.0f | %.3g | %.3f | %.3f / %.3f (%.1f) | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.2f "
           "| %s |\n",
           r, r, n, mf_factor_nnz(s), flops, analysis[m], lu[m], lu[0], flops / (lu[m] * 1e6), lu_solve[m], lu_solve[0],
           ldlt[m], ldlt[0], ldlt_solve[m], ldlt_solve[0], ldlt[m] / lu[m], two);
    mf_free(&s);
    free(colptr);
    free(rowind);
    free(x);
    free(b);
    free(b1);
    free(t);
    return 0;
}
