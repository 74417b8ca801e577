/* Set-up of the steady problem: modes of active elements, supernodes
 * (contraction of lossless arcs), pressure references, the balance check of
 * the nomination, the sparsity pattern and its symbolic analysis. Everything
 * that depends only on topology, modes and nomination is done here once. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "solver/steady_internal.h"

/* A nomination counts as balanced when a defaulted reference absorbs at most
 * this fraction of the throughput (GasLib nominations balance to ~2.5e-4). */
#define BALANCE_REL_TOL 1e-3

/* ---- union-find ------------------------------------------------------- */

static int uf_find(int *parent, int a)
{
    while (parent[a] != a) {
        parent[a] = parent[parent[a]];
        a = parent[a];
    }
    return a;
}

static void uf_union(int *parent, int a, int b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a != b)
        parent[a < b ? b : a] = a < b ? a : b;
}

/* Points every entry of comp at its root and lists the roots in increasing
 * order in roots; returns their number. A parent never exceeds its child
 * (uf_union keeps the smaller root), so one pass in order does it. */
static int uf_flatten(int *comp, int n, int *roots)
{
    int count = 0;
    for (int s = 0; s < n; s++) {
        comp[s] = comp[comp[s]];
        if (comp[s] == s)
            roots[count++] = s;
    }
    return count;
}

/* ---- modes ------------------------------------------------------------ */

/* The mode and set point of arc a: from the controls, else the default
 * (see gf_solve_steady in gasflow.h). */
static void arc_mode(const network *net, const controls *ctl, size_t a, gf_mode *mode, double *value)
{
    arc_kind kind = (arc_kind)net->view.kind[a];
    *value = NAN;
    if (ctl && ctl->arcs[a].mode != GF_MODE_NONE) {
        *mode = ctl->arcs[a].mode;
        *value = ctl->arcs[a].value;
        return;
    }
    /* passive by default: valves open, regulators and stations bypassed */
    *mode = kind == ARC_VALVE || kind == ARC_CONTROL_VALVE || kind == ARC_COMPRESSOR ? GF_MODE_OPEN : GF_MODE_NONE;
}

/* ---- allocation ------------------------------------------------------- */

void steady_ws_free(steady_ws *w)
{
    arena_free(&w->own);
    sparse_free(&w->sys);
    memset(w, 0, sizeof *w);
}

static const char *node_name(const steady_ws *w, int node)
{
    return w->net->nodes[node].id;
}

/* The id of some node in the component (root) c of comp, for messages. */
static const char *component_member(const steady_ws *w, int *comp, int c)
{
    for (size_t n = 0; n < w->n_nodes; n++)
        if (uf_find(comp, w->super_of[n]) == c)
            return node_name(w, (int)n);
    return "?";
}

/* ---- references ------------------------------------------------------- */

/* Makes node the pressure reference of its supernode at pressure p. */
static gf_status set_reference(steady_ws *w, int node, double p, int user, error_info *err)
{
    int s = w->super_of[node];
    if (w->ref_node[s] >= 0) {
        int other = w->ref_node[s];
        if (other == node && fabs(w->fixed_p[s] - p) <= 1e-9 * p)
            return GF_OK;
        return error_set(err, GF_ERR_INPUT,
                         "%s: node '%s': pressure reference conflicts with node '%s' (%s), "
                         "which is joined to it by lossless arcs or is the same node",
                         w->net->path ? w->net->path : "network", node_name(w, node), node_name(w, other),
                         other == node ? "given twice with different pressures" : "also fixed");
    }
    if (!(p > 0.0) || !isfinite(p))
        return error_set(err, GF_ERR_INPUT, "node '%s': reference pressure must be > 0", node_name(w, node));
    w->ref_node[s] = node;
    w->fixed_p[s] = p;
    w->ref_user[s] = (unsigned char)user;
    return GF_OK;
}

/* In every pressure component without an anchor, the entry with the
 * largest nominated inflow (else the node with the highest pressureMax) is
 * held at its pressureMax, or at the nomination's upper pressure bound
 * where that is lower. */
static gf_status default_references(steady_ws *w, const scenario *scn, int *comp, const int *roots, int n_roots,
                                    error_info *err)
{
    const network *net = w->net;
    int ns = w->n_super;
    unsigned char *anchored = arena_calloc(w->arena, (size_t)ns, 1);
    int *best = arena_alloc(w->arena, (size_t)ns * sizeof *best);
    if (!anchored || !best)
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    for (int s = 0; s < ns; s++) {
        best[s] = -1;
        if (w->ref_node[s] >= 0)
            anchored[uf_find(comp, s)] = 1;
    }
    for (int b = 0; b < w->n_border; b++) {
        if (w->border[b].kind == BORDER_OUTLET)
            anchored[uf_find(comp, w->border[b].j)] = 1;
        else if (w->border[b].kind == BORDER_INLET)
            anchored[uf_find(comp, w->border[b].i)] = 1;
    }
    /* the sources first (in node order, as the scan of all nodes would
     * meet them); only a part without a source at a pressureMax needs
     * the scan of all its nodes */
    const double *bounds = net->view.node_bounds; /* p_max at 4 n + 1 */
    const unsigned char *kind = net->view.node_kind;
    for (size_t k = 0; k < net->n_sources; k++) {
        int n = net->sources[k], c = uf_find(comp, w->super_of[n]);
        if (anchored[c] || !isfinite(bounds[4 * (size_t)n + 1]))
            continue;
        if (best[c] < 0 || -w->node_demand[n] > -w->node_demand[best[c]])
            best[c] = n;
    }
    int unresolved = 0;
    for (int r = 0; r < n_roots && !unresolved; r++)
        unresolved = !anchored[roots[r]] && best[roots[r]] < 0;
    for (size_t n = 0; unresolved && n < w->n_nodes; n++) {
        int c = uf_find(comp, w->super_of[n]);
        if (anchored[c] || (best[c] >= 0 && kind[best[c]] == NODE_SOURCE) || kind[n] == NODE_SOURCE ||
            !isfinite(bounds[4 * n + 1]))
            continue;
        if (best[c] < 0 || bounds[4 * n + 1] > bounds[4 * (size_t)best[c] + 1])
            best[c] = (int)n;
    }
    gf_status st = GF_OK;
    for (int r = 0; r < n_roots && st == GF_OK; r++) {
        int s = roots[r];
        if (anchored[s])
            continue;
        if (best[s] < 0) {
            st = error_set(err, GF_ERR_INPUT,
                           "%s: the part of the network containing node '%s' has no pressure reference "
                           "(no fixed pressure, no set point, no node with pressureMax)",
                           net->path ? net->path : "network", component_member(w, comp, s));
            break;
        }
        double p = net->nodes[best[s]].p_max;
        if (scn && isfinite(scn->p_hi[best[s]]) && scn->p_hi[best[s]] < p)
            p = scn->p_hi[best[s]]; /* the nomination's bound, when tighter */
        st = set_reference(w, best[s], p, 0, err);
    }
    return st;
}

