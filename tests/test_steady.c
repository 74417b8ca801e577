/* Steady solver against analytic solutions (physics.md §2): a single pipe,
 * horizontal and inclined, in both flow directions; the Yamal-Europe case
 * (Brouwer, Gasser, Herty 2011); conservation and loop laws on a meshed
 * network; lossless arcs, set points and ratios of active elements. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/network.h"
#include "solver/sparse.h"
#include "solver/steady.h"
#include "solver/steady_internal.h"

#define BAR 1e5
#define PI 3.14159265358979323846

/* A network built in code: nodes n0..n(k-1), all with the same gas. */
typedef struct {
    network net;
    scenario scn;
    controls ctl;
    steady_params par;
    steady_result res;
} fixture;

static void add_node(fixture *f, const char *id, node_kind kind, double height)
{
    int n = network_add_node(&f->net, id, kind, 0);
    assert_true(n >= 0);
    net_node *node = &f->net.nodes[n];
    node->height = height;
    node->p_max = 100 * BAR;
    gas_quality *g = &node->gas;
    g->temperature = 288.15;
    g->norm_density = 0.785;
    g->molar_mass = 0.0185674;
    g->pc = 45.9293457336 * BAR;
    g->tc = 188.549758911;
}

static int add_pipe(fixture *f, const char *id, const char *from, const char *to, double length, double diameter,
                    double roughness)
{
    int a = network_add_arc(&f->net, id, ARC_PIPE, 0);
    assert_true(a >= 0);
    net_arc *arc = &f->net.arcs[a];
    arc->from = network_find_node(&f->net, from);
    arc->to = network_find_node(&f->net, to);
    arc->length = length;
    arc->diameter = diameter;
    arc->roughness = roughness;
    return a;
}

static int add_arc(fixture *f, const char *id, arc_kind kind, const char *from, const char *to)
{
    int a = network_add_arc(&f->net, id, kind, 0);
    assert_true(a >= 0);
    f->net.arcs[a].from = network_find_node(&f->net, from);
    f->net.arcs[a].to = network_find_node(&f->net, to);
    return a;
}

/* Ready the nomination and controls once every element is in. */
static void finish(fixture *f)
{
    assert_int_equal(scenario_init(&f->scn, f->net.n_nodes), 0);
    assert_int_equal(controls_init(&f->ctl, f->net.n_arcs), 0);
}

/* Withdrawal in kg/s at node id (converted to the scenario's norm m^3/s). */
static void withdraw(fixture *f, const char *id, double kg_s)
{
    int n = network_find_node(&f->net, id);
    f->scn.flow_lo[n] = f->scn.flow_hi[n] = kg_s / 0.785;
}

static void fix_pressure(fixture *f, const char *id, double p)
{
    int n = network_find_node(&f->net, id);
    f->scn.p_lo[n] = f->scn.p_hi[n] = p;
    f->scn.p_fixed[n] = 1;
}

/* Solves the fixture with opt; err receives the solver's message. */
static gf_status solve_with(fixture *f, const gf_options *opt, error_info *err)
{
    assert_int_equal(steady_resolve_params(&f->net, &f->scn, opt, &f->par, err), GF_OK);
    assert_int_equal(steady_result_init(&f->res, f->net.n_nodes, f->net.n_arcs), 0);
    assert_int_equal(network_seal(&f->net), 0);
    return steady_solve(&f->net, &f->scn, &f->ctl, NULL, &f->par, NULL, &f->res, err);
}

static gf_status solve(fixture *f, gf_gas_law law, gf_friction_law fr, double lambda)
{
    gf_options opt;
    gf_options_default(&opt);
    opt.gas_law = law;
    opt.friction = fr;
    opt.lambda_constant = lambda;
    opt.tolerance = 1e-13;
    error_info err = {0};
    gf_status st = solve_with(f, &opt, &err);
    if (st != GF_OK)
        print_message("solve: %s\n", err.msg);
    return st;
}

static void release(fixture *f)
{
    steady_result_free(&f->res);
    controls_free(&f->ctl);
    scenario_free(&f->scn);
    network_free(&f->net);
}

static double p_at(const fixture *f, const char *id)
{
    return f->res.p[network_find_node(&f->net, id)];
}

static double q_of(const fixture *f, const char *id)
{
    return f->res.q[network_find_arc(&f->net, id)];
}

