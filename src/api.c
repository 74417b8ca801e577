/* Public entry points: argument checks, the project's state, the last error,
 * and dispatch to the readers and the solver. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gasflow.h"
#include "project.h"
#include "io/controls_file.h"
#include "io/gaslib.h"
#include "io/gaslib_cs.h"
#include "physics/gas.h"
#include "model/controls.h"
#include "model/network.h"
#include "solver/station_maps.h"
#include "solver/stations.h"
#include "solver/steady.h"
#include "solver/violations.h"
#include "util/clock.h"
#include "util/error.h"

const char *gf_status_string(gf_status status)
{
    switch (status) {
    case GF_OK: return "success";
    case GF_ERR_ARG: return "invalid argument";
    case GF_ERR_INDEX: return "index out of range";
    case GF_ERR_NOMEM: return "out of memory";
    case GF_ERR_IO: return "input/output error";
    case GF_ERR_PARSE: return "malformed file";
    case GF_ERR_INPUT: return "invalid input data";
    case GF_ERR_STATE: return "call out of order";
    case GF_ERR_NOT_CONVERGED: return "solver did not converge";
    case GF_ERR_NONPHYSICAL: return "non-physical state";
    case GF_ERR_SINGULAR: return "singular system";
    }
    return "unknown status";
}

gf_status gf_project_create(gf_project **out)
{
    if (!out)
        return GF_ERR_ARG;
    gf_project *p = calloc(1, sizeof *p);
    if (!p) {
        *out = NULL;
        return GF_ERR_NOMEM;
    }
    network_init(&p->net);
    *out = p;
    return GF_OK;
}

/* Forgets the last result; its arrays stay for the next solve of the same
 * network (release_result frees them). */
static void clear_result(gf_project *p)
{
    if (p->has_want)
        controls_free(&p->want);
    p->has_want = 0;
    p->n_stations = 0;
    p->n_viol = 0;
    p->has_result = 0;
    p->solved = 0;
    memset(&p->report, 0, sizeof p->report);
}

static void release_result(gf_project *p)
{
    clear_result(p);
    free(p->viol);
    p->viol = NULL;
    p->viol_cap = 0;
    if (p->res_allocated)
        steady_result_free(&p->res);
    p->res_allocated = 0;
    free(p->stations);
    free(p->fuel_scratch);
    p->stations = NULL;
    p->fuel_scratch = NULL;
}

static void clear_scenario(gf_project *p)
{
    if (p->has_scn)
        scenario_free(&p->scn);
    p->has_scn = 0;
}

static void clear_decisions(gf_project *p)
{
    if (p->has_dec)
        decisions_free(&p->dec);
    p->has_dec = 0;
}

static void clear_machines(gf_project *p)
{
    if (p->has_cs)
        station_set_free(&p->cs);
    p->has_cs = 0;
}

static void clear_controls(gf_project *p)
{
    if (p->has_ctl)
        controls_free(&p->ctl);
    p->has_ctl = 0;
}

void gf_project_free(gf_project **pp)
{
    if (!pp || !*pp)
        return;
    gf_project *p = *pp;
    release_result(p);
    clear_scenario(p);
    clear_controls(p);
    clear_decisions(p);
    clear_machines(p);
    network_free(&p->net);
    free(p->station_arcs);
    arena_free(&p->scratch);
    free(p);
    *pp = NULL;
}

const char *gf_last_error(const gf_project *p)
{
    if (!p)
        return "no project (NULL handle)";
    return p->err.msg;
}

/* Records a failure with the static message of its code when no context
 * was set. */
static gf_status fail(gf_project *p, gf_status st, const char *what)
{
    if (p->err.status != st || !p->err.msg[0])
        error_set(&p->err, st, "%s: %s", what, gf_status_string(st));
    return st;
}

gf_status project_file_call(gf_project *p, const char *path, const char *fn, int need_net)
{
    error_clear(&p->err);
    if (!path)
        return error_set(&p->err, GF_ERR_ARG, "%s: path is NULL", fn);
    if (need_net && !p->has_net)
        return error_set(&p->err, GF_ERR_STATE, "%s: load a network first", fn);
    return GF_OK;
}

