/* The multifrontal analysis as the factorizations and solves read it
 * (multifrontal.h keeps it opaque): shared by multifrontal_analysis.c,
 * which builds and frees it, and multifrontal.c, which factors with it. */
#ifndef GF_SOLVER_MULTIFRONTAL_INTERNAL_H
#define GF_SOLVER_MULTIFRONTAL_INTERNAL_H

#include <stdlib.h>

#include "solver/multifrontal.h"
#include "util/team.h"

struct mf_symbolic {
    int n;
    int nnz;
    int *perm; /* perm[k]: the original index eliminated k-th */
    int nsup;
    int *sup_first;              /* nsup + 1: first pivot of each supernode */
    int *row_start;              /* nsup + 1: into rows */
    int *rows;                   /* each front's rows: its k pivots in order, then the others */
    int *child_start;            /* nsup + 1: into children */
    int *children;               /* each supernode's children, ascending */
    size_t *lx_start, *ux_start; /* nsup: into lx, ux */
    double *lx;                  /* per supernode the m x k front columns: L below the diagonal, and U11 on and
                                    above it after an LU, D on it after an LDL'. Each front is assembled and
                                    factored where its columns end up: its other columns reach into the later
                                    supernodes' places (and past the end, by the slack allocated) until its
                                    update block has gone to the stack */
    double *ux;                  /* per supernode the k x (m - k) block U12, column-major */
    size_t nux;                  /* size of ux, allocated by mf_reserve_lu */
    int *slot_start;             /* nsup + 1: into slot_src, slot_dst */
    int *slot_low;               /* nsup: end of each front's slots on or below its diagonal (they come first) */
    int *slot_src;               /* value index in the analysed CSC */
    int *slot_dst;               /* offset in the front, row + col * m */
    int *rel_start;              /* nsup + 1: into rel */
    int *rel;                    /* for each update row of a front: its position in the parent's front */
    double *stack;               /* update blocks of fronts not yet assembled */
    double *y;                   /* n, solve; then the largest front's rows, for gathers */
    double lnz;
    double flops; /* of one LU */
    /* Two threads, when n_ranges > 0: a helper thread factors the subtrees
     * range_first[r] .. range_root[r] in order, on stack2, where each
     * root's update block stays (at range_block[r]) for its parent, while
     * the calling thread factors the other supernodes, waiting before a
     * front with a child of the helper's until the helper is past it.
     * Where the fronts pass from one thread to the other, lx has a gap,
     * so that no front reaches into the places of the other thread's. */
    int n_ranges;
    int *range_first, *range_root;
    size_t *range_block;
    int *range_of;  /* nsup: each supernode's range, -1 for the calling thread's */
    int split_blas; /* with the split, fronts take OpenBLAS */
    double *stack2;
    /* The LDL' solves split alike: forward, the helper's fronts add what
     * they subtract from the calling thread's rows into y2 instead, and a
     * front of the calling thread's with below[t] > 0 waits until the
     * helper has done that many subtrees (those below it) and takes their
     * sums; backward, the helper starts subtree r once the calling thread
     * is past range_parent[r] (nsup for a root). */
    double *y2; /* n + the largest front's rows (the helper's scratch) */
    int *range_parent;
    int *below;
    int threads;       /* threads a factorization may use (mf_set_threads) */
    team *helper;      /* the helper thread, started at the first split factorization */
    int helper_failed; /* it could not be started: one thread */
};

/* Fronts of at least MF_PANEL pivots and MF_BLAS_ROWS rows go by panels
 * and OpenBLAS's matrix products (multifrontal.c). */
#define MF_PANEL 32
#define MF_BLAS_ROWS 256
static inline int mf_blas_front(int m, int k)
{
    return k >= MF_PANEL && m >= MF_BLAS_ROWS;
}

/* malloc of count * size bytes, NULL on overflow; at least one byte. */
static inline void *mf_xmalloc(size_t count, size_t size)
{
    if (size && count > (size_t)-1 / size)
        return NULL;
    size_t bytes = count * size;
    return malloc(bytes ? bytes : 1);
}

#endif
