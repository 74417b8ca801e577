/* Operating the compressor stations and regulators: the ratio or set
 * point of each one that carries gas, and the pressure of each free
 * reference, chosen so that the solution passes as few bounds by as little
 * as possible (see gf_operate_stations in gasflow.h).
 *
 * The unknowns: a ratio (at least 1) per pair of station inlet and outlet
 * (nodes joined by short pipes, open valves and bypassed elements count as
 * one, so parallel stations share it), an outlet set point per regulated
 * outlet, and the pressure of every reference that neither the scenario
 * nor the controls fix. The residual is a vector in bar (residual()).
 * Levenberg-Marquardt (search()) handles the smooth part of it; where
 * regulators open and check valves close the residual jumps and it
 * stalls, so a pattern search (pattern()) follows. Every setting solved is
 * compared with the best so far, by residual plus 100 bar^2 per violation,
 * and the best is kept. Starting from the passive network (ratio 1, regulators at their
 * passive outlet pressure or their outlet's upper bound), nothing
 * compresses more than the bounds ask. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "project.h"
#include "solver/station_maps.h"

#define OPERATE_ITERATIONS 40        /* Levenberg-Marquardt iterations of a search */
#define OPERATE_BYPASS_ITERATIONS 4  /* ... after an element goes back to bypass */
#define OPERATE_STEP_BAR 0.02        /* difference step of a pressure unknown */
#define OPERATE_STEP_RATIO 2.5e-4    /* ... and of a ratio */
#define OPERATE_FLOW_BAR 0.1         /* residual weight of a flow bound, bar per kg/s */
#define OPERATE_HARD 10.0            /* ... and of what no element can do */
#define OPERATE_MAX_RATIO 2.5        /* highest ratio of a station, and of its windows */
#define OPERATE_ROUNDS 3             /* rounds of searches and of idle elements sent to bypass */
#define OPERATE_SWEEPS 8             /* sweeps of a pattern search */
#define OPERATE_MARGIN_BAR 0.05      /* node pressures aimed at this far inside their bounds */
#define OPERATE_VIOLATION_BAR2 100.0 /* what a violation counts in comparing settings, bar^2 */
#define OPERATE_MAX_SOLVES 10000     /* the search's budget of steady solves */
#define OPERATE_MAX_JACOBIAN 5e7     /* entries of the dense difference Jacobian at most */

typedef struct {
    gf_project *p;
    const gf_options *opt;
    size_t nv, m; /* unknowns, residual entries */
    double *lo;   /* per unknown: bounds (bar, or a ratio) */
    double *hi;
    double *step;   /* ... difference step */
    int *is_ratio;  /* ... 1: a station's ratio, 0: a pressure */
    int *bypassed;  /* ... the search gave its elements back to bypass */
    int *frozen;    /* ... held where it is in this search */
    int *ref_slack; /* ... index into p->ctl.slacks of a reference, else -1 */
    int *cand;      /* the elements searched: arc */
    int *cand_var;  /* ... their unknown */
    size_t nc;
    int *station_of; /* per arc: index into p->stations, -1 */
    double *p_lo;    /* per node: pressure bounds, Pa (network and scenario; +-inf if none) */
    double *p_hi;
    int solves;
    int exhausted; /* the search reached OPERATE_MAX_SOLVES */
    /* the last solution solved: every trial starts from it, not from a
     * failed trial's last iterate */
    double *good_p, *good_q;
    int have_good;
    /* the best setting solved so far: least residual (bar^2) plus 100 per
     * violation, as if each were 10 bar past its bound (a station past a
     * limit, outside the residual, counts too; counting alone would prefer
     * one huge violation, such as gas circling through a loop, to two
     * small ones) */
    double *best_x;
    int *best_bypassed;
    size_t best_viol;
    double best_f;
    double best_score; /* best_f + OPERATE_VIOLATION_BAR2 best_viol */
} operate_run;

static int find(int *up, int i)
{
    while (up[i] != i) {
        up[i] = up[up[i]];
        i = up[i];
    }
    return i;
}

