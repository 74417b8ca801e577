/* gen_network: writes generated benchmark networks as GasLib .net/.scn pairs.
 *
 *     gen_network chain N OUT_PREFIX
 *     gen_network grid R C OUT_PREFIX [SINKS] [SEED]
 *     gen_network mesh N OUT_PREFIX [SEED]
 *
 * It writes OUT_PREFIX.net and OUT_PREFIX.scn in GasLib's namespaces and
 * units. Lengths are in km, diameters and roughness in mm, heights in m,
 * pressures in bar (absolute), and flows in 1000 m^3/h at norm conditions.
 * Every source carries the gas of GasLib-11's sources (norm density
 * 0.785 kg/m^3, 10 C). All heights are 0 m, every pipe has a roughness of
 * 0.05 mm, and every node has a pressureMin of 30 bar. Node ids are n<index>
 * and pipe ids p<index>. Sources and sinks have fixed (bound="both")
 * nominations in the .scn, and the entries add up exactly to the exits.
 *
 *  chain  N nodes in a line, 500 km in total, so each pipe is 500/(N-1) km
 *         long, with an inner diameter of 1000 mm. Node 0 is the source,
 *         held at 70 bar. Every 10th node and the last node are sinks, and
 *         they withdraw equal shares of 100 kg/s. Closed-form check (physics.md
 *         section 2, z = 0.87, Nikuradse friction): even with all 100 kg/s at
 *         the far end, the end pressure would be about 63 bar. With the
 *         withdrawals spread along the line it is about 67.6 bar.
 *  grid   R x C nodes joined by 2 km, 600 mm pipes to their row and column
 *         neighbours. The source sits at the centre node and is held at
 *         70 bar. SINKS distinct random nodes (default 2000, at most all nodes
 *         but the source) withdraw equal shares of the total flow.
 *  mesh   a near-square grid of floor(sqrt(N)) rows and about N nodes, with
 *         random diagonals in 1/8 of its cells. Pipe lengths are random in
 *         [1, 3] km. Every 10th row and column is a 1000 mm trunk line; the
 *         other grid pipes are 400, 600 or 800 mm and the diagonals 400 or
 *         600 mm. About N/50,000 sources (at least 2 once the mesh is about
 *         20 nodes wide) sit at trunk crossings, and about 1 % of the nodes
 *         are sinks with equal withdrawals. Each source supplies the sinks
 *         nearest to it in hops. The source with the largest supply is the
 *         reference (pressureMax 70 bar, the one gasflow's default holds).
 *         The others are flow-nominated, and their pressures come out near
 *         70 bar, so the other nodes allow up to 80 bar.
 *
 * Total flow for grid and mesh: the largest total that meets two limits.
 *  1. No source sends gas into its pipes faster than 12 m/s at 70 bar.
 *  2. The estimated lowest pressure is at least 55 bar with the reference
 *     at 70 bar. The estimate works as follows:
 *      - Levels are breadth-first hop distances from the sources.
 *      - Each cut between level k and level k+1 carries all the demand
 *        beyond it.
 *      - That flow splits over the cut's pipes as parallel pipes would, so
 *        each cut adds (F_k / G_k)^2 to the drop in p^2, where G_k sums
 *        1/sqrt(c_e) over the cut's pipes and p_in^2 - p_out^2 = c_e q^2 is
 *        the isothermal pipe law (z = 0.87, Nikuradse friction).
 *     This is a lower bound in the spirit of Nash-Williams, so the real drop
 *     is somewhat larger.
 * In practice the velocity limit decides. The lowest pressures then come out
 * at about 67-68 bar, with the largest pipe velocities at about 12-14 m/s.
 *
 * Randomness comes from splitmix64 with the given seed (default 1), so the
 * same arguments always give the same files. Flows are written as exact
 * decimals built from integer counts of 10^-3 m^3/h. Exit status: 0 on
 * success, 1 on an I/O or memory error (no half-written file is left), 2 on
 * bad arguments. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__GNUC__)
#define GEN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define GEN_PRINTF(a, b)
#endif

#define GEN_MAX_NODES 100000000u /* node indices are uint32_t */
#define GEN_R 8.314462618        /* J/(mol K) */
#define GEN_Z 0.87               /* compressibility used by the estimates */
#define GEN_ROUGHNESS_MM 0.05
#define GEN_P_REF_BAR 70.0      /* reference source pressure */
#define GEN_P_TARGET_BAR 55.0   /* estimated lowest pressure (grid, mesh) */
#define GEN_P_MIN_BAR 30.0      /* pressureMin of every node */
#define GEN_V_MAX 12.0          /* m/s, largest gas velocity leaving a source */
#define GEN_MESH_P_MAX_BAR 80.0 /* pressureMax of mesh nodes but source 0 */
#define GEN_TRUNK 10            /* mesh: every 10th row/column is a trunk */
#define GEN_UNITS 1000000LL     /* flow units per 1000 m^3/h */
#define GEN_PI 3.14159265358979323846
#define GEN_DATE "2026-11-26" /* fixed, so that the output is reproducible */