/* Checks that the nomination balances in every part of the network joined
 * by flow-carrying arcs (comp holds the pressure components on entry and is
 * merged into these parts); a part with a reference absorbs the
 * difference. */
static gf_status check_balance(steady_ws *w, int *comp, const int *roots, int n_roots, error_info *err)
{
    int ns = w->n_super;
    double *sum = arena_calloc(w->arena, (size_t)ns, sizeof *sum);
    double *through = arena_calloc(w->arena, (size_t)ns, sizeof *through);
    unsigned char *has_ref = arena_calloc(w->arena, (size_t)ns, 1), *user_ref = arena_calloc(w->arena, (size_t)ns, 1);
    gf_status st = GF_OK;
    if (!sum || !through || !has_ref || !user_ref) {
        st = error_set(err, GF_ERR_NOMEM, "out of memory");
        goto done;
    }
    /* the pressure components, joined further by arcs at a set point */
    for (int b = 0; b < w->n_border; b++)
        if (w->border[b].kind == BORDER_OUTLET || w->border[b].kind == BORDER_INLET)
            uf_union(comp, w->border[b].i, w->border[b].j);
    for (int s = 0; s < ns; s++) {
        int c = uf_find(comp, s);
        sum[c] += w->demand[s];
        through[c] += fabs(w->demand[s]);
        if (w->ref_node[s] >= 0) {
            has_ref[c] = 1;
            user_ref[c] |= w->ref_user[s];
        }
    }
    for (int b = 0; b < w->n_border; b++) {
        const border_arc *ba = &w->border[b];
        if (ba->kind == BORDER_FLOW) {
            sum[uf_find(comp, ba->i)] += ba->value;
            sum[uf_find(comp, ba->j)] -= ba->value;
        }
    }
    for (int r = 0; r < n_roots; r++) {
        int s = roots[r];
        if (uf_find(comp, s) != s)
            continue; /* merged into a part by an arc at a set point */
        /* through counts entries and exits: half of it is the throughput */
        double tol = BALANCE_REL_TOL * 0.5 * through[s] + 1e-9;
        if (user_ref[s] || fabs(sum[s]) <= 1e-9 * (1.0 + through[s]))
            continue;
        if (fabs(sum[s]) > tol) {
            st = error_set(err, GF_ERR_INPUT,
                           "%s: the nomination cannot balance in the part of the network containing node "
                           "'%s': exits minus entries = %.6g kg/s of %.6g kg/s throughput (more than 0.1 %%)",
                           w->net->path ? w->net->path : "network", component_member(w, comp, s), sum[s],
                           0.5 * through[s]);
            break;
        }
        if (has_ref[s])
            continue; /* its reference absorbs the rounding */
        /* no reference in this part (its pressures are all held by set
         * points): its largest entry absorbs the rounding difference */
        int entry = -1;
        for (size_t n = 0; n < w->n_nodes; n++)
            if (uf_find(comp, w->super_of[n]) == s && w->node_demand[n] < 0.0 &&
                (entry < 0 || w->node_demand[n] < w->node_demand[entry]))
                entry = (int)n;
        if (entry < 0) {
            st = error_set(err, GF_ERR_INPUT,
                           "%s: the nomination cannot balance in the part of the network containing node '%s' "
                           "(%.6g kg/s) and nothing there can absorb the difference",
                           w->net->path ? w->net->path : "network", component_member(w, comp, s), sum[s]);
            break;
        }
        w->node_demand[entry] -= sum[s];
        w->demand[w->super_of[entry]] -= sum[s];
        w->rebalanced += sum[s];
    }
done:
    return st;
}

/* ---- arcs ------------------------------------------------------------- */

/* lambda_t and Re_t (law_arc) of the pipes with relative roughness k / D,
 * kept in a small direct-mapped table: a network's pipes come in a few
 * diameters and roughnesses, and each new k / D costs a logarithm and the
 * search of friction_turbulent_start (GasLib-4197 has 3,537 pipes, and its
 * --decisions run sets them up 17 times). */
#define FRICTION_MEMO_BITS 6
typedef struct {
    double rel_k, lambda_t, re_t;
} friction_memo;

static const friction_memo *pipe_friction(const steady_params *par, friction_memo *memo, double rel_k)
{
    uint64_t bits;
    memcpy(&bits, &rel_k, sizeof bits);
    friction_memo *m = &memo[(bits * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - FRICTION_MEMO_BITS)];
    if (m->rel_k == rel_k)
        return m;
    m->rel_k = rel_k;
    m->lambda_t = 0.0;
    if (par->friction.law == GF_FRICTION_CONSTANT || (par->friction.law == GF_FRICTION_NIKURADSE && rel_k > 0.0)) {
        m->lambda_t = friction_law(&par->friction, FRICTION_RE_TURBULENT, rel_k, NULL);
        m->re_t = friction_turbulent_start_const(m->lambda_t);
    } else {
        m->re_t = friction_turbulent_start(&par->friction, rel_k);
    }
    return m;
}

/* The law's constants of every law arc, in the order the peeling left
 * (w->law_net). One division per pipe: with the diameter's reciprocal the
 * rest are products, as c = (A eta / D)^2 R T L / (D A^2) = eta^2 R T L / D^3
 * and D / (A eta) = 4 / (pi D eta). */
