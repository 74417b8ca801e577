/* Workspace of the steady solver, shared by its set-up (steady_setup.c) and
 * its Newton iteration (steady_newton.c). Not part of any interface. */
#ifndef GF_SOLVER_STEADY_INTERNAL_H
#define GF_SOLVER_STEADY_INTERNAL_H

#include "solver/sparse.h"
#include "solver/steady.h"
#include "util/arena.h"

/* An arc whose law gives its flow from the end pressures: eliminated. */
typedef enum { LAW_PIPE = 0, LAW_RESISTOR, LAW_FIXED_LOSS } law_kind;

typedef struct {
    law_kind kind;
    int i, j;        /* supernodes of from and to */
    double c;        /* pipe: (A eta / D)^2 R T L / (D A^2); resistor: zeta R T / (2 A^2); fixed loss: Pa */
    double s0;       /* pipe: 2 g dh / (R T) (s = s0 / z) */
    double re_per_q; /* D / (A eta): Reynolds number per kg/s */
    double rel_k;    /* k / D */
    double lambda_t; /* pipe: lambda of a law that does not depend on Re (Nikuradse with k > 0,
                        constant), for Re >= re_t; 0 otherwise */
    union {
        double re_t;  /* pipe: Re from which phi follows the law (friction.h) */
        double q_lam; /* resistor: flow below which the loss is linear, kg/s */
    };
    int slot[4];          /* matrix positions (i,i) (i,j) (j,i) (j,j); -1 if in a fixed row */
    double f, fq, fi, fj; /* law residual and its partial derivatives */
    double rfq;           /* 1 / fq, from the assembly for the flows' update */
} law_arc;

/* An arc whose flow stays an unknown, bordering the node system. */
typedef enum { BORDER_OUTLET = 0, BORDER_INLET, BORDER_RATIO, BORDER_FLOW } border_kind;

typedef struct {
    int arc;
    border_kind kind;
    int i, j;
    double value;                  /* outlet or inlet Pa, ratio, flow kg/s */
    double loss_in, loss_out;      /* ratio: fixed station piping losses, Pa */
    int col;                       /* unknown (and row) of this arc's flow; arcs setting the same node share one */
    int lead;                      /* 1 if this arc owns the row of col */
    double share;                  /* fraction of the flow of col that this arc carries */
    int slot_ic, slot_jc;          /* (i, col), (j, col); -1 if in a fixed row */
    int slot_rq, slot_ri, slot_rj; /* own row: (r, col), (r, i), (r, j) */
    double h, hq, hi, hj;
} border_arc;

/* The set-up of the last solve, kept between solves (steady_result.setup):
 * what follows from the network, the modes and set points, the gas
 * parameters and the pressure references, but not from the nomination's
 * flows. A solve that agrees in all of these takes it instead of building
 * it again: supernodes, law arcs and their constants, the peeled trees, the
 * rows and the matrix positions. Kept for node systems without bordering
 * flows, whose symbolic analysis the sparse cache keeps (built tells that
 * the parked system is still this set-up's). */
typedef struct steady_memo {
    arena store; /* every array below */
    int valid;
    unsigned long taken; /* set-ups taken from it so far (for the tests) */
    unsigned long built; /* the sparse cache's count of built systems when this one was */
    const network *net;  /* the network, at its seals-th network_seal */
    unsigned long seals;
    double r_s, temperature, viscosity;
    friction_model friction;
    gf_mode *mode;     /* per arc */
    double *set_point; /* per arc */
    int *ref_node;     /* per supernode */
    int n_super, n_lossless, n_law, n_law_core, n_tree, n, n_roots;
    size_t n_entries; /* (row, col) pairs of the system */
    int *super_of, *lossless, *forest_order, *forest_parent, *comp, *roots, *law_net, *peel_node, *row_of, *var_of,
        *slot_diag;
    law_arc *law;
} steady_memo;

