/* gasflow — steady-state simulation of natural-gas transmission networks.
 *
 * This header is the whole public API and reads top to bottom as its manual.
 *
 * Lifecycle:
 *
 *     gf_project *p = NULL;
 *     gf_project_create(&p);
 *     gf_load_network(p, "net.net");          GasLib .net
 *     gf_load_scenario(p, "nom.scn");         GasLib .scn (optional)
 *     gf_load_controls(p, "controls.txt");    modes and set points (optional)
 *     gf_options opt; gf_options_default(&opt);
 *     gf_solve_steady(p, &opt);               GF_OK only when converged
 *     ... gf_node_result(p, i, &r) ... gf_arc_result(p, j, &r) ...
 *     gf_project_free(&p);
 *
 * Every fallible call returns a gf_status (GF_OK == 0); values come back
 * through out-pointers. After a failure, gf_last_error(p) tells what went
 * wrong with context (file, line, element id). Units are SI: Pa (absolute),
 * K, m, kg/s. A project is not thread-safe, but projects are independent:
 * two projects on two threads are fine (the library's only global state is
 * OpenBLAS, opened once at the first large dense block of a big meshed
 * network; OpenBLAS spreads such blocks over all cores unless
 * OPENBLAS_NUM_THREADS says otherwise, which solves on several threads at
 * once may want).
 */
#ifndef GASFLOW_H
#define GASFLOW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GF_VERSION "0.1.0"

/* ---- Status codes ----------------------------------------------------- */

typedef enum {
    GF_OK = 0,
    GF_ERR_ARG,           /* NULL handle or pointer, bad option value */
    GF_ERR_INDEX,         /* node or arc index out of range */
    GF_ERR_NOMEM,         /* allocation failed */
    GF_ERR_IO,            /* file cannot be opened, read or written */
    GF_ERR_PARSE,         /* not well-formed XML, truncated file, DTD */
    GF_ERR_INPUT,         /* well-formed but invalid data */
    GF_ERR_STATE,         /* call out of order (e.g. results before a solve) */
    GF_ERR_NOT_CONVERGED, /* Newton did not converge */
    GF_ERR_NONPHYSICAL,   /* a pressure went non-positive */
    GF_ERR_SINGULAR       /* the linear system is singular */
} gf_status;

/* A static, one-line description of a status code. */
const char *gf_status_string(gf_status status);

/* ---- Project lifecycle ------------------------------------------------ */

typedef struct gf_project gf_project;

gf_status gf_project_create(gf_project **out);
/* Frees the project and sets *p to NULL; NULL or *p == NULL is a no-op. */
void gf_project_free(gf_project **p);

/* The message of the last failed call on p (empty if none). Never NULL. */
const char *gf_last_error(const gf_project *p);

/* Loads a GasLib network (.net). Replaces any network, scenario and controls
 * loaded before. */
gf_status gf_load_network(gf_project *p, const char *path);
/* Loads a GasLib nomination (.scn) for the loaded network. */
gf_status gf_load_scenario(gf_project *p, const char *path);
/* Loads GasLib compressor-station machine data (.cs) for the loaded
 * network: compressors with their maps, drives, configurations. */
gf_status gf_load_stations(gf_project *p, const char *path);
/* Loads a controls file: modes and set points of active elements and the
 * pressure reference. Format (one statement a line, '#' starts a comment,
 * pressures absolute in bar, flows in kg/s):
 *
 *     valve        ID open | closed | check
 *     controlValve ID active P_OUT_BAR | bypass | closed
 *     compressor   ID outlet P_OUT_BAR | inlet P_IN_BAR | ratio R | flow Q_KG_S | bypass | closed
 *     slack        NODE_ID P_BAR
 *
 * Elements not named keep their defaults (see gf_solve_steady). */
gf_status gf_load_controls(gf_project *p, const char *path);

/* ---- Options ---------------------------------------------------------- */

typedef enum { GF_GAS_IDEAL = 0, GF_GAS_CONSTANT, GF_GAS_PAPAY, GF_GAS_AGA } gf_gas_law;

typedef enum {
    GF_FRICTION_NIKURADSE = 0,
    GF_FRICTION_COLEBROOK,
    GF_FRICTION_HOFER,
    GF_FRICTION_SWAMEE_JAIN,
    GF_FRICTION_CONSTANT
} gf_friction_law;