static gf_status law_constants(steady_ws *w, error_info *err)
{
    const network *net = w->net;
    const steady_params *par = w->par;
    const network_view *v = &net->view;
    friction_memo memo[1 << FRICTION_MEMO_BITS];
    for (int k = 0; k < 1 << FRICTION_MEMO_BITS; k++)
        memo[k].rel_k = NAN;
    double rt = par->r_s * par->temperature;
    double c_pipe = par->viscosity * par->viscosity * rt, incline = 2.0 * GAS_G / rt;
    double re_pipe = 4.0 / (GAS_PI * par->viscosity);
    for (int k = 0; k < w->n_law; k++) {
        size_t a = (size_t)w->law_net[k];
        law_arc *l = &w->law[k];
        /* the records are written field by field: the slots and the law's
         * values are set for the core arcs alone, later */
        l->i = w->super_of[v->from[a]];
        l->j = w->super_of[v->to[a]];
        l->s0 = l->rel_k = l->lambda_t = l->q_lam = 0.0;
        const double *geo = &v->geometry[3 * a]; /* length, diameter, roughness */
        double d = geo[1], inv_d = 1.0 / d;
        l->re_per_q = re_pipe * inv_d;
        const net_arc *arc = &net->arcs[a];
        if ((arc_kind)v->kind[a] == ARC_PIPE) {
            l->kind = LAW_PIPE;
            l->c = c_pipe * geo[0] * inv_d * inv_d * inv_d;
            l->s0 = incline * (v->height[v->to[a]] - v->height[v->from[a]]);
            l->rel_k = geo[2] * inv_d;
            const friction_memo *f = pipe_friction(par, memo, l->rel_k);
            if (!(f->re_t >= FRICTION_RE_TURBULENT)) {
                static const char *const law_name[] = {"Nikuradse", "Colebrook", "Hofer", "Swamee-Jain", "constant"};
                unsigned law = (unsigned)par->friction.law;
                return error_set(err, GF_ERR_INPUT,
                                 "pipe '%s': the %s friction law gives no usable friction factor for "
                                 "roughness %g mm at diameter %g mm (k/D %.3g)",
                                 arc->id, law < 5 ? law_name[law] : "chosen", 1e3 * geo[2], 1e3 * d, l->rel_k);
            }
            l->re_t = f->re_t;
            l->lambda_t = f->lambda_t;
        } else if (isfinite(arc->drag)) {
            double area = 0.25 * GAS_PI * d * d;
            l->kind = LAW_RESISTOR;
            l->c = arc->drag * rt / (2.0 * area * area);
            l->q_lam = FRICTION_RE_LAMINAR / l->re_per_q;
        } else {
            l->kind = LAW_FIXED_LOSS;
            l->c = arc->pressure_loss;
        }
    }
    return GF_OK;
}

