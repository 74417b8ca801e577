#define _POSIX_C_SOURCE 200809L
/* The `gasflow` command: a client of the public header only.
 *
 *   gasflow steady NET.net [--scenario S.scn] [--controls FILE] [options]
 *   gasflow capacity NET.net --scenario S.scn [--outage ID | --n-1] [options]
 *   gasflow info NET.net
 *
 * Exit status: 0 success, 1 internal error (out of memory), 2 bad input or
 * usage, 3 the solver failed (no convergence, non-physical state, singular
 * system), 4 a result file could not be written. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "batch.h"
#include "gasflow.h"

#define EXIT_INTERNAL 1
#define EXIT_INPUT 2
#define EXIT_SOLVER 3
#define EXIT_OUTPUT 4
#define FULL_TABLE_LIMIT 60 /* nodes: above this, tables are summarised */

typedef struct {
    int color;
} style;

static const char *red(const style *s)
{
    return s->color ? "\033[1;31m" : "";
}

static const char *bold(const style *s)
{
    return s->color ? "\033[1m" : "";
}

static const char *reset(const style *s)
{
    return s->color ? "\033[0m" : "";
}

static void usage_main(FILE *f)
{
    fputs("gasflow " GF_VERSION " - steady-state simulation of gas transmission networks\n\n"
          "usage: gasflow COMMAND [ARGS]\n\n"
          "commands:\n"
          "  steady NET.net [options]   solve the steady state (gasflow steady --help)\n"
          "  capacity NET.net [options] the largest throughput and its binding limit\n"
          "                             (gasflow capacity --help)\n"
          "  info NET.net               summarise a network\n"
          "  help                       this text\n\n"
          "exit status: 0 success, 1 internal error, 2 bad input or usage,\n"
          "             3 the solver failed, 4 a result file could not be written\n",
          f);
}

static void usage_steady(FILE *f)
{
    fputs("usage: gasflow steady NET.net [--scenario S.scn] [--controls FILE] [--stations F.cs|none]\n"
          "                      [--decisions F.cdf] [--recycle] [--operate] [--write-controls FILE]\n"
          "                      [--gas-law ideal|constant[=Z]|papay|aga]\n"
          "                      [--friction nikuradse|colebrook|hofer|swamee-jain|constant=LAMBDA]\n"
          "                      [--temperature K] [--viscosity PA_S] [--max-iterations N]\n"
          "                      [--tolerance REL] [--threads 1|2] [--no-fuel] [--json FILE] [--csv DIR]\n"
          "                      [--full] [--quiet]\n\n"
          "Solves the steady-state pressures and flows of a GasLib network for a nomination.\n\n"
          "  --scenario S.scn   GasLib nomination (without it all boundary flows are 0)\n"
          "  --controls FILE    modes and set points of valves, regulators, stations, and\n"
          "                     pressure references (see README, 'Controls file')\n"
          "  --stations F.cs    compressor machine data (default: NET.cs beside NET.net, if there;\n"
          "                     'none': no machine data, every station an ideal machine)\n"
          "  --decisions F.cdf  GasLib combined decisions: one per group is chosen so that\n"
          "                     the fewest bounds are violated (the controls file wins)\n"
          "  --gas-law L        compressibility: ideal, constant (z = 1 or =Z), papay, aga (default)\n"
          "  --friction F       friction factor: nikuradse (default), colebrook, hofer,\n"
          "                     swamee-jain, constant=LAMBDA\n"
          "  --temperature K    gas temperature (default: the sources', weighted by inflow)\n"
          "  --viscosity PA_S   dynamic viscosity (default 1.1e-5)\n"
          "  --threads 1|2      threads for a large network's solve (default 2; a batch\n"
          "                     with several jobs gives each nomination one)\n"
          "  --no-fuel          neglect the gas the compressor drives burn\n"
          "  --recycle          turbo units left of their surge line recycle gas onto it\n"
          "                     (anti-surge valves) instead of being reported as in surge\n"
          "  --operate          choose ratios for the stations and set points for the\n"
          "                     regulators that carry gas, and the free reference pressures,\n"
          "                     so that the fewest bounds and machine limits are passed (the\n"
          "                     controls file wins; see README, 'Operating the stations')\n"
          "  --write-controls FILE  write the modes and set points in force (with --operate:\n"
          "                     its choice) as a controls file\n"
          "  --json FILE        write the full result as JSON\n"
          "  --csv DIR          write nodes.csv, arcs.csv, violations.csv into DIR\n"
          "  --full             print every node and arc, however large the network\n"
          "  --quiet            print nothing but errors\n",
          f);
}

static void usage_info(FILE *f)
{
    fputs("usage: gasflow info NET.net\n\nSummarises a GasLib network: element counts, pipe "
          "lengths, pressure ranges, gas.\n",
          f);
}

static int exit_code(gf_status st)
{
    switch (st) {
    case GF_OK: return 0;
    case GF_ERR_NOMEM: return EXIT_INTERNAL;
    case GF_ERR_NOT_CONVERGED:
    case GF_ERR_NONPHYSICAL:
    case GF_ERR_SINGULAR: return EXIT_SOLVER;
    default: return EXIT_INPUT;
    }
}