/* The gas of GasLib-11's sources (GasLib-11.net, CC BY 3.0). */
typedef struct {
    double temperature_c, calorific, norm_density, cp_a, cp_b, cp_c;
    double molar_mass, pc_bar, tc_k;
} gen_gas;

static const gen_gas GEN_GAS = {10.0,          36.4543670654,     0.785,
                                31.8251781464, -0.00846800766885, 7.44647331885e-05,
                                18.5674,       45.9293457336,     188.549758911};

enum { ROLE_INNODE = 0, ROLE_SINK = 1, ROLE_SOURCE = 2 };

typedef struct {
    const char *kind;
    char params[160]; /* the arguments, for the documentation */
    size_t n_nodes, n_pipes, cap_pipes;
    unsigned char *role; /* n_nodes */
    uint32_t *col, *row; /* n_nodes, drawing coordinates */
    double p_max_bar;    /* pressureMax of every node but source 0 */
    uint32_t *from, *to; /* n_pipes */
    double *length_km;   /* n_pipes */
    uint16_t *diam_mm;   /* n_pipes */
    size_t n_sources, n_sinks;
    uint32_t *sources;       /* n_sources; sources[0] is the reference */
    long long *source_units; /* n_sources, 10^-3 m^3/h */
    uint32_t *sinks;         /* n_sinks */
    long long sink_units;    /* per sink, 10^-3 m^3/h */
    double total_kg_s;       /* as written */
    double est_min_bar;      /* estimated lowest pressure */
} network;

typedef struct {
    FILE *f;
    const char *path;
    int err; /* errno of the first failure, 0 if none */
} writer;

/* ---- deterministic random numbers: splitmix64 ------------------------- */

static uint64_t rng_next(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform integer in [0, n), n > 0, without modulo bias. */
static uint64_t rng_below(uint64_t *state, uint64_t n)
{
    uint64_t threshold = (0 - n) % n, x;
    do
        x = rng_next(state);
    while (x < threshold);
    return x % n;
}

/* ---- small helpers ----------------------------------------------------- */

static void usage(void)
{
    fputs("usage: gen_network chain N OUT_PREFIX\n"
          "       gen_network grid R C OUT_PREFIX [SINKS] [SEED]\n"
          "       gen_network mesh N OUT_PREFIX [SEED]\n"
          "Writes OUT_PREFIX.net and OUT_PREFIX.scn (GasLib XML).\n",
          stderr);
}

/* Parses a whole decimal unsigned number; 0 on success, -1 otherwise. */
static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;

    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || *end != '\0')
        return -1;
    *out = (uint64_t)v;
    return 0;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "gen_network: out of memory (%zu x %zu bytes)\n", n, size);
        exit(1);
    }
    return p;
}

static void network_alloc(network *nw, size_t n_nodes, size_t cap_pipes)
{
    nw->n_nodes = n_nodes;
    nw->cap_pipes = cap_pipes;
    nw->role = xcalloc(n_nodes, sizeof *nw->role);
    nw->col = xcalloc(n_nodes, sizeof *nw->col);
    nw->row = xcalloc(n_nodes, sizeof *nw->row);
    nw->from = xcalloc(cap_pipes, sizeof *nw->from);
    nw->to = xcalloc(cap_pipes, sizeof *nw->to);
    nw->length_km = xcalloc(cap_pipes, sizeof *nw->length_km);
    nw->diam_mm = xcalloc(cap_pipes, sizeof *nw->diam_mm);
}

static void network_free(network *nw)
{
    free(nw->role);
    free(nw->col);
    free(nw->row);
    free(nw->from);
    free(nw->to);
    free(nw->length_km);
    free(nw->diam_mm);
    free(nw->sources);
    free(nw->source_units);
    free(nw->sinks);
}

static void add_pipe(network *nw, size_t a, size_t b, double length_km, unsigned diam_mm)
{
    size_t k = nw->n_pipes++;

    if (k >= nw->cap_pipes) { /* cannot happen with the capacities above */
        fputs("gen_network: internal error: too many pipes\n", stderr);
        exit(1);
    }
    nw->from[k] = (uint32_t)a;
    nw->to[k] = (uint32_t)b;
    nw->length_km[k] = length_km;
    nw->diam_mm[k] = (uint16_t)diam_mm;
}

/* ---- physics of the estimates ------------------------------------------ */

