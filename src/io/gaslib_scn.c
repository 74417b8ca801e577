/* GasLib nomination reader (.scn, FORMAT.md §4): the flow and pressure bounds
 * of `scenario/node` entries, checked against the network, as signed
 * withdrawals in SI. Entries become negative withdrawals (their lower
 * injection bound is the upper withdrawal bound); nodes not listed keep zero
 * flow. Other children of `scenario` (scenarioProbability, pipe-level data)
 * and of `node` (contractPressureMax) are accepted and ignored. The balance
 * of the nomination is the solver's business, not checked here. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "io/gaslib.h"
#include "io/gaslib_xml.h"
#include "util/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Lower/upper bound of one quantity of one node as the file gives them
 * (magnitudes, SI). */
typedef struct {
    int has_lo, has_hi, fixed;
    double lo, hi;
} bounds;

/* Value in the file's usual unit, for messages. */
static double display_value(gx_quantity q, double si)
{
    return q == GX_FLOW ? si * 3.6 : si / 1e5;
}

static const char *display_unit(gx_quantity q)
{
    return q == GX_FLOW ? "1000m_cube_per_hour" : "bar";
}

static gf_status set_bound(gx_ctx *cx, const gx_node *el, const char *id, const char *what, gx_quantity q,
                           const char *which, int *has, double *slot, double v)
{
    if (*has && *slot != v)
        return gx_fail(cx, GF_ERR_INPUT, gx_line(el), "node", id, "conflicting %s %s bounds (%.10g and %.10g, %s)",
                       which, what, display_value(q, *slot), display_value(q, v), display_unit(q));
    *has = 1;
    *slot = v;
    return GF_OK;
}

/* One <flow> or <pressure> child: bound="lower|upper|both". A repeated
 * bound is accepted when it repeats the same value. */
static gf_status read_bound(gx_ctx *cx, const gx_node *el, const char *id, gx_quantity q, bounds *b)
{
    const char *what = gx_local_name(el);
    const char *bound = gx_attr(el, "bound");
    if (!bound)
        return gx_fail(cx, GF_ERR_INPUT, gx_line(el), "node", id, "%s has no 'bound' attribute", what);
    double v;
    gf_status st = gx_value(cx, el, "node", id, q, &v);
    if (st != GF_OK)
        return st;
    if (strcmp(bound, "lower") == 0)
        return set_bound(cx, el, id, what, q, "lower", &b->has_lo, &b->lo, v);
    if (strcmp(bound, "upper") == 0)
        return set_bound(cx, el, id, what, q, "upper", &b->has_hi, &b->hi, v);
    if (strcmp(bound, "both") == 0) {
        st = set_bound(cx, el, id, what, q, "lower", &b->has_lo, &b->lo, v);
        if (st == GF_OK)
            st = set_bound(cx, el, id, what, q, "upper", &b->has_hi, &b->hi, v);
        b->fixed = 1;
        return st;
    }
    char buf[64];
    return gx_fail(cx, GF_ERR_INPUT, gx_line(el), "node", id, "bound '%s' of %s must be lower, upper or both",
                   gx_clip(bound, buf, sizeof buf), what);
}

static gf_status check_order(gx_ctx *cx, const gx_node *el, const char *id, const char *what, gx_quantity q,
                             const bounds *b)
{
    if (b->has_lo && b->has_hi && b->lo > b->hi)
        return gx_fail(cx, GF_ERR_INPUT, gx_line(el), "node", id, "%s lower bound %.10g > upper bound %.10g (%s)", what,
                       display_value(q, b->lo), display_value(q, b->hi), display_unit(q));
    return GF_OK;
}

static const char *kind_phrase(node_kind kind)
{
    return kind == NODE_SOURCE ? "a source" : kind == NODE_SINK ? "a sink" : "an innode";
}