static int report_error(gf_project *p, gf_status st)
{
    fprintf(stderr, "gasflow: %s\n", gf_last_error(p)[0] ? gf_last_error(p) : gf_status_string(st));
    return exit_code(st);
}

static int parse_double(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

/* ---- steady ----------------------------------------------------------- */

/* NET.cs beside NET.net when there is one (malloc'ed), else NULL. */
static char *machines_beside(const char *net)
{
    size_t n = strlen(net);
    if (n < 4 || strcmp(net + n - 4, ".net") != 0)
        return NULL;
    char *cs = malloc(n + 1);
    if (!cs)
        return NULL;
    memcpy(cs, net, n - 4);
    strcpy(cs + n - 4, ".cs");
    if (access(cs, R_OK) != 0) {
        free(cs);
        return NULL;
    }
    return cs;
}

/* The machine data to load: the file given, none for "none" (every
 * station ideal), else NET.cs beside NET.net when there is one (then also
 * in *beside, malloc'ed; else *beside is NULL). */
static const char *machines_path(const char *net, const char *given, char **beside)
{
    *beside = NULL;
    if (given)
        return strcmp(given, "none") ? given : NULL;
    *beside = machines_beside(net);
    return *beside;
}

/* Loads the machine data of machines_path (and says so when it was found
 * beside the network). */
static gf_status load_machines(gf_project *p, const char *net, const char *given, int quiet)
{
    char *beside;
    const char *cs = machines_path(net, given, &beside);
    gf_status st = cs ? gf_load_stations(p, cs) : GF_OK;
    if (st == GF_OK && beside && !quiet)
        printf("machine data: %s\n", beside);
    free(beside);
    return st;
}

typedef struct {
    const char *net, *scenario, *controls, *json, *csv;
    const char *decisions;    /* combined decisions (.cdf) */
    const char *stations;     /* machine data (.cs) */
    const char *scenario_dir; /* a batch: every .scn there */
    const char **scenarios;   /* every --scenario given (argv pointers) */
    size_t n_scenarios;
    int jobs;
    const char *outage;         /* capacity: element out of service */
    const char *write_controls; /* steady: the controls in force, written back */
    int full, quiet, n1;
    int operate;  /* steady: choose the stations' and regulators' settings */
    int capacity; /* parsing for `capacity` rather than `steady` */
    gf_options opt;
} steady_args;

static void usage_capacity(FILE *f)
{
    fputs("usage: gasflow capacity NET.net --scenario S.scn [--controls FILE] [--decisions F.cdf]\n"
          "                        [--stations F.cs|none] [--recycle] [--outage ID | --n-1]\n"
          "                        [--gas-law L] [--friction F] [--temperature K] [--json FILE]\n\n"
          "The largest uniform scaling of the nomination (every entry and exit flow times one\n"
          "factor) that the network carries with every pressure, flow and station limit\n"
          "respected, and the limit that binds.\n\n"
          "  --stations    machine data as for gasflow steady ('none': ideal stations)\n"
          "  --outage ID   take one element (any arc) out of service (a station or control\n"
          "                valve in bypass, any other arc closed)\n"
          "  --n-1         every compressor station out in turn: a table\n"
          "  --json FILE   factor, throughput_kg_s and binding (element, limit) as JSON\n"
          "  --recycle     turbo units left of their surge line recycle onto it (as for steady)\n"
          "  (gas, friction and numerical options as for gasflow steady)\n",
          f);
}

/* Returns -1 after printing help, 0 on success, EXIT_INPUT on bad usage. */
static int parse_steady(int argc, char **argv, steady_args *a, int capacity, const char **scenarios)
{
    memset(a, 0, sizeof *a);
    a->scenarios = scenarios;
    a->capacity = capacity;
    gf_options_default(&a->opt);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_VALUE                                                                                                     \
    do {                                                                                                               \
        if (!val) {                                                                                                    \
            fprintf(stderr, "gasflow steady: %s needs a value\n", arg);                                                \
            return EXIT_INPUT;                                                                                         \
        }                                                                                                              \
        i++;                                                                                                           \
    } while (0)
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            if (capacity)
                usage_capacity(stdout);
            else
                usage_steady(stdout);
            return -1;
        } else if (capacity && !strcmp(arg, "--outage")) {
            NEED_VALUE;
            a->outage = val;
        } else if (capacity && !strcmp(arg, "--n-1")) {
            a->n1 = 1;
        } else if (!strcmp(arg, "--scenario")) {
            NEED_VALUE;
            a->scenario = val;
            a->scenarios[a->n_scenarios++] = val;
        } else if (!capacity && !strcmp(arg, "--scenario-dir")) {
            NEED_VALUE;
            a->scenario_dir = val;
        } else if (!capacity && !strcmp(arg, "--operate")) {
            a->operate = 1;
        } else if (!capacity && !strcmp(arg, "--write-controls")) {
            NEED_VALUE;
            a->write_controls = val;
        } else if (!capacity && !strcmp(arg, "--jobs")) {
            NEED_VALUE;
            char *end;
            long j = strtol(val, &end, 10);
            if (*end || j < 1 || j > 64) {
                fprintf(stderr, "gasflow steady: --jobs needs a number from 1 to 64, not '%s'\n", val);
                return EXIT_INPUT;
            }
            a->jobs = (int)j;
        } else if (!strcmp(arg, "--controls")) {
            NEED_VALUE;
            a->controls = val;
        } else if (!strcmp(arg, "--decisions")) {
            NEED_VALUE;
            a->decisions = val;
        } else if (!strcmp(arg, "--stations")) {
            NEED_VALUE;
            a->stations = val;
        } else if (!strcmp(arg, "--json")) {
            NEED_VALUE;
            a->json = val;
        } else if (!strcmp(arg, "--csv")) {
            NEED_VALUE;
            a->csv = val;
        } else if (!strcmp(arg, "--full")) {
            a->full = 1;
        } else if (!strcmp(arg, "--quiet")) {
            a->quiet = 1;
        } else if (!strcmp(arg, "--no-fuel")) {
            a->opt.station_fuel = 0;
        } else if (!strcmp(arg, "--recycle")) {
            a->opt.station_recycle = 1;
        } else if (!strcmp(arg, "--gas-law")) {
            NEED_VALUE;
            if (!strcmp(val, "ideal"))
                a->opt.gas_law = GF_GAS_IDEAL;
            else if (!strcmp(val, "papay"))
                a->opt.gas_law = GF_GAS_PAPAY;
            else if (!strcmp(val, "aga"))
                a->opt.gas_law = GF_GAS_AGA;
            else if (!strcmp(val, "constant"))
                a->opt.gas_law = GF_GAS_CONSTANT;
            else if (!strncmp(val, "constant=", 9) && parse_double(val + 9, &a->opt.z_constant) == 0 &&
                     a->opt.z_constant > 0)
                a->opt.gas_law = GF_GAS_CONSTANT;
            else {
                fprintf(stderr, "gasflow steady: unknown gas law '%s' (ideal, constant[=Z], papay, aga)\n", val);
                return EXIT_INPUT;
            }
        } else if (!strcmp(arg, "--friction")) {
            NEED_VALUE;
            if (!strcmp(val, "nikuradse"))
                a->opt.friction = GF_FRICTION_NIKURADSE;
            else if (!strcmp(val, "colebrook"))
                a->opt.friction = GF_FRICTION_COLEBROOK;
            else if (!strcmp(val, "hofer"))
                a->opt.friction = GF_FRICTION_HOFER;
            else if (!strcmp(val, "swamee-jain"))
                a->opt.friction = GF_FRICTION_SWAMEE_JAIN;
            else if (!strncmp(val, "constant=", 9) && parse_double(val + 9, &a->opt.lambda_constant) == 0 &&
                     a->opt.lambda_constant > 0)
                a->opt.friction = GF_FRICTION_CONSTANT;
            else {
                fprintf(stderr,
                        "gasflow steady: unknown friction law '%s' (nikuradse, colebrook, hofer, swamee-jain, "
                        "constant=LAMBDA)\n",
                        val);
                return EXIT_INPUT;
            }
        } else if (!strcmp(arg, "--threads")) {
            NEED_VALUE;
            if (strcmp(val, "1") && strcmp(val, "2")) {
                fprintf(stderr, "gasflow %s: --threads needs 1 or 2, not '%s'\n", capacity ? "capacity" : "steady",
                        val);
                return EXIT_INPUT;
            }
            a->opt.threads = val[0] - '0';
        } else if (!strcmp(arg, "--temperature") || !strcmp(arg, "--viscosity") || !strcmp(arg, "--tolerance") ||
                   !strcmp(arg, "--max-iterations")) {
            NEED_VALUE;
            double v;
            if (parse_double(val, &v) != 0 || !(v > 0)) {
                fprintf(stderr, "gasflow steady: %s needs a number > 0, not '%s'\n", arg, val);
                return EXIT_INPUT;
            }
            if (!strcmp(arg, "--temperature"))
                a->opt.temperature = v;
            else if (!strcmp(arg, "--viscosity"))
                a->opt.viscosity = v;
            else if (!strcmp(arg, "--tolerance"))
                a->opt.tolerance = v;
            else
                a->opt.max_iterations = v > 1e6 ? 1000000 : (int)v;
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "gasflow %s: unknown option '%s' (see gasflow %s --help)\n",
                    capacity ? "capacity" : "steady", arg, capacity ? "capacity" : "steady");
            return EXIT_INPUT;
        } else if (!a->net) {
            a->net = arg;
        } else {
            fprintf(stderr, "gasflow steady: unexpected argument '%s'\n", arg);
            return EXIT_INPUT;
        }
