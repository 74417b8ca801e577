/* Multifrontal sparse LU and LDL' without pivoting: see multifrontal.h.
 * The methods are the textbook ones (Duff & Reid 1983; Liu 1990, "The role
 * of elimination trees in sparse factorization"; Davis 2006, "Direct
 * Methods for Sparse Linear Systems"): AMD order, elimination tree by path
 * compression, postorder, column structures by merging the children's,
 * fundamental supernodes relaxed by amalgamation (Ashcraft & Grimes
 * 1989), and dense fronts passed up a stack. */
#include "solver/multifrontal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <amd.h>
#include <dlfcn.h>
#include <threads.h>

/* The dense kernels are built for AVX2 as well where the compiler can, the
 * build chosen at run time. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define MF_KERNEL __attribute__((target_clones("avx2,fma", "default")))
#else
#define MF_KERNEL
#endif

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
};

static void *xmalloc(size_t count, size_t size)
{
    if (size && count > (size_t)-1 / size)
        return NULL;
    size_t bytes = count * size;
    return malloc(bytes ? bytes : 1);
}

void mf_free(mf_symbolic **sp)
{
    if (!sp || !*sp)
        return;
    mf_symbolic *s = *sp;
    free(s->perm);
    free(s->sup_first);
    free(s->row_start);
    free(s->rows);
    free(s->child_start);
    free(s->children);
    free(s->lx_start);
    free(s->ux_start);
    free(s->lx);
    free(s->ux);
    free(s->slot_start);
    free(s->slot_low);
    free(s->slot_src);
    free(s->slot_dst);
    free(s->rel_start);
    free(s->rel);
    free(s->stack);
    free(s->y);
    free(s);
    *sp = NULL;
}

/* Adjacency of A + A' without the diagonal, in the numbering iperm. */
static int symmetric_adjacency(int n, const int *colptr, const int *rowind, const int *iperm, int **start_out,
                               int **adj_out)
{
    int *start = calloc((size_t)n + 1, sizeof *start);
    if (!start)
        return -1;
    for (int j = 0; j < n; j++)
        for (int p = colptr[j]; p < colptr[j + 1]; p++)
            if (rowind[p] != j) {
                start[iperm[rowind[p]] + 1]++;
                start[iperm[j] + 1]++;
            }
    for (int k = 0; k < n; k++)
        start[k + 1] += start[k];
    int *adj = xmalloc((size_t)start[n], sizeof *adj);
    int *fill = xmalloc((size_t)n, sizeof *fill);
    if (!adj || !fill) {
        free(start);
        free(adj);
        free(fill);
        return -1;
    }
    memcpy(fill, start, (size_t)n * sizeof *fill);
    for (int j = 0; j < n; j++)
        for (int p = colptr[j]; p < colptr[j + 1]; p++)
            if (rowind[p] != j) {
                int a = iperm[rowind[p]], b = iperm[j];
                adj[fill[a]++] = b;
                adj[fill[b]++] = a;
            }
    free(fill);
    *start_out = start;
    *adj_out = adj;
    return 0;
}

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Elimination tree of a symmetric pattern (Liu's algorithm). */
static void etree(int n, const int *start, const int *adj, int *parent, int *ancestor)
{
    for (int k = 0; k < n; k++) {
        parent[k] = -1;
        ancestor[k] = -1;
        for (int p = start[k]; p < start[k + 1]; p++) {
            int r = adj[p];
            if (r >= k)
                continue;
            while (ancestor[r] != -1 && ancestor[r] != k) {
                int next = ancestor[r];
                ancestor[r] = k;
                r = next;
            }
            if (ancestor[r] == -1) {
                ancestor[r] = k;
                parent[r] = k;
            }
        }
    }
}

/* Postorder of a forest given by parent[] (children visited in increasing
 * order): post[k] is the node at position k. */
static int postorder(int n, const int *parent, int *post)
{
    int *head = xmalloc((size_t)n, sizeof *head), *next = xmalloc((size_t)n, sizeof *next);
    int *stack = xmalloc((size_t)n, sizeof *stack);
    if (!head || !next || !stack) {
        free(head);
        free(next);
        free(stack);
        return -1;
    }
    for (int k = 0; k < n; k++)
        head[k] = -1;
    for (int k = n - 1; k >= 0; k--) {
        if (parent[k] >= 0) {
            next[k] = head[parent[k]];
            head[parent[k]] = k;
        }
    }
    int pos = 0;
    for (int r = 0; r < n; r++) {
        if (parent[r] >= 0)
            continue;
        int top = 0;
        stack[top++] = r;
        while (top > 0) {
            int v = stack[top - 1];
            int c = head[v];
            if (c >= 0) {
                head[v] = next[c];
                stack[top++] = c;
            } else {
                top--;
                post[pos++] = v;
            }
        }
    }
    free(head);
    free(next);
    free(stack);
    return 0;
}

mf_symbolic *mf_analyze(int n, const int *colptr, const int *rowind)
{
    mf_symbolic *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->n = n;
    s->nnz = colptr[n];
    int *amd_perm = xmalloc((size_t)n, sizeof *amd_perm);
    int *iperm = calloc((size_t)n + 1, sizeof *iperm);
    int *parent = calloc((size_t)n + 1, sizeof *parent);
    int *work = calloc((size_t)n + 1, sizeof *work);
    int *post = xmalloc((size_t)n, sizeof *post);
    int *mark = xmalloc((size_t)n, sizeof *mark);
    int *cnt = xmalloc((size_t)n, sizeof *cnt);
    int *sn_of = xmalloc((size_t)n, sizeof *sn_of);
    int *cstart = xmalloc((size_t)n + 1, sizeof *cstart);
    int *head = xmalloc((size_t)n, sizeof *head);
    int *start = NULL, *adj = NULL, *slot_col = NULL;
    int *lst_first = NULL, *lst_k = NULL, *lst_m = NULL;
    double *lst_true = NULL;
    int ok = 0;
    s->perm = xmalloc((size_t)n, sizeof *s->perm);
    if (!amd_perm || !iperm || !parent || !work || !post || !mark || !cnt || !sn_of || !cstart || !head || !s->perm)
        goto fail;

    /* fill-reducing order, then the postorder of its elimination tree */
    if (amd_order(n, colptr, rowind, amd_perm, NULL, NULL) < AMD_OK)
        goto fail;
    for (int k = 0; k < n; k++)
        iperm[amd_perm[k]] = k;
    if (symmetric_adjacency(n, colptr, rowind, iperm, &start, &adj) != 0)
        goto fail;
    etree(n, start, adj, parent, work);
    if (postorder(n, parent, post) != 0)
        goto fail;
    for (int k = 0; k < n; k++)
        s->perm[k] = amd_perm[post[k]];
    for (int k = 0; k < n; k++)
        iperm[s->perm[k]] = k;
    /* the tree in the new numbering: a postorder relabels it and keeps its
     * shape, so no second pass of etree */
    for (int k = 0; k < n; k++)
        work[post[k]] = k;
    for (int k = 0; k < n; k++)
        cnt[k] = parent[post[k]] >= 0 ? work[parent[post[k]]] : -1;
    memcpy(parent, cnt, (size_t)n * sizeof *parent);
    free(start);
    free(adj);
    start = adj = NULL;
    if (symmetric_adjacency(n, colptr, rowind, iperm, &start, &adj) != 0)
        goto fail;

    /* column counts of L, the diagonal included (Gilbert, Ng & Peyton
     * 1994): column j counts the row subtrees that hold j. Each row
     * subtree T_i adds one at each of its leaves and takes one off where
     * consecutive leaves' paths meet and above its root i; a column's count
     * is then the sum over its subtree. The tree is postordered, so j's
     * subtree is first[j]..j, and the meeting point of the last leaf and j
     * is the root of the last leaf's set among the columns done (union by
     * parent, with path compression). No structure of L is built. */
    int *first = post, *maxfirst = cstart, *prevleaf = mark, *anc = work, *nch = head;
    for (int j = 0; j < n; j++) {
        first[j] = -1;
        maxfirst[j] = -1;
        prevleaf[j] = -1;
        anc[j] = j;
        nch[j] = 0;
    }
    for (int k = 0; k < n; k++)
        for (int j = k; j >= 0 && first[j] < 0; j = parent[j])
            first[j] = k;
    for (int j = 0; j < n; j++)
        cnt[j] = first[j] == j; /* a leaf of the tree: the first leaf of its own row subtree */
    for (int j = 0; j < n; j++) {
        if (parent[j] >= 0) {
            cnt[parent[j]]--; /* above the root of T_j */
            nch[parent[j]]++;
        }
        for (int p = start[j]; p < start[j + 1]; p++) {
            int i = adj[p];
            if (i <= j || first[j] <= maxfirst[i])
                continue; /* not in T_i's lower part, or not a leaf of T_i */
            maxfirst[i] = first[j];
            cnt[j]++;
            int q = prevleaf[i];
            if (q >= 0) {
                int r = q;
                while (anc[r] != r)
                    r = anc[r];
                while (anc[q] != r) {
                    int next = anc[q];
                    anc[q] = r;
                    q = next;
                }
                cnt[r]--;
            }
            prevleaf[i] = j;
        }
        if (parent[j] >= 0)
            anc[j] = parent[j];
    }
    for (int j = 0; j < n; j++)
        if (parent[j] >= 0)
            cnt[parent[j]] += cnt[j];

    /* fundamental supernodes (a column joins the previous one when it is
     * its only child and has the same structure below), then relaxed
     * amalgamation: a supernode absorbs its last child when the explicit
     * zeros this adds stay few: any merge up to 4 pivots, up to 16 while
     * zeros stay below half (CHOLMOD's default allows 80 %: on the 100 x 100
     * grid that kept 631,052 factor entries against 517,362, and each solve,
     * which reads them all, took 0.30 instead of 0.28 ms), up to 48 below
     * 10 %, any number below 5 %.
     * A child's rows below its pivots lie among its parent's rows, so the
     * merged front has the parent's rows and the child's pivots. */
    lst_first = xmalloc((size_t)n, sizeof *lst_first);
    lst_k = xmalloc((size_t)n, sizeof *lst_k);
    lst_m = xmalloc((size_t)n, sizeof *lst_m);
    lst_true = xmalloc((size_t)n, sizeof *lst_true);
    if (!lst_first || !lst_k || !lst_m || !lst_true)
        goto fail;
    int nl = 0;
    for (int j = 0; j < n;) {
        int f = j, k = 1;
        double truen = cnt[j];
        for (j++; j < n; j++) {
            if (!(parent[j - 1] == j && nch[j] == 1 && cnt[j - 1] == cnt[j] + 1))
                break;
            k++;
            truen += cnt[j];
        }
        lst_first[nl] = f;
        lst_k[nl] = k;
        lst_m[nl] = cnt[f];
        lst_true[nl] = truen;
        nl++;
        while (nl >= 2) {
            int pv = nl - 2, cu = nl - 1;
            int last = lst_first[pv] + lst_k[pv] - 1;
            if (parent[last] < lst_first[cu] || parent[last] >= lst_first[cu] + lst_k[cu])
                break; /* not a child of the current supernode */
            int m = lst_m[cu] + lst_k[pv];
            double kn = (double)(lst_k[pv] + lst_k[cu]);
            double merged = kn * m - kn * (kn - 1.0) / 2.0;
            double zeros = (merged - lst_true[pv] - lst_true[cu]) / merged;
            if (!(kn <= 4 || (kn <= 16 && zeros < 0.5) || (kn <= 48 && zeros < 0.1) || zeros < 0.05))
                break;
            lst_k[pv] += lst_k[cu];
            lst_m[pv] = m;
            lst_true[pv] += lst_true[cu];
            nl--;
        }
    }
    int nsup = nl;
    for (int t = 0; t < nsup; t++)
        for (int c = lst_first[t]; c < lst_first[t] + lst_k[t]; c++)
            sn_of[c] = t;
    s->nsup = nsup;
    s->sup_first = xmalloc((size_t)nsup + 1, sizeof *s->sup_first);
    s->row_start = xmalloc((size_t)nsup + 1, sizeof *s->row_start);
    s->child_start = calloc((size_t)nsup + 1, sizeof *s->child_start);
    s->children = xmalloc((size_t)nsup, sizeof *s->children);
    s->lx_start = xmalloc((size_t)nsup, sizeof *s->lx_start);
    s->ux_start = xmalloc((size_t)nsup, sizeof *s->ux_start);
    s->slot_start = calloc((size_t)nsup + 1, sizeof *s->slot_start);
    s->slot_low = xmalloc((size_t)nsup, sizeof *s->slot_low);
    s->rel_start = xmalloc((size_t)nsup + 1, sizeof *s->rel_start);
    if (!s->sup_first || !s->row_start || !s->child_start || !s->children || !s->lx_start || !s->ux_start ||
        !s->slot_start || !s->slot_low || !s->rel_start)
        goto fail;
    for (int t = 0; t < nsup; t++)
        s->sup_first[t] = lst_first[t];
    s->sup_first[nsup] = n;
    size_t nrows = 0, nlx = 0, nux = 0, nrel = 0, lx_end = 1, max_m = 1;
    for (int t = 0; t < nsup; t++) {
        int k = s->sup_first[t + 1] - s->sup_first[t];
        size_t m = (size_t)lst_m[t];
        nrows += m;
        s->lx_start[t] = nlx;
        s->ux_start[t] = nux;
        nlx += m * (size_t)k;
        nux += (size_t)k * (m - (size_t)k);
        nrel += m - (size_t)k;
        if (s->lx_start[t] + m * m > lx_end)
            lx_end = s->lx_start[t] + m * m;
        if (m > max_m)
            max_m = m;
        int last = s->sup_first[t + 1] - 1;
        if (parent[last] >= 0)
            s->child_start[sn_of[parent[last]] + 1]++;
    }
    for (int t = 0; t < nsup; t++)
        s->child_start[t + 1] += s->child_start[t];
    memcpy(work, s->child_start, (size_t)nsup * sizeof *work);
    for (int t = 0; t < nsup; t++) {
        int last = s->sup_first[t + 1] - 1;
        if (parent[last] >= 0)
            s->children[work[sn_of[parent[last]]]++] = t;
    }
    s->lnz = (double)nlx + (double)nux;
    for (int t = 0; t < nsup; t++)
        for (int p = 1; p <= lst_k[t]; p++) /* pivot p updates the (m - p)^2 block after it */
            s->flops += 2.0 * (double)(lst_m[t] - p) * (double)(lst_m[t] - p);
    s->rows = xmalloc(nrows, sizeof *s->rows);
    s->rel = xmalloc(nrel + 1, sizeof *s->rel);
    s->lx = xmalloc(lx_end > nlx ? lx_end : nlx, sizeof *s->lx);
    s->nux = nux;
    s->y = xmalloc((size_t)n + max_m, sizeof *s->y);
    s->slot_src = xmalloc((size_t)s->nnz + 1, sizeof *s->slot_src);
    s->slot_dst = xmalloc((size_t)s->nnz + 1, sizeof *s->slot_dst);
    slot_col = xmalloc((size_t)s->nnz + 1, sizeof *slot_col);
    if (!s->rows || !s->rel || !s->lx || !s->y || !s->slot_src || !s->slot_dst || !slot_col)
        goto fail;
    /* each front's rows: its pivots in order, then the rows below them
     * from A's columns and from its children's fronts, ascending (a
     * child's update rows then sit in its parent's front in the same
     * order, so that the lower triangle of an update block lands in the
     * lower triangle of the parent's) */
    for (int j = 0; j < n; j++)
        mark[j] = -1;
    nrows = 0;
    for (int t = 0; t < nsup; t++) {
        s->row_start[t] = (int)nrows;
        int f = lst_first[t], k = lst_k[t], e = f + k, len = k;
        int *dst = s->rows + nrows;
        for (int q = 0; q < k; q++)
            dst[q] = f + q;
        for (int j = f; j < e; j++)
            for (int p = start[j]; p < start[j + 1]; p++)
                if (adj[p] >= e && mark[adj[p]] != t) {
                    if (len == lst_m[t])
                        goto fail; /* cannot happen: the counts are the structure's */
                    mark[adj[p]] = t;
                    dst[len++] = adj[p];
                }
        for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++) {
            int ch = s->children[c];
            int kc = s->sup_first[ch + 1] - s->sup_first[ch];
            for (int q = s->row_start[ch] + kc; q < s->row_start[ch + 1]; q++) {
                int i = s->rows[q];
                if (i >= e && mark[i] != t) {
                    if (len == lst_m[t])
                        goto fail;
                    mark[i] = t;
                    dst[len++] = i;
                }
            }
        }
        if (len != lst_m[t])
            goto fail;
        qsort(dst + k, (size_t)(len - k), sizeof *dst, compare_int);
        nrows += (size_t)len;
    }
    s->row_start[nsup] = (int)nrows;

    /* where each matrix entry goes: the front of its lower index; in each
     * front the entries on and below the diagonal first (the LDL'
     * factorization assembles only those), then the others */
    for (int t = 0; t < nsup; t++)
        cnt[t] = 0;
    for (int j = 0; j < n; j++) {
        int b = iperm[j];
        for (int p = colptr[j]; p < colptr[j + 1]; p++) {
            int a = iperm[rowind[p]];
            int t = sn_of[a < b ? a : b];
            s->slot_start[t + 1]++;
            cnt[t] += a >= b;
        }
    }
    for (int t = 0; t < nsup; t++)
        s->slot_start[t + 1] += s->slot_start[t];
    for (int t = 0; t < nsup; t++) {
        s->slot_low[t] = s->slot_start[t] + cnt[t];
        work[t] = s->slot_start[t];
        cnt[t] = s->slot_low[t];
    }
    for (int j = 0; j < n; j++)
        for (int p = colptr[j]; p < colptr[j + 1]; p++) {
            int a = iperm[rowind[p]], b = iperm[j];
            int q = a >= b ? work[sn_of[b]]++ : cnt[sn_of[a]]++;
            s->slot_src[q] = p;
            s->slot_dst[q] = a;
            slot_col[q] = b;
        }
    /* each entry's place in its front, and the extend-add maps (each
     * front's update rows in its parent's front), with one pass of each
     * front's row positions */
    size_t rp = 0;
    for (int t = 0; t < nsup; t++) {
        s->rel_start[t] = (int)rp;
        rp += (size_t)(s->row_start[t + 1] - s->row_start[t] - (s->sup_first[t + 1] - s->sup_first[t]));
    }
    s->rel_start[nsup] = (int)rp;
    int *loc = mark;
    for (int t = 0; t < nsup; t++) {
        int m = s->row_start[t + 1] - s->row_start[t];
        const int *r = s->rows + s->row_start[t];
        for (int q = 0; q < m; q++)
            loc[r[q]] = q;
        for (int q = s->slot_start[t]; q < s->slot_start[t + 1]; q++)
            s->slot_dst[q] = loc[s->slot_dst[q]] + loc[slot_col[q]] * m;
        for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++) {
            int ch = s->children[c];
            const int *rc = s->rows + s->row_start[ch] + (s->sup_first[ch + 1] - s->sup_first[ch]);
            int *dst = s->rel + s->rel_start[ch];
            for (int q = 0; q < s->rel_start[ch + 1] - s->rel_start[ch]; q++)
                dst[q] = loc[rc[q]];
        }
    }

    /* the stack of update blocks: fronts push theirs, parents pop their
     * children's; its high-water mark */
    {
        size_t top = 0, peak = 1;
        for (int t = 0; t < nsup; t++) {
            for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++) {
                size_t u = (size_t)(s->rel_start[s->children[c] + 1] - s->rel_start[s->children[c]]);
                top -= u * u;
            }
            size_t u = (size_t)(s->rel_start[t + 1] - s->rel_start[t]);
            top += u * u;
            if (top > peak)
                peak = top;
        }
        s->stack = xmalloc(peak, sizeof *s->stack);
        if (!s->stack)
            goto fail;
    }
    ok = 1;