typedef struct {
    gf_gas_law gas_law;
    double z_constant; /* compressibility for GF_GAS_CONSTANT */
    gf_friction_law friction;
    double lambda_constant; /* Darcy friction factor for GF_FRICTION_CONSTANT */
    double temperature;     /* K; NAN: from the sources (see gf_solve_steady) */
    double viscosity;       /* Pa s, dynamic viscosity (default 1.1e-5) */
    int max_iterations;     /* Newton iterations (default 100) */
    double tolerance;       /* arc-law residual / highest fixed pressure (default 1e-8) */
    int station_fuel;       /* 1: stations burn gas drawn at their fuelGasVertex (default); 0: neglect it */
    int station_recycle;    /* 1: a turbo unit asked for a head above its surge line at its flow
                               recirculates gas through its anti-surge valve and runs on the surge
                               line, its power covering the larger machine flow; 0 (default): it
                               is reported as past its surge line */
    int warm_start;         /* 1: start Newton from this project's previous solution when that
                               converged (batches of nominations); a warm start that fails is
                               retried cold. 0 (default): every solve starts cold */
    int threads;            /* threads one solve may use: 1, or 2 and more (default 2). A large
                               network (the 100 x 100 grid, not GasLib-4197) keeps a helper
                               thread for its factorizations, solves and passes over its arcs,
                               with the same results: the grid's solve 12 -> 8 ms. Projects
                               solved on threads of their own should have 1 */
} gf_options;

/* Fills opt with the defaults: AGA gas law, Nikuradse friction, source
 * temperature, viscosity 1.1e-5 Pa s, 100 iterations, tolerance 1e-8,
 * station fuel withdrawn. */
void gf_options_default(gf_options *opt);

/* ---- Steady-state solve ----------------------------------------------- */

/* Solves the steady state of the loaded network and nomination.
 *
 * Defaults when the controls file says nothing:
 *  - the network is passive: valves are open, control valves and
 *    compressor stations are in bypass (set points come from the controls
 *    file); stations or regulators that set the same node to one pressure,
 *    and stations at one ratio between the same two nodes, share their
 *    flow in proportion to their flowMax;
 *  - the pressure reference: nodes whose scenario pressure is fixed
 *    (bound="both"); in every part of the network still without one, the
 *    entry with the largest nominated inflow (else the node with the highest
 *    pressureMax) is held at its pressureMax, or at the scenario's upper
 *    pressure bound where that is lower.
 *  - gas: molar mass, temperature, norm density and pseudo-critical values
 *    are the means over the sources weighted by nominated inflow (plain
 *    means without a nomination or without inflow).
 *
 * Returns GF_OK only when Newton converged to the tolerance;
 * GF_ERR_NOT_CONVERGED, GF_ERR_NONPHYSICAL or GF_ERR_SINGULAR otherwise,
 * with the diagnostics in gf_last_error(p) and the last iterate kept for
 * inspection. */
gf_status gf_solve_steady(gf_project *p, const gf_options *opt);

/* ---- Combined decisions ------------------------------------------------ */

/* Loads GasLib combined decisions (.cdf): groups of admissible joint
 * states of valves, regulators and stations. A solve applies one decision
 * per group (the first, until gf_choose_decisions picks), then the controls
 * file on top. A decision says which elements carry gas: "on" opens a valve
 * and puts a regulator or station in service (bypassed, as by default, until
 * the controls file gives it a set point); "off" closes it. */
gf_status gf_load_decisions(gf_project *p, const char *path);
/* Picks one decision per group, greedily group by group, so that the solve
 * converges with as few violated bounds as possible; leaves the project
 * solved with the choice. Returns the status of that final solve. */
gf_status gf_choose_decisions(gf_project *p, const gf_options *opt);
size_t gf_decision_group_count(const gf_project *p);
/* The ids of group i and of its chosen decision (owned by the project). */
gf_status gf_decision_chosen(const gf_project *p, size_t group, const char **group_id, const char **decision_id);

/* ---- Operating the stations ------------------------------------------- */