#undef NEED_VALUE
    }
    if (!a->net || (capacity && !a->scenario)) {
        if (capacity)
            usage_capacity(stderr);
        else
            usage_steady(stderr);
        return EXIT_INPUT;
    }
    if (capacity && a->n_scenarios > 1) {
        fputs("gasflow capacity: one --scenario at a time\n", stderr);
        return EXIT_INPUT;
    }
    if (a->scenario_dir && a->n_scenarios) {
        fputs("gasflow steady: --scenario and --scenario-dir exclude each other\n", stderr);
        return EXIT_INPUT;
    }
    if (a->outage && a->n1) {
        fputs("gasflow capacity: --outage and --n-1 exclude each other\n", stderr);
        return EXIT_INPUT;
    }
    return 0;
}

static const char *mode_text(const gf_arc_result *r, char *buf, size_t cap)
{
    switch (r->mode) {
    case GF_MODE_OPEN: return "open/bypass";
    case GF_MODE_CLOSED: return "closed";
    case GF_MODE_OUTLET: snprintf(buf, cap, "outlet %.2f bar", r->set_point / 1e5); return buf;
    case GF_MODE_RATIO: snprintf(buf, cap, "ratio %.3f", r->set_point); return buf;
    case GF_MODE_FLOW: snprintf(buf, cap, "flow %.2f kg/s", r->set_point); return buf;
    case GF_MODE_CHECK: return r->q > 0.0 ? "check (open)" : "check (closed)";
    case GF_MODE_INLET: snprintf(buf, cap, "inlet %.2f bar", r->set_point / 1e5); return buf;
    default: return "-";
    }
}

