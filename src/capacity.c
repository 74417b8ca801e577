/* Capacity analysis: the largest uniform scaling of the nomination that the
 * network carries with every bound respected, and the limit that binds just
 * above it. The feasible factors need not start at zero (at low flow a
 * pressure can rise above its maximum), so the search first probes for a
 * feasible factor around the nomination, then doubles until a limit binds
 * and bisects. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "project.h"

/* Bisection stops when the bracket is this narrow, relative to its top. */
#define CAPACITY_REL_TOL 1e-6
/* Doublings tried above a feasible nomination before giving up. */
#define CAPACITY_MAX_DOUBLINGS 30

typedef struct {
    gf_project *p;
    const gf_options *opt;
    double *lo0, *hi0; /* the nomination as loaded */
    int solves;
} capacity_run;

/* Solves at factor f; returns 1 when the solution is feasible. On an
 * infeasible factor, records the limit that failed in r. */
static int feasible_at(capacity_run *c, double f, gf_capacity_result *r)
{
    gf_project *p = c->p;
    for (size_t n = 0; n < p->scn.n_nodes; n++) {
        p->scn.flow_lo[n] = f * c->lo0[n];
        p->scn.flow_hi[n] = f * c->hi0[n];
    }
    c->solves++;
    gf_status st = gf_solve_steady(p, c->opt);
    if (st == GF_OK && gf_violation_count(p) == 0)
        return 1;
    if (st == GF_OK) {
        gf_violation v;
        gf_violation_get(p, 0, &v);
        r->binding_failure = 0;
        r->binding_is_arc = v.is_arc;
        r->binding_element = v.element;
        r->binding_kind = v.kind;
        snprintf(r->binding_message, sizeof r->binding_message, "%s", gf_violation_kind_name(v.kind));
        for (size_t k = 0; v.kind == GF_VIOL_STATION_LIMIT && k < p->n_stations; k++)
            if ((size_t)p->stations[k].arc == v.element)
                snprintf(r->binding_message, sizeof r->binding_message, "%s", p->stations[k].limit);
    } else {
        r->binding_failure = 1;
        snprintf(r->binding_message, sizeof r->binding_message, "%.250s", gf_last_error(p));
    }
    return 0;
}

/* Candidate factors tried, in this order, for a first feasible one: the
 * nomination itself, then 0.95, 0.90, ..., 0.05 of it (a line's feasible
 * loads can be a window: too little flow lifts the pressure above its
 * bound downhill or below a station's discharge set point), then
 * alternately twice and half as much as the nomination. */
#define CAPACITY_STEPS 19
#define CAPACITY_PROBES (1 + CAPACITY_STEPS + 24)

static double probe(int k)
{
    if (k == 0)
        return 1.0;
    if (k <= CAPACITY_STEPS)
        return 1.0 - 0.05 * k;
    k -= CAPACITY_STEPS;
    return k % 2 ? pow(2.0, (k + 1) / 2) : pow(0.5, k / 2);
}

static gf_status search(capacity_run *c, gf_capacity_result *out)
{
    gf_capacity_result at_hi = {0}, first = {0};
    double lo = -1.0;
    for (int k = 0; k < CAPACITY_PROBES && lo < 0.0; k++) {
        double f = probe(k);
        if (feasible_at(c, f, k == 0 ? &first : &at_hi))
            lo = f;
    }
    if (lo < 0.0) {
        /* nothing feasible between 2^-12 and 2^12 of the nomination: report
         * the limit that fails at the nomination itself */
        *out = first;
        out->factor = 0.0;
        return GF_OK;
    }
    double hi = 2.0 * lo;
    int k = 0;
    while (feasible_at(c, hi, &at_hi)) {
        lo = hi;
        hi *= 2.0;
        if (++k >= CAPACITY_MAX_DOUBLINGS)
            return error_set(&c->p->err, GF_ERR_INPUT,
                             "capacity: the network carries %g times the nomination and more: no limit binds "
                             "(is there a nominated flow at all?)",
                             lo);
    }
    while (hi - lo > CAPACITY_REL_TOL * hi) {
        double mid = 0.5 * (lo + hi);
        if (feasible_at(c, mid, &at_hi))
            lo = mid;
        else
            hi = mid;
    }
    *out = at_hi;
    out->factor = lo;
    return GF_OK;
}

gf_status gf_capacity(gf_project *p, const gf_options *opt, const char *outage_id, gf_capacity_result *out)
{
    if (!p || !opt || !out)
        return GF_ERR_ARG;
    error_clear(&p->err);
    if (!p->has_net || !p->has_scn)
        return error_set(&p->err, GF_ERR_STATE, "gf_capacity: load a network and a nomination first");
    memset(out, 0, sizeof *out);
    int outage = -1;
    arc_control saved = {GF_MODE_NONE, NAN, 0};
    if (outage_id) {
        outage = network_find_arc(&p->net, outage_id);
        if (outage < 0)
            return error_set(&p->err, GF_ERR_INPUT, "gf_capacity: unknown element '%s' for the outage", outage_id);
        if (!p->has_ctl) {
            if (controls_init(&p->ctl, p->net.n_arcs) != 0)
                return error_set(&p->err, GF_ERR_NOMEM, "out of memory");
            p->has_ctl = 1;
        }
        saved = p->ctl.arcs[outage];
        /* a station or regulator out of operation passes gas through its
         * bypass; any other element out of service is closed */
        arc_kind kind = p->net.arcs[outage].kind;
        p->ctl.arcs[outage].mode = kind == ARC_COMPRESSOR || kind == ARC_CONTROL_VALVE ? GF_MODE_OPEN : GF_MODE_CLOSED;
        p->ctl.arcs[outage].value = NAN;
    }
    size_t nn = p->scn.n_nodes;
    capacity_run c = {p, opt, malloc((nn ? nn : 1) * sizeof(double)), malloc((nn ? nn : 1) * sizeof(double)), 0};
    gf_status st = GF_OK;
    if (!c.lo0 || !c.hi0) {
        st = error_set(&p->err, GF_ERR_NOMEM, "out of memory");
    } else {
        memcpy(c.lo0, p->scn.flow_lo, nn * sizeof(double));
        memcpy(c.hi0, p->scn.flow_hi, nn * sizeof(double));
        st = search(&c, out);
        out->solves = c.solves;
        /* leave the project with the solution at the factor found */
        if (st == GF_OK) {
            gf_capacity_result ignored;
            feasible_at(&c, out->factor, &ignored);
            out->solves = c.solves;
            double exits = 0.0;
            for (size_t n = 0; n < nn; n++) {
                double w = 0.5 * (p->scn.flow_lo[n] + p->scn.flow_hi[n]);
                if (w > 0.0)
                    exits += w;
            }
            out->throughput = exits * p->par.rho_n;
        }
        memcpy(p->scn.flow_lo, c.lo0, nn * sizeof(double));
        memcpy(p->scn.flow_hi, c.hi0, nn * sizeof(double));
    }
    free(c.lo0);
    free(c.hi0);
    if (outage >= 0)
        p->ctl.arcs[outage] = saved;
    return st;
}
