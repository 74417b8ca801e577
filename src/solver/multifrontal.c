/* Multifrontal sparse LU and LDL' without pivoting, numeric part: see
 * multifrontal.h (the analysis is in multifrontal_analysis.c). Each front
 * is assembled from the matrix entries and its children's update blocks
 * (Duff & Reid 1983), factored by a blocked dense kernel or, when large, by
 * panels and OpenBLAS's matrix products, and its update block pushed on a
 * stack for its parent; the solves run over the supernodes (Davis 2006,
 * "Direct Methods for Sparse Linear Systems"). A large factorization, and
 * the LDL' solves with it, may be split over two threads by subtrees of
 * the assembly tree (the plan is made by the analysis; see struct
 * mf_symbolic). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <dlfcn.h>
#include <stdatomic.h>
#include <threads.h>

#include "solver/multifrontal_internal.h"

/* The dense kernels are built for AVX2 as well where the compiler can, the
 * build chosen at run time (not under ThreadSanitizer, whose
 * instrumentation of the chooser runs before it is set up). */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define MF_KERNEL __attribute__((target_clones("avx2,fma", "default")))
#else
#define MF_KERNEL
#endif

/* Smallest pivot accepted, relative to the largest entry of its column. */
#define MF_PIVOT_TOL 1e-13

/* Whether pivot p of column cp (rows below it to m) is zero, not finite,
 * or tiny against its column: the static order does not suit the matrix. */
static inline int pivot_fails(const double *cp, int p, int m)
{
    double d = cp[p], big = fabs(d);
    for (int i = p + 1; i < m; i++)
        if (fabs(cp[i]) > big)
            big = fabs(cp[i]);
    return !(fabs(d) > MF_PIVOT_TOL * big) || !isfinite(d);
}

/* Pivots per block of the dense front factorization. */
#define MF_BLOCK 4

/* The k pivots of a tall m x k panel (column-major, leading dimension ld)
 * without pivoting, column by column: L below the diagonal, U on and
 * above it. Inlined into both builds of front_lu (called out of line from
 * its AVX2 build, it made the grid's factorizations 5 % slower). */
static inline int panel_lu(double *P, size_t ld, int m, int k)
{
    for (int p = 0; p < k; p++) {
        double *cp = P + (size_t)p * ld;
        if (pivot_fails(cp, p, m))
            return -1;
        double inv = 1.0 / cp[p];
        for (int i = p + 1; i < m; i++)
            cp[i] *= inv;
        for (int j = p + 1; j < k; j++) {
            double *cj = P + (size_t)j * ld;
            double u = cj[p];
            for (int i = p + 1; i < m; i++)
                cj[i] -= cp[i] * u;
        }
    }
    return 0;
}

/* k pivots of a dense m x m front (column-major) without pivoting; the
 * trailing block becomes the Schur complement. Blocks of MF_BLOCK pivots:
 * the panel is factored right-looking, the rows of U to its right by
 * forward substitution, and the trailing columns are updated by all the
 * panel's pivots in one pass (four at a time), so that each trailing
 * column is read and written once per block instead of once per pivot. */
MF_KERNEL
static int front_lu(double *F, int m, int k)
{
    size_t mm = (size_t)m;
    for (int p0 = 0; p0 < k; p0 += MF_BLOCK) {
        int p1 = p0 + MF_BLOCK < k ? p0 + MF_BLOCK : k;
        /* the panel: columns p0 .. p1-1, all rows from p0 */
        if (panel_lu(F + (size_t)p0 + (size_t)p0 * mm, mm, m - p0, p1 - p0) != 0)
            return -1;
        /* every column to the right: its rows p0..p1-1 of U, then the
         * update of its rows below p1 */
        if (p1 - p0 == 4) {
            const double *restrict c0 = F + (size_t)p0 * mm;
            const double *restrict c1 = c0 + mm;
            const double *restrict c2 = c1 + mm;
            const double *restrict c3 = c2 + mm;
            double l10 = c0[p0 + 1], l20 = c0[p0 + 2], l30 = c0[p0 + 3];
            double l21 = c1[p0 + 2], l31 = c1[p0 + 3], l32 = c2[p0 + 3];
            for (int j = p1; j < m; j++) {
                double *restrict cj = F + (size_t)j * mm;
                double u0 = cj[p0];
                double u1 = cj[p0 + 1] - l10 * u0;
                double u2 = cj[p0 + 2] - l20 * u0 - l21 * u1;
                double u3 = cj[p0 + 3] - l30 * u0 - l31 * u1 - l32 * u2;
                cj[p0 + 1] = u1;
                cj[p0 + 2] = u2;
                cj[p0 + 3] = u3;
                for (int i = p1; i < m; i++)
                    cj[i] -= c0[i] * u0 + c1[i] * u1 + c2[i] * u2 + c3[i] * u3;
            }
            continue;
        }
        for (int j = p1; j < m; j++) {
            double *restrict cj = F + (size_t)j * mm;
            for (int p = p0; p < p1; p++) {
                const double *cp = F + (size_t)p * mm;
                double u = cj[p];
                for (int i = p + 1; i < m; i++)
                    cj[i] -= cp[i] * u;
            }
        }
    }
    return 0;
}

