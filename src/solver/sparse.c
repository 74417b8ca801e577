/* Sparse pattern assembly and KLU factorization: see sparse.h. */
#include "solver/sparse.h"

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

/* Takes the last solve's structure from the cache when pat's pairs are the
 * ones it was built from (same network, modes and references): every pair
 * still lands on its former value index, which a glance at that column's
 * row confirms, so there is nothing to sort and no analysis to run.
 * Returns 1 if taken, 0 if not, -1 on allocation failure. */
static int take_cached(sparse_system *s, int n, const sparse_pattern *pat, int *slot, sparse_cache *c)
{
    if (!c || !c->mf || !c->slot || c->n != n || c->count != pat->count)
        return 0;
    for (size_t k = 0; k < pat->count; k++) {
        int col = pat->cols[k], p = c->slot[k];
        if (col < 0 || col >= n || p < c->colptr[col] || p >= c->colptr[col + 1] || c->rowind[p] != pat->rows[k])
            return 0;
    }
    s->values = calloc((size_t)c->nnz + 1, sizeof *s->values);
    if (!s->values)
        return -1;
    memcpy(slot, c->slot, pat->count * sizeof *slot);
    s->nnz = c->nnz;
    s->colptr = c->colptr;
    s->rowind = c->rowind;
    s->mf = c->mf;
    s->slot = c->slot;
    s->count = c->count;
    c->colptr = c->rowind = c->slot = NULL;
    c->mf = NULL;
    s->cache = c;
    klu_defaults(&s->common);
    return 1;
}

int sparse_build(sparse_system *s, int n, const sparse_pattern *pat, int *slot, int static_order, sparse_cache *cache)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    size_t m = pat->count;
    if (static_order) {
        int taken = take_cached(s, n, pat, slot, cache);
        if (taken != 0)
            return taken > 0 ? 0 : -1;
    }
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
        if (!s->mf) {
            sparse_free(s);
            return -1;
        }
        return 0;
    }
    s->symbolic = klu_analyze(n, s->colptr, s->rowind, &s->common);
    if (!s->symbolic) {
        sparse_free(s);
        return -2;
    }
    return 0;
}

void sparse_cache_free(sparse_cache *c)
{
    mf_free(&c->mf);
    free(c->colptr);
    free(c->rowind);
    free(c->slot);
    memset(c, 0, sizeof *c);
}

void sparse_free(sparse_system *s)
{
    if (s->cache && s->mf) {
        sparse_cache_free(s->cache);
        s->cache->n = s->n;
        s->cache->nnz = s->nnz;
        s->cache->colptr = s->colptr;
        s->cache->rowind = s->rowind;
        s->cache->mf = s->mf;
        s->cache->slot = s->slot;
        s->cache->count = s->count;
        s->colptr = s->rowind = s->slot = NULL;
        s->mf = NULL;
    }
    free(s->slot);
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

/* Refactorization keeps the pivot order of the last full factorization; it
 * is trusted while the reciprocal pivot growth stays reasonable. */
#define SPARSE_MIN_RCOND 1e-12

int sparse_factor_solve(sparse_system *s, double *rhs)
{
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
