/* The project behind the public handle: what the entry points in api.c and
 * the analyses built on them (capacity.c) share. Not part of any interface. */
#ifndef GF_PROJECT_H
#define GF_PROJECT_H

#include "gasflow.h"
#include "model/controls.h"
#include "model/network.h"
#include "solver/stations.h"
#include "solver/steady.h"
#include "util/error.h"

struct gf_project {
    network net;
    scenario scn;
    controls ctl;
    int has_net, has_scn, has_ctl;
    steady_params par;
    steady_result res;
    int has_result;      /* a solve ran and its arrays are filled */
    int solved;          /* ... and it converged */
    gf_report report;
    gf_violation *viol;
    size_t n_viol;
    station_result *stations; /* per compressor station, in arc order */
    size_t n_stations;
    double *fuel_scratch;     /* per node, fuel withdrawals of the next round */
    error_info err;
};

#endif
