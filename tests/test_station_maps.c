/* Stations on their machine maps (GasLib-135, GasLib-40): a unit asked for the head and
 * flow of a measured map point runs at that point's speed, with the map's
 * efficiency and power q H / eta; a head above the surge line or below the
 * choke line is reported as such, with the highest discharge the station
 * reaches inside its limits instead, or, with anti-surge recycle, on its
 * surge line; a piston unit runs at the speed that draws its flow, within
 * its limits; and a steady solve with the machine data
 * reports map-based stations whose fuel follows the drive's law. */
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

#include "gasflow.h"
#include "io/gaslib.h"
#include "io/gaslib_cs.h"
#include "solver/station_maps.h"

static char net_path[1024], cs_path[1024];
static char net40[1024], cs40[1024], scn40[1024];

typedef struct {
    network net;
    station_set cs;
    steady_params par;
} world;

static void load(world *w)
{
    error_info err = {0};
    network_init(&w->net);
    station_set_init(&w->cs);
    assert_int_equal(gaslib_read_net(net_path, &w->net, &err), GF_OK);
    assert_int_equal(gaslib_read_cs(cs_path, &w->net, &w->cs, &err), GF_OK);
    gf_options opt;
    gf_options_default(&opt);
    assert_int_equal(steady_resolve_params(&w->net, NULL, &opt, &w->par, &err), GF_OK);
}

static void unload(world *w)
{
    station_set_free(&w->cs);
    network_free(&w->net);
}

/* The station pressures that ask one unit for head h (J/kg) at suction p_s. */
static double discharge_for_head(const steady_params *par, double p_s, double h)
{
    double k1 = par->kappa / (par->kappa - 1.0);
    double z = gas_z(&par->gas, p_s, par->temperature, NULL);
    return p_s * pow(h / (z * par->r_s * par->temperature * k1) + 1.0, k1);
}

/* Gas density (kg/m^3) at the machines' inlet pressure p_s. */
static double inlet_density(const steady_params *par, double p_s)
{
    return p_s / (gas_z(&par->gas, p_s, par->temperature, NULL) * par->r_s * par->temperature);
}

/* The compressor of a station that has one configuration of one unit;
 * NULL for any other station. */
static const cs_compressor *single_unit(const cs_station *st)
{
    if (st->n_configurations != 1 || st->configurations[0].n_stages != 1 ||
        st->configurations[0].stages[0].n_units != 1)
        return NULL;
    return &st->compressors[st->configurations[0].stages[0].units[0].compressor];
}

static void test_measured_points(void **state)
{
    (void)state;
    world w;
    load(&w);
    size_t checked = 0;
    for (size_t s = 0; s < w.cs.n_stations; s++) {
        const cs_station *st = &w.cs.stations[s];
        const cs_compressor *c = single_unit(st);
        if (!c)
            continue;
        for (size_t k = 0; k < c->n_map_points; k += 7) {
            const cs_map_point *pt = &c->map_points[k];
            double p_s = 50e5;
            double rho = inlet_density(&w.par, p_s);
            double q = pt->flow * rho;
            double p_d = discharge_for_head(&w.par, p_s, pt->head);
            station_operating_point op;
            station_map_evaluate(st, &w.par, q, p_s, p_d, &op);
            assert_int_equal(op.configuration, 0);
            assert_true(fabs(op.head - pt->head) <= 1e-9 * pt->head);
            assert_true(fabs(op.speed - pt->speed) <= 1e-6 * pt->speed);
            double eta = compressor_efficiency(c, pt->flow, pt->speed);
            assert_true(fabs(op.efficiency - eta) <= 1e-9);
            assert_true(fabs(op.power - q * pt->head / eta) <= 1e-9 * op.power);
            /* the measured points lie inside the map: not past surge or choke */
            assert_null(strstr(op.limit, "surge"));
            assert_null(strstr(op.limit, "choke"));
            checked++;
        }
    }
    assert_true(checked > 100);
    unload(&w);
}