/* Closed form for an isothermal pipe with constant z and lambda. */
static double closed_form_outlet(double p_in, double q, double length, double d, double lambda, double rs, double t,
                                 double z, double dh)
{
    double area = 0.25 * PI * d * d;
    double a = lambda * rs * t * z * q * fabs(q) / (d * area * area);
    double s = 2.0 * 9.80665 * dh / (rs * t * z);
    double pout2 = fabs(s) > 0.0 ? exp(-s) * p_in * p_in - a * length * (1.0 - exp(-s)) / s : p_in * p_in - a * length;
    return sqrt(pout2);
}

static void single_pipe(double dh, double q, int reversed)
{
    fixture f;
    network_init(&f.net);
    add_node(&f, "in", NODE_SOURCE, 100.0);
    add_node(&f, "out", NODE_SINK, 100.0 + dh);
    if (reversed)
        add_pipe(&f, "p", "out", "in", 80e3, 0.5, 1e-4);
    else
        add_pipe(&f, "p", "in", "out", 80e3, 0.5, 1e-4);
    finish(&f);
    fix_pressure(&f, "in", 70 * BAR);
    withdraw(&f, "in", -q);
    withdraw(&f, "out", q);
    assert_int_equal(solve(&f, GF_GAS_IDEAL, GF_FRICTION_NIKURADSE, 0), GF_OK);
    double lambda = pow(2.0 * log10(0.5 / 1e-4) + 1.138, -2.0);
    double expect = closed_form_outlet(70 * BAR, q, 80e3, 0.5, lambda, f.par.r_s, f.par.temperature, 1.0, dh);
    double got = p_at(&f, "out");
    assert_true(fabs(got - expect) <= 1e-9 * expect);
    assert_true(fabs(q_of(&f, "p") - (reversed ? -q : q)) <= 1e-9 * q);
    assert_true(f.res.mass_residual <= 1e-9);
    release(&f);
}

static void test_pipe_horizontal(void **state)
{
    (void)state;
    single_pipe(0.0, 40.0, 0);
}

static void test_pipe_uphill(void **state)
{
    (void)state;
    single_pipe(500.0, 40.0, 0);
}

static void test_pipe_downhill(void **state)
{
    (void)state;
    single_pipe(-300.0, 40.0, 0);
}

static void test_pipe_reversed_inclined(void **state)
{
    (void)state;
    single_pipe(250.0, 30.0, 1);
}

/* Yamal-Europe (Brouwer, Gasser, Herty 2011; physics.md §5): D 1.422 m,
 * L 122 km, lambda 0.01065, T 285.11 K, specific gravity 0.55336, z = 1,
 * p_in 84 bar: 401.52 kg/s -> 78.69 bar, 602.28 kg/s -> 71.50 bar. */
static void yamal(double q, double expect_bar)
{
    fixture f;
    network_init(&f.net);
    add_node(&f, "in", NODE_SOURCE, 0.0);
    add_node(&f, "out", NODE_SINK, 0.0);
    for (int k = 0; k < 2; k++) {
        f.net.nodes[k].gas.molar_mass = 0.55336 * 0.0289647;
        f.net.nodes[k].gas.temperature = 285.11;
    }
    add_pipe(&f, "yamal", "in", "out", 122e3, 1.422, 1e-5);
    finish(&f);
    fix_pressure(&f, "in", 84 * BAR);
    withdraw(&f, "in", -q);
    withdraw(&f, "out", q);
    assert_int_equal(solve(&f, GF_GAS_IDEAL, GF_FRICTION_CONSTANT, 0.01065), GF_OK);
    assert_true(fabs(p_at(&f, "out") / BAR - expect_bar) < 0.01);
    release(&f);
}

static void test_yamal_low(void **state)
{
    (void)state;
    yamal(401.52, 78.69);
}

static void test_yamal_high(void **state)
{
    (void)state;
    yamal(602.28, 71.50);
}

/* A mesh of five pipes: s (held at 70 bar) feeds b (35 kg/s) and c
 * (50 kg/s) over a and directly. */
static void build_mesh(fixture *f)
{
    network_init(&f->net);
    add_node(f, "s", NODE_SOURCE, 0.0);
    add_node(f, "a", NODE_INNODE, 0.0);
    add_node(f, "b", NODE_SINK, 0.0);
    add_node(f, "c", NODE_SINK, 0.0);
    add_pipe(f, "sa", "s", "a", 30e3, 0.6, 5e-5);
    add_pipe(f, "ab", "a", "b", 40e3, 0.5, 5e-5);
    add_pipe(f, "ac", "a", "c", 25e3, 0.4, 5e-5);
    add_pipe(f, "bc", "b", "c", 20e3, 0.3, 5e-5);
    add_pipe(f, "sc", "s", "c", 70e3, 0.5, 5e-5);
    finish(f);
    fix_pressure(f, "s", 70 * BAR);
    withdraw(f, "b", 35.0);
    withdraw(f, "c", 50.0);
}