/* c in p_in^2 - p_out^2 = c q|q| (Pa^2 per (kg/s)^2) for a horizontal pipe:
 * c = lambda R_s T z L / (D A^2), Nikuradse lambda (physics.md section 2). */
static double pipe_coefficient(double length_km, unsigned diam_mm)
{
    double d = diam_mm * 1e-3, k = GEN_ROUGHNESS_MM * 1e-3;
    double s = 2.0 * log10(d / k) + 1.138;
    double lambda = 1.0 / (s * s);
    double area = 0.25 * GEN_PI * d * d;
    double rs = GEN_R / (GEN_GAS.molar_mass * 1e-3);
    double t = GEN_GAS.temperature_c + 273.15;
    return lambda * rs * t * GEN_Z * length_km * 1e3 / (d * area * area);
}

/* Breadth-first hop levels from all sources at once. level[i] is the hop
 * distance of node i to its nearest source, owner[i] the index (into
 * nw->sources) of that source; UINT32_MAX for nodes no source reaches. */
static void hop_levels(const network *nw, uint32_t *level, uint32_t *owner)
{
    size_t n = nw->n_nodes, i, k, head = 0, tail = 0;
    size_t *start = xcalloc(n + 1, sizeof *start);
    size_t *fill = xcalloc(n, sizeof *fill);
    uint32_t *adj = xcalloc(2 * nw->n_pipes, sizeof *adj);
    uint32_t *queue = xcalloc(n, sizeof *queue);

    for (k = 0; k < nw->n_pipes; ++k) {
        start[nw->from[k] + 1]++;
        start[nw->to[k] + 1]++;
    }
    for (i = 0; i < n; ++i)
        start[i + 1] += start[i];
    for (k = 0; k < nw->n_pipes; ++k) {
        adj[start[nw->from[k]] + fill[nw->from[k]]++] = nw->to[k];
        adj[start[nw->to[k]] + fill[nw->to[k]]++] = nw->from[k];
    }
    for (i = 0; i < n; ++i)
        level[i] = owner[i] = UINT32_MAX;
    for (i = 0; i < nw->n_sources; ++i) {
        level[nw->sources[i]] = 0;
        owner[nw->sources[i]] = (uint32_t)i;
        queue[tail++] = nw->sources[i];
    }
    while (head < tail) {
        uint32_t u = queue[head++];
        for (k = start[u]; k < start[u + 1]; ++k) {
            uint32_t v = adj[k];
            if (level[v] == UINT32_MAX) {
                level[v] = level[u] + 1;
                owner[v] = owner[u];
                queue[tail++] = v;
            }
        }
    }
    free(start);
    free(fill);
    free(adj);
    free(queue);
}

/* The flow estimate of the file comment. Fills region_sinks[s], the number of
 * sinks nearest (in hops) to source s, and returns S: the estimated largest
 * drop in p^2 is S Q^2 for a total withdrawal Q (kg/s) in equal sink shares. */
static double cut_estimate(const network *nw, size_t *region_sinks)
{
    size_t n = nw->n_nodes, i, k, max_level = 0;
    uint32_t *level = xcalloc(n, sizeof *level);
    uint32_t *owner = xcalloc(n, sizeof *owner);
    double *g, *demand, beyond = 1.0, s = 0.0;

    hop_levels(nw, level, owner);
    for (i = 0; i < n; ++i)
        if (level[i] != UINT32_MAX && level[i] > max_level)
            max_level = level[i];
    g = xcalloc(max_level + 1, sizeof *g);
    demand = xcalloc(max_level + 1, sizeof *demand);
    for (k = 0; k < nw->n_pipes; ++k) {
        uint32_t la = level[nw->from[k]], lb = level[nw->to[k]];
        if (la != lb && la != UINT32_MAX && lb != UINT32_MAX)
            g[la < lb ? la : lb] += 1.0 / sqrt(pipe_coefficient(nw->length_km[k], nw->diam_mm[k]));
    }
    for (i = 0; i < nw->n_sources; ++i)
        region_sinks[i] = 0;
    for (i = 0; i < nw->n_sinks; ++i) {
        uint32_t v = nw->sinks[i];
        if (level[v] == UINT32_MAX)
            continue; /* not reached: only possible in a disconnected network */
        demand[level[v]] += 1.0 / (double)nw->n_sinks;
        region_sinks[owner[v]]++;
    }
    for (k = 0; k < max_level; ++k) {
        beyond -= demand[k];
        if (beyond > 0.0 && g[k] > 0.0)
            s += (beyond / g[k]) * (beyond / g[k]);
    }
    free(level);
    free(owner);
    free(g);
    free(demand);
    return s;
}

/* Largest total withdrawal (kg/s) for which no source sends gas into its
 * pipes faster than GEN_V_MAX at the reference pressure, when source s
 * supplies the share region_sinks[s] / n_sinks. */