gf_status gf_load_network(gf_project *p, const char *path)
{
    if (!p)
        return GF_ERR_ARG;
    gf_status st = project_file_call(p, path, "gf_load_network", 0);
    if (st != GF_OK)
        return st;
    release_result(p);
    clear_scenario(p);
    clear_controls(p);
    clear_decisions(p);
    clear_machines(p);
    network_free(&p->net);
    free(p->station_arcs);
    p->station_arcs = NULL;
    p->n_station_arcs = 0;
    p->has_net = 0;
    st = gaslib_read_net(path, &p->net, &p->err);
    if (st != GF_OK)
        return fail(p, st, path);
    p->station_arcs = malloc((p->net.n_arcs ? p->net.n_arcs : 1) * sizeof *p->station_arcs);
    if (!p->station_arcs) {
        network_free(&p->net);
        return fail(p, GF_ERR_NOMEM, path);
    }
    for (size_t a = 0; a < p->net.n_arcs; a++)
        if (p->net.arcs[a].kind == ARC_COMPRESSOR)
            p->station_arcs[p->n_station_arcs++] = (int)a;
    p->has_net = 1;
    return GF_OK;
}

gf_status gf_load_scenario(gf_project *p, const char *path)
{
    if (!p)
        return GF_ERR_ARG;
    gf_status st = project_file_call(p, path, "gf_load_scenario", 1);
    if (st != GF_OK)
        return st;
    clear_result(p);
    clear_scenario(p);
    st = gaslib_read_scn(path, &p->net, &p->scn, &p->err);
    if (st != GF_OK)
        return fail(p, st, path);
    p->has_scn = 1;
    return GF_OK;
}

gf_status gf_load_stations(gf_project *p, const char *path)
{
    if (!p)
        return GF_ERR_ARG;
    gf_status st = project_file_call(p, path, "gf_load_stations", 1);
    if (st != GF_OK)
        return st;
    clear_result(p);
    clear_machines(p);
    st = gaslib_read_cs(path, &p->net, &p->cs, &p->err);
    if (st != GF_OK)
        return fail(p, st, path);
    p->has_cs = 1;
    return GF_OK;
}

gf_status gf_load_controls(gf_project *p, const char *path)
{
    if (!p)
        return GF_ERR_ARG;
    gf_status st = project_file_call(p, path, "gf_load_controls", 1);
    if (st != GF_OK)
        return st;
    clear_result(p);
    clear_controls(p);
    st = controls_read(path, &p->net, &p->ctl, &p->err);
    if (st != GF_OK)
        return fail(p, st, path);
    p->has_ctl = 1;
    return GF_OK;
}

gf_status gf_write_controls(gf_project *p, const char *path)
{
    if (!p)
        return GF_ERR_ARG;
    gf_status st = project_file_call(p, path, "gf_write_controls", 1);
    if (st != GF_OK)
        return st;
    /* the modes of the last solve (chosen decisions, then the controls)
     * when there is one, so that the file alone reproduces it */
    controls c = {0};
    if (p->has_want) {
        c.n_arcs = p->want.n_arcs;
        c.arcs = p->want.arcs;
    } else if (p->has_ctl) {
        c.n_arcs = p->ctl.n_arcs;
        c.arcs = p->ctl.arcs;
    }
    if (p->has_ctl) {
        c.slacks = p->ctl.slacks;
        c.n_slacks = p->ctl.n_slacks;
    }
    if (controls_write(path, &p->net, &c) != 0)
        return error_set(&p->err, GF_ERR_IO, "%s: cannot write the controls file", path);
    return GF_OK;
}

void gf_options_default(gf_options *opt)
{
    if (!opt)
        return;
    opt->gas_law = GF_GAS_AGA;
    opt->z_constant = 1.0;
    opt->friction = GF_FRICTION_NIKURADSE;
    opt->lambda_constant = 0.01;
    opt->temperature = NAN;
    opt->viscosity = 1.1e-5;
    opt->max_iterations = 100;
    opt->tolerance = 1e-8;
    opt->station_fuel = 1;
    opt->station_recycle = 0;
    opt->warm_start = 0;
    opt->threads = 2;
}

/* The solve behind gf_solve_steady, repeated until three things settle:
 * the fuel the stations' drives burn (it depends on their power, which
 * depends on the solution: it is withdrawn at the fuel nodes), check
 * valves (open for forward flow, closed against reverse flow), and
 * regulators that cannot hold their set point (they stand wide open until
 * the pressure behind them would rise above the set point again). Each
 * round changes little, so a few rounds do. */
#define OUTER_ROUNDS 30

/* Moves check valves and regulators to the state the last solution asks
 * for; returns how many moved. */
