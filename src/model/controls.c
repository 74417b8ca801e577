/* Storage of controls: see controls.h. */
#include "model/controls.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"

int controls_init(controls *c, size_t n_arcs)
{
    memset(c, 0, sizeof *c);
    c->n_arcs = n_arcs;
    c->arcs = malloc((n_arcs ? n_arcs : 1) * sizeof *c->arcs);
    if (!c->arcs)
        return -1;
    for (size_t i = 0; i < n_arcs; i++) {
        c->arcs[i].mode = GF_MODE_NONE;
        c->arcs[i].value = NAN;
        c->arcs[i].line = 0;
    }
    return 0;
}

void controls_free(controls *c)
{
    free(c->arcs);
    free(c->slacks);
    free(c->path);
    memset(c, 0, sizeof *c);
}

int controls_add_slack(controls *c, int node, double p, int line)
{
    if (array_reserve_one((void **)&c->slacks, &c->slack_cap, c->n_slacks, sizeof *c->slacks) != 0)
        return -1;
    c->slacks[c->n_slacks].node = node;
    c->slacks[c->n_slacks].p = p;
    c->slacks[c->n_slacks].line = line;
    c->n_slacks++;
    return 0;
}