fail:
    free(amd_perm);
    free(iperm);
    free(parent);
    free(work);
    free(post);
    free(mark);
    free(cnt);
    free(sn_of);
    free(cstart);
    free(start);
    free(adj);
    free(head);
    free(slot_col);
    free(lst_first);
    free(lst_k);
    free(lst_m);
    free(lst_true);
    if (!ok)
        mf_free(&s);
    return s;
}

double mf_factor_nnz(const mf_symbolic *s)
{
    return s->lnz;
}

double mf_factor_flops(const mf_symbolic *s)
{
    return s->flops;
}

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
#define MF_PANEL 32
#define MF_BLAS_ROWS 256
#define MF_WIDE_ROWS 1024

/* CBLAS's ABI values (cblas.h) */
enum { CB_COL_MAJOR = 102, CB_NO_TRANS = 111, CB_LOWER = 122, CB_UNIT = 132, CB_LEFT = 141 };
typedef void (*dtrsm_fn)(int order, int side, int uplo, int trans, int diag, int m, int n, double alpha,
                         const double *a, int lda, double *b, int ldb);
typedef void (*dgemm_fn)(int order, int transa, int transb, int m, int n, int k, double alpha, const double *a, int lda,
                         const double *b, int ldb, double beta, double *c, int ldc);