/* A meshed network: every node balances and every loop of pipes closes
 * (the per-pipe closed form holds on each pipe with its own flow). */
static void test_meshed_conservation(void **state)
{
    (void)state;
    fixture f;
    build_mesh(&f);
    assert_int_equal(solve(&f, GF_GAS_IDEAL, GF_FRICTION_NIKURADSE, 0), GF_OK);
    assert_true(f.res.mass_residual < 1e-9);
    assert_true(fabs(f.res.withdrawal[network_find_node(&f.net, "s")] + 85.0) < 1e-9);
    /* each pipe obeys its closed form with the solved flow */
    for (size_t a = 0; a < f.net.n_arcs; a++) {
        const net_arc *arc = &f.net.arcs[a];
        double q = f.res.q[a];
        double lambda = pow(2.0 * log10(arc->diameter / arc->roughness) + 1.138, -2.0);
        double pin = f.res.p[arc->from];
        double expect =
            closed_form_outlet(pin, q, arc->length, arc->diameter, lambda, f.par.r_s, f.par.temperature, 1.0, 0.0);
        assert_true(fabs(f.res.p[arc->to] - expect) <= 1e-8 * expect);
    }
    release(&f);
}

/* Solves f (sealed) into its result and into a fresh one: the two agree
 * bit for bit. */
static void assert_same_as_fresh(fixture *f)
{
    error_info err = {0};
    gf_status st = steady_solve(&f->net, &f->scn, &f->ctl, NULL, &f->par, NULL, &f->res, &err);
    if (st != GF_OK)
        print_error("solve: %s\n", err.msg);
    assert_int_equal(st, GF_OK);
    steady_result fresh;
    assert_int_equal(steady_result_init(&fresh, f->net.n_nodes, f->net.n_arcs), 0);
    assert_int_equal(steady_solve(&f->net, &f->scn, &f->ctl, NULL, &f->par, NULL, &fresh, &err), GF_OK);
    for (size_t n = 0; n < f->net.n_nodes; n++)
        assert_true(fresh.p[n] == f->res.p[n] && fresh.withdrawal[n] == f->res.withdrawal[n]);
    for (size_t a = 0; a < f->net.n_arcs; a++)
        assert_true(fresh.q[a] == f->res.q[a]);
    assert_int_equal(fresh.iterations, f->res.iterations);
    steady_result_free(&fresh);
}

/* A second solve of the same pattern (another nomination) reuses the
 * matrix structure and symbolic analysis the first one left in the result,
 * and gives what a solve with a fresh result gives; so does a solve after
 * one with another pattern (a second reference). */
static void test_analysis_reused(void **state)
{
    (void)state;
    fixture f;
    build_mesh(&f);
    assert_int_equal(solve(&f, GF_GAS_AGA, GF_FRICTION_COLEBROOK, 0), GF_OK);
    const sparse_cache *kept = f.res.analysis;
    assert_non_null(kept->kept.mf);
    const mf_symbolic *first = kept->kept.mf;
    const int *structure = kept->kept.colptr;
    withdraw(&f, "b", 20.0);
    withdraw(&f, "c", 60.0);
    assert_same_as_fresh(&f);
    /* taken and given back: neither sorted nor analysed anew */
    assert_true(kept->kept.mf == first && kept->kept.colptr == structure);
    fix_pressure(&f, "b", 65 * BAR);
    assert_same_as_fresh(&f);
    assert_true(kept->kept.colptr != structure);
    f.scn.p_fixed[network_find_node(&f.net, "b")] = 0;
    f.scn.p_lo[network_find_node(&f.net, "b")] = f.scn.p_hi[network_find_node(&f.net, "b")] = NAN;
    assert_same_as_fresh(&f);
    release(&f);
}

/* The set-up kept in the result (steady_memo): a solve that agrees with
 * the last one in modes, set points, gas parameters and references takes
 * it, and gives what a solve with a fresh result gives, bit for bit; one
 * that differs in any of these, or comes after the network was sealed
 * again, sets up afresh (and gives the same bits as a fresh one too). The
 * network has a supernode (a short pipe), a mesh, a tree of two pipes, a
 * valve and two sources. */
