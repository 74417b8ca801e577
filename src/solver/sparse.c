/* Sparse pattern assembly and factorization (multifrontal LU or LDL', KLU):
 * see sparse.h. */
#include "solver/sparse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void sparse_pattern_init(sparse_pattern *pat)
{
    memset(pat, 0, sizeof *pat);
}

void sparse_pattern_free(sparse_pattern *pat)
{
    free(pat->rows);
    free(pat->cols);
    sparse_pattern_init(pat);
}

int sparse_pattern_reserve(sparse_pattern *pat, size_t cap)
{
    if (cap <= pat->cap)
        return 0;
    int *rows = realloc(pat->rows, cap * sizeof *rows);
    if (!rows)
        return -1;
    pat->rows = rows;
    int *cols = realloc(pat->cols, cap * sizeof *cols);
    if (!cols)
        return -1;
    pat->cols = cols;
    pat->cap = cap;
    return 0;
}

long sparse_pattern_add(sparse_pattern *pat, int row, int col)
{
    if (pat->count == pat->cap && sparse_pattern_reserve(pat, pat->cap ? 2 * pat->cap : 256) != 0)
        return -1;
    pat->rows[pat->count] = row;
    pat->cols[pat->count] = col;
    return (long)pat->count++;
}

/* The index of entry (i, j) in the CSC, or -1: bisection on column j,
 * whose rows ascend. */