static gf_status add_arcs(steady_ws *w, error_info *err)
{
    const network *net = w->net;
    const network_view *v = &net->view;
    for (size_t a = 0; a < w->n_arcs; a++) {
        gf_mode mode = w->mode[a];
        if (mode == GF_MODE_CLOSED || arc_is_lossless(net, a, mode))
            continue;
        const net_arc *arc = &net->arcs[a];
        arc_kind kind = (arc_kind)v->kind[a];
        int i = w->super_of[v->from[a]], j = w->super_of[v->to[a]];
        if (kind == ARC_PIPE || kind == ARC_RESISTOR) {
            /* the pressure components and the degrees for the peeling are
             * counted here, while the ends are at hand; the law's constants
             * follow the peeling (law_constants) */
            int k = w->n_law++;
            uf_union(w->comp, i, j);
            if (i == j) {
                w->peel_deg[i] += 2; /* a loop on itself keeps its node in the core */
            } else {
                w->peel_deg[i]++;
                w->peel_deg[j]++;
                w->peel_axor[i] ^= k;
                w->peel_axor[j] ^= k;
            }
            w->law_ends[2 * k] = i;
            w->law_ends[2 * k + 1] = j;
            w->law_net[k] = (int)a;
            continue;
        }
        border_arc *b = &w->border[w->n_border++];
        memset(b, 0, sizeof *b);
        b->arc = (int)a;
        b->i = i;
        b->j = j;
        b->value = w->set_point[a];
        b->loss_in = isfinite(arc->loss_in) ? arc->loss_in : 0.0;
        b->loss_out = isfinite(arc->loss_out) ? arc->loss_out : 0.0;
        if (mode == GF_MODE_OUTLET) {
            b->kind = BORDER_OUTLET;
            if (i == j)
                return error_set(err, GF_ERR_INPUT,
                                 "%s '%s': cannot hold an outlet pressure: its ends are joined by lossless "
                                 "arcs (short pipes, open valves, bypasses)",
                                 arc_kind_name(arc->kind), arc->id);
        } else if (mode == GF_MODE_INLET) {
            b->kind = BORDER_INLET;
            if (i == j)
                return error_set(err, GF_ERR_INPUT,
                                 "%s '%s': cannot hold an inlet pressure: its ends are joined by lossless "
                                 "arcs (short pipes, open valves, bypasses)",
                                 arc_kind_name(arc->kind), arc->id);
        } else if (mode == GF_MODE_RATIO) {
            b->kind = BORDER_RATIO;
        } else if (mode == GF_MODE_FLOW) {
            b->kind = BORDER_FLOW;
        } else {
            return error_set(err, GF_ERR_INPUT, "%s '%s': mode not supported for this element",
                             arc_kind_name(arc->kind), arc->id);
        }
    }
    /* A supernode holds at most one fixed pressure: a reference or a set
     * point. Stations and regulators that set the same node to the same
     * pressure, and stations at the same ratio between the same two nodes,
     * share their flow in proportion to their flowMax (equally when a bound
     * is missing). */
    int *lead_of = arena_alloc(w->arena, (size_t)w->n_super * sizeof *lead_of);
    if (!lead_of)
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    for (int s = 0; s < w->n_super; s++)
        lead_of[s] = -1;
    int ncol = 0;
    gf_status st = GF_OK;
    for (int b = 0; b < w->n_border && st == GF_OK; b++) {
        border_arc *ba = &w->border[b];
        const net_arc *arc = &net->arcs[ba->arc];
        ba->share = 1.0;
        ba->lead = 1;
        if (ba->kind == BORDER_INLET) {
            /* an inlet set point fixes the from-side; it shares with nobody */
            ba->col = w->n_super + ncol++;
            if (w->ref_node[ba->i] >= 0 || lead_of[ba->i] >= 0) {
                st = error_set(err, GF_ERR_INPUT,
                               "%s '%s': its inlet set point conflicts with another fixed pressure at node '%s' "
                               "(a reference or a set point, directly or through lossless arcs)",
                               arc_kind_name(arc->kind), arc->id, net->nodes[arc->from].id);
                break;
            }
            lead_of[ba->i] = b;
            continue;
        }
        if (ba->kind == BORDER_RATIO) {
            /* parallel stations at one ratio between the same two nodes
             * share its flow, as outlet set points do */
            for (int c = 0; c < b; c++) {
                const border_arc *o = &w->border[c];
                if (o->kind == BORDER_RATIO && o->lead && o->i == ba->i && o->j == ba->j &&
                    fabs(o->value - ba->value) <= 1e-12 * o->value && o->loss_in == ba->loss_in &&
                    o->loss_out == ba->loss_out) {
                    ba->lead = 0;
                    ba->col = o->col;
                    break;
                }
            }
            if (ba->lead)
                ba->col = w->n_super + ncol++;
            continue;
        }
        if (ba->kind != BORDER_OUTLET) {
            ba->col = w->n_super + ncol++;
            continue;
        }
        if (lead_of[ba->j] >= 0 && w->border[lead_of[ba->j]].kind == BORDER_INLET) {
            st = error_set(err, GF_ERR_INPUT,
                           "%s '%s': its outlet set point conflicts with the inlet set point of '%s' at node '%s'",
                           arc_kind_name(arc->kind), arc->id, net->arcs[w->border[lead_of[ba->j]].arc].id,
                           net->nodes[arc->to].id);
            break;
        }
        if (w->ref_node[ba->j] >= 0) {
            st = error_set(err, GF_ERR_INPUT,
                           "%s '%s': its outlet set point conflicts with the pressure reference at node '%s'",
                           arc_kind_name(arc->kind), arc->id, node_name(w, w->ref_node[ba->j]));
            break;
        }
        int c = lead_of[ba->j];
        if (c < 0) {
            lead_of[ba->j] = b;
            ba->col = w->n_super + ncol++;
            continue;
        }
        border_arc *lead = &w->border[c];
        if (fabs(lead->value - ba->value) > 1e-9 * lead->value) {
            st = error_set(err, GF_ERR_INPUT,
                           "%s '%s' and %s '%s' set node '%s' (directly or through lossless arcs) to different "
                           "pressures",
                           arc_kind_name(net->arcs[lead->arc].kind), net->arcs[lead->arc].id, arc_kind_name(arc->kind),
                           arc->id, net->nodes[arc->to].id);
            break;
        }
        ba->lead = 0;
        ba->col = lead->col;
    }
    if (st == GF_OK) {
        /* shares within each group */
        for (int b = 0; b < w->n_border; b++) {
            border_arc *ba = &w->border[b];
            if ((ba->kind != BORDER_OUTLET && ba->kind != BORDER_RATIO) || !ba->lead)
                continue;
            double total = 0.0;
            int count = 0, bounded = 1;
            for (int c = 0; c < w->n_border; c++) {
                if (w->border[c].col != ba->col)
                    continue;
                double fmax = net->arcs[w->border[c].arc].flow_max;
                bounded &= isfinite(fmax) && fmax > 0.0;
                total += fmax;
                count++;
            }
            for (int c = 0; c < w->n_border; c++) {
                if (w->border[c].col != ba->col)
                    continue;
                w->border[c].share = bounded ? net->arcs[w->border[c].arc].flow_max / total : 1.0 / count;
            }
        }
    }
    w->n_cols = ncol;
    return st;
}

/* ---- trees ------------------------------------------------------------ */

/* Peels the radial parts off the network: a supernode joined to the rest by
 * a single pipe or resistor, with no fixed pressure and no bordering arc,
 * passes its whole withdrawal (and that of everything peeled behind it)
 * through that arc, so the arc's flow is known and its pressure follows from
 * its neighbour's after the solve. Repeats until only the meshed core (and
 * the references) remain. Tree arcs go to the end of w->law, in the order
 * they were peeled. */