static const char *element_id(gf_project *p, int is_arc, size_t i)
{
    if (is_arc) {
        gf_arc_info a;
        return gf_arc_info_get(p, i, &a) == GF_OK ? a.id : "?";
    }
    gf_node_info n;
    return gf_node_info_get(p, i, &n) == GF_OK ? n.id : "?";
}

static void print_violations(gf_project *p, const style *s)
{
    size_t nv = gf_violation_count(p);
    if (nv == 0) {
        printf("\nViolations: none - every pressure and flow bound holds.\n");
        return;
    }
    printf("\n%sViolations (%zu)%s\n", red(s), nv, reset(s));
    size_t shown = nv > 50 ? 50 : nv;
    for (size_t i = 0; i < shown; i++) {
        gf_violation v;
        gf_violation_get(p, i, &v);
        if (v.kind == GF_VIOL_STATION_LIMIT) {
            printf("  %s!!%s %-5s %-28s %-24s (see the station table)\n", red(s), reset(s), "arc",
                   element_id(p, 1, v.element), gf_violation_kind_name(v.kind));
            continue;
        }
        int flow = v.kind == GF_VIOL_FLOW_MIN || v.kind == GF_VIOL_FLOW_MAX || v.kind == GF_VIOL_REVERSE_FLOW;
        double scale = flow ? 1.0 : 1e5;
        printf("  %s!!%s %-5s %-28s %-24s %10.3f %s (limit %.3f)\n", red(s), reset(s), v.is_arc ? "arc" : "node",
               element_id(p, v.is_arc, v.element), gf_violation_kind_name(v.kind), v.value / scale,
               flow ? "kg/s" : "bar", v.limit / scale);
    }
    if (shown < nv)
        printf("  ... %zu more (all of them in --json / --csv)\n", nv - shown);
}