typedef struct {
    size_t unknowns;     /* ratios, set points and reference pressures searched */
    size_t active;       /* stations and regulators left at a ratio or set point */
    int solves;          /* steady solves the search took */
    double residual_bar; /* the search's residual at the end (see gf_operate_stations), bar */
    int budget_reached;  /* 1: the search stopped at its budget of 10,000 solves */
} gf_operate_result;

/* Chooses how the compressor stations and regulators run: a pressure
 * ratio (at least 1) for each station that carries gas in bypass and that
 * the controls leave unset (parallel stations share one), an outlet set
 * point for each such regulator (regulators feeding one node share one),
 * and the pressure of each reference that the scenario and the controls
 * leave free, within its bounds. The residual is, in bar, how far each node
 * pressure is past a point 0.05 bar inside its bounds, how far each arc is
 * past its bounds (0.1 bar per kg/s for flows; ten times as much for what
 * no element can do, such as a station lowering the pressure), and how far
 * each station's discharge is from what its machines reach inside their
 * limits. Levenberg-Marquardt searches on a difference Jacobian, from the
 * passive network, and a pattern search shrink it; elements go back to
 * bypass where that passes fewer bounds, or none. A network without a
 * passive solution starts from its stations at their highest outlet
 * pressure instead (their ratios taken from there). The setting kept is the
 * one with the least residual squared plus 100 bar^2 per violated bound or
 * station limit, if it violates no more than the passive network. It is
 * written into the project's controls (gf_write_controls saves it) and the
 * project is left solved with it: violations that remain are ones the
 * search could not remove, which does not prove that no setting removes
 * them. The search
 * stops at 10,000 steady solves with the best setting so far; a network
 * whose unknowns times nodes and arcs pass 5e7 is refused (GF_ERR_INPUT).
 * out may be NULL. */
gf_status gf_operate_stations(gf_project *p, const gf_options *opt, gf_operate_result *out);
/* Writes the modes and set points in force as a controls file: those of
 * the last solve (the chosen combined decisions, then the controls, which
 * gf_operate_stations fills), with the controls' pressure references. The
 * file alone, without the decisions, reproduces that solve. */
gf_status gf_write_controls(gf_project *p, const char *path);

/* ---- Network description ---------------------------------------------- */

typedef enum { GF_NODE_INNODE = 0, GF_NODE_SOURCE, GF_NODE_SINK } gf_node_kind;

typedef enum {
    GF_ARC_PIPE = 0,
    GF_ARC_SHORT_PIPE,
    GF_ARC_RESISTOR,
    GF_ARC_VALVE,
    GF_ARC_CONTROL_VALVE,
    GF_ARC_COMPRESSOR
} gf_arc_kind;

size_t gf_node_count(const gf_project *p);
size_t gf_arc_count(const gf_project *p);

typedef struct {
    const char *id; /* owned by the project */
    gf_node_kind kind;
    double height;       /* m */
    double p_min, p_max; /* Pa; NAN if the network gives none */
} gf_node_info;

typedef struct {
    const char *id;
    gf_arc_kind kind;
    size_t from, to;  /* node indices */
    double length;    /* m (pipes; NAN otherwise) */
    double diameter;  /* m (pipes, resistors; NAN otherwise) */
    double roughness; /* m (pipes; NAN otherwise) */
} gf_arc_info;

gf_status gf_node_info_get(const gf_project *p, size_t i, gf_node_info *out);
gf_status gf_arc_info_get(const gf_project *p, size_t i, gf_arc_info *out);
/* Index of a node or arc by id. GF_ERR_INPUT if absent. */
gf_status gf_node_index(const gf_project *p, const char *id, size_t *out);
gf_status gf_arc_index(const gf_project *p, const char *id, size_t *out);
/* Lowercase GasLib-style name of a kind: "pipe", "shortPipe", "sink"... */
const char *gf_arc_kind_name(gf_arc_kind kind);
const char *gf_node_kind_name(gf_node_kind kind);

/* ---- Results (valid after gf_solve_steady returned GF_OK) ------------- */

typedef struct {
    double p;          /* Pa absolute */
    double withdrawal; /* kg/s leaving the network here (entries negative) */
    double z;          /* compressibility at node pressure */
    int is_reference;  /* 1 if this node holds a fixed pressure */
} gf_node_result;