static dtrsm_fn blas_dtrsm;
static dgemm_fn blas_dgemm;
static once_flag blas_once = ONCE_FLAG_INIT;

static void blas_open(void)
{
    void *lib = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return;
    /* the kept library stays open for the process, as a linked one would */
    dtrsm_fn trsm;
    dgemm_fn gemm;
    *(void **)&trsm = dlsym(lib, "cblas_dtrsm");
    *(void **)&gemm = dlsym(lib, "cblas_dgemm");
    if (trsm && gemm) {
        blas_dtrsm = trsm;
        blas_dgemm = gemm;
    }
}

int mf_blas_available(void)
{
    call_once(&blas_once, blas_open);
    return blas_dgemm != NULL;
}

static int blas_front(int m, int k)
{
    return k >= MF_PANEL && m >= MF_BLAS_ROWS;
}

int mf_blas_fronts(const mf_symbolic *s)
{
    int count = 0;
    for (int t = 0; t < s->nsup; t++)
        count += blas_front(s->row_start[t + 1] - s->row_start[t], s->sup_first[t + 1] - s->sup_first[t]);
    return count;
}

static int front_factor(double *F, int m, int k)
{
    if (!blas_front(m, k))
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

/* Large fronts for LDL': panels as in front_factor, each factored by
 * panel_ldlt on its own columns; the rows right of the panel
 * (the upper triangle, which LDL' leaves unused) receive D L21', and the
 * trailing lower triangle is updated by matrix products over blocks of
 * MF_LDLT_COLS columns, each from its diagonal down. */
#define MF_LDLT_COLS 128

static int front_ldlt_blas(double *F, int m, int k)
{
    size_t ld = (size_t)m;
    int panel = m >= MF_WIDE_ROWS ? 2 * MF_PANEL : MF_PANEL, jb;
    for (int j0 = 0; j0 < k; j0 += jb) {
        jb = k - j0 < panel ? k - j0 : panel;
        double *a11 = F + (size_t)j0 + (size_t)j0 * ld;
        int rows = m - j0, rest = rows - jb;
        if (panel_ldlt(a11, ld, rows, jb) != 0)
            return -1;
        if (rest == 0)
            continue;
        double *a12 = a11 + (size_t)jb * ld, *a21 = a11 + jb, *a22 = a12 + jb;
        for (int j = 0; j < rest; j++)
            for (int p = 0; p < jb; p++)
                a12[(size_t)p + (size_t)j * ld] = a21[(size_t)j + (size_t)p * ld] * a11[(size_t)p + (size_t)p * ld];
        for (int c0 = 0; c0 < rest; c0 += MF_LDLT_COLS) {
            int w = rest - c0 < MF_LDLT_COLS ? rest - c0 : MF_LDLT_COLS;
            blas_dgemm(CB_COL_MAJOR, CB_NO_TRANS, CB_NO_TRANS, rest - c0, w, jb, -1.0, a21 + c0, (int)ld,
                       a12 + (size_t)c0 * ld, (int)ld, 1.0, a22 + c0 + (size_t)c0 * ld, (int)ld);
        }
    }
    return 0;
}

/* Assembles front t in its place in lx: cleared, the matrix entries that
 * map to it added, then its children's update blocks (the top of the
 * stack, the last child's uppermost; *top drops below them). With lower,
 * only the lower triangle (LDL'). Returns the front. */
static double *assemble_front(mf_symbolic *s, int t, const double *values, int lower, size_t *top)
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
        *top -= u * u;
        const double *B = s->stack + *top;
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
        s->ux = xmalloc(s->nux + 1, sizeof *s->ux);
    return s->ux ? 0 : -1;
}