/* Large fronts (at least MF_PANEL pivots and MF_BLAS_ROWS rows): panels of
 * MF_PANEL pivots (twice that from MF_WIDE_ROWS rows), each factored by
 * panel_lu, then the rows of U right of it by a triangular solve and the
 * trailing block by one matrix product (BLAS level 3, from OpenBLAS).
 * front_lu's rank-4 updates are bound by memory on large fronts; the
 * product runs near the machine's peak. On smaller fronts (the 100 x 100
 * grid's reach 153 rows) front_lu is faster. Panels of 32 and 64 were
 * best on the 250,000- and 1,000,000-node meshes.
 *
 * OpenBLAS is opened at the first large front, not linked: loading it
 * costs about 2 ms, which every small solve would pay. Without it large
 * fronts take front_lu too. */
#define MF_WIDE_ROWS 1024

/* CBLAS's ABI values (cblas.h) */
enum {
    CB_COL_MAJOR = 102,
    CB_NO_TRANS = 111,
    CB_TRANS = 112,
    CB_LOWER = 122,
    CB_NON_UNIT = 131,
    CB_UNIT = 132,
    CB_LEFT = 141,
    CB_RIGHT = 142
};
typedef void (*dtrsm_fn)(int order, int side, int uplo, int trans, int diag, int m, int n, double alpha,
                         const double *a, int lda, double *b, int ldb);
typedef void (*dgemm_fn)(int order, int transa, int transb, int m, int n, int k, double alpha, const double *a, int lda,
                         const double *b, int ldb, double beta, double *c, int ldc);
typedef void (*dsyrk_fn)(int order, int uplo, int trans, int n, int k, double alpha, const double *a, int lda,
                         double beta, double *c, int ldc);
/* LAPACK's Cholesky factorization; OpenBLAS's takes no hidden lengths */
typedef void (*dpotrf_fn)(const char *uplo, const int *n, double *a, const int *lda, int *info);
typedef void (*set_threads_fn)(int n);
typedef int (*get_threads_fn)(void);
static dtrsm_fn blas_dtrsm;
static dgemm_fn blas_dgemm;
static dsyrk_fn blas_dsyrk;
static dpotrf_fn lapack_dpotrf;
static set_threads_fn blas_set_threads;
static get_threads_fn blas_get_threads;
static once_flag blas_once = ONCE_FLAG_INIT;

static void blas_open(void)
{
    void *lib = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return;
    /* the kept library stays open for the process, as a linked one would */
    dtrsm_fn trsm;
    dgemm_fn gemm;
    dsyrk_fn syrk;
    dpotrf_fn potrf;
    *(void **)&trsm = dlsym(lib, "cblas_dtrsm");
    *(void **)&gemm = dlsym(lib, "cblas_dgemm");
    *(void **)&syrk = dlsym(lib, "cblas_dsyrk");
    *(void **)&potrf = dlsym(lib, "dpotrf_");
    if (trsm && gemm && syrk && potrf) {
        blas_dtrsm = trsm;
        blas_dgemm = gemm;
        blas_dsyrk = syrk;
        lapack_dpotrf = potrf;
    }
    set_threads_fn set;
    get_threads_fn get;
    *(void **)&set = dlsym(lib, "openblas_set_num_threads");
    *(void **)&get = dlsym(lib, "openblas_get_num_threads");
    if (set && get) {
        blas_set_threads = set;
        blas_get_threads = get;
    }
}

