/* Sparse linear systems for Newton: a fixed pattern assembled once from
 * (row, col) pairs, value slots addressed by the position each pair got,
 * and KLU factorization (symbolic analysis once per pattern, numeric
 * refactorization per iteration, a full factorization with pivoting when
 * the refactorization's pivots degrade). */
#ifndef GF_SOLVER_SPARSE_H
#define GF_SOLVER_SPARSE_H

#include <stddef.h>

#include <klu.h>

#include "solver/multifrontal.h"

/* The multifrontal analysis of the last pattern, kept between solves: a
 * solve whose pattern is the same (same network and modes) skips the
 * ordering and the symbolic analysis. */
typedef struct sparse_cache {
    int n, nnz;
    int *colptr, *rowind; /* the pattern analysed */
    mf_symbolic *mf;
    int *slot;    /* the value index of each (row, col) pair it was built from */
    size_t count; /* pairs */
} sparse_cache;

void sparse_cache_free(sparse_cache *c);

typedef struct {
    int n; /* rows = columns */
    int nnz;
    int *colptr;    /* n + 1 */
    int *rowind;    /* nnz */
    double *values; /* nnz */
    klu_symbolic *symbolic;
    klu_numeric *numeric;
    klu_common common;
    int refactors;       /* refactorizations since the last full factorization */
    mf_symbolic *mf;     /* static-order multifrontal LU, when chosen and still fit */
    sparse_cache *cache; /* where sparse_free leaves the analysis; may be NULL */
    int *slot;           /* with a cache: the pairs' value indices, for it */
    size_t count;
} sparse_system;

/* Collects (row, col) pairs before the pattern is fixed. */
typedef struct {
    int *rows, *cols;
    size_t count, cap;
} sparse_pattern;

void sparse_pattern_init(sparse_pattern *pat);
void sparse_pattern_free(sparse_pattern *pat);
/* Adds an entry; returns its pair number (to translate later with the map
 * from sparse_build), or -1 on allocation failure. Duplicates are allowed
 * and share one slot. */
long sparse_pattern_add(sparse_pattern *pat, int row, int col);
/* Makes room for cap pairs in all; returns 0, or -1 when out of memory. */
int sparse_pattern_reserve(sparse_pattern *pat, size_t cap);

/* Builds the CSC structure of an n x n matrix from pat and fills slot[k]
 * with the value index of pair k (slot has pat->count entries). Runs the
 * symbolic analysis: of the multifrontal LU without pivoting when
 * static_order is set (matrices that are diagonally dominant up to small
 * terms; taken from cache, when given, if it holds this pattern's), else
 * of KLU. Returns 0, -1 on allocation failure, -2 if the analysis fails. */
int sparse_build(sparse_system *s, int n, const sparse_pattern *pat, int *slot, int static_order, sparse_cache *cache);
/* Frees s; a multifrontal analysis it still holds goes to its cache. */
void sparse_free(sparse_system *s);

/* Factorizes the current values; rhs is overwritten with the solution.
 * When a static pivot fails, switches to KLU with pivoting for good.
 * Returns 0, or -1 if the matrix is singular (s->common.singular_col tells
 * which column). */
int sparse_factor_solve(sparse_system *s, double *rhs);

#endif
