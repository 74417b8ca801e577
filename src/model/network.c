/* Network and scenario storage: growable arrays and id lookups. */
#include "model/network.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/text.h"

void network_init(network *net)
{
    memset(net, 0, sizeof *net);
    strmap_init(&net->node_index);
    strmap_init(&net->arc_index);
}

static void view_free(network_view *v)
{
    free(v->from);
    free(v->to);
    free(v->kind);
    free(v->arc_bounds);
    free(v->geometry);
    free(v->node_kind);
    free(v->height);
    free(v->node_bounds);
    memset(v, 0, sizeof *v);
}

int network_seal(network *net)
{
    network_view *v = &net->view;
    unsigned long seals = v->seals;
    view_free(v);
    v->seals = seals + 1;
    size_t na = net->n_arcs ? net->n_arcs : 1, nn = net->n_nodes ? net->n_nodes : 1;
    v->from = malloc(na * sizeof *v->from);
    v->to = malloc(na * sizeof *v->to);
    v->kind = malloc(na);
    v->arc_bounds = malloc(3 * na * sizeof *v->arc_bounds);
    v->geometry = malloc(3 * na * sizeof *v->geometry);
    v->node_kind = malloc(nn);
    v->height = malloc(nn * sizeof *v->height);
    v->node_bounds = malloc(4 * nn * sizeof *v->node_bounds);
    if (!v->from || !v->to || !v->kind || !v->arc_bounds || !v->geometry || !v->node_kind || !v->height ||
        !v->node_bounds) {
        view_free(v);
        v->seals = seals + 1;
        return -1;
    }
    for (size_t a = 0; a < net->n_arcs; a++) {
        const net_arc *arc = &net->arcs[a];
        v->from[a] = arc->from;
        v->to[a] = arc->to;
        v->kind[a] = (unsigned char)arc->kind;
        v->arc_bounds[3 * a] = arc->flow_min;
        v->arc_bounds[3 * a + 1] = arc->flow_max;
        v->arc_bounds[3 * a + 2] = arc->p_max;
        v->geometry[3 * a] = arc->length;
        v->geometry[3 * a + 1] = arc->diameter;
        v->geometry[3 * a + 2] = arc->roughness;
    }
    for (size_t n = 0; n < net->n_nodes; n++) {
        const net_node *node = &net->nodes[n];
        v->node_kind[n] = (unsigned char)node->kind;
        v->height[n] = node->height;
        v->node_bounds[4 * n] = node->p_min;
        v->node_bounds[4 * n + 1] = node->p_max;
        v->node_bounds[4 * n + 2] = node->flow_min;
        v->node_bounds[4 * n + 3] = node->flow_max;
    }
    v->sealed = 1;
    return 0;
}

void network_free(network *net)
{
    view_free(&net->view);
    for (size_t i = 0; i < net->n_nodes; i++)
        free(net->nodes[i].id);
    for (size_t i = 0; i < net->n_arcs; i++)
        free(net->arcs[i].id);
    free(net->nodes);
    free(net->arcs);
    free(net->sources);
    free(net->path);
    free(net->title);
    strmap_free(&net->node_index);
    strmap_free(&net->arc_index);
    network_init(net);
}

int network_add_node(network *net, const char *id, node_kind kind, int line)
{
    if (array_reserve_one((void **)&net->nodes, &net->node_cap, net->n_nodes, sizeof *net->nodes) != 0)
        return -1;
    net_node *n = &net->nodes[net->n_nodes];
    memset(n, 0, sizeof *n);
    n->id = text_copy(id);
    if (!n->id)
        return -1;
    n->kind = kind;
    n->line = line;
    n->height = 0.0;
    n->p_min = n->p_max = NAN;
    n->flow_min = n->flow_max = NAN;
    n->x = n->y = NAN;
    gas_quality *g = &n->gas;
    g->temperature = g->calorific_value = g->norm_density = NAN;
    g->cp_a = g->cp_b = g->cp_c = NAN;
    g->molar_mass = g->pc = g->tc = NAN;
    if (kind == NODE_SOURCE &&
        array_reserve_one((void **)&net->sources, &net->source_cap, net->n_sources, sizeof *net->sources) != 0) {
        free(n->id);
        return -1;
    }
    if (strmap_put(&net->node_index, n->id, (int)net->n_nodes) < 0) {
        free(n->id);
        return -1;
    }
    if (kind == NODE_SOURCE)
        net->sources[net->n_sources++] = (int)net->n_nodes;
    net->view.sealed = 0;
    return (int)net->n_nodes++;
}