int mf_blas_available(void)
{
    call_once(&blas_once, blas_open);
    return blas_dgemm != NULL;
}

int mf_blas_fronts(const mf_symbolic *s)
{
    int count = 0;
    for (int t = 0; t < s->nsup; t++)
        count += mf_blas_front(s->row_start[t + 1] - s->row_start[t], s->sup_first[t + 1] - s->sup_first[t]);
    return count;
}

static int front_factor(double *F, int m, int k)
{
    if (!mf_blas_front(m, k))
        return front_lu(F, m, k);
    if (!mf_blas_available())
        return front_lu(F, m, k);
    size_t ld = (size_t)m;
    int panel = m >= MF_WIDE_ROWS ? 2 * MF_PANEL : MF_PANEL, jb;
    for (int j0 = 0; j0 < k; j0 += jb) {
        jb = k - j0 < panel ? k - j0 : panel;
        double *a11 = F + (size_t)j0 + (size_t)j0 * ld;
        if (panel_lu(a11, ld, m - j0, jb) != 0)
            return -1;
        int rest = m - j0 - jb;
        if (rest == 0)
            continue;
        double *a12 = a11 + (size_t)jb * ld, *a21 = a11 + jb, *a22 = a12 + jb;
        blas_dtrsm(CB_COL_MAJOR, CB_LEFT, CB_LOWER, CB_NO_TRANS, CB_UNIT, jb, rest, 1.0, a11, (int)ld, a12, (int)ld);
        blas_dgemm(CB_COL_MAJOR, CB_NO_TRANS, CB_NO_TRANS, rest, rest, jb, -1.0, a21, (int)ld, a12, (int)ld, 1.0, a22,
                   (int)ld);
    }
    return 0;
}

/* The k pivots of a tall m x k panel of a symmetric front (column-major,
 * leading dimension ld, lower triangle only) without pivoting: L below the
 * diagonal, D on it; each pivot updates the panel's later columns from
 * their diagonal down. Inlined into both builds of front_ldlt. */
static inline int panel_ldlt(double *P, size_t ld, int m, int k)
{
    for (int p = 0; p < k; p++) {
        double *cp = P + (size_t)p * ld;
        if (pivot_fails(cp, p, m))
            return -1;
        double inv = 1.0 / cp[p];
        for (int j = p + 1; j < k; j++) {
            double *cj = P + (size_t)j * ld;
            double u = cp[j];
            for (int i = j; i < m; i++)
                cj[i] -= cp[i] * inv * u;
        }
        for (int i = p + 1; i < m; i++)
            cp[i] *= inv;
    }
    return 0;
}

/* LDL' of the k pivots of a dense symmetric m x m front (column-major,
 * only the lower triangle read and written), without pivoting: column p
 * of L below the diagonal, d_p on it; the trailing lower triangle becomes
 * the Schur complement. Blocks of MF_BLOCK pivots as in front_lu: the
 * panel right-looking, then each trailing column j updated from row j
 * down by the panel's four columns at once, with the multipliers
 * l_jp d_p. Half of front_lu's arithmetic. */
MF_KERNEL
static int front_ldlt(double *F, int m, int k)
{
    size_t mm = (size_t)m;
    for (int p0 = 0; p0 < k; p0 += MF_BLOCK) {
        int p1 = p0 + MF_BLOCK < k ? p0 + MF_BLOCK : k;
        if (panel_ldlt(F + (size_t)p0 + (size_t)p0 * mm, mm, m - p0, p1 - p0) != 0)
            return -1;
        if (p1 - p0 == 4) {
            const double *restrict c0 = F + (size_t)p0 * mm;
            const double *restrict c1 = c0 + mm;
            const double *restrict c2 = c1 + mm;
            const double *restrict c3 = c2 + mm;
            double d0 = c0[p0], d1 = c1[p0 + 1], d2 = c2[p0 + 2], d3 = c3[p0 + 3];
            int j = p1;
            /* two columns at a time, sharing the loads of the panel's */
            for (; j + 1 < m; j += 2) {
                double *restrict cj = F + (size_t)j * mm;
                double *restrict ck = cj + mm;
                double u0 = c0[j] * d0, u1 = c1[j] * d1, u2 = c2[j] * d2, u3 = c3[j] * d3;
                double v0 = c0[j + 1] * d0, v1 = c1[j + 1] * d1, v2 = c2[j + 1] * d2, v3 = c3[j + 1] * d3;
                cj[j] -= c0[j] * u0 + c1[j] * u1 + c2[j] * u2 + c3[j] * u3;
                for (int i = j + 1; i < m; i++) {
                    double a0 = c0[i], a1 = c1[i], a2 = c2[i], a3 = c3[i];
                    cj[i] -= a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3;
                    ck[i] -= a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
                }
            }
            if (j < m) {
                double *restrict cj = F + (size_t)j * mm;
                cj[j] -= c0[j] * c0[j] * d0 + c1[j] * c1[j] * d1 + c2[j] * c2[j] * d2 + c3[j] * c3[j] * d3;
            }
            continue;
        }
        for (int j = p1; j < m; j++) {
            double *restrict cj = F + (size_t)j * mm;
            for (int p = p0; p < p1; p++) {
                const double *cp = F + (size_t)p * mm;
                double u = cp[j] * cp[p];
                for (int i = j; i < m; i++)
                    cj[i] -= cp[i] * u;
            }
        }
    }
    return 0;
}