static void test_surge_and_choke(void **state)
{
    (void)state;
    world w;
    load(&w);
    const cs_station *st = &w.cs.stations[0];
    const cs_compressor *c = &st->compressors[st->configurations[0].stages[0].units[0].compressor];
    const cs_map_point *pt = &c->map_points[0];
    double p_s = 50e5;
    double rho = inlet_density(&w.par, p_s);
    double q = pt->flow * rho;
    station_operating_point op;
    /* far above the surge line at this flow */
    double hs = compressor_surge_head_J_per_kg(c, pt->flow);
    station_map_evaluate(st, &w.par, q, p_s, discharge_for_head(&w.par, p_s, 1.5 * hs), &op);
    assert_non_null(strstr(op.limit, "surge"));
    /* far below the choke line */
    double hc = compressor_choke_head_J_per_kg(c, pt->flow);
    station_map_evaluate(st, &w.par, q, p_s, discharge_for_head(&w.par, p_s, 0.5 * hc), &op);
    assert_true(strstr(op.limit, "choke") || strstr(op.limit, "speed_min"));
    unload(&w);
}

/* Anti-surge recycle (station_recycle): a unit asked for a measured
 * point's head at half the flow where its surge line reaches that head runs
 * on the surge line instead. The recycled flow makes up the difference, the
 * speed meets the head there, and the power covers the machine flow with the
 * map's efficiency. Without recycle the same point is reported as surge. */
static void test_recycle(void **state)
{
    (void)state;
    world w;
    load(&w);
    size_t checked = 0;
    for (size_t s = 0; s < w.cs.n_stations; s++) {
        const cs_station *st = &w.cs.stations[s];
        const cs_compressor *c = single_unit(st);
        if (!c)
            continue;
        for (size_t k = 0; k < c->n_map_points; k += 7) {
            const cs_map_point *pt = &c->map_points[k];
            double q_surge = compressor_surge_flow_m3_per_s(c, pt->head);
            assert_true(isfinite(q_surge) && q_surge <= pt->flow * (1.0 + 1e-9));
            assert_true(fabs(compressor_surge_head_J_per_kg(c, q_surge) - pt->head) <= 1e-9 * pt->head);
            double p_s = 50e5;
            double rho = inlet_density(&w.par, p_s);
            double m = 0.5 * q_surge * rho;
            double p_d = discharge_for_head(&w.par, p_s, pt->head);
            station_operating_point op;
            w.par.station_recycle = 0;
            station_map_evaluate(st, &w.par, m, p_s, p_d, &op);
            assert_non_null(strstr(op.limit, "surge"));
            assert_true(op.recycle == 0.0);
            w.par.station_recycle = 1;
            station_map_evaluate(st, &w.par, m, p_s, p_d, &op);
            assert_null(strstr(op.limit, "surge"));
            assert_true(fabs(op.recycle - (q_surge * rho - m)) <= 1e-9 * m);
            assert_true(fabs(compressor_head_J_per_kg(c, q_surge, op.speed) - pt->head) <= 1e-6 * pt->head);
            double eta = compressor_efficiency(c, q_surge, op.speed);
            assert_true(fabs(op.power - q_surge * rho * pt->head / eta) <= 1e-9 * op.power);
            checked++;
        }
    }
    assert_true(checked > 100);
    unload(&w);
}

/* What a station past its surge line can do instead: the highest discharge
 * inside every limit at the same flow and suction. At that discharge the
 * station runs inside its limits; just above it, it does not. */