static int settle_states(gf_project *p, controls *work)
{
    const controls *user = &p->want;
    int moved = 0;
    for (size_t a = 0; a < p->net.n_arcs; a++) {
        gf_mode want = user->arcs[a].mode, now = work->arcs[a].mode;
        if (want != GF_MODE_CHECK && want != GF_MODE_OUTLET)
            continue;
        const net_arc *arc = &p->net.arcs[a];
        double q = p->res.q[a], pin = p->res.p[arc->from], pout = p->res.p[arc->to];
        gf_mode next = now;
        if (want == GF_MODE_CHECK) {
            if (now == GF_MODE_OPEN && q < -1e-9)
                next = GF_MODE_CLOSED;
            else if (now == GF_MODE_CLOSED && pin > pout)
                next = GF_MODE_OPEN;
        } else if (want == GF_MODE_OUTLET && arc->kind == ARC_CONTROL_VALVE) {
            double li = isfinite(arc->loss_in) ? arc->loss_in : 0.0, lo = isfinite(arc->loss_out) ? arc->loss_out : 0.0;
            double dp_min = isfinite(arc->dp_min) ? arc->dp_min : 0.0;
            double set = user->arcs[a].value;
            if (now == GF_MODE_OUTLET && pin - li - lo - pout < dp_min - 1.0)
                next = GF_MODE_OPEN; /* cannot hold: wide open */
            else if (now == GF_MODE_OPEN && pout > set + 1.0)
                next = GF_MODE_OUTLET; /* would overshoot: regulating again */
        }
        if (next != now) {
            work->arcs[a].mode = next;
            work->arcs[a].value = next == GF_MODE_OUTLET ? user->arcs[a].value : NAN;
            moved++;
        }
    }
    return moved;
}

static int solver_failed(gf_status st)
{
    return st == GF_ERR_NOT_CONVERGED || st == GF_ERR_NONPHYSICAL || st == GF_ERR_SINGULAR;
}

/* Number of continuation steps from the passive network to the set points. */
#define RAMP_STEPS 4

/* The cold start's fallback when stations or regulators hold set points:
 * solve the network passive (those elements in bypass), then move the set
 * points there from the passive solution in RAMP_STEPS steps (ratios from
 * 1, outlet and inlet pressures from the passive pressures, flows from the
 * passive flows), each step starting from the one before. Newton from the
 * flat cold start can land on a solution that the network's trees cannot
 * carry, or none; the path from the passive network is the one an operator
 * takes. */
static gf_status solve_ramped(gf_project *p, const scenario *scn, const controls *ctl, const double *extra)
{
    size_t na = p->net.n_arcs;
    controls step;
    if (controls_init(&step, na) != 0)
        return error_set(&p->err, GF_ERR_NOMEM, "out of memory");
    step.slacks = ctl->slacks; /* borrowed, read only */
    step.n_slacks = ctl->n_slacks;
    double *from = malloc(na * sizeof *from);
    if (!from) {
        step.slacks = NULL;
        controls_free(&step);
        return error_set(&p->err, GF_ERR_NOMEM, "out of memory");
    }
    int active = 0;
    for (size_t a = 0; a < na; a++) {
        gf_mode m = ctl->arcs[a].mode;
        step.arcs[a] = ctl->arcs[a];
        if (m == GF_MODE_OUTLET || m == GF_MODE_INLET || m == GF_MODE_RATIO || m == GF_MODE_FLOW) {
            step.arcs[a].mode = GF_MODE_OPEN;
            step.arcs[a].value = NAN;
            active = 1;
        }
    }
    gf_status st = GF_ERR_NOT_CONVERGED;
    if (active) {
        p->res.warm = 0;
        error_clear(&p->err);
        st = steady_solve(&p->net, scn, &step, extra, &p->par, &p->scratch, &p->res, &p->err);
    }
    if (st == GF_OK) {
        for (size_t a = 0; a < na; a++) {
            const net_arc *arc = &p->net.arcs[a];
            gf_mode m = ctl->arcs[a].mode;
            from[a] = m == GF_MODE_OUTLET  ? p->res.p[arc->to]
                      : m == GF_MODE_INLET ? p->res.p[arc->from]
                      : m == GF_MODE_RATIO ? 1.0
                                           : p->res.q[a];
        }
        for (int k = 1; k <= RAMP_STEPS && st == GF_OK; k++) {
            double t = (double)k / RAMP_STEPS;
            for (size_t a = 0; a < na; a++) {
                gf_mode m = ctl->arcs[a].mode;
                if (m != GF_MODE_OUTLET && m != GF_MODE_INLET && m != GF_MODE_RATIO && m != GF_MODE_FLOW)
                    continue;
                step.arcs[a].mode = m;
                step.arcs[a].value =
                    k == RAMP_STEPS ? ctl->arcs[a].value : from[a] + t * (ctl->arcs[a].value - from[a]);
            }
            p->res.warm = 1;
            st = steady_solve(&p->net, scn, &step, extra, &p->par, &p->scratch, &p->res, &p->err);
        }
    }
    p->res.warm = 0;
    free(from);
    step.slacks = NULL;
    controls_free(&step);
    return st;
}