/* Large fronts for LDL', through LAPACK's Cholesky factorization and two
 * level-3 calls, whose sizes are the front's own: the pivot block
 * F11 = C C' (dpotrf, itself blocked), the rows below it L21 C' = F21
 * (dtrsm), the Schur complement F22 - L21 L21' (dsyrk, lower triangle);
 * then each column p of C is divided by its diagonal c_pp, which leaves
 * L with d_p = c_pp^2. The Newton system's symmetric part is positive
 * definite; a front whose pivot block is negative definite is factored as
 * its negative (its L is the same, its D and Schur complement change
 * sign), and one of both signs fails as a pivot that fails would: the
 * Newton system then takes LU. Before, these fronts went by panels of
 * 32-64 pivots with one matrix product per block of 128 columns, thin
 * products: the 1000 x 1000 grid's LDL' took 0.71-0.76 s on one thread
 * (now 0.60-0.61 s) and 0.51-0.54 s on two (now 0.41-0.42 s). */
static void negate_lower(double *F, size_t ld, size_t from)
{
    for (size_t j = from; j < ld; j++)
        for (size_t i = j; i < ld; i++)
            F[i + j * ld] = -F[i + j * ld];
}

static int front_ldlt_blas(double *F, int m, int k)
{
    size_t ld = (size_t)m;
    int u = m - k, info = 0;
    int negative = F[0] < 0.0;
    if (negative)
        negate_lower(F, ld, 0);
    lapack_dpotrf("L", &k, F, &m, &info);
    if (info != 0)
        return -1;
    if (u > 0) {
        double *l21 = F + k;
        blas_dtrsm(CB_COL_MAJOR, CB_RIGHT, CB_LOWER, CB_TRANS, CB_NON_UNIT, u, k, 1.0, F, m, l21, m);
        blas_dsyrk(CB_COL_MAJOR, CB_LOWER, CB_NO_TRANS, u, k, -1.0, l21, m, 1.0, l21 + (size_t)k * ld, m);
    }
    for (int p = 0; p < k; p++) {
        double *cp = F + (size_t)p * ld;
        double c = cp[p], inv = 1.0 / c;
        if (!isfinite(c) || !isfinite(inv)) /* OpenBLAS's dpotrf lets a NaN through */
            return -1;
        cp[p] = negative ? -c * c : c * c;
        for (int i = p + 1; i < m; i++)
            cp[i] *= inv;
    }
    if (negative)
        negate_lower(F, ld, (size_t)k);
    return 0;
}

/* Assembles front t in its place in lx: cleared, the matrix entries that
 * map to it added, then its children's update blocks (the top of the
 * stack, the last child's uppermost; *top drops below them; with split, a
 * child of the helper thread's from its place on stack2). With lower,
 * only the lower triangle (LDL'). Returns the front. */