static void test_setup_reused(void **state)
{
    (void)state;
    fixture f;
    network_init(&f.net);
    add_node(&f, "s", NODE_SOURCE, 0.0);
    add_node(&f, "t", NODE_SOURCE, 10.0);
    add_node(&f, "s2", NODE_INNODE, 0.0);
    add_node(&f, "a", NODE_INNODE, 20.0);
    add_node(&f, "b", NODE_SINK, 0.0);
    add_node(&f, "c", NODE_SINK, -15.0);
    add_node(&f, "d", NODE_SINK, 0.0);
    add_node(&f, "e", NODE_SINK, 40.0);
    add_arc(&f, "sp", ARC_SHORT_PIPE, "s", "s2");
    add_pipe(&f, "s2a", "s2", "a", 30e3, 0.6, 5e-5);
    add_pipe(&f, "ab", "a", "b", 40e3, 0.5, 5e-5);
    add_pipe(&f, "ac", "a", "c", 25e3, 0.4, 5e-5);
    add_pipe(&f, "bc", "b", "c", 20e3, 0.3, 5e-5);
    add_pipe(&f, "sc", "s", "c", 70e3, 0.5, 5e-5);
    add_pipe(&f, "tb", "t", "b", 15e3, 0.5, 5e-5);
    add_pipe(&f, "cd", "c", "d", 10e3, 0.3, 5e-5);
    add_pipe(&f, "de", "d", "e", 12e3, 0.2, 5e-5);
    int valve = add_arc(&f, "v", ARC_VALVE, "b", "c");
    finish(&f);
    withdraw(&f, "s", -60.0);
    withdraw(&f, "t", -25.0);
    withdraw(&f, "b", 35.0);
    withdraw(&f, "c", 30.0);
    withdraw(&f, "d", 12.0);
    withdraw(&f, "e", 8.0);
    /* the default reference: s, the larger entry, at its pressureMax */
    assert_int_equal(solve(&f, GF_GAS_PAPAY, GF_FRICTION_COLEBROOK, 0), GF_OK);
    /* two sources of one gas mix to exactly that gas */
    assert_true(f.par.temperature == 288.15 && f.par.r_s == GAS_R_UNIVERSAL / 0.0185674 && f.par.rho_n == 0.785);
    const steady_memo *memo = f.res.setup;
    assert_true(memo->valid && memo->taken == 0);
    /* another nomination of the same shape */
    withdraw(&f, "b", 30.0);
    withdraw(&f, "e", 13.0);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 1);
    /* other modes: the valve closed, and open again */
    f.ctl.arcs[valve].mode = GF_MODE_CLOSED;
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 1);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 2);
    f.ctl.arcs[valve].mode = GF_MODE_NONE;
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 2);
    /* a leaf of the tree held at a pressure: the peeling stops short of it */
    fix_pressure(&f, "e", 40 * BAR);
    withdraw(&f, "e", 0.0);
    withdraw(&f, "s", -53.0);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 2);
    f.scn.p_fixed[network_find_node(&f.net, "e")] = 0;
    f.scn.p_lo[network_find_node(&f.net, "e")] = f.scn.p_hi[network_find_node(&f.net, "e")] = NAN;
    withdraw(&f, "e", 13.0);
    withdraw(&f, "s", -60.0);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 2);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 3);
    /* the larger entry moves to t, and the default reference with it */
    withdraw(&f, "s", -25.0);
    withdraw(&f, "t", -60.0);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 3);
    assert_true(f.res.is_reference[network_find_node(&f.net, "t")]);
    /* another gas temperature changes the laws' constants */
    gf_options opt;
    gf_options_default(&opt);
    opt.gas_law = GF_GAS_PAPAY;
    opt.friction = GF_FRICTION_COLEBROOK;
    opt.lambda_constant = 0.0;
    opt.tolerance = 1e-13;
    opt.temperature = 300.0;
    error_info err = {0};
    assert_int_equal(steady_resolve_params(&f.net, &f.scn, &opt, &f.par, &err), GF_OK);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 3);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 4);
    /* a pipe changed and the network sealed again: set up afresh */
    f.net.arcs[network_find_arc(&f.net, "ab")].length = 35e3;
    assert_int_equal(network_seal(&f.net), 0);
    assert_same_as_fresh(&f);
    assert_true(memo->taken == 4);
    release(&f);
}

/* A level 60 x 60 grid of 2 km, 600 mm pipes with a real gas: its node
 * system is large enough for the sparse layer's symmetric path (LDL' of
 * the symmetric part, refined against the full Jacobian, whose real-gas
 * terms make it slightly asymmetric). A solve there converges as Newton
 * with the exact Jacobian does: 5 iterations to a relative tolerance of
 * 1e-13, the source supplying the withdrawals to 1e-9 of their sum. */
