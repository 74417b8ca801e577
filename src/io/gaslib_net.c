/* GasLib network reader (.net, FORMAT.md §1-3): nodes and arcs into the SI
 * model. Children of a node or arc are looked up by local name through one
 * table per element kind (which child, what quantity, which field, whether
 * required), so child order, namespaces and comments do not matter. Nodes are
 * read before arcs, so arcs may refer to nodes declared anywhere. Unknown
 * children are ignored; unknown node or arc kinds are errors. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "io/gaslib.h"
#include "io/gaslib_xml.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_REQUIRED = 1, /* the child must be present */
    F_POSITIVE = 2, /* value > 0 when present */
    F_NONNEG = 4    /* value >= 0 when present */
};

/* A value child of a node or arc and the double it fills. */
typedef struct {
    const char *name;
    gx_quantity q;
    size_t offset; /* in net_node or net_arc */
    unsigned flags;
} field;

#define MAX_FIELDS 16

#define NODE_FIELD(name, q, member, flags)                                                                             \
    {                                                                                                                  \
        name, q, offsetof(net_node, member), flags                                                                     \
    }
#define ARC_FIELD(name, q, member, flags)                                                                              \
    {                                                                                                                  \
        name, q, offsetof(net_arc, member), flags                                                                      \
    }

static const field innode_fields[] = {
    NODE_FIELD("height", GX_HEIGHT, height, F_REQUIRED),
    NODE_FIELD("pressureMin", GX_PRESSURE, p_min, 0),
    NODE_FIELD("pressureMax", GX_PRESSURE, p_max, 0),
};

static const field sink_fields[] = {
    NODE_FIELD("height", GX_HEIGHT, height, F_REQUIRED), NODE_FIELD("pressureMin", GX_PRESSURE, p_min, 0),
    NODE_FIELD("pressureMax", GX_PRESSURE, p_max, 0),    NODE_FIELD("flowMin", GX_FLOW, flow_min, 0),
    NODE_FIELD("flowMax", GX_FLOW, flow_max, 0),
};

static const field source_fields[] = {
    NODE_FIELD("height", GX_HEIGHT, height, F_REQUIRED),
    NODE_FIELD("pressureMin", GX_PRESSURE, p_min, 0),
    NODE_FIELD("pressureMax", GX_PRESSURE, p_max, 0),
    NODE_FIELD("flowMin", GX_FLOW, flow_min, 0),
    NODE_FIELD("flowMax", GX_FLOW, flow_max, 0),
    NODE_FIELD("gasTemperature", GX_TEMPERATURE, gas.temperature, F_REQUIRED | F_POSITIVE),
    NODE_FIELD("calorificValue", GX_ENERGY_DENSITY, gas.calorific_value, F_NONNEG),
    NODE_FIELD("normDensity", GX_DENSITY, gas.norm_density, F_REQUIRED | F_POSITIVE),
    NODE_FIELD("coefficient-A-heatCapacity", GX_DIMENSIONLESS, gas.cp_a, 0),
    NODE_FIELD("coefficient-B-heatCapacity", GX_DIMENSIONLESS, gas.cp_b, 0),
    NODE_FIELD("coefficient-C-heatCapacity", GX_DIMENSIONLESS, gas.cp_c, 0),
    NODE_FIELD("molarMass", GX_MOLAR_MASS, gas.molar_mass, F_REQUIRED | F_POSITIVE),
    NODE_FIELD("pseudocriticalPressure", GX_PRESSURE, gas.pc, F_POSITIVE),
    NODE_FIELD("pseudocriticalTemperature", GX_TEMPERATURE, gas.tc, F_POSITIVE),
};

static const field pipe_fields[] = {
    ARC_FIELD("flowMin", GX_FLOW, flow_min, 0),
    ARC_FIELD("flowMax", GX_FLOW, flow_max, 0),
    ARC_FIELD("length", GX_LENGTH, length, F_REQUIRED | F_POSITIVE),
    ARC_FIELD("diameter", GX_LENGTH, diameter, F_REQUIRED | F_POSITIVE),
    ARC_FIELD("roughness", GX_LENGTH, roughness, F_REQUIRED | F_NONNEG),
    ARC_FIELD("pressureMax", GX_PRESSURE, p_max, 0),
    ARC_FIELD("heatTransferCoefficient", GX_HEAT_TRANSFER, heat_transfer, 0),
};

static const field short_pipe_fields[] = {
    ARC_FIELD("flowMin", GX_FLOW, flow_min, 0),
    ARC_FIELD("flowMax", GX_FLOW, flow_max, 0),
};