/* One steady solve, from the solution in p->res when warm; a warm start
 * that fails is retried from the cold start, and a cold start that fails
 * with set points in force from the passive network (solve_ramped). */
static gf_status solve_once(gf_project *p, const scenario *scn, const controls *ctl, const double *extra, int warm)
{
    p->res.warm = warm;
    gf_status st = steady_solve(&p->net, scn, ctl, extra, &p->par, &p->scratch, &p->res, &p->err);
    if (warm && solver_failed(st)) {
        p->res.warm = 0;
        error_clear(&p->err);
        st = steady_solve(&p->net, scn, ctl, extra, &p->par, &p->scratch, &p->res, &p->err);
    }
    if (ctl && solver_failed(st)) {
        if (solve_ramped(p, scn, ctl, extra) == GF_OK) {
            st = GF_OK;
        } else {
            /* the cold start's diagnosis is the one to report, with its
             * last iterate kept for inspection */
            p->res.warm = 0;
            error_clear(&p->err);
            st = steady_solve(&p->net, scn, ctl, extra, &p->par, &p->scratch, &p->res, &p->err);
        }
    }
    p->res.warm = 0;
    return st;
}

static gf_status solve_outer(gf_project *p, const scenario *scn, int with_fuel, int warm)
{
    size_t na = p->net.n_arcs, ns = p->n_station_arcs;
    if (!p->has_ctl && !p->has_dec) {
        /* nothing asked for: the stations stand in bypass and burn no
         * fuel, and nothing is to settle, so one plain solve does */
        gf_status st = solve_once(p, scn, NULL, NULL, warm);
        if (st == GF_OK)
            stations_evaluate(&p->net, p->has_cs ? &p->cs : NULL, &p->par, &p->res, p->station_arcs, ns, p->stations);
        p->n_stations = ns;
        return st;
    }
    controls *want = &p->want, work;
    /* fuel per station in the last round; p->fuel_scratch (zeroed) holds it per node */
    double *prev = calloc(ns ? ns : 1, sizeof *prev);
    if (!prev || controls_init(want, na) != 0) {
        free(prev);
        return error_set(&p->err, GF_ERR_NOMEM, "out of memory");
    }
    p->has_want = 1;
    if (controls_init(&work, na) != 0) {
        free(prev);
        return error_set(&p->err, GF_ERR_NOMEM, "out of memory");
    }
    /* what is asked for: the chosen combined decisions, then the controls */
    for (size_t g = 0; p->has_dec && g < p->dec.n_groups; g++) {
        const decision *d = &p->dec.decisions[p->dec.groups[g].first + p->dec.groups[g].chosen];
        for (size_t k = d->first; k < d->first + d->count; k++)
            decision_mode(&p->net, &p->dec.entries[k], &want->arcs[p->dec.entries[k].arc]);
    }
    for (size_t a = 0; p->has_ctl && a < na; a++)
        if (p->ctl.arcs[a].mode != GF_MODE_NONE)
            want->arcs[a] = p->ctl.arcs[a];
    memcpy(work.arcs, want->arcs, na * sizeof *work.arcs);
    for (size_t a = 0; a < na; a++)
        if (work.arcs[a].mode == GF_MODE_CHECK)
            work.arcs[a].mode = GF_MODE_OPEN;
    if (p->has_ctl) {
        work.slacks = p->ctl.slacks; /* borrowed, read only */
        work.n_slacks = p->ctl.n_slacks;
    }
    int used_fuel = 0;
    gf_status st = GF_OK;
    for (int round = 0;; round++) {
        /* after the first round, each starts from the one before */
        st = solve_once(p, scn, &work, used_fuel ? p->fuel_scratch : NULL, round > 0 || warm);
        if (st != GF_OK)
            break;
        stations_evaluate(&p->net, p->has_cs ? &p->cs : NULL, &p->par, &p->res, p->station_arcs, ns, p->stations);
        p->n_stations = ns;
        int moved = settle_states(p, &work);
        double total = 0.0, change = 0.0;
        for (size_t k = 0; with_fuel && k < ns; k++) {
            change = fmax(change, fabs(p->stations[k].fuel - prev[k]));
            total += p->stations[k].fuel;
        }
        if (!moved && change <= 1e-9 * (1.0 + total))
            break;
        if (round == OUTER_ROUNDS) {
            st = error_set(&p->err, GF_ERR_NOT_CONVERGED,
                           "station fuel, check valves and regulators do not settle (%d still switching, fuel "
                           "changing by %.3g kg/s)",
                           moved, change);
            break;
        }
        for (size_t k = 0; with_fuel && k < ns; k++)
            p->fuel_scratch[p->stations[k].fuel_node] = 0.0;
        for (size_t k = 0; with_fuel && k < ns; k++) {
            p->fuel_scratch[p->stations[k].fuel_node] += p->stations[k].fuel;
            prev[k] = p->stations[k].fuel;
        }
        used_fuel = with_fuel;
    }
    work.slacks = NULL;
    controls_free(&work);
    free(prev);
    return st;
}