/* Puts x into the controls and solves. */
static gf_status apply(operate_run *o, const double *x)
{
    gf_project *p = o->p;
    for (size_t k = 0; k < o->nc; k++) {
        int v = o->cand_var[k];
        arc_control *c = &p->ctl.arcs[o->cand[k]];
        c->mode = o->bypassed[v] ? GF_MODE_NONE : o->is_ratio[v] ? GF_MODE_RATIO : GF_MODE_OUTLET;
        c->value = o->bypassed[v] ? NAN : o->is_ratio[v] ? x[v] : x[v] * 1e5;
    }
    for (size_t v = 0; v < o->nv; v++)
        if (o->ref_slack[v] >= 0)
            p->ctl.slacks[o->ref_slack[v]].p = x[v] * 1e5;
    size_t nn = p->net.n_nodes, na = p->net.n_arcs;
    if (o->have_good) {
        memcpy(p->res.p, o->good_p, nn * sizeof *p->res.p);
        memcpy(p->res.q, o->good_q, na * sizeof *p->res.q);
        p->res.converged = 1;
    }
    o->solves++;
    gf_status st = gf_solve_steady(p, o->opt);
    if (st == GF_OK) {
        memcpy(o->good_p, p->res.p, nn * sizeof *p->res.p);
        memcpy(o->good_q, p->res.q, na * sizeof *p->res.q);
        o->have_good = 1;
    }
    return st;
}

/* apply() for a setting solved before: a warm start from the last
 * solution solved may fail where one from the setting's own neighbourhood
 * did not, so on failure it solves again from the cold start. */
static gf_status apply_again(operate_run *o, const double *x)
{
    gf_status st = apply(o, x);
    if (st != GF_OK) {
        gf_options cold = *o->opt;
        cold.warm_start = 0;
        const gf_options *warm = o->opt;
        o->opt = &cold;
        st = apply(o, x);
        o->opt = warm;
    }
    return st;
}

/* Weight of a violation in the residual, per unit of its value. */
static double weight(gf_violation_kind k)
{
    switch (k) {
    case GF_VIOL_FLOW_MIN:
    case GF_VIOL_FLOW_MAX: return OPERATE_FLOW_BAR;
    case GF_VIOL_REVERSE_FLOW: return OPERATE_HARD * OPERATE_FLOW_BAR;
    case GF_VIOL_COMPRESSOR_RATIO:
    case GF_VIOL_DP_MIN:
    case GF_VIOL_SETPOINT_NOT_HELD: return OPERATE_HARD / 1e5;
    default: return 1.0 / 1e5;
    }
}

/* r[0..m): how far the solution at x is past its bounds; returns the sum
 * of squares, HUGE_VAL when the solve fails. */