static gf_status peel_trees(steady_ws *w, error_info *err)
{
    int ns = w->n_super, nl = w->n_law;
    /* per supernode its arcs still in the network: how many, and the xor
     * of their indices, which is the arc itself once only one is left */
    int *deg = w->peel_deg, *axor = w->peel_axor;
    const int *ends = w->law_ends;
    int *stack = arena_alloc(w->arena, (size_t)ns * sizeof *stack);
    int *order = arena_alloc(w->arena, ((size_t)nl + 1) * sizeof *order);
    unsigned char *gone = arena_calloc(w->arena, (size_t)ns, 1), *tree = arena_calloc(w->arena, (size_t)nl + 1, 1);
    double *q = arena_alloc(w->arena, ((size_t)nl + 1) * sizeof *q); /* per tree arc, in peeling order */
    gf_status st = GF_OK;
    if (!stack || !order || !gone || !tree || !q) {
        st = error_set(err, GF_ERR_NOMEM, "out of memory");
        goto done;
    }
    for (int b = 0; b < w->n_border; b++) {
        deg[w->border[b].i] += 2;
        deg[w->border[b].j] += 2;
    }
    int top = 0, n_tree = 0;
    for (int s = 0; s < ns; s++)
        if (deg[s] == 1 && w->ref_node[s] < 0)
            stack[top++] = s;
    while (top > 0) {
        int s = stack[--top];
        if (gone[s] || deg[s] != 1)
            continue;
        int arc = axor[s];
        int li = ends[2 * arc], lj = ends[2 * arc + 1];
        int u = li == s ? lj : li;
        /* the arc carries s's withdrawal away from u */
        q[n_tree] = lj == s ? w->demand[s] : -w->demand[s];
        w->demand[u] += w->demand[s];
        tree[arc] = 1;
        gone[s] = 1;
        w->peel_node[n_tree] = s;
        order[n_tree++] = arc;
        deg[s] = 0;
        axor[u] ^= arc;
        if (--deg[u] == 1 && w->ref_node[u] < 0)
            stack[top++] = u;
    }
    /* core arcs first, in the order they were added, then the tree arcs in
     * the order they were peeled: only the network arcs' indices move, as
     * the laws' constants are taken afterwards */
    int n_core = nl - n_tree;
    int *law_net = arena_alloc(w->keep, ((size_t)nl + 1) * sizeof *law_net);
    if (!law_net) {
        st = error_set(err, GF_ERR_NOMEM, "out of memory");
        goto done;
    }
    int k = 0;
    for (int a = 0; a < nl; a++)
        if (!tree[a])
            law_net[k++] = w->law_net[a];
    for (int t = 0; t < n_tree; t++) {
        law_net[n_core + t] = w->law_net[order[t]];
        w->q_law[n_core + t] = q[t];
    }
    w->law_net = law_net;
    w->n_law_core = n_core;
    w->n_tree = n_tree;
    /* matrix rows: core supernodes, then the bordering flows */
    int m = 0;
    for (int s = 0; s < ns; s++) {
        w->row_of[s] = gone[s] ? -1 : m;
        if (!gone[s])
            w->var_of[m++] = s;
    }
    for (int c = 0; c < w->n_cols; c++) {
        w->row_of[ns + c] = m;
        w->var_of[m++] = ns + c;
    }
    w->n = m;
done:
    return st;
}

/* ---- pattern ---------------------------------------------------------- */

static int is_fixed_row(const steady_ws *w, int s)
{
    return w->ref_node[s] >= 0;
}

/* One pass over the matrix entries, in a fixed order: with a cache, each
 * entry's value index is looked up in the parked system (and a mismatch
 * ends the pass); without, the entries are collected for sparse_build and
 * numbered. */
typedef struct {
    sparse_pattern *pat;
    const sparse_cache *cache;
    size_t k;
} entry_pass;

static int entry(entry_pass *e, int row, int col)
{
    if (e->cache)
        return sparse_cached_slot(e->cache, e->k++, row, col);
    return (int)sparse_pattern_add(e->pat, row, col);
}

/* Returns 1 when every entry got its index, 0 when one did not. */
static int enter_entries(steady_ws *w, entry_pass *e)
{
    const int *r = w->row_of;
    int ok = 1;
    for (int s = 0; s < w->n_super && ok; s++)
        ok = r[s] < 0 || (w->slot_diag[s] = entry(e, r[s], r[s])) >= 0;
    for (int a = 0; a < w->n_law_core && ok; a++) {
        law_arc *l = &w->law[a];
        int fi = is_fixed_row(w, l->i), fj = is_fixed_row(w, l->j);
        int ri = r[l->i], rj = r[l->j];
        l->slot[0] = fi ? -1 : entry(e, ri, ri);
        l->slot[1] = fi ? -1 : entry(e, ri, rj);
        l->slot[2] = fj ? -1 : entry(e, rj, ri);
        l->slot[3] = fj ? -1 : entry(e, rj, rj);
        ok = (fi || (l->slot[0] >= 0 && l->slot[1] >= 0)) && (fj || (l->slot[2] >= 0 && l->slot[3] >= 0));
    }
    for (int b = 0; b < w->n_border && ok; b++) {
        border_arc *ba = &w->border[b];
        int col = r[ba->col];
        ba->slot_ic = is_fixed_row(w, ba->i) ? -1 : entry(e, r[ba->i], col);
        ba->slot_jc = is_fixed_row(w, ba->j) ? -1 : entry(e, r[ba->j], col);
        ok = (ba->slot_ic >= 0 || is_fixed_row(w, ba->i)) && (ba->slot_jc >= 0 || is_fixed_row(w, ba->j));
        ba->slot_rq = ba->slot_ri = ba->slot_rj = -1;
        if (ba->lead && ok) {
            ba->slot_rq = entry(e, col, col);
            ba->slot_ri = entry(e, col, r[ba->i]);
            ba->slot_rj = entry(e, col, r[ba->j]);
            ok = ba->slot_rq >= 0 && ba->slot_ri >= 0 && ba->slot_rj >= 0;
        }
    }
    return ok;
}

static gf_status build_pattern(steady_ws *w, error_info *err)
{
    /* the last solve's system, when this one's entries are its */
    int static_order = w->n_cols == 0;
    if (static_order && w->cache) {
        entry_pass e = {NULL, w->cache, 0};
        if (enter_entries(w, &e) && sparse_take_cache(&w->sys, w->cache, w->n, e.k) == 0) {
            mf_set_threads(w->sys.mf, w->par->threads);
            return GF_OK;
        }
    }
    sparse_pattern pat;
    sparse_pattern_init(&pat);
    entry_pass e = {&pat, NULL, 0};
    /* pair numbers first, translated to value indices after the build */
    int ok =
        sparse_pattern_reserve(&pat, (size_t)w->n_super + 4 * (size_t)w->n_law_core + 5 * (size_t)w->n_border) == 0 &&
        enter_entries(w, &e);
    if (!ok) {
        sparse_pattern_free(&pat);
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    }
    int *slot = arena_alloc(w->arena, (pat.count ? pat.count : 1) * sizeof *slot);
    int rc = slot ? sparse_build(&w->sys, w->n, &pat, slot, static_order, w->cache) : -1;
    sparse_pattern_free(&pat);
    if (rc != 0) {
        return error_set(err, rc == -1 ? GF_ERR_NOMEM : GF_ERR_SINGULAR,
                         rc == -1 ? "out of memory" : "symbolic analysis of the network matrix failed");
    }
    if (w->sys.mf)
        mf_set_threads(w->sys.mf, w->par->threads);
#define MAP(v) ((v) = (v) >= 0 ? slot[(v)] : -1)
    for (int s = 0; s < w->n_super; s++)
        if (w->row_of[s] >= 0)
            MAP(w->slot_diag[s]);
    for (int a = 0; a < w->n_law_core; a++)
        for (int k = 0; k < 4; k++)
            MAP(w->law[a].slot[k]);
    for (int b = 0; b < w->n_border; b++) {
        border_arc *ba = &w->border[b];
        MAP(ba->slot_ic);
        MAP(ba->slot_jc);
        MAP(ba->slot_rq);
        MAP(ba->slot_ri);
        MAP(ba->slot_rj);
    }
#undef MAP
    return GF_OK;
}