gf_status gf_solve_steady(gf_project *p, const gf_options *opt)
{
    if (!p)
        return GF_ERR_ARG;
    error_clear(&p->err);
    if (!opt)
        return fail(p, GF_ERR_ARG, "gf_solve_steady: options are NULL");
    if (!p->has_net)
        return error_set(&p->err, GF_ERR_STATE, "gf_solve_steady: load a network first");
    double t0 = clock_ms();
    clear_result(p);
    const scenario *scn = p->has_scn ? &p->scn : NULL;
    gf_status st = steady_resolve_params(&p->net, scn, opt, &p->par, &p->err);
    if (st != GF_OK)
        return fail(p, st, "gf_solve_steady");
    /* a warm start needs a converged solution of this network */
    int warm = opt->warm_start && p->res_allocated && p->res.converged;
    if (!p->res_allocated) {
        p->stations = malloc((p->n_station_arcs ? p->n_station_arcs : 1) * sizeof *p->stations);
        p->fuel_scratch = calloc(p->net.n_nodes ? p->net.n_nodes : 1, sizeof *p->fuel_scratch);
        if (!p->stations || !p->fuel_scratch || steady_result_init(&p->res, p->net.n_nodes, p->net.n_arcs) != 0) {
            release_result(p);
            return fail(p, GF_ERR_NOMEM, "gf_solve_steady");
        }
        p->res_allocated = 1;
    }
    p->has_result = 1;
    st = solve_outer(p, scn, opt->station_fuel, warm);
    gf_report *r = &p->report;
    r->converged = p->res.converged;
    r->iterations = p->res.iterations;
    r->mass_residual = p->res.mass_residual;
    r->law_residual = p->res.law_residual;
    r->slack_imbalance = p->res.slack_imbalance;
    r->fuel = 0.0;
    for (size_t k = 0; k < p->n_stations; k++)
        r->fuel += p->stations[k].fuel;
    r->temperature = p->par.temperature;
    r->r_specific = p->par.r_s;
    r->norm_density = p->par.rho_n;
    r->n_unknowns = p->res.n_unknowns;
    r->linear_ms = p->res.linear_ms;
    if (st != GF_OK) {
        r->solve_ms = clock_ms() - t0;
        return fail(p, st, "gf_solve_steady");
    }
    st = violations_find(&p->net, scn, p->has_want ? &p->want : NULL, &p->par, &p->res, &p->viol, &p->viol_cap,
                         &p->n_viol);
    if (st != GF_OK)
        return fail(p, st, "gf_solve_steady");
    size_t n_limit = 0;
    for (size_t k = 0; k < p->n_stations; k++)
        n_limit += p->stations[k].limit[0] != '\0';
    if (n_limit > 0) {
        if (p->n_viol + n_limit > p->viol_cap) {
            gf_violation *grown = realloc(p->viol, (p->n_viol + n_limit) * sizeof *grown);
            if (!grown)
                return fail(p, GF_ERR_NOMEM, "gf_solve_steady");
            p->viol = grown;
            p->viol_cap = p->n_viol + n_limit;
        }
        for (size_t k = 0; k < p->n_stations; k++) {
            if (!p->stations[k].limit[0])
                continue;
            gf_violation *v = &p->viol[p->n_viol++];
            v->kind = GF_VIOL_STATION_LIMIT;
            v->is_arc = 1;
            v->element = (size_t)p->stations[k].arc;
            v->value = p->stations[k].power;
            v->limit = NAN;
        }
    }
    p->solved = 1;
    r->solve_ms = clock_ms() - t0;
    return GF_OK;
}