static double velocity_cap(const network *nw, const size_t *region_sinks)
{
    double rs = GEN_R / (GEN_GAS.molar_mass * 1e-3);
    double rho = GEN_P_REF_BAR * 1e5 / (rs * (GEN_GAS.temperature_c + 273.15) * GEN_Z);
    double *area = xcalloc(nw->n_sources, sizeof *area), cap = HUGE_VAL;
    size_t k, i;

    for (k = 0; k < nw->n_pipes; ++k) {
        uint32_t ends[2];
        int e;
        double d = nw->diam_mm[k] * 1e-3;
        ends[0] = nw->from[k];
        ends[1] = nw->to[k];
        for (e = 0; e < 2; ++e)
            if (nw->role[ends[e]] == ROLE_SOURCE)
                for (i = 0; i < nw->n_sources; ++i)
                    if (nw->sources[i] == ends[e])
                        area[i] += 0.25 * GEN_PI * d * d;
    }
    for (i = 0; i < nw->n_sources; ++i)
        if (region_sinks[i] > 0) {
            double share = (double)region_sinks[i] / (double)nw->n_sinks;
            double c = rho * area[i] * GEN_V_MAX / share;
            if (c < cap)
                cap = c;
        }
    free(area);
    return cap;
}

/* Sets the nominations for a total withdrawal of about total_kg_s: equal
 * sink shares; source s supplies the sinks of its region, so the entries add
 * up exactly to the exits. The source with the largest inflow is moved to
 * sources[0] and made strictly largest (by one unit if needed), so that
 * gasflow's default picks it as the pressure reference. */
static void assign_flows(network *nw, double total_kg_s, const size_t *region_sinks)
{
    double units_per_kg_s = 3.6 / GEN_GAS.norm_density * (double)GEN_UNITS;
    size_t i, best = 0;
    long long t;
    uint32_t id;

    nw->sink_units = (long long)floor(total_kg_s * units_per_kg_s / (double)nw->n_sinks + 0.5);
    if (nw->sink_units < 1)
        nw->sink_units = 1;
    for (i = 0; i < nw->n_sources; ++i) {
        nw->source_units[i] = nw->sink_units * (long long)region_sinks[i];
        if (nw->source_units[i] > nw->source_units[best])
            best = i;
    }
    id = nw->sources[0];
    nw->sources[0] = nw->sources[best];
    nw->sources[best] = id;
    t = nw->source_units[0];
    nw->source_units[0] = nw->source_units[best];
    nw->source_units[best] = t;
    for (i = 1; i < nw->n_sources; ++i)
        if (nw->source_units[i] == nw->source_units[0] && nw->source_units[i] > 0) {
            nw->source_units[i]--;
            nw->source_units[0]++;
        }
    nw->total_kg_s = (double)(nw->sink_units * (long long)nw->n_sinks) / units_per_kg_s;
}

static double min_pressure_bar(double s, double total_kg_s)
{
    double p0 = GEN_P_REF_BAR * 1e5;
    double p2 = p0 * p0 - s * total_kg_s * total_kg_s;
    return p2 > 0.0 ? sqrt(p2) * 1e-5 : 0.0;
}

/* Sets the flows: total_kg_s if it is > 0, else the largest total that keeps
 * the estimated lowest pressure at GEN_P_TARGET_BAR and the source velocities
 * at GEN_V_MAX. */
static void set_flows(network *nw, double total_kg_s)
{
    size_t *region_sinks = xcalloc(nw->n_sources, sizeof *region_sinks);
    double s = cut_estimate(nw, region_sinks);

    if (!(total_kg_s > 0.0)) {
        double dp2 = (GEN_P_REF_BAR * GEN_P_REF_BAR - GEN_P_TARGET_BAR * GEN_P_TARGET_BAR) * 1e10;
        double vcap = velocity_cap(nw, region_sinks);
        total_kg_s = s > 0.0 ? sqrt(dp2 / s) : vcap;
        if (vcap < total_kg_s)
            total_kg_s = vcap;
    }
    assign_flows(nw, total_kg_s, region_sinks);
    nw->est_min_bar = min_pressure_bar(s, nw->total_kg_s);
    free(region_sinks);
}

/* Picks n_sinks distinct random nodes among those that are not sources. */
static void pick_sinks(network *nw, size_t n_sinks, uint64_t *rng)
{
    size_t n = nw->n_nodes, m = 0, i;
    uint32_t *cand = xcalloc(n, sizeof *cand);

    for (i = 0; i < n; ++i)
        if (nw->role[i] != ROLE_SOURCE)
            cand[m++] = (uint32_t)i;
    nw->n_sinks = n_sinks;
    nw->sinks = xcalloc(n_sinks, sizeof *nw->sinks);
    for (i = 0; i < n_sinks; ++i) { /* partial Fisher-Yates */
        size_t j = i + (size_t)rng_below(rng, m - i);
        uint32_t t = cand[i];
        cand[i] = cand[j];
        cand[j] = t;
        nw->sinks[i] = cand[i];
        nw->role[cand[i]] = ROLE_SINK;
    }
    free(cand);
}