static double *assemble_front(mf_symbolic *s, int t, const double *values, int lower, double *stack, size_t *top,
                              int split)
{
    size_t mm = (size_t)(s->row_start[t + 1] - s->row_start[t]);
    double *F = s->lx + s->lx_start[t];
    if (lower)
        for (size_t j = 0; j < mm; j++)
            memset(F + j * mm + j, 0, (mm - j) * sizeof *F);
    else
        memset(F, 0, mm * mm * sizeof *F);
    int end = lower ? s->slot_low[t] : s->slot_start[t + 1];
    for (int q = s->slot_start[t]; q < end; q++)
        F[s->slot_dst[q]] += values[s->slot_src[q]];
    for (int c = s->child_start[t + 1] - 1; c >= s->child_start[t]; c--) {
        int ch = s->children[c];
        const int *rel = s->rel + s->rel_start[ch];
        size_t u = (size_t)(s->rel_start[ch + 1] - s->rel_start[ch]);
        const double *B;
        if (split && s->range_of[ch] >= 0) {
            B = s->stack2 + s->range_block[s->range_of[ch]];
        } else {
            *top -= u * u;
            B = stack + *top;
        }
        for (size_t jj = 0; jj < u; jj++) {
            double *col = F + (size_t)rel[jj] * mm;
            const double *bc = B + jj * u;
            for (size_t ii = lower ? jj : 0; ii < u; ii++)
                col[rel[ii]] += bc[ii];
        }
    }
    return F;
}

int mf_reserve_lu(mf_symbolic *s)
{
    if (!s->ux)
        s->ux = mf_xmalloc(s->nux + 1, sizeof *s->ux);
    return s->ux ? 0 : -1;
}

void mf_solve(mf_symbolic *s, double *b)
{
    double *y = s->y;
    int n = s->n;
    for (int k = 0; k < n; k++)
        y[k] = b[s->perm[k]];
    for (int t = 0; t < s->nsup; t++) {
        int f = s->sup_first[t], k = s->sup_first[t + 1] - f;
        int m = s->row_start[t + 1] - s->row_start[t];
        const int *r = s->rows + s->row_start[t];
        const double *L = s->lx + s->lx_start[t];
        for (int p = 0; p < k; p++) {
            const double *cp = L + (size_t)p * (size_t)m;
            double yp = y[f + p];
            for (int i = p + 1; i < k; i++)
                y[f + i] -= cp[i] * yp;
            for (int i = k; i < m; i++)
                y[r[i]] -= cp[i] * yp;
        }
    }
    for (int t = s->nsup - 1; t >= 0; t--) {
        int f = s->sup_first[t], k = s->sup_first[t + 1] - f;
        int m = s->row_start[t + 1] - s->row_start[t];
        const int *r = s->rows + s->row_start[t];
        const double *L = s->lx + s->lx_start[t];
        const double *U = s->ux + s->ux_start[t];
        for (int j = k; j < m; j++) {
            const double *cj = U + (size_t)(j - k) * (size_t)k;
            double xj = y[r[j]];
            for (int i = 0; i < k; i++)
                y[f + i] -= cj[i] * xj;
        }
        for (int p = k - 1; p >= 0; p--) {
            const double *cp = L + (size_t)p * (size_t)m;
            double xp = y[f + p] / cp[p];
            y[f + p] = xp;
            for (int i = 0; i < p; i++)
                y[f + i] -= cp[i] * xp;
        }
    }
    for (int k = 0; k < n; k++)
        b[s->perm[k]] = y[k];
}

/* A split factorization: the helper factors its subtrees in order, done
 * counting those finished (all of them on a failure), while the calling
 * thread factors the rest. */
typedef struct {
    mf_symbolic *s;
    const double *values;
    int lower;
    atomic_int done;
    int status;       /* the helper's */
    int main_status;  /* the calling thread's */
    int blas_threads; /* OpenBLAS's threads to give back at the end (0: none) */
    int blas_back;    /* given back already: the helper had finished */
} helper_job;

/* Waits until the other thread has raised v to need. */
static void wait_count(atomic_int *v, int need)
{
    for (long spin = 0; atomic_load_explicit(v, memory_order_acquire) < need; spin++)
        team_relax(spin);
}

/* Waits until the helper has finished need subtrees; returns its status. */
static int wait_helper(helper_job *j, int need)
{
    wait_count(&j->done, need);
    return j->status;
}

/* LU, or with lower LDL', of supernodes first .. last on stack from
 * *top. With job, the split is on: the helper's supernodes are skipped, a
 * front with a child of the helper's waits for it, and reads that child's
 * update block from stack2. */
