/* The steady-state network problem: set-up of the equations for a network,
 * a nomination and controls, and their solution by Newton's method.
 *
 * Unknowns are the squared pressures pi = p^2 of supernodes (nodes joined by
 * lossless arcs -- short pipes, open valves, bypassed stations -- merged
 * into one) and the flows of all arcs. Pipe and resistor flows are
 * eliminated per iteration (their laws are solved for the flow correction
 * and substituted into the mass balances, as in the global gradient
 * algorithm of Todini & Pilati 1988); flows of arcs whose law does not
 * determine their flow (stations and regulators at a set point, fixed
 * ratio or fixed flow, fixed-loss resistors) stay as unknowns bordering the
 * node system. One KLU analysis per set-up, one factorization per
 * iteration, no allocation inside the loop. */
#ifndef GF_SOLVER_STEADY_H
#define GF_SOLVER_STEADY_H

#include "gasflow.h"
#include "model/controls.h"
#include "model/network.h"
#include "physics/friction.h"
#include "physics/gas.h"
#include "util/arena.h"
#include "util/error.h"

/* Physical parameters of one solve, resolved from the network, nomination
 * and options (see steady_resolve_params). */
typedef struct {
    gas_model gas;
    gas_z_poly z_poly; /* z(p) of gas at temperature */
    friction_model friction;
    double temperature; /* K */
    double r_s;         /* J/(kg K) */
    double rho_n;       /* kg/m^3 at norm conditions */
    double kappa;       /* isentropic exponent */
    double calorific;   /* J/m^3 at norm conditions; NAN if the sources give none */
    double viscosity;   /* Pa s */
    int max_iterations;
    double tolerance;
    int station_recycle; /* 1: turbo units left of their surge line recycle onto it */
    int threads;         /* for a factorization (mf_set_threads) */
} steady_params;

/* The solution, per node and arc of the network. */
typedef struct {
    double *p;                   /* Pa, per node */
    double *withdrawal;          /* kg/s, per node */
    unsigned char *is_reference; /* per node */
    double *q;                   /* kg/s, per arc */
    gf_mode *mode;               /* per arc, the mode used */
    double *set_point;           /* per arc, per mode (Pa, ratio, kg/s), else NAN */
    int iterations;
    int converged;
    double mass_residual;   /* kg/s */
    double law_residual;    /* Pa */
    double slack_imbalance; /* kg/s the references supply beyond their nomination */
    size_t n_unknowns;
    double linear_ms;              /* fastest factorization and solve of one iteration, ms (0 without one) */
    int warm;                      /* set by the caller: the next steady_solve starts from this result's
                                      pressures and set-point flows (a converged solution of the same network) */
    struct sparse_cache *analysis; /* the last solve's symbolic analysis, reused by the next
                                      solve of the same pattern (solver/sparse.h) */
    struct steady_memo *setup;     /* the last solve's set-up, reused by the next solve that
                                      agrees with it (solver/steady_internal.h) */
} steady_result;

int steady_result_init(steady_result *r, size_t n_nodes, size_t n_arcs);
void steady_result_free(steady_result *r);

/* Resolves the gas and numerical parameters: the gas of the sources mixed
 * by nominated inflow (see gasflow.h), overridden by the options. */
gf_status steady_resolve_params(const network *net, const scenario *scn, const gf_options *opt, steady_params *out,
                                error_info *err);

/* Solves the steady state. scn, ctl and extra may be NULL; extra holds
 * withdrawals (kg/s per node) beyond the nomination, such as station fuel:
 * the pressure references supply them, and they are left out of the
 * nomination's balance check. scratch, when not NULL, is an arena the solve
 * resets and works in, kept by the caller so that repeated solves reuse its
 * memory. On GF_OK the result is
 * converged; on a solver failure (GF_ERR_NOT_CONVERGED, GF_ERR_NONPHYSICAL,
 * GF_ERR_SINGULAR) the result holds the last iterate and err the
 * diagnostics; GF_ERR_INPUT for a problem that cannot be posed (unbalanced
 * nomination, conflicting pressure references). */
/* With res->warm the Newton iteration starts from the pressures and
 * set-point flows in res instead of the cold start. */
gf_status steady_solve(const network *net, const scenario *scn, const controls *ctl, const double *extra,
                       const steady_params *par, arena *scratch, steady_result *res, error_info *err);

#endif
