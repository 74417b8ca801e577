/* The multifrontal symbolic analysis (see multifrontal.h): AMD order,
 * elimination tree by path compression (Liu 1990, "The role of
 * elimination trees in sparse factorization"), postorder, L's column
 * counts from the row subtrees (Gilbert, Ng & Peyton 1994), fundamental
 * supernodes relaxed by amalgamation (Ashcraft & Grimes 1989), each
 * front's rows from its columns and its children's fronts, and the maps
 * that assemble the fronts and pass their update blocks up a stack (Duff &
 * Reid 1983; Davis 2006, "Direct Methods for Sparse Linear Systems"). */
#include <stdlib.h>
#include <string.h>

#include <amd.h>

#include "solver/multifrontal_internal.h"

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
    team_stop(&s->helper);
    free(s->stack2);
    free(s->range_first);
    free(s->range_root);
    free(s->range_block);
    free(s->range_of);
    free(s->range_parent);
    free(s->below);
    free(s->y2);
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
    int *adj = mf_xmalloc((size_t)start[n], sizeof *adj);
    int *fill = mf_xmalloc((size_t)n, sizeof *fill);
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

/* Sorts the distinct integers a[0 .. n-1] ascending: quicksort on the
 * median of three down to short runs, then insertion. Most fronts have
 * few rows; glibc's qsort, a merge sort through a comparison function,
 * took 0.24 of the 3.5 ms that the 100 x 100 grid's analysis took. */
static void sort_rows(int *a, int n)
{
    while (n > 24) {
        int x = a[0], y = a[n / 2], z = a[n - 1];
        int pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = 0, j = n - 1;
        for (;;) { /* a[..i) <= pivot <= a(j..]; the pivot stops both scans */
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i >= j)
                break;
            int t = a[i];
            a[i++] = a[j];
            a[j--] = t;
        }
        /* a[0 .. j] <= pivot <= a[j+1 .. n-1], neither part empty (the
         * pivot is neither the least nor the greatest of three); the
         * shorter part recursively, the longer in the loop */
        int left = j + 1;
        if (left < n - left) {
            sort_rows(a, left);
            a += left;
            n -= left;
        } else {
            sort_rows(a + left, n - left);
            n = left;
        }
    }
    for (int k = 1; k < n; k++) {
        int v = a[k], m = k - 1;
        while (m >= 0 && a[m] > v) {
            a[m + 1] = a[m];
            m--;
        }
        a[m + 1] = v;
    }
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
    int *head = mf_xmalloc((size_t)n, sizeof *head), *next = mf_xmalloc((size_t)n, sizeof *next);
    int *stack = mf_xmalloc((size_t)n, sizeof *stack);
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

/* Work (in flops of one LU, as s->flops) below which a second thread does
 * not pay for its start, about 50 us on this machine. */
#define MF_SPLIT_MIN 4e6
/* A split is taken when its simulated span (the calling thread's work,
 * waits included) is at most this share of the whole. */
#define MF_SPLIT_GAIN 0.85
/* Subtrees expanded in the search, and the most the helper takes. The
 * best spans came early (the 100 x 100 grid's in the 5th round, the
 * 300 x 300 grid's in the 1st, the 250,000- and 1,000,000-node meshes'
 * in the 2nd); later rounds leave more fronts to the calling thread
 * alone. */
#define MF_SPLIT_EXPAND 16
#define MF_SPLIT_RANGES 32

typedef struct {
    double w;
    int t;
} weighed;

static int heavier_first(const void *a, const void *b)
{
    const weighed *x = a, *y = b;
    return (x->w < y->w) - (x->w > y->w);
}

/* The span of a split with the helper's subtrees roots[0 .. nr) (in
 * postorder): the helper works through them in order, and the calling
 * thread through the rest, waiting before a front with a child of the
 * helper's until the helper is past it. idx marks the roots (-1 else). */
static double split_span(const mf_symbolic *s, const double *w, const double *sub, const int *first, const int *roots,
                         int nr, int *idx, double *done)
{
    double h = 0.0, m = 0.0;
    for (int r = 0; r < nr; r++) {
        h += sub[roots[r]];
        done[r] = h;
        idx[roots[r]] = r;
    }
    int r = 0;
    for (int t = 0; t < s->nsup; t++) {
        if (r < nr && t == first[roots[r]]) {
            t = roots[r++];
            continue;
        }
        for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++) {
            int i = idx[s->children[c]];
            if (i >= 0 && done[i] > m)
                m = done[i];
        }
        m += w[t];
    }
    for (int q = 0; q < nr; q++)
        idx[roots[q]] = -1;
    return m;
}