static int factor_range(mf_symbolic *s, const double *values, int lower, int first, int last, double *stack,
                        size_t *top, helper_job *job)
{
    for (int t = first; t <= last; t++) {
        if (job) {
            int r = s->range_of[t];
            if (r >= 0) {
                t = s->range_root[r];
                continue;
            }
            int need = 0;
            for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++)
                if (s->range_of[s->children[c]] >= need)
                    need = s->range_of[s->children[c]] + 1;
            if (need > 0 && wait_helper(job, need) != 0)
                return -1;
        }
        int k = s->sup_first[t + 1] - s->sup_first[t];
        int m = s->row_start[t + 1] - s->row_start[t];
        size_t mm = (size_t)m, u = (size_t)(m - k);
        double *F = assemble_front(s, t, values, lower, stack, top, job != NULL);
        double *B = stack + *top;
        if (job && job->blas_threads > 1 && !job->blas_back && mf_blas_front(m, k) &&
            atomic_load_explicit(&job->done, memory_order_acquire) == s->n_ranges) {
            /* the helper's subtrees are done: the fronts left are the
             * calling thread's alone, and OpenBLAS may take both cores
             * (the 1000 x 1000 grid's LDL' 0.43-0.44 -> 0.40 s) */
            blas_set_threads(job->blas_threads);
            job->blas_back = 1;
        }
        if (lower) {
            int fail = mf_blas_front(m, k) && mf_blas_available() ? front_ldlt_blas(F, m, k) : front_ldlt(F, m, k);
            if (fail)
                return -1;
            for (size_t jj = 0; jj < u; jj++)
                memcpy(B + jj * u + jj, F + (k + jj) * mm + (size_t)k + jj, (u - jj) * sizeof *F);
        } else {
            if (front_factor(F, m, k) != 0)
                return -1;
            double *U = s->ux + s->ux_start[t];
            for (int j = k; j < m; j++)
                memcpy(U + (size_t)(j - k) * (size_t)k, F + (size_t)j * mm, (size_t)k * sizeof *F);
            for (size_t jj = 0; jj < u; jj++)
                memcpy(B + jj * u, F + (k + jj) * mm + (size_t)k, u * sizeof *F);
        }
        *top += u * u;
    }
    return 0;
}

/* The helper's part of a split factorization: its subtrees in order. */
static void helper_part(helper_job *j)
{
    mf_symbolic *s = j->s;
    size_t top = 0;
    for (int r = 0; r < s->n_ranges; r++) {
        if (factor_range(s, j->values, j->lower, s->range_first[r], s->range_root[r], s->stack2, &top, NULL) != 0) {
            j->status = -1;
            atomic_store_explicit(&j->done, s->n_ranges, memory_order_release);
            return;
        }
        atomic_store_explicit(&j->done, r + 1, memory_order_release);
    }
}

/* A job in which the helper thread lost more than this (ms) off its core
 * counts as late (team_start). With a busy loop on the other core the
 * grid's solve took twice as long on two threads as on one: the helper,
 * spinning on that core, was off it for time slices of milliseconds, when
 * a job came (the start alone did not show it) or in its part. A woken
 * helper starts about 0.05 ms late, a spinning one at once. */
#define MF_HELPER_LATE_MS 0.2

/* The two parts of a split factorization (team_fn). */
static void factor_part(void *arg, int part)
{
    helper_job *j = arg;
    if (part == 1) {
        helper_part(j);
    } else {
        size_t top = 0;
        j->main_status = factor_range(j->s, j->values, j->lower, 0, j->s->nsup - 1, j->s->stack, &top, j);
    }
}

team *mf_team(mf_symbolic *s)
{
    if (s->threads < 2 || s->n_ranges == 0)
        return NULL;
    if (!s->helper && !s->helper_failed) {
        s->helper = team_start(MF_HELPER_LATE_MS);
        s->helper_failed = s->helper == NULL;
    }
    return team_ready(s->helper) ? s->helper : NULL;
}

/* The whole factorization, split over two threads when planned and allowed. */
static int factor(mf_symbolic *s, const double *values, int lower)
{
    size_t top = 0;
    team *t = mf_team(s);
    if (!t)
        return factor_range(s, values, lower, 0, s->nsup - 1, s->stack, &top, NULL);
    helper_job job = {s, values, lower, 0, 0, 0, 0, 0};
    /* OpenBLAS's own threads spin while they wait, during a factorization
     * and for a while after it: beside the helper they would take its core,
     * so OpenBLAS keeps to the calling thread until the helper is done
     * (factor_range) */
    if (s->split_blas && mf_blas_available() && blas_set_threads) {
        job.blas_threads = blas_get_threads();
        if (job.blas_threads > 1)
            blas_set_threads(1);
        else
            job.blas_threads = 0;
    }
    team_run(t, factor_part, &job);
    if (job.blas_threads > 0)
        blas_set_threads(job.blas_threads);
    return job.main_status || job.status ? -1 : 0;
}

