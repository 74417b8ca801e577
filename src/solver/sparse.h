/* Sparse linear systems for Newton: a fixed pattern assembled once from
 * (row, col) pairs, value slots addressed by the position each pair got,
 * and their factorization: gasflow's multifrontal LU or LDL' with a static
 * pivot order where the matrix allows one, else KLU (symbolic analysis
 * once per pattern, numeric refactorization per iteration, a full
 * factorization with pivoting when the refactorization's pivots
 * degrade). */
#ifndef GF_SOLVER_SPARSE_H
#define GF_SOLVER_SPARSE_H

#include <stddef.h>

#include <klu.h>

#include "solver/multifrontal.h"

/* LDL' is tried where the factorization's arithmetic is at least this
 * many times the factors' size (which a solve reads): the 100 x 100 grid
 * has 49, the 250,000-node mesh 255, the GasLib networks 8-10, whose
 * solves and refinement would cost more than LDL' saves. */
#define SPARSE_LDLT_MIN_RATIO 32.0

/* The refined solution's residual, relative to the right-hand side's
 * largest entry: a Newton step this close is a Newton step (the forcing
 * term of inexact Newton). On the 100 x 100 grid the first solve is off by
 * up to 2e-3 of it and each refinement step gains about 2e-4. A caller may
 * ask for SPARSE_REFINE_LOOSE instead (sparse_system.refine_tol) where a
 * step's own accuracy matters less: Newton far from its solution, whose
 * steps gain about a thousandfold in the laws (so 1e-4 of the step does
 * not slow them) and whose next step closes the balances such a step
 * leaves open (they are linear). */
#define SPARSE_REFINE_TOL 1e-6
#define SPARSE_REFINE_LOOSE 1e-4

/* Mirror entries further apart than this share of the larger go to LU
 * without an attempt: the level grid's and mesh's differ by 0.09 % and
 * 0.24 % (real-gas terms), and refinement gains 2e-4 per step on them; a
 * grid with heights up to 300 m differs by 5.7 % (the incline factors), and
 * refinement there does not contract. */
#define SPARSE_MIRROR_TOL 1e-2

typedef struct {
    int n; /* rows = columns */
    int nnz;
    int *colptr;    /* n + 1 */
    int *rowind;    /* nnz */
    double *values; /* nnz */
    klu_symbolic *symbolic;
    klu_numeric *numeric;
    klu_common common;
    int refactors;              /* refactorizations since the last full factorization */
    mf_symbolic *mf;            /* static-order multifrontal LU or LDL', when chosen and still fit */
    int *tpos;                  /* with mf, when LDL' is to be tried (the pattern is symmetric but for fixed rows, and
                                   the factorization large): each entry's mirror, -1 in a fixed row's column */
    int *fixed, nfixed;         /* the fixed rows: those with only their diagonal (fixed pressures) */
    double *sym;                /* nnz: the symmetric part of the values, for LDL' */
    double *work;               /* 2n: the right-hand side and the residual of the refinement */
    int unsym;                  /* the values proved too far from symmetric: LU from now on (kept in the cache) */
    int refines;                /* refinement steps of the last solve (-1: solved by LU) */
    double refine_tol;          /* the LDL' path's refinement target; 0: SPARSE_REFINE_TOL */
    struct sparse_cache *cache; /* where sparse_free parks the system; may be NULL */
    int *slot;                  /* with a cache: the pairs' value indices, for it */
    size_t count;
} sparse_system;

/* The last multifrontal system, parked between solves with its analysis,
 * its arrays and its pairs' value indices: a solve whose pattern is the
 * same (same network and modes) takes it back and skips the ordering, the
 * symbolic analysis and the allocations. */
typedef struct sparse_cache {
    sparse_system kept;  /* kept.mf NULL when empty */
    unsigned long built; /* multifrontal systems built for it so far: a change means another pattern */
} sparse_cache;

void sparse_cache_free(sparse_cache *c);

/* Without building a pattern: the value index of the k-th (row, col) pair
 * of the parked system, or -1 when it has none or another pair there. */
static inline int sparse_cached_slot(const sparse_cache *c, size_t k, int row, int col)
{
    const sparse_system *t = &c->kept;
    if (!t->mf || k >= t->count || col < 0 || col >= t->n)
        return -1;
    int p = t->slot[k];
    return p >= t->colptr[col] && p < t->colptr[col + 1] && t->rowind[p] == row ? p : -1;
}
/* Takes the parked system into s when it has n rows and count pairs (all
 * checked by sparse_cached_slot); returns 0, or -1 and s untouched. */
int sparse_take_cache(sparse_system *s, sparse_cache *c, int n, size_t count);

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
 * terms; parked in cache at sparse_free, when given), else of KLU.
 * Returns 0, -1 on allocation failure, -2 if the analysis fails. */
int sparse_build(sparse_system *s, int n, const sparse_pattern *pat, int *slot, int static_order, sparse_cache *cache);
/* Frees s, or parks it in its cache when it holds a multifrontal analysis. */
void sparse_free(sparse_system *s);

/* Factorizes the current values; rhs is overwritten with the solution.
 * With the multifrontal analysis and a symmetric pattern (but for rows
 * with only their diagonal, fixed pressures, whose columns then go to the
 * right-hand side), and a factorization large against its factors
 * (SPARSE_LDLT_MIN_RATIO), the values' symmetric part is factored by LDL'
 * (half the work of LU) and the solution refined against the full matrix
 * until its residual is below SPARSE_REFINE_TOL (or s->refine_tol) of the
 * right-hand side;
 * values too far from symmetric for that (some pair of mirror entries
 * differing by more than SPARSE_MIRROR_TOL, or a refinement step that does not
 * gain fourfold) are factored by LU from then on.
 * When a static pivot fails, switches to KLU with pivoting for good.
 * Returns 0, or -1 if the matrix is singular (s->common.singular_col tells
 * which column). */
int sparse_factor_solve(sparse_system *s, double *rhs);

#endif