typedef enum {
    GF_MODE_NONE = 0, /* passive arc (pipe, short pipe, resistor) */
    GF_MODE_OPEN,     /* valve open, regulator or station in bypass */
    GF_MODE_CLOSED,
    GF_MODE_OUTLET, /* fixed outlet pressure */
    GF_MODE_RATIO,  /* fixed pressure ratio (station) */
    GF_MODE_FLOW,   /* fixed mass flow (station) */
    GF_MODE_CHECK,  /* valve as a check valve: open for flow from -> to, closed against it */
    GF_MODE_INLET   /* fixed inlet (suction) pressure (station) */
} gf_mode;

typedef struct {
    double q;            /* kg/s, positive from -> to */
    double q_norm;       /* m^3/s at GasLib norm conditions (273.15 K, 1.01325 bar) */
    double velocity;     /* m/s at the inlet (pipes), NAN otherwise */
    double p_from, p_to; /* Pa */
    gf_mode mode;
    double set_point; /* Pa (outlet, inlet), ratio, or kg/s, per mode; NAN otherwise */
    double power;     /* W, station shaft power (see gf_station_result); NAN otherwise */
} gf_arc_result;

gf_status gf_node_result_get(const gf_project *p, size_t i, gf_node_result *out);
gf_status gf_arc_result_get(const gf_project *p, size_t i, gf_arc_result *out);

typedef struct {
    int converged;
    int iterations;
    double mass_residual;   /* kg/s, largest nodal mass imbalance */
    double law_residual;    /* Pa, largest arc-law residual */
    double solve_ms;        /* wall time of gf_solve_steady */
    double slack_imbalance; /* kg/s the pressure references supply beyond their nomination
                               (rounding of the nomination, station fuel) */
    double fuel;            /* kg/s burnt by all compressor stations */
    double temperature;     /* K, gas temperature used */
    double r_specific;      /* J/(kg K) */
    double norm_density;    /* kg/m^3 */
    size_t n_unknowns;      /* size of the linear system per iteration */
    double linear_ms;       /* fastest factorization and solve of one Newton iteration in the
                               last solve, ms (0 without one); times iterations, it is the
                               linear-algebra lower bound of the solve time */
} gf_report;

gf_status gf_report_get(const gf_project *p, gf_report *out);

/* A compressor station as operated in the solution. With machine data
 * (gf_load_stations) each configuration is evaluated on the units' head and
 * efficiency maps (equal pressure ratio per serial stage, equal flow per
 * parallel unit, speed from the head), checked against surge, choke, speed
 * and drive power (ambient 15 degC), and the one inside every limit with
 * least power is chosen (else the one with the smallest share of its units
 * past a limit, then least power); the drives' fuel laws give the fuel.
 * Without machine data a station is an ideal isentropic machine (efficiency
 * 0.8) driven by a gas turbine of thermal efficiency 0.33. The fuel, gas of
 * the network's calorific value, is withdrawn at the fuelGasVertex (the
 * references supply it). */
typedef struct {
    size_t arc; /* the compressorStation arc */
    gf_mode mode;
    double suction;            /* Pa, machine inlet: from-node pressure less the inlet piping loss */
    double discharge;          /* Pa, machine outlet: to-node pressure plus the outlet piping loss */
    double q;                  /* kg/s compressed (0 when not compressing) */
    double head;               /* J/kg, isentropic head */
    double efficiency;         /* isentropic efficiency (NAN when not compressing) */
    double power;              /* W, shaft power */
    double fuel;               /* kg/s burnt by the drives */
    size_t fuel_node;          /* node index the fuel is drawn at */
    int map;                   /* 1: evaluated on the station's machine data (.cs), 0: ideal machine */
    const char *configuration; /* confId chosen ("" without machine data); owned by the project */
    double speed;              /* 1/s, first unit of the first stage; NAN without machine data */
    const char *limit;         /* the machine or drive limit passed: "surge", "choke", "speed_min",
                                  "speed_max", "drive_power", "ratio_max", "torque_max"; "" if none */
    double recycle;            /* kg/s recirculated through the anti-surge valves (station_recycle) */
    double max_discharge;      /* Pa, with a limit passed: the highest discharge at which a
                                  configuration runs inside every limit at this flow and suction
                                  (what the station can do instead); NAN if none or no limit */
} gf_station_result;