/* ---- lossless arcs --------------------------------------------------- */

/* The spanning forest of the lossless arcs (steady_ws.forest_order), by a
 * breadth-first search from each node not yet reached, in node order. */
static int lossless_forest(steady_ws *w)
{
    const int *from = w->arc_from, *to = w->arc_to;
    size_t nn = w->n_nodes;
    int *start = arena_calloc(w->arena, nn + 1, sizeof *start);
    int *adj = arena_alloc(w->arena, (size_t)w->n_lossless * 2 * sizeof *adj);
    int *order = w->forest_order = arena_alloc(w->keep, nn * sizeof *order);
    int *parent_arc = w->forest_parent = arena_alloc(w->keep, nn * sizeof *parent_arc);
    unsigned char *seen = arena_calloc(w->arena, nn, 1);
    if (!start || !adj || !order || !parent_arc || !seen)
        return -1;
    for (int k = 0; k < w->n_lossless; k++) {
        start[from[w->lossless[k]] + 1]++;
        start[to[w->lossless[k]] + 1]++;
    }
    for (size_t n = 0; n < nn; n++)
        start[n + 1] += start[n];
    int *fill = parent_arc; /* borrowed as a cursor before the search */
    for (size_t n = 0; n < nn; n++)
        fill[n] = start[n];
    for (int k = 0; k < w->n_lossless; k++) {
        int a = w->lossless[k];
        adj[fill[from[a]]++] = a;
        adj[fill[to[a]]++] = a;
    }
    int head = 0, tail = 0;
    for (size_t r = 0; r < nn; r++) {
        if (seen[r])
            continue;
        seen[r] = 1;
        parent_arc[r] = -1;
        order[tail++] = (int)r;
        while (head < tail) {
            int v = order[head++];
            for (int k = start[v]; k < start[v + 1]; k++) {
                int a = adj[k];
                int u = from[a] == v ? to[a] : from[a];
                if (!seen[u]) {
                    seen[u] = 1;
                    parent_arc[u] = a;
                    order[tail++] = u;
                }
            }
        }
    }
    return 0;
}

/* ---- set-up ----------------------------------------------------------- */

/* The set-up's first part, the same with and without a memo: the
 * workspace, the node withdrawals of the nomination. */
static gf_status begin(steady_ws *w, arena *scratch, sparse_cache *cache, steady_memo *memo, const network *net,
                       const scenario *scn, const steady_params *par, error_info *err)
{
    memset(w, 0, sizeof *w);
    w->cache = cache;
    arena_init(&w->own);
    w->arena = scratch ? scratch : &w->own;
    arena_reset(w->arena);
    w->keep = memo ? &memo->store : w->arena;
    w->net = net;
    w->par = par;
    if (!net->view.sealed)
        return error_set(err, GF_ERR_ARG, "steady_setup: the network is not sealed (network_seal)");
    w->arc_from = net->view.from;
    w->arc_to = net->view.to;
    size_t nn = net->n_nodes;
    w->n_nodes = nn;
    w->n_arcs = net->n_arcs;
    w->node_demand = arena_calloc(w->arena, nn ? nn : 1, sizeof *w->node_demand);
    size_t hist = (size_t)par->max_iterations + 2;
    w->hist_mass = arena_alloc(w->arena, hist * sizeof *w->hist_mass);
    w->hist_law = arena_alloc(w->arena, hist * sizeof *w->hist_law);
    if (!w->node_demand || !w->hist_mass || !w->hist_law)
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    if (nn == 0)
        return error_set(err, GF_ERR_INPUT, "%s: the network has no nodes", net->path ? net->path : "network");
    if (scn)
        for (size_t n = 0; n < nn; n++)
            w->node_demand[n] = 0.5 * (scn->flow_lo[n] + scn->flow_hi[n]) * par->rho_n;
    return GF_OK;
}

/* The supernodes' withdrawals and the references given by the nomination
 * and the controls (w->ref_node in ref_node's place). */
static gf_status given_references(steady_ws *w, const scenario *scn, const controls *ctl, int *ref_node,
                                  error_info *err)
{
    int ns = w->n_super;
    w->fixed_p = arena_alloc(w->arena, (size_t)ns * sizeof *w->fixed_p);
    w->ref_node = ref_node;
    w->ref_user = arena_calloc(w->arena, (size_t)ns, 1);
    w->demand = arena_calloc(w->arena, (size_t)ns, sizeof *w->demand);
    if (!w->fixed_p || !ref_node || !w->ref_user || !w->demand)
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    for (int s = 0; s < ns; s++) {
        w->fixed_p[s] = NAN;
        w->ref_node[s] = -1;
    }
    gf_status st;
    for (size_t n = 0; n < w->n_nodes; n++) {
        w->demand[w->super_of[n]] += w->node_demand[n];
        if (scn && scn->p_fixed[n] && (st = set_reference(w, (int)n, scn->p_lo[n], 1, err)) != GF_OK)
            return st;
    }
    if (ctl)
        for (size_t k = 0; k < ctl->n_slacks; k++)
            if ((st = set_reference(w, ctl->slacks[k].node, ctl->slacks[k].p, 1, err)) != GF_OK)
                return st;
    return GF_OK;
}

/* The withdrawals beyond the nomination, and the arrays of the Newton
 * iteration that are not kept. */
