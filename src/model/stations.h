/* The machines of the compressor stations (GasLib .cs, FORMAT.md §6): per
 * station its compressors (turbo or piston), the drives that power them and
 * the configurations it can run in (serial stages of parallel units), with
 * evaluators of the characteristic maps and drive laws that take and give SI.
 *
 * Units: every measured value and limit is SI (speeds 1/s, heads J/kg,
 * actual volume flows m^3/s at the compressor inlet, powers W, torque N m,
 * volumes m^3). The fitted coefficients are kept raw, in the units of the
 * file, because that is how they were fitted; their units are given at each
 * field and the evaluators below do the conversion. Unknown optional values
 * are NAN. Indices are 0-based and local to a station. Data source: GasLib
 * (Schmidt et al. 2017, "GasLib - A Library of Gas Network Instances", Data
 * 2(4):40); meaning of the coefficients: FORMAT.md §6. */
#ifndef GF_MODEL_STATIONS_H
#define GF_MODEL_STATIONS_H

#include <stddef.h>

#include "util/strmap.h"

typedef enum { COMPRESSOR_TURBO = 0, COMPRESSOR_PISTON } compressor_kind;

typedef enum { DRIVE_GAS_TURBINE = 0, DRIVE_GAS_DRIVEN_MOTOR } drive_kind;

/* One measured point of a turbo compressor map. */
typedef struct {
    double speed;      /* 1/s */
    double head;       /* J/kg, adiabatic head */
    double flow;       /* m^3/s, actual volume flow at the inlet */
    double efficiency; /* adiabatic efficiency of the point's isoline; NAN on the surge line */
} cs_map_point;

typedef struct {
    char *id;
    compressor_kind kind;
    int line;         /* line in the .cs file */
    int drive;        /* index into the station's drives */
    double speed_min; /* 1/s */
    double speed_max; /* 1/s */
    /* turbo (NAN for piston machines): head
     * H [kJ/kg] = sum_{i,j=0..2} head_coeff[3i+j] Q^i n^j and
     * adiabatic efficiency eta = same form with eta_coeff, Q in m^3/s, n in
     * 1/min (n_isoline_coeff_k / eta_ad_isoline_coeff_k, k = 3i+j+1). */
    double head_coeff[9]; /* kJ/kg per (m^3/s)^i (1/min)^j */
    double eta_coeff[9];  /* 1 per (m^3/s)^i (1/min)^j */
    /* surge and choke lines: H [kJ/kg] = c[0] + c[1] Q + c[2] Q^2, Q in m^3/s */
    double surge_coeff[3];      /* kJ/kg, kJ/kg per m^3/s, kJ/kg per (m^3/s)^2 */
    double choke_coeff[3];      /* same units as surge_coeff */
    double eta_choke;           /* efficiency along the choke line; NAN if not given */
    cs_map_point *surge_points; /* surgelineMeasurements (efficiency NAN); NULL if none */
    size_t n_surge_points;
    cs_map_point *map_points; /* characteristicDiagramMeasurements, all isolines in
                                 file order; NULL if none */
    size_t n_map_points;
    /* piston (NAN for turbo machines) */
    double operating_volume;   /* m^3 */
    double max_torque;         /* N m */
    double max_ratio;          /* maximalCompressionRatio, p_out/p_in */
    double piston_efficiency;  /* adiabaticEfficiency */
    double reduction_vol_flow; /* additionalReductionVolFlow, dimensionless fraction */
} cs_compressor;

/* A gasDrivenMotor measurement: fuel at a shaft power. */
typedef struct {
    double shaft_power; /* W, compressorPower */
    double fuel_power;  /* W, fuelConsumption (fuel energy per time) */
} cs_fuel_point;

/* A gasDrivenMotor measurement: maximal power at a speed. */
typedef struct {
    double speed;     /* 1/s */
    double max_power; /* W */
} cs_power_point;