static void print_summary(gf_project *p, const steady_args *a, const style *s)
{
    gf_report rep;
    gf_report_get(p, &rep);
    size_t nn = gf_node_count(p), na = gf_arc_count(p);
    int full = a->full || nn <= FULL_TABLE_LIMIT;
    printf("%sgasflow steady%s  %s%s%s\n", bold(s), reset(s), a->net, a->scenario ? " + " : "",
           a->scenario ? a->scenario : "");
    printf("  %zu nodes, %zu arcs; gas at %.2f K, R_s %.2f J/(kg K), norm density %.4f kg/m3\n", nn, na,
           rep.temperature, rep.r_specific, rep.norm_density);
    printf("  converged in %d iterations, %.3f ms; mass residual %.2e kg/s, arc-law residual %.2e Pa\n", rep.iterations,
           rep.solve_ms, rep.mass_residual, rep.law_residual);
    if (fabs(rep.slack_imbalance) > 1e-6)
        printf("  pressure references supply %.6g kg/s beyond the nomination (station fuel %.6g kg/s)\n",
               rep.slack_imbalance, rep.fuel);

    size_t ng = gf_decision_group_count(p);
    if (ng > 0) {
        size_t shown = 0;
        printf("  combined decisions (%zu groups):", ng);
        for (size_t g = 0; g < ng; g++) {
            const char *gid, *did;
            if (gf_decision_chosen(p, g, &gid, &did) != GF_OK)
                continue;
            if (shown < 8)
                printf(" %s=%s", gid, did);
            shown++;
        }
        printf("%s\n", shown > 8 ? " ..." : "");
    }
    /* boundary and reference nodes always; every node when small */
    double pmin = INFINITY, pmax = -INFINITY;
    size_t imin = 0, imax = 0;
    printf("\n%s%-28s %-7s %10s %14s %18s%s\n", bold(s), full ? "Node" : "Boundary node", "kind", "p [bar]",
           "withdr. [kg/s]", "bounds [bar]", reset(s));
    for (size_t i = 0; i < nn; i++) {
        gf_node_info info;
        gf_node_result r;
        gf_node_info_get(p, i, &info);
        gf_node_result_get(p, i, &r);
        if (r.p < pmin) {
            pmin = r.p;
            imin = i;
        }
        if (r.p > pmax) {
            pmax = r.p;
            imax = i;
        }
        int boundary = info.kind != GF_NODE_INNODE || r.is_reference;
        if (!full && (!boundary || i >= 4 * FULL_TABLE_LIMIT))
            continue;
        int bad = (isfinite(info.p_min) && r.p < info.p_min - 1.0) || (isfinite(info.p_max) && r.p > info.p_max + 1.0);
        char bounds[48] = "-";
        if (isfinite(info.p_min) || isfinite(info.p_max))
            snprintf(bounds, sizeof bounds, "[%.2f, %.2f]", info.p_min / 1e5, info.p_max / 1e5);
        printf("%s%-28s %-7s %10.3f %14.4f %18s%s%s\n", bad ? red(s) : "", info.id, gf_node_kind_name(info.kind),
               r.p / 1e5, r.withdrawal, bounds, r.is_reference ? "  reference" : "", bad ? reset(s) : "");
    }
    printf("  lowest pressure %.3f bar at '%s', highest %.3f bar at '%s'\n", pmin / 1e5, element_id(p, 0, imin),
           pmax / 1e5, element_id(p, 0, imax));

    int header = 0;
    for (size_t i = 0; i < na; i++) {
        gf_arc_info info;
        gf_arc_result r;
        gf_arc_info_get(p, i, &info);
        gf_arc_result_get(p, i, &r);
        if (info.kind != GF_ARC_CONTROL_VALVE && info.kind != GF_ARC_VALVE)
            continue;
        if (!header) {
            printf("\n%s%-28s %-13s %-16s %9s %9s %10s%s\n", bold(s), "Valve / regulator", "type", "mode", "in [bar]",
                   "out [bar]", "q [kg/s]", reset(s));
            header = 1;
        }
        char buf[40];
        printf("%-28s %-13s %-16s %9.3f %9.3f %10.3f\n", info.id, gf_arc_kind_name(info.kind),
               mode_text(&r, buf, sizeof buf), r.p_from / 1e5, r.p_to / 1e5, r.q);
    }
    size_t ns = gf_station_count(p);
    if (ns > 0) {
        printf("\n%s%-28s %-16s %9s %9s %6s %10s %10s %9s  %s%s\n", bold(s), "Compressor station", "mode", "suction",
               "discharge", "ratio", "q [kg/s]", "power [MW]", "fuel kg/s", "machines", reset(s));
        double power = 0.0, fuel = 0.0;
        for (size_t k = 0; k < ns; k++) {
            gf_station_result st;
            gf_arc_result r;
            gf_station_result_get(p, k, &st);
            gf_arc_result_get(p, st.arc, &r);
            char buf[40], machines[192] = "ideal", instead[64] = "", recycle[40] = "";
            if (st.recycle > 0.0)
                snprintf(recycle, sizeof recycle, ", recycle %.1f kg/s", st.recycle);
            if (st.limit[0] && isfinite(st.max_discharge))
                snprintf(instead, sizeof instead, " (inside limits up to %.2f bar)", st.max_discharge / 1e5);
            else if (st.limit[0])
                snprintf(instead, sizeof instead, " (no discharge inside limits)");
            if (st.map)
                snprintf(machines, sizeof machines, "conf %s, %.0f /min%s%s%s%s", st.configuration, st.speed * 60.0,
                         recycle, st.limit[0] ? ", !! " : "", st.limit, instead);
            printf("%s%-28s %-16s %9.3f %9.3f %6.3f %10.3f %10.2f %9.3f  %s%s\n", st.limit[0] ? red(s) : "",
                   element_id(p, 1, st.arc), mode_text(&r, buf, sizeof buf), st.suction / 1e5, st.discharge / 1e5,
                   st.suction > 0 ? st.discharge / st.suction : 0.0, r.q, st.power / 1e6, st.fuel, machines,
                   st.limit[0] ? reset(s) : "");
            power += st.power;
            fuel += st.fuel;
        }
        printf("  total %.2f MW shaft power, %.3f kg/s fuel (pressures in bar; 'ideal': isentropic machine,\n"
               "  efficiency 0.8, gas-turbine drive of thermal efficiency 0.33, for stations without machine data)\n",
               power / 1e6, fuel);
    }

    if (full) {
        printf("\n%s%-28s %-10s %-20s %-20s %10s %12s %9s%s\n", bold(s), "Arc", "type", "from", "to", "q [kg/s]",
               "q [1000m3/h]", "v [m/s]", reset(s));
        for (size_t i = 0; i < na; i++) {
            gf_arc_info info;
            gf_arc_result r;
            gf_arc_info_get(p, i, &info);
            gf_arc_result_get(p, i, &r);
            if (info.kind == GF_ARC_COMPRESSOR || info.kind == GF_ARC_CONTROL_VALVE || info.kind == GF_ARC_VALVE)
                continue; /* in their own tables above */
            printf("%-28s %-10s %-20s %-20s %10.3f %12.3f", info.id, gf_arc_kind_name(info.kind),
                   element_id(p, 0, info.from), element_id(p, 0, info.to), r.q, r.q_norm * 3.6);
            if (isfinite(r.velocity))
                printf(" %9.2f", r.velocity);
            putchar('\n');
        }
    } else {
        printf("\n  (%zu nodes: inner nodes and passive arcs are in --json / --csv, or use --full)\n", nn);
    }
    print_violations(p, s);
}