static const field resistor_fields[] = {
    ARC_FIELD("flowMin", GX_FLOW, flow_min, 0),
    ARC_FIELD("flowMax", GX_FLOW, flow_max, 0),
    ARC_FIELD("dragFactor", GX_DIMENSIONLESS, drag, F_NONNEG),
    ARC_FIELD("diameter", GX_LENGTH, diameter, F_POSITIVE),
    ARC_FIELD("pressureLoss", GX_PRESSURE_DIFF, pressure_loss, F_NONNEG),
};

static const field valve_fields[] = {
    ARC_FIELD("flowMin", GX_FLOW, flow_min, 0),
    ARC_FIELD("flowMax", GX_FLOW, flow_max, 0),
    ARC_FIELD("pressureDifferentialMax", GX_PRESSURE_DIFF, dp_max, 0),
};

static const field control_valve_fields[] = {
    ARC_FIELD("flowMin", GX_FLOW, flow_min, 0),
    ARC_FIELD("flowMax", GX_FLOW, flow_max, 0),
    ARC_FIELD("pressureDifferentialMin", GX_PRESSURE_DIFF, dp_min, 0),
    ARC_FIELD("pressureDifferentialMax", GX_PRESSURE_DIFF, dp_max, 0),
    ARC_FIELD("pressureInMin", GX_PRESSURE, p_in_min, 0),
    ARC_FIELD("pressureOutMax", GX_PRESSURE, p_out_max, 0),
    ARC_FIELD("pressureLossIn", GX_PRESSURE_DIFF, loss_in, F_NONNEG),
    ARC_FIELD("pressureLossOut", GX_PRESSURE_DIFF, loss_out, F_NONNEG),
    ARC_FIELD("dragFactorIn", GX_DIMENSIONLESS, drag_in, F_NONNEG),
    ARC_FIELD("diameterIn", GX_LENGTH, diam_in, F_POSITIVE),
    ARC_FIELD("dragFactorOut", GX_DIMENSIONLESS, drag_out, F_NONNEG),
    ARC_FIELD("diameterOut", GX_LENGTH, diam_out, F_POSITIVE),
};

static const field compressor_fields[] = {
    ARC_FIELD("flowMin", GX_FLOW, flow_min, 0),
    ARC_FIELD("flowMax", GX_FLOW, flow_max, 0),
    ARC_FIELD("pressureInMin", GX_PRESSURE, p_in_min, 0),
    ARC_FIELD("pressureOutMax", GX_PRESSURE, p_out_max, 0),
    ARC_FIELD("pressureLossIn", GX_PRESSURE_DIFF, loss_in, F_NONNEG),
    ARC_FIELD("pressureLossOut", GX_PRESSURE_DIFF, loss_out, F_NONNEG),
    ARC_FIELD("dragFactorIn", GX_DIMENSIONLESS, drag_in, F_NONNEG),
    ARC_FIELD("diameterIn", GX_LENGTH, diam_in, F_POSITIVE),
    ARC_FIELD("dragFactorOut", GX_DIMENSIONLESS, drag_out, F_NONNEG),
    ARC_FIELD("diameterOut", GX_LENGTH, diam_out, F_POSITIVE),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Fills the doubles of `base` from the children of el named in fields. A
 * child given twice, a missing required child or a value out of its range is
 * an error. */
static gf_status read_fields(gx_ctx *cx, const gx_node *el, const char *elem, const char *id, const field *fields,
                             size_t n, void *base)
{
    int seen[MAX_FIELDS] = {0};
    for (const gx_node *c = gx_first_element(el); c; c = gx_next_element(c)) {
        const char *name = gx_local_name(c);
        size_t k = 0;
        while (k < n && (fields[k].name[0] != name[0] || strcmp(fields[k].name, name) != 0))
            k++;
        if (k == n)
            continue; /* not a child we use */
        int line = gx_line(c);
        if (seen[k])
            return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "'%s' given twice (first at line %d)", name, seen[k]);
        seen[k] = line > 0 ? line : 1;
        double *slot = (double *)((char *)base + fields[k].offset);
        gf_status st = gx_value(cx, c, elem, id, fields[k].q, slot);
        if (st != GF_OK)
            return st;
        if ((fields[k].flags & F_POSITIVE) && !(*slot > 0.0))
            return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "%s must be > 0%s", name,
                           fields[k].q == GX_TEMPERATURE ? " K" : "");
        if ((fields[k].flags & F_NONNEG) && !(*slot >= 0.0))
            return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "%s must be >= 0", name);
    }
    for (size_t k = 0; k < n; k++)
        if ((fields[k].flags & F_REQUIRED) && !seen[k])
            return gx_fail(cx, GF_ERR_INPUT, gx_line(el), elem, id, "missing required value '%s'", fields[k].name);
    return GF_OK;
}

