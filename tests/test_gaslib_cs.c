/* Tests of the compressor station reader (src/io/gaslib_cs.c) and the laws
 * of src/model/stations.c: every shared .cs file loads against its network
 * with the counts found by grep in the files; the head map, surge and choke
 * lines reproduce the measurement points of GasLib-135 and GasLib-582 and the
 * gas-driven motor laws its measurement tables; malformed inputs fail with
 * the right status and a message naming file, line, element and problem.
 * Data folder: $GASFLOW_SHARED (default ../../shared, relative to the tests
 * directory the tests run in). */
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

#include "io/gaslib.h"
#include "io/gaslib_cs.h"

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

static double rel_error(double got, double want)
{
    return fabs(got - want) / fmax(fabs(want), 1e-300);
}

static void expect_close(double got, double want, double rel, const char *what)
{
    if (!(rel_error(got, want) <= rel))
        fail_msg("%s: got %.17g, want %.17g (rel. tol. %g)", what, got, want, rel);
}

static void load_net(const char *rel, network *net)
{
    char path[1024];
    gaslib_path(path, sizeof path, rel);
    error_info err;
    network_init(net);
    if (gaslib_read_net(path, net, &err) != GF_OK)
        fail_msg("%s: %s", path, err.msg);
}

static void load_cs(const char *rel, const network *net, station_set *set)
{
    char path[1024];
    gaslib_path(path, sizeof path, rel);
    error_info err;
    station_set_init(set);
    if (gaslib_read_cs(path, net, set, &err) != GF_OK)
        fail_msg("%s: %s", path, err.msg);
}

static const cs_station *station_of(const station_set *set, const char *id)
{
    int i = station_set_find(set, id);
    if (i < 0)
        fail_msg("station '%s' not found", id);
    return &set->stations[i];
}

static const cs_compressor *compressor_of(const cs_station *s, const char *id)
{
    int i = cs_station_find_compressor(s, id);
    if (i < 0)
        fail_msg("compressor '%s' not found in '%s'", id, s->id);
    return &s->compressors[i];
}

static const cs_drive *drive_of(const cs_station *s, const char *id)
{
    int i = cs_station_find_drive(s, id);
    if (i < 0)
        fail_msg("drive '%s' not found in '%s'", id, s->id);
    return &s->drives[i];
}

static const cs_configuration *configuration_of(const cs_station *s, const char *id)
{
    int i = cs_station_find_configuration(s, id);
    if (i < 0)
        fail_msg("configuration '%s' not found in '%s'", id, s->id);
    return &s->configurations[i];
}

/* ---- (a) every shared .cs loads, with the counts grep finds ------------ */

/* Counts by `grep -c` on the files: <compressorStation , <turboCompressor ,
 * <pistonCompressor , <gasTurbine , <gasDrivenMotor , <configuration ,
 * <stage , <compressor ...nominalSpeed, and <measurement> inside
 * surgelineMeasurements / characteristicDiagramMeasurements (awk). */
typedef struct {
    const char *net, *cs;
    size_t stations, turbo, piston, turbines, motors, configurations, stages, units;
    size_t surge_points, map_points;
} cs_instance;

static const cs_instance cs_instances[] = {
    {"GasLib-11/GasLib-11.net", "GasLib-11/GasLib-11.cs", 2, 2, 0, 2, 0, 2, 2, 2, 0, 0},
    {"GasLib-24/GasLib-24-v1-20211130.net", "GasLib-24/GasLib-24-v1-20211130.cs", 3, 6, 0, 6, 0, 6, 7, 9, 0, 0},
    {"GasLib-24/legacy-2017/GasLib-24.net", "GasLib-24/GasLib-24-v1-20211130.cs", 3, 6, 0, 6, 0, 6, 7, 9, 0, 0},
    {"GasLib-39/GasLib-39-v1-20231119.net", "GasLib-39/GasLib-39-v1-20231119.cs", 2, 4, 0, 0, 4, 4, 6, 6, 0, 0},
    {"GasLib-40/GasLib-40.net", "GasLib-40/GasLib-40.cs", 6, 6, 0, 6, 0, 6, 6, 6, 0, 0},
    {"GasLib-135/GasLib-135-v1-20211130.net", "GasLib-135/GasLib-135-v1-20211130.cs", 29, 29, 0, 29, 0, 29, 29, 29, 261,
     2088},
    {"GasLib-135/legacy-2013/GasLib-135.net", "GasLib-135/GasLib-135-v1-20211130.cs", 29, 29, 0, 29, 0, 29, 29, 29, 261,
     2088},
    {"GasLib-582/v1-2013/GasLib-582.net", "GasLib-582/v1-2013/GasLib-582.cs", 5, 9, 1, 9, 1, 12, 12, 14, 81, 648},
    {"extras/GasLib-Integration/GasLib-Integration.net", "extras/GasLib-Integration/GasLib-Integration.cs", 1, 1, 0, 1,
     0, 1, 1, 1, 0, 0},
};

