/* Tests of the GasLib readers (src/io/gaslib*.c): every shared GasLib file
 * loads with the element counts of SOURCES.md / README-4197.md, unit
 * conversions give the values the files state (FORMAT.md §5), and malformed
 * inputs fail with the right status and a message that names file, line,
 * element and problem. Data folder: $GASFLOW_SHARED (default ../../shared,
 * relative to the tests directory the tests run in). */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "support.h"

#include "io/gaslib.h"
#include "io/gaslib_xml.h"

/* ---- Helpers ---------------------------------------------------------- */

static const char *shared_dir(void)
{
    const char *s = getenv("GASFLOW_SHARED");
    return s && s[0] ? s : "../../shared";
}

static void gaslib_path(char *buf, size_t n, const char *rel)
{
    snprintf(buf, n, "%s/data/gaslib/%s", shared_dir(), rel);
}

static void expect_close(double got, double want, double rel, const char *what)
{
    double tol = rel * fmax(fabs(want), 1e-300);
    if (!(fabs(got - want) <= tol))
        fail_msg("%s: got %.17g, want %.17g (rel. tol. %g)", what, got, want, rel);
}

/* GF_TEST_VERBOSE=1 prints every expected message, to review them. */
static void expect_error(gf_status st, const error_info *err, gf_status want, const char *needle)
{
    if (getenv("GF_TEST_VERBOSE"))
        print_message("  %s\n", err->msg);
    if (st != want)
        fail_msg("status %d, want %d; message: %s", (int)st, (int)want, err->msg);
    if (!strstr(err->msg, needle))
        fail_msg("message \"%s\" lacks \"%s\"", err->msg, needle);
    if (strchr(err->msg, '\n'))
        fail_msg("message is not one line: \"%s\"", err->msg);
}

static void load_net(const char *rel, network *net)
{
    char path[1024];
    gaslib_path(path, sizeof path, rel);
    error_info err;
    network_init(net);
    gf_status st = gaslib_read_net(path, net, &err);
    if (st != GF_OK)
        fail_msg("%s: status %d: %s", path, (int)st, err.msg);
}

static void load_scn(const char *rel, const network *net, scenario *scn)
{
    char path[1024];
    gaslib_path(path, sizeof path, rel);
    error_info err;
    memset(scn, 0, sizeof *scn);
    gf_status st = gaslib_read_scn(path, net, scn, &err);
    if (st != GF_OK)
        fail_msg("%s: status %d: %s", path, (int)st, err.msg);
}

static int node_of(const network *net, const char *id)
{
    int i = network_find_node(net, id);
    if (i < 0)
        fail_msg("node '%s' not found", id);
    return i;
}

static const net_arc *arc_of(const network *net, const char *id)
{
    int i = network_find_arc(net, id);
    if (i < 0)
        fail_msg("arc '%s' not found", id);
    return &net->arcs[i];
}

/* ---- (a) every shared file loads, with the published counts ----------- */

typedef struct {
    const char *net;
    size_t sources, sinks, innodes;
    size_t arcs[ARC_KIND_COUNT]; /* pipe, shortPipe, resistor, valve, controlValve, station */
    const char *scn_dir;         /* every *.scn in it belongs to this network */
    int n_scn;
} instance;

static const instance instances[] = {
    {"GasLib-11/GasLib-11.net", 3, 3, 5, {8, 0, 0, 1, 0, 2}, "GasLib-11", 1},
    {"GasLib-24/GasLib-24-v1-20211130.net", 3, 5, 16, {19, 1, 1, 0, 1, 3}, "GasLib-24", 1},
    {"GasLib-24/legacy-2017/GasLib-24.net", 3, 5, 16, {19, 1, 1, 0, 1, 3}, "GasLib-24", 1},
    {"GasLib-39/GasLib-39-v1-20231119.net", 2, 5, 32, {28, 0, 0, 7, 4, 2}, "GasLib-39", 10},
    {"GasLib-40/GasLib-40.net", 3, 29, 8, {39, 0, 0, 0, 0, 6}, "GasLib-40", 1},
    {"GasLib-40/legacy-2013/GasLib-40.net", 3, 29, 8, {39, 0, 0, 0, 0, 6}, "GasLib-40", 1},
    {"GasLib-134/GasLib-134-v2.net", 3, 45, 86, {86, 45, 0, 0, 1, 1}, "GasLib-134/Nominations-134-v2", 20},
    {"GasLib-135/GasLib-135-v1-20211130.net", 6, 99, 30, {141, 0, 0, 0, 0, 29}, "GasLib-135", 1},
    {"GasLib-135/legacy-2013/GasLib-135.net", 6, 99, 30, {141, 0, 0, 0, 0, 29}, "GasLib-135", 1},
    {"GasLib-582/v1-2013/GasLib-582.net", 31, 129, 422, {451, 96, 8, 26, 23, 5}, "GasLib-582/v1-2013", 1},
    {"GasLib-582/v2-2014/GasLib-582-v2.net", 31, 129, 422, {278, 269, 8, 26, 23, 5}, "GasLib-582/v2-2014", 1},
    {"GasLib-4197/GasLib-4197-derived.net", 11, 1009, 3177, {3537, 343, 28, 426, 120, 12}, "GasLib-4197", 1},
    {"extras/GasLib-Integration/GasLib-Integration.net", 4, 7, 0, {1, 1, 2, 1, 1, 1}, "extras/GasLib-Integration", 1},
};