static void test_grid_symmetric_path(void **state)
{
    (void)state;
    enum { R = 60, C = 60 };
    fixture f;
    char id[32], a[32], b[32];
    network_init(&f.net);
    for (int k = 0; k < R * C; k++) {
        snprintf(id, sizeof id, "n%d", k);
        add_node(&f, id, k == (R / 2) * C + C / 2 ? NODE_SOURCE : NODE_SINK, 0.0);
    }
    for (int k = 0; k < R * C; k++) {
        int x = k % C, y = k / C;
        snprintf(a, sizeof a, "n%d", k);
        if (x + 1 < C) {
            snprintf(id, sizeof id, "h%d", k);
            snprintf(b, sizeof b, "n%d", k + 1);
            add_pipe(&f, id, a, b, 2e3, 0.6, 5e-5);
        }
        if (y + 1 < R) {
            snprintf(id, sizeof id, "v%d", k);
            snprintf(b, sizeof b, "n%d", k + C);
            add_pipe(&f, id, a, b, 2e3, 0.6, 5e-5);
        }
    }
    finish(&f);
    int src = (R / 2) * C + C / 2;
    double total = 0.0;
    for (int k = 0; k < R * C; k++) {
        if (k == src || k % 5 != 0)
            continue; /* every fifth node withdraws */
        snprintf(id, sizeof id, "n%d", k);
        double q = 0.5 + 1.0 * ((k * 104729) % 10) / 10.0;
        withdraw(&f, id, q);
        total += q;
    }
    snprintf(id, sizeof id, "n%d", src);
    fix_pressure(&f, id, 70 * BAR);
    withdraw(&f, id, -total);
    assert_int_equal(solve(&f, GF_GAS_AGA, GF_FRICTION_NIKURADSE, 0), GF_OK);
    const sparse_cache *kept = f.res.analysis;
    assert_non_null(kept->kept.mf);
    assert_non_null(kept->kept.tpos); /* the symmetric path */
    assert_int_equal(kept->kept.unsym, 0);
    assert_true(f.res.iterations <= 5);
    assert_true(f.res.mass_residual <= 1e-9);
    assert_true(f.res.law_residual <= 1e-13 * 70 * BAR);
    assert_true(fabs(f.res.withdrawal[src] + total) <= 1e-9 * total);
    release(&f);
}

/* The same mesh with a real gas and Colebrook: converges, balances. */
static void test_meshed_real_gas(void **state)
{
    (void)state;
    static const gf_gas_law laws[] = {GF_GAS_PAPAY, GF_GAS_AGA};
    static const gf_friction_law frs[] = {GF_FRICTION_COLEBROOK, GF_FRICTION_HOFER, GF_FRICTION_SWAMEE_JAIN};
    for (int l = 0; l < 2; l++) {
        for (int k = 0; k < 3; k++) {
            fixture f;
            network_init(&f.net);
            add_node(&f, "s", NODE_SOURCE, 0.0);
            add_node(&f, "a", NODE_INNODE, 120.0);
            add_node(&f, "b", NODE_SINK, -40.0);
            add_pipe(&f, "sa", "s", "a", 30e3, 0.6, 5e-5);
            add_pipe(&f, "ab", "a", "b", 40e3, 0.5, 5e-5);
            add_pipe(&f, "sb", "s", "b", 60e3, 0.4, 5e-5);
            finish(&f);
            fix_pressure(&f, "s", 70 * BAR);
            withdraw(&f, "b", 60.0);
            assert_int_equal(solve(&f, laws[l], frs[k], 0), GF_OK);
            assert_true(f.res.mass_residual < 1e-9);
            assert_true(fabs(q_of(&f, "sa") + q_of(&f, "sb") - 60.0) < 1e-9);
            assert_true(p_at(&f, "b") < 70 * BAR);
            release(&f);
        }
    }
}

/* Short pipes and open valves join nodes at one pressure; their flows come
 * from the balances. A closed valve carries nothing. */
static void test_lossless_and_closed(void **state)
{
    (void)state;
    fixture f;
    network_init(&f.net);
    add_node(&f, "s", NODE_SOURCE, 0.0);
    add_node(&f, "a", NODE_INNODE, 0.0);
    add_node(&f, "b", NODE_SINK, 0.0);
    add_node(&f, "c", NODE_SINK, 0.0);
    add_arc(&f, "sp", ARC_SHORT_PIPE, "s", "a");
    add_pipe(&f, "ab", "a", "b", 20e3, 0.5, 5e-5);
    add_arc(&f, "v", ARC_VALVE, "b", "c");
    int closed = add_arc(&f, "vc", ARC_VALVE, "s", "c");
    finish(&f);
    f.ctl.arcs[closed].mode = GF_MODE_CLOSED;
    fix_pressure(&f, "s", 60 * BAR);
    withdraw(&f, "b", 10.0);
    withdraw(&f, "c", 15.0);
    assert_int_equal(solve(&f, GF_GAS_AGA, GF_FRICTION_COLEBROOK, 0), GF_OK);
    assert_true(fabs(p_at(&f, "a") - 60 * BAR) < 1e-6);
    assert_true(fabs(p_at(&f, "b") - p_at(&f, "c")) < 1e-6);
    assert_true(fabs(q_of(&f, "sp") - 25.0) < 1e-9);
    assert_true(fabs(q_of(&f, "v") - 15.0) < 1e-9);
    assert_true(q_of(&f, "vc") == 0.0);
    assert_true(f.res.mass_residual < 1e-9);
    release(&f);
}