static void test_max_discharge(void **state)
{
    (void)state;
    world w;
    load(&w);
    const cs_station *st = &w.cs.stations[0];
    const cs_compressor *c = &st->compressors[st->configurations[0].stages[0].units[0].compressor];
    const cs_map_point *pt = &c->map_points[0];
    double p_s = 50e5;
    double q = pt->flow * inlet_density(&w.par, p_s);
    double hs = compressor_surge_head_J_per_kg(c, pt->flow);
    double p_d = discharge_for_head(&w.par, p_s, 1.5 * hs);
    station_operating_point op;
    station_map_evaluate(st, &w.par, q, p_s, p_d, &op);
    assert_true(op.limit[0] != '\0');
    double best = station_map_max_discharge(st, &w.par, q, p_s, p_d);
    assert_true(isfinite(best) && best > p_s && best < p_d);
    station_map_evaluate(st, &w.par, q, p_s, best, &op);
    assert_string_equal(op.limit, "");
    assert_true(op.configuration >= 0);
    station_map_evaluate(st, &w.par, q, p_s, best * (1.0 + 1e-6), &op);
    assert_true(op.limit[0] != '\0');
    /* inside the limits already: the set point itself */
    assert_true(station_map_max_discharge(st, &w.par, q, p_s, best) == best);
    /* no compression asked for */
    assert_true(isnan(station_map_max_discharge(st, &w.par, q, p_s, p_s)));
    unload(&w);
}

/* A whole solve of GasLib-40 with every station at a ratio of 1.2 and the
 * machine data: each compressing station is evaluated on its map and burns
 * what its drive's law says; the fuel is drawn and the network balances. */
/* A piston unit (operating volume 0.5 m^3 less a 0.35 reduction per
 * revolution, 165-350 /min, ratio up to 2, efficiency 0.95, as GasLib-582's)
 * runs at the speed that draws its flow, with power q h / eta; past its
 * speed range, ratio or torque it reports which, and with recycle it runs at
 * its least speed below it. */
static void test_piston(void **state)
{
    (void)state;
    world w;
    load(&w);
    cs_compressor c = {0};
    c.kind = COMPRESSOR_PISTON;
    c.drive = -1;
    c.speed_min = 165.0 / 60.0;
    c.speed_max = 350.0 / 60.0;
    c.operating_volume = 0.5;
    c.reduction_vol_flow = 0.35;
    c.max_ratio = 2.0;
    c.piston_efficiency = 0.95;
    c.max_torque = 0.0;
    cs_unit unit = {0, 300.0 / 60.0};
    cs_stage stage = {1, &unit, 1};
    cs_configuration conf = {"1", 0, &stage, 1};
    cs_station st = {0};
    st.compressors = &c;
    st.n_compressors = 1;
    st.configurations = &conf;
    st.n_configurations = 1;
    double p_s = 50e5, p_d = 70e5, per_rev = 0.5 * 0.65, rho = inlet_density(&w.par, p_s);
    double k1 = w.par.kappa / (w.par.kappa - 1.0);
    double h = gas_z(&w.par.gas, p_s, w.par.temperature, NULL) * w.par.r_s * w.par.temperature * k1 *
               (pow(p_d / p_s, 1.0 / k1) - 1.0);
    station_operating_point op;
    /* at 250 /min */
    double q = rho * per_rev * 250.0 / 60.0;
    station_map_evaluate(&st, &w.par, q, p_s, p_d, &op);
    assert_int_equal(op.configuration, 0);
    assert_string_equal(op.limit, "");
    assert_true(fabs(op.speed - 250.0 / 60.0) < 1e-12 * 250.0 / 60.0);
    assert_true(fabs(op.power - q * h / 0.95) < 1e-9 * op.power);
    /* the torque it needs there, then half of it as the limit */
    c.max_torque = 0.5 * op.power / (2.0 * 3.141592653589793 * op.speed);
    station_map_evaluate(&st, &w.par, q, p_s, p_d, &op);
    assert_string_equal(op.limit, "torque_max");
    c.max_torque = 0.0;
    /* faster than 350 /min, slower than 165 /min, past the ratio */
    station_map_evaluate(&st, &w.par, rho * per_rev * 400.0 / 60.0, p_s, p_d, &op);
    assert_string_equal(op.limit, "speed_max");
    station_map_evaluate(&st, &w.par, rho * per_rev * 100.0 / 60.0, p_s, p_d, &op);
    assert_string_equal(op.limit, "speed_min");
    station_map_evaluate(&st, &w.par, q, p_s, 2.2 * p_s, &op);
    assert_string_equal(op.limit, "ratio_max");
    /* with recycle: at 165 /min, the difference recirculated */
    w.par.station_recycle = 1;
    double q_low = rho * per_rev * 100.0 / 60.0, q_min = rho * per_rev * 165.0 / 60.0;
    station_map_evaluate(&st, &w.par, q_low, p_s, p_d, &op);
    assert_string_equal(op.limit, "");
    assert_true(fabs(op.speed - 165.0 / 60.0) < 1e-12);
    assert_true(fabs(op.recycle - (q_min - q_low)) < 1e-9 * q_min);
    assert_true(fabs(op.power - q_min * h / 0.95) < 1e-9 * op.power);
    unload(&w);
}