static int run_batch(const steady_args *a);
static int run_single(const steady_args *a);

static int cmd_steady(int argc, char **argv)
{
    steady_args a;
    const char **scenarios = malloc(((size_t)argc + 1) * sizeof *scenarios);
    if (!scenarios)
        return EXIT_INTERNAL;
    int rc = parse_steady(argc, argv, &a, 0, scenarios);
    if (rc == 0 && (a.scenario_dir || a.n_scenarios > 1) && (a.operate || a.write_controls)) {
        fputs("gasflow steady: --operate and --write-controls take one nomination at a time\n", stderr);
        rc = EXIT_INPUT;
    } else if (rc == 0 && (a.scenario_dir || a.n_scenarios > 1))
        rc = run_batch(&a);
    else if (rc == 0)
        rc = run_single(&a);
    free(scenarios);
    return rc < 0 ? 0 : rc;
}

/* A batch of nominations: see batch.c. */
static int run_batch(const steady_args *a)
{
    char *beside;
    const char *cs = machines_path(a->net, a->stations, &beside);
    batch_args b = {a->net,         a->controls, a->decisions, cs,       a->scenarios,
                    a->n_scenarios, a->json,     a->jobs,      a->quiet, a->opt};
    b.opt.warm_start = 1; /* each nomination starts from the one before */
    char **listed = NULL;
    size_t n_listed = 0;
    if (a->scenario_dir) {
        if (batch_list_dir(a->scenario_dir, &listed, &n_listed) != 0) {
            fprintf(stderr, "gasflow: cannot read the directory '%s': %s\n", a->scenario_dir, strerror(errno));
            free(beside);
            return EXIT_INPUT;
        }
        if (n_listed == 0) {
            fprintf(stderr, "gasflow: no .scn file in '%s'\n", a->scenario_dir);
            free(listed);
            free(beside);
            return EXIT_INPUT;
        }
        b.scenarios = (const char **)listed;
        b.n_scenarios = n_listed;
    }
    if (b.jobs == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        b.jobs = cpus > 0 ? (int)(cpus < 64 ? cpus : 64) : 1;
    }
    /* the cores go to the nominations: a factorization takes no helper
     * thread, and OpenBLAS (the large fronts of big networks) stays on each
     * worker's own thread, unless the user says */
    if (b.jobs > 1) {
        setenv("OPENBLAS_NUM_THREADS", "1", 0);
        b.opt.threads = 1;
    }
    if (a->csv)
        fputs("gasflow: --csv is not available for batches; use --json DIR\n", stderr);
    int rc = a->csv ? EXIT_INPUT : batch_run(&b);
    free(beside);
    for (size_t i = 0; i < n_listed; i++)
        free(listed[i]);
    free(listed);
    return rc;
}

