/* The network model: nodes, arcs and a nomination, all in SI units, with the
 * id -> index lookups that readers and the solver share. Readers fill it, the
 * solver reads it; nothing here knows about files or file units.
 *
 * Conventions: pressures absolute in Pa, lengths in m, temperatures in K,
 * volumetric flows at GasLib norm conditions (273.15 K, 1.01325 bar) in m^3/s.
 * Unknown optional values are NAN. Indices are 0-based. */
#ifndef GF_MODEL_NETWORK_H
#define GF_MODEL_NETWORK_H

#include <stddef.h>

#include "util/error.h"
#include "util/strmap.h"

typedef enum { NODE_INNODE = 0, NODE_SOURCE, NODE_SINK } node_kind;

typedef enum {
    ARC_PIPE = 0,
    ARC_SHORT_PIPE,
    ARC_RESISTOR,
    ARC_VALVE,
    ARC_CONTROL_VALVE,
    ARC_COMPRESSOR,
    ARC_KIND_COUNT
} arc_kind;

/* Gas quality as a source declares it. */
typedef struct {
    double temperature;      /* K, injection temperature */
    double calorific_value;  /* J/m^3 at norm conditions */
    double norm_density;     /* kg/m^3 at norm conditions */
    double cp_a, cp_b, cp_c; /* molar c_p = a + b T + c T^2, J/(mol K), T in K */
    double molar_mass;       /* kg/mol */
    double pc;               /* Pa, pseudo-critical pressure */
    double tc;               /* K, pseudo-critical temperature */
} gas_quality;

typedef struct {
    char *id;
    node_kind kind;
    int line;                  /* line in the .net file, 0 if unknown */
    double height;             /* m */
    double p_min, p_max;       /* Pa absolute; NAN if not given */
    double flow_min, flow_max; /* m^3/s (norm); sources and sinks only, else NAN */
    double x, y;               /* drawing coordinates; NAN if absent */
    gas_quality gas;           /* sources only */
} net_node;

typedef struct {
    char *id;
    arc_kind kind;
    int line;
    int from, to;              /* node indices */
    double flow_min, flow_max; /* m^3/s (norm), NAN if absent */
    /* pipe */
    double length;        /* m */
    double diameter;      /* m, inner; pipe and resistor reference */
    double roughness;     /* m */
    double p_max;         /* Pa, design pressure; NAN if absent */
    double heat_transfer; /* W/(m^2 K); NAN if absent */
    /* resistor: either drag (zeta with diameter) or a fixed loss */
    double drag;          /* zeta, dimensionless; NAN if fixed-loss type */
    double pressure_loss; /* Pa; NAN if drag type */
    /* valve, control valve */
    double dp_min, dp_max; /* Pa; NAN if absent */
    /* control valve, compressor station */
    double p_in_min, p_out_max; /* Pa; NAN if absent */
    double loss_in, loss_out;   /* Pa, fixed station piping losses; NAN if drag type */
    double drag_in, diam_in;    /* zeta, m: station inlet piping as a resistor */
    double drag_out, diam_out;  /* zeta, m: station outlet piping as a resistor */
    int fuel_node;              /* compressor: node index, -1 if none */
    int bypass_required;        /* 0/1 flag from the file, -1 if absent */
    int preheater_or_cooler;    /* 0/1 flag from the file, -1 if absent */
} net_arc;

/* Compact copies of the fields that every solve and every bound check
 * read, one array per field, made by network_seal once the records are
 * complete: a pass over them reads a few bytes per element instead of a
 * record of about 200. */
typedef struct {
    int sealed;               /* 1 while the copies match the records */
    unsigned long seals;      /* network_seal calls so far (a solver's kept set-up is of one) */
    int *from, *to;           /* per arc */
    unsigned char *kind;      /* per arc: its arc_kind */
    double *arc_bounds;       /* per arc: flow_min, flow_max, p_max */
    double *geometry;         /* per arc: length, diameter, roughness */
    unsigned char *node_kind; /* per node: its node_kind */
    double *height;           /* per node */
    double *node_bounds;      /* per node: p_min, p_max, flow_min, flow_max */
} network_view;

typedef struct {
    char *path; /* file the network came from */
    char *title;
    size_t n_nodes, n_arcs;
    size_t node_cap, arc_cap; /* allocated lengths of nodes, arcs */
    net_node *nodes;
    net_arc *arcs;
    int *sources; /* the source nodes' indices, in order (a node's kind is set once) */
    size_t n_sources, source_cap;
    strmap node_index; /* id -> node index */
    strmap arc_index;  /* id -> arc index */
    network_view view; /* see network_seal */
} network;

/* One nomination. Per node, flows are signed withdrawals (positive = gas
 * leaves the network, entries negative) in m^3/s at norm conditions; a
 * node absent from the scenario has flow_lo = flow_hi = 0. Pressures are
 * bounds or, when lo == hi from bound="both", a fixed pressure. */
typedef struct {
    char *path;
    char *id;
    size_t n_nodes;
    double *flow_lo, *flow_hi; /* m^3/s (norm) withdrawal; equal when fixed */
    double *p_lo, *p_hi;       /* Pa absolute; NAN if not given */
    unsigned char *p_fixed;    /* 1 where bound="both" fixes the pressure */
    int *line;                 /* line of the node's entry in the .scn, 0 if absent */
} scenario;

void network_init(network *net);
void network_free(network *net);
/* Appends a node/arc with all optional fields NAN/-1; returns its index or
 * -1 on allocation failure. The id is copied. */
int network_add_node(network *net, const char *id, node_kind kind, int line);
int network_add_arc(network *net, const char *id, arc_kind kind, int line);
/* Makes net->view from the records; 0, or -1 on allocation failure.
 * Adding a node or an arc unseals the view; the solver refuses an unsealed
 * network. */
int network_seal(network *net);
int network_find_node(const network *net, const char *id);
int network_find_arc(const network *net, const char *id);

int scenario_init(scenario *scn, size_t n_nodes);
void scenario_free(scenario *scn);

const char *arc_kind_name(arc_kind kind); /* GasLib element name */
const char *node_kind_name(node_kind kind);

#endif