/* ---- network description ---------------------------------------------- */

size_t gf_node_count(const gf_project *p)
{
    return p && p->has_net ? p->net.n_nodes : 0;
}

size_t gf_arc_count(const gf_project *p)
{
    return p && p->has_net ? p->net.n_arcs : 0;
}

gf_status gf_node_info_get(const gf_project *p, size_t i, gf_node_info *out)
{
    if (!p || !out)
        return GF_ERR_ARG;
    if (!p->has_net || i >= p->net.n_nodes)
        return GF_ERR_INDEX;
    const net_node *n = &p->net.nodes[i];
    out->id = n->id;
    out->kind = (gf_node_kind)n->kind;
    out->height = n->height;
    out->p_min = n->p_min;
    out->p_max = n->p_max;
    return GF_OK;
}

gf_status gf_arc_info_get(const gf_project *p, size_t i, gf_arc_info *out)
{
    if (!p || !out)
        return GF_ERR_ARG;
    if (!p->has_net || i >= p->net.n_arcs)
        return GF_ERR_INDEX;
    const net_arc *a = &p->net.arcs[i];
    out->id = a->id;
    out->kind = (gf_arc_kind)a->kind;
    out->from = (size_t)a->from;
    out->to = (size_t)a->to;
    out->length = a->kind == ARC_PIPE ? a->length : NAN;
    out->diameter = a->kind == ARC_PIPE || a->kind == ARC_RESISTOR ? a->diameter : NAN;
    out->roughness = a->kind == ARC_PIPE ? a->roughness : NAN;
    return GF_OK;
}

gf_status gf_node_index(const gf_project *p, const char *id, size_t *out)
{
    if (!p || !id || !out)
        return GF_ERR_ARG;
    int i = p->has_net ? network_find_node(&p->net, id) : -1;
    if (i < 0)
        return GF_ERR_INPUT;
    *out = (size_t)i;
    return GF_OK;
}

gf_status gf_arc_index(const gf_project *p, const char *id, size_t *out)
{
    if (!p || !id || !out)
        return GF_ERR_ARG;
    int i = p->has_net ? network_find_arc(&p->net, id) : -1;
    if (i < 0)
        return GF_ERR_INPUT;
    *out = (size_t)i;
    return GF_OK;
}

const char *gf_arc_kind_name(gf_arc_kind kind)
{
    return arc_kind_name((arc_kind)kind);
}

const char *gf_node_kind_name(gf_node_kind kind)
{
    return node_kind_name((node_kind)kind);
}

/* ---- results ----------------------------------------------------------- */

gf_status gf_node_result_get(const gf_project *p, size_t i, gf_node_result *out)
{
    if (!p || !out)
        return GF_ERR_ARG;
    if (!p->solved)
        return GF_ERR_STATE;
    if (i >= p->net.n_nodes)
        return GF_ERR_INDEX;
    out->p = p->res.p[i];
    out->withdrawal = p->res.withdrawal[i];
    out->z = gas_z(&p->par.gas, out->p, p->par.temperature, NULL);
    out->is_reference = p->res.is_reference[i];
    return GF_OK;
}