static void check_set(const network *net, const station_set *set, const cs_instance *in)
{
    size_t turbo = 0, piston = 0, turbines = 0, motors = 0, configs = 0, stages = 0, units = 0;
    size_t surge = 0, map = 0, net_stations = 0;
    for (size_t a = 0; a < net->n_arcs; a++)
        net_stations += net->arcs[a].kind == ARC_COMPRESSOR;
    for (size_t i = 0; i < set->n_stations; i++) {
        const cs_station *s = &set->stations[i];
        assert_true(s->arc >= 0 && (size_t)s->arc < net->n_arcs);
        assert_int_equal(net->arcs[s->arc].kind, ARC_COMPRESSOR);
        assert_string_equal(net->arcs[s->arc].id, s->id);
        assert_int_equal(station_set_find_arc(set, s->arc), (int)i);
        assert_true(s->line > 0);
        for (size_t k = 0; k < s->n_compressors; k++) {
            const cs_compressor *c = &s->compressors[k];
            assert_true(c->drive >= 0 && (size_t)c->drive < s->n_drives);
            assert_true(c->speed_min > 0.0 && c->speed_min <= c->speed_max);
            turbo += c->kind == COMPRESSOR_TURBO;
            piston += c->kind == COMPRESSOR_PISTON;
            surge += c->n_surge_points;
            map += c->n_map_points;
        }
        for (size_t k = 0; k < s->n_drives; k++) {
            const cs_drive *d = &s->drives[k];
            turbines += d->kind == DRIVE_GAS_TURBINE;
            motors += d->kind == DRIVE_GAS_DRIVEN_MOTOR;
            assert_int_equal(d->n_power_coeff, d->kind == DRIVE_GAS_TURBINE ? 9 : 3);
        }
        configs += s->n_configurations;
        for (size_t k = 0; k < s->n_configurations; k++) {
            const cs_configuration *cf = &s->configurations[k];
            stages += cf->n_stages;
            for (size_t j = 0; j < cf->n_stages; j++) {
                assert_int_equal(cf->stages[j].stage_nr, (int)j + 1);
                units += cf->stages[j].n_units;
                for (size_t u = 0; u < cf->stages[j].n_units; u++) {
                    const cs_unit *un = &cf->stages[j].units[u];
                    assert_true(un->compressor >= 0 && (size_t)un->compressor < s->n_compressors);
                    assert_true(un->nominal_speed > 0.0);
                }
            }
        }
    }
    size_t got[] = {set->n_stations, turbo, piston, turbines, motors, configs, stages, units, surge, map};
    size_t want[] = {in->stations,       in->turbo,  in->piston, in->turbines,     in->motors,
                     in->configurations, in->stages, in->units,  in->surge_points, in->map_points};
    static const char *what[] = {"stations",       "turbo",  "piston", "gas turbines", "motors",
                                 "configurations", "stages", "units",  "surge points", "map points"};
    for (size_t k = 0; k < sizeof got / sizeof got[0]; k++)
        if (got[k] != want[k])
            fail_msg("%s: %zu %s, want %zu", in->cs, got[k], what[k], want[k]);
    /* every station of these networks has machine data */
    assert_int_equal(net_stations, set->n_stations);
}

static void test_all_shared_cs_load(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof cs_instances / sizeof cs_instances[0]; k++) {
        network net;
        station_set set;
        load_net(cs_instances[k].net, &net);
        load_cs(cs_instances[k].cs, &net, &set);
        check_set(&net, &set, &cs_instances[k]);
        station_set_free(&set);
        network_free(&net);
    }
}

/* Values as written in the files, converted to SI. */
static void test_units_and_structure(void **state)
{
    (void)state;
    network net;
    station_set set;

    load_net("GasLib-11/GasLib-11.net", &net);
    load_cs("GasLib-11/GasLib-11.cs", &net, &set);
    const cs_station *s = station_of(&set, "CS01_entry03_N01");
    const cs_compressor *c = compressor_of(s, "T_CS2_M4");
    expect_close(c->speed_min, 3500.0 / 60.0, 1e-15, "3500 per_min");
    expect_close(c->speed_max, 6500.0 / 60.0, 1e-15, "6500 per_min");
    expect_close(c->head_coeff[0], 62.0918, 1e-15, "n_isoline_coeff_1 raw");
    expect_close(c->head_coeff[8], 2.45649e-07, 1e-15, "n_isoline_coeff_9 raw");
    expect_close(c->eta_coeff[3], -0.063803, 1e-15, "eta_ad_isoline_coeff_4 raw");
    expect_close(c->surge_coeff[2], -0.0449561, 1e-15, "surgeline_coeff_3 raw");
    expect_close(c->choke_coeff[1], 7.27912, 1e-15, "chokeline_coeff_2 raw");
    assert_true(isnan(c->eta_choke) && c->n_surge_points == 0 && isnan(c->operating_volume));
    const cs_drive *d = &s->drives[c->drive];
    assert_string_equal(d->id, "P_CS2_M4");
    expect_close(d->energy_coeff[1], 2.5, 1e-15, "energy_rate_fun_coeff_2");
    expect_close(d->power_coeff[6], 0.0448214, 1e-15, "power_fun_coeff_7");
    const cs_configuration *cf = configuration_of(s, "1");
    expect_close(cf->stages[0].units[0].nominal_speed, 5200.0 / 60.0, 1e-15, "nominalSpeed");
    station_set_free(&set);
    network_free(&net);

    /* GasLib-24 CS3: 2 serial stages (conf 1) and 2 parallel units (conf 2) */
    load_net("GasLib-24/GasLib-24-v1-20211130.net", &net);
    load_cs("GasLib-24/GasLib-24-v1-20211130.cs", &net, &set);
    s = station_of(&set, "CS3");
    assert_int_equal(s->n_configurations, 4);
    cf = configuration_of(s, "1");
    assert_int_equal(cf->n_stages, 2);
    assert_string_equal(s->compressors[cf->stages[0].units[0].compressor].id, "T_CS3_M1");
    assert_string_equal(s->compressors[cf->stages[1].units[0].compressor].id, "T_CS3_M3");
    cf = configuration_of(s, "2");
    assert_int_equal(cf->n_stages, 1);
    assert_int_equal(cf->stages[0].n_units, 2);
    assert_string_equal(s->compressors[cf->stages[0].units[1].compressor].id, "T_CS3_M3");
    assert_int_equal(configuration_of(s, "4")->line, 147);
    station_set_free(&set);
    network_free(&net);

    /* GasLib-582: the piston machine and the gas-driven motor */
    load_net("GasLib-582/v1-2013/GasLib-582.net", &net);
    load_cs("GasLib-582/v1-2013/GasLib-582.cs", &net, &set);
    s = station_of(&set, "compressorStation_5");
    c = compressor_of(s, "compressor_2");
    assert_int_equal(c->kind, COMPRESSOR_PISTON);
    assert_int_equal(c->line, 488);
    expect_close(c->speed_min, 165.0 / 60.0, 1e-15, "165 per_min");
    expect_close(c->operating_volume, 0.5, 1e-15, "0.5 m_cube");
    assert_true(c->max_torque == 0.0); /* 0 kNm in the file */
    expect_close(c->max_ratio, 2.0, 1e-15, "maximalCompressionRatio");
    expect_close(c->piston_efficiency, 0.95, 1e-15, "adiabaticEfficiency");
    expect_close(c->reduction_vol_flow, 0.35, 1e-15, "additionalReductionVolFlow");
    assert_true(isnan(compressor_head_J_per_kg(c, 1.0, 5.0)) && isnan(c->head_coeff[0]));
    d = &s->drives[c->drive];
    assert_string_equal(d->id, "drive_2");
    assert_int_equal(d->kind, DRIVE_GAS_DRIVEN_MOTOR);
    assert_int_equal(d->n_fuel_points, 3);
    assert_int_equal(d->n_power_points, 3);
    expect_close(d->fuel_points[0].shaft_power, 5250e3, 1e-15, "5250 kW");
    expect_close(d->fuel_points[2].fuel_power, 25329e3, 1e-15, "25329 kW");
    expect_close(d->power_points[1].speed, 250.0 / 60.0, 1e-15, "250 per_min");
    expect_close(d->power_points[1].max_power, 6600e3, 1e-15, "6600 kW");
    c = compressor_of(s, "compressor_1");
    expect_close(c->eta_choke, 0.5, 1e-15, "efficiencyOfChokeline");
    expect_close(c->surge_points[8].flow, 0.4048099999999994, 1e-15, "m_cube_per_s");
    expect_close(c->surge_points[8].head, 87394.61727499994, 1e-15, "kJ_per_kg");
    assert_true(isnan(c->surge_points[0].efficiency));
    expect_close(c->map_points[0].efficiency, 0.82, 1e-15, "isoline efficiency");
    cf = configuration_of(s, "config_3");
    assert_int_equal(cf->stages[0].n_units, 2);
    expect_close(cf->stages[0].units[0].nominal_speed, 350.0 / 60.0, 1e-15, "nominal 350");
    /* ids repeat across stations of 582; each station has its own */
    assert_int_equal(compressor_of(station_of(&set, "compressorStation_1"), "compressor_3")->line, 2479);
    assert_int_equal(compressor_of(station_of(&set, "compressorStation_3"), "compressor_3")->line, 1525);
    station_set_free(&set);
    network_free(&net);
}

