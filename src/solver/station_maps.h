/* Compressor stations with machine data (GasLib .cs): the operating point of
 * every configuration a station can run in, for the mass flow and the
 * suction and discharge pressures of a steady solution, and the choice of
 * the configuration that meets them with least power. */
#ifndef GF_SOLVER_STATION_MAPS_H
#define GF_SOLVER_STATION_MAPS_H

#include "model/stations.h"
#include "solver/steady.h"

#define STATION_AMBIENT_K 288.15 /* ambient temperature for the drives' power limits (assumption) */

typedef struct {
    int configuration; /* index into the station's configurations; -1 if none fits */
    double speed;      /* 1/s, of the first unit of the first stage */
    double head;       /* J/kg, isentropic head of the whole station */
    double efficiency; /* mass-flow weighted: q head / power */
    double power;      /* W, shaft power of all units */
    double fuel_power; /* W, energy rate of the gas the drives burn */
    double recycle;    /* kg/s recirculated by units held on their surge line (station_recycle) */
    char limit[64];    /* "" when every unit runs inside its map and drive;
                          else the limit hit: surge, choke, speed_min,
                          speed_max, drive_power, ratio_max, torque_max */
} station_operating_point;

/* Evaluates station st for mass flow q (kg/s) from suction p_s to discharge
 * p_d (Pa): every configuration with equal pressure ratios across its
 * serial stages, the gas cooled back to the network temperature between
 * stages, equal flow in parallel units; each turbo unit at the speed whose
 * head meets its stage's isentropic head, each piston unit at the speed at
 * which its operating volume less the additional reduction
 * (operatingVolume (1 - additionalReductionVolFlow) per revolution, an
 * assumption: GasLib documents no piston flow law) draws its flow at the
 * inlet density, with the torque P / (2 pi n) against its maximalTorque (0
 * meaning none given). Picks the configuration that runs
 * inside every limit with least power, else the one with the smallest share
 * of its units past a limit (then least power), and says which limit binds. */
void station_map_evaluate(const cs_station *st, const steady_params *par, double q, double p_s, double p_d,
                          station_operating_point *out);

/* What a station past a limit can do instead: the highest discharge
 * pressure in (p_s, p_hi] (Pa) at which one of its configurations runs
 * inside every limit at mass flow q and suction p_s; NAN if there is none.
 * The discharge range is scanned in 256 steps from the top, then the first
 * step inside the limits is refined by bisection to 1e-9 relative. */
double station_map_max_discharge(const cs_station *st, const steady_params *par, double q, double p_s, double p_hi);

/* The discharge pressures (Pa) in (p_s, p_hi] at which one of the station's
 * configurations runs inside every limit at mass flow q and suction p_s,
 * as the interval [*lo, *hi] of them nearest to p_d. The range is scanned
 * in 64 steps and the ends of the interval are refined by bisection to
 * 1e-6 relative. Returns 0 when no discharge in the range is inside. */
int station_map_window(const cs_station *st, const steady_params *par, double q, double p_s, double p_hi, double p_d,
                       double *lo, double *hi);

#endif
