/* Elements whose state follows the solution: a regulator holds its outlet
 * set point while its inlet allows, and stands wide open (reported as a
 * violated set point) when it cannot; a check valve passes forward flow and
 * closes against reverse flow; gf_operate_stations chooses the states that
 * keep every bound. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

#include "gasflow.h"

static char dir[256];

#define GAS                                                                                                            \
    "<gasTemperature unit=\"K\" value=\"288.15\"/><calorificValue unit=\"MJ_per_m_cube\" value=\"36\"/>"               \
    "<normDensity unit=\"kg_per_m_cube\" value=\"0.785\"/><molarMass unit=\"kg_per_kmol\" value=\"18.5674\"/>"         \
    "<pseudocriticalPressure unit=\"bar\" value=\"45.93\"/><pseudocriticalTemperature unit=\"K\" value=\"188.55\"/>"
#define BOUNDS "<pressureMin unit=\"bar\" value=\"1\"/><pressureMax unit=\"bar\" value=\"100\"/>"
#define FLOWS                                                                                                          \
    "<flowMin unit=\"1000m_cube_per_hour\" value=\"-1e5\"/><flowMax unit=\"1000m_cube_per_hour\" value=\"1e5\"/>"
#define SOURCE(id) "<source id=\"" id "\"><height value=\"0\" unit=\"m\"/>" BOUNDS FLOWS GAS "</source>\n"
#define SINK(id) "<sink id=\"" id "\"><height value=\"0\" unit=\"m\"/>" BOUNDS FLOWS "</sink>\n"
#define INNODE(id) "<innode id=\"" id "\"><height value=\"0\" unit=\"m\"/>" BOUNDS "</innode>\n"
#define PIPE(id, a, b, km)                                                                                             \
    "<pipe id=\"" id "\" from=\"" a "\" to=\"" b "\">" FLOWS "<length unit=\"km\" value=\"" km "\"/>"                  \
    "<diameter unit=\"mm\" value=\"500\"/><roughness unit=\"mm\" value=\"0.05\"/></pipe>\n"
#define HEAD                                                                                                           \
    "<?xml version=\"1.0\"?>\n<network xmlns=\"http://gaslib.zib.de/Gas\" "                                            \
    "xmlns:framework=\"http://gaslib.zib.de/Framework\">\n<framework:nodes>\n"
#define MID "</framework:nodes>\n<framework:connections>\n"
#define TAIL "</framework:connections>\n</network>\n"

/* 1 kg/s = 4.5859872611 (1000 m^3/h) at 0.785 kg/m^3 */
static void scenario(const char *name, double kg_s, const char *entry, const char *exit_, const char *fixed)
{
    char path[512], buf[2048];
    double v = kg_s * 3.6 / 0.785;
    snprintf(
        buf, sizeof buf,
        "<?xml version=\"1.0\"?>\n<boundaryValue xmlns=\"http://gaslib.zib.de/Gas\"><scenario id=\"s\">\n"
        "<node type=\"entry\" id=\"%s\"><flow bound=\"both\" value=\"%.12g\" unit=\"1000m_cube_per_hour\"/>"
        "<pressure bound=\"both\" value=\"70\" unit=\"bar\"/></node>\n"
        "<node type=\"exit\" id=\"%s\"><flow bound=\"both\" value=\"%.12g\" unit=\"1000m_cube_per_hour\"/></node>\n"
        "%s</scenario></boundaryValue>\n",
        entry, v, exit_, v, fixed ? fixed : "");
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(buf, f);
    assert_int_equal(fclose(f), 0);
}

static void write_file(const char *name, const char *text)
{
    test_dir_write(dir, name, text, strlen(text), NULL, 0);
}

/* A project with the files net, scn and (unless NULL) ctl of dir loaded. */
static gf_project *load(const char *net, const char *scn, const char *ctl)
{
    char pn[512], ps[512], pc[512];
    snprintf(pn, sizeof pn, "%s/%s", dir, net);
    snprintf(ps, sizeof ps, "%s/%s", dir, scn);
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    assert_int_equal(gf_load_network(p, pn), GF_OK);
    assert_int_equal(gf_load_scenario(p, ps), GF_OK);
    if (ctl) {
        snprintf(pc, sizeof pc, "%s/%s", dir, ctl);
        assert_int_equal(gf_load_controls(p, pc), GF_OK);
    }
    return p;
}

static gf_project *solve(const char *net, const char *scn, const char *ctl)
{
    gf_project *p = load(net, scn, ctl);
    gf_options opt;
    gf_options_default(&opt);
    gf_status st = gf_solve_steady(p, &opt);
    if (st != GF_OK)
        print_error("%s\n", gf_last_error(p));
    assert_int_equal(st, GF_OK);
    return p;
}

static double pressure(gf_project *p, const char *id)
{
    size_t i;
    gf_node_result r;
    assert_int_equal(gf_node_index(p, id, &i), GF_OK);
    assert_int_equal(gf_node_result_get(p, i, &r), GF_OK);
    return r.p;
}