/* ---- (b) laws against the measurement points -------------------------- */

typedef struct {
    double head, surge, choke, eta; /* worst relative / absolute (eta) errors */
    size_t n_head, n_choke;
} map_errors;

static void check_maps(const char *net_rel, const char *cs_rel, map_errors *e)
{
    network net;
    station_set set;
    load_net(net_rel, &net);
    load_cs(cs_rel, &net, &set);
    memset(e, 0, sizeof *e);
    for (size_t i = 0; i < set.n_stations; i++) {
        const cs_station *s = &set.stations[i];
        for (size_t k = 0; k < s->n_compressors; k++) {
            const cs_compressor *c = &s->compressors[k];
            if (c->kind != COMPRESSOR_TURBO)
                continue;
            size_t on_choke = 0;
            for (size_t j = 0; j < c->n_surge_points; j++) {
                const cs_map_point *p = &c->surge_points[j];
                e->head = fmax(e->head, rel_error(compressor_head_J_per_kg(c, p->flow, p->speed), p->head));
                e->surge = fmax(e->surge, rel_error(compressor_surge_head_J_per_kg(c, p->flow), p->head));
                e->n_head++;
            }
            for (size_t j = 0; j < c->n_map_points; j++) {
                const cs_map_point *p = &c->map_points[j];
                e->head = fmax(e->head, rel_error(compressor_head_J_per_kg(c, p->flow, p->speed), p->head));
                e->eta = fmax(e->eta, fabs(compressor_efficiency(c, p->flow, p->speed) - p->efficiency));
                e->n_head++;
                if (p->efficiency == c->eta_choke) { /* the choke line is this isoline */
                    e->choke = fmax(e->choke, rel_error(compressor_choke_head_J_per_kg(c, p->flow), p->head));
                    on_choke++;
                }
            }
            if (on_choke == 0)
                fail_msg("%s %s: no diagram points at efficiencyOfChokeline", s->id, c->id);
            e->n_choke += on_choke;
        }
    }
    print_message("  %s: %zu head points, worst %.2e; surge line %.2e; choke line (%zu pts) "
                  "%.2e; efficiency fit worst |d eta| %.4f\n",
                  cs_rel, e->n_head, e->head, e->surge, e->n_choke, e->choke, e->eta);
    station_set_free(&set);
    network_free(&net);
}

/* The brief asks for 0.1 %; the files reproduce to rounding (~4e-14), so
 * the test holds them to 1e-9. The efficiency map is a least-squares fit:
 * worst residual 0.037 (135) and 0.052 (582), held to 0.06. */
static void test_maps_reproduce_measurements(void **state)
{
    (void)state;
    map_errors e;
    check_maps("GasLib-135/GasLib-135-v1-20211130.net", "GasLib-135/GasLib-135-v1-20211130.cs", &e);
    assert_int_equal(e.n_head, 261 + 2088);
    assert_int_equal(e.n_choke, 29 * 9);
    assert_true(e.head <= 1e-9 && e.surge <= 1e-9 && e.choke <= 1e-9 && e.eta <= 0.06);
    check_maps("GasLib-582/v1-2013/GasLib-582.net", "GasLib-582/v1-2013/GasLib-582.cs", &e);
    assert_int_equal(e.n_head, 81 + 648);
    assert_int_equal(e.n_choke, 9 * 9);
    assert_true(e.head <= 1e-9 && e.surge <= 1e-9 && e.choke <= 1e-9 && e.eta <= 0.06);
}

/* Fuel and maximal power of the gas-driven motor against its tables. The
 * coefficients carry 6 significant digits: residuals ~1.5e-6, held to 1e-5. */
static void test_motor_laws_reproduce_measurements(void **state)
{
    (void)state;
    network net;
    station_set set;
    load_net("GasLib-582/v1-2013/GasLib-582.net", &net);
    load_cs("GasLib-582/v1-2013/GasLib-582.cs", &net, &set);
    const cs_drive *d = drive_of(station_of(&set, "compressorStation_5"), "drive_2");
    double worst = 0.0;
    for (size_t k = 0; k < d->n_fuel_points; k++)
        worst =
            fmax(worst, rel_error(drive_fuel_power_W(d, d->fuel_points[k].shaft_power), d->fuel_points[k].fuel_power));
    for (size_t k = 0; k < d->n_power_points; k++)
        worst =
            fmax(worst, rel_error(drive_max_power_W(d, d->power_points[k].speed, NAN), d->power_points[k].max_power));
    print_message("  gasDrivenMotor drive_2: 6 points, worst %.2e\n", worst);
    assert_true(worst <= 1e-5);
    station_set_free(&set);
    network_free(&net);
}