static void set_sources(network *nw, const uint32_t *ids, size_t n)
{
    size_t i;
    nw->n_sources = n;
    nw->sources = xcalloc(n, sizeof *nw->sources);
    nw->source_units = xcalloc(n, sizeof *nw->source_units);
    for (i = 0; i < n; ++i) {
        nw->sources[i] = ids[i];
        nw->role[ids[i]] = ROLE_SOURCE;
    }
}

/* ---- the three kinds --------------------------------------------------- */

static void build_chain(network *nw, size_t n)
{
    size_t i, k = 0;
    uint32_t src = 0;
    double length_km = 500.0 / (double)(n - 1);

    network_alloc(nw, n, n - 1);
    nw->p_max_bar = GEN_P_REF_BAR;
    for (i = 0; i < n; ++i)
        nw->col[i] = (uint32_t)i;
    for (i = 0; i + 1 < n; ++i)
        add_pipe(nw, i, i + 1, length_km, 1000);
    set_sources(nw, &src, 1);
    nw->n_sinks = (n - 1) / 10 + ((n - 1) % 10 ? 1 : 0);
    nw->sinks = xcalloc(nw->n_sinks, sizeof *nw->sinks);
    for (i = 1; i < n; ++i)
        if (i % 10 == 0 || i == n - 1) {
            nw->sinks[k++] = (uint32_t)i;
            nw->role[i] = ROLE_SINK;
        }
    set_flows(nw, 100.0);
}

static void build_grid(network *nw, size_t rows, size_t cols, size_t n_sinks, uint64_t seed)
{
    size_t r, c, n = rows * cols;
    uint32_t src = (uint32_t)((rows / 2) * cols + cols / 2);
    uint64_t rng = seed;

    network_alloc(nw, n, 2 * n);
    nw->p_max_bar = GEN_P_REF_BAR;
    for (r = 0; r < rows; ++r)
        for (c = 0; c < cols; ++c) {
            size_t i = r * cols + c;
            nw->col[i] = (uint32_t)c;
            nw->row[i] = (uint32_t)r;
            if (c + 1 < cols)
                add_pipe(nw, i, i + 1, 2.0, 600);
            if (r + 1 < rows)
                add_pipe(nw, i, i + cols, 2.0, 600);
        }
    set_sources(nw, &src, 1);
    pick_sinks(nw, n_sinks, &rng);
    set_flows(nw, 0.0);
}

/* Nearest trunk line to x in [0, limit). */
static size_t snap_to_trunk(size_t x, size_t limit)
{
    size_t t = (x + GEN_TRUNK / 2) / GEN_TRUNK * GEN_TRUNK;
    while (t >= limit && t >= GEN_TRUNK)
        t -= GEN_TRUNK;
    return t < limit ? t : 0;
}

static void build_mesh(network *nw, size_t n_target, uint64_t seed)
{
    static const unsigned grid_diam[3] = {400, 600, 800};
    static const unsigned diag_diam[2] = {400, 600};
    size_t rows = (size_t)sqrt((double)n_target), cols, n, r, c, i, j;
    size_t want, sr, sc, n_src = 0;
    uint32_t *src;
    uint64_t rng = seed;

    while (rows * rows > n_target) /* guard against sqrt rounding */
        --rows;
    cols = (n_target + rows - 1) / rows;
    n = rows * cols;
    network_alloc(nw, n, 3 * n); /* grid pipes < 2n, diagonals < n */
    nw->p_max_bar = GEN_MESH_P_MAX_BAR;
    for (r = 0; r < rows; ++r)
        for (c = 0; c < cols; ++c) {
            size_t v = r * cols + c;
            nw->col[v] = (uint32_t)c;
            nw->row[v] = (uint32_t)r;
            if (c + 1 < cols) {
                unsigned d = r % GEN_TRUNK == 0 ? 1000 : grid_diam[rng_below(&rng, 3)];
                add_pipe(nw, v, v + 1, 1.0 + (double)rng_below(&rng, 2001) / 1000.0, d);
            }
            if (r + 1 < rows) {
                unsigned d = c % GEN_TRUNK == 0 ? 1000 : grid_diam[rng_below(&rng, 3)];
                add_pipe(nw, v, v + cols, 1.0 + (double)rng_below(&rng, 2001) / 1000.0, d);
            }
            if (r + 1 < rows && c + 1 < cols && rng_below(&rng, 8) == 0) {
                int anti = (int)rng_below(&rng, 2);
                unsigned d = diag_diam[rng_below(&rng, 2)];
                double len = 1.0 + (double)rng_below(&rng, 2001) / 1000.0;
                if (anti)
                    add_pipe(nw, v + 1, v + cols, len, d);
                else
                    add_pipe(nw, v, v + cols + 1, len, d);
            }
        }

    /* Sources on a coarse lattice of trunk crossings, about one per 50,000 nodes. */
    want = (n + 25000) / 50000;
    if (want < 2)
        want = 2;
    sr = (size_t)floor(sqrt((double)want * (double)rows / (double)cols) + 0.5);
    if (sr < 1)
        sr = 1;
    sc = (want + sr - 1) / sr;
    src = xcalloc(sr * sc, sizeof *src);
    for (i = 0; i < sr; ++i)
        for (j = 0; j < sc; ++j) {
            size_t rr = snap_to_trunk((2 * i + 1) * rows / (2 * sr), rows);
            size_t cc = snap_to_trunk((2 * j + 1) * cols / (2 * sc), cols);
            size_t v = rr * cols + cc, k;
            int dup = 0;
            for (k = 0; k < n_src; ++k)
                dup |= src[k] == v;
            if (!dup)
                src[n_src++] = (uint32_t)v;
        }
    set_sources(nw, src, n_src);
    free(src);
    pick_sinks(nw, n / 100 > 0 ? n / 100 : 1, &rng);
    set_flows(nw, 0.0);
}

