/* The Power of Siberia example at 38 bcm/a against its independent hand
 * check (examples/power-of-siberia/README.md, column B: the closed form
 * marched pipe by pipe with AGA z and Nikuradse friction, written without
 * gasflow): station suction pressures and the delivery pressure within
 * 0.1 bar, every bound respected. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "gasflow.h"

/* A file of the example folder; the returned buffer is reused. */
static const char *example_file(char *buf, size_t cap, const char *name)
{
    const char *src = getenv("GASFLOW_SOURCE");
    snprintf(buf, cap, "%s/examples/power-of-siberia/%s", src ? src : "..", name);
    return buf;
}

/* The example with nomination scn and controls ctl (none if NULL), and
 * with machines its machine data (power-of-siberia.cs). */
static gf_project *load_example(const char *scn, const char *ctl, int machines)
{
    char path[2048];
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    assert_int_equal(gf_load_network(p, example_file(path, sizeof path, "power-of-siberia.net")), GF_OK);
    assert_int_equal(gf_load_scenario(p, example_file(path, sizeof path, scn)), GF_OK);
    if (machines)
        assert_int_equal(gf_load_stations(p, example_file(path, sizeof path, "power-of-siberia.cs")), GF_OK);
    if (ctl)
        assert_int_equal(gf_load_controls(p, example_file(path, sizeof path, ctl)), GF_OK);
    return p;
}

static void solve(gf_project *p, const gf_options *opt, const char *what)
{
    gf_status st = gf_solve_steady(p, opt);
    if (st != GF_OK)
        print_error("%s: %s\n", what, gf_last_error(p));
    assert_int_equal(st, GF_OK);
}

static void test_power_of_siberia(void **state)
{
    (void)state;
    gf_options opt;
    gf_options_default(&opt);
    gf_project *p = load_example("power-of-siberia.scn", "controls.txt", 0);
    opt.station_fuel = 0; /* the hand check neglects fuel */
    solve(p, &opt, "38 bcm/a");
    static const struct {
        const char *station;
        double suction_bar;
    } hand[] = {{"CS2_Olyokminskaya", 60.5}, {"CS3_Amginskaya", 59.7},      {"CS4_Nimnyrkaya", 60.2},
                {"CS5_Nagornaya", 60.0},     {"CS6_Skovorodinskaya", 61.0}, {"CS7_Sivakinskaya", 59.9}};
    for (size_t k = 0; k < sizeof hand / sizeof hand[0]; k++) {
        size_t a;
        gf_arc_result r;
        assert_int_equal(gf_arc_index(p, hand[k].station, &a), GF_OK);
        assert_int_equal(gf_arc_result_get(p, a, &r), GF_OK);
        if (fabs(r.p_from / 1e5 - hand[k].suction_bar) > 0.1)
            print_error("%s: suction %.3f bar, hand check %.1f\n", hand[k].station, r.p_from / 1e5,
                        hand[k].suction_bar);
        assert_true(fabs(r.p_from / 1e5 - hand[k].suction_bar) <= 0.1);
        assert_true(fabs(r.p_to / 1e5 - 98.0) < 1e-6);
        assert_true(r.power > 0.0);
    }
    size_t border;
    gf_node_result nr;
    assert_int_equal(gf_node_index(p, "Border_Blagoveshchensk", &border), GF_OK);
    assert_int_equal(gf_node_result_get(p, border, &nr), GF_OK);
    assert_true(fabs(nr.p / 1e5 - 60.7) <= 0.1);
    /* 38 bcm/a at 20 degC and 1 atm is 817.24 kg/s with the example's gas */
    assert_true(fabs(nr.withdrawal - 817.24) < 0.01);
    assert_int_equal(gf_violation_count(p), 0);

    /* with fuel: the field supplies the export plus every station's fuel
     * (the reference supplies exactly the fuel beyond the nomination), and
     * the mass balance closes including fuel */
    opt.station_fuel = 1;
    assert_int_equal(gf_solve_steady(p, &opt), GF_OK);
    gf_report rep;
    assert_int_equal(gf_report_get(p, &rep), GF_OK);
    size_t source;
    assert_int_equal(gf_node_index(p, "Chayanda", &source), GF_OK);
    assert_int_equal(gf_node_result_get(p, source, &nr), GF_OK);
    double fuel = 0.0;
    for (size_t k = 0; k < gf_station_count(p); k++) {
        gf_station_result sr;
        assert_int_equal(gf_station_result_get(p, k, &sr), GF_OK);
        assert_true(sr.fuel > 0.0 && sr.fuel < 0.01 * sr.q);
        /* the drive burns shaft power / 0.33 of the gas's calorific value */
        assert_true(sr.power > 0.0);
        fuel += sr.fuel;
    }
    assert_true(fabs(rep.fuel - fuel) <= 1e-12 * fuel);
    /* the network as a whole balances: what enters at the field leaves at
     * the border or burns in the stations */
    double total = 0.0;
    for (size_t n = 0; n < gf_node_count(p); n++) {
        gf_node_result r;
        assert_int_equal(gf_node_result_get(p, n, &r), GF_OK);
        total += r.withdrawal;
    }
    assert_true(fabs(total) < 1e-9);
    assert_true(nr.withdrawal < -817.24 + 1e-6);
    assert_true(fabs(rep.slack_imbalance - fuel) < 0.01);
    assert_true(rep.mass_residual < 1e-9);
    gf_project_free(&p);
}