/* The gas turbine limit is not verifiable from the files (no measurements);
 * check that the chosen reading (outer power on ambient temperature in
 * Celsius, inner on speed in 1/min) is physical for every turbine: positive
 * and falling with ambient temperature over 0-30 C at the speed limits of
 * the compressors it drives, by 0.4-1.0 % per K at 15 C, the derating of
 * industrial gas turbines (every shared turbine: 0.59-0.79 %/K). Read in
 * kelvin instead, the laws of GasLib-11, 24 and 40 give negative powers. */
static void test_turbine_limit_plausible(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t k = 0; k < sizeof cs_instances / sizeof cs_instances[0]; k++) {
        network net;
        station_set set;
        load_net(cs_instances[k].net, &net);
        load_cs(cs_instances[k].cs, &net, &set);
        for (size_t i = 0; i < set.n_stations; i++) {
            const cs_station *s = &set.stations[i];
            for (size_t j = 0; j < s->n_compressors; j++) {
                const cs_compressor *c = &s->compressors[j];
                const cs_drive *d = &s->drives[c->drive];
                if (d->kind != DRIVE_GAS_TURBINE)
                    continue;
                for (int m = 0; m < 2; m++) {
                    double n = m ? c->speed_max : c->speed_min;
                    double p0 = drive_max_power_W(d, n, 273.15);
                    double p15 = drive_max_power_W(d, n, 288.15);
                    double p30 = drive_max_power_W(d, n, 303.15);
                    if (!(p0 > p15 && p15 > p30 && p30 > 0.0))
                        fail_msg("%s %s: P_max %g, %g, %g W at 0/15/30 C", cs_instances[k].cs, d->id, p0, p15, p30);
                    double per_k = (drive_max_power_W(d, n, 289.15) - drive_max_power_W(d, n, 287.15)) / (2.0 * p15);
                    if (!(per_k > -0.010 && per_k < -0.004))
                        fail_msg("%s %s: P_max changes by %.3g %%/K at 15 C", cs_instances[k].cs, d->id, 100.0 * per_k);
                    checked++;
                }
            }
        }
        station_set_free(&set);
        network_free(&net);
    }
    assert_true(checked > 0);
}

/* The analytic head gradient against central differences on real data. */
static void test_head_gradient(void **state)
{
    (void)state;
    network net;
    station_set set;
    load_net("GasLib-582/v1-2013/GasLib-582.net", &net);
    load_cs("GasLib-582/v1-2013/GasLib-582.cs", &net, &set);
    const cs_compressor *c = compressor_of(station_of(&set, "compressorStation_4"), "compressor_5");
    double q = 1.3, n = 140.0, hq = 1e-4, hn = 1e-2, dq, dn;
    compressor_head_gradient(c, q, n, &dq, &dn);
    double fq = (compressor_head_J_per_kg(c, q + hq, n) - compressor_head_J_per_kg(c, q - hq, n)) / (2 * hq);
    double fn = (compressor_head_J_per_kg(c, q, n + hn) - compressor_head_J_per_kg(c, q, n - hn)) / (2 * hn);
    expect_close(dq, fq, 1e-6, "dH/dQ");
    expect_close(dn, fn, 1e-6, "dH/dn");
    station_set_free(&set);
    network_free(&net);
}

/* ---- (c) in-memory files: a good one and malformed ones --------------- */