/* Stations in the order of their arcs; i < gf_station_count(p). */
size_t gf_station_count(const gf_project *p);
gf_status gf_station_result_get(const gf_project *p, size_t i, gf_station_result *out);

/* A bound that the solution violates. */
typedef enum {
    GF_VIOL_PRESSURE_MIN = 0,  /* node pressure below pressureMin (network or scenario) */
    GF_VIOL_PRESSURE_MAX,      /* node pressure above pressureMax */
    GF_VIOL_FLOW_MIN,          /* arc or boundary flow below flowMin */
    GF_VIOL_FLOW_MAX,          /* arc or boundary flow above flowMax */
    GF_VIOL_PIPE_PRESSURE,     /* pipe pressure above its design pressure */
    GF_VIOL_DP_MIN,            /* regulator pressure drop below its minimum */
    GF_VIOL_DP_MAX,            /* regulator or valve pressure difference too large */
    GF_VIOL_INLET_MIN,         /* station/regulator inlet below pressureInMin */
    GF_VIOL_OUTLET_MAX,        /* station/regulator outlet above pressureOutMax */
    GF_VIOL_REVERSE_FLOW,      /* flow against an active station or regulator */
    GF_VIOL_COMPRESSOR_RATIO,  /* station at fixed outlet asked to reduce pressure */
    GF_VIOL_SETPOINT_NOT_HELD, /* a regulator cannot reach its outlet set point: it stands wide open */
    GF_VIOL_STATION_LIMIT      /* a station's machines pass a map or drive limit (which: gf_station_result.limit;
                                  value: the shaft power in W, limit: NAN) */
} gf_violation_kind;

typedef struct {
    gf_violation_kind kind;
    int is_arc; /* 1: element is an arc index, 0: a node index */
    size_t element;
    double value; /* the computed value (Pa or kg/s) */
    double limit; /* the bound it violates (same unit) */
} gf_violation;

const char *gf_violation_kind_name(gf_violation_kind kind);
size_t gf_violation_count(const gf_project *p);
gf_status gf_violation_get(const gf_project *p, size_t i, gf_violation *out);

/* ---- Capacity --------------------------------------------------------- */

/* The largest uniform scaling of the loaded nomination (every entry and
 * exit flow times the same factor) that the network carries in steady state
 * with every bound respected: no violation (gf_violation) and a converged,
 * physical solution, to a relative 1e-6 of the factor. */
typedef struct {
    double factor;                  /* largest feasible scaling (0 if none) */
    double throughput;              /* kg/s: the exits' total withdrawal at that factor */
    int binding_is_arc;             /* the binding limit's element: arc (1) or node (0) */
    size_t binding_element;         /* its index */
    gf_violation_kind binding_kind; /* the limit it hits (when binding_failure is 0) */
    int binding_failure;            /* 1: just above the factor the solve fails (e.g. a pressure
                                       collapses); binding_message says where */
    char binding_message[256];
    int solves; /* steady solves used */
} gf_capacity_result;

/* Runs the capacity analysis with the loaded network, nomination and
 * controls; outage_id, when not NULL, takes that element out of service for
 * the analysis (a compressor station or control valve then passes gas
 * through its bypass; any other arc is closed). The search probes factors
 * 1, 0.95, 0.90, ..., 0.05, then 2, 1/2, 4, 1/4, ... (to 2^12) for a
 * feasible one, doubles from there until a limit binds, and bisects; factor
 * 0 means none was found. Afterwards the project holds the solution at the
 * largest feasible factor (when there is one). GF_ERR_STATE without a
 * nomination, GF_ERR_INPUT for an unknown outage id. */
gf_status gf_capacity(gf_project *p, const gf_options *opt, const char *outage_id, gf_capacity_result *out);

/* ---- Output ----------------------------------------------------------- */

/* Writes the full result as JSON (see README, "JSON output"). The file is
 * written to a temporary name and renamed, so a failure leaves no half-file. */
gf_status gf_write_json(gf_project *p, const char *path);
/* Writes nodes.csv, arcs.csv and violations.csv into an existing directory. */
gf_status gf_write_csv(gf_project *p, const char *dir);

#ifdef __cplusplus
}
#endif

#endif