/* Structural facts every loaded network must satisfy. */
static void check_network(const network *net, const instance *in)
{
    size_t kinds[3] = {0, 0, 0}, arcs[ARC_KIND_COUNT] = {0};
    for (size_t i = 0; i < net->n_nodes; i++) {
        const net_node *n = &net->nodes[i];
        kinds[n->kind]++;
        assert_true(isfinite(n->height));
        assert_true(n->line > 0);
        if (n->kind == NODE_SOURCE) {
            /* the network's list of sources, in order */
            assert_true(kinds[NODE_SOURCE] <= net->n_sources);
            assert_int_equal(net->sources[kinds[NODE_SOURCE] - 1], i);
            assert_true(n->gas.temperature > 200.0 && n->gas.temperature < 350.0);
            assert_true(n->gas.norm_density > 0.5 && n->gas.norm_density < 1.2);
            assert_true(n->gas.molar_mass > 0.010 && n->gas.molar_mass < 0.030);
        }
    }
    assert_int_equal(net->n_sources, kinds[NODE_SOURCE]);
    /* the sealed view copies the records (NaN bounds stay NaN) */
    const network_view *v = &net->view;
    assert_int_equal(v->sealed, 1);
    for (size_t i = 0; i < net->n_nodes; i++) {
        const net_node *n = &net->nodes[i];
        double want[4] = {n->p_min, n->p_max, n->flow_min, n->flow_max};
        assert_int_equal(v->node_kind[i], n->kind);
        assert_true(v->height[i] == n->height);
        for (int k = 0; k < 4; k++)
            assert_true(v->node_bounds[4 * i + k] == want[k] || (isnan(want[k]) && isnan(v->node_bounds[4 * i + k])));
    }
    for (size_t j = 0; j < net->n_arcs; j++) {
        const net_arc *a = &net->arcs[j];
        double want[3] = {a->flow_min, a->flow_max, a->p_max};
        assert_int_equal(v->from[j], a->from);
        assert_int_equal(v->to[j], a->to);
        assert_int_equal(v->kind[j], a->kind);
        double geo[3] = {a->length, a->diameter, a->roughness};
        for (int k = 0; k < 3; k++) {
            assert_true(v->arc_bounds[3 * j + k] == want[k] || (isnan(want[k]) && isnan(v->arc_bounds[3 * j + k])));
            assert_true(v->geometry[3 * j + k] == geo[k] || (isnan(geo[k]) && isnan(v->geometry[3 * j + k])));
        }
    }
    for (size_t j = 0; j < net->n_arcs; j++) {
        const net_arc *a = &net->arcs[j];
        arcs[a->kind]++;
        assert_true(a->from >= 0 && (size_t)a->from < net->n_nodes);
        assert_true(a->to >= 0 && (size_t)a->to < net->n_nodes);
        assert_int_not_equal(a->from, a->to);
        assert_true(a->line > 0);
        if (a->kind == ARC_PIPE) {
            assert_true(a->length > 0.0 && a->diameter > 0.0 && a->roughness >= 0.0);
            assert_true(a->diameter < 5.0 && a->roughness < 1e-2); /* metres, not mm */
        }
        if (a->kind == ARC_RESISTOR)
            assert_true(isnan(a->drag) != isnan(a->pressure_loss));
    }
    if (kinds[NODE_SOURCE] != in->sources || kinds[NODE_SINK] != in->sinks || kinds[NODE_INNODE] != in->innodes)
        fail_msg("%s: nodes %zu/%zu/%zu, want %zu/%zu/%zu", in->net, kinds[NODE_SOURCE], kinds[NODE_SINK],
                 kinds[NODE_INNODE], in->sources, in->sinks, in->innodes);
    for (int k = 0; k < ARC_KIND_COUNT; k++)
        if (arcs[k] != in->arcs[k])
            fail_msg("%s: %zu %s, want %zu", in->net, arcs[k], arc_kind_name((arc_kind)k), in->arcs[k]);
    assert_non_null(net->path);
    assert_non_null(net->title);
    assert_true(net->title[0] != '\0');
}

/* Nominations balance up to rounding (SOURCES.md); signs follow the
 * convention: withdrawal positive, fixed flows lo == hi. */
static void check_scenario(const network *net, const scenario *scn, const char *path)
{
    assert_int_equal(scn->n_nodes, net->n_nodes);
    assert_non_null(scn->id);
    double sum = 0.0, inflow = 0.0;
    int listed = 0;
    for (size_t i = 0; i < scn->n_nodes; i++) {
        assert_true(scn->flow_lo[i] <= scn->flow_hi[i]);
        if (scn->line[i] == 0) {
            assert_true(scn->flow_lo[i] == 0.0 && scn->flow_hi[i] == 0.0);
            continue;
        }
        listed++;
        assert_true(net->nodes[i].kind != NODE_INNODE);
        sum += scn->flow_lo[i];
        if (scn->flow_lo[i] < 0.0)
            inflow -= scn->flow_lo[i];
        if (net->nodes[i].kind == NODE_SOURCE)
            assert_true(scn->flow_hi[i] <= 0.0);
    }
    assert_true(listed > 0);
    if (!(fabs(sum) <= 1e-3 * inflow))
        fail_msg("%s: unbalanced, sum %g of inflow %g m^3/s", path, sum, inflow);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void test_all_shared_files_load(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof instances / sizeof instances[0]; k++) {
        const instance *in = &instances[k];
        network net;
        load_net(in->net, &net);
        check_network(&net, in);

        char dir[1024];
        gaslib_path(dir, sizeof dir, in->scn_dir);
        DIR *d = opendir(dir);
        if (!d)
            fail_msg("cannot open %s", dir);
        int n_scn = 0;
        for (struct dirent *e = readdir(d); e; e = readdir(d)) {
            if (!has_suffix(e->d_name, ".scn"))
                continue;
            char rel[1024];
            snprintf(rel, sizeof rel, "%s/%s", in->scn_dir, e->d_name);
            scenario scn;
            load_scn(rel, &net, &scn);
            check_scenario(&net, &scn, rel);
            scenario_free(&scn);
            n_scn++;
        }
        closedir(d);
        if (n_scn != in->n_scn)
            fail_msg("%s: %d scenarios, want %d", in->scn_dir, n_scn, in->n_scn);
        network_free(&net);
    }
}

/* ---- (b) unit conversions against the values written in the files ----- */

static void test_units_gaslib11(void **state)
{
    (void)state;
    network net;
    load_net("GasLib-11/GasLib-11.net", &net);
    assert_string_equal(net.title, "GasLib_11");
    const net_arc *p = arc_of(&net, "pipe01_entry01_entry03");
    expect_close(p->length, 55000.0, 1e-15, "55 km");
    expect_close(p->diameter, 0.5, 1e-15, "500 mm");
    expect_close(p->roughness, 1e-4, 1e-12, "0.1 mm");
    expect_close(p->heat_transfer, 2.0, 1e-15, "W_per_m_square_per_K");
    expect_close(p->p_max, 200e5, 1e-15, "200 bar");
    expect_close(p->flow_min, -1100.0 / 3.6, 1e-14, "-1100 x 1000 m^3/h");
    assert_true(isnan(p->drag) && isnan(p->dp_max) && p->fuel_node == -1);

    const net_node *s = &net.nodes[node_of(&net, "entry01")];
    assert_int_equal(s->kind, NODE_SOURCE);
    expect_close(s->gas.temperature, 283.15, 1e-15, "10 Celsius");
    expect_close(s->gas.norm_density, 0.785, 1e-15, "kg_per_m_cube");
    expect_close(s->gas.molar_mass, 0.0185674, 1e-14, "kg_per_kmol");
    expect_close(s->gas.calorific_value, 36.4543670654e6, 1e-14, "MJ_per_m_cube");
    expect_close(s->gas.pc, 45.9293457336e5, 1e-14, "pseudocritical bar");
    expect_close(s->gas.tc, 188.549758911, 1e-15, "pseudocritical K");
    expect_close(s->gas.cp_b, -0.00846800766885, 1e-15, "dimensionless coefficient");
    expect_close(s->p_min, 40e5, 1e-15, "40 bar");
    expect_close(s->flow_max, 750.0 / 3.6, 1e-14, "750 x 1000 m^3/h");
    expect_close(s->x, 0.0, 0.0, "x");

    const net_node *inn = &net.nodes[node_of(&net, "N01")];
    assert_true(isnan(inn->flow_min) && isnan(inn->gas.temperature));

    const net_arc *cs = arc_of(&net, "CS02_N04_N05");
    assert_int_equal(cs->kind, ARC_COMPRESSOR);
    assert_int_equal(cs->fuel_node, node_of(&net, "N05"));

    /* entries are negative withdrawals */
    scenario scn;
    load_scn("GasLib-11/GasLib-11.scn", &net, &scn);
    int e1 = node_of(&net, "entry01"), x1 = node_of(&net, "exit01");
    expect_close(scn.flow_lo[e1], -160.0 / 3.6, 1e-14, "entry01 lo");
    expect_close(scn.flow_hi[e1], -160.0 / 3.6, 1e-14, "entry01 hi");
    expect_close(scn.flow_lo[x1], 100.0 / 3.6, 1e-14, "exit01");
    assert_int_equal(scn.line[x1], 50);
    assert_true(isnan(scn.p_lo[x1]) && isnan(scn.p_hi[x1]) && scn.p_fixed[x1] == 0);
    assert_string_equal(scn.id, "GasLib_11_scenario");
    scenario_free(&scn);
    network_free(&net);
}