/* A station at a fixed outlet pressure holds it; at a fixed ratio it holds
 * p_out = r p_in; a regulator holds its outlet; a station at a fixed inlet
 * pressure draws whatever brings its suction there. */
static void test_active_elements(void **state)
{
    (void)state;
    for (int variant = 0; variant < 4; variant++) {
        fixture f;
        network_init(&f.net);
        add_node(&f, "s", NODE_SOURCE, 0.0);
        add_node(&f, "a", NODE_INNODE, 0.0);
        add_node(&f, "b", NODE_INNODE, 0.0);
        add_node(&f, "c", NODE_SINK, 0.0);
        add_pipe(&f, "sa", "s", "a", 50e3, 0.5, 5e-5);
        int cs = add_arc(&f, "cs", variant == 2 ? ARC_CONTROL_VALVE : ARC_COMPRESSOR, "a", "b");
        add_pipe(&f, "bc", "b", "c", 50e3, 0.5, 5e-5);
        finish(&f);
        fix_pressure(&f, "s", 60 * BAR);
        withdraw(&f, "c", 30.0);
        f.ctl.arcs[cs].mode = variant == 1 ? GF_MODE_RATIO : variant == 3 ? GF_MODE_INLET : GF_MODE_OUTLET;
        f.ctl.arcs[cs].value = variant == 0 ? 70 * BAR : variant == 1 ? 1.3 : variant == 2 ? 45 * BAR : 55 * BAR;
        assert_int_equal(solve(&f, GF_GAS_AGA, GF_FRICTION_NIKURADSE, 0), GF_OK);
        if (variant == 1)
            assert_true(fabs(p_at(&f, "b") - 1.3 * p_at(&f, "a")) < 1e-6);
        else if (variant == 3)
            assert_true(fabs(p_at(&f, "a") - 55 * BAR) < 1e-6);
        else
            assert_true(fabs(p_at(&f, "b") - f.ctl.arcs[cs].value) < 1e-6);
        if (variant == 3) {
            /* the suction fixes the station's flow: what the first pipe carries
             * from 60 to 55 bar; the outlet side's reference takes the rest */
            assert_true(fabs(q_of(&f, "cs") - q_of(&f, "sa")) < 1e-9);
            assert_true(q_of(&f, "cs") > 30.0);
        } else {
            assert_true(fabs(q_of(&f, "cs") - 30.0) < 1e-9);
        }
        assert_true(f.res.mass_residual < 1e-9);
        release(&f);
    }
}

/* A fixed-loss resistor beside a pipe: while the pipe drops less than the
 * loss, the resistor carries almost nothing (below 1 % of the throughput,
 * its tanh ramp); above it, it holds its loss in its flow direction to
 * 1e-4 (its small stabilising slope), either way round. */
static void test_fixed_loss_resistor(void **state)
{
    (void)state;
    static const struct {
        double q;     /* kg/s withdrawn at b */
        int reversed; /* resistor drawn b -> a */
    } cases[] = {{5.0, 0}, {60.0, 0}, {60.0, 1}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        fixture f;
        network_init(&f.net);
        add_node(&f, "a", NODE_SOURCE, 0.0);
        add_node(&f, "b", NODE_SINK, 0.0);
        add_pipe(&f, "ab", "a", "b", 30e3, 0.3, 5e-5);
        int r = cases[k].reversed ? add_arc(&f, "r", ARC_RESISTOR, "b", "a") : add_arc(&f, "r", ARC_RESISTOR, "a", "b");
        f.net.arcs[r].pressure_loss = 1.0 * BAR;
        finish(&f);
        fix_pressure(&f, "a", 60 * BAR);
        withdraw(&f, "b", cases[k].q);
        assert_int_equal(solve(&f, GF_GAS_IDEAL, GF_FRICTION_NIKURADSE, 0), GF_OK);
        double dp = p_at(&f, "a") - p_at(&f, "b");
        double qr = q_of(&f, "r") * (cases[k].reversed ? -1.0 : 1.0);
        if (cases[k].q < 10.0) {
            assert_true(fabs(qr) < 0.01 * cases[k].q);
            assert_true(dp > 0.0 && dp < 1.0 * BAR);
        } else {
            assert_true(fabs(dp - 1.0 * BAR) <= 1e-4 * BAR);
            assert_true(qr > 1.0);
        }
        assert_true(fabs(q_of(&f, "ab") + qr - cases[k].q) < 1e-9);
        release(&f);
    }
}