static gf_status read_scn_node(gx_ctx *cx, const network *net, const gx_node *el, scenario *scn)
{
    int line = gx_line(el);
    const char *id = gx_attr(el, "id");
    if (!id || !id[0])
        return gx_fail(cx, GF_ERR_INPUT, line, "node", NULL, "missing required attribute 'id'");
    const char *type = gx_attr(el, "type");
    if (!type)
        return gx_fail(cx, GF_ERR_INPUT, line, "node", id, "missing required attribute 'type'");
    int idx = network_find_node(net, id);
    if (idx < 0)
        return gx_fail(cx, GF_ERR_INPUT, line, "node", id, "unknown node id (not in the network%s%s)",
                       net->path ? " " : "", net->path ? net->path : "");
    node_kind kind = net->nodes[idx].kind;
    int entry = strcmp(type, "entry") == 0;
    if (!entry && strcmp(type, "exit") != 0) {
        char buf[64];
        return gx_fail(cx, GF_ERR_INPUT, line, "node", id, "type '%s' must be 'entry' or 'exit'",
                       gx_clip(type, buf, sizeof buf));
    }
    if ((entry && kind != NODE_SOURCE) || (!entry && kind != NODE_SINK))
        return gx_fail(cx, GF_ERR_INPUT, line, "node", id, "type '%s' needs a %s, but the node is %s (network line %d)",
                       type, entry ? "source" : "sink", kind_phrase(kind), net->nodes[idx].line);
    if (scn->line[idx] != 0)
        return gx_fail(cx, GF_ERR_INPUT, line, "node", id, "listed twice (first at line %d)", scn->line[idx]);
    scn->line[idx] = line > 0 ? line : 1;

    bounds flow = {0, 0, 0, 0.0, 0.0}, pressure = {0, 0, 0, NAN, NAN};
    for (const gx_node *c = gx_first_element(el); c; c = gx_next_element(c)) {
        gf_status st = GF_OK;
        if (gx_is(c, "flow"))
            st = read_bound(cx, c, id, GX_FLOW, &flow);
        else if (gx_is(c, "pressure"))
            st = read_bound(cx, c, id, GX_PRESSURE, &pressure);
        if (st != GF_OK)
            return st;
    }
    if (flow.has_lo != flow.has_hi)
        return gx_fail(cx, GF_ERR_INPUT, line, "node", id, "flow has a %s bound but no %s bound",
                       flow.has_lo ? "lower" : "upper", flow.has_lo ? "upper" : "lower");
    gf_status st = check_order(cx, el, id, "flow", GX_FLOW, &flow);
    if (st == GF_OK)
        st = check_order(cx, el, id, "pressure", GX_PRESSURE, &pressure);
    if (st != GF_OK)
        return st;

    if (flow.has_lo) {
        /* Withdrawal is positive at exits; an entry injecting [lo, hi]
         * withdraws [-hi, -lo]. */
        scn->flow_lo[idx] = entry ? -flow.hi : flow.lo;
        scn->flow_hi[idx] = entry ? -flow.lo : flow.hi;
    }
    scn->p_lo[idx] = pressure.has_lo ? pressure.lo : NAN;
    scn->p_hi[idx] = pressure.has_hi ? pressure.hi : NAN;
    scn->p_fixed[idx] = (unsigned char)(pressure.fixed ? 1 : 0);
    return GF_OK;
}

static gf_status read_scenario(gx_ctx *cx, const network *net, scenario *scn)
{
    const gx_node *root = gx_root(cx);
    char buf[64];
    if (!gx_is(root, "boundaryValue"))
        return gx_fail(cx, GF_ERR_INPUT, gx_line(root), NULL, NULL,
                       "root element is '%s', expected 'boundaryValue' (a GasLib .scn file)",
                       gx_clip(gx_local_name(root), buf, sizeof buf));
    const gx_node *sc = NULL;
    for (const gx_node *c = gx_first_element(root); c; c = gx_next_element(c)) {
        if (!gx_is(c, "scenario"))
            continue;
        if (sc)
            return gx_fail(cx, GF_ERR_INPUT, gx_line(c), NULL, NULL,
                           "a second scenario (first at line %d); one per file is supported", gx_line(sc));
        sc = c;
    }
    if (!sc)
        return gx_fail(cx, GF_ERR_INPUT, gx_line(root), NULL, NULL, "no 'scenario' element");
    if (scenario_init(scn, net->n_nodes) != 0)
        return gx_fail(cx, GF_ERR_NOMEM, gx_line(sc), NULL, NULL, "out of memory");
    const char *id = gx_attr(sc, "id");
    scn->id = text_copy(id ? id : "");
    scn->path = text_copy(cx->name);
    if (!scn->id || !scn->path)
        return gx_fail(cx, GF_ERR_NOMEM, gx_line(sc), NULL, NULL, "out of memory");
    for (const gx_node *c = gx_first_element(sc); c; c = gx_next_element(c)) {
        if (!gx_is(c, "node"))
            continue;
        gf_status st = read_scn_node(cx, net, c, scn);
        if (st != GF_OK)
            return st;
    }
    return GF_OK;
}

gf_status gaslib_read_scn_memory(const char *buf, size_t len, const char *name, const network *net, scenario *scn,
                                 error_info *err)
{
    error_clear(err);
    if (!net || !scn || (!buf && len > 0))
        return error_set(err, GF_ERR_ARG, "gaslib_read_scn: NULL argument");
    scenario_free(scn);
    gx_ctx cx;
    gf_status st = gx_open_memory(&cx, buf, len, name, 1, err);
    if (st == GF_OK)
        st = read_scenario(&cx, net, scn);
    gx_close(&cx);
    if (st != GF_OK)
        scenario_free(scn);
    return st;
}

gf_status gaslib_read_scn(const char *path, const network *net, scenario *scn, error_info *err)
{
    error_clear(err);
    if (!path || !net || !scn)
        return error_set(err, GF_ERR_ARG, "gaslib_read_scn: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    gf_status st = gx_read_file(path, &buf, &len, err);
    if (st != GF_OK) {
        scenario_free(scn);
        return st;
    }
    st = gaslib_read_scn_memory(buf, len, path, net, scn, err);
    free(buf);
    return st;
}