gf_status gf_arc_result_get(const gf_project *p, size_t i, gf_arc_result *out)
{
    if (!p || !out)
        return GF_ERR_ARG;
    if (!p->solved)
        return GF_ERR_STATE;
    if (i >= p->net.n_arcs)
        return GF_ERR_INDEX;
    const net_arc *a = &p->net.arcs[i];
    const steady_params *par = &p->par;
    double q = p->res.q[i];
    out->q = q;
    out->q_norm = q / par->rho_n;
    out->p_from = p->res.p[a->from];
    out->p_to = p->res.p[a->to];
    out->mode = p->res.mode[i];
    out->set_point = p->res.set_point[i];
    if (p->has_want && (p->want.arcs[i].mode == GF_MODE_CHECK || p->want.arcs[i].mode == GF_MODE_OUTLET)) {
        /* the mode asked for; a check valve's or a wide-open regulator's
         * state shows in its flow and in the violations */
        out->mode = p->want.arcs[i].mode;
        out->set_point = p->want.arcs[i].value;
    }
    out->velocity = NAN;
    out->power = NAN;
    if (a->kind == ARC_PIPE) {
        double p_in = q >= 0.0 ? out->p_from : out->p_to;
        double rho = p_in / (par->r_s * par->temperature * gas_z(&par->gas, p_in, par->temperature, NULL));
        out->velocity = q / (rho * 0.25 * GAS_PI * a->diameter * a->diameter);
    } else if (a->kind == ARC_COMPRESSOR) {
        for (size_t k = 0; k < p->n_stations; k++)
            if (p->stations[k].arc == (int)i)
                out->power = p->stations[k].power;
    }
    return GF_OK;
}

size_t gf_station_count(const gf_project *p)
{
    return p && p->solved ? p->n_stations : 0;
}

gf_status gf_station_result_get(const gf_project *p, size_t i, gf_station_result *out)
{
    if (!p || !out)
        return GF_ERR_ARG;
    if (!p->solved)
        return GF_ERR_STATE;
    if (i >= p->n_stations)
        return GF_ERR_INDEX;
    const station_result *s = &p->stations[i];
    out->arc = (size_t)s->arc;
    out->mode = s->mode;
    out->suction = s->suction;
    out->discharge = s->discharge;
    out->q = s->q;
    out->head = s->head;
    out->efficiency = s->efficiency;
    out->power = s->power;
    out->fuel = s->fuel;
    out->fuel_node = (size_t)s->fuel_node;
    out->map = s->map;
    out->speed = s->speed;
    out->configuration = "";
    if (s->map && p->has_cs) {
        int m = station_set_find_arc(&p->cs, s->arc);
        if (m >= 0 && s->configuration >= 0)
            out->configuration = p->cs.stations[m].configurations[s->configuration].id;
    }
    out->limit = s->limit;
    out->recycle = s->recycle;
    /* what the station can do instead, worked out when asked for: it is a
     * scan of the maps, too dear for every round of the solve */
    out->max_discharge = NAN;
    if (s->map && s->limit[0] && p->has_cs) {
        int m = station_set_find_arc(&p->cs, s->arc);
        if (m >= 0)
            out->max_discharge = station_map_max_discharge(&p->cs.stations[m], &p->par, s->q, s->suction, s->discharge);
    }
    return GF_OK;
}

gf_status gf_report_get(const gf_project *p, gf_report *out)
{
    if (!p || !out)
        return GF_ERR_ARG;
    if (!p->has_result)
        return GF_ERR_STATE;
    *out = p->report;
    return GF_OK;
}

const char *gf_violation_kind_name(gf_violation_kind kind)
{
    switch (kind) {
    case GF_VIOL_PRESSURE_MIN: return "pressure_min";
    case GF_VIOL_PRESSURE_MAX: return "pressure_max";
    case GF_VIOL_FLOW_MIN: return "flow_min";
    case GF_VIOL_FLOW_MAX: return "flow_max";
    case GF_VIOL_PIPE_PRESSURE: return "pipe_design_pressure";
    case GF_VIOL_DP_MIN: return "pressure_drop_min";
    case GF_VIOL_DP_MAX: return "pressure_drop_max";
    case GF_VIOL_INLET_MIN: return "inlet_pressure_min";
    case GF_VIOL_OUTLET_MAX: return "outlet_pressure_max";
    case GF_VIOL_REVERSE_FLOW: return "reverse_flow";
    case GF_VIOL_COMPRESSOR_RATIO: return "compressor_ratio_below_1";
    case GF_VIOL_SETPOINT_NOT_HELD: return "set_point_not_held";
    case GF_VIOL_STATION_LIMIT: return "station_limit";
    }
    return "unknown";
}

size_t gf_violation_count(const gf_project *p)
{
    return p && p->solved ? p->n_viol : 0;
}

gf_status gf_violation_get(const gf_project *p, size_t i, gf_violation *out)
{
    if (!p || !out)
        return GF_ERR_ARG;
    if (!p->solved)
        return GF_ERR_STATE;
    if (i >= p->n_viol)
        return GF_ERR_INDEX;
    *out = p->viol[i];
    return GF_OK;
}