int mf_factor(mf_symbolic *s, const double *values)
{
    if (mf_reserve_lu(s) != 0)
        return -2;
    size_t top = 0;
    for (int t = 0; t < s->nsup; t++) {
        int k = s->sup_first[t + 1] - s->sup_first[t];
        int m = s->row_start[t + 1] - s->row_start[t];
        size_t mm = (size_t)m;
        double *F = assemble_front(s, t, values, 0, &top);
        if (front_factor(F, m, k) != 0)
            return -1;
        double *U = s->ux + s->ux_start[t];
        for (int j = k; j < m; j++)
            memcpy(U + (size_t)(j - k) * (size_t)k, F + (size_t)j * mm, (size_t)k * sizeof *F);
        size_t u = (size_t)(m - k);
        double *B = s->stack + top;
        for (size_t jj = 0; jj < u; jj++)
            memcpy(B + jj * u, F + (k + jj) * mm + (size_t)k, u * sizeof *F);
        top += u * u;
    }
    return 0;
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

int mf_factor_ldlt(mf_symbolic *s, const double *values)
{
    size_t top = 0;
    for (int t = 0; t < s->nsup; t++) {
        int k = s->sup_first[t + 1] - s->sup_first[t];
        int m = s->row_start[t + 1] - s->row_start[t];
        size_t mm = (size_t)m;
        double *F = assemble_front(s, t, values, 1, &top);
        int fail = blas_front(m, k) && mf_blas_available() ? front_ldlt_blas(F, m, k) : front_ldlt(F, m, k);
        if (fail)
            return -1;
        size_t u = (size_t)(m - k);
        double *B = s->stack + top;
        for (size_t jj = 0; jj < u; jj++)
            memcpy(B + jj * u + jj, F + (k + jj) * mm + (size_t)k + jj, (u - jj) * sizeof *F);
        top += u * u;
    }
    return 0;
}

/* Forward and backward substitution with the L of an LDL'. Within a
 * supernode the k pivots are solved densely; its other rows (the entries
 * of later supernodes) are updated in one scatter of a dense sum on the
 * way forward, and read in one gather on the way back, instead of once
 * per pivot. */
MF_KERNEL
void mf_solve_ldlt(mf_symbolic *s, double *b)
{
    double *y = s->y, *t = s->y + s->n;
    int n = s->n;
    for (int k = 0; k < n; k++)
        y[k] = b[s->perm[k]];
    for (int sn = 0; sn < s->nsup; sn++) {
        int f = s->sup_first[sn], k = s->sup_first[sn + 1] - f;
        int m = s->row_start[sn + 1] - s->row_start[sn], u = m - k;
        const int *r = s->rows + s->row_start[sn] + k;
        const double *L = s->lx + s->lx_start[sn];
        size_t mm = (size_t)m;
        double *yf = y + f;
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
        for (int i = 0; i < u; i++)
            y[r[i]] -= t[i];
        for (p = 0; p < k; p++)
            yf[p] /= L[(size_t)p * mm + (size_t)p];
    }
    for (int sn = s->nsup - 1; sn >= 0; sn--) {
        int f = s->sup_first[sn], k = s->sup_first[sn + 1] - f;
        int m = s->row_start[sn + 1] - s->row_start[sn], u = m - k;
        const int *r = s->rows + s->row_start[sn] + k;
        const double *L = s->lx + s->lx_start[sn];
        size_t mm = (size_t)m;
        double *yf = y + f;
        for (int i = 0; i < u; i++)
            t[i] = y[r[i]];
        for (int p = 0; p < k; p++) {
            const double *cp = L + (size_t)p * mm + k;
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
            const double *cp = L + (size_t)p * mm;
            double x = yf[p];
            for (int i = p + 1; i < k; i++)
                x -= cp[i] * yf[i];
            yf[p] = x;
        }
    }
    for (int k = 0; k < n; k++)
        b[s->perm[k]] = y[k];
}