/* Chooses the helper thread's subtrees (struct mf_symbolic), in the manner
 * of a subtree-to-thread mapping: starting from the roots, the heaviest
 * subtree is split into its children (its front stays with the calling
 * thread) again and again, and each time the subtrees are dealt heaviest
 * first to the lighter of the two threads; the dealing whose simulated
 * span is shortest wins, if it saves enough. Fronts are weighed by their
 * arithmetic and half their entries (assembly). Notes whether fronts
 * take OpenBLAS. Needs the children lists. Returns -1 when out of memory. */
static int plan_split(mf_symbolic *s, const int *lst_k, const int *lst_m)
{
    int nsup = s->nsup, ok = 0;
    s->n_ranges = 0;
    if (nsup < 3 || s->flops < MF_SPLIT_MIN)
        return 0;
    size_t n1 = (size_t)nsup + 1;
    double *w = mf_xmalloc(n1, sizeof *w), *sub = mf_xmalloc(n1, sizeof *sub);
    double *done = mf_xmalloc(MF_SPLIT_RANGES, sizeof *done);
    int *par = mf_xmalloc(n1, sizeof *par), *first = mf_xmalloc(n1, sizeof *first);
    int *blas = mf_xmalloc(n1, sizeof *blas), *idx = mf_xmalloc(n1, sizeof *idx);
    int roots[MF_SPLIT_RANGES], best_roots[MF_SPLIT_RANGES], nbest = 0;
    weighed *cand = mf_xmalloc(n1, sizeof *cand);
    if (!w || !sub || !done || !par || !first || !blas || !idx || !cand)
        goto out;
    blas[0] = 0;
    for (int t = 0; t < nsup; t++) {
        double m = lst_m[t];
        w[t] = 0.5 * m * m;
        for (int p = 1; p <= lst_k[t]; p++)
            w[t] += 2.0 * (m - p) * (m - p);
        par[t] = -1;
        idx[t] = -1;
        sub[t] = w[t];
        first[t] = t;
        for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++) {
            int ch = s->children[c];
            par[ch] = t;
            sub[t] += sub[ch];
            if (first[ch] < first[t])
                first[t] = first[ch];
        }
        blas[t + 1] = blas[t] + mf_blas_front(lst_m[t], lst_k[t]);
    }
    double total = 0.0;
    int nc = 0;
    for (int t = 0; t < nsup; t++)
        if (par[t] < 0) {
            total += sub[t];
            cand[nc++] = (weighed){sub[t], t};
        }
    qsort(cand, (size_t)nc, sizeof *cand, heavier_first);
    double best = MF_SPLIT_GAIN * total;
    for (int round = 0; round < MF_SPLIT_EXPAND; round++) {
        /* split the heaviest subtree that has children (they are sorted) */
        int e = 0;
        while (e < nc && s->child_start[cand[e].t] == s->child_start[cand[e].t + 1])
            e++;
        if (e == nc)
            break;
        int t = cand[e].t;
        cand[e] = cand[--nc];
        for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++)
            cand[nc++] = (weighed){sub[s->children[c]], s->children[c]};
        qsort(cand, (size_t)nc, sizeof *cand, heavier_first);
        /* deal them, heaviest first, to the lighter thread */
        double hw = 0.0, mw = 0.0;
        int nr = 0;
        for (int i = 0; i < nc; i++) {
            int r = cand[i].t;
            if (hw <= mw && nr < MF_SPLIT_RANGES) {
                roots[nr++] = r;
                hw += cand[i].w;
            } else {
                mw += cand[i].w;
            }
        }
        if (nr == 0)
            continue;
        /* in postorder (insertion: few) */
        for (int i = 1; i < nr; i++)
            for (int j = i; j > 0 && roots[j - 1] > roots[j]; j--) {
                int x = roots[j];
                roots[j] = roots[j - 1];
                roots[j - 1] = x;
            }
        double span = split_span(s, w, sub, first, roots, nr, idx, done);
        if (span < best) {
            best = span;
            nbest = nr;
            memcpy(best_roots, roots, (size_t)nr * sizeof *roots);
        }
    }
    if (nbest > 0) {
        s->range_first = mf_xmalloc((size_t)nbest, sizeof *s->range_first);
        s->range_root = mf_xmalloc((size_t)nbest, sizeof *s->range_root);
        s->range_block = mf_xmalloc((size_t)nbest, sizeof *s->range_block);
        s->range_parent = mf_xmalloc((size_t)nbest, sizeof *s->range_parent);
        s->range_of = mf_xmalloc(n1, sizeof *s->range_of);
        s->below = calloc(n1, sizeof *s->below);
        if (!s->range_first || !s->range_root || !s->range_block || !s->range_parent || !s->range_of || !s->below)
            goto out;
        for (int t = 0; t < nsup; t++)
            s->range_of[t] = -1;
        for (int r = 0; r < nbest; r++) {
            s->range_first[r] = first[best_roots[r]];
            s->range_root[r] = best_roots[r];
            for (int t = s->range_first[r]; t <= s->range_root[r]; t++)
                s->range_of[t] = r;
            /* the subtree's parent, and what its ancestors wait for */
            int a = par[best_roots[r]];
            s->range_parent[r] = a >= 0 ? a : nsup;
            for (; a >= 0; a = par[a])
                s->below[a] = r + 1;
        }
        s->n_ranges = nbest;
        s->split_blas = blas[nsup] > 0;
    }
    ok = 1;
