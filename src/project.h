/* The project behind the public handle: what the entry points in api.c and
 * the analyses built on them (capacity.c) share. Not part of any interface. */
#ifndef GF_PROJECT_H
#define GF_PROJECT_H

#include "gasflow.h"
#include "model/controls.h"
#include "model/decisions.h"
#include "model/network.h"
#include "model/stations.h"
#include "solver/stations.h"
#include "solver/steady.h"
#include "util/error.h"

struct gf_project {
    network net;
    scenario scn;
    controls ctl;
    decision_set dec; /* combined decisions (.cdf) and the one chosen per group */
    station_set cs;   /* machine data of the compressor stations (.cs) */
    int has_cs;
    int has_net, has_scn, has_ctl, has_dec;
    steady_params par;
    steady_result res;
    int res_allocated; /* res, stations and fuel_scratch are allocated for this network */
    int has_result;    /* a solve ran and its arrays are filled */
    int solved;        /* ... and it converged */
    gf_report report;
    gf_violation *viol;
    size_t n_viol, viol_cap; /* viol is kept between solves */
    controls want;           /* modes asked for in the last solve: decisions, then controls */
    int has_want;
    int *station_arcs; /* the compressorStation arcs of the network, in order */
    size_t n_station_arcs;
    station_result *stations; /* per compressor station, in arc order */
    size_t n_stations;
    double *fuel_scratch; /* per node, the station fuel withdrawn in the next round */
    arena scratch;        /* the solver's working memory, kept between solves */
    error_info err;
};

/* The mode and set point decision entry e gives its element. */
void decision_mode(const network *net, const decision_entry *e, arc_control *out);

/* The start of an entry point that reads or writes the file path (fn its
 * name, for the message): the last error cleared, then GF_ERR_ARG without
 * a path, GF_ERR_STATE with need_net but no network loaded. */
gf_status project_file_call(gf_project *p, const char *path, const char *fn, int need_net);

#endif