static double residual(operate_run *o, const double *x, double *r)
{
    gf_project *p = o->p;
    if (o->solves >= OPERATE_MAX_SOLVES) {
        o->exhausted = 1; /* the search ends with the best setting so far */
        return HUGE_VAL;
    }
    if (apply(o, x) != GF_OK)
        return HUGE_VAL;
    memset(r, 0, o->m * sizeof *r);
    size_t nn = p->net.n_nodes, na = p->net.n_arcs;
    for (size_t i = 0; i < p->n_viol; i++) {
        const gf_violation *v = &p->viol[i];
        int node_pressure = !v->is_arc && (v->kind == GF_VIOL_PRESSURE_MIN || v->kind == GF_VIOL_PRESSURE_MAX);
        if (v->kind != GF_VIOL_STATION_LIMIT && !node_pressure)
            r[v->is_arc ? nn + v->element : v->element] += weight(v->kind) * fabs(v->value - v->limit);
    }
    /* node pressures count from a margin inside their bounds, so that the
     * setting found keeps some room (and stays inside when an idle element
     * goes back to bypass) */
    for (size_t n = 0; n < nn; n++) {
        double pn = p->res.p[n], lo = o->p_lo[n], hi = o->p_hi[n];
        double margin = fmin(OPERATE_MARGIN_BAR * 1e5, 0.25 * (hi - lo));
        if (pn < lo + margin)
            r[n] += (lo + margin - pn) / 1e5;
        else if (pn > hi - margin)
            r[n] += (pn - hi + margin) / 1e5;
    }
    for (size_t k = 0; k < o->nc && p->has_cs; k++) {
        int st = o->station_of[o->cand[k]];
        if (st < 0)
            continue;
        const station_result *s = &p->stations[st];
        int m = station_set_find_arc(&p->cs, s->arc);
        double lo, hi;
        if (m < 0 || !s->map || !s->limit[0] || !(s->q > 0.0))
            continue;
        if (!station_map_window(&p->cs.stations[m], &p->par, s->q, s->suction, OPERATE_MAX_RATIO * s->suction,
                                s->discharge, &lo, &hi))
            continue; /* nothing inside at this flow: no direction to go */
        r[nn + na + k] = (s->discharge < lo ? lo - s->discharge : s->discharge > hi ? s->discharge - hi : 0.0) / 1e5;
    }
    double f = 0.0;
    for (size_t i = 0; i < o->m; i++)
        f += r[i] * r[i];
    double score = f + OPERATE_VIOLATION_BAR2 * (double)p->n_viol;
    if (score < o->best_score) {
        o->best_viol = p->n_viol;
        o->best_f = f;
        o->best_score = score;
        memcpy(o->best_x, x, o->nv * sizeof *x);
        memcpy(o->best_bypassed, o->bypassed, o->nv * sizeof *o->bypassed);
    }
    return f;
}

/* Solves the symmetric positive definite a (n x n, overwritten by its
 * Cholesky factor) for b in place; returns -1 when a is not definite. */
static int cholesky_solve(double *a, double *b, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        double d = a[j * n + j];
        for (size_t k = 0; k < j; k++)
            d -= a[j * n + k] * a[j * n + k];
        if (!(d > 0.0))
            return -1;
        d = sqrt(d);
        a[j * n + j] = d;
        for (size_t i = j + 1; i < n; i++) {
            double s = a[i * n + j];
            for (size_t k = 0; k < j; k++)
                s -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = s / d;
        }
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < i; k++)
            b[i] -= a[i * n + k] * b[k];
        b[i] /= a[i * n + i];
    }
    for (size_t i = n; i-- > 0;) {
        for (size_t k = i + 1; k < n; k++)
            b[i] -= a[k * n + i] * b[k];
        b[i] /= a[i * n + i];
    }
    return 0;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The Levenberg-Marquardt search from x; returns the sum of squares at
 * the x it leaves. */