typedef struct {
    arena *arena; /* the arrays below that are not kept, and the set-up's scratch */
    arena *keep;  /* the arrays a steady_memo keeps (the memo's store, else arena) */
    arena own;    /* the arena when the caller lends none */
    const network *net;
    const steady_params *par;
    size_t n_nodes, n_arcs;
    /* supernodes */
    int n_super;
    int *super_of;           /* per node */
    double *fixed_p;         /* per supernode: fixed pressure (Pa) or NAN */
    int *ref_node;           /* per supernode: reference node or -1 */
    unsigned char *ref_user; /* per supernode: the reference was given, not defaulted */
    double *demand;          /* per supernode: fixed withdrawal, kg/s */
    double *node_demand;     /* per node: nominated withdrawal plus extra, kg/s */
    double rebalanced;       /* kg/s entries without a reference took on beyond the nomination */
    /* arcs */
    gf_mode *mode;     /* per arc */
    double *set_point; /* per arc */
    int n_law, n_border;
    int n_law_core; /* law[0 .. n_law_core) are in the Newton system; the rest hang in trees */
    int n_tree;     /* law arcs in trees: law[n_law_core + t] was peeled t-th */
    int *peel_node; /* per tree arc (same order): the supernode it leads to */
    int n_cols;     /* bordering flow unknowns */
    law_arc *law;
    int *law_ends;  /* per law arc in the order added: i and j, for the peeling */
    int *law_net;   /* per law arc: its network arc (in the order the peeling leaves) */
    int *comp;      /* per supernode: union-find of the pressure components (set-up) */
    int *peel_deg;  /* per supernode: law arcs at it (set-up, for the peeling) */
    int *peel_axor; /* per supernode: xor of their indices */
    border_arc *border;
    const int *arc_from, *arc_to; /* per arc: end nodes (the network's view) */
    int *lossless;                /* arcs merged into supernodes */
    int n_lossless;
    int *forest_order;  /* a spanning forest of the lossless arcs: every node, each after its parent */
    int *forest_parent; /* per node: its arc to its parent there, -1 at a root */
    /* unknowns and linear system */
    int n;         /* matrix size: core supernodes + bordering flow unknowns */
    double *x;     /* pi per supernode, then bordering flows (ns + n_cols) */
    int *row_of;   /* per entry of x: its matrix row/column, -1 outside the core */
    int *var_of;   /* per matrix row: its entry of x */
    double *q_law; /* flow per law arc */
    double *dx;
    double *g;      /* mass residual per supernode */
    double *p_root; /* pressure (the root of x) per supernode, for an evaluation */
    double *p_tree; /* the sweep: pressure (not squared) of each peeled supernode */
    int *slot_diag; /* (s, s) position per supernode (fixed rows) */
    sparse_system sys;
    sparse_cache *cache; /* the analysis kept between solves (steady_result), may be NULL */
    /* diagnostics */
    double *hist_mass, *hist_law; /* per iteration */
    double p_scale, q_scale;
} steady_ws;

/* Lossless arcs (short pipes, resistors with zero drag, open valves,
 * bypassed stations and regulators) merge their end nodes into one
 * supernode. */
static inline int arc_is_lossless(const network *net, size_t a, gf_mode mode)
{
    arc_kind kind = (arc_kind)net->view.kind[a];
    return mode != GF_MODE_CLOSED &&
           (kind == ARC_SHORT_PIPE || mode == GF_MODE_OPEN || (kind == ARC_RESISTOR && net->arcs[a].drag == 0.0));
}

/* steady_setup.c */
/* Sets the problem up in w, from memo when it agrees (see steady_memo), and
 * keeps the set-up in memo for the next solve; memo and cache may be NULL. */
gf_status steady_setup(steady_ws *w, arena *scratch, sparse_cache *cache, steady_memo *memo, const network *net,
                       const scenario *scn, const controls *ctl, const double *extra, const steady_params *par,
                       error_info *err);
void steady_ws_free(steady_ws *w);

/* steady_newton.c */
gf_status steady_newton(steady_ws *w, steady_result *res, error_info *err);

#endif