static void test_units_gaslib134(void **state)
{
    (void)state;
    network net;
    load_net("GasLib-134/GasLib-134-v2.net", &net);
    const net_arc *p = arc_of(&net, "p_br2");
    expect_close(p->roughness, 8e-6, 1e-15, "roughness 8e-06 m");
    expect_close(p->length, 15250.0, 1e-15, "15.25 km");
    expect_close(p->diameter, 0.9144, 1e-15, "914.4 mm");
    assert_true(isnan(p->p_max)); /* pressureMax absent in 134 */
    expect_close(net.nodes[node_of(&net, "node_1")].gas.temperature, 289.15, 1e-15, "gasTemperature in K");
    network_free(&net);
}

static void test_units_heights_and_legacy(void **state)
{
    (void)state;
    /* height without unit (legacy 24) and "meter" (legacy 40) equal "m" */
    const char *pairs[][2] = {
        {"GasLib-24/GasLib-24-v1-20211130.net", "GasLib-24/legacy-2017/GasLib-24.net"},
        {"GasLib-40/GasLib-40.net", "GasLib-40/legacy-2013/GasLib-40.net"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        network a, b;
        load_net(pairs[k][0], &a);
        load_net(pairs[k][1], &b);
        assert_int_equal(a.n_nodes, b.n_nodes);
        for (size_t i = 0; i < a.n_nodes; i++) {
            int j = node_of(&b, a.nodes[i].id);
            expect_close(b.nodes[j].height, a.nodes[i].height, 1e-15, a.nodes[i].id);
        }
        if (k == 0)
            expect_close(b.nodes[node_of(&b, "N01")].height, 200.0, 0.0, "24: height 200");
        network_free(&a);
        network_free(&b);
    }
    network net;
    load_net("GasLib-582/v1-2013/GasLib-582.net", &net); /* <height value="45"/> */
    expect_close(net.nodes[node_of(&net, "source_1")].height, 45.0, 0.0, "unit-less height");
    network_free(&net);

    load_net("GasLib-24/legacy-2017/GasLib-24.net", &net);
    /* station sides: drag+diameter (mm or m) or a fixed loss */
    const net_arc *cs1 = arc_of(&net, "CS1"), *cs2 = arc_of(&net, "CS2");
    expect_close(cs1->drag_in, 18.0, 0.0, "dragFactorIn");
    expect_close(cs1->diam_in, 0.9, 1e-15, "diameterIn 900 mm");
    expect_close(cs1->diam_out, 0.9, 1e-15, "diameterOut 0.9 m");
    assert_true(isnan(cs1->loss_in));
    expect_close(cs2->loss_out, 2e5, 1e-15, "pressureLossOut 2 bar");
    assert_true(isnan(cs2->drag_out));
    expect_close(cs2->p_in_min, 30e5, 1e-15, "pressureInMin");
    expect_close(cs2->p_out_max, 70e5, 1e-15, "pressureOutMax");
    const net_arc *re = arc_of(&net, "re01");
    expect_close(re->drag, 5.40999984741211, 1e-15, "resistor dragFactor");
    expect_close(re->diameter, 0.9, 1e-15, "resistor diameter");
    assert_true(isnan(re->pressure_loss));
    network_free(&net);
}

static void test_units_integration(void **state)
{
    (void)state;
    network net;
    load_net("extras/GasLib-Integration/GasLib-Integration.net", &net);
    const net_arc *r = arc_of(&net, "resistor_2");
    expect_close(r->pressure_loss, 1e5, 1e-15, "pressureLoss 1 bar");
    assert_true(isnan(r->drag));
    const net_arc *cv = arc_of(&net, "controlValve_1");
    assert_int_equal(cv->bypass_required, 0);
    assert_int_equal(cv->preheater_or_cooler, 0);
    const net_arc *cs = arc_of(&net, "compressorStation_1");
    assert_int_equal(cs->bypass_required, 1);
    assert_int_equal(cs->fuel_node, node_of(&net, "sink_4"));
    expect_close(cs->diam_in, 1.0, 1e-15, "diameterIn");
    expect_close(cs->drag_in, 0.0, 0.0, "dragFactorIn");
    network_free(&net);
}

static void test_units_scenarios(void **state)
{
    (void)state;
    network net;
    scenario scn;

    /* GasLib-40: barg bounds, +1.01325 bar */
    load_net("GasLib-40/GasLib-40.net", &net);
    load_scn("GasLib-40/GasLib-40.scn", &net, &scn);
    int s1 = node_of(&net, "source_1");
    expect_close(scn.p_lo[s1], 1.01325e5, 1e-15, "0 barg");
    expect_close(scn.p_hi[s1], 81.01325e5, 1e-15, "80 barg");
    assert_int_equal(scn.p_fixed[s1], 0);
    expect_close(scn.flow_lo[s1], -725.0 / 3.6, 1e-14, "entry 725");
    assert_int_equal(scn.line[s1], 33);
    scenario_free(&scn);
    network_free(&net);

    /* GasLib-39: flows without a unit are 1000 m^3/h */
    load_net("GasLib-39/GasLib-39-v1-20231119.net", &net);
    load_scn("GasLib-39/GasLib-39-v1-20231119-set01.scn", &net, &scn);
    int e = node_of(&net, "E_NW"), x = node_of(&net, "X_E");
    expect_close(scn.flow_lo[e], -916.1098595061305 / 3.6, 1e-14, "unit-less entry");
    expect_close(scn.flow_hi[e], -916.1098595061305 / 3.6, 1e-14, "unit-less entry");
    expect_close(scn.flow_lo[x], 928.9842178075494 / 3.6, 1e-14, "unit-less exit");
    scenario_free(&scn);
    network_free(&net);

    /* GasLib-582: absolute bar, and one barg lower bound */
    load_net("GasLib-582/v1-2013/GasLib-582.net", &net);
    load_scn("GasLib-582/v1-2013/nomination_cold_8.scn", &net, &scn);
    int src = node_of(&net, "source_1"), snk = node_of(&net, "sink_109");
    expect_close(scn.p_lo[src], 1.0133e5, 1e-15, "1.0133 bar");
    expect_close(scn.p_hi[src], 121.01e5, 1e-15, "121.01 bar");
    expect_close(scn.flow_lo[src], -1774.378 / 3.6, 1e-14, "source_1 both");
    expect_close(scn.p_lo[snk], 51.01325e5, 1e-15, "50 barg");
    assert_true(isnan(scn.p_hi[snk]));
    expect_close(scn.flow_hi[snk], 2525.5065 / 3.6, 1e-14, "sink_109");
    scenario_free(&scn);
    network_free(&net);
}

/* Numbers do not depend on the process locale (GasLib writes '.'). Skipped
 * without a comma-decimal locale; one can be made without root:
 * localedef -i de_DE -f UTF-8 /tmp/loc/de_DE.UTF-8, then run with
 * LOCPATH=/tmp/loc. */
static void test_locale_independent(void **state)
{
    (void)state;
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE", NULL};
    const char *chosen = NULL;
    for (int i = 0; names[i] && !chosen; i++)
        if (setlocale(LC_NUMERIC, names[i]))
            chosen = names[i];
    if (!chosen)
        skip(); /* no comma-decimal locale installed */
    network net;
    load_net("GasLib-11/GasLib-11.net", &net);
    setlocale(LC_NUMERIC, "C");
    expect_close(net.nodes[node_of(&net, "entry01")].gas.norm_density, 0.785, 1e-15, "0.785");
    network_free(&net);
}

/* ---- (c) malformed input ---------------------------------------------- */

/* A small network; nodes on lines 4-6, arcs from line 9. */
#define NET_HEAD                                                                                                       \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                                     \
    "<network xmlns=\"http://gaslib.zib.de/Gas\" "                                                                     \
    "xmlns:framework=\"http://gaslib.zib.de/Framework\">\n"                                                            \
    "<framework:nodes>\n"
#define SOURCE(id)                                                                                                     \
    "<source id=\"" id "\"><height value=\"0\" unit=\"m\"/>"                                                           \
    "<gasTemperature value=\"10\" unit=\"Celsius\"/><normDensity value=\"0.785\" "                                     \
    "unit=\"kg_per_m_cube\"/><molarMass value=\"18.5\" unit=\"kg_per_kmol\"/></source>\n"
#define SINK(id) "<sink id=\"" id "\"><height value=\"0\" unit=\"m\"/></sink>\n"
#define INNODE(id) "<innode id=\"" id "\"><height value=\"10\" unit=\"m\"/></innode>\n"
#define NODES SOURCE("S1") SINK("X1") INNODE("N1")
#define NET_MID "</framework:nodes>\n<framework:connections>\n"
#define PIPE_BODY(len, diam, rough)                                                                                    \
    "<length value=\"" len "\" unit=\"km\"/><diameter value=\"" diam "\" unit=\"mm\"/>"                                \
    "<roughness value=\"" rough "\" unit=\"mm\"/>"
#define PIPE(id, from, to, body) "<pipe id=\"" id "\" from=\"" from "\" to=\"" to "\">" body "</pipe>\n"
#define GOOD_PIPE(id, from, to) PIPE(id, from, to, PIPE_BODY("55", "500", "0.1"))
#define NET_TAIL "</framework:connections>\n</network>\n"
#define NET(arcs) NET_HEAD NODES NET_MID arcs NET_TAIL
#define GOOD_NET NET(GOOD_PIPE("p1", "S1", "N1") GOOD_PIPE("p2", "N1", "X1"))

/* Writes text to x.net in a fresh temporary folder; path gets the file's
 * name. */
static void write_temp_net(const char *text, size_t len, char *path, size_t cap)
{
    char dir[256];
    if (test_dir_make(dir, sizeof dir, "reader") != 0)
        fail_msg("cannot make a temporary folder");
    test_dir_write(dir, "x.net", text, len, path, cap);
}

/* Removes the folder of the file at path. */
static void remove_temp_net(const char *path)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    assert_int_equal(test_dir_remove(dir), 0);
}