/* A required, non-empty attribute; NULL (with the error set) when absent. */
static const char *required_attr(gx_ctx *cx, const gx_node *el, const char *name, const char *elem, const char *id,
                                 gf_status *st)
{
    const char *v = gx_attr(el, name);
    if (v && v[0] != '\0')
        return v;
    *st = gx_fail(cx, GF_ERR_INPUT, gx_line(el), elem, id, "missing required attribute '%s'", name);
    return NULL;
}

/* Optional drawing coordinate; stays NAN when absent. */
static gf_status read_coordinate(gx_ctx *cx, const gx_node *el, const char *name, const char *elem, const char *id,
                                 double *out)
{
    const char *text = gx_attr(el, name);
    if (!text)
        return GF_OK;
    if (gx_number(cx, text, out) != 0) {
        char buf[64];
        return gx_fail(cx, GF_ERR_INPUT, gx_line(el), elem, id, "'%s' is not a number (%s)",
                       gx_clip(text, buf, sizeof buf), name);
    }
    return GF_OK;
}

static gf_status read_node(gx_ctx *cx, network *net, const gx_node *el, node_kind kind)
{
    const char *elem = gx_local_name(el);
    int line = gx_line(el);
    gf_status st = GF_OK;
    const char *id = required_attr(cx, el, "id", elem, NULL, &st);
    if (!id)
        return st;
    int dup = network_find_node(net, id);
    if (dup >= 0)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "duplicate id (first at line %d)", net->nodes[dup].line);
    int idx = network_add_node(net, id, kind, line);
    if (idx < 0)
        return gx_fail(cx, GF_ERR_NOMEM, line, elem, id, "out of memory");
    net_node *node = &net->nodes[idx];
    if ((st = read_coordinate(cx, el, "x", elem, id, &node->x)) != GF_OK ||
        (st = read_coordinate(cx, el, "y", elem, id, &node->y)) != GF_OK)
        return st;
    switch (kind) {
    case NODE_SOURCE: return read_fields(cx, el, elem, id, source_fields, COUNT(source_fields), node);
    case NODE_SINK: return read_fields(cx, el, elem, id, sink_fields, COUNT(sink_fields), node);
    default: return read_fields(cx, el, elem, id, innode_fields, COUNT(innode_fields), node);
    }
}

/* A node reference in attribute `name`; index or -1 with the error set. */
static int node_ref(gx_ctx *cx, const network *net, const gx_node *el, const char *name, const char *elem,
                    const char *id, gf_status *st)
{
    const char *ref = required_attr(cx, el, name, elem, id, st);
    if (!ref)
        return -1;
    int idx = network_find_node(net, ref);
    if (idx < 0) {
        char buf[96];
        *st = gx_fail(cx, GF_ERR_INPUT, gx_line(el), elem, id, "unknown node '%s' in '%s'",
                      gx_clip(ref, buf, sizeof buf), name);
    }
    return idx;
}

/* Station/regulator piping of one side: resistor-like (drag factor with its
 * diameter) or a fixed loss, not both. Neither means no loss (NAN). */
static gf_status check_side(gx_ctx *cx, const gx_node *el, const char *elem, const char *id, double drag, double diam,
                            double loss, const char *side)
{
    int line = gx_line(el);
    if (!isnan(drag) && !isnan(loss))
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id,
                       "both 'dragFactor%s' and 'pressureLoss%s' given; expected one of them", side, side);
    if (!isnan(drag) && isnan(diam))
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "missing required value 'diameter%s'", side);
    return GF_OK;
}

static gf_status check_resistor(gx_ctx *cx, const gx_node *el, const net_arc *a)
{
    const char *elem = "resistor";
    int line = gx_line(el);
    if (!isnan(a->drag) && !isnan(a->pressure_loss))
        return gx_fail(cx, GF_ERR_INPUT, line, elem, a->id,
                       "both 'dragFactor' and 'pressureLoss' given; expected one of them");
    if (!isnan(a->drag) && isnan(a->diameter))
        return gx_fail(cx, GF_ERR_INPUT, line, elem, a->id, "missing required value 'diameter'");
    if (isnan(a->drag) && isnan(a->pressure_loss))
        return gx_fail(cx, GF_ERR_INPUT, line, elem, a->id,
                       "missing required value 'dragFactor' (with 'diameter') or 'pressureLoss'");
    return GF_OK;
}