int mf_factor(mf_symbolic *s, const double *values)
{
    if (mf_reserve_lu(s) != 0)
        return -2;
    return factor(s, values, 0);
}

int mf_factor_ldlt(mf_symbolic *s, const double *values)
{
    return factor(s, values, 1);
}

/* Forward and backward substitution with the L of an LDL'. Within a
 * supernode the k pivots are solved densely; its other rows (the entries
 * of later supernodes) are updated in one scatter of a dense sum on the
 * way forward, and read in one gather on the way back, instead of once
 * per pivot. */

/* A supernode's place in the factors, for the solves: its first pivot f,
 * its k pivots, its u other rows r, and its m x k columns L. */
typedef struct {
    int f, k, u;
    size_t mm;
    const int *r;
    const double *L;
} front_view;

static inline front_view front_at(const mf_symbolic *s, int sn)
{
    front_view v;
    v.f = s->sup_first[sn];
    v.k = s->sup_first[sn + 1] - v.f;
    int m = s->row_start[sn + 1] - s->row_start[sn];
    v.u = m - v.k;
    v.mm = (size_t)m;
    v.r = s->rows + s->row_start[sn] + v.k;
    v.L = s->lx + s->lx_start[sn];
    return v;
}

/* The forward step of supernode sn on y (t: scratch for its other rows):
 * other rows below limit are subtracted from y, the others added to out. */
static inline void ldlt_forward(const mf_symbolic *s, int sn, double *y, double *t, double *out, int limit)
{
    front_view v = front_at(s, sn);
    int k = v.k, u = v.u;
    size_t mm = v.mm;
    const double *L = v.L;
    double *yf = y + v.f;
    for (int p = 0; p < k; p++) {
        const double *cp = L + (size_t)p * mm;
        for (int i = p + 1; i < k; i++)
            yf[i] -= cp[i] * yf[p];
    }
    for (int i = 0; i < u; i++)
        t[i] = 0.0;
    int p = 0;
    for (; p + 3 < k; p += 4) {
        const double *c0 = L + (size_t)p * mm + k, *c1 = c0 + mm, *c2 = c1 + mm, *c3 = c2 + mm;
        double y0 = yf[p], y1 = yf[p + 1], y2 = yf[p + 2], y3 = yf[p + 3];
        for (int i = 0; i < u; i++)
            t[i] += c0[i] * y0 + c1[i] * y1 + c2[i] * y2 + c3[i] * y3;
    }
    for (; p < k; p++) {
        const double *cp = L + (size_t)p * mm + k;
        for (int i = 0; i < u; i++)
            t[i] += cp[i] * yf[p];
    }
    for (int i = 0; i < u; i++) {
        if (v.r[i] < limit)
            y[v.r[i]] -= t[i];
        else
            out[v.r[i]] += t[i];
    }
    for (p = 0; p < k; p++)
        yf[p] /= L[(size_t)p * mm + (size_t)p];
}

/* The backward step of supernode sn on y (t: scratch). */
static inline void ldlt_backward(const mf_symbolic *s, int sn, double *y, double *t)
{
    front_view v = front_at(s, sn);
    int k = v.k, u = v.u;
    const double *L = v.L;
    double *yf = y + v.f;
    for (int i = 0; i < u; i++)
        t[i] = y[v.r[i]];
    for (int p = 0; p < k; p++) {
        const double *cp = L + (size_t)p * v.mm + k;
        double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
        int i = 0;
        for (; i + 3 < u; i += 4) {
            a0 += cp[i] * t[i];
            a1 += cp[i + 1] * t[i + 1];
            a2 += cp[i + 2] * t[i + 2];
            a3 += cp[i + 3] * t[i + 3];
        }
        for (; i < u; i++)
            a0 += cp[i] * t[i];
        yf[p] -= (a0 + a1) + (a2 + a3);
    }
    for (int p = k - 1; p >= 0; p--) {
        const double *cp = L + (size_t)p * v.mm;
        double x = yf[p];
        for (int i = p + 1; i < k; i++)
            x -= cp[i] * yf[i];
        yf[p] = x;
    }
}