/* Zero flow everywhere: pressures follow the heights only. */
static void test_zero_flow_static_head(void **state)
{
    (void)state;
    fixture f;
    network_init(&f.net);
    add_node(&f, "s", NODE_SOURCE, 0.0);
    add_node(&f, "top", NODE_SINK, 800.0);
    add_pipe(&f, "up", "s", "top", 10e3, 0.5, 5e-5);
    finish(&f);
    fix_pressure(&f, "s", 50 * BAR);
    assert_int_equal(solve(&f, GF_GAS_IDEAL, GF_FRICTION_COLEBROOK, 0), GF_OK);
    double s = 2.0 * 9.80665 * 800.0 / (f.par.r_s * f.par.temperature);
    double expect = 50 * BAR * exp(-0.5 * s);
    assert_true(fabs(p_at(&f, "top") - expect) <= 1e-9 * expect);
    assert_true(fabs(q_of(&f, "up")) < 1e-9);
    release(&f);
}

/* Two nodes, one pipe, s -> b nominated at the given flows; the solve
 * must refuse the problem with a message containing each needle. */
static void expect_refused(double inflow, double outflow, int with_pmax, const char *needle1, const char *needle2)
{
    fixture f;
    network_init(&f.net);
    add_node(&f, "s", NODE_SOURCE, 0.0);
    add_node(&f, "b", NODE_SINK, 0.0);
    add_pipe(&f, "sb", "s", "b", 10e3, 0.5, 5e-5);
    if (!with_pmax)
        f.net.nodes[0].p_max = f.net.nodes[1].p_max = NAN;
    finish(&f);
    withdraw(&f, "s", -inflow);
    withdraw(&f, "b", outflow);
    gf_options opt;
    gf_options_default(&opt);
    error_info err = {0};
    assert_int_equal(solve_with(&f, &opt, &err), GF_ERR_INPUT);
    assert_non_null(strstr(err.msg, needle1));
    assert_non_null(strstr(err.msg, needle2));
    release(&f);
}

/* A pipe whose roughness leaves the chosen friction law without a value
 * (Colebrook needs k < 3.71 D) is refused at set-up, naming the pipe and
 * the law, instead of failing later as a pressure that falls to zero. */
static void test_friction_undefined_refused(void **state)
{
    (void)state;
    fixture f;
    network_init(&f.net);
    add_node(&f, "in", NODE_SOURCE, 0.0);
    add_node(&f, "out", NODE_SINK, 0.0);
    add_pipe(&f, "p", "in", "out", 10e3, 0.5, 2.0);
    finish(&f);
    fix_pressure(&f, "in", 70 * BAR);
    withdraw(&f, "in", -10.0);
    withdraw(&f, "out", 10.0);
    gf_options opt;
    gf_options_default(&opt);
    opt.friction = GF_FRICTION_COLEBROOK;
    error_info err = {0};
    assert_int_equal(solve_with(&f, &opt, &err), GF_ERR_INPUT);
    assert_non_null(strstr(err.msg, "pipe 'p'"));
    assert_non_null(strstr(err.msg, "Colebrook"));
    assert_non_null(strstr(err.msg, "k/D 4"));
    release(&f);
}

/* An unbalanced nomination (20 % off) is refused. */
static void test_unbalanced_refused(void **state)
{
    (void)state;
    expect_refused(10.0, 12.0, 1, "cannot balance", "more than 0.1 %");
}

/* Without a fixed pressure and without any pressureMax to default to, a
 * part of the network has no pressure reference: refused, naming a node. */
static void test_no_reference_refused(void **state)
{
    (void)state;
    expect_refused(10.0, 10.0, 0, "has no pressure reference", "node 's'");
}

/* A node added after the network was sealed leaves its view stale: the
 * solver refuses the network instead of reading the stale copies, and
 * sealing it again makes it solvable. */