typedef struct {
    char *id;
    drive_kind kind;
    int line;
    /* fuel power [kW] = energy_coeff[0] + [1] P + [2] P^2, P = shaft power in kW */
    double energy_coeff[3]; /* kW, 1, 1/kW */
    /* gas turbine (9): P_max [kW] = sum_{i,j=0..2} power_coeff[3i+j] T^i n^j,
     * T ambient temperature in Celsius, n in 1/min -- reading inferred, not
     * verified (FORMAT.md §6);
     * gas-driven motor (3): P_max [kW] = [0] + [1] n + [2] n^2, n in 1/min */
    double power_coeff[9];      /* kW per degC^i (1/min)^j; unused entries 0 */
    size_t n_power_coeff;       /* 9 or 3 */
    cs_fuel_point *fuel_points; /* specificEnergyConsumptionMeasurements */
    size_t n_fuel_points;
    cs_power_point *power_points; /* maximalPowerMeasurements */
    size_t n_power_points;
} cs_drive;

/* A unit of a stage: a compressor running at a nominal speed. */
typedef struct {
    int compressor;       /* index into the station's compressors */
    double nominal_speed; /* 1/s (not necessarily within the speed limits) */
} cs_unit;

typedef struct {
    int stage_nr;   /* stageNr of the file, 1..n_stages */
    cs_unit *units; /* the nrOfParallelUnits units in parallel */
    size_t n_units;
} cs_stage;

/* One way to run a station: stages in series, in stageNr order. */
typedef struct {
    char *id; /* confId (a number or a name) */
    int line;
    cs_stage *stages;
    size_t n_stages;
} cs_configuration;

typedef struct {
    char *id; /* = id of the compressorStation arc of the network */
    int arc;  /* that arc's index in the network */
    int line;
    cs_compressor *compressors;
    size_t n_compressors;
    cs_drive *drives;
    size_t n_drives;
    cs_configuration *configurations;
    size_t n_configurations;
} cs_station;

typedef struct {
    char *path; /* file the stations came from */
    cs_station *stations;
    size_t n_stations;
    strmap index; /* station id -> index */
} station_set;

void station_set_init(station_set *set);
/* Frees everything and leaves set empty (initialised). */
void station_set_free(station_set *set);
/* Index of the station with this id, -1 if none. */
int station_set_find(const station_set *set, const char *id);
/* Index of the station of network arc `arc`, -1 if the .cs has none. */
int station_set_find_arc(const station_set *set, int arc);
/* Index within the station, -1 if absent. */
int cs_station_find_compressor(const cs_station *st, const char *id);
int cs_station_find_drive(const cs_station *st, const char *id);
int cs_station_find_configuration(const cs_station *st, const char *id);

/* ---- Laws (GasLib: Schmidt et al. 2017; coefficients: FORMAT.md §6) ---- */

/* Adiabatic head of a turbo compressor at actual inlet flow q (m^3/s) and
 * speed n (1/s), in J/kg; NAN for a piston compressor. */
double compressor_head_J_per_kg(const cs_compressor *c, double q_m3_per_s, double n_per_s);
/* Its partial derivatives: dH/dq in (J/kg)/(m^3/s), dH/dn in (J/kg)/(1/s). */
void compressor_head_gradient(const cs_compressor *c, double q_m3_per_s, double n_per_s, double *dh_dq, double *dh_dn);
/* Adiabatic efficiency of the turbo map (a least-squares fit: ~0.05 off the
 * measured isolines); NAN for a piston compressor. */
double compressor_efficiency(const cs_compressor *c, double q_m3_per_s, double n_per_s);
/* Head of the surge line / choke line at flow q, in J/kg; NAN for a piston. */
double compressor_surge_head_J_per_kg(const cs_compressor *c, double q_m3_per_s);
/* The inlet flow (m^3/s) at which the surge line, where it rises, reaches
 * head h (J/kg); NAN if it never does. */
double compressor_surge_flow_m3_per_s(const cs_compressor *c, double h_J_per_kg);
double compressor_choke_head_J_per_kg(const cs_compressor *c, double q_m3_per_s);

/* Fuel power (W, energy of the burnt gas per time) the drive needs for a
 * shaft power in W. Divide by the calorific value (J/m^3) for norm m^3/s. */
double drive_fuel_power_W(const cs_drive *d, double shaft_power_W);
/* Maximal shaft power (W) at speed n (1/s). A gas turbine also depends on
 * the ambient temperature in K (read as Celsius in its law: no measurement
 * verifies it, but every shared turbine then derates 0.6-0.8 %/K, as real
 * ones do);
 * a gas-driven motor ignores it. */
double drive_max_power_W(const cs_drive *d, double n_per_s, double ambient_K);

#endif