static gf_arc_result arc(gf_project *p, const char *id)
{
    size_t i;
    gf_arc_result r;
    assert_int_equal(gf_arc_index(p, id, &i), GF_OK);
    assert_int_equal(gf_arc_result_get(p, i, &r), GF_OK);
    return r;
}

static double flow(gf_project *p, const char *id)
{
    return arc(p, id).q;
}

static const char *REGULATOR_NET = HEAD SOURCE("s") INNODE("a") INNODE("b") SINK("x")
    MID PIPE("p1", "s", "a", "60") "<controlValve id=\"r\" from=\"a\" to=\"b\">" FLOWS
                                   "<pressureDifferentialMin unit=\"bar\" value=\"0\"/>"
                                   "<pressureDifferentialMax unit=\"bar\" value=\"60\"/></controlValve>\n" PIPE(
                                       "p2", "b", "x", "20") TAIL;

static void test_regulator(void **state)
{
    (void)state;
    /* 40 kg/s: 70 bar drops to about 66 bar before the regulator, 50 holds */
    gf_project *p = solve("reg.net", "reg40.scn", "reg50.txt");
    assert_true(fabs(pressure(p, "b") - 50e5) < 1e-3);
    assert_int_equal(gf_violation_count(p), 0);
    gf_project_free(&p);
    /* set to 68 bar it cannot hold: wide open, outlet = inlet, reported */
    p = solve("reg.net", "reg40.scn", "reg68.txt");
    assert_true(fabs(pressure(p, "b") - pressure(p, "a")) < 1e-3);
    assert_true(pressure(p, "b") < 68e5);
    size_t nv = gf_violation_count(p), found = 0;
    for (size_t i = 0; i < nv; i++) {
        gf_violation v;
        assert_int_equal(gf_violation_get(p, i, &v), GF_OK);
        if (v.kind == GF_VIOL_SETPOINT_NOT_HELD) {
            found++;
            assert_true(fabs(v.limit - 68e5) < 1e-6);
            assert_true(fabs(v.value - pressure(p, "b")) < 1e-6);
        }
    }
    assert_int_equal(found, 1);
    assert_true(fabs(flow(p, "r") - 40.0) < 1e-9);
    gf_project_free(&p);
}

/* Two sources feed the sink, one through a check valve drawn towards the
 * sink; with the other source at a higher pressure the check valve would
 * carry gas backwards, so it closes; drawn the other way it opens. */
static const char *CHECK_NET = HEAD SOURCE("s") SOURCE("t") INNODE("a") SINK("x")
    MID PIPE("p1", "s", "a", "30") "<valve id=\"cv\" from=\"a\" to=\"x\">" FLOWS
                                   "<pressureDifferentialMax unit=\"bar\" value=\"60\"/></valve>\n" PIPE("p2", "t", "x",
                                                                                                         "5") TAIL;

static void test_check_valve(void **state)
{
    (void)state;
    /* s at 70 bar nominated 10 kg/s, t held at 75 bar: x sits above a */
    gf_project *p = solve("check.net", "check.scn", "check.txt");
    assert_true(fabs(flow(p, "cv")) < 1e-9);
    assert_true(pressure(p, "x") > pressure(p, "a"));
    assert_int_equal(arc(p, "cv").mode, GF_MODE_CHECK);
    gf_project_free(&p);
    /* as a plain open valve the same network sends gas backwards through it */
    p = solve("check.net", "check.scn", "open.txt");
    assert_true(flow(p, "cv") < -1.0);
    gf_project_free(&p);
}

/* A station and a regulator that the nomination needs: passively the far
 * exit x falls to 44.7 bar (it asks for at least 60) and y, behind the
 * regulator, stands at 56 bar (it allows at most 30). */
static const char *OPERATE_NET = HEAD SOURCE("s") INNODE("a") INNODE("b") INNODE("c") SINK("x") SINK("y") MID PIPE(
    "p1", "s", "a", "100") "<compressorStation id=\"cs\" from=\"a\" to=\"b\" fuelGasVertex=\"a\">" FLOWS
                           "</compressorStation>\n" PIPE("p2", "b", "x", "100")
                               PIPE("p3", "b", "c",
                                    "10") "<controlValve id=\"r\" from=\"c\" to=\"y\">" FLOWS
                                          "<pressureDifferentialMin unit=\"bar\" value=\"0\"/>"
                                          "<pressureDifferentialMax unit=\"bar\" value=\"80\"/></controlValve>\n" TAIL;

/* 50 kg/s in at s (at most 70 bar), 40 out at x, 10 at y; 1 kg/s =
 * 4.5859872611 (1000 m^3/h) */
static const char *OPERATE_SCN =
    "<?xml version=\"1.0\"?>\n<boundaryValue xmlns=\"http://gaslib.zib.de/Gas\"><scenario id=\"s\">\n"
    "<node type=\"entry\" id=\"s\"><flow bound=\"both\" value=\"229.29936306\" unit=\"1000m_cube_per_hour\"/>"
    "<pressure bound=\"lower\" value=\"1\" unit=\"bar\"/><pressure bound=\"upper\" value=\"70\" unit=\"bar\"/></node>\n"
    "<node type=\"exit\" id=\"x\"><flow bound=\"both\" value=\"183.43949045\" unit=\"1000m_cube_per_hour\"/>"
    "<pressure bound=\"lower\" value=\"60\" unit=\"bar\"/></node>\n"
    "<node type=\"exit\" id=\"y\"><flow bound=\"both\" value=\"45.859872611\" unit=\"1000m_cube_per_hour\"/>"
    "<pressure bound=\"upper\" value=\"30\" unit=\"bar\"/></node>\n"
    "</scenario></boundaryValue>\n";