static double search(operate_run *o, double *x, double *r, double *work, int iterations)
{
    size_t nv = o->nv, m = o->m;
    double *jac = work, *rt = jac + m * nv, *a = rt + m, *jtj = a + nv * nv, *g = jtj + nv * nv, *xt = g + nv;
    double f = residual(o, x, r), mu = 1e-3;
    for (int it = 0; it < iterations && f > 1e-12 && isfinite(f); it++) {
        for (size_t j = 0; j < nv; j++) {
            if (o->bypassed[j] || o->frozen[j]) {
                for (size_t i = 0; i < m; i++)
                    jac[i * nv + j] = 0.0;
                continue;
            }
            memcpy(xt, x, nv * sizeof *xt);
            double h = x[j] + o->step[j] <= o->hi[j] ? o->step[j] : -o->step[j];
            xt[j] += h;
            if (!isfinite(residual(o, xt, rt))) {
                h = -h;
                xt[j] = x[j] + h;
                if (!isfinite(residual(o, xt, rt)))
                    memcpy(rt, r, m * sizeof *rt); /* no slope where the solve fails */
            }
            for (size_t i = 0; i < m; i++)
                jac[i * nv + j] = (rt[i] - r[i]) / h;
        }
        for (size_t j = 0; j < nv; j++) {
            g[j] = 0.0;
            for (size_t i = 0; i < m; i++)
                g[j] += jac[i * nv + j] * r[i];
            for (size_t k = 0; k <= j; k++) {
                double s = 0.0;
                for (size_t i = 0; i < m; i++)
                    s += jac[i * nv + j] * jac[i * nv + k];
                jtj[j * nv + k] = jtj[k * nv + j] = s;
            }
        }
        int accepted = 0;
        for (int tries = 0; tries < 12 && !accepted; tries++, mu *= 4.0) {
            memcpy(a, jtj, nv * nv * sizeof *a);
            for (size_t j = 0; j < nv; j++) {
                /* Marquardt's scaling, kept definite for an unknown without effect */
                a[j * nv + j] += mu * a[j * nv + j] + mu * 1e-6 / (o->step[j] * o->step[j]);
                xt[j] = -g[j];
            }
            if (cholesky_solve(a, xt, nv) != 0)
                continue;
            double moved = 0.0;
            for (size_t j = 0; j < nv; j++) {
                double v = clamp(x[j] + xt[j], o->lo[j], o->hi[j]);
                moved = fmax(moved, fabs(v - x[j]) / o->step[j]);
                xt[j] = v;
            }
            if (moved < 1e-3)
                break;
            double ft = residual(o, xt, rt);
            if (ft < f) {
                f = ft;
                memcpy(x, xt, nv * sizeof *x);
                memcpy(r, rt, m * sizeof *r);
                mu = fmax(mu / 12.0, 1e-6); /* the loop multiplies by 4 */
                accepted = 1;
            }
        }
        if (!accepted)
            break;
    }
    return f;
}

/* A pattern search from the best setting so far: each unknown in turn
 * moved by 1, 4 and 16 times a base step (0.5 bar, or 0.01 of a ratio)
 * either way, as long as that finds a better setting (residual() keeps
 * the best). */
static void pattern(operate_run *o, double *x, double *r)
{
    static const double mult[] = {1.0, -1.0, 4.0, -4.0, 16.0, -16.0};
    for (int sweep = 0; sweep < OPERATE_SWEEPS && o->best_viol > 0; sweep++) {
        double score0 = o->best_score;
        for (size_t v = 0; v < o->nv; v++) {
            if (o->best_bypassed[v])
                continue;
            double base = o->is_ratio[v] ? 0.01 : 0.5;
            for (size_t k = 0; k < sizeof mult / sizeof mult[0]; k++) {
                memcpy(x, o->best_x, o->nv * sizeof *x);
                memcpy(o->bypassed, o->best_bypassed, o->nv * sizeof *o->bypassed);
                double to = clamp(x[v] + mult[k] * base, o->lo[v], o->hi[v]);
                if (to == x[v])
                    continue;
                x[v] = to;
                residual(o, x, r);
            }
        }
        if (o->best_score >= score0)
            break;
    }
    memcpy(x, o->best_x, o->nv * sizeof *x);
    memcpy(o->bypassed, o->best_bypassed, o->nv * sizeof *o->bypassed);
}

/* Adds as unknowns the references of the solution in p that neither the
 * scenario nor the controls fix and that have bounds to move in. */
static gf_status add_references(operate_run *o, double *x)
{
    gf_project *p = o->p;
    for (size_t n = 0; n < p->net.n_nodes; n++) {
        if (!p->res.is_reference[n] || (p->has_scn && p->scn.p_fixed[n]))
            continue;
        int taken = 0;
        for (size_t s = 0; s < p->ctl.n_slacks; s++)
            taken |= p->ctl.slacks[s].node == (int)n;
        double lo = o->p_lo[n], hi = o->p_hi[n];
        if (taken || !isfinite(lo) || !isfinite(hi) || !(hi > lo))
            continue;
        if (controls_add_slack(&p->ctl, (int)n, p->res.p[n], 0) != 0)
            return GF_ERR_NOMEM;
        size_t v = o->nv++;
        o->lo[v] = lo / 1e5;
        o->hi[v] = hi / 1e5;
        o->step[v] = OPERATE_STEP_BAR;
        o->is_ratio[v] = 0;
        o->ref_slack[v] = (int)p->ctl.n_slacks - 1;
        x[v] = clamp(p->res.p[n] / 1e5, o->lo[v], o->hi[v]);
    }
    return GF_OK;
}

