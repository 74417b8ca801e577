/* Compressor stations as operated: from a steady solution, each station's
 * suction and discharge pressure (after its inlet and outlet piping), the
 * head, shaft power and drive fuel it needs. Without machine data (.cs) a
 * station is an ideal isentropic machine of efficiency 0.8 driven by a gas
 * turbine of thermal efficiency 0.33 (both documented assumptions); with
 * machine data, its maps and drive laws decide (station_maps.h). Either way
 * the fuel is drawn at the station's fuelGasVertex. */
#ifndef GF_SOLVER_STATIONS_H
#define GF_SOLVER_STATIONS_H

#include "model/stations.h"
#include "solver/steady.h"

#define STATION_ETA_ISENTROPIC 0.8 /* ideal machine, physics.md §3 */
#define STATION_ETA_DRIVE 0.33     /* gas turbine, thermal efficiency (assumption) */

typedef struct {
    int arc; /* network arc (a compressorStation) */
    gf_mode mode;
    double suction;    /* Pa, at the machine inlet (from-node pressure less the inlet loss) */
    double discharge;  /* Pa, at the machine outlet (to-node pressure plus the outlet loss) */
    double q;          /* kg/s through the machines (0 unless compressing) */
    double head;       /* J/kg, isentropic head */
    double efficiency; /* isentropic efficiency used */
    double power;      /* W, shaft power */
    double fuel;       /* kg/s of gas burnt by the drives */
    int fuel_node;     /* node the fuel is drawn at */
    int map;           /* 1: from the station's machine data (.cs), 0: ideal isentropic machine */
    int configuration; /* index into the .cs station's configurations, -1 without */
    double speed;      /* 1/s, first unit of the first stage; NAN without machine data */
    char limit[64];    /* the machine or drive limit the operating point passes, "" if none */
    double recycle;    /* kg/s recirculated around units on their surge line */
} station_result;

/* Evaluates the compressor stations arcs[0..n) of net into out[0..n);
 * those with machine data in cs (may be NULL) on their maps. */
void stations_evaluate(const network *net, const station_set *cs, const steady_params *par, const steady_result *res,
                       const int *arcs, size_t n, station_result *out);

/* Pressure drop of a station's inlet or outlet piping at mass flow q
 * (kg/s) and pressure p (Pa): a fixed loss, or zeta rho v^2 / 2 of a pipe of
 * the given diameter. */
double station_piping_loss(const steady_params *par, double fixed, double zeta, double diameter, double q, double p);

#endif