/* The same operating point on the example's assumed machine data
 * (power-of-siberia.cs: per station 4 turbo units in 2 serial stages x 2
 * parallel, gas-turbine drives of 17.18 MW each, energy rate
 * 1500 kW + 2.7 x shaft power). At 38 bcm/a every station runs its full
 * configuration inside all map and drive limits, the seven stations need
 * less than the 481 MW installed (Markelov 2018), and each station's fuel
 * follows from the drive law by hand. */
static void test_power_of_siberia_machines(void **state)
{
    (void)state;
    gf_options opt;
    gf_options_default(&opt);
    gf_project *p = load_example("power-of-siberia.scn", "controls.txt", 1);
    solve(p, &opt, "38 bcm/a on the machine data");
    assert_int_equal(gf_violation_count(p), 0);
    /* calorific value per kg: 39.0 MJ per norm m3 over 0.72788 kg/m3 */
    const double hv = 39.0e6 / 0.72788;
    double power = 0.0;
    assert_int_equal(gf_station_count(p), 7);
    for (size_t k = 0; k < gf_station_count(p); k++) {
        gf_station_result sr;
        assert_int_equal(gf_station_result_get(p, k, &sr), GF_OK);
        assert_int_equal(sr.map, 1);
        assert_string_equal(sr.configuration, "2x2");
        assert_string_equal(sr.limit, "");
        assert_true(sr.efficiency > 0.7 && sr.efficiency < 0.9);
        assert_true(fabs(sr.power * sr.efficiency - sr.q * sr.head) <= 1e-9 * sr.power);
        assert_true(sr.power < 4 * 17.18e6);
        double unit = sr.power / 4.0;
        double fuel = 4.0 * (1500e3 + 2.7 * unit) / hv;
        assert_true(fabs(sr.fuel - fuel) <= 1e-6 * fuel);
        power += sr.power;
    }
    assert_true(power > 300e6 && power < 481e6);
    gf_project_free(&p);
}

/* The part-load table of examples/power-of-siberia/README.md: each load
 * with its controls, on the machine data, fuel included. A regression check
 * of the published rows: delivery pressure within 0.01 bar, total shaft
 * power within 0.1 MW and fuel within 0.01 kg/s; 50-100 % inside every
 * limit, 110 % past the delivery minimum with every station past a limit. */
static void test_power_of_siberia_loads(void **state)
{
    (void)state;
    static const struct {
        const char *scn, *controls;
        double delivery_bar, power_mw, fuel_kg_s;
        int feasible;
    } row[] = {
        {"load-50.scn", "controls-50.txt", 91.79, 60.2, 3.20, 1},
        {"load-75.scn", "controls-75.txt", 80.63, 176.8, 9.33, 1},
        {"power-of-siberia.scn", "controls.txt", 60.72, 434.4, 22.68, 1},
        {"load-110.scn", "controls.txt", 47.69, 956.9, 49.00, 0},
    };
    gf_options opt;
    gf_options_default(&opt);
    for (size_t i = 0; i < sizeof row / sizeof row[0]; i++) {
        gf_project *p = load_example(row[i].scn, row[i].controls, 1);
        solve(p, &opt, row[i].scn);
        size_t border;
        gf_node_result nr;
        assert_int_equal(gf_node_index(p, "Border_Blagoveshchensk", &border), GF_OK);
        assert_int_equal(gf_node_result_get(p, border, &nr), GF_OK);
        double power = 0.0, fuel = 0.0;
        int past = 0;
        for (size_t k = 0; k < gf_station_count(p); k++) {
            gf_station_result sr;
            assert_int_equal(gf_station_result_get(p, k, &sr), GF_OK);
            power += sr.power;
            fuel += sr.fuel;
            past += sr.limit[0] != '\0';
        }
        if (fabs(nr.p / 1e5 - row[i].delivery_bar) > 0.01 || fabs(power / 1e6 - row[i].power_mw) > 0.1 ||
            fabs(fuel - row[i].fuel_kg_s) > 0.01)
            print_error("%s: delivery %.3f bar, power %.2f MW, fuel %.3f kg/s\n", row[i].scn, nr.p / 1e5, power / 1e6,
                        fuel);
        assert_true(fabs(nr.p / 1e5 - row[i].delivery_bar) <= 0.01);
        assert_true(fabs(power / 1e6 - row[i].power_mw) <= 0.1);
        assert_true(fabs(fuel - row[i].fuel_kg_s) <= 0.01);
        if (row[i].feasible) {
            assert_int_equal(gf_violation_count(p), 0);
        } else {
            assert_true(nr.p < 53e5);
            assert_int_equal(past, 7);
        }
        gf_project_free(&p);
    }
}

