/* Capacity analysis against the closed form: a single horizontal pipe with
 * its inlet held at pressureMax carries at most the flow that brings its
 * outlet down to pressureMin,
 *     q_max = sqrt((p_in^2 - p_min^2) D A^2 / (lambda R_s T z L))
 * (physics.md §2, ideal gas, constant lambda); the binding limit is the
 * outlet's pressureMin. Also: a downhill pipe whose feasible flows are a
 * window, an outage, and the errors of misuse. */
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

#define PI 3.14159265358979323846

static char dir[256];

/* The two test networks: the source "in" held at 70 bar at most, a sink
 * "out" with the given height and pressure bounds, and the 80 km pipe "p"
 * between them. */
#define NET_HEAD                                                                                                       \
    "<?xml version=\"1.0\"?>\n"                                                                                        \
    "<network xmlns=\"http://gaslib.zib.de/Gas\" xmlns:framework=\"http://gaslib.zib.de/Framework\">\n"                \
    "<framework:nodes>\n"                                                                                              \
    "<source id=\"in\"><height value=\"0\" unit=\"m\"/><pressureMin unit=\"bar\" value=\"1\"/>"                        \
    "<pressureMax unit=\"bar\" value=\"70\"/><flowMin unit=\"1000m_cube_per_hour\" value=\"0\"/>"                      \
    "<flowMax unit=\"1000m_cube_per_hour\" value=\"100000\"/><gasTemperature unit=\"K\" value=\"288.15\"/>"            \
    "<calorificValue unit=\"MJ_per_m_cube\" value=\"36\"/><normDensity unit=\"kg_per_m_cube\" value=\"0.785\"/>"       \
    "<coefficient-A-heatCapacity value=\"31.8\"/><coefficient-B-heatCapacity value=\"-0.0085\"/>"                      \
    "<coefficient-C-heatCapacity value=\"7.4e-05\"/><molarMass unit=\"kg_per_kmol\" value=\"18.5674\"/>"               \
    "<pseudocriticalPressure unit=\"bar\" value=\"45.93\"/><pseudocriticalTemperature unit=\"K\" value=\"188.55\"/>"   \
    "</source>\n"
#define SINK(height, p_min, p_max)                                                                                     \
    "<sink id=\"out\"><height value=\"" height "\" unit=\"m\"/><pressureMin unit=\"bar\" value=\"" p_min "\"/>"        \
    "<pressureMax unit=\"bar\" value=\"" p_max "\"/><flowMin unit=\"1000m_cube_per_hour\" value=\"0\"/>"               \
    "<flowMax unit=\"1000m_cube_per_hour\" value=\"100000\"/></sink>\n"                                                \
    "</framework:nodes>\n<framework:connections>\n"
#define PIPE                                                                                                           \
    "<pipe id=\"p\" from=\"in\" to=\"out\"><flowMin unit=\"1000m_cube_per_hour\" value=\"-100000\"/>"                  \
    "<flowMax unit=\"1000m_cube_per_hour\" value=\"100000\"/><length unit=\"km\" value=\"80\"/>"                       \
    "<diameter unit=\"mm\" value=\"500\"/><roughness unit=\"mm\" value=\"0.05\"/></pipe>\n"
#define NET_TAIL "</framework:connections>\n</network>\n"

static const char *NET_TEMPLATE = NET_HEAD SINK("0", "40", "70") PIPE
    "<valve id=\"v\" from=\"in\" to=\"out\"><flowMin unit=\"1000m_cube_per_hour\" value=\"-100000\"/>"
    "<flowMax unit=\"1000m_cube_per_hour\" value=\"100000\"/>"
    "<pressureDifferentialMax unit=\"bar\" value=\"100\"/></valve>\n" NET_TAIL;

/* 10 kg/s in 1000 m^3/h at 0.785 kg/m^3 */
static const char *SCN_TEXT =
    "<?xml version=\"1.0\"?>\n<boundaryValue xmlns=\"http://gaslib.zib.de/Gas\"><scenario id=\"s\">\n"
    "<node type=\"entry\" id=\"in\"><flow bound=\"both\" value=\"45.859872611464965\" "
    "unit=\"1000m_cube_per_hour\"/></node>\n"
    "<node type=\"exit\" id=\"out\"><flow bound=\"both\" value=\"45.859872611464965\" "
    "unit=\"1000m_cube_per_hour\"/></node>\n"
    "</scenario></boundaryValue>\n";

static void write_file(const char *name, const char *text)
{
    test_dir_write(dir, name, text, strlen(text), NULL, 0);
}

static gf_project *load(int with_valve_closed)
{
    char net[512], scn[512], ctl[512];
    snprintf(net, sizeof net, "%s/pipe.net", dir);
    snprintf(scn, sizeof scn, "%s/pipe.scn", dir);
    snprintf(ctl, sizeof ctl, "%s/closed.txt", dir);
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    assert_int_equal(gf_load_network(p, net), GF_OK);
    assert_int_equal(gf_load_scenario(p, scn), GF_OK);
    if (with_valve_closed)
        assert_int_equal(gf_load_controls(p, ctl), GF_OK);
    return p;
}