static int run_single(const steady_args *a)
{
    int rc = 0;
    style s = {isatty(STDOUT_FILENO)};
    gf_project *p = NULL;
    if (gf_project_create(&p) != GF_OK) {
        fputs("gasflow: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    gf_status st = gf_load_network(p, a->net);
    if (st == GF_OK && a->scenario)
        st = gf_load_scenario(p, a->scenario);
    if (st == GF_OK && a->controls)
        st = gf_load_controls(p, a->controls);
    if (st == GF_OK)
        st = load_machines(p, a->net, a->stations, a->quiet);
    if (st == GF_OK && a->decisions)
        st = gf_load_decisions(p, a->decisions);
    int loaded = st == GF_OK;
    if (loaded && a->decisions)
        st = gf_choose_decisions(p, &a->opt);
    else if (loaded && !a->operate)
        st = gf_solve_steady(p, &a->opt);
    /* --operate solves for itself, and starts elsewhere when the passive
     * network has no solution */
    gf_operate_result op;
    if (loaded && a->operate && (st == GF_OK || st == GF_ERR_NOT_CONVERGED || st == GF_ERR_NONPHYSICAL))
        st = gf_operate_stations(p, &a->opt, &op);
    if (st != GF_OK) {
        rc = report_error(p, st);
        gf_project_free(&p);
        return rc;
    }
    if (!a->quiet && a->operate)
        printf("operated: %zu station(s) and regulator(s) at a ratio or set point; %zu unknowns (ratios, set "
               "points, references) searched in %d solves%s%s\n",
               op.active, op.unknowns, op.solves, op.budget_reached ? " (its budget)" : "",
               gf_violation_count(p) > 0 ? "; bounds still passed (see Violations)" : "");
    if (!a->quiet)
        print_summary(p, a, &s);
    if (a->write_controls && (st = gf_write_controls(p, a->write_controls)) != GF_OK) {
        fprintf(stderr, "gasflow: %s\n", gf_last_error(p));
        rc = EXIT_OUTPUT;
    }
    if (a->json && (st = gf_write_json(p, a->json)) != GF_OK) {
        fprintf(stderr, "gasflow: cannot write JSON to '%s': %s\n", a->json, gf_status_string(st));
        rc = EXIT_OUTPUT;
    }
    if (a->csv && (st = gf_write_csv(p, a->csv)) != GF_OK) {
        fprintf(stderr, "gasflow: cannot write CSV into '%s' (it must be an existing directory): %s\n", a->csv,
                gf_status_string(st));
        rc = EXIT_OUTPUT;
    }
    gf_project_free(&p);
    return rc;
}

/* ---- capacity --------------------------------------------------------- */

static const char *binding_text(gf_project *p, const gf_capacity_result *c, char *buf, size_t cap)
{
    if (c->binding_failure)
        snprintf(buf, cap, "no steady state: %s", c->binding_message);
    else if (c->binding_kind == GF_VIOL_STATION_LIMIT)
        snprintf(buf, cap, "%s (%s) at arc '%s'", gf_violation_kind_name(c->binding_kind), c->binding_message,
                 element_id(p, 1, c->binding_element));
    else
        snprintf(buf, cap, "%s %s '%s'", gf_violation_kind_name(c->binding_kind),
                 c->binding_is_arc ? "at arc" : "at node", element_id(p, c->binding_is_arc, c->binding_element));
    return buf;
}

static void json_capacity(FILE *f, gf_project *p, const char *outage, const gf_capacity_result *c)
{
    fputs("{\"outage\": ", f);
    if (outage)
        fprintf(f, "\"%s\"", outage);
    else
        fputs("null", f);
    fprintf(f, ", \"factor\": %.10g, \"throughput_kg_s\": %.10g, \"binding\": {", c->factor, c->throughput);
    if (c->binding_failure) {
        fputs("\"limit\": \"no_steady_state\", \"element\": null, \"message\": \"", f);
        for (const char *s = c->binding_message; *s; s++)
            if (*s == '"' || *s == '\\')
                fprintf(f, "\\%c", *s);
            else if ((unsigned char)*s >= 0x20)
                fputc(*s, f);
        fputs("\"", f);
    } else {
        fprintf(f, "\"limit\": \"%s\", \"element\": \"%s\", \"element_type\": \"%s\"",
                gf_violation_kind_name(c->binding_kind), element_id(p, c->binding_is_arc, c->binding_element),
                c->binding_is_arc ? "arc" : "node");
        if (c->binding_kind == GF_VIOL_STATION_LIMIT)
            fprintf(f, ", \"station_limit\": \"%s\"", c->binding_message);
    }
    fprintf(f, "}, \"solves\": %d}", c->solves);
}

static int cmd_capacity(int argc, char **argv)
{
    steady_args a;
    const char **scn = malloc(((size_t)argc + 1) * sizeof *scn);
    if (!scn)
        return EXIT_INTERNAL;
    int rc = parse_steady(argc, argv, &a, 1, scn);
    free(scn); /* a.scenario points into argv */
    a.scenarios = NULL;
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    gf_project *p = NULL;
    if (gf_project_create(&p) != GF_OK)
        return EXIT_INTERNAL;
    gf_status st = gf_load_network(p, a.net);
    if (st == GF_OK)
        st = gf_load_scenario(p, a.scenario);
    if (st == GF_OK && a.controls)
        st = gf_load_controls(p, a.controls);
    if (st == GF_OK)
        st = load_machines(p, a.net, a.stations, 1);
    if (st == GF_OK && a.decisions && (st = gf_load_decisions(p, a.decisions)) == GF_OK) {
        /* the decisions are chosen once, at the nomination as loaded */
        st = gf_choose_decisions(p, &a.opt);
        if (st == GF_ERR_NOT_CONVERGED || st == GF_ERR_NONPHYSICAL || st == GF_ERR_SINGULAR)
            st = GF_OK;
    }
    if (st != GF_OK) {
        rc = report_error(p, st);
        gf_project_free(&p);
        return rc;
    }
    /* the cases: as loaded (or with one outage), or every station out in turn */
    size_t n_cases = 1;
    const char **cases = NULL;
    if (a.n1) {
        n_cases = 0;
        cases = malloc((gf_arc_count(p) + 1) * sizeof *cases);
        for (size_t i = 0; cases && i < gf_arc_count(p); i++) {
            gf_arc_info info;
            gf_arc_info_get(p, i, &info);
            if (info.kind == GF_ARC_COMPRESSOR)
                cases[n_cases++] = info.id;
        }
        if (!cases) {
            gf_project_free(&p);
            return EXIT_INTERNAL;
        }
        if (n_cases == 0) {
            fputs("gasflow capacity: --n-1: the network has no compressor station\n", stderr);
            free(cases);
            gf_project_free(&p);
            return EXIT_INPUT;
        }
    }
    FILE *json = NULL;
    char *tmp = NULL;
    if (a.json) {
        size_t n = strlen(a.json) + 5;
        tmp = malloc(n);
        if (tmp) {
            snprintf(tmp, n, "%s.tmp", a.json);
            json = fopen(tmp, "w");
        }
        if (!json) {
            fprintf(stderr, "gasflow: cannot write JSON to '%s'\n", a.json);
            free(tmp);
            free(cases);
            gf_project_free(&p);
            return EXIT_OUTPUT;
        }
        if (a.n1)
            fputs("[", json);
    }
    if (!a.quiet)
        printf("gasflow capacity  %s + %s\n\n%-28s %10s %16s  %s\n", a.net, a.scenario, a.n1 ? "Station out" : "Case",
               "factor", "throughput kg/s", "binding limit");
    for (size_t k = 0; k < n_cases && st == GF_OK; k++) {
        const char *outage = a.n1 ? cases[k] : a.outage;
        gf_capacity_result c;
        st = gf_capacity(p, &a.opt, outage, &c);
        if (st != GF_OK)
            break;
        char buf[400];
        if (!a.quiet)
            printf("%-28s %10.6f %16.3f  %s\n", outage ? outage : "(all in service)", c.factor, c.throughput,
                   binding_text(p, &c, buf, sizeof buf));
        if (json) {
            if (a.n1 && k)
                fputs(",\n ", json);
            json_capacity(json, p, outage, &c);
        }
    }
    if (st != GF_OK) {
        rc = report_error(p, st);
        if (json) {
            fclose(json);
            remove(tmp);
        }
    } else if (json) {
        fputs(a.n1 ? "]\n" : "\n", json);
        int bad = ferror(json);
        bad |= fclose(json) != 0;
        if (bad || rename(tmp, a.json) != 0) {
            remove(tmp);
            fprintf(stderr, "gasflow: cannot write JSON to '%s'\n", a.json);
            rc = EXIT_OUTPUT;
        }
    }
    free(tmp);
    free(cases);
    gf_project_free(&p);
    return rc;
}

/* ---- info ------------------------------------------------------------- */

static int cmd_info(int argc, char **argv)
{
    const char *net = NULL;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage_info(stdout);
            return 0;
        }
        if (argv[i][0] == '-' || net) {
            fprintf(stderr, "gasflow info: unexpected argument '%s'\n", argv[i]);
            return EXIT_INPUT;
        }
        net = argv[i];
    }
    if (!net) {
        usage_info(stderr);
        return EXIT_INPUT;
    }
    gf_project *p = NULL;
    if (gf_project_create(&p) != GF_OK)
        return EXIT_INTERNAL;
    gf_status st = gf_load_network(p, net);
    if (st != GF_OK) {
        int rc = report_error(p, st);
        gf_project_free(&p);
        return rc;
    }
    size_t nn = gf_node_count(p), na = gf_arc_count(p);
    size_t nodes_by_kind[3] = {0}, arcs_by_kind[6] = {0};
    double length = 0.0, pmin = INFINITY, pmax = -INFINITY, hmin = INFINITY, hmax = -INFINITY;
    double dmin = INFINITY, dmax = -INFINITY;
    for (size_t i = 0; i < nn; i++) {
        gf_node_info n;
        gf_node_info_get(p, i, &n);
        nodes_by_kind[n.kind]++;
        if (n.p_min < pmin)
            pmin = n.p_min;
        if (n.p_max > pmax)
            pmax = n.p_max;
        if (n.height < hmin)
            hmin = n.height;
        if (n.height > hmax)
            hmax = n.height;
    }
    for (size_t i = 0; i < na; i++) {
        gf_arc_info a;
        gf_arc_info_get(p, i, &a);
        arcs_by_kind[a.kind]++;
        if (a.kind == GF_ARC_PIPE) {
            length += a.length;
            if (a.diameter < dmin)
                dmin = a.diameter;
            if (a.diameter > dmax)
                dmax = a.diameter;
        }
    }
    printf("%s\n  nodes: %zu (%zu sources, %zu sinks, %zu inner nodes)\n", net, nn, nodes_by_kind[GF_NODE_SOURCE],
           nodes_by_kind[GF_NODE_SINK], nodes_by_kind[GF_NODE_INNODE]);
    printf("  arcs:  %zu", na);
    for (int k = 0; k < 6; k++)
        if (arcs_by_kind[k])
            printf(", %zu %s", arcs_by_kind[k], gf_arc_kind_name((gf_arc_kind)k));
    printf("\n");
    if (arcs_by_kind[GF_ARC_PIPE])
        printf("  pipes: %.1f km in total, inner diameter %.0f-%.0f mm\n", length / 1e3, dmin * 1e3, dmax * 1e3);
    if (isfinite(pmin) || isfinite(pmax))
        printf("  node pressure bounds: %.2f-%.2f bar\n", pmin / 1e5, pmax / 1e5);
    printf("  heights: %.1f-%.1f m\n", hmin, hmax);
    gf_project_free(&p);
    return 0;
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* Blocks up to 32 MB from the heap, and freed memory kept for the next
     * solve rather than returned: a run with decisions or capacity probes
     * sets up and analyses many systems, each of which would otherwise map
     * and fault in its blocks anew (GasLib-4197 with its .cdf 54 -> 52.5 ms,
     * GasLib-582 7.2 -> 6.75 ms; the 1,000,000-node mesh's peak 2,368 ->
     * 2,381 MB). */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
    if (argc < 2) {
        usage_main(stderr);
        return EXIT_INPUT;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "steady"))
        return cmd_steady(argc - 2, argv + 2);
    if (!strcmp(cmd, "info"))
        return cmd_info(argc - 2, argv + 2);
    if (!strcmp(cmd, "capacity"))
        return cmd_capacity(argc - 2, argv + 2);
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage_main(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        puts("gasflow " GF_VERSION);
        return 0;
    }
    fprintf(stderr, "gasflow: unknown command '%s'\n\n", cmd);
    usage_main(stderr);
    return EXIT_INPUT;
}
