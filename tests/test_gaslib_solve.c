/* Every shared GasLib instance and nomination solves from a cold start with
 * the default (passive) settings, and the mass balance closes to 1e-6 kg/s
 * at every node of the original network, recomputed here from the
 * reported flows and withdrawals. With their machine data, GasLib-24, 40,
 * 135 and 582 run operated (gf_operate_stations) with fewer violations. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "gasflow.h"

static char base[1024];

static const char *path(const char *rel, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/data/gaslib/%s", base, rel);
    return buf;
}

/* Returns the Newton iterations. */
static int solve_case(const char *net, const char *scn)
{
    char pn[2048], ps[2048];
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    gf_status st = gf_load_network(p, path(net, pn, sizeof pn));
    if (st == GF_OK)
        st = gf_load_scenario(p, path(scn, ps, sizeof ps));
    gf_options opt;
    gf_options_default(&opt);
    if (st == GF_OK)
        st = gf_solve_steady(p, &opt);
    if (st != GF_OK)
        print_error("%s + %s: %s\n", net, scn, gf_last_error(p));
    assert_int_equal(st, GF_OK);
    size_t nn = gf_node_count(p), na = gf_arc_count(p);
    double *bal = calloc(nn, sizeof *bal);
    assert_non_null(bal);
    for (size_t i = 0; i < nn; i++) {
        gf_node_result r;
        assert_int_equal(gf_node_result_get(p, i, &r), GF_OK);
        assert_true(isfinite(r.p) && r.p > 0.0);
        bal[i] = r.withdrawal;
    }
    for (size_t a = 0; a < na; a++) {
        gf_arc_info info;
        gf_arc_result r;
        assert_int_equal(gf_arc_info_get(p, a, &info), GF_OK);
        assert_int_equal(gf_arc_result_get(p, a, &r), GF_OK);
        assert_true(isfinite(r.q));
        bal[info.from] += r.q;
        bal[info.to] -= r.q;
    }
    for (size_t i = 0; i < nn; i++)
        assert_true(fabs(bal[i]) <= 1e-6);
    gf_report rep;
    assert_int_equal(gf_report_get(p, &rep), GF_OK);
    assert_true(rep.converged);
    assert_true(rep.mass_residual <= 1e-6);
    /* the linear-algebra time is part of the solve time (a tiny system can
     * take less than the clock's resolution, so it may be 0) */
    assert_true(rep.linear_ms >= 0.0 && rep.linear_ms <= rep.solve_ms);
    if (rep.iterations == 0)
        assert_true(rep.linear_ms == 0.0);
    free(bal);
    gf_project_free(&p);
    assert_null(p);
    return rep.iterations;
}

static void test_small_instances(void **state)
{
    (void)state;
    solve_case("GasLib-11/GasLib-11.net", "GasLib-11/GasLib-11.scn");
    solve_case("GasLib-24/GasLib-24-v1-20211130.net", "GasLib-24/GasLib-24-v1-20211130.scn");
    solve_case("GasLib-24/legacy-2017/GasLib-24.net", "GasLib-24/GasLib-24-v1-20211130.scn");
    solve_case("GasLib-40/GasLib-40.net", "GasLib-40/GasLib-40.scn");
    solve_case("GasLib-40/legacy-2013/GasLib-40.net", "GasLib-40/GasLib-40.scn");
    solve_case("extras/GasLib-Integration/GasLib-Integration.net", "extras/GasLib-Integration/GasLib-Integration.scn");
}

static void test_gaslib_39(void **state)
{
    (void)state;
    for (int k = 1; k <= 10; k++) {
        char scn[128];
        snprintf(scn, sizeof scn, "GasLib-39/GasLib-39-v1-20231119-set%02d.scn", k);
        solve_case("GasLib-39/GasLib-39-v1-20231119.net", scn);
    }
}

/* Every node's pressure in a within rel of b's (rel 0: the same bits, and
 * the same withdrawals too). */
static void expect_nodes_agree(const gf_project *a, const gf_project *b, double rel)
{
    for (size_t n = 0; n < gf_node_count(b); n++) {
        gf_node_result x, y;
        assert_int_equal(gf_node_result_get(a, n, &x), GF_OK);
        assert_int_equal(gf_node_result_get(b, n, &y), GF_OK);
        assert_true(fabs(x.p - y.p) <= rel * y.p);
        assert_true(rel > 0.0 || x.withdrawal == y.withdrawal);
    }
}