static int find_entry(const int *colptr, const int *rowind, int i, int j)
{
    int lo = colptr[j], hi = colptr[j + 1];
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (rowind[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < colptr[j + 1] && rowind[lo] == i ? lo : -1;
}

/* The mirror of each entry for the LDL' path: the index of (j, i) for
 * (i, j), and -1 for the entries below or above a fixed row's diagonal in
 * its column (a fixed row holds its diagonal alone). Leaves tpos NULL when
 * some other entry has no mirror (or memory is short): LU then. */
static void find_mirrors(sparse_system *s)
{
    int n = s->n, nnz = s->nnz;
    const int *colptr = s->colptr, *rowind = s->rowind;
    int *tpos = malloc(((size_t)nnz + 1) * sizeof *tpos);
    int *fixed = calloc((size_t)n + 1, sizeof *fixed);
    if (!tpos || !fixed)
        goto none;
    /* fixed[i]: the entries in row i at first, then the fixed rows' list */
    for (int p = 0; p < nnz; p++)
        fixed[rowind[p]]++;
    int nfixed = 0;
    for (int i = 0; i < n; i++)
        if (fixed[i] == 1 && find_entry(colptr, rowind, i, i) >= 0)
            fixed[nfixed++] = i; /* nfixed <= i: the counts still to read are intact */
    for (int k = 0, j = 0; j < n; j++) {
        int fj = k < nfixed && fixed[k] == j;
        k += fj;
        for (int p = colptr[j]; p < colptr[j + 1]; p++) {
            int i = rowind[p];
            tpos[p] = fj ? (i == j ? p : -1) : find_entry(colptr, rowind, j, i);
            if (tpos[p] < 0 && !fj)
                goto none;
        }
    }
    s->tpos = tpos;
    s->fixed = fixed;
    s->nfixed = nfixed;
    return;
none:
    free(tpos);
    free(fixed);
}

/* The arrays of the LDL' path. */
static int symmetric_workspace(sparse_system *s)
{
    s->sym = malloc(((size_t)s->nnz + 1) * sizeof *s->sym);
    s->work = malloc(((size_t)s->n * 2 + 1) * sizeof *s->work);
    return s->sym && s->work ? 0 : -1;
}

int sparse_take_cache(sparse_system *s, sparse_cache *c, int n, size_t count)
{
    if (!c || !c->kept.mf || c->kept.n != n || c->kept.count != count)
        return -1;
    *s = c->kept;
    memset(&c->kept, 0, sizeof c->kept);
    s->cache = c;
    return 0;
}

int sparse_build(sparse_system *s, int n, const sparse_pattern *pat, int *slot, int static_order, sparse_cache *cache)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    size_t m = pat->count;
    int *count = calloc((size_t)n + 1, sizeof *count);
    int *order = malloc((m ? m : 1) * sizeof *order);
    s->colptr = malloc(((size_t)n + 1) * sizeof *s->colptr);
    if (!count || !order || !s->colptr) {
        free(count);
        free(order);
        sparse_free(s);
        return -1;
    }
    /* Counting sort of the pairs by column, then by row within a column
     * (insertion sort: columns are short). */
    for (size_t k = 0; k < m; k++)
        count[pat->cols[k] + 1]++;
    for (int j = 0; j < n; j++)
        count[j + 1] += count[j];
    for (size_t k = 0; k < m; k++)
        order[count[pat->cols[k]]++] = (int)k;
    /* count[j] is now the end of column j; rebuild the starts. */
    int start = 0;
    int nnz = 0;
    for (int j = 0; j < n; j++) {
        int end = count[j];
        for (int a = start + 1; a < end; a++) {
            int key = order[a];
            int b = a - 1;
            while (b >= start && pat->rows[order[b]] > pat->rows[key]) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = key;
        }
        s->colptr[j] = nnz;
        for (int a = start; a < end; a++) {
            if (a == start || pat->rows[order[a]] != pat->rows[order[a - 1]])
                nnz++;
            slot[order[a]] = nnz - 1;
        }
        start = end;
    }
    s->colptr[n] = nnz;
    s->nnz = nnz;
    s->rowind = malloc(((size_t)nnz + 1) * sizeof *s->rowind);
    s->values = calloc((size_t)nnz + 1, sizeof *s->values);
    if (!s->rowind || !s->values) {
        free(count);
        free(order);
        sparse_free(s);
        return -1;
    }
    for (size_t k = 0; k < m; k++)
        s->rowind[slot[k]] = pat->rows[k];
    free(count);
    free(order);

    klu_defaults(&s->common);
    if (static_order) {
        s->cache = cache;
        if (cache) { /* the pairs' value indices, for the next solve */
            s->slot = malloc((m ? m : 1) * sizeof *s->slot);
            if (!s->slot) {
                sparse_free(s);
                return -1;
            }
            memcpy(s->slot, slot, m * sizeof *slot);
            s->count = m;
        }
        s->mf = mf_analyze(n, s->colptr, s->rowind);
        /* LDL' where the factorization is large against its factors */
        if (s->mf && mf_factor_flops(s->mf) >= SPARSE_LDLT_MIN_RATIO * mf_factor_nnz(s->mf))
            find_mirrors(s);
        if (!s->mf || (s->tpos ? symmetric_workspace(s) : mf_reserve_lu(s->mf)) != 0) {
            sparse_free(s);
            return -1;
        }
        if (cache)
            cache->built++;
        return 0;
    }
    s->symbolic = klu_analyze(n, s->colptr, s->rowind, &s->common);
    if (!s->symbolic) {
        sparse_free(s);
        return -2;
    }
    return 0;
}

/* Frees every array of s. */
static void release(sparse_system *s)
{
    free(s->slot);
    free(s->tpos);
    free(s->fixed);
    free(s->sym);
    free(s->work);
    mf_free(&s->mf);
    if (s->numeric)
        klu_free_numeric(&s->numeric, &s->common);
    if (s->symbolic)
        klu_free_symbolic(&s->symbolic, &s->common);
    free(s->colptr);
    free(s->rowind);
    free(s->values);
    memset(s, 0, sizeof *s);
}

void sparse_cache_free(sparse_cache *c)
{
    release(&c->kept);
}

void sparse_free(sparse_system *s)
{
    sparse_cache *c = s->cache;
    if (c && s->mf && s->slot) {
        release(&c->kept);
        c->kept = *s;
        c->kept.cache = NULL;
        memset(s, 0, sizeof *s);
        return;
    }
    release(s);
}

/* Refactorization keeps the pivot order of the last full factorization; it
 * is trusted while the reciprocal pivot growth stays reasonable. */
#define SPARSE_MIN_RCOND 1e-12

/* The LDL' path of sparse_factor_solve: 0 with rhs solved, -1 with rhs
 * untouched when the values are not near enough to symmetric. */
static int solve_symmetric(sparse_system *s, double *rhs)
{
    int n = s->n;
    const double *v = s->values;
    const int *colptr = s->colptr, *rowind = s->rowind;
    /* each mirror pair once, from its entry with the lower index */
    for (int p = 0; p < s->nnz; p++) {
        int q = s->tpos[p];
        if (q < 0) {
            s->sym[p] = 0.0;
        } else if (q == p) {
            s->sym[p] = v[p];
        } else if (q > p) {
            double a = v[p], b = v[q], big = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
            if (!(fabs(a - b) <= SPARSE_MIRROR_TOL * big))
                return -1;
            s->sym[p] = s->sym[q] = 0.5 * (a + b);
        }
    }
    if (mf_factor_ldlt(s->mf, s->sym) != 0)
        return -1;
    double *b = s->work, *r = s->work + n, bmax = 0.0;
    for (int i = 0; i < n; i++) {
        b[i] = r[i] = rhs[i];
        if (fabs(rhs[i]) > bmax)
            bmax = fabs(rhs[i]);
    }
    /* a fixed row's unknown is its right-hand side over its diagonal; its
     * column moves to the right-hand side of the others */
    for (int k = 0; k < s->nfixed; k++) {
        int j = s->fixed[k];
        double d = 0.0;
        for (int p = colptr[j]; p < colptr[j + 1]; p++)
            if (rowind[p] == j)
                d = v[p];
        double xj = b[j] / d;
        for (int p = colptr[j]; p < colptr[j + 1]; p++)
            if (rowind[p] != j)
                r[rowind[p]] -= v[p] * xj;
    }
    mf_solve_ldlt(s->mf, r);
    memcpy(rhs, r, (size_t)n * sizeof *rhs);
    double last = INFINITY;
    for (int step = 0; step < 8; step++) {
        /* r = b - A x */
        memcpy(r, b, (size_t)n * sizeof *r);
        for (int j = 0; j < n; j++) {
            double xj = rhs[j];
            for (int p = colptr[j]; p < colptr[j + 1]; p++)
                r[rowind[p]] -= v[p] * xj;
        }
        double rmax = 0.0;
        for (int i = 0; i < n; i++)
            if (!(fabs(r[i]) <= rmax)) /* NaN as well */
                rmax = fabs(r[i]);
        if (rmax <= (s->refine_tol > 0.0 ? s->refine_tol : SPARSE_REFINE_TOL) * bmax) {
            s->refines = step;
            return 0;
        }
        if (!(rmax <= 0.25 * last)) /* not contracting, or not finite */
            break;
        last = rmax;
        mf_solve_ldlt(s->mf, r);
        for (int i = 0; i < n; i++)
            rhs[i] += r[i];
    }
    memcpy(rhs, b, (size_t)n * sizeof *rhs);
    return -1;
}

int sparse_factor_solve(sparse_system *s, double *rhs)
{
    s->refines = -1;
    if (s->mf && s->tpos && !s->unsym) {
        if (solve_symmetric(s, rhs) == 0)
            return 0;
        s->unsym = 1;
    }
    if (s->mf) {
        if (mf_factor(s->mf, s->values) == 0) {
            mf_solve(s->mf, rhs);
            return 0;
        }
        mf_free(&s->mf);
        s->symbolic = klu_analyze(s->n, s->colptr, s->rowind, &s->common);
        if (!s->symbolic)
            return -1;
    }
    int ok = 0;
    if (s->numeric && s->refactors < 50) {
        ok = klu_refactor(s->colptr, s->rowind, s->values, s->symbolic, s->numeric, &s->common);
        if (ok && s->common.status == KLU_OK) {
            klu_rcond(s->symbolic, s->numeric, &s->common);
            ok = s->common.rcond > SPARSE_MIN_RCOND;
        } else {
            ok = 0;
        }
        s->refactors++;
    }
    if (!ok) {
        if (s->numeric)
            klu_free_numeric(&s->numeric, &s->common);
        s->numeric = klu_factor(s->colptr, s->rowind, s->values, s->symbolic, &s->common);
        s->refactors = 0;
        if (!s->numeric || s->common.status != KLU_OK)
            return -1;
    }
    if (!klu_solve(s->symbolic, s->numeric, s->n, 1, rhs, &s->common))
        return -1;
    return 0;
}