/* ---- output ------------------------------------------------------------ */

static void w_printf(writer *w, const char *fmt, ...) GEN_PRINTF(2, 3);

static void w_printf(writer *w, const char *fmt, ...)
{
    va_list ap;
    int rc;

    if (w->err)
        return;
    va_start(ap, fmt);
    rc = vfprintf(w->f, fmt, ap);
    va_end(ap);
    if (rc < 0)
        w->err = errno ? errno : EIO;
}

static int w_open(writer *w, const char *path)
{
    w->path = path;
    w->err = 0;
    w->f = fopen(path, "w");
    if (!w->f) {
        fprintf(stderr, "gen_network: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (setvbuf(w->f, NULL, _IOFBF, (size_t)1 << 20) != 0)
        w->err = errno ? errno : EIO;
    return 0;
}

/* Closes the file; reports and returns -1 on any write or close failure. */
static int w_close(writer *w)
{
    int err = w->err;
    if (!err && ferror(w->f))
        err = EIO;
    errno = 0;
    if (fclose(w->f) != 0 && !err)
        err = errno ? errno : EIO;
    w->f = NULL;
    if (err) {
        fprintf(stderr, "gen_network: writing %s failed: %s\n", w->path, strerror(err));
        remove(w->path);
        return -1;
    }
    return 0;
}

/* Writes a flow in 10^-3 m^3/h as an exact decimal of 1000 m^3/h. */
static void w_flow(writer *w, const char *prefix, long long units, const char *suffix)
{
    w_printf(w, "%s%lld.%06lld%s", prefix, units / GEN_UNITS, units % GEN_UNITS, suffix);
}

static void write_header_comment(writer *w, const network *nw)
{
    w_printf(w,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n"
             "<!-- Generated benchmark network, part of gasflow (bench/gen_network.c): -->\n"
             "<!-- %s %s -->\n\n",
             nw->kind, nw->params);
}

static int write_net(const network *nw, const char *path)
{
    writer w;
    size_t i;
    const gen_gas *g = &GEN_GAS;
    double bound = ceil(nw->total_kg_s * 3.6 / g->norm_density * 2.0 / 1000.0) * 1000.0;

    if (bound < 1000.0)
        bound = 1000.0;
    if (w_open(&w, path))
        return -1;
    write_header_comment(&w, nw);
    w_printf(&w,
             "<network xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "         xmlns=\"http://gaslib.zib.de/Gas\"\n"
             "         xsi:schemaLocation=\"http://gaslib.zib.de/Gas\n"
             "                             http://gaslib.zib.de/schema/Gas.xsd\"\n"
             "         xmlns:framework=\"http://gaslib.zib.de/Framework\">\n"
             "  <framework:information>\n"
             "    <framework:title>gen_%s</framework:title>\n"
             "    <framework:type>gas</framework:type>\n"
             "    <framework:date>" GEN_DATE "</framework:date>\n"
             "    <framework:documentation>Generated %s network (%s): %zu nodes, %zu pipes, "
             "%zu sources, %zu sinks, total flow %.3f kg/s, estimated lowest pressure "
             "%.1f bar with the reference source at %.0f bar.</framework:documentation>\n"
             "  </framework:information>\n"
             "  <framework:nodes>\n",
             nw->kind, nw->kind, nw->params, nw->n_nodes, nw->n_pipes, nw->n_sources, nw->n_sinks, nw->total_kg_s,
             nw->est_min_bar, GEN_P_REF_BAR);

    for (i = 0; i < nw->n_nodes && !w.err; ++i) {
        unsigned role = nw->role[i];
        double pmax = (role == ROLE_SOURCE && i == nw->sources[0]) ? GEN_P_REF_BAR : nw->p_max_bar;
        const char *tag = role == ROLE_SOURCE ? "source" : role == ROLE_SINK ? "sink" : "innode";

        w_printf(&w,
                 "    <%s id=\"n%zu\" x=\"%u\" y=\"%u\">\n"
                 "      <height value=\"0\" unit=\"m\"/>\n"
                 "      <pressureMin unit=\"bar\" value=\"%.1f\"/>\n"
                 "      <pressureMax unit=\"bar\" value=\"%.1f\"/>\n",
                 tag, i, (unsigned)nw->col[i], (unsigned)nw->row[i], GEN_P_MIN_BAR, pmax);
        if (role == ROLE_SINK)
            w_printf(&w,
                     "      <flowMin unit=\"1000m_cube_per_hour\" value=\"0\"/>\n"
                     "      <flowMax unit=\"1000m_cube_per_hour\" value=\"%.0f\"/>\n",
                     bound);
        else if (role == ROLE_SOURCE)
            w_printf(&w,
                     "      <flowMin unit=\"1000m_cube_per_hour\" value=\"0\"/>\n"
                     "      <flowMax unit=\"1000m_cube_per_hour\" value=\"%.0f\"/>\n"
                     "      <gasTemperature unit=\"Celsius\" value=\"%.1f\"/>\n"
                     "      <calorificValue unit=\"MJ_per_m_cube\" value=\"%.10g\"/>\n"
                     "      <normDensity unit=\"kg_per_m_cube\" value=\"%.10g\"/>\n"
                     "      <coefficient-A-heatCapacity value=\"%.12g\"/>\n"
                     "      <coefficient-B-heatCapacity value=\"%.12g\"/>\n"
                     "      <coefficient-C-heatCapacity value=\"%.12g\"/>\n"
                     "      <molarMass unit=\"kg_per_kmol\" value=\"%.10g\"/>\n"
                     "      <pseudocriticalPressure unit=\"bar\" value=\"%.12g\"/>\n"
                     "      <pseudocriticalTemperature unit=\"K\" value=\"%.12g\"/>\n",
                     bound, g->temperature_c, g->calorific, g->norm_density, g->cp_a, g->cp_b, g->cp_c, g->molar_mass,
                     g->pc_bar, g->tc_k);
        w_printf(&w, "    </%s>\n", tag);
    }
    w_printf(&w, "  </framework:nodes>\n  <framework:connections>\n");
    for (i = 0; i < nw->n_pipes && !w.err; ++i)
        w_printf(&w,
                 "    <pipe id=\"p%zu\" from=\"n%u\" to=\"n%u\">\n"
                 "      <flowMin unit=\"1000m_cube_per_hour\" value=\"-%.0f\"/>\n"
                 "      <flowMax unit=\"1000m_cube_per_hour\" value=\"%.0f\"/>\n"
                 "      <length unit=\"km\" value=\"%.12g\"/>\n"
                 "      <diameter unit=\"mm\" value=\"%u\"/>\n"
                 "      <roughness unit=\"mm\" value=\"%g\"/>\n"
                 "    </pipe>\n",
                 i, (unsigned)nw->from[i], (unsigned)nw->to[i], bound, bound, nw->length_km[i],
                 (unsigned)nw->diam_mm[i], GEN_ROUGHNESS_MM);
    w_printf(&w, "  </framework:connections>\n</network>\n");
    return w_close(&w);
}

static int write_scn(const network *nw, const char *path)
{
    writer w;
    size_t i;

    if (w_open(&w, path))
        return -1;
    write_header_comment(&w, nw);
    w_printf(&w,
             "<boundaryValue xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "               xmlns=\"http://gaslib.zib.de/Gas\"\n"
             "               xsi:schemaLocation=\"http://gaslib.zib.de/Gas\n"
             "                                   http://gaslib.zib.de/schema/Scenario.xsd\"\n"
             "               xmlns:framework=\"http://gaslib.zib.de/Framework\">\n"
             "  <scenario id=\"gen_%s_scenario\">\n",
             nw->kind);
    for (i = 0; i < nw->n_sources && !w.err; ++i) {
        w_printf(&w, "    <node type=\"entry\" id=\"n%u\">\n", (unsigned)nw->sources[i]);
        w_flow(&w, "      <flow bound=\"both\" value=\"", nw->source_units[i],
               "\" unit=\"1000m_cube_per_hour\"/>\n    </node>\n");
    }
    for (i = 0; i < nw->n_sinks && !w.err; ++i) {
        w_printf(&w, "    <node type=\"exit\" id=\"n%u\">\n", (unsigned)nw->sinks[i]);
        w_flow(&w, "      <flow bound=\"both\" value=\"", nw->sink_units,
               "\" unit=\"1000m_cube_per_hour\"/>\n    </node>\n");
    }
    w_printf(&w, "  </scenario>\n</boundaryValue>\n");
    return w_close(&w);
}

/* Writes PREFIX.net and PREFIX.scn; 0 on success, -1 after a message. */
static int write_pair(const network *nw, const char *prefix)
{
    size_t len = strlen(prefix);
    char *path = xcalloc(len + 5, 1);
    int rc;

    memcpy(path, prefix, len);
    memcpy(path + len, ".net", 5);
    rc = write_net(nw, path);
    if (rc == 0) {
        memcpy(path + len, ".scn", 5);
        rc = write_scn(nw, path);
        if (rc != 0) { /* keep no .net without its .scn */
            memcpy(path + len, ".net", 5);
            remove(path);
        }
    }
    free(path);
    return rc;
}

/* ---- command line ------------------------------------------------------ */

int main(int argc, char **argv)
{
    network nw;
    uint64_t a = 0, b = 0, sinks = 0, seed = 1;
    const char *prefix;
    clock_t t0 = clock();

    memset(&nw, 0, sizeof nw);
    if (argc == 4 && strcmp(argv[1], "chain") == 0) {
        if (parse_u64(argv[2], &a) || a < 2 || a > GEN_MAX_NODES) {
            fputs("gen_network: chain needs 2 <= N <= 100000000\n", stderr);
            usage();
            return 2;
        }
        prefix = argv[3];
        nw.kind = "chain";
        snprintf(nw.params, sizeof nw.params, "N=%llu", (unsigned long long)a);
        build_chain(&nw, (size_t)a);
    } else if (argc >= 5 && argc <= 7 && strcmp(argv[1], "grid") == 0) {
        int have_sinks = argc >= 6;
        if (parse_u64(argv[2], &a) || parse_u64(argv[3], &b) || a < 1 || b < 1 || a > GEN_MAX_NODES ||
            b > GEN_MAX_NODES || a * b < 2 || a * b > GEN_MAX_NODES || (have_sinks && parse_u64(argv[5], &sinks)) ||
            (argc == 7 && parse_u64(argv[6], &seed))) {
            fputs("gen_network: grid needs R, C >= 1 with 2 <= R*C <= 100000000; SINKS and SEED "
                  "are whole numbers\n",
                  stderr);
            usage();
            return 2;
        }
        if (!have_sinks)
            sinks = a * b - 1 < 2000 ? a * b - 1 : 2000;
        if (sinks < 1 || sinks > a * b - 1) {
            fprintf(stderr, "gen_network: SINKS must be between 1 and %llu for this grid\n",
                    (unsigned long long)(a * b - 1));
            usage();
            return 2;
        }
        prefix = argv[4];
        nw.kind = "grid";
        snprintf(nw.params, sizeof nw.params, "R=%llu C=%llu SINKS=%llu SEED=%llu", (unsigned long long)a,
                 (unsigned long long)b, (unsigned long long)sinks, (unsigned long long)seed);
        build_grid(&nw, (size_t)a, (size_t)b, (size_t)sinks, seed);
    } else if (argc >= 4 && argc <= 5 && strcmp(argv[1], "mesh") == 0) {
        if (parse_u64(argv[2], &a) || a < 4 || a > GEN_MAX_NODES / 2 || (argc == 5 && parse_u64(argv[4], &seed))) {
            fputs("gen_network: mesh needs 4 <= N <= 50000000; SEED is a whole number\n", stderr);
            usage();
            return 2;
        }
        prefix = argv[3];
        nw.kind = "mesh";
        snprintf(nw.params, sizeof nw.params, "N=%llu SEED=%llu", (unsigned long long)a, (unsigned long long)seed);
        build_mesh(&nw, (size_t)a, seed);
    } else {
        usage();
        return 2;
    }

    if (write_pair(&nw, prefix)) {
        network_free(&nw);
        return 1;
    }
    printf("%s %s: %zu nodes, %zu pipes, %zu sources, %zu sinks, total %.3f kg/s, "
           "estimated lowest pressure %.1f bar, %.2f s\n",
           nw.kind, nw.params, nw.n_nodes, nw.n_pipes, nw.n_sources, nw.n_sinks, nw.total_kg_s, nw.est_min_bar,
           (double)(clock() - t0) / CLOCKS_PER_SEC);
    network_free(&nw);
    return 0;
}