/* A network with one compressorStation 'CS' and one pipe 'P1'. */
static const char mini_net[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<network xmlns=\"http://gaslib.zib.de/Gas\" "
                               "xmlns:framework=\"http://gaslib.zib.de/Framework\">\n"
                               "<framework:nodes>\n"
                               "<source id=\"S1\"><height value=\"0\" unit=\"m\"/><gasTemperature value=\"10\" "
                               "unit=\"Celsius\"/><normDensity value=\"0.785\" unit=\"kg_per_m_cube\"/><molarMass "
                               "value=\"18.5\" unit=\"kg_per_kmol\"/></source>\n"
                               "<innode id=\"N1\"><height value=\"0\" unit=\"m\"/></innode>\n"
                               "<sink id=\"X1\"><height value=\"0\" unit=\"m\"/></sink>\n"
                               "</framework:nodes>\n<framework:connections>\n"
                               "<pipe id=\"P1\" from=\"S1\" to=\"N1\"><length value=\"5\" unit=\"km\"/><diameter "
                               "value=\"500\" unit=\"mm\"/><roughness value=\"0.1\" unit=\"mm\"/></pipe>\n"
                               "<compressorStation id=\"CS\" from=\"N1\" to=\"X1\"/>\n"
                               "</framework:connections>\n</network>\n";

/* the file below is laid out line by line, as it reads */
/* clang-format off */
#define V(name, v) "<" name " value=\"" v "\"/>\n"
#define VU(name, v, u) "<" name " value=\"" v "\" unit=\"" u "\"/>\n"
#define POINT(rpm, head, flow)                                                                 \
    "<measurement>\n" VU("speed", rpm, "per_min") VU("adiabaticHead", head, "kJ_per_kg")        \
        VU("volumetricFlowrate", flow, "m_cube_per_s") "</measurement>\n"

/* One turbo machine with H = 1e-3 Q^2 n (only n_isoline_coeff_8, i = 2,
 * j = 1, is non-zero) and eta = 0.8 + 1e-5 n; one piston machine; a gas
 * turbine with P_max = 100 + n - 2 T (kW, n 1/min, T Celsius); a motor. */
static const char good_cs[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<compressorStations xmlns=\"http://gaslib.zib.de/CompressorStations\" "
    "xmlns:framework=\"http://gaslib.zib.de/CompressorStations\">\n"
    "<compressorStation id=\"CS\">\n"
    "<compressors>\n"
    "<turboCompressor drive=\"D1\" id=\"T1\">\n"
    VU("speedMin", "3000", "per_min") VU("speedMax", "6000", "per_min")
    V("n_isoline_coeff_1", "0") V("n_isoline_coeff_2", "0") V("n_isoline_coeff_3", "0")
    V("n_isoline_coeff_4", "0") V("n_isoline_coeff_5", "0") V("n_isoline_coeff_6", "0")
    V("n_isoline_coeff_7", "0") V("n_isoline_coeff_8", "0.001") V("n_isoline_coeff_9", "0")
    V("eta_ad_isoline_coeff_1", "0.8") V("eta_ad_isoline_coeff_2", "1e-5")
    V("eta_ad_isoline_coeff_3", "0") V("eta_ad_isoline_coeff_4", "0")
    V("eta_ad_isoline_coeff_5", "0") V("eta_ad_isoline_coeff_6", "0")
    V("eta_ad_isoline_coeff_7", "0") V("eta_ad_isoline_coeff_8", "0")
    V("eta_ad_isoline_coeff_9", "0")
    V("surgeline_coeff_1", "1") V("surgeline_coeff_2", "2") V("surgeline_coeff_3", "3")
    V("chokeline_coeff_1", "4") V("chokeline_coeff_2", "5") V("chokeline_coeff_3", "6")
    V("efficiencyOfChokeline", "0.7")
    "<surgelineMeasurements>\n" POINT("3000", "20", "0.2") "</surgelineMeasurements>\n"
    "<characteristicDiagramMeasurements>\n"
    "<adiabaticEfficiency value=\"0.8\">\n" POINT("6000", "30", "1.5") "</adiabaticEfficiency>\n"
    "<adiabaticEfficiency value=\"0.7\">\n" POINT("3000", "10", "2.5") POINT("6000", "25", "3.5")
    "</adiabaticEfficiency>\n"
    "</characteristicDiagramMeasurements>\n"
    "</turboCompressor>\n"
    "<pistonCompressor drive=\"D2\" id=\"P1\">\n"
    VU("speedMin", "165", "per_min") VU("speedMax", "350", "per_min")
    VU("operatingVolume", "0.5", "m_cube") VU("maximalTorque", "2", "kNm")
    V("maximalCompressionRatio", "2") V("adiabaticEfficiency", "0.95")
    V("additionalReductionVolFlow", "0.35")
    "</pistonCompressor>\n"
    "</compressors>\n"
    "<drives>\n"
    "<gasTurbine id=\"D1\">\n"
    V("energy_rate_fun_coeff_1", "5000") V("energy_rate_fun_coeff_2", "2.5")
    V("energy_rate_fun_coeff_3", "0.001")
    V("power_fun_coeff_1", "100") V("power_fun_coeff_2", "1") V("power_fun_coeff_3", "0")
    V("power_fun_coeff_4", "-2") V("power_fun_coeff_5", "0") V("power_fun_coeff_6", "0")
    V("power_fun_coeff_7", "0") V("power_fun_coeff_8", "0") V("power_fun_coeff_9", "0")
    "</gasTurbine>\n"
    "<gasDrivenMotor id=\"D2\">\n"
    V("energy_rate_fun_coeff_1", "2629") V("energy_rate_fun_coeff_2", "2.47429")
    V("energy_rate_fun_coeff_3", "1.37143e-05")
    V("power_fun_coeff_1", "230.515") V("power_fun_coeff_2", "24.4196")
    V("power_fun_coeff_3", "0.00423351")
    "<specificEnergyConsumptionMeasurements>\n<measurement>\n"
    VU("compressorPower", "5250", "kW") VU("fuelConsumption", "15997", "kW")
    "</measurement>\n</specificEnergyConsumptionMeasurements>\n"
    "<maximalPowerMeasurements>\n<measurement>\n"
    VU("speed", "165", "per_min") VU("maximalPower", "4375", "kW")
    "</measurement>\n</maximalPowerMeasurements>\n"
    "</gasDrivenMotor>\n"
    "</drives>\n"
    "<configurations>\n"
    "<configuration confId=\"series\" nrOfSerialStages=\"2\">\n"
    "<stage stageNr=\"2\" nrOfParallelUnits=\"1\">\n"
    "<compressor id=\"P1\" nominalSpeed=\"300\"/>\n"
    "</stage>\n"
    "<stage stageNr=\"1\" nrOfParallelUnits=\"1\">\n"
    "<compressor id=\"T1\" nominalSpeed=\"5000\"/>\n"
    "</stage>\n"
    "</configuration>\n"
    "<configuration confId=\"7\" nrOfSerialStages=\"1\">\n"
    "<stage stageNr=\"1\" nrOfParallelUnits=\"2\">\n"
    "<compressor id=\"T1\" nominalSpeed=\"5000\"/>\n"
    "<compressor id=\"P1\" nominalSpeed=\"300\"/>\n"
    "</stage>\n"
    "</configuration>\n"
    "</configurations>\n"
    "</compressorStation>\n"
    "</compressorStations>\n";
/* clang-format on */

static void read_mini_net(network *net)
{
    error_info err;
    network_init(net);
    if (gaslib_read_net_memory(mini_net, strlen(mini_net), "mini.net", net, &err) != GF_OK)
        fail_msg("mini.net: %s", err.msg);
}

/* text with its one occurrence of `old` replaced; malloc'ed. */
static char *edit(const char *text, const char *old, const char *replacement)
{
    const char *at = strstr(text, old);
    if (!at || strstr(at + 1, old))
        fail_msg("edit: '%s' is not in the text exactly once", old);
    size_t head = (size_t)(at - text), n_old = strlen(old), n_new = strlen(replacement);
    char *out = malloc(strlen(text) - n_old + n_new + 1);
    assert_non_null(out);
    memcpy(out, text, head);
    memcpy(out + head, replacement, n_new);
    strcpy(out + head + n_new, at + n_old);
    return out;
}

/* Line (1-based) of the first occurrence of marker in text. */
static int line_of(const char *text, const char *marker)
{
    const char *at = strstr(text, marker);
    if (!at)
        fail_msg("marker '%s' not in the text", marker);
    int line = 1;
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

/* GF_TEST_VERBOSE=1 prints every message, to review them. The message must
 * start with "mini.cs:L:", L the line of `marker` (any line if NULL), and
 * contain needle. */
static void expect_cs_error(const char *text, const char *marker, gf_status want, const char *needle)
{
    network net;
    station_set set;
    error_info err;
    read_mini_net(&net);
    station_set_init(&set);
    gf_status st = gaslib_read_cs_memory(text, strlen(text), "mini.cs", &net, &set, &err);
    if (getenv("GF_TEST_VERBOSE"))
        print_message("  %s\n", err.msg);
    if (st != want)
        fail_msg("status %d, want %d; message: %s", (int)st, (int)want, err.msg);
    char prefix[64];
    if (marker) /* NULL: libxml2 decides the line of a syntax error */
        snprintf(prefix, sizeof prefix, "mini.cs:%d: ", line_of(text, marker));
    else
        snprintf(prefix, sizeof prefix, "mini.cs:");
    if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
        fail_msg("message \"%s\" does not start with \"%s\"", err.msg, prefix);
    if (!strstr(err.msg, needle))
        fail_msg("message \"%s\" lacks \"%s\"", err.msg, needle);
    if (strchr(err.msg, '\n'))
        fail_msg("message is not one line: \"%s\"", err.msg);
    /* a failed read leaves the set empty */
    assert_true(set.n_stations == 0 && set.stations == NULL && set.path == NULL);
    station_set_free(&set);
    network_free(&net);
}

/* good_cs with one edit, expected to fail at the line of `marker`. */
static void expect_edit_error(const char *old, const char *replacement, const char *marker, gf_status want,
                              const char *needle)
{
    char *text = edit(good_cs, old, replacement);
    expect_cs_error(text, marker, want, needle);
    free(text);
}

static void test_good_memory_cs(void **state)
{
    (void)state;
    network net;
    station_set set;
    error_info err;
    read_mini_net(&net);
    station_set_init(&set);
    for (int round = 0; round < 2; round++) /* the second read replaces the first */
        if (gaslib_read_cs_memory(good_cs, strlen(good_cs), "mini.cs", &net, &set, &err) != GF_OK)
            fail_msg("%s", err.msg);
    assert_string_equal(set.path, "mini.cs");
    assert_int_equal(set.n_stations, 1);
    assert_int_equal(station_set_find(&set, "CS"), 0);
    assert_int_equal(station_set_find(&set, "P1"), -1);
    const cs_station *s = &set.stations[0];
    assert_int_equal(s->arc, network_find_arc(&net, "CS"));
    assert_int_equal(station_set_find_arc(&set, network_find_arc(&net, "P1")), -1);
    assert_int_equal(s->line, line_of(good_cs, "<compressorStation id"));
    assert_int_equal(s->n_compressors, 2);
    assert_int_equal(s->n_drives, 2);
    assert_int_equal(s->n_configurations, 2);

    const cs_compressor *t = compressor_of(s, "T1");
    assert_int_equal(t->kind, COMPRESSOR_TURBO);
    assert_string_equal(s->drives[t->drive].id, "D1");
    expect_close(t->speed_min, 50.0, 1e-15, "3000 per_min");
    /* H = 1e-3 Q^2 n kJ/kg, n in 1/min: Q = 2 m^3/s, n = 100 1/s -> 24 kJ/kg */
    expect_close(compressor_head_J_per_kg(t, 2.0, 100.0), 24000.0, 1e-14, "head map order");
    double dq, dn;
    compressor_head_gradient(t, 2.0, 100.0, &dq, &dn);
    expect_close(dq, 24000.0, 1e-14, "dH/dQ = 2e-3 Q n kJ/kg");
    expect_close(dn, 240.0, 1e-14, "dH/dn = 1e-3 Q^2 * 60 kJ/kg per 1/s");
    expect_close(compressor_efficiency(t, 2.0, 100.0), 0.86, 1e-14, "eta = 0.8 + 1e-5 * 6000");
    expect_close(compressor_surge_head_J_per_kg(t, 2.0), 17000.0, 1e-14, "1 + 2Q + 3Q^2");
    expect_close(compressor_choke_head_J_per_kg(t, 2.0), 38000.0, 1e-14, "4 + 5Q + 6Q^2");
    expect_close(t->eta_choke, 0.7, 1e-15, "efficiencyOfChokeline");
    assert_int_equal(t->n_surge_points, 1);
    expect_close(t->surge_points[0].speed, 50.0, 1e-15, "surge speed");
    expect_close(t->surge_points[0].head, 20000.0, 1e-15, "surge head");
    expect_close(t->surge_points[0].flow, 0.2, 1e-15, "surge flow");
    assert_int_equal(t->n_map_points, 3);
    expect_close(t->map_points[0].efficiency, 0.8, 0.0, "isoline 1");
    expect_close(t->map_points[2].efficiency, 0.7, 0.0, "isoline 2");
    expect_close(t->map_points[2].flow, 3.5, 1e-15, "map flow");

    const cs_compressor *p = compressor_of(s, "P1");
    assert_int_equal(p->kind, COMPRESSOR_PISTON);
    expect_close(p->max_torque, 2000.0, 1e-15, "2 kNm");
    assert_true(isnan(compressor_efficiency(p, 1.0, 1.0)) && isnan(p->eta_choke));

    const cs_drive *d1 = drive_of(s, "D1");
    assert_int_equal(d1->kind, DRIVE_GAS_TURBINE);
    /* 5000 + 2.5 * 1000 + 0.001 * 1000^2 kW at 1 MW shaft power */
    expect_close(drive_fuel_power_W(d1, 1e6), 8.5e6, 1e-14, "turbine fuel");
    /* 100 + 6000 - 2 * 15 kW at 6000 1/min and 15 C */
    expect_close(drive_max_power_W(d1, 100.0, 288.15), 6070e3, 1e-12, "turbine P_max");
    const cs_drive *d2 = drive_of(s, "D2");
    assert_int_equal(d2->kind, DRIVE_GAS_DRIVEN_MOTOR);
    assert_int_equal(d2->n_fuel_points, 1);
    expect_close(d2->power_points[0].max_power, 4375e3, 1e-15, "4375 kW");

    const cs_configuration *cf = configuration_of(s, "series");
    assert_int_equal(cf->n_stages, 2); /* in stageNr order, not file order */
    assert_int_equal(cf->stages[0].stage_nr, 1);
    assert_int_equal(cf->stages[0].units[0].compressor, cs_station_find_compressor(s, "T1"));
    expect_close(cf->stages[0].units[0].nominal_speed, 5000.0 / 60.0, 1e-15, "nominalSpeed");
    assert_int_equal(cf->stages[1].units[0].compressor, cs_station_find_compressor(s, "P1"));
    cf = configuration_of(s, "7");
    assert_int_equal(cf->n_stages, 1);
    assert_int_equal(cf->stages[0].n_units, 2);
    assert_int_equal(cs_station_find_configuration(s, "8"), -1);
    station_set_free(&set);
    station_set_free(&set); /* freeing twice is harmless */
    network_free(&net);
}

static void test_bad_references_and_ids(void **state)
{
    (void)state;
    expect_edit_error("<compressorStation id=\"CS\">", "<compressorStation id=\"CS9\">", "<compressorStation id",
                      GF_ERR_INPUT,
                      "compressorStation 'CS9': no compressorStation of this id in network "
                      "'mini.net'");
    expect_edit_error("<compressorStation id=\"CS\">", "<compressorStation id=\"P1\">", "<compressorStation id",
                      GF_ERR_INPUT,
                      "compressorStation 'P1': is a pipe in network 'mini.net', not a "
                      "compressorStation");
    expect_edit_error("<compressor id=\"P1\" nominalSpeed=\"300\"/>\n</stage>\n</configuration>",
                      "<compressor id=\"P9\" nominalSpeed=\"300\"/>\n</stage>\n</configuration>",
                      "<compressor id=\"P9\"", GF_ERR_INPUT,
                      "configuration '7': unknown compressor 'P9' (not among the compressors of "
                      "station 'CS')");
    expect_edit_error("<pistonCompressor drive=\"D2\"", "<pistonCompressor drive=\"D7\"", "<pistonCompressor",
                      GF_ERR_INPUT,
                      "pistonCompressor 'P1': unknown drive 'D7' (not among the drives of "
                      "station 'CS')");
    expect_edit_error("<pistonCompressor drive=\"D2\" id=\"P1\">", "<pistonCompressor drive=\"D2\" id=\"T1\">",
                      "<pistonCompressor", GF_ERR_INPUT,
                      "pistonCompressor 'T1': duplicate compressor id in station 'CS' (first at "
                      "line 5)");
    expect_edit_error("<gasDrivenMotor id=\"D2\">", "<gasDrivenMotor id=\"D1\">", "<gasDrivenMotor", GF_ERR_INPUT,
                      "gasDrivenMotor 'D1': duplicate drive id in station 'CS'");
    expect_edit_error("<configuration confId=\"7\"", "<configuration confId=\"series\"",
                      "<configuration confId=\"series\" nrOfSerialStages=\"1\"", GF_ERR_INPUT,
                      "configuration 'series': duplicate confId in station 'CS'");
    expect_edit_error("</compressorStation>\n",
                      "</compressorStation>\n<compressorStation id=\"CS\">\n</compressorStation>\n",
                      "<compressorStation id=\"CS\">\n</compressorStation>", GF_ERR_INPUT,
                      "compressorStation 'CS': duplicate id (first at line 3)");
    expect_edit_error("<compressor id=\"P1\" nominalSpeed=\"300\"/>\n</stage>\n</configuration>",
                      "<compressor id=\"T1\" nominalSpeed=\"300\"/>\n</stage>\n</configuration>",
                      "<compressor id=\"T1\" nominalSpeed=\"300\"", GF_ERR_INPUT,
                      "configuration '7': compressor 'T1' used twice");
}

static void test_bad_values(void **state)
{
    (void)state;
    /* a missing coefficient is reported at the machine's start tag */
    expect_edit_error(V("n_isoline_coeff_5", "0"), "", "<turboCompressor", GF_ERR_INPUT,
                      "turboCompressor 'T1': missing required value 'n_isoline_coeff_5'");
    expect_edit_error(VU("operatingVolume", "0.5", "m_cube"), "", "<pistonCompressor", GF_ERR_INPUT,
                      "pistonCompressor 'P1': missing required value 'operatingVolume'");
    expect_edit_error(VU("speedMax", "6000", "per_min"), VU("speedMax", "6000", "rpm"), "\"rpm\"", GF_ERR_INPUT,
                      "turboCompressor 'T1': unknown unit 'rpm' for speedMax");
    expect_edit_error(VU("speedMax", "6000", "per_min"), VU("speedMax", "6000", "kW"), "\"kW\"", GF_ERR_INPUT,
                      "unit 'kW' does not fit speedMax (expected a rotational speed)");
    expect_edit_error(VU("speedMax", "6000", "per_min"), V("speedMax", "6000"), "<speedMax", GF_ERR_INPUT,
                      "missing unit for speedMax (expected a rotational speed)");
    expect_edit_error(V("surgeline_coeff_2", "2"), V("surgeline_coeff_2", "fast"), "<surgeline_coeff_2", GF_ERR_INPUT,
                      "turboCompressor 'T1': 'fast' is not a number (surgeline_coeff_2)");
    expect_edit_error("nominalSpeed=\"5000\"/>\n</stage>\n</configuration>",
                      "nominalSpeed=\"5e3x\"/>\n</stage>\n</configuration>", "5e3x", GF_ERR_INPUT,
                      "configuration 'series': '5e3x' is not a number (nominalSpeed in "
                      "compressor)");
    expect_edit_error(VU("speedMin", "3000", "per_min"), VU("speedMin", "7000", "per_min"), "<turboCompressor",
                      GF_ERR_INPUT, "turboCompressor 'T1': speedMin (7000 per_min) > speedMax (6000 per_min)");
    expect_edit_error(V("efficiencyOfChokeline", "0.7"), V("efficiencyOfChokeline", "1.7"), "<efficiencyOfChokeline",
                      GF_ERR_INPUT, "efficiencyOfChokeline must be <= 1");
    expect_edit_error(V("maximalCompressionRatio", "2"), V("maximalCompressionRatio", "0.5"), "<pistonCompressor",
                      GF_ERR_INPUT, "maximalCompressionRatio 0.5 must be >= 1");
    expect_edit_error(V("chokeline_coeff_3", "6"), V("chokeline_coeff_3", "6") V("chokeline_coeff_3", "7"), "\"7\"",
                      GF_ERR_INPUT, "'chokeline_coeff_3' given twice");
    expect_edit_error("<adiabaticEfficiency value=\"0.7\">", "<adiabaticEfficiency value=\"high\">", "\"high\"",
                      GF_ERR_INPUT, "'high' is not a number (value in adiabaticEfficiency)");
    expect_edit_error(VU("maximalPower", "4375", "kW"), VU("maximalPower", "", "kW"), "<maximalPower value",
                      GF_ERR_INPUT, "gasDrivenMotor 'D2': '' is not a number (maximalPower)");
}

static void test_bad_structure(void **state)
{
    (void)state;
    expect_edit_error(V("n_isoline_coeff_9", "0"), V("n_isoline_coeff_10", "0"), "n_isoline_coeff_10", GF_ERR_INPUT,
                      "turboCompressor 'T1': unknown element 'n_isoline_coeff_10'");
    expect_edit_error(V("power_fun_coeff_3", "0.00423351"),
                      V("power_fun_coeff_3", "0.00423351") V("power_fun_coeff_4", "1"), "power_fun_coeff_4 value=\"1\"",
                      GF_ERR_INPUT, "gasDrivenMotor 'D2': unknown element 'power_fun_coeff_4'");
    expect_edit_error("<drives>\n", "<drives>\n<electricMotor id=\"E1\"/>\n", "<electricMotor", GF_ERR_INPUT,
                      "unknown element 'electricMotor' in drives (expected gasTurbine or "
                      "gasDrivenMotor)");
    expect_edit_error("<drives>\n", "<pipes/>\n<drives>\n", "<pipes", GF_ERR_INPUT,
                      "compressorStation 'CS': unknown element 'pipes' (expected compressors, "
                      "drives, configurations)");
    expect_edit_error("<configuration confId=\"7\" nrOfSerialStages=\"1\">\n<stage stageNr=\"1\" "
                      "nrOfParallelUnits=\"2\">",
                      "<configuration confId=\"7\" nrOfSerialStages=\"1\">\n<stage stageNr=\"1\" "
                      "nrOfParallelUnits=\"3\">",
                      "nrOfParallelUnits=\"3\"", GF_ERR_INPUT,
                      "configuration '7': stage 1: nrOfParallelUnits is 3 but 2 compressors are "
                      "listed");
    expect_edit_error("<configuration confId=\"series\" nrOfSerialStages=\"2\">",
                      "<configuration confId=\"series\" nrOfSerialStages=\"3\">", "nrOfSerialStages=\"3\"",
                      GF_ERR_INPUT, "configuration 'series': nrOfSerialStages is 3 but 2 stages are given");
    expect_edit_error("<stage stageNr=\"1\" nrOfParallelUnits=\"1\">", "<stage stageNr=\"2\" nrOfParallelUnits=\"1\" >",
                      "nrOfParallelUnits=\"1\" >", GF_ERR_INPUT, "configuration 'series': stageNr 2 given twice");
    expect_edit_error("<stage stageNr=\"2\"", "<stage stageNr=\"2.5\"", "stageNr=\"2.5\"", GF_ERR_INPUT,
                      "stageNr must be a whole number >= 1");
    expect_edit_error("<configuration confId=\"7\"", "<configuration", "<configuration nrOf", GF_ERR_INPUT,
                      "configuration: missing required attribute 'confId'");
    expect_edit_error("<surgelineMeasurements>\n", "<surgelineMeasurements>\n<point/>\n", "<point", GF_ERR_INPUT,
                      "unknown element 'point' in surgelineMeasurements (expected measurement)");
    expect_edit_error(VU("adiabaticHead", "20", "kJ_per_kg"), "", "<measurement>", GF_ERR_INPUT,
                      "turboCompressor 'T1': missing required value 'adiabaticHead' in "
                      "measurement");
    expect_edit_error("</surgelineMeasurements>\n",
                      "</surgelineMeasurements>\n<surgelineMeasurements >\n"
                      "</surgelineMeasurements>\n",
                      "<surgelineMeasurements >", GF_ERR_INPUT,
                      "turboCompressor 'T1': 'surgelineMeasurements' given twice (first at line");
}

static void test_bad_files(void **state)
{
    (void)state;
    static const char wrong_root[] = "<?xml version=\"1.0\"?>\n<network>\n</network>\n";
    expect_cs_error(wrong_root, "<network", GF_ERR_INPUT, "root element is 'network', expected 'compressorStations'");
    static const char dtd[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n"
                              "<compressorStations/>\n";
    expect_cs_error(dtd, "<!DOCTYPE", GF_ERR_PARSE, "DTDs and entity declarations are not accepted");
    static const char truncated[] = "<?xml version=\"1.0\"?>\n<compressorStations>\n"
                                    "<compressorStation id=\"CS\">\n";
    expect_cs_error(truncated, NULL, GF_ERR_PARSE, "not well-formed XML");
    static const char junk[] = "<?xml version=\"1.0\"?>\n<compressorStations>\n"
                               "</compressorStations>\n<junk>\n";
    expect_cs_error(junk, NULL, GF_ERR_PARSE, "not well-formed XML");
    static const char stray[] = "<?xml version=\"1.0\"?>\n<compressorStations>\n<station/>\n"
                                "</compressorStations>\n";
    expect_cs_error(stray, "<station/>", GF_ERR_INPUT,
                    "unknown element 'station' in compressorStations (expected "
                    "compressorStation)");
    static const char empty_station[] = "<?xml version=\"1.0\"?>\n<compressorStations>\n"
                                        "<compressorStation id=\"CS\"/>\n</compressorStations>\n";
    expect_cs_error(empty_station, "<compressorStation ", GF_ERR_INPUT, "compressorStation 'CS': no compressors");

    /* an empty list of stations is valid; a missing file and NULLs are not */
    network net;
    station_set set;
    error_info err;
    read_mini_net(&net);
    station_set_init(&set);
    static const char none[] = "<compressorStations/>";
    assert_int_equal(gaslib_read_cs_memory(none, strlen(none), "none.cs", &net, &set, &err), GF_OK);
    assert_int_equal(set.n_stations, 0);
    assert_int_equal(gaslib_read_cs("no/such/file.cs", &net, &set, &err), GF_ERR_IO);
    assert_non_null(strstr(err.msg, "no/such/file.cs: cannot open"));
    assert_true(set.path == NULL);
    assert_int_equal(gaslib_read_cs(NULL, &net, &set, &err), GF_ERR_ARG);
    assert_int_equal(gaslib_read_cs_memory(none, 3, "x", NULL, &set, &err), GF_ERR_ARG);
    station_set_free(&set);
    network_free(&net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_shared_cs_load),
        cmocka_unit_test(test_units_and_structure),
        cmocka_unit_test(test_maps_reproduce_measurements),
        cmocka_unit_test(test_motor_laws_reproduce_measurements),
        cmocka_unit_test(test_turbine_limit_plausible),
        cmocka_unit_test(test_head_gradient),
        cmocka_unit_test(test_good_memory_cs),
        cmocka_unit_test(test_bad_references_and_ids),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_bad_structure),
        cmocka_unit_test(test_bad_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