/* Reads text as a document in memory named x.net, and again from a file
 * (which the reader parses in chunks): both must give the same status and
 * the same message but for the file's folder. */
static gf_status read_net_text(const char *text, network *net, error_info *err)
{
    network_init(net);
    gf_status st = gaslib_read_net_memory(text, strlen(text), "x.net", net, err);
    if (st != GF_OK) /* a failed read leaves the network empty */
        assert_true(net->n_nodes == 0 && net->n_arcs == 0 && net->nodes == NULL && net->path == NULL);
    char path[1024];
    write_temp_net(text, strlen(text), path, sizeof path);
    network from_file;
    error_info file_err;
    network_init(&from_file);
    gf_status file_st = gaslib_read_net(path, &from_file, &file_err);
    remove_temp_net(path);
    size_t dir_len = strlen(path) - strlen("x.net");
    /* libxml2 words some errors apart in its two parsers: compare up to its words */
    const char *xml_words = strstr(err->msg, "well-formed XML: ");
    size_t same = xml_words ? (size_t)(xml_words - err->msg) + strlen("well-formed XML") : strlen(err->msg) + 1;
    if (file_st != st || (st != GF_OK && (strncmp(file_err.msg, path, dir_len) != 0 ||
                                          strncmp(file_err.msg + dir_len, err->msg, same) != 0)))
        fail_msg("from memory: %d \"%s\"; from the file: %d \"%s\"", (int)st, err->msg, (int)file_st, file_err.msg);
    assert_int_equal(from_file.n_nodes, net->n_nodes);
    assert_int_equal(from_file.n_arcs, net->n_arcs);
    network_free(&from_file);
    return st;
}

static void expect_net_error(const char *text, gf_status want, const char *needle)
{
    network net;
    error_info err;
    gf_status st = read_net_text(text, &net, &err);
    expect_error(st, &err, want, needle);
    network_free(&net);
}

/* A line of n nodes (a source, then innodes) joined by pipes, each element
 * on its own line from line 4; the connections come before the nodes when
 * arcs_first is set. */