static gf_status newton_arrays(steady_ws *w, const double *extra, error_info *err)
{
    if (extra)
        for (size_t n = 0; n < w->n_nodes; n++) {
            w->node_demand[n] += extra[n];
            w->demand[w->super_of[n]] += extra[n];
        }
    size_t ns = (size_t)w->n_super, nx = ns + (size_t)w->n_cols;
    w->x = arena_alloc(w->arena, nx * sizeof *w->x);
    w->dx = arena_alloc(w->arena, nx * sizeof *w->dx);
    w->g = arena_alloc(w->arena, ns * sizeof *w->g);
    w->p_root = arena_alloc(w->arena, ns * sizeof *w->p_root);
    w->p_tree = arena_alloc(w->arena, ns * sizeof *w->p_tree);
    w->q_law = arena_calloc(w->arena, (size_t)w->n_law + 1, sizeof *w->q_law);
    if (!w->x || !w->dx || !w->g || !w->p_root || !w->p_tree || !w->q_law)
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    return GF_OK;
}

/* Scales, and the cold start: every pressure at the highest fixed one. */
static void cold_start(steady_ws *w)
{
    double p0 = 0.0, q0 = 0.0;
    int ns = w->n_super;
    for (int s = 0; s < ns; s++) {
        if (isfinite(w->fixed_p[s]) && w->fixed_p[s] > p0)
            p0 = w->fixed_p[s];
        if (w->demand[s] > 0)
            q0 += w->demand[s];
    }
    for (int b = 0; b < w->n_border; b++)
        if ((w->border[b].kind == BORDER_OUTLET || w->border[b].kind == BORDER_INLET) && w->border[b].value > p0)
            p0 = w->border[b].value;
    w->p_scale = p0 > 0 ? p0 : 1e6;
    w->q_scale = q0 > 1.0 ? q0 : 1.0;
    for (int s = 0; s < ns; s++)
        w->x[s] = isfinite(w->fixed_p[s]) ? w->fixed_p[s] * w->fixed_p[s] : w->p_scale * w->p_scale;
    for (int b = 0; b < w->n_border; b++)
        w->x[w->border[b].col] = w->border[b].kind == BORDER_FLOW ? w->border[b].value : 0.0;
}