static gf_status read_arc(gx_ctx *cx, network *net, const gx_node *el, arc_kind kind)
{
    const char *elem = arc_kind_name(kind);
    int line = gx_line(el);
    gf_status st = GF_OK;
    const char *id = required_attr(cx, el, "id", elem, NULL, &st);
    if (!id)
        return st;
    int dup = network_find_arc(net, id);
    if (dup >= 0)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "duplicate id (first at line %d)", net->arcs[dup].line);
    int from = node_ref(cx, net, el, "from", elem, id, &st);
    if (from < 0)
        return st;
    int to = node_ref(cx, net, el, "to", elem, id, &st);
    if (to < 0)
        return st;
    if (from == to) {
        char buf[96];
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "'from' and 'to' are the same node '%s'",
                       gx_clip(net->nodes[from].id, buf, sizeof buf));
    }
    int fuel = -1;
    if (kind == ARC_COMPRESSOR && gx_attr(el, "fuelGasVertex")) {
        fuel = node_ref(cx, net, el, "fuelGasVertex", elem, id, &st);
        if (fuel < 0)
            return st;
    }
    int bypass = -1, heat = -1, cool = -1;
    if (kind == ARC_CONTROL_VALVE || kind == ARC_COMPRESSOR) {
        if ((st = gx_flag(cx, el, "internalBypassRequired", elem, id, &bypass)) != GF_OK ||
            (st = gx_flag(cx, el, "gasPreheaterExisting", elem, id, &heat)) != GF_OK ||
            (st = gx_flag(cx, el, "gasCoolerExisting", elem, id, &cool)) != GF_OK)
            return st;
    }

    int idx = network_add_arc(net, id, kind, line);
    if (idx < 0)
        return gx_fail(cx, GF_ERR_NOMEM, line, elem, id, "out of memory");
    net_arc *a = &net->arcs[idx];
    a->from = from;
    a->to = to;
    a->fuel_node = fuel;
    a->bypass_required = bypass;
    a->preheater_or_cooler = heat >= 0 ? heat : cool;

    switch (kind) {
    case ARC_PIPE: return read_fields(cx, el, elem, a->id, pipe_fields, COUNT(pipe_fields), a);
    case ARC_SHORT_PIPE: return read_fields(cx, el, elem, a->id, short_pipe_fields, COUNT(short_pipe_fields), a);
    case ARC_RESISTOR:
        st = read_fields(cx, el, elem, a->id, resistor_fields, COUNT(resistor_fields), a);
        return st != GF_OK ? st : check_resistor(cx, el, a);
    case ARC_VALVE: return read_fields(cx, el, elem, a->id, valve_fields, COUNT(valve_fields), a);
    case ARC_CONTROL_VALVE:
        st = read_fields(cx, el, elem, a->id, control_valve_fields, COUNT(control_valve_fields), a);
        break;
    default: st = read_fields(cx, el, elem, a->id, compressor_fields, COUNT(compressor_fields), a); break;
    }
    if (st == GF_OK)
        st = check_side(cx, el, elem, a->id, a->drag_in, a->diam_in, a->loss_in, "In");
    if (st == GF_OK)
        st = check_side(cx, el, elem, a->id, a->drag_out, a->diam_out, a->loss_out, "Out");
    return st;
}

static gf_status read_node_element(gx_ctx *cx, network *net, const gx_node *el)
{
    const char *name = gx_local_name(el);
    node_kind kind;
    if (strcmp(name, "source") == 0) {
        kind = NODE_SOURCE;
    } else if (strcmp(name, "sink") == 0) {
        kind = NODE_SINK;
    } else if (strcmp(name, "innode") == 0) {
        kind = NODE_INNODE;
    } else {
        char buf[64];
        return gx_fail(cx, GF_ERR_INPUT, gx_line(el), NULL, NULL,
                       "unknown node kind '%s' (expected source, sink or innode)", gx_clip(name, buf, sizeof buf));
    }
    return read_node(cx, net, el, kind);
}

static gf_status read_arc_element(gx_ctx *cx, network *net, const gx_node *el)
{
    const char *name = gx_local_name(el);
    int kind = 0;
    while (kind < ARC_KIND_COUNT && strcmp(arc_kind_name((arc_kind)kind), name) != 0)
        kind++;
    if (kind == ARC_KIND_COUNT) {
        char buf[64];
        return gx_fail(cx, GF_ERR_INPUT, gx_line(el), NULL, NULL,
                       "unknown connection kind '%s' (expected pipe, shortPipe, resistor, "
                       "valve, controlValve or compressorStation)",
                       gx_clip(name, buf, sizeof buf));
    }
    return read_arc(cx, net, el, (arc_kind)kind);
}