/* Warm starts: GasLib-39's ten nominations solved one after another, each
 * from the solution before it, reach the cold start's pressures (1e-6
 * relative); re-solving a solved nomination takes at most one iteration. */
static void test_warm_start(void **state)
{
    (void)state;
    char pn[2048], ps[2048];
    gf_project *warm = NULL, *cold = NULL;
    assert_int_equal(gf_project_create(&warm), GF_OK);
    assert_int_equal(gf_project_create(&cold), GF_OK);
    assert_int_equal(gf_load_network(warm, path("GasLib-39/GasLib-39-v1-20231119.net", pn, sizeof pn)), GF_OK);
    assert_int_equal(gf_load_network(cold, pn), GF_OK);
    gf_options ow, oc;
    gf_options_default(&ow);
    gf_options_default(&oc);
    ow.warm_start = 1;
    for (int k = 1; k <= 10; k++) {
        char scn[128];
        snprintf(scn, sizeof scn, "GasLib-39/GasLib-39-v1-20231119-set%02d.scn", k);
        assert_int_equal(gf_load_scenario(warm, path(scn, ps, sizeof ps)), GF_OK);
        assert_int_equal(gf_load_scenario(cold, ps), GF_OK);
        assert_int_equal(gf_solve_steady(warm, &ow), GF_OK);
        assert_int_equal(gf_solve_steady(cold, &oc), GF_OK);
        expect_nodes_agree(warm, cold, 1e-6);
    }
    gf_report rep;
    assert_int_equal(gf_solve_steady(warm, &ow), GF_OK);
    assert_int_equal(gf_report_get(warm, &rep), GF_OK);
    assert_true(rep.iterations <= 1);
    gf_project_free(&warm);
    gf_project_free(&cold);
}

static void test_gaslib_134(void **state)
{
    (void)state;
    static const char *const days[] = {"2011-11-01", "2012-01-02", "2012-03-04", "2012-05-05", "2012-07-06",
                                       "2012-09-06", "2012-11-07", "2013-01-08", "2013-03-12", "2013-05-13",
                                       "2013-07-14", "2013-09-14", "2014-01-15", "2014-03-18", "2014-05-19",
                                       "2014-07-20", "2014-11-06", "2015-02-21", "2015-09-13", "2015-12-21"};
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
        char scn[128];
        snprintf(scn, sizeof scn, "GasLib-134/Nominations-134-v2/%s.scn", days[k]);
        solve_case("GasLib-134/GasLib-134-v2.net", scn);
    }
}

/* One project solving GasLib-134's nominations one after another (it keeps
 * its set-up and symbolic analysis between them, and takes them where the
 * references agree) gives what a new project gives for each, bit for bit. */
static void test_gaslib_134_one_project(void **state)
{
    (void)state;
    static const char *const days[] = {"2011-11-01", "2012-05-05", "2013-01-08", "2014-03-18", "2015-12-21",
                                       "2012-01-02", "2011-11-01", "2013-09-14", "2013-09-14", "2015-02-21"};
    char pn[2048], ps[2048];
    gf_project *kept = NULL;
    assert_int_equal(gf_project_create(&kept), GF_OK);
    assert_int_equal(gf_load_network(kept, path("GasLib-134/GasLib-134-v2.net", pn, sizeof pn)), GF_OK);
    gf_options opt;
    gf_options_default(&opt);
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
        char scn[128];
        snprintf(scn, sizeof scn, "GasLib-134/Nominations-134-v2/%s.scn", days[k]);
        gf_project *fresh = NULL;
        assert_int_equal(gf_project_create(&fresh), GF_OK);
        assert_int_equal(gf_load_network(fresh, pn), GF_OK);
        assert_int_equal(gf_load_scenario(kept, path(scn, ps, sizeof ps)), GF_OK);
        assert_int_equal(gf_load_scenario(fresh, ps), GF_OK);
        assert_int_equal(gf_solve_steady(kept, &opt), GF_OK);
        assert_int_equal(gf_solve_steady(fresh, &opt), GF_OK);
        expect_nodes_agree(kept, fresh, 0.0);
        for (size_t a = 0; a < gf_arc_count(fresh); a++) {
            gf_arc_result x, y;
            assert_int_equal(gf_arc_result_get(kept, a, &x), GF_OK);
            assert_int_equal(gf_arc_result_get(fresh, a, &y), GF_OK);
            assert_true(x.q == y.q);
        }
        assert_int_equal(gf_violation_count(kept), gf_violation_count(fresh));
        gf_project_free(&fresh);
    }
    gf_project_free(&kept);
}