static void test_single_pipe_closed_form(void **state)
{
    (void)state;
    gf_project *p = load(1);
    gf_options opt;
    gf_options_default(&opt);
    opt.gas_law = GF_GAS_IDEAL;
    opt.friction = GF_FRICTION_CONSTANT;
    opt.lambda_constant = 0.012;
    gf_capacity_result c;
    assert_int_equal(gf_capacity(p, &opt, NULL, &c), GF_OK);
    double rs = 8.314462618 / 0.0185674, t = 288.15, d = 0.5, l = 80e3, area = 0.25 * PI * d * d;
    double pin = 70e5, pmin = 40e5;
    double qmax = sqrt((pin * pin - pmin * pmin) * d * area * area / (0.012 * rs * t * l));
    assert_true(fabs(c.factor * 10.0 - qmax) <= 1e-5 * qmax);
    assert_true(fabs(c.throughput - qmax) <= 1e-5 * qmax);
    assert_int_equal(c.binding_failure, 0);
    assert_int_equal(c.binding_kind, GF_VIOL_PRESSURE_MIN);
    assert_int_equal(c.binding_is_arc, 0);
    size_t out;
    assert_int_equal(gf_node_index(p, "out", &out), GF_OK);
    assert_int_equal(c.binding_element, out);
    /* the project holds the solution at the capacity: outlet at pressureMin */
    gf_node_result r;
    assert_int_equal(gf_node_result_get(p, out, &r), GF_OK);
    assert_true(fabs(r.p - pmin) <= 1e-4 * pmin);
    gf_project_free(&p);
}

/* With the bypass valve open the two nodes are one: no pipe limit binds,
 * only the flow bounds; with the valve out of service the pipe limits. */
static void test_outage(void **state)
{
    (void)state;
    gf_project *p = load(0);
    gf_options opt;
    gf_options_default(&opt);
    gf_capacity_result open, out;
    assert_int_equal(gf_capacity(p, &opt, NULL, &open), GF_OK);
    assert_int_equal(gf_capacity(p, &opt, "v", &out), GF_OK);
    assert_true(out.factor > 0.0 && out.factor < open.factor);
    assert_int_equal(out.binding_kind, GF_VIOL_PRESSURE_MIN);
    assert_int_equal(gf_capacity(p, &opt, "nope", &out), GF_ERR_INPUT);
    assert_non_null(strstr(gf_last_error(p), "'nope'"));
    gf_project_free(&p);
    gf_project *q = NULL;
    assert_int_equal(gf_project_create(&q), GF_OK);
    assert_int_equal(gf_capacity(q, &opt, NULL, &out), GF_ERR_STATE);
    assert_int_equal(gf_capacity(NULL, &opt, NULL, &out), GF_ERR_ARG);
    gf_project_free(&q);
}

/* A pipe 1000 m downhill: little flow leaves the outlet above its
 * pressureMax (the gas gains pressure on the way down), much flow below its
 * pressureMin, so the feasible flows are a window, here 0.548-0.882 of the
 * 50 kg/s nominated, which holds none of the factors 1, 2, 1/2, 4, 1/4, ...
 * The capacity is the window's upper end, from the closed form with height
 * (physics.md §2, ideal gas, constant lambda):
 *     p_out^2 = e^-s p_in^2 - a L (1 - e^-s) / s,  s = 2 g dh / (R_s T),
 *     a = lambda R_s T q^2 / (D A^2). */
static const char *DOWNHILL_NET = NET_HEAD SINK("-1000", "66", "72") PIPE NET_TAIL;

/* 50 kg/s in 1000 m^3/h at 0.785 kg/m^3 */
static const char *DOWNHILL_SCN =
    "<?xml version=\"1.0\"?>\n<boundaryValue xmlns=\"http://gaslib.zib.de/Gas\"><scenario id=\"s\">\n"
    "<node type=\"entry\" id=\"in\"><flow bound=\"both\" value=\"229.29936305732485\" "
    "unit=\"1000m_cube_per_hour\"/></node>\n"
    "<node type=\"exit\" id=\"out\"><flow bound=\"both\" value=\"229.29936305732485\" "
    "unit=\"1000m_cube_per_hour\"/></node>\n"
    "</scenario></boundaryValue>\n";

static void test_feasible_window(void **state)
{
    (void)state;
    char net[512], scn[512];
    snprintf(net, sizeof net, "%s/downhill.net", dir);
    snprintf(scn, sizeof scn, "%s/downhill.scn", dir);
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    assert_int_equal(gf_load_network(p, net), GF_OK);
    assert_int_equal(gf_load_scenario(p, scn), GF_OK);
    gf_options opt;
    gf_options_default(&opt);
    opt.gas_law = GF_GAS_IDEAL;
    opt.friction = GF_FRICTION_CONSTANT;
    opt.lambda_constant = 0.012;
    gf_capacity_result c;
    assert_int_equal(gf_capacity(p, &opt, NULL, &c), GF_OK);
    double rs = 8.314462618 / 0.0185674, t = 288.15, d = 0.5, l = 80e3, area = 0.25 * PI * d * d;
    double s = 2.0 * 9.80665 * -1000.0 / (rs * t), pin = 70e5, pmin = 66e5;
    double al = (exp(-s) * pin * pin - pmin * pmin) / ((1.0 - exp(-s)) / s);
    double qmax = sqrt(al / l * d * area * area / (0.012 * rs * t));
    assert_true(qmax > 0.5 * 50.0 && qmax < 50.0);
    assert_true(fabs(c.throughput - qmax) <= 1e-5 * qmax);
    assert_int_equal(c.binding_failure, 0);
    assert_int_equal(c.binding_kind, GF_VIOL_PRESSURE_MIN);
    gf_project_free(&p);
}

int main(void)
{
    if (test_dir_make(dir, sizeof dir, "capacity") != 0)
        return 1;
    write_file("pipe.net", NET_TEMPLATE);
    write_file("pipe.scn", SCN_TEXT);
    write_file("closed.txt", "valve v closed\n");
    write_file("downhill.net", DOWNHILL_NET);
    write_file("downhill.scn", DOWNHILL_SCN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_pipe_closed_form),
        cmocka_unit_test(test_outage),
        cmocka_unit_test(test_feasible_window),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (test_dir_remove(dir) != 0 && rc == 0)
        rc = 1;
    return rc;
}