/* Reads nodes and connections while the file is parsed, so that they leave
 * the tree at once. A connection whose end nodes are not all known yet
 * (its <nodes> would come later) stays in the tree, and so does the rest
 * of the document, for read_network. */
static gf_status on_net_element(gx_ctx *cx, gx_node *el, int *keep, void *data)
{
    network *net = data;
    const gx_node *box = el->parent;
    *keep = 1;
    if (!gx_is(box->parent, "network"))
        return GF_OK;
    if (gx_is(box, "nodes")) {
        *keep = 0;
        return read_node_element(cx, net, el);
    }
    if (gx_is(box, "connections")) {
        const char *from = gx_attr(el, "from"), *to = gx_attr(el, "to");
        if (from && to && network_find_node(net, from) >= 0 && network_find_node(net, to) >= 0) {
            *keep = 0;
            return read_arc_element(cx, net, el);
        }
    }
    return GF_OK;
}

/* Text of information/title, trimmed; "" when absent. */
static char *read_title(const gx_node *root)
{
    const gx_node *title = NULL;
    for (const gx_node *c = gx_first_element(root); c && !title; c = gx_next_element(c))
        if (gx_is(c, "information"))
            for (const gx_node *t = gx_first_element(c); t && !title; t = gx_next_element(t))
                if (gx_is(t, "title"))
                    title = t;
    const char *s = gx_text(title);
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    char *copy = malloc(n + 1);
    if (copy) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

static gf_status read_network(gx_ctx *cx, network *net)
{
    const gx_node *root = gx_root(cx);
    if (!gx_is(root, "network")) {
        char buf[64];
        return gx_fail(cx, GF_ERR_INPUT, gx_line(root), NULL, NULL,
                       "root element is '%s', expected 'network' (a GasLib .net file)",
                       gx_clip(gx_local_name(root), buf, sizeof buf));
    }
    net->title = read_title(root);
    if (!net->title)
        return gx_fail(cx, GF_ERR_NOMEM, gx_line(root), NULL, NULL, "out of memory");
    gf_status st = GF_OK;
    /* what on_net_element left: every node was read, connections may remain */
    for (const gx_node *c = gx_first_element(root); c && st == GF_OK; c = gx_next_element(c))
        if (gx_is(c, "nodes"))
            for (const gx_node *e = gx_first_element(c); e && st == GF_OK; e = gx_next_element(e))
                st = read_node_element(cx, net, e);
    for (const gx_node *c = gx_first_element(root); c && st == GF_OK; c = gx_next_element(c))
        if (gx_is(c, "connections"))
            for (const gx_node *e = gx_first_element(c); e && st == GF_OK; e = gx_next_element(e))
                st = read_arc_element(cx, net, e);
    if (st == GF_OK && net->n_nodes == 0)
        st = gx_fail(cx, GF_ERR_INPUT, gx_line(root), NULL, NULL, "the network has no nodes");
    return st;
}

/* Reads the document from buf (len bytes) or, when buf is NULL, from the
 * file name. */
static gf_status read_net(const char *buf, size_t len, const char *name, network *net, error_info *err)
{
    network_free(net);
    gx_ctx cx;
    gf_status st = gx_open(&cx, name, 0, err);
    cx.on_element = on_net_element;
    cx.element_data = net;
    if (st == GF_OK) {
        net->path = malloc(strlen(name) + 1);
        if (!net->path)
            st = gx_fail(&cx, GF_ERR_NOMEM, 0, NULL, NULL, "out of memory");
        else
            strcpy(net->path, name);
    }
    if (st == GF_OK)
        st = buf ? gx_parse(&cx, buf, len) : gx_parse_file(&cx, name);
    if (st == GF_OK)
        st = read_network(&cx, net);
    if (st == GF_OK && network_seal(net) != 0)
        st = gx_fail(&cx, GF_ERR_NOMEM, 0, NULL, NULL, "out of memory");
    gx_close(&cx);
    if (st != GF_OK)
        network_free(net);
    return st;
}

gf_status gaslib_read_net_memory(const char *buf, size_t len, const char *name, network *net, error_info *err)
{
    error_clear(err);
    if (!net || (!buf && len > 0))
        return error_set(err, GF_ERR_ARG, "gaslib_read_net: NULL argument");
    return read_net(buf ? buf : "", len, name ? name : "<memory>", net, err);
}

gf_status gaslib_read_net(const char *path, network *net, error_info *err)
{
    error_clear(err);
    if (!path || !net)
        return error_set(err, GF_ERR_ARG, "gaslib_read_net: NULL argument");
    return read_net(NULL, 0, path, net, err);
}