static void test_operate(void **state)
{
    (void)state;
    gf_options opt;
    gf_options_default(&opt);
    gf_project *p = load("operate.net", "operate.scn", NULL);
    assert_int_equal(gf_solve_steady(p, &opt), GF_OK);
    assert_int_equal(gf_violation_count(p), 2);
    gf_operate_result op;
    gf_status st = gf_operate_stations(p, &opt, &op);
    if (st != GF_OK)
        print_error("%s\n", gf_last_error(p));
    assert_int_equal(st, GF_OK);
    assert_int_equal(gf_violation_count(p), 0);
    assert_int_equal(op.active, 2);
    assert_true(op.residual_bar >= 0.0 && op.residual_bar < 0.1);
    /* the station compresses, the regulator reduces; neither more than the
     * bounds ask: x ends within 0.5 bar of its minimum */
    gf_arc_result cs = arc(p, "cs"), r = arc(p, "r");
    assert_int_equal(cs.mode, GF_MODE_RATIO);
    assert_true(cs.set_point > 1.1 && cs.set_point < 1.5);
    assert_int_equal(r.mode, GF_MODE_OUTLET);
    double px = pressure(p, "x"), py = pressure(p, "y");
    assert_true(px >= 60e5 - 1.0 && px < 60.5e5);
    assert_true(py <= 30e5 + 1.0);
    /* the choice written as a controls file gives the same solution */
    char ctl[512];
    snprintf(ctl, sizeof ctl, "%s/operated.txt", dir);
    assert_int_equal(gf_write_controls(p, ctl), GF_OK);
    gf_project *q = load("operate.net", "operate.scn", "operated.txt");
    assert_int_equal(gf_solve_steady(q, &opt), GF_OK);
    assert_int_equal(gf_violation_count(q), 0);
    assert_true(fabs(pressure(q, "x") - px) < 10.0);
    assert_true(fabs(pressure(q, "y") - py) < 10.0);
    gf_project_free(&q);
    gf_project_free(&p);
}

/* Two stations side by side at one ratio share the flow by their flowMax. */
static const char *PARALLEL_NET = HEAD SOURCE("s") INNODE("a") INNODE("b") SINK("x") MID PIPE(
    "p1", "s", "a",
    "50") "<compressorStation id=\"c1\" from=\"a\" to=\"b\">"
          "<flowMin unit=\"1000m_cube_per_hour\" value=\"0\"/><flowMax unit=\"1000m_cube_per_hour\" value=\"300\"/>"
          "</compressorStation>\n<compressorStation id=\"c2\" from=\"a\" to=\"b\">"
          "<flowMin unit=\"1000m_cube_per_hour\" value=\"0\"/><flowMax unit=\"1000m_cube_per_hour\" value=\"100\"/>"
          "</compressorStation>\n" PIPE("p2", "b", "x", "50") TAIL;

static void test_parallel_ratio(void **state)
{
    (void)state;
    gf_project *p = solve("parallel.net", "parallel.scn", "parallel.txt");
    assert_true(fabs(pressure(p, "b") / pressure(p, "a") - 1.2) < 1e-9);
    assert_true(fabs(flow(p, "c1") - 30.0) < 1e-9);
    assert_true(fabs(flow(p, "c2") - 10.0) < 1e-9);
    gf_project_free(&p);
}

int main(void)
{
    if (test_dir_make(dir, sizeof dir, "states") != 0)
        return 1;
    write_file("reg.net", REGULATOR_NET);
    scenario("reg40.scn", 40.0, "s", "x", NULL);
    write_file("reg50.txt", "controlValve r active 50\n");
    write_file("reg68.txt", "controlValve r active 68\n");
    write_file("check.net", CHECK_NET);
    scenario("check.scn", 10.0, "s", "x",
             "<node type=\"entry\" id=\"t\"><pressure bound=\"both\" value=\"75\" unit=\"bar\"/></node>\n");
    write_file("check.txt", "valve cv check\n");
    write_file("open.txt", "valve cv open\n");
    write_file("operate.net", OPERATE_NET);
    write_file("operate.scn", OPERATE_SCN);
    write_file("parallel.net", PARALLEL_NET);
    scenario("parallel.scn", 40.0, "s", "x", NULL);
    write_file("parallel.txt", "compressor c1 ratio 1.2\ncompressor c2 ratio 1.2\n");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regulator),
        cmocka_unit_test(test_check_valve),
        cmocka_unit_test(test_operate),
        cmocka_unit_test(test_parallel_ratio),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (test_dir_remove(dir) != 0 && rc == 0)
        rc = 1;
    return rc;
}