gf_status gf_operate_stations(gf_project *p, const gf_options *opt, gf_operate_result *out)
{
    if (!p || !opt)
        return GF_ERR_ARG;
    if (!p->has_net)
        return error_set(&p->err, GF_ERR_STATE, "gf_operate_stations: load a network first");
    if (out)
        memset(out, 0, sizeof *out);
    gf_options warm = *opt;
    warm.warm_start = 1;
    if (!p->has_ctl) {
        if (controls_init(&p->ctl, p->net.n_arcs) != 0)
            return error_set(&p->err, GF_ERR_NOMEM, "out of memory");
        p->has_ctl = 1;
    }
    gf_status st = gf_solve_steady(p, &warm);
    size_t passive_viol = p->n_viol;
    size_t nn = p->net.n_nodes, na = p->net.n_arcs;
    size_t cap = na + nn + 1;
    /* a network without a passive solution (a long line that cannot carry
     * its nomination without its stations) starts from its stations at
     * their highest outlet pressure instead */
    unsigned char *pushed = calloc(na + 1, 1);
    if (!pushed)
        return error_set(&p->err, GF_ERR_NOMEM, "out of memory");
    if (st == GF_ERR_NOT_CONVERGED || st == GF_ERR_NONPHYSICAL) {
        int any = 0;
        for (size_t a = 0; a < na; a++) {
            const net_arc *arc = &p->net.arcs[a];
            if (arc->kind != ARC_COMPRESSOR || p->ctl.arcs[a].mode != GF_MODE_NONE ||
                (p->has_want && p->want.arcs[a].mode == GF_MODE_CLOSED))
                continue;
            double top = fmin(arc->p_out_max, p->net.nodes[arc->to].p_max);
            if (p->has_scn && isfinite(p->scn.p_hi[arc->to]))
                top = fmin(top, p->scn.p_hi[arc->to]);
            if (!isfinite(top))
                continue;
            p->ctl.arcs[a].mode = GF_MODE_OUTLET;
            p->ctl.arcs[a].value = top;
            pushed[a] = any = 1;
        }
        if (any)
            st = gf_solve_steady(p, &warm);
        for (size_t a = 0; a < na; a++)
            if (pushed[a] && st != GF_OK) {
                p->ctl.arcs[a].mode = GF_MODE_NONE;
                p->ctl.arcs[a].value = NAN;
            }
        if (st != GF_OK) { /* the passive solve's diagnosis */
            free(pushed);
            return gf_solve_steady(p, &warm);
        }
        passive_viol = (size_t)-1; /* any setting that solves beats the passive network */
    } else if (st != GF_OK) {
        free(pushed);
        return st;
    }
    operate_run o = {.p = p, .opt = &warm, .solves = 1};
    int *up = malloc(nn * sizeof *up), *part = malloc(nn * sizeof *part);
    unsigned char *ref_part = calloc(nn, 1);
    int *is_cand = calloc(cap, sizeof *is_cand);
    o.cand = malloc(cap * sizeof *o.cand);
    o.cand_var = malloc(cap * sizeof *o.cand_var);
    o.station_of = malloc(cap * sizeof *o.station_of);
    o.lo = malloc(cap * sizeof *o.lo);
    o.hi = malloc(cap * sizeof *o.hi);
    o.step = malloc(cap * sizeof *o.step);
    o.is_ratio = calloc(cap, sizeof *o.is_ratio);
    o.bypassed = calloc(cap, sizeof *o.bypassed);
    o.frozen = calloc(cap, sizeof *o.frozen);
    o.best_x = malloc(cap * sizeof *o.best_x);
    o.best_bypassed = calloc(cap, sizeof *o.best_bypassed);
    double *x0 = malloc(cap * sizeof *x0);
    o.good_p = malloc((nn + 1) * sizeof *o.good_p);
    o.p_lo = malloc((nn + 1) * sizeof *o.p_lo);
    o.p_hi = malloc((nn + 1) * sizeof *o.p_hi);
    o.good_q = malloc((na + 1) * sizeof *o.good_q);
    o.ref_slack = malloc(cap * sizeof *o.ref_slack);
    double *x = malloc(cap * sizeof *x);
    double *r = NULL, *work = NULL;
    if (!up || !part || !ref_part || !is_cand || !o.cand || !o.cand_var || !o.station_of || !o.lo || !o.hi || !o.step ||
        !o.is_ratio || !o.bypassed || !o.frozen || !o.best_x || !o.best_bypassed || !x0 || !o.good_p || !o.good_q ||
        !o.p_lo || !o.p_hi || !o.ref_slack || !x) {
        st = error_set(&p->err, GF_ERR_NOMEM, "out of memory");
        goto done;
    }
    for (size_t a = 0; a < na; a++)
        o.station_of[a] = -1;
    for (size_t n = 0; n < nn; n++) {
        double lo = p->net.nodes[n].p_min, hi = p->net.nodes[n].p_max;
        if (p->has_scn && isfinite(p->scn.p_lo[n]) && !(p->scn.p_lo[n] < lo))
            lo = p->scn.p_lo[n];
        if (p->has_scn && isfinite(p->scn.p_hi[n]) && !(p->scn.p_hi[n] > hi))
            hi = p->scn.p_hi[n];
        o.p_lo[n] = isfinite(lo) ? lo : -HUGE_VAL;
        o.p_hi[n] = isfinite(hi) ? hi : HUGE_VAL;
    }
    for (size_t k = 0; k < p->n_stations; k++)
        o.station_of[p->stations[k].arc] = (int)k;
    /* the elements searched: stations and regulators in bypass that carry
     * gas forward and that the controls leave unset */
    for (size_t a = 0; a < na; a++) {
        arc_kind kind = p->net.arcs[a].kind;
        is_cand[a] = (kind == ARC_COMPRESSOR || kind == ARC_CONTROL_VALVE) &&
                     ((p->ctl.arcs[a].mode == GF_MODE_NONE && p->res.mode[a] == GF_MODE_OPEN) || pushed[a]) &&
                     p->res.q[a] > 1e-3;
    }
    /* nodes joined by lossless elements in the passive solution */
    for (size_t n = 0; n < nn; n++)
        up[n] = (int)n;
    for (size_t a = 0; a < na; a++) {
        const net_arc *arc = &p->net.arcs[a];
        int lossless = arc->kind == ARC_SHORT_PIPE || (arc->kind == ARC_VALVE && p->res.mode[a] != GF_MODE_CLOSED) ||
                       ((arc->kind == ARC_CONTROL_VALVE || arc->kind == ARC_COMPRESSOR) &&
                        p->res.mode[a] == GF_MODE_OPEN && !is_cand[a]);
        if (lossless)
            up[find(up, arc->from)] = find(up, arc->to);
    }
    for (size_t a = 0; a < na; a++)
        if (is_cand[a] && find(up, p->net.arcs[a].from) == find(up, p->net.arcs[a].to))
            is_cand[a] = 0; /* a lossless path around it: nothing to set */
    /* a regulator's set point holds the pressure of the whole part of the
     * network behind it: not where that part holds a reference of the
     * passive network (the supply would float above it) */
    for (size_t n = 0; n < nn; n++)
        part[n] = (int)n;
    for (size_t a = 0; a < na; a++)
        if (!is_cand[a] && p->res.mode[a] != GF_MODE_CLOSED)
            part[find(part, p->net.arcs[a].from)] = find(part, p->net.arcs[a].to);
    for (size_t n = 0; n < nn; n++)
        if (p->res.is_reference[n])
            ref_part[find(part, (int)n)] = 1;
    for (size_t a = 0; a < na; a++)
        if (is_cand[a] && p->net.arcs[a].kind == ARC_CONTROL_VALVE && ref_part[find(part, p->net.arcs[a].to)])
            is_cand[a] = 0;
    /* the unknowns: a ratio per pair of inlet and outlet (parallel
     * stations share it), an outlet pressure per regulated outlet */
    for (size_t a = 0; a < na; a++) {
        if (!is_cand[a])
            continue;
        const net_arc *arc = &p->net.arcs[a];
        int gi = find(up, arc->from), gj = find(up, arc->to);
        int v = -1;
        for (size_t k = 0; k < o.nc && v < 0; k++) {
            const net_arc *b = &p->net.arcs[o.cand[k]];
            if ((b->kind == ARC_COMPRESSOR) == (arc->kind == ARC_COMPRESSOR) && find(up, b->to) == gj &&
                (arc->kind != ARC_COMPRESSOR || find(up, b->from) == gi))
                v = o.cand_var[k];
        }
        if (v < 0) {
            v = (int)o.nv++;
            o.ref_slack[v] = -1;
            o.lo[v] = 1.0;
            if (arc->kind == ARC_COMPRESSOR) {
                o.is_ratio[v] = 1;
                o.hi[v] = OPERATE_MAX_RATIO;
                o.step[v] = OPERATE_STEP_RATIO;
                x[v] = 1.0;
                if (pushed[a]) { /* the ratio it runs at in the start */
                    double li = isfinite(arc->loss_in) ? arc->loss_in : 0.0;
                    double lo = isfinite(arc->loss_out) ? arc->loss_out : 0.0;
                    x[v] = clamp((p->res.p[arc->to] + lo) / (p->res.p[arc->from] - li), 1.0, OPERATE_MAX_RATIO);
                }
            } else {
                o.hi[v] = fmax(p->res.p[arc->from], p->res.p[arc->to]) / 1e5;
                o.step[v] = OPERATE_STEP_BAR;
                /* at the passive pressure, or the outlet's upper bound where
                 * that is lower */
                x[v] = fmin(o.p_hi[arc->to], p->res.p[arc->to]) / 1e5;
            }
        }
        o.cand[o.nc] = (int)a;
        o.cand_var[o.nc] = v;
        o.nc++;
    }
    /* the network so operated; when it does not solve with everything
     * active at once, the elements are put in service one by one, and
     * those it does not solve with stay in bypass */
    if (o.nv > 0 && apply(&o, x) != GF_OK) {
        for (size_t v = 0; v < o.nv; v++)
            o.bypassed[v] = 1;
        for (size_t v = 0; v < o.nv; v++) {
            o.bypassed[v] = 0;
            if (apply(&o, x) != GF_OK)
                o.bypassed[v] = 1;
        }
        if (apply_again(&o, x) != GF_OK) {
            for (size_t v = 0; v < o.nv; v++)
                o.bypassed[v] = 1;
            st = apply_again(&o, x);
            goto done;
        }
    }
    /* the references of the network so operated (set points split it into
     * parts, each with its own reference) */
    if ((st = add_references(&o, x)) != GF_OK) {
        st = error_set(&p->err, st, "out of memory");
        goto done;
    }
    if (o.nv == 0)
        goto done;
    memcpy(x0, x, o.nv * sizeof *x0);
    o.best_viol = (size_t)-1;
    o.best_f = o.best_score = HUGE_VAL;
    o.m = nn + na + o.nc;
    if ((double)o.m * (double)o.nv > OPERATE_MAX_JACOBIAN) {
        st = error_set(&p->err, GF_ERR_INPUT,
                       "gf_operate_stations: %zu unknowns against %zu residual entries: the search's dense Jacobian "
                       "would pass %.0g entries",
                       o.nv, o.m, OPERATE_MAX_JACOBIAN);
        goto done;
    }
    r = malloc(o.m * sizeof *r);
    work = malloc((o.m * o.nv + o.m + 2 * o.nv * o.nv + 2 * o.nv) * sizeof *work);
    if (!r || !work) {
        st = error_set(&p->err, GF_ERR_NOMEM, "out of memory");
        goto done;
    }
    /* Each round: the search with the references where they stand (else
     * it may lower a whole network where regulators should act), the
     * search with them free, a pattern search from the best setting so far
     * (the residual jumps where regulators open and check valves close,
     * which stalls the first two); then each element in turn back to
     * bypass, kept where that passes fewer bounds or as many by less. */
    for (int round = 0; round < OPERATE_ROUNDS && o.best_viol > 0; round++) {
        double score0 = o.best_score;
        for (size_t v = 0; v < o.nv; v++)
            o.frozen[v] = o.ref_slack[v] >= 0;
        search(&o, x, r, work, OPERATE_ITERATIONS);
        memset(o.frozen, 0, o.nv * sizeof *o.frozen);
        search(&o, x, r, work, OPERATE_ITERATIONS);
        pattern(&o, x, r);
        for (size_t v = 0; v < o.nv && o.best_viol > 0; v++) {
            if (o.ref_slack[v] >= 0 || o.best_bypassed[v])
                continue;
            memcpy(x, o.best_x, o.nv * sizeof *x);
            memcpy(o.bypassed, o.best_bypassed, o.nv * sizeof *o.bypassed);
            o.bypassed[v] = 1;
            search(&o, x, r, work, OPERATE_BYPASS_ITERATIONS); /* the others may have to move for it */
        }
        memcpy(x, o.best_x, o.nv * sizeof *x);
        memcpy(o.bypassed, o.best_bypassed, o.nv * sizeof *o.bypassed);
        if (o.best_score >= score0)
            break;
    }
    /* inside every bound: elements that can go back to bypass without
     * passing one do */
    for (size_t v = 0; v < o.nv && o.best_viol == 0; v++) {
        if (o.ref_slack[v] >= 0 || o.best_bypassed[v])
            continue;
        memcpy(x, o.best_x, o.nv * sizeof *x);
        memcpy(o.bypassed, o.best_bypassed, o.nv * sizeof *o.bypassed);
        o.bypassed[v] = 1;
        double ft = residual(&o, x, r);
        if (isfinite(ft) && p->n_viol == 0) {
            o.best_bypassed[v] = 1;
            o.best_f = o.best_score = ft;
        }
    }
    /* the best setting found, if it passes fewer bounds than the passive
     * network (a warm start from the last trial may fail where the search
     * solved it: then from the cold start) */
    int ok = o.best_viol <= passive_viol && isfinite(o.best_f);
    double f = o.best_f;
    if (ok) {
        memcpy(x, o.best_x, o.nv * sizeof *x);
        memcpy(o.bypassed, o.best_bypassed, o.nv * sizeof *o.bypassed);
        ok = apply_again(&o, x) == GF_OK;
    }
    if (!ok) {
        memcpy(x, x0, o.nv * sizeof *x);
        for (size_t v = 0; v < o.nv; v++)
            o.bypassed[v] = o.ref_slack[v] < 0;
        f = HUGE_VAL;
    }
    st = ok ? GF_OK : apply_again(&o, x);
    if (out) {
        out->unknowns = o.nv;
        out->solves = o.solves;
        out->residual_bar = isfinite(f) ? sqrt(f) : NAN;
        out->budget_reached = o.exhausted;
        for (size_t k = 0; k < o.nc; k++)
            out->active += !o.bypassed[o.cand_var[k]];
    }
done:
    free(pushed);
    free(up);
    free(part);
    free(ref_part);
    free(is_cand);
    free(o.cand);
    free(o.cand_var);
    free(o.station_of);
    free(o.lo);
    free(o.hi);
    free(o.step);
    free(o.is_ratio);
    free(o.bypassed);
    free(o.frozen);
    free(o.best_x);
    free(o.best_bypassed);
    free(x0);
    free(o.good_p);
    free(o.p_lo);
    free(o.p_hi);
    free(o.good_q);
    free(o.ref_slack);
    free(x);
    free(r);
    free(work);
    return st;
}