static int same_value(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

/* The set-up from memo: 1 when taken (*st tells how it ended), 0 when the
 * solve does not agree with it (w is then to be set up afresh). What the
 * nomination decides is done as in the full set-up: the references, the
 * balance, the trees' flows (in the order they were peeled, each leaf's
 * withdrawal passed on to its neighbour) and the cold start. */
static int from_memo(steady_ws *w, steady_memo *m, const scenario *scn, const controls *ctl, const double *extra,
                     gf_status *st, error_info *err)
{
    const network *net = w->net;
    const steady_params *par = w->par;
    if (!w->cache || w->cache->built != m->built || m->net != net || m->seals != net->view.seals ||
        m->r_s != par->r_s || m->temperature != par->temperature || m->viscosity != par->viscosity ||
        m->friction.law != par->friction.law || !same_value(m->friction.lambda_const, par->friction.lambda_const))
        return 0;
    for (size_t a = 0; a < w->n_arcs; a++) {
        gf_mode mode;
        double value;
        arc_mode(net, ctl, a, &mode, &value);
        if (mode != m->mode[a] || !same_value(value, m->set_point[a]))
            return 0;
    }
    w->mode = m->mode;
    w->set_point = m->set_point;
    w->super_of = m->super_of;
    w->n_super = m->n_super;
    w->lossless = m->lossless;
    w->n_lossless = m->n_lossless;
    w->forest_order = m->forest_order;
    w->forest_parent = m->forest_parent;
    int ns = m->n_super;
    /* the references, decided anew; the pressure components as the memo
     * has them (no arc at a set point joins them further) */
    w->comp = arena_alloc(w->arena, (size_t)ns * sizeof *w->comp);
    if (!w->comp) {
        *st = error_set(err, GF_ERR_NOMEM, "out of memory");
        return 1;
    }
    memcpy(w->comp, m->comp, (size_t)ns * sizeof *w->comp);
    if ((*st = given_references(w, scn, ctl, arena_alloc(w->arena, (size_t)ns * sizeof *w->ref_node), err)) != GF_OK ||
        (*st = default_references(w, scn, w->comp, m->roots, m->n_roots, err)) != GF_OK ||
        (*st = check_balance(w, w->comp, m->roots, m->n_roots, err)) != GF_OK)
        return 1;
    if (memcmp(w->ref_node, m->ref_node, (size_t)ns * sizeof *w->ref_node) != 0 ||
        sparse_take_cache(&w->sys, w->cache, m->n, m->n_entries) != 0)
        return 0;
    mf_set_threads(w->sys.mf, par->threads);
    w->law = m->law;
    w->law_net = m->law_net;
    w->n_law = m->n_law;
    w->n_law_core = m->n_law_core;
    w->n_tree = m->n_tree;
    w->peel_node = m->peel_node;
    w->row_of = m->row_of;
    w->var_of = m->var_of;
    w->n = m->n;
    w->slot_diag = m->slot_diag;
    if ((*st = newton_arrays(w, extra, err)) != GF_OK)
        return 1;
    for (int t = 0; t < w->n_tree; t++) {
        int s = w->peel_node[t], k = w->n_law_core + t;
        const law_arc *l = &w->law[k];
        w->q_law[k] = l->j == s ? w->demand[s] : -w->demand[s];
        w->demand[l->j == s ? l->i : l->j] += w->demand[s];
    }
    cold_start(w);
    m->taken++;
    return 1;
}

/* Keeps the set-up just made in memo, when its system is one the sparse
 * cache keeps. */
static void keep(steady_ws *w, steady_memo *m, int *roots, int n_roots)
{
    if (w->n_cols > 0 || !w->sys.mf || !w->cache)
        return;
    const steady_params *par = w->par;
    m->built = w->cache->built;
    m->net = w->net;
    m->seals = w->net->view.seals;
    m->r_s = par->r_s;
    m->temperature = par->temperature;
    m->viscosity = par->viscosity;
    m->friction = par->friction;
    m->mode = w->mode;
    m->set_point = w->set_point;
    m->ref_node = w->ref_node;
    m->n_super = w->n_super;
    m->n_lossless = w->n_lossless;
    m->n_law = w->n_law;
    m->n_law_core = w->n_law_core;
    m->n_tree = w->n_tree;
    m->n = w->n;
    m->n_roots = n_roots;
    m->n_entries = w->sys.count;
    m->super_of = w->super_of;
    m->lossless = w->lossless;
    m->forest_order = w->forest_order;
    m->forest_parent = w->forest_parent;
    m->comp = w->comp;
    m->roots = roots;
    m->law_net = w->law_net;
    m->peel_node = w->peel_node;
    m->row_of = w->row_of;
    m->var_of = w->var_of;
    m->slot_diag = w->slot_diag;
    m->law = w->law;
    m->valid = 1;
}

gf_status steady_setup(steady_ws *w, arena *scratch, sparse_cache *cache, steady_memo *memo, const network *net,
                       const scenario *scn, const controls *ctl, const double *extra, const steady_params *par,
                       error_info *err)
{
    gf_status st = begin(w, scratch, cache, memo, net, scn, par, err);
    if (st != GF_OK)
        return st;
    if (memo && memo->valid) {
        if (from_memo(w, memo, scn, ctl, extra, &st, err))
            return st;
        arena_free(&w->own); /* begun afresh */
        if ((st = begin(w, scratch, cache, memo, net, scn, par, err)) != GF_OK)
            return st;
    }
    if (memo) { /* this set-up replaces what the memo held */
        memo->valid = 0;
        arena_reset(&memo->store);
    }
    size_t nn = net->n_nodes, na = net->n_arcs;
    size_t n1 = nn, a1 = na ? na : 1;
    w->super_of = arena_alloc(w->keep, n1 * sizeof *w->super_of);
    w->mode = arena_alloc(w->keep, a1 * sizeof *w->mode);
    w->set_point = arena_alloc(w->keep, a1 * sizeof *w->set_point);
    w->law = arena_alloc(w->keep, a1 * sizeof *w->law);
    w->border = arena_alloc(w->arena, a1 * sizeof *w->border);
    w->lossless = arena_alloc(w->keep, a1 * sizeof *w->lossless);
    if (!w->super_of || !w->mode || !w->set_point || !w->law || !w->border || !w->lossless)
        goto nomem;

    /* modes, and supernodes from lossless arcs */
    int *parent = w->super_of;
    for (size_t n = 0; n < nn; n++)
        parent[n] = (int)n;
    for (size_t a = 0; a < na; a++) {
        arc_mode(net, ctl, a, &w->mode[a], &w->set_point[a]);
        if (arc_is_lossless(net, a, w->mode[a])) {
            w->lossless[w->n_lossless++] = (int)a;
            uf_union(parent, w->arc_from[a], w->arc_to[a]);
        }
    }
    int ns = (int)nn; /* without lossless arcs every node is its own supernode */
    if (w->n_lossless > 0) {
        int *index = arena_alloc(w->arena, n1 * sizeof *index);
        if (!index)
            goto nomem;
        ns = 0;
        for (size_t n = 0; n < nn; n++)
            index[n] = uf_find(parent, (int)n) == (int)n ? ns++ : -1;
        for (size_t n = 0; n < nn; n++)
            parent[n] = uf_find(parent, (int)n); /* roots only, so no later find walks a rewritten entry */
        for (size_t n = 0; n < nn; n++)
            w->super_of[n] = index[parent[n]];
        if (lossless_forest(w) != 0)
            goto nomem;
    }
    w->n_super = ns;

    if ((st = given_references(w, scn, ctl, arena_alloc(w->keep, (size_t)ns * sizeof *w->ref_node), err)) != GF_OK)
        return st;
    /* pressure components: parts joined by arcs that couple pressures
     * (add_arcs joins the ends of pipes and resistors) */
    int *comp = w->comp = arena_alloc(w->keep, (size_t)ns * sizeof *comp);
    w->peel_deg = arena_calloc(w->arena, (size_t)ns, sizeof *w->peel_deg);
    w->peel_axor = arena_calloc(w->arena, (size_t)ns, sizeof *w->peel_axor);
    w->law_ends = arena_alloc(w->arena, 2 * a1 * sizeof *w->law_ends);
    w->law_net = arena_alloc(w->arena, a1 * sizeof *w->law_net);
    w->slot_diag = arena_alloc(w->keep, (size_t)ns * sizeof *w->slot_diag);
    int *roots = arena_alloc(w->keep, (size_t)ns * sizeof *roots);
    if (!comp || !w->peel_deg || !w->peel_axor || !w->law_ends || !w->law_net || !w->slot_diag || !roots)
        goto nomem;
    for (int s = 0; s < ns; s++)
        comp[s] = s;
    if ((st = add_arcs(w, err)) != GF_OK)
        return st;
    for (int b = 0; b < w->n_border; b++)
        if (w->border[b].kind == BORDER_RATIO)
            uf_union(comp, w->border[b].i, w->border[b].j);
    int n_roots = uf_flatten(comp, ns, roots);
    if ((st = default_references(w, scn, comp, roots, n_roots, err)) != GF_OK ||
        (st = check_balance(w, comp, roots, n_roots, err)) != GF_OK || (st = newton_arrays(w, extra, err)) != GF_OK)
        return st;
    size_t nx = (size_t)ns + (size_t)w->n_cols;
    w->row_of = arena_alloc(w->keep, nx * sizeof *w->row_of);
    w->var_of = arena_alloc(w->keep, nx * sizeof *w->var_of);
    w->peel_node = arena_alloc(w->keep, ((size_t)w->n_law + 1) * sizeof *w->peel_node);
    if (!w->row_of || !w->var_of || !w->peel_node)
        goto nomem;
    if ((st = peel_trees(w, err)) != GF_OK || (st = law_constants(w, err)) != GF_OK ||
        (st = build_pattern(w, err)) != GF_OK)
        return st;
    cold_start(w);
    if (memo)
        keep(w, memo, roots, n_roots);
    return GF_OK;
nomem:
    return error_set(err, GF_ERR_NOMEM, "out of memory");
}