static void test_unsealed_refused(void **state)
{
    (void)state;
    fixture f;
    network_init(&f.net);
    add_node(&f, "s", NODE_SOURCE, 0.0);
    add_node(&f, "b", NODE_SINK, 0.0);
    add_pipe(&f, "sb", "s", "b", 50e3, 0.5, 5e-5);
    assert_int_equal(network_seal(&f.net), 0);
    add_node(&f, "c", NODE_SINK, 0.0);
    add_pipe(&f, "bc", "b", "c", 50e3, 0.5, 5e-5);
    finish(&f);
    fix_pressure(&f, "s", 60 * BAR);
    withdraw(&f, "c", 20.0);
    gf_options opt;
    gf_options_default(&opt);
    error_info err = {0};
    assert_int_equal(steady_resolve_params(&f.net, &f.scn, &opt, &f.par, &err), GF_OK);
    assert_int_equal(steady_result_init(&f.res, f.net.n_nodes, f.net.n_arcs), 0);
    assert_int_equal(steady_solve(&f.net, &f.scn, &f.ctl, NULL, &f.par, NULL, &f.res, &err), GF_ERR_ARG);
    assert_non_null(strstr(err.msg, "not sealed"));
    assert_int_equal(network_seal(&f.net), 0);
    assert_int_equal(steady_solve(&f.net, &f.scn, &f.ctl, NULL, &f.par, NULL, &f.res, &err), GF_OK);
    assert_true(fabs(f.res.q[1] - 20.0) <= 1e-9 * 20.0);
    release(&f);
}

/* More flow than the pipe can carry: a clear non-physical failure. */
static void test_infeasible_reported(void **state)
{
    (void)state;
    fixture f;
    network_init(&f.net);
    add_node(&f, "s", NODE_SOURCE, 0.0);
    add_node(&f, "b", NODE_SINK, 0.0);
    add_pipe(&f, "sb", "s", "b", 200e3, 0.3, 5e-5);
    finish(&f);
    fix_pressure(&f, "s", 50 * BAR);
    withdraw(&f, "b", 500.0);
    gf_status st = solve(&f, GF_GAS_IDEAL, GF_FRICTION_NIKURADSE, 0);
    assert_true(st == GF_ERR_NONPHYSICAL || st == GF_ERR_NOT_CONVERGED);
    release(&f);
}

/* A solve stopped early names the worst imbalance among the nodes Newton
 * balances: a sink on a peeled branch balances by construction, however
 * large its withdrawal. */
static void test_failure_names_core_imbalance(void **state)
{
    (void)state;
    fixture f;
    network_init(&f.net);
    add_node(&f, "s", NODE_SOURCE, 0.0);
    add_node(&f, "a", NODE_SINK, 0.0);
    add_node(&f, "b", NODE_INNODE, 0.0);
    add_node(&f, "leaf", NODE_SINK, 0.0);
    add_pipe(&f, "sa", "s", "a", 50e3, 0.5, 5e-5);
    add_pipe(&f, "ab", "a", "b", 50e3, 0.5, 5e-5);
    add_pipe(&f, "bs", "b", "s", 50e3, 0.5, 5e-5);
    add_pipe(&f, "bl", "b", "leaf", 20e3, 0.5, 5e-5);
    finish(&f);
    fix_pressure(&f, "s", 70 * BAR);
    withdraw(&f, "a", 1.0);
    withdraw(&f, "leaf", 50.0);
    gf_options opt;
    gf_options_default(&opt);
    opt.max_iterations = 1;
    error_info err = {0};
    assert_int_equal(solve_with(&f, &opt, &err), GF_ERR_NOT_CONVERGED);
    assert_non_null(strstr(err.msg, "did not converge in 1 iterations"));
    if (strstr(err.msg, "imbalance at node 'leaf'"))
        fail_msg("%s", err.msg);
    release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_failure_names_core_imbalance),
        cmocka_unit_test(test_pipe_horizontal),
        cmocka_unit_test(test_pipe_uphill),
        cmocka_unit_test(test_pipe_downhill),
        cmocka_unit_test(test_pipe_reversed_inclined),
        cmocka_unit_test(test_yamal_low),
        cmocka_unit_test(test_yamal_high),
        cmocka_unit_test(test_meshed_conservation),
        cmocka_unit_test(test_meshed_real_gas),
        cmocka_unit_test(test_grid_symmetric_path),
        cmocka_unit_test(test_lossless_and_closed),
        cmocka_unit_test(test_active_elements),
        cmocka_unit_test(test_fixed_loss_resistor),
        cmocka_unit_test(test_zero_flow_static_head),
        cmocka_unit_test(test_friction_undefined_refused),
        cmocka_unit_test(test_unbalanced_refused),
        cmocka_unit_test(test_no_reference_refused),
        cmocka_unit_test(test_infeasible_reported),
        cmocka_unit_test(test_unsealed_refused),
        cmocka_unit_test(test_analysis_reused),
        cmocka_unit_test(test_setup_reused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