static char *line_network(int n, int arcs_first)
{
    size_t cap = (size_t)n * 400 + 4096, len = 0;
    char *doc = malloc(cap);
    assert_non_null(doc);
    len += (size_t)snprintf(doc, cap, "%s", NET_HEAD);
    len -= strlen("<framework:nodes>\n"); /* NET_HEAD opens the nodes */
    for (int k = 0; k < 2; k++) {
        if (k == 0 ? arcs_first : !arcs_first) {
            len += (size_t)snprintf(doc + len, cap - len, "<framework:connections>\n");
            for (int i = 1; i < n; i++)
                len += (size_t)snprintf(doc + len, cap - len, "<pipe id=\"p%d\" from=\"N%d\" to=\"N%d\">%s</pipe>\n", i,
                                        i - 1, i, PIPE_BODY("1", "500", "0.1"));
            len += (size_t)snprintf(doc + len, cap - len, "</framework:connections>\n");
        } else {
            len += (size_t)snprintf(doc + len, cap - len, "<framework:nodes>\n%s", SOURCE("N0"));
            for (int i = 1; i < n; i++)
                len += (size_t)snprintf(doc + len, cap - len,
                                        "<innode id=\"N%d\"><height value=\"%d\" unit=\"m\"/></innode>\n", i, i % 7);
            len += (size_t)snprintf(doc + len, cap - len, "</framework:nodes>\n");
        }
    }
    snprintf(doc + len, cap - len, "</network>\n");
    return doc;
}

/* A file far larger than one chunk of the streaming reader, with the
 * connections before the nodes (kept in the tree until the nodes are
 * known) and after them (read while parsing). */
static void test_streamed_large_file(void **state)
{
    (void)state;
    const int n = 20000;
    for (int arcs_first = 0; arcs_first <= 1; arcs_first++) {
        char *doc = line_network(n, arcs_first);
        assert_true(strlen(doc) > (size_t)3 << 20);
        network net;
        error_info err;
        gf_status st = read_net_text(doc, &net, &err);
        if (st != GF_OK)
            fail_msg("%s", err.msg);
        assert_int_equal(net.n_nodes, n);
        assert_int_equal(net.n_arcs, n - 1);
        int last = network_find_arc(&net, "p19999");
        assert_true(last >= 0);
        assert_int_equal(net.arcs[last].from, network_find_node(&net, "N19998"));
        assert_int_equal(net.arcs[last].to, network_find_node(&net, "N19999"));
        expect_close(net.nodes[network_find_node(&net, "N12345")].height, 12345 % 7, 0.0, "height");
        /* lines survive the chunks: N1 stands on line 5, each node on its own line after it */
        int first_node_line = arcs_first ? 4 + n + 1 : 4;
        assert_int_equal(net.nodes[network_find_node(&net, "N19999")].line, first_node_line + 19999);
        network_free(&net);
        free(doc);
    }
}

/* Character references and predefined entities in attribute values and
 * text come out replaced, '&' included (libxml2 hands it over as "&#38;"). */
static void test_references_replaced(void **state)
{
    (void)state;
    const char *text =
        "<?xml version=\"1.0\"?>\n"
        "<network xmlns=\"http://gaslib.zib.de/Gas\" "
        "xmlns:framework=\"http://gaslib.zib.de/Framework\">\n"
        "<framework:information><title> A &amp; B <![CDATA[<c>]]> &#x263A; </title>"
        "</framework:information>\n"
        "<framework:nodes>\n" SOURCE("S&amp;1") SINK("&#88;&lt;&#49;&gt;")
            INNODE("N&amp;#38;") "</framework:nodes>\n<framework:connections>\n" GOOD_PIPE(
                "p&quot;&apos;", "S&#38;1", "N&amp;#38;") GOOD_PIPE("p2", "N&#38;#38;", "X&lt;1>") NET_TAIL;
    network net;
    error_info err;
    gf_status st = read_net_text(text, &net, &err);
    if (st != GF_OK)
        fail_msg("%s", err.msg);
    assert_string_equal(net.title, "A & B <c> \xe2\x98\xba");
    assert_string_equal(net.nodes[0].id, "S&1");
    assert_string_equal(net.nodes[1].id, "X<1>");
    assert_string_equal(net.nodes[2].id, "N&#38;");
    assert_string_equal(net.arcs[0].id, "p\"'");
    assert_int_equal(net.arcs[1].from, 2);
    assert_int_equal(net.arcs[1].to, 1);
    network_free(&net);
}

/* gx_number gives strtod's double, bit for bit, on its fast path (plain
 * decimals) and off it (exponents, long mantissas). */
static void test_numbers_as_strtod(void **state)
{
    (void)state;
    gx_ctx cx;
    error_info err;
    assert_int_equal(gx_open(&cx, "n", 0, &err), GF_OK);
    const char *fixed[] = {"0",
                           "-0",
                           "+5",
                           "007.50",
                           "0.1",
                           "1100",
                           "-1100.25",
                           "8e-06",
                           "1E3",
                           "9007199254740993",
                           "9007199254740992.5",
                           "0.30000000000000004",
                           "123456789012.3456789",
                           "1.0000000000000000000001",
                           " 42 ",
                           "3.14159265358979323846264338327950288"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        double got = NAN, want = strtod(fixed[i], NULL);
        assert_int_equal(gx_number(&cx, fixed[i], &got), 0);
        if (memcmp(&got, &want, sizeof got) != 0)
            fail_msg("'%s': %.17g, strtod %.17g", fixed[i], got, want);
    }
    uint64_t rng = 12345;
    char buf[64];
    for (int k = 0; k < 200000; k++) {
        rng = rng * 6364136223846793005u + 1442695040888963407u;
        int places = (int)(rng >> 59) % 24;
        double x = (double)(rng >> 11) * 0x1p-53 * pow(10.0, (double)((rng >> 40) % 12) - 3.0);
        snprintf(buf, sizeof buf, "%s%.*f", (rng & 1) ? "-" : "", places, x);
        double got = NAN, want = strtod(buf, NULL);
        assert_int_equal(gx_number(&cx, buf, &got), 0);
        if (memcmp(&got, &want, sizeof got) != 0)
            fail_msg("'%s': %.17g, strtod %.17g", buf, got, want);
    }
    gx_close(&cx);
}

static void test_unreadable_file(void **state)
{
    (void)state;
    char dir[256], path[1024];
    assert_int_equal(test_dir_make(dir, sizeof dir, "reader"), 0);
    test_dir_write(dir, "x.net", GOOD_NET, strlen(GOOD_NET), path, sizeof path);
    network net;
    error_info err;
    network_init(&net);
    expect_error(gaslib_read_net(dir, &net, &err), &err, GF_ERR_IO, "cannot read"); /* the folder */
    assert_true(net.n_nodes == 0 && net.nodes == NULL);
    assert_int_equal(test_dir_remove(dir), 0);
    expect_error(gaslib_read_net(path, &net, &err), &err, GF_ERR_IO, "cannot open");
}