static void test_solve_with_machines(void **state)
{
    (void)state;
    char ctl[] = "/tmp/gasflow-maps-XXXXXX";
    int fd = mkstemp(ctl);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    for (int k = 1; k <= 6; k++)
        fprintf(f, "compressor compressorStation_%d ratio 1.2\n", k);
    assert_int_equal(fclose(f), 0);
    gf_project *p = NULL;
    gf_options opt;
    gf_options_default(&opt);
    assert_int_equal(gf_project_create(&p), GF_OK);
    assert_int_equal(gf_load_network(p, net40), GF_OK);
    assert_int_equal(gf_load_scenario(p, scn40), GF_OK);
    assert_int_equal(gf_load_controls(p, ctl), GF_OK);
    assert_int_equal(remove(ctl), 0); /* read: no longer needed */
    assert_int_equal(gf_load_stations(p, cs40), GF_OK);
    gf_status st = gf_solve_steady(p, &opt);
    if (st != GF_OK)
        print_error("%s\n", gf_last_error(p));
    assert_int_equal(st, GF_OK);
    size_t on_map = 0;
    double fuel = 0.0;
    for (size_t k = 0; k < gf_station_count(p); k++) {
        gf_station_result r;
        assert_int_equal(gf_station_result_get(p, k, &r), GF_OK);
        if (r.q > 0.0) {
            assert_int_equal(r.map, 1);
            assert_true(r.power > 0.0 && r.fuel > 0.0 && isfinite(r.speed));
            assert_true(fabs(r.discharge / r.suction - 1.2) < 1e-6);
            on_map++;
        }
        fuel += r.fuel;
    }
    assert_true(on_map > 0);
    gf_report rep;
    assert_int_equal(gf_report_get(p, &rep), GF_OK);
    assert_true(fabs(rep.fuel - fuel) <= 1e-12 * (1.0 + fuel));
    assert_true(rep.mass_residual < 1e-6);
    gf_project_free(&p);
    remove(ctl);
}

int main(void)
{
    const char *shared = getenv("GASFLOW_SHARED");
    const char *base = shared ? shared : "../../shared";
    snprintf(net_path, sizeof net_path, "%s/data/gaslib/GasLib-135/GasLib-135-v1-20211130.net", base);
    snprintf(cs_path, sizeof cs_path, "%s/data/gaslib/GasLib-135/GasLib-135-v1-20211130.cs", base);
    snprintf(net40, sizeof net40, "%s/data/gaslib/GasLib-40/GasLib-40.net", base);
    snprintf(cs40, sizeof cs40, "%s/data/gaslib/GasLib-40/GasLib-40.cs", base);
    snprintf(scn40, sizeof scn40, "%s/data/gaslib/GasLib-40/GasLib-40.scn", base);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measured_points),     cmocka_unit_test(test_surge_and_choke),
        cmocka_unit_test(test_max_discharge),       cmocka_unit_test(test_recycle),
        cmocka_unit_test(test_solve_with_machines), cmocka_unit_test(test_piston),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
