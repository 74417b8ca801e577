/* Modes and set points of active elements (valves, control valves,
 * compressor stations) and explicit pressure references, as a controls file
 * or the API sets them. An arc without a control statement keeps its default
 * (see gf_solve_steady in gasflow.h). */
#ifndef GF_MODEL_CONTROLS_H
#define GF_MODEL_CONTROLS_H

#include <stddef.h>

#include "gasflow.h"

typedef struct {
    gf_mode mode; /* GF_MODE_NONE: not set, the default applies */
    double value; /* Pa (outlet), ratio, kg/s (flow); NAN otherwise */
    int line;     /* line in the controls file, 0 if set otherwise */
} arc_control;

typedef struct {
    int node;
    double p; /* Pa */
    int line;
} slack_control;

typedef struct {
    char *path;
    size_t n_arcs;
    arc_control *arcs; /* n_arcs */
    slack_control *slacks;
    size_t n_slacks, slack_cap;
} controls;

int controls_init(controls *c, size_t n_arcs);
void controls_free(controls *c);
int controls_add_slack(controls *c, int node, double p, int line);

#endif
