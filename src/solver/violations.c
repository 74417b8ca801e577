/* Bound checks on a steady solution: see violations.h. A value violates a
 * bound when it passes it by more than a relative 1e-6 (plus 1 Pa or
 * 1e-6 kg/s), so that rounding at an active bound is not reported. */
#include "solver/violations.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
    gf_violation *v;
    size_t n, cap;
    int failed;
} list;

static void add(list *l, gf_violation_kind kind, int is_arc, size_t element, double value, double limit)
{
    if (l->failed)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        gf_violation *grown = realloc(l->v, cap * sizeof *grown);
        if (!grown) {
            l->failed = 1;
            return;
        }
        l->v = grown;
        l->cap = cap;
    }
    gf_violation *v = &l->v[l->n++];
    v->kind = kind;
    v->is_arc = is_arc;
    v->element = element;
    v->value = value;
    v->limit = limit;
}

static int below(double value, double limit, double abs_tol)
{
    return isfinite(limit) && value < limit - 1e-6 * fabs(limit) - abs_tol;
}

static int above(double value, double limit, double abs_tol)
{
    return isfinite(limit) && value > limit + 1e-6 * fabs(limit) + abs_tol;
}

#define P_TOL 1.0  /* Pa */
#define Q_TOL 1e-6 /* kg/s */

static void check_nodes(list *l, const network *net, const scenario *scn, const steady_params *par,
                        const steady_result *res)
{
    const double *bounds = net->view.node_bounds;
    const unsigned char *kind = net->view.node_kind;
    for (size_t n = 0; n < net->n_nodes; n++) {
        const double *b = &bounds[4 * n]; /* p_min, p_max, flow_min, flow_max */
        double p = res->p[n];
        double lo = b[0], hi = b[1];
        if (scn && isfinite(scn->p_lo[n]) && (!isfinite(lo) || scn->p_lo[n] > lo))
            lo = scn->p_lo[n];
        if (scn && isfinite(scn->p_hi[n]) && (!isfinite(hi) || scn->p_hi[n] < hi))
            hi = scn->p_hi[n];
        if (below(p, lo, P_TOL))
            add(l, GF_VIOL_PRESSURE_MIN, 0, n, p, lo);
        if (above(p, hi, P_TOL))
            add(l, GF_VIOL_PRESSURE_MAX, 0, n, p, hi);
        if (kind[n] == NODE_INNODE)
            continue;
        /* technical flow bounds: magnitudes of injection (sources) or
         * withdrawal (sinks) in the file's sense */
        double flow = kind[n] == NODE_SOURCE ? -res->withdrawal[n] : res->withdrawal[n];
        double fmin = b[2] * par->rho_n, fmax = b[3] * par->rho_n;
        if (below(flow, fmin, Q_TOL))
            add(l, GF_VIOL_FLOW_MIN, 0, n, flow, fmin);
        if (above(flow, fmax, Q_TOL))
            add(l, GF_VIOL_FLOW_MAX, 0, n, flow, fmax);
    }
}

static void check_arcs(list *l, const network *net, const controls *ctl, const steady_result *res,
                       const steady_params *par)
{
    const network_view *v = &net->view;
    for (size_t a = 0; a < net->n_arcs; a++) {
        const double *b = &v->arc_bounds[3 * a]; /* flow_min, flow_max, p_max */
        double q = res->q[a];
        double pi = res->p[v->from[a]], po = res->p[v->to[a]];
        gf_mode mode = res->mode[a];
        if (below(q, b[0] * par->rho_n, Q_TOL))
            add(l, GF_VIOL_FLOW_MIN, 1, a, q, b[0] * par->rho_n);
        if (above(q, b[1] * par->rho_n, Q_TOL))
            add(l, GF_VIOL_FLOW_MAX, 1, a, q, b[1] * par->rho_n);
        const net_arc *arc = &net->arcs[a]; /* read only where the view holds too little */
        switch ((arc_kind)v->kind[a]) {
        case ARC_PIPE: {
            double pmax = pi > po ? pi : po;
            if (above(pmax, b[2], P_TOL))
                add(l, GF_VIOL_PIPE_PRESSURE, 1, a, pmax, b[2]);
            break;
        }
        case ARC_VALVE:
            if (mode == GF_MODE_CLOSED && above(fabs(pi - po), arc->dp_max, P_TOL))
                add(l, GF_VIOL_DP_MAX, 1, a, fabs(pi - po), arc->dp_max);
            break;
        case ARC_CONTROL_VALVE:
        case ARC_COMPRESSOR: {
            if (ctl && ctl->arcs[a].mode == GF_MODE_OUTLET && mode == GF_MODE_OPEN) {
                /* a regulator standing wide open below its set point */
                add(l, GF_VIOL_SETPOINT_NOT_HELD, 1, a, po, ctl->arcs[a].value);
                break;
            }
            if (mode == GF_MODE_CLOSED || mode == GF_MODE_OPEN)
                break;
            double li = isfinite(arc->loss_in) ? arc->loss_in : 0.0;
            double lo = isfinite(arc->loss_out) ? arc->loss_out : 0.0;
            double suction = pi - li, discharge = po + lo;
            if (below(q, 0.0, Q_TOL))
                add(l, GF_VIOL_REVERSE_FLOW, 1, a, q, 0.0);
            if (below(suction, arc->p_in_min, P_TOL))
                add(l, GF_VIOL_INLET_MIN, 1, a, suction, arc->p_in_min);
            if (above(discharge, arc->p_out_max, P_TOL))
                add(l, GF_VIOL_OUTLET_MAX, 1, a, discharge, arc->p_out_max);
            if (arc->kind == ARC_CONTROL_VALVE) {
                double dp = suction - discharge;
                double dpmin = isfinite(arc->dp_min) ? arc->dp_min : 0.0;
                if (below(dp, dpmin, P_TOL))
                    add(l, GF_VIOL_DP_MIN, 1, a, dp, dpmin);
                if (above(dp, arc->dp_max, P_TOL))
                    add(l, GF_VIOL_DP_MAX, 1, a, dp, arc->dp_max);
            } else if (below(discharge, suction, P_TOL)) {
                add(l, GF_VIOL_COMPRESSOR_RATIO, 1, a, discharge, suction);
            }
            break;
        }
        default: break;
        }
    }
}

gf_status violations_find(const network *net, const scenario *scn, const controls *ctl, const steady_params *par,
                          const steady_result *res, gf_violation **buf, size_t *cap, size_t *n)
{
    *n = 0;
    if (!net->view.sealed)
        return GF_ERR_ARG;
    list l = {*buf, 0, *cap, 0};
    check_nodes(&l, net, scn, par, res);
    check_arcs(&l, net, ctl, res, par);
    *buf = l.v;
    *cap = l.cap;
    if (l.failed)
        return GF_ERR_NOMEM;
    *n = l.n;
    return GF_OK;
}