out:
    free(w);
    free(sub);
    free(done);
    free(par);
    free(first);
    free(blas);
    free(idx);
    free(cand);
    return ok ? 0 : -1;
}

mf_symbolic *mf_analyze(int n, const int *colptr, const int *rowind)
{
    mf_symbolic *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->n = n;
    s->nnz = colptr[n];
    s->threads = 1;
    int *amd_perm = mf_xmalloc((size_t)n, sizeof *amd_perm);
    int *iperm = calloc((size_t)n + 1, sizeof *iperm);
    int *parent = calloc((size_t)n + 1, sizeof *parent);
    int *work = calloc((size_t)n + 1, sizeof *work);
    int *post = mf_xmalloc((size_t)n, sizeof *post);
    int *mark = mf_xmalloc((size_t)n, sizeof *mark);
    int *cnt = mf_xmalloc((size_t)n, sizeof *cnt);
    int *sn_of = mf_xmalloc((size_t)n, sizeof *sn_of);
    int *maxfirst = mf_xmalloc((size_t)n, sizeof *maxfirst);
    int *nch = mf_xmalloc((size_t)n, sizeof *nch);
    int *start = NULL, *adj = NULL, *slot_col = NULL;
    int *lst_first = NULL, *lst_k = NULL, *lst_m = NULL;
    double *lst_true = NULL;
    int ok = 0;
    s->perm = mf_xmalloc((size_t)n, sizeof *s->perm);
    if (!amd_perm || !iperm || !parent || !work || !post || !mark || !cnt || !sn_of || !maxfirst || !nch || !s->perm)
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
    { /* the adjacency relabelled the same way, instead of built again from
       * A (work[v] is v's place in the postorder) */
        int *start2 = mf_xmalloc((size_t)n + 1, sizeof *start2);
        int *adj2 = mf_xmalloc((size_t)start[n] + 1, sizeof *adj2);
        if (!start2 || !adj2) {
            free(start2);
            free(adj2);
            goto fail;
        }
        int q = 0;
        for (int k = 0; k < n; k++) {
            start2[k] = q;
            for (int p = start[post[k]]; p < start[post[k] + 1]; p++)
                adj2[q++] = work[adj[p]];
        }
        start2[n] = q;
        free(start);
        free(adj);
        start = start2;
        adj = adj2;
    }

    /* column counts of L, the diagonal included (Gilbert, Ng & Peyton
     * 1994): column j counts the row subtrees that hold j. Each row
     * subtree T_i adds one at each of its leaves and takes one off where
     * consecutive leaves' paths meet and above its root i; a column's count
     * is then the sum over its subtree. The tree is postordered, so j's
     * subtree is first[j]..j, and the meeting point of the last leaf and j
     * is the root of the last leaf's set among the columns done (union by
     * parent, with path compression). No structure of L is built. */
    int *first = post, *prevleaf = mark, *anc = work;
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
    lst_first = mf_xmalloc((size_t)n, sizeof *lst_first);
    lst_k = mf_xmalloc((size_t)n, sizeof *lst_k);
    lst_m = mf_xmalloc((size_t)n, sizeof *lst_m);
    lst_true = mf_xmalloc((size_t)n, sizeof *lst_true);
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
    s->sup_first = mf_xmalloc((size_t)nsup + 1, sizeof *s->sup_first);
    s->row_start = mf_xmalloc((size_t)nsup + 1, sizeof *s->row_start);
    s->child_start = calloc((size_t)nsup + 1, sizeof *s->child_start);
    s->children = mf_xmalloc((size_t)nsup, sizeof *s->children);
    s->lx_start = mf_xmalloc((size_t)nsup, sizeof *s->lx_start);
    s->ux_start = mf_xmalloc((size_t)nsup, sizeof *s->ux_start);
    s->slot_start = calloc((size_t)nsup + 1, sizeof *s->slot_start);
    s->slot_low = mf_xmalloc((size_t)nsup, sizeof *s->slot_low);
    s->rel_start = mf_xmalloc((size_t)nsup + 1, sizeof *s->rel_start);
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
    for (int t = 0; t < nsup; t++)
        for (int p = 1; p <= lst_k[t]; p++) /* pivot p updates the (m - p)^2 block after it */
            s->flops += 2.0 * (double)(lst_m[t] - p) * (double)(lst_m[t] - p);
    s->lnz = (double)nlx + (double)nux;
    if (plan_split(s, lst_k, lst_m) != 0)
        goto fail;
    if (s->n_ranges > 0) {
        /* where the fronts pass from one thread to the other, a gap in lx:
         * no front reaches into the places of the other thread's next ones */
        size_t shift = 0, reach = 0;
        for (int t = 0; t < nsup; t++) {
            size_t m = (size_t)lst_m[t];
            if (t > 0 && (s->range_of[t] < 0) != (s->range_of[t - 1] < 0) && reach > s->lx_start[t] + shift)
                shift = reach - s->lx_start[t];
            s->lx_start[t] += shift;
            if (s->lx_start[t] + m * m > reach)
                reach = s->lx_start[t] + m * m;
        }
        lx_end = reach;
        nlx += shift;
    }
    s->rows = mf_xmalloc(nrows, sizeof *s->rows);
    s->rel = mf_xmalloc(nrel + 1, sizeof *s->rel);
    s->lx = mf_xmalloc(lx_end > nlx ? lx_end : nlx, sizeof *s->lx);
    s->nux = nux;
    s->y = mf_xmalloc((size_t)n + max_m, sizeof *s->y);
    if (s->n_ranges > 0) {
        /* the split solves: the helper's scratch and the contributions of
         * its fronts to the calling thread's rows (kept zero between
         * solves) */
        s->y2 = calloc((size_t)n + max_m, sizeof *s->y2);
        if (!s->y2)
            goto fail;
    }
    s->slot_src = mf_xmalloc((size_t)s->nnz + 1, sizeof *s->slot_src);
    s->slot_dst = mf_xmalloc((size_t)s->nnz + 1, sizeof *s->slot_dst);
    slot_col = mf_xmalloc((size_t)s->nnz + 1, sizeof *slot_col);
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
        sort_rows(dst + k, len - k);
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
     * children's; its high-water mark in one thread (who -1), and with the
     * split, the calling thread's (who 0, without the helper's subtrees,
     * whose roots' blocks stay on stack2) and the helper's (who 1, with
     * where each root's block stays) */
    {
        size_t peak[3] = {1, 1, 1};
        for (int who = -1; who <= (s->n_ranges > 0 ? 1 : -1); who++) {
            size_t top = 0;
            for (int t = 0; t < nsup; t++) {
                int r = who >= 0 ? s->range_of[t] : -1;
                if (who >= 0 && (r >= 0) != (who == 1))
                    continue;
                for (int c = s->child_start[t]; c < s->child_start[t + 1]; c++) {
                    int ch = s->children[c];
                    size_t u = (size_t)(s->rel_start[ch + 1] - s->rel_start[ch]);
                    if (who != 0 || s->range_of[ch] < 0)
                        top -= u * u;
                }
                if (who == 1 && t == s->range_root[r])
                    s->range_block[r] = top;
                size_t u = (size_t)(s->rel_start[t + 1] - s->rel_start[t]);
                top += u * u;
                if (top > peak[who + 1])
                    peak[who + 1] = top;
            }
        }
        s->stack = mf_xmalloc(peak[0] > peak[1] ? peak[0] : peak[1], sizeof *s->stack);
        if (!s->stack)
            goto fail;
        if (s->n_ranges > 0) {
            s->stack2 = mf_xmalloc(peak[2], sizeof *s->stack2);
            if (!s->stack2)
                goto fail;
        }
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
    free(maxfirst);
    free(start);
    free(adj);
    free(nch);
    free(slot_col);
    free(lst_first);
    free(lst_k);
    free(lst_m);
    free(lst_true);
    if (!ok)
        mf_free(&s);
    return s;
}

int mf_set_threads(mf_symbolic *s, int threads)
{
    s->threads = threads < 2 ? 1 : 2;
    return s->threads == 2 && s->n_ranges > 0;
}

double mf_factor_nnz(const mf_symbolic *s)
{
    return s->lnz;
}

double mf_factor_flops(const mf_symbolic *s)
{
    return s->flops;
}