/* The iteration counts guard the cold start's first step (cold_secant in
 * steady_newton.c): with laminar slopes there, GasLib-135 took 6 iterations
 * and GasLib-582 7. */
static void test_gaslib_135(void **state)
{
    (void)state;
    assert_true(solve_case("GasLib-135/GasLib-135-v1-20211130.net", "GasLib-135/GasLib-135-v1-20211130.scn") <= 5);
    assert_true(solve_case("GasLib-135/legacy-2013/GasLib-135.net", "GasLib-135/GasLib-135-v1-20211130.scn") <= 5);
}

static void test_gaslib_582(void **state)
{
    (void)state;
    assert_true(solve_case("GasLib-582/v1-2013/GasLib-582.net", "GasLib-582/v1-2013/nomination_cold_8.scn") <= 4);
    solve_case("GasLib-582/v2-2014/GasLib-582-v2.net", "GasLib-582/v2-2014/nomination_cool_2866_scale_0.950000.scn");
}

/* With their combined decisions: every group gets a decision, the closed
 * valves and stations of the chosen ones carry nothing, the rest balances. */
/* A project with the shared instance's network and nomination and, where
 * given, its machine data, its combined decisions and a controls file (an
 * absolute path). */
static gf_project *open_instance(const char *net, const char *scn, const char *cs, const char *cdf, const char *ctl)
{
    char buf[2048];
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    assert_int_equal(gf_load_network(p, path(net, buf, sizeof buf)), GF_OK);
    assert_int_equal(gf_load_scenario(p, path(scn, buf, sizeof buf)), GF_OK);
    if (cs)
        assert_int_equal(gf_load_stations(p, path(cs, buf, sizeof buf)), GF_OK);
    if (cdf)
        assert_int_equal(gf_load_decisions(p, path(cdf, buf, sizeof buf)), GF_OK);
    if (ctl)
        assert_int_equal(gf_load_controls(p, ctl), GF_OK);
    return p;
}

static void solve_with_decisions(const char *net, const char *scn, const char *cdf, size_t groups)
{
    gf_options opt;
    gf_options_default(&opt);
    gf_project *p = open_instance(net, scn, NULL, cdf, NULL);
    assert_int_equal(gf_decision_group_count(p), groups);
    gf_status st = gf_choose_decisions(p, &opt);
    if (st != GF_OK)
        print_error("%s: %s\n", net, gf_last_error(p));
    assert_int_equal(st, GF_OK);
    gf_report rep;
    assert_int_equal(gf_report_get(p, &rep), GF_OK);
    assert_true(rep.mass_residual <= 1e-6);
    size_t closed = 0;
    for (size_t a = 0; a < gf_arc_count(p); a++) {
        gf_arc_result r;
        assert_int_equal(gf_arc_result_get(p, a, &r), GF_OK);
        if (r.mode == GF_MODE_CLOSED) {
            closed++;
            assert_true(r.q == 0.0);
        }
    }
    assert_true(closed > 0);
    /* the project holds the solution of the chosen decisions: solving them
     * again gives the same modes and violations */
    size_t n_arcs = gf_arc_count(p), violations = gf_violation_count(p);
    gf_mode *modes = malloc(n_arcs * sizeof *modes);
    assert_non_null(modes);
    for (size_t a = 0; a < n_arcs; a++) {
        gf_arc_result r;
        assert_int_equal(gf_arc_result_get(p, a, &r), GF_OK);
        modes[a] = r.mode;
    }
    assert_int_equal(gf_solve_steady(p, &opt), GF_OK);
    assert_int_equal(gf_violation_count(p), violations);
    for (size_t a = 0; a < n_arcs; a++) {
        gf_arc_result r;
        assert_int_equal(gf_arc_result_get(p, a, &r), GF_OK);
        assert_int_equal(r.mode, modes[a]);
    }
    free(modes);
    for (size_t g = 0; g < groups; g++) {
        const char *gid, *did;
        assert_int_equal(gf_decision_chosen(p, g, &gid, &did), GF_OK);
        assert_non_null(gid);
        assert_non_null(did);
    }
    gf_project_free(&p);
}