int network_add_arc(network *net, const char *id, arc_kind kind, int line)
{
    if (array_reserve_one((void **)&net->arcs, &net->arc_cap, net->n_arcs, sizeof *net->arcs) != 0)
        return -1;
    net_arc *a = &net->arcs[net->n_arcs];
    memset(a, 0, sizeof *a);
    a->id = text_copy(id);
    if (!a->id)
        return -1;
    a->kind = kind;
    a->line = line;
    a->from = a->to = -1;
    a->flow_min = a->flow_max = NAN;
    a->length = a->diameter = a->roughness = a->p_max = a->heat_transfer = NAN;
    a->drag = a->pressure_loss = NAN;
    a->dp_min = a->dp_max = a->p_in_min = a->p_out_max = NAN;
    a->loss_in = a->loss_out = NAN;
    a->drag_in = a->diam_in = a->drag_out = a->diam_out = NAN;
    a->fuel_node = -1;
    a->bypass_required = -1;
    a->preheater_or_cooler = -1;
    if (strmap_put(&net->arc_index, a->id, (int)net->n_arcs) < 0) {
        free(a->id);
        return -1;
    }
    net->view.sealed = 0;
    return (int)net->n_arcs++;
}

int network_find_node(const network *net, const char *id)
{
    return strmap_get(&net->node_index, id);
}

int network_find_arc(const network *net, const char *id)
{
    return strmap_get(&net->arc_index, id);
}

int scenario_init(scenario *scn, size_t n_nodes)
{
    memset(scn, 0, sizeof *scn);
    scn->n_nodes = n_nodes;
    size_t n = n_nodes ? n_nodes : 1;
    scn->flow_lo = calloc(n, sizeof *scn->flow_lo);
    scn->flow_hi = calloc(n, sizeof *scn->flow_hi);
    scn->p_lo = malloc(n * sizeof *scn->p_lo);
    scn->p_hi = malloc(n * sizeof *scn->p_hi);
    scn->p_fixed = calloc(n, sizeof *scn->p_fixed);
    scn->line = calloc(n, sizeof *scn->line);
    if (!scn->flow_lo || !scn->flow_hi || !scn->p_lo || !scn->p_hi || !scn->p_fixed || !scn->line) {
        scenario_free(scn);
        return -1;
    }
    for (size_t i = 0; i < n_nodes; i++)
        scn->p_lo[i] = scn->p_hi[i] = NAN;
    return 0;
}

void scenario_free(scenario *scn)
{
    free(scn->flow_lo);
    free(scn->flow_hi);
    free(scn->p_lo);
    free(scn->p_hi);
    free(scn->p_fixed);
    free(scn->line);
    free(scn->path);
    free(scn->id);
    memset(scn, 0, sizeof *scn);
}

const char *arc_kind_name(arc_kind kind)
{
    static const char *const names[ARC_KIND_COUNT] = {"pipe",  "shortPipe",    "resistor",
                                                      "valve", "controlValve", "compressorStation"};
    return (unsigned)kind < ARC_KIND_COUNT ? names[kind] : "unknown";
}

const char *node_kind_name(node_kind kind)
{
    switch (kind) {
    case NODE_SOURCE: return "source";
    case NODE_SINK: return "sink";
    default: return "innode";
    }
}