/* Forward steps of the helper's subtree r: its fronts' contributions to
 * rows past it (the calling thread's) go to y2. */
MF_KERNEL
static void forward_subtree(const mf_symbolic *s, int r, double *y)
{
    for (int sn = s->range_first[r]; sn <= s->range_root[r]; sn++)
        ldlt_forward(s, sn, y, s->y2 + s->n, s->y2, s->sup_first[s->range_root[r] + 1]);
}

/* A split solve: the helper's progress forward, the calling thread's
 * backward. */
typedef struct {
    const mf_symbolic *s;
    double *y;
    atomic_int forward;  /* the helper's subtrees done forward */
    atomic_int position; /* the calling thread's backward steps: the lowest supernode done */
} solve_job;

/* Forward steps of the calling thread's fronts (all with split 0; else
 * those outside the helper's subtrees, each front with subtrees below it
 * first waiting for them, when job is given, and taking their sums from
 * y2, which it leaves zero). */
MF_KERNEL
static void forward_main(const mf_symbolic *s, double *y, int split, solve_job *job)
{
    double *t = s->y + s->n;
    for (int sn = 0; sn < s->nsup; sn++) {
        if (split) {
            int r = s->range_of[sn];
            if (r >= 0) {
                sn = s->range_root[r];
                continue;
            }
            if (s->below[sn] > 0) {
                if (job)
                    wait_count(&job->forward, s->below[sn]);
                for (int p = s->sup_first[sn]; p < s->sup_first[sn + 1]; p++) {
                    y[p] -= s->y2[p];
                    s->y2[p] = 0.0;
                }
            }
        }
        ldlt_forward(s, sn, y, t, NULL, s->n);
    }
}

/* Backward steps of supernodes last down to first (with split, those
 * outside the helper's subtrees); with job, each one done is published. */
MF_KERNEL
static void backward_range(const mf_symbolic *s, int first, int last, double *y, double *t, int split, solve_job *job)
{
    for (int sn = last; sn >= first; sn--) {
        if (split && s->range_of[sn] >= 0) {
            sn = s->range_first[s->range_of[sn]];
            continue;
        }
        ldlt_backward(s, sn, y, t);
        if (job)
            atomic_store_explicit(&job->position, sn, memory_order_release);
    }
}

/* The calling thread's part of a split solve (part 0), or the helper's:
 * its subtrees forward, then back, each once the caller is past its
 * parent. */
static void solve_part(void *arg, int part)
{
    solve_job *j = arg;
    const mf_symbolic *s = j->s;
    if (part == 0) {
        forward_main(s, j->y, 1, j);
        backward_range(s, 0, s->nsup - 1, j->y, s->y + s->n, 1, j);
        return;
    }
    for (int r = 0; r < s->n_ranges; r++) {
        forward_subtree(s, r, j->y);
        atomic_store_explicit(&j->forward, r + 1, memory_order_release);
    }
    for (int r = s->n_ranges - 1; r >= 0; r--) {
        /* its ancestors done: the calling thread is at or below its parent */
        for (long spin = 0; atomic_load_explicit(&j->position, memory_order_acquire) > s->range_parent[r]; spin++)
            team_relax(spin);
        backward_range(s, s->range_first[r], s->range_root[r], j->y, s->y2 + s->n, 0, NULL);
    }
}

void mf_solve_ldlt(mf_symbolic *s, double *b)
{
    double *y = s->y, *t = s->y + s->n;
    int n = s->n, split = s->n_ranges > 0;
    for (int k = 0; k < n; k++)
        y[k] = b[s->perm[k]];
    team *helper = mf_team(s);
    if (helper) {
        solve_job job = {s, y, 0, s->nsup};
        team_run(helper, solve_part, &job);
    } else {
        /* one thread, but with a split planned, in the same order of sums */
        for (int r = 0; split && r < s->n_ranges; r++)
            forward_subtree(s, r, y);
        forward_main(s, y, split, NULL);
        backward_range(s, 0, s->nsup - 1, y, t, 0, NULL);
    }
    for (int k = 0; k < n; k++)
        b[s->perm[k]] = y[k];
}