static void test_decisions(void **state)
{
    (void)state;
    solve_with_decisions("GasLib-582/v1-2013/GasLib-582.net", "GasLib-582/v1-2013/nomination_cold_8.scn",
                         "GasLib-582/v1-2013/GasLib-582.cdf", 2);
    solve_with_decisions("GasLib-4197/GasLib-4197-derived.net",
                         "GasLib-4197/GasLib-4197-derived-nomination_warm_2851.scn",
                         "GasLib-4197/GasLib-4197-derived.cdf", 412);
}

static void test_gaslib_4197(void **state)
{
    (void)state;
    solve_case("GasLib-4197/GasLib-4197-derived.net", "GasLib-4197/GasLib-4197-derived-nomination_warm_2851.scn");
}

/* gf_operate_stations on a shared nomination with the instance's machine
 * data: it passes fewer bounds than the passive network, at most
 * max_after, and every station it runs that ends inside the bounds runs
 * inside its maps. */
static void operate_case(const char *net, const char *scn, const char *cs, const char *cdf, size_t max_after)
{
    gf_options opt;
    gf_options_default(&opt);
    gf_project *p = open_instance(net, scn, cs, cdf, NULL);
    assert_int_equal(cdf ? gf_choose_decisions(p, &opt) : gf_solve_steady(p, &opt), GF_OK);
    size_t before = gf_violation_count(p);
    gf_operate_result op;
    gf_status st = gf_operate_stations(p, &opt, &op);
    if (st != GF_OK)
        print_error("%s: %s\n", net, gf_last_error(p));
    assert_int_equal(st, GF_OK);
    size_t after = gf_violation_count(p);
    print_message("%s: %zu violations passive, %zu operated (%zu elements active, %d solves)\n", net, before, after,
                  op.active, op.solves);
    assert_true(after < before);
    assert_true(after <= max_after);
    gf_report rep;
    assert_int_equal(gf_report_get(p, &rep), GF_OK);
    assert_true(rep.converged && rep.mass_residual <= 1e-6);
    for (size_t k = 0; after == 0 && k < gf_station_count(p); k++) {
        gf_station_result r;
        assert_int_equal(gf_station_result_get(p, k, &r), GF_OK);
        assert_string_equal(r.limit, "");
    }
    /* the setting written as a controls file reproduces it from a cold
     * start, without the decisions */
    char ctl[] = "/tmp/gasflow-operate-XXXXXX";
    int fd = mkstemp(ctl);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(gf_write_controls(p, ctl), GF_OK);
    gf_project *q = open_instance(net, scn, cs, NULL, ctl);
    st = gf_solve_steady(q, &opt);
    if (st != GF_OK)
        print_error("%s with %s: %s\n", net, ctl, gf_last_error(q));
    assert_int_equal(st, GF_OK);
    assert_int_equal(gf_violation_count(q), after);
    remove(ctl);
    gf_project_free(&q);
    gf_project_free(&p);
}

/* Measured: GasLib-24 1 -> 0, GasLib-40 4 -> 0, GasLib-135 8 -> 0,
 * GasLib-582 with its decisions 1019 -> 13. */
static void test_operate(void **state)
{
    (void)state;
    operate_case("GasLib-24/GasLib-24-v1-20211130.net", "GasLib-24/GasLib-24-v1-20211130.scn",
                 "GasLib-24/GasLib-24-v1-20211130.cs", NULL, 0);
    operate_case("GasLib-40/GasLib-40.net", "GasLib-40/GasLib-40.scn", "GasLib-40/GasLib-40.cs", NULL, 0);
    operate_case("GasLib-135/GasLib-135-v1-20211130.net", "GasLib-135/GasLib-135-v1-20211130.scn",
                 "GasLib-135/GasLib-135-v1-20211130.cs", NULL, 0);
    operate_case("GasLib-582/v1-2013/GasLib-582.net", "GasLib-582/v1-2013/nomination_cold_8.scn",
                 "GasLib-582/v1-2013/GasLib-582.cs", "GasLib-582/v1-2013/GasLib-582.cdf", 30);
}

int main(void)
{
    const char *shared = getenv("GASFLOW_SHARED");
    snprintf(base, sizeof base, "%s", shared ? shared : "../../shared");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_instances), cmocka_unit_test(test_gaslib_39),
        cmocka_unit_test(test_gaslib_134),      cmocka_unit_test(test_gaslib_134_one_project),
        cmocka_unit_test(test_gaslib_135),      cmocka_unit_test(test_gaslib_582),
        cmocka_unit_test(test_gaslib_4197),     cmocka_unit_test(test_decisions),
        cmocka_unit_test(test_warm_start),      cmocka_unit_test(test_operate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