static void test_good_memory_network(void **state)
{
    (void)state;
    network net;
    error_info err;
    gf_status st = read_net_text(GOOD_NET, &net, &err);
    if (st != GF_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(net.n_nodes, 3);
    assert_int_equal(net.n_arcs, 2);
    assert_string_equal(net.path, "x.net");
    assert_string_equal(net.title, ""); /* no information block */
    assert_int_equal(net.nodes[0].line, 4);
    assert_int_equal(net.arcs[1].line, 10);
    assert_true(isnan(net.nodes[0].p_min) && isnan(net.nodes[0].gas.pc));
    network_free(&net);
}

static void test_bad_references_and_ids(void **state)
{
    (void)state;
    expect_net_error(NET(PIPE("p1", "S1", "N99", PIPE_BODY("55", "500", "0.1"))), GF_ERR_INPUT,
                     "x.net:9: pipe 'p1': unknown node 'N99' in 'to'");
    expect_net_error(NET(PIPE("p1", "S9", "N1", PIPE_BODY("55", "500", "0.1"))), GF_ERR_INPUT,
                     "x.net:9: pipe 'p1': unknown node 'S9' in 'from'");
    expect_net_error(NET_HEAD SOURCE("S1") SINK("X1") INNODE("S1") NET_MID NET_TAIL, GF_ERR_INPUT,
                     "x.net:6: innode 'S1': duplicate id (first at line 4)");
    expect_net_error(NET(GOOD_PIPE("p1", "S1", "N1") GOOD_PIPE("p1", "N1", "X1")), GF_ERR_INPUT,
                     "x.net:10: pipe 'p1': duplicate id (first at line 9)");
    expect_net_error(NET(GOOD_PIPE("p1", "N1", "N1")), GF_ERR_INPUT,
                     "x.net:9: pipe 'p1': 'from' and 'to' are the same node 'N1'");
    expect_net_error(NET("<pipe from=\"S1\" to=\"N1\">" PIPE_BODY("55", "500", "0.1") "</pipe>\n"), GF_ERR_INPUT,
                     "x.net:9: pipe: missing required attribute 'id'");
    expect_net_error(NET("<compressorStation id=\"c1\" from=\"S1\" to=\"N1\" "
                         "fuelGasVertex=\"Z\"/>\n"),
                     GF_ERR_INPUT,
                     "x.net:9: compressorStation 'c1': unknown node 'Z' in "
                     "'fuelGasVertex'");
    expect_net_error(NET("<pump id=\"q1\" from=\"S1\" to=\"N1\"/>\n"), GF_ERR_INPUT,
                     "x.net:9: unknown connection kind 'pump'");
    expect_net_error(NET_HEAD "<junction id=\"J\"/>\n" NET_MID NET_TAIL, GF_ERR_INPUT,
                     "x.net:4: unknown node kind 'junction'");
    expect_net_error(NET_HEAD NET_MID NET_TAIL, GF_ERR_INPUT, "the network has no nodes");
}

static void test_bad_values(void **state)
{
    (void)state;
    expect_net_error(NET(PIPE("p1", "S1", "N1", PIPE_BODY("0", "500", "0.1"))), GF_ERR_INPUT,
                     "x.net:9: pipe 'p1': length must be > 0");
    expect_net_error(NET(PIPE("p1", "S1", "N1", PIPE_BODY("55", "-500", "0.1"))), GF_ERR_INPUT,
                     "x.net:9: pipe 'p1': diameter must be > 0");
    expect_net_error(NET(PIPE("p1", "S1", "N1", PIPE_BODY("55", "500", "-0.1"))), GF_ERR_INPUT,
                     "x.net:9: pipe 'p1': roughness must be >= 0");
    expect_net_error(NET(PIPE("p1", "S1", "N1",
                              "<length value=\"55\" unit=\"km\"/>"
                              "<diameter value=\"500\" unit=\"mm\"/>")),
                     GF_ERR_INPUT, "x.net:9: pipe 'p1': missing required value 'roughness'");
    expect_net_error(NET_HEAD "<innode id=\"N1\"><pressureMin value=\"1\" unit=\"bar\"/></innode>\n" NET_MID NET_TAIL,
                     GF_ERR_INPUT, "x.net:4: innode 'N1': missing required value 'height'");
    expect_net_error(NET_HEAD "<source id=\"S1\"><height value=\"0\"/></source>\n" NET_MID NET_TAIL, GF_ERR_INPUT,
                     "x.net:4: source 'S1': missing required value 'gasTemperature'");
    expect_net_error(NET(PIPE("p1", "S1", "N1",
                              "<length value=\"55\" unit=\"furlong\"/>"
                              "<diameter value=\"500\" unit=\"mm\"/>"
                              "<roughness value=\"0\" unit=\"mm\"/>")),
                     GF_ERR_INPUT, "x.net:9: pipe 'p1': unknown unit 'furlong' for length");
    expect_net_error(NET(PIPE("p1", "S1", "N1",
                              "<length value=\"55\" unit=\"bar\"/>"
                              "<diameter value=\"500\" unit=\"mm\"/>"
                              "<roughness value=\"0\" unit=\"mm\"/>")),
                     GF_ERR_INPUT, "x.net:9: pipe 'p1': unit 'bar' does not fit length");
    expect_net_error(NET(PIPE("p1", "S1", "N1",
                              "<length value=\"55\"/>"
                              "<diameter value=\"500\" unit=\"mm\"/>"
                              "<roughness value=\"0\" unit=\"mm\"/>")),
                     GF_ERR_INPUT, "x.net:9: pipe 'p1': missing unit for length");
    expect_net_error(NET_HEAD "<innode id=\"N1\"><height value=\"0\" unit=\"m\"/>"
                              "<pressureMax value=\"70\" unit=\"barg\"/></innode>\n" NET_MID NET_TAIL,
                     GF_ERR_INPUT,
                     "x.net:4: innode 'N1': gauge unit 'barg' is accepted only in "
                     "scenario files (pressureMax)");
    const char *not_numbers[] = {"abc", "", "55km", "nan", "inf", "0x1A", "1e", "--1", "1.2.3", ". "};
    for (size_t i = 0; i < sizeof not_numbers / sizeof not_numbers[0]; i++) {
        char text[2048], needle[128];
        snprintf(text, sizeof text,
                 NET(PIPE("p1", "S1", "N1",
                          "<length value=\"%s\" unit=\"km\"/><diameter value=\"500\" unit=\"mm\"/>"
                          "<roughness value=\"0\" unit=\"mm\"/>")),
                 not_numbers[i]);
        snprintf(needle, sizeof needle, "x.net:9: pipe 'p1': '%s' is not a number (length)", not_numbers[i]);
        expect_net_error(text, GF_ERR_INPUT, needle);
    }
    expect_net_error(NET(PIPE("p1", "S1", "N1", PIPE_BODY("55", "500", "0.1") "<length value=\"5\" unit=\"km\"/>")),
                     GF_ERR_INPUT, "x.net:9: pipe 'p1': 'length' given twice");
    expect_net_error(NET("<resistor id=\"r1\" from=\"S1\" to=\"N1\"/>\n"), GF_ERR_INPUT,
                     "x.net:9: resistor 'r1': missing required value 'dragFactor' (with "
                     "'diameter') or 'pressureLoss'");
    expect_net_error(NET("<resistor id=\"r1\" from=\"S1\" to=\"N1\"><dragFactor value=\"2\"/>"
                         "</resistor>\n"),
                     GF_ERR_INPUT, "x.net:9: resistor 'r1': missing required value 'diameter'");
    expect_net_error(NET("<resistor id=\"r1\" from=\"S1\" to=\"N1\"><dragFactor value=\"2\" "
                         "unit=\"mm\"/></resistor>\n"),
                     GF_ERR_INPUT, "x.net:9: resistor 'r1': unit 'mm' does not fit dragFactor");
    expect_net_error(NET("<controlValve id=\"cv\" from=\"S1\" to=\"N1\" "
                         "internalBypassRequired=\"maybe\"/>\n"),
                     GF_ERR_INPUT, "x.net:9: controlValve 'cv': 'maybe' is not a flag 0 or 1");
    /* an element 70000 lines further down keeps its line */
    static const char head[] = NET_HEAD NODES NET_MID;
    static const char tail[] = GOOD_PIPE("p1", "S1", "N1") PIPE("p2", "N1", "X1", PIPE_BODY("55", "0", "0.1")) NET_TAIL;
    size_t blank = 70000; /* lines 9 .. 70008 empty: beyond libxml2's 16-bit node->line */
    char *big = malloc(sizeof head + blank + sizeof tail);
    assert_non_null(big);
    memcpy(big, head, sizeof head - 1);
    memset(big + sizeof head - 1, '\n', blank);
    memcpy(big + sizeof head - 1 + blank, tail, sizeof tail);
    expect_net_error(big, GF_ERR_INPUT, "x.net:70010: pipe 'p2': diameter must be > 0");
    free(big);
}

static const char billion_laughs[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<network><nodes><innode id=\"&lol9;\"><height value=\"0\"/></innode></nodes></network>\n";

static const char external_entity[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE network [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<network><nodes><innode id=\"&xxe;\"><height value=\"0\"/></innode></nodes></network>\n";

static void test_bad_xml(void **state)
{
    (void)state;
    /* libxml2 must not print anything: capture stderr while parsing */
    fflush(stderr);
    int saved = dup(2);
    FILE *sink = tmpfile();
    assert_true(saved >= 0 && sink != NULL);
    dup2(fileno(sink), 2);

    clock_t t0 = clock();
    expect_net_error(billion_laughs, GF_ERR_PARSE, "x.net:2: DTDs and entity declarations are not accepted");
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    expect_net_error(external_entity, GF_ERR_PARSE, "x.net:2: DTDs and entity declarations are not accepted");

    /* the byte scan cannot see a DOCTYPE in UTF-16; the parser hook must */
    size_t n = strlen(billion_laughs);
    unsigned char *wide = malloc(2 * n + 2);
    assert_non_null(wide);
    wide[0] = 0xFF;
    wide[1] = 0xFE;
    for (size_t i = 0; i < n; i++) {
        wide[2 + 2 * i] = (unsigned char)billion_laughs[i];
        wide[3 + 2 * i] = 0;
    }
    network net;
    error_info err;
    network_init(&net);
    gf_status st = gaslib_read_net_memory((const char *)wide, 2 * n + 2, "w.net", &net, &err);
    expect_error(st, &err, GF_ERR_PARSE, "DTDs and entity declarations are not accepted");
    free(wide);

    /* truncated: cut the good network in the middle of line 9 */
    const char *good = GOOD_NET;
    const char *cut = strstr(good, "<diameter");
    network_init(&net);
    st = gaslib_read_net_memory(good, (size_t)(cut - good), "x.net", &net, &err);
    expect_error(st, &err, GF_ERR_PARSE, "x.net:9: not well-formed XML");
    assert_int_equal(net.n_nodes, 0);

    /* UTF-16 with a lone surrogate: libxml2 reports this outside the parser
     * context, which by default prints "encoding error" on stderr */
    static const char bad_utf16[] = "\xff\xfe<\0n\0>\0\0\xd8"
                                    "a\0<\0/\0n\0>\0";
    network_init(&net);
    st = gaslib_read_net_memory(bad_utf16, sizeof bad_utf16 - 1, "u.net", &net, &err);
    expect_error(st, &err, GF_ERR_PARSE, "u.net:1: not well-formed XML");

    expect_net_error("hello, world\n", GF_ERR_PARSE, "x.net:1: not well-formed XML: Start tag expected");
    expect_net_error("", GF_ERR_PARSE, "x.net:1: empty file");
    expect_net_error("  \n\n", GF_ERR_PARSE, "x.net:3: empty file");
    expect_net_error("<network><nodes></network>\n", GF_ERR_PARSE, "x.net:1: not well-formed XML");
    expect_net_error("<network>&undefined;</network>\n", GF_ERR_PARSE, "not well-formed XML");
    expect_net_error("<?xml version=\"1.0\"?>\n<boundaryValue/>\n", GF_ERR_INPUT,
                     "x.net:2: root element is 'boundaryValue', expected 'network'");

    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    long printed = (fseek(sink, 0, SEEK_END) == 0) ? ftell(sink) : -1;
    fclose(sink);
    assert_int_equal(printed, 0);
    if (seconds > 1.0)
        fail_msg("billion laughs took %.2f s", seconds);
}

static void test_missing_file(void **state)
{
    (void)state;
    network net;
    error_info err;
    network_init(&net);
    gf_status st = gaslib_read_net("no/such/dir/x.net", &net, &err);
    expect_error(st, &err, GF_ERR_IO, "no/such/dir/x.net: cannot open: No such file");
    assert_int_equal(net.n_nodes, 0);
    scenario scn;
    memset(&scn, 0, sizeof scn);
    st = gaslib_read_scn("no/such/dir/x.scn", &net, &scn, &err);
    expect_error(st, &err, GF_ERR_IO, "no/such/dir/x.scn: cannot open");
    st = gaslib_read_net(".", &net, &err); /* a directory */
    expect_error(st, &err, GF_ERR_IO, ".: cannot read");
}

/* ---- (c) malformed scenarios ------------------------------------------ */

/* Scenario nodes start on line 4. */
#define SCN_HEAD                                                                                                       \
    "<?xml version=\"1.0\"?>\n<boundaryValue xmlns=\"http://gaslib.zib.de/Gas\">\n"                                    \
    "<scenario id=\"s1\">\n"
#define SCN_TAIL "</scenario>\n</boundaryValue>\n"
#define FLOW(bound, v) "<flow bound=\"" bound "\" value=\"" v "\" unit=\"1000m_cube_per_hour\"/>"

static gf_status read_scn_text(const char *text, scenario *scn, error_info *err)
{
    network net;
    error_info net_err;
    assert_int_equal(read_net_text(GOOD_NET, &net, &net_err), GF_OK);
    memset(scn, 0, sizeof *scn);
    gf_status st = gaslib_read_scn_memory(text, strlen(text), "x.scn", &net, scn, err);
    if (st != GF_OK)
        assert_true(scn->n_nodes == 0 && scn->flow_lo == NULL && scn->path == NULL);
    network_free(&net);
    return st;
}

static void expect_scn_error(const char *text, gf_status want, const char *needle)
{
    scenario scn;
    error_info err;
    gf_status st = read_scn_text(text, &scn, &err);
    expect_error(st, &err, want, needle);
    scenario_free(&scn);
}

static void test_good_memory_scenario(void **state)
{
    (void)state;
    scenario scn;
    error_info err;
    gf_status st = read_scn_text(
        SCN_HEAD
        "<scenarioProbability value=\"0.5\"/>\n"
        "<node type=\"entry\" id=\"S1\">" FLOW("lower", "90")
            FLOW("upper",
                 "110") "<pressure bound=\"both\" value=\"50\" unit=\"barg\"/>"
                        "<contractPressureMax value=\"80\" unit=\"bar\"/></node>\n"
                        "<node type=\"exit\" id=\"X1\">" FLOW("lower", "100") FLOW("upper", "100")
                            FLOW("upper",
                                 "100") "<flow bound=\"upper\" value=\"100.0\"/>"
                                        "<pressure bound=\"lower\" value=\"30\" unit=\"bar\"/></node>\n"
                                        "<pipe id=\"p1\"><soilTemperature value=\"311\" unit=\"K\"/></pipe>\n" SCN_TAIL,
        &scn, &err);
    if (st != GF_OK)
        fail_msg("%s", err.msg);
    /* nodes: S1 = 0, X1 = 1, N1 = 2 */
    expect_close(scn.flow_lo[0], -110.0 / 3.6, 1e-14, "entry upper -> withdrawal lower");
    expect_close(scn.flow_hi[0], -90.0 / 3.6, 1e-14, "entry lower -> withdrawal upper");
    expect_close(scn.flow_lo[1], 100.0 / 3.6, 1e-14, "exit");
    expect_close(scn.flow_hi[1], 100.0 / 3.6, 1e-14, "exit");
    expect_close(scn.p_lo[0], 51.01325e5, 1e-15, "barg both");
    expect_close(scn.p_hi[0], 51.01325e5, 1e-15, "barg both");
    assert_int_equal(scn.p_fixed[0], 1);
    expect_close(scn.p_lo[1], 30e5, 1e-15, "bar lower");
    assert_true(isnan(scn.p_hi[1]) && scn.p_fixed[1] == 0);
    assert_true(scn.flow_lo[2] == 0.0 && scn.flow_hi[2] == 0.0 && scn.line[2] == 0);
    assert_true(isnan(scn.p_lo[2]));
    assert_int_equal(scn.line[0], 5);
    assert_int_equal(scn.line[1], 6);
    assert_string_equal(scn.id, "s1");
    assert_string_equal(scn.path, "x.scn");
    scenario_free(&scn);
}

static void test_bad_scenarios(void **state)
{
    (void)state;
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"N99\">" FLOW("both", "1") "</node>\n" SCN_TAIL, GF_ERR_INPUT,
                     "x.scn:4: node 'N99': unknown node id");
    expect_scn_error(SCN_HEAD "<node type=\"entry\" id=\"X1\">" FLOW("both", "1") "</node>\n" SCN_TAIL, GF_ERR_INPUT,
                     "x.scn:4: node 'X1': type 'entry' needs a source, but the node is a sink");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"N1\">" FLOW("both", "1") "</node>\n" SCN_TAIL, GF_ERR_INPUT,
                     "x.scn:4: node 'N1': type 'exit' needs a sink, but the node is an innode");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">" FLOW("lower", "200")
                         FLOW("upper", "100") "</node>\n" SCN_TAIL,
                     GF_ERR_INPUT, "x.scn:4: node 'X1': flow lower bound 200 > upper bound 100");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">"
                              "<pressure bound=\"lower\" value=\"60\" unit=\"bar\"/>"
                              "<pressure bound=\"upper\" value=\"50\" unit=\"bar\"/></node>\n" SCN_TAIL,
                     GF_ERR_INPUT, "x.scn:4: node 'X1': pressure lower bound 60 > upper bound 50");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">" FLOW("lower", "100") FLOW("upper", "100")
                         FLOW("upper", "120") "</node>\n" SCN_TAIL,
                     GF_ERR_INPUT, "x.scn:4: node 'X1': conflicting upper flow bounds (100 and 120");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">" FLOW("both", "1") "</node>\n"
                                                                                 "<node type=\"exit\" id=\"X1\">" FLOW(
                                                                                     "both", "1") "</node>\n" SCN_TAIL,
                     GF_ERR_INPUT, "x.scn:5: node 'X1': listed twice (first at line 4)");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">" FLOW("lower", "1") "</node>\n" SCN_TAIL, GF_ERR_INPUT,
                     "x.scn:4: node 'X1': flow has a lower bound but no upper bound");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">" FLOW("most", "1") "</node>\n" SCN_TAIL, GF_ERR_INPUT,
                     "x.scn:4: node 'X1': bound 'most' of flow must be lower, upper or both");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">"
                              "<flow bound=\"both\" value=\"1\" unit=\"barg\"/></node>\n" SCN_TAIL,
                     GF_ERR_INPUT, "x.scn:4: node 'X1': unit 'barg' does not fit flow");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">"
                              "<flow bound=\"both\" value=\"1,5\"/></node>\n" SCN_TAIL,
                     GF_ERR_INPUT, "x.scn:4: node 'X1': '1,5' is not a number (flow)");
    expect_scn_error(SCN_HEAD "<node type=\"transit\" id=\"X1\"/>\n" SCN_TAIL, GF_ERR_INPUT,
                     "x.scn:4: node 'X1': type 'transit' must be 'entry' or 'exit'");
    expect_scn_error("<?xml version=\"1.0\"?>\n<boundaryValue/>\n", GF_ERR_INPUT, "x.scn:2: no 'scenario' element");
    expect_scn_error(GOOD_NET, GF_ERR_INPUT, "x.scn:2: root element is 'network', expected 'boundaryValue'");
    expect_scn_error(external_entity, GF_ERR_PARSE, "x.scn:2: DTDs and entity declarations are not accepted");
    expect_scn_error(SCN_HEAD "<node type=\"exit\" id=\"X1\">", GF_ERR_PARSE, "not well-formed XML");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_shared_files_load),
        cmocka_unit_test(test_units_gaslib11),
        cmocka_unit_test(test_units_gaslib134),
        cmocka_unit_test(test_units_heights_and_legacy),
        cmocka_unit_test(test_units_integration),
        cmocka_unit_test(test_units_scenarios),
        cmocka_unit_test(test_locale_independent),
        cmocka_unit_test(test_good_memory_network),
        cmocka_unit_test(test_streamed_large_file),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_references_replaced),
        cmocka_unit_test(test_numbers_as_strtod),
        cmocka_unit_test(test_bad_references_and_ids),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_bad_xml),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_good_memory_scenario),
        cmocka_unit_test(test_bad_scenarios),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