/* Without controls the line cannot carry 38 bcm/a passive; --operate
 * starts from the stations at their highest outlet pressure and ends with
 * every bound held, every station at a ratio inside its maps, the border
 * at least at its 53 bar, and less shaft power than the 481 MW installed. */
static void test_power_of_siberia_operate(void **state)
{
    (void)state;
    gf_options opt;
    gf_options_default(&opt);
    gf_project *p = load_example("power-of-siberia.scn", NULL, 1);
    gf_status st = gf_solve_steady(p, &opt);
    assert_true(st == GF_ERR_NONPHYSICAL || st == GF_ERR_NOT_CONVERGED);
    gf_operate_result op;
    st = gf_operate_stations(p, &opt, &op);
    if (st != GF_OK)
        print_error("operate: %s\n", gf_last_error(p));
    assert_int_equal(st, GF_OK);
    assert_int_equal(gf_violation_count(p), 0);
    assert_int_equal(op.active, 7);
    double power = 0.0;
    for (size_t k = 0; k < gf_station_count(p); k++) {
        gf_station_result sr;
        assert_int_equal(gf_station_result_get(p, k, &sr), GF_OK);
        assert_int_equal(sr.mode, GF_MODE_RATIO);
        assert_string_equal(sr.limit, "");
        power += sr.power;
    }
    assert_true(power > 0.0 && power < 481e6);
    size_t border;
    gf_node_result nr;
    assert_int_equal(gf_node_index(p, "Border_Blagoveshchensk", &border), GF_OK);
    assert_int_equal(gf_node_result_get(p, border, &nr), GF_OK);
    assert_true(nr.p >= 53e5);
    gf_project_free(&p);
}

/* N-1 with anti-surge recycle, as in the example's README: one line station
 * in bypass, the others at 98 bar with recycle. A regression check of the
 * published factors (to 1e-4) and binding limits. */
static void test_power_of_siberia_n1_recycle(void **state)
{
    (void)state;
    static const struct {
        const char *out, *binding_arc;
        double factor;
        gf_violation_kind kind;
    } row[] = {
        {"CS3_Amginskaya", "CS4_Nimnyrkaya", 0.727030, GF_VIOL_STATION_LIMIT},
        {"CS7_Sivakinskaya", NULL, 0.756356, GF_VIOL_PRESSURE_MIN},
    };
    gf_options opt;
    gf_options_default(&opt);
    opt.station_recycle = 1;
    for (size_t i = 0; i < sizeof row / sizeof row[0]; i++) {
        gf_project *p = load_example("power-of-siberia.scn", "controls.txt", 1);
        gf_capacity_result c;
        assert_int_equal(gf_capacity(p, &opt, row[i].out, &c), GF_OK);
        if (fabs(c.factor - row[i].factor) > 1e-4)
            print_error("%s out: factor %.6f\n", row[i].out, c.factor);
        assert_true(fabs(c.factor - row[i].factor) <= 1e-4);
        assert_int_equal(c.binding_failure, 0);
        assert_int_equal(c.binding_kind, row[i].kind);
        if (row[i].binding_arc) {
            size_t a;
            assert_int_equal(gf_arc_index(p, row[i].binding_arc, &a), GF_OK);
            assert_int_equal(c.binding_element, a);
            assert_string_equal(c.binding_message, "drive_power");
        }
        gf_project_free(&p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_power_of_siberia), cmocka_unit_test(test_power_of_siberia_machines),
        cmocka_unit_test(test_power_of_siberia_loads), cmocka_unit_test(test_power_of_siberia_n1_recycle),
        cmocka_unit_test(test_power_of_siberia_operate)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
