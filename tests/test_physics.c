/* Unit tests of the physics laws (src/physics/gas.c, friction.c) against
 * the formulas of physics.md evaluated independently here with literal
 * numbers, published Moody-chart values, and central finite differences for
 * every analytic derivative. Tolerances are stated at each assertion. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "physics/friction.h"
#include "physics/gas.h"

#define BAR 1e5 /* Pa */

/* Fails with both numbers printed when |actual - expected| > rel |expected|. */
static void check_rel(double actual, double expected, double rel, const char *what)
{
    if (!(fabs(actual - expected) <= rel * fabs(expected))) {
        print_error("%s: got %.17g, expected %.17g (rel. error %.3g > %.3g)\n", what, actual, expected,
                    fabs(actual / expected - 1.0), rel);
        fail();
    }
}

/* ---- Gas laws ------------------------------------------------------------ */

/* The example point of the brief: 70 bar, 10 degC, methane-like pseudo-critical data. */
#define P_EX (70.0 * BAR)
#define T_EX 283.15
#define PC_EX (45.93 * BAR)
#define TC_EX 188.55

static void test_z_ideal_constant(void **state)
{
    gas_model g = {GF_GAS_IDEAL, 0.0, PC_EX, TC_EX};
    double dz = -1.0;
    (void)state;

    assert_true(gas_z(&g, P_EX, T_EX, &dz) == 1.0);
    assert_true(dz == 0.0);
    g.law = GF_GAS_CONSTANT;
    g.z0 = 0.87;
    assert_true(gas_z(&g, P_EX, T_EX, &dz) == 0.87);
    assert_true(dz == 0.0);
    assert_true(gas_z(&g, P_EX, T_EX, NULL) == 0.87); /* NULL derivative is allowed */
}

static void test_z_papay(void **state)
{
    gas_model g = {GF_GAS_PAPAY, 0.0, PC_EX, TC_EX};
    /* p_r = 70/45.93, T_r = 283.15/188.55 */
    double expected = 1.0 - 3.52 * (70.0 / 45.93) * exp(-2.260 * (283.15 / 188.55)) +
                      0.274 * (70.0 / 45.93) * (70.0 / 45.93) * exp(-1.878 * (283.15 / 188.55));
    (void)state;

    check_rel(gas_z(&g, P_EX, T_EX, NULL), expected, 1e-14, "Papay z(70 bar, 283.15 K)");
    /* The same number computed by hand (Python, double precision). */
    check_rel(gas_z(&g, P_EX, T_EX, NULL), 0.8577929242082288, 1e-12, "Papay z literal");
}

static void test_z_aga(void **state)
{
    gas_model g = {GF_GAS_AGA, 0.0, PC_EX, TC_EX};
    double expected = 1.0 + 0.257 * (70.0 / 45.93) - 0.533 * (70.0 / 45.93) / (283.15 / 188.55);
    (void)state;

    check_rel(gas_z(&g, P_EX, T_EX, NULL), expected, 1e-14, "AGA z(70 bar, 283.15 K)");
    check_rel(gas_z(&g, P_EX, T_EX, NULL), 0.8507558527419996, 1e-12, "AGA z literal");
}

/* dz/dp against central differences over 1..120 bar and 250..330 K. Both
 * laws are at most quadratic in p, so the difference quotient with h = 1e-4 p
 * is exact up to rounding (~1e-11 relative): rel 1e-9, tighter than 1e-6. */
static void test_z_derivative(void **state)
{
    const gf_gas_law laws[] = {GF_GAS_PAPAY, GF_GAS_AGA};
    const double ps[] = {1.0 * BAR, 10.0 * BAR, 45.0 * BAR, 70.0 * BAR, 120.0 * BAR};
    const double ts[] = {250.0, 283.15, 330.0};
    size_t il, ip, it;
    (void)state;

    for (il = 0; il < 2; ++il) {
        gas_model g = {laws[il], 0.0, PC_EX, TC_EX};
        for (ip = 0; ip < 5; ++ip) {
            for (it = 0; it < 3; ++it) {
                double p = ps[ip], t = ts[it], h = 1e-4 * p, dz;
                double fd = (gas_z(&g, p + h, t, NULL) - gas_z(&g, p - h, t, NULL)) / (2.0 * h);
                gas_z(&g, p, t, &dz);
                check_rel(dz, fd, 1e-9, il == 0 ? "Papay dz/dp vs FD" : "AGA dz/dp vs FD");
            }
        }
    }
}

/* The polynomial prepared for one temperature gives gas_z and dz/dp to
 * rounding, for every law. */
static void test_z_prepared(void **state)
{
    const gf_gas_law laws[] = {GF_GAS_IDEAL, GF_GAS_CONSTANT, GF_GAS_PAPAY, GF_GAS_AGA};
    const double ps[] = {0.0, 1.0 * BAR, 45.0 * BAR, 70.0 * BAR, 120.0 * BAR};
    const double ts[] = {250.0, 283.15, 330.0};
    (void)state;

    for (size_t il = 0; il < 4; ++il) {
        gas_model g = {laws[il], 0.91, PC_EX, TC_EX};
        for (size_t it = 0; it < 3; ++it) {
            gas_z_poly c;
            gas_z_prepare(&g, ts[it], &c);
            for (size_t ip = 0; ip < 5; ++ip) {
                double dz, dz_at;
                double z = gas_z(&g, ps[ip], ts[it], &dz);
                double z_at = gas_z_at(&c, ps[ip], &dz_at);
                check_rel(z_at, z, 1e-14, "prepared z");
                assert_true(fabs(dz_at - dz) <= 1e-14 * fabs(dz) + 1e-30);
            }
        }
    }
    gas_model unknown = {(gf_gas_law)99, 1.0, PC_EX, TC_EX};
    gas_z_poly c;
    gas_z_prepare(&unknown, 288.15, &c);
    assert_true(isnan(gas_z_at(&c, 50.0 * BAR, NULL)));
}

static void test_kappa(void **state)
{
    const double a = 31.8251781464, b = -0.00846800766885, c = 7.44647331885e-05, t = 283.15;
    double cp = a + b * t + c * t * t;
    double expected = cp / (cp - 8.314462618);
    (void)state;

    check_rel(gas_kappa(a, b, c, t), expected, 1e-14, "kappa methane-like");
    check_rel(gas_kappa(a, b, c, t), 1.306997860080593, 1e-12, "kappa literal");
    assert_true(gas_kappa(NAN, b, c, t) == 1.3);
    assert_true(gas_kappa(a, NAN, c, t) == 1.3);
    assert_true(gas_kappa(a, b, NAN, t) == 1.3);
}

/* The incline factor g(s) = (1 - e^-s) / s, its slope and e^-s against
 * their series summed to 30 terms in long double: g and e^-s to 5e-16
 * relative on both sides of |s| = 1/16, where gas_incline turns from its own
 * series to expm1; the slope to 5e-16 on the series and to 1e-14 beyond,
 * where the closed form loses digits (about 2e-16 / |s|). */
static void test_incline(void **state)
{
    static const double edge[] = {0.0, 1e-300, 1e-12, 1e-6, 1e-3, 0.01, 0.0625, 0.06250000000000001, 0.07, 0.2};
    (void)state;
    for (int n = 0; n < 2 * 10 + 4001; n++) {
        double s = n < 20 ? (n % 2 ? -edge[n / 2] : edge[n / 2]) : -0.2 + 0.4 * (n - 20) / 4000.0;
        long double g = 0.0L, dg = 0.0L, term = 1.0L; /* term = (-s)^k / (k+1)! */
        for (int k = 0; k <= 30; k++) {
            g += term;
            if (k < 30)
                dg += -(long double)(k + 1) * term / (long double)(k + 2);
            term *= -(long double)s / (long double)(k + 2);
        }
        double got_dg, got_alpha, got = gas_incline(s, &got_dg, &got_alpha);
        check_rel(got, (double)g, 5e-16, "incline g");
        check_rel(got_alpha, (double)expl(-(long double)s), 5e-16, "incline e^-s");
        check_rel(got_dg, (double)dg, fabs(s) <= 0.0625 ? 5e-16 : 1e-14, "incline dg/ds");
    }
}

/* ---- Friction laws ------------------------------------------------------- */

static const friction_model nikuradse = {GF_FRICTION_NIKURADSE, 0.0};
static const friction_model colebrook = {GF_FRICTION_COLEBROOK, 0.0};
static const friction_model hofer = {GF_FRICTION_HOFER, 0.0};
static const friction_model swamee_jain = {GF_FRICTION_SWAMEE_JAIN, 0.0};
static const friction_model constant = {GF_FRICTION_CONSTANT, 0.0123};

/* The Colebrook residual |1/sqrt(l) + 2 log10(r/3.71 + 2.51/(Re sqrt(l)))| relative to 1/sqrt(l). */
static double colebrook_residual(double re, double r, double lambda)
{
    double x = 1.0 / sqrt(lambda);
    return fabs(x + 2.0 * log10(r / 3.71 + 2.51 * x / re)) / x;
}

/* The implicit equation holds to 1e-14 relative over Re 1e3..1e8, k/D 0..0.05. */
static void test_colebrook_implicit(void **state)
{
    const double rs[] = {0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.05};
    size_t ir;
    int i;
    (void)state;

    for (ir = 0; ir < 7; ++ir) {
        for (i = 0; i <= 100; ++i) {
            double re = pow(10.0, 3.0 + 0.05 * i);
            double lambda = friction_law(&colebrook, re, rs[ir], NULL);
            double res = colebrook_residual(re, rs[ir], lambda);
            if (!(res <= 1e-14)) {
                print_error("Colebrook Re=%g k/D=%g: residual %.3g > 1e-14\n", re, rs[ir], res);
                fail();
            }
        }
    }
}

/* Moody-chart values (checked by solving Colebrook independently in Python:
 * 0.017990 and 0.013438), within 1 %. */
static void test_colebrook_moody(void **state)
{
    (void)state;
    check_rel(friction_law(&colebrook, 1e5, 0.0, NULL), 0.0180, 0.01, "Colebrook Re=1e5 smooth");
    check_rel(friction_law(&colebrook, 1e6, 1e-4, NULL), 0.0134, 0.01, "Colebrook Re=1e6 k/D=1e-4");
    /* and the 40-digit solution to 4 ulp */
    check_rel(friction_law(&colebrook, 1e5, 0.0, NULL), 0.01798977308427384, 1e-15, "Colebrook Re=1e5 smooth, exact");
}

/* The explicit laws within 1.5 % of Colebrook over Re 1e4..1e8 and
 * k/D 0..1e-3 (the range of transmission and distribution pipes; at
 * k/D = 1e-2 both deviate by ~2 %). */
static void test_explicit_vs_colebrook(void **state)
{
    const double rs[] = {0.0, 1e-6, 1e-5, 1e-4, 1e-3};
    size_t ir;
    int i;
    (void)state;

    for (ir = 0; ir < 5; ++ir) {
        for (i = 0; i <= 80; ++i) {
            double re = pow(10.0, 4.0 + 0.05 * i);
            double lc = friction_law(&colebrook, re, rs[ir], NULL);
            check_rel(friction_law(&swamee_jain, re, rs[ir], NULL), lc, 0.015, "Swamee-Jain vs Colebrook");
            check_rel(friction_law(&hofer, re, rs[ir], NULL), lc, 0.015, "Hofer vs Colebrook");
        }
    }
}

/* Hofer and Swamee-Jain against their formulas written out here. */
static void test_explicit_formulas(void **state)
{
    /* Hofer, Re = 1e6, k/D = 1e-4 and Re = 5e4 smooth */
    double h1 = 2.0 * log10(4.518 / 1e6 * log10(1e6 / 7.0) + 1e-4 / 3.71);
    double h2 = 2.0 * log10(4.518 / 5e4 * log10(5e4 / 7.0));
    /* Swamee-Jain, the same points */
    double s1 = log10(1e-4 / 3.7 + 5.74 / pow(1e6, 0.9));
    double s2 = log10(5.74 / pow(5e4, 0.9));
    (void)state;

    check_rel(friction_law(&hofer, 1e6, 1e-4, NULL), 1.0 / (h1 * h1), 1e-14, "Hofer Re=1e6 k/D=1e-4");
    check_rel(friction_law(&hofer, 5e4, 0.0, NULL), 1.0 / (h2 * h2), 1e-14, "Hofer Re=5e4 smooth");
    check_rel(friction_law(&swamee_jain, 1e6, 1e-4, NULL), 0.25 / (s1 * s1), 1e-14, "Swamee-Jain Re=1e6 k/D=1e-4");
    check_rel(friction_law(&swamee_jain, 5e4, 0.0, NULL), 0.25 / (s2 * s2), 1e-14, "Swamee-Jain Re=5e4 smooth");
}

/* Nikuradse for D = 0.5 m, k = 0.1 mm: (2 log10(5000) + 1.138)^-2 = 0.0137245
 * (the 0.01705 of the brief does not match this formula). */
static void test_nikuradse(void **state)
{
    double expected = 1.0 / ((2.0 * log10(0.5 / 1e-4) + 1.138) * (2.0 * log10(0.5 / 1e-4) + 1.138));
    double dl = -1.0;
    (void)state;

    check_rel(friction_law(&nikuradse, 1e6, 1e-4 / 0.5, &dl), expected, 1e-14, "Nikuradse D=0.5 k=0.1mm");
    check_rel(friction_law(&nikuradse, 1e6, 1e-4 / 0.5, NULL), 0.01372452402130078, 1e-12, "Nikuradse literal");
    assert_true(dl == 0.0);
    check_rel(friction_law(&nikuradse, 3e4, 1e-4 / 0.5, NULL), expected, 1e-15, "Nikuradse is Re-independent");
    /* k = 0: the smooth-pipe Colebrook limit. */
    check_rel(friction_law(&nikuradse, 1e5, 0.0, NULL), friction_law(&colebrook, 1e5, 0.0, NULL), 1e-15,
              "Nikuradse k=0 falls back to smooth Colebrook");
}

/* d lambda / d Re of every law against central differences (h = 1e-4 Re,
 * truncation ~1e-9), rel 1e-6 (abs 1e-20 for the Re-independent laws). */
static void test_friction_derivatives(void **state)
{
    const friction_model *laws[] = {&nikuradse, &colebrook, &hofer, &swamee_jain, &constant};
    const char *names[] = {"Nikuradse", "Colebrook", "Hofer", "Swamee-Jain", "constant"};
    const double rs[] = {0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2};
    const double res[] = {2320.0, 4e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    size_t il, ir, ie;
    (void)state;

    for (il = 0; il < 5; ++il) {
        for (ir = 0; ir < 6; ++ir) {
            for (ie = 0; ie < 7; ++ie) {
                double re = res[ie], h = 1e-4 * re, dl;
                double fd =
                    (friction_law(laws[il], re + h, rs[ir], NULL) - friction_law(laws[il], re - h, rs[ir], NULL)) /
                    (2.0 * h);
                friction_law(laws[il], re, rs[ir], &dl);
                if (!(fabs(dl - fd) <= 1e-6 * fabs(fd) + 1e-20)) {
                    print_error("%s d lambda/dRe at Re=%g k/D=%g: %.17g vs FD %.17g\n", names[il], re, rs[ir], dl, fd);
                    fail();
                }
            }
        }
    }
}

static void test_friction_domain(void **state)
{
    double dl;
    (void)state;

    assert_true(isnan(friction_law(&colebrook, 0.0, 1e-4, &dl)) && isnan(dl));
    assert_true(isnan(friction_law(&colebrook, -1e5, 1e-4, NULL)));
    assert_true(isnan(friction_law(&hofer, 1e5, -1e-4, NULL)));
    assert_true(isnan(friction_law(&colebrook, 1e5, NAN, NULL)));
    assert_true(isnan(friction_factor(&colebrook, 0.0, 1e-4)));
    check_rel(friction_law(&constant, 1e5, 1e-4, &dl), 0.0123, 0.0, "constant lambda");
    assert_true(dl == 0.0);
}

/* ---- Laminar treatment and phi ------------------------------------------ */

static void test_laminar(void **state)
{
    const friction_model *laws[] = {&nikuradse, &colebrook, &hofer, &swamee_jain, &constant};
    size_t il;
    (void)state;

    /* Hagen-Poiseuille below Re 2000 for every law. */
    for (il = 0; il < 5; ++il) {
        check_rel(friction_factor(laws[il], 1000.0, 1e-4), 0.064, 1e-15, "lambda(1000) = 64/1000");
        check_rel(friction_factor(laws[il], 1e6, 1e-4), friction_law(laws[il], 1e6, 1e-4, NULL), 0.0,
                  "turbulent lambda = lambda_law");
    }
}

/* lambda(Re) and phi' are continuous at both ends of the transition
 * (Re = 2000 and Re_t): jumps over [s(1 - 1e-9), s(1 + 1e-9)] below 1e-7
 * relative for lambda and 1e-5 for phi'. A sweep with step ratio 1.001
 * over 10..1e5 shows no jump above 2.5e-3 (the laminar slope alone gives
 * 1e-3 per step), and phi = lambda Re^2 throughout. */
static void test_laminar_continuity(void **state)
{
    const friction_model *laws[] = {&nikuradse, &colebrook, &hofer, &swamee_jain, &constant};
    const double rs[] = {0.0, 1e-4, 0.05};
    size_t il, ir;
    (void)state;

    for (il = 0; il < 5; ++il) {
        for (ir = 0; ir < 3; ++ir) {
            double r = rs[ir];
            double re_t = friction_turbulent_start(laws[il], r);
            const double sw[2] = {FRICTION_RE_LAMINAR, re_t};
            double re, prev;
            int k;
            assert_true(re_t >= FRICTION_RE_TURBULENT);
            for (k = 0; k < 2; ++k) {
                double dlo, dhi;
                double lo = friction_factor(laws[il], sw[k] * (1.0 - 1e-9), r);
                double hi = friction_factor(laws[il], sw[k] * (1.0 + 1e-9), r);
                check_rel(hi, lo, 1e-7, "lambda continuous at a switch point");
                friction_phi(laws[il], sw[k] * (1.0 - 1e-9), r, &dlo);
                friction_phi(laws[il], sw[k] * (1.0 + 1e-9), r, &dhi);
                check_rel(dhi, dlo, 1e-5, "phi' continuous at a switch point");
            }
            check_rel(friction_factor(laws[il], re_t, r), friction_law(laws[il], re_t, r, NULL), 1e-15,
                      "law from Re_t on");
            prev = friction_factor(laws[il], 10.0, r);
            for (re = 10.0 * 1.001; re < 1e5; re *= 1.001) {
                double l = friction_factor(laws[il], re, r);
                check_rel(l, prev, 2.5e-3, "lambda sweep without jumps");
                check_rel(friction_phi(laws[il], re, r, NULL), l * re * re, 1e-15, "phi = lambda Re^2 (sweep)");
                prev = l;
            }
        }
    }
}

/* The loss rises through the transition: phi' stays at or above a quarter
 * of the smaller of its end slopes (64 and the law's at Re_t) for every
 * law and roughness, from rough pipes to D/k = 10^7. Re_t is 4000 where
 * that holds already (Colebrook, Hofer and Swamee-Jain, which are near
 * 0.04 there), and later where lambda_law is small: Nikuradse at
 * D/k = 20,000 (lambda 0.0105; the 1,000 mm pipes of the benchmark mesh)
 * starts at 4000 * 1.25^k > 4000, and a lower lambda starts later still.
 * Blending lambda over [2000, 4000] instead made this phi fall (its slope
 * reached -9.7, against 64 at Re 2000; -67 at D/k = 10^6).
 * friction_turbulent_start_const agrees with the search through the law. */
static void test_transition_rises(void **state)
{
    const friction_model *laws[] = {&nikuradse, &colebrook, &hofer, &swamee_jain, &constant};
    const double rs[] = {0.0, 1e-7, 1e-5, 5e-5, 1e-4, 1e-3, 0.05};
    size_t il, ir;
    (void)state;

    for (il = 0; il < 5; ++il) {
        for (ir = 0; ir < 7; ++ir) {
            double r = rs[ir], re_t = friction_turbulent_start(laws[il], r), re, d1, dmin = INFINITY;
            friction_phi(laws[il], re_t * (1.0 + 1e-12), r, &d1);
            assert_true(re_t >= FRICTION_RE_TURBULENT && re_t < 1e6);
            if (laws[il] != &nikuradse && laws[il] != &constant)
                assert_true(re_t == FRICTION_RE_TURBULENT);
            for (re = FRICTION_RE_LAMINAR; re <= re_t; re += (re_t - FRICTION_RE_LAMINAR) / 4096.0) {
                double d;
                friction_phi(laws[il], re, r, &d);
                if (d < dmin)
                    dmin = d;
            }
            if (!(dmin >= 0.25 * fmin(64.0, d1) * (1.0 - 1e-12))) {
                print_error("law %zu k/D %g: phi' falls to %g over [2000, %g]\n", il, r, dmin, re_t);
                fail();
            }
            if (laws[il] == &constant || (laws[il] == &nikuradse && r > 0.0))
                assert_true(friction_turbulent_start_const(friction_law(laws[il], 1e6, r, NULL)) == re_t);
        }
    }
    /* Nikuradse, D/k = 20,000: the old lambda blend fell, the new one starts later. */
    {
        double r = 5e-5, re_t = friction_turbulent_start(&nikuradse, r), l = friction_law(&nikuradse, 1e6, r, NULL);
        check_rel(l, 0.0105409, 1e-5, "Nikuradse lambda at D/k 20,000");
        assert_true(re_t > FRICTION_RE_TURBULENT);
        assert_true(friction_turbulent_start(&nikuradse, 1e-6) > re_t); /* smoother: later */
    }
    assert_true(isnan(friction_turbulent_start_const(0.0)));
}

static void test_phi(void **state)
{
    const friction_model *laws[] = {&nikuradse, &colebrook, &hofer, &swamee_jain, &constant};
    const double res[] = {1e-300, 1e-3, 1.0, 500.0, 1500.0, 2500.0, 3000.0, 1e4, 1e5, 1e6, 1e7, 1e8};
    size_t il, ie;
    double d = -1.0;
    (void)state;

    for (il = 0; il < 5; ++il) {
        assert_true(friction_phi(laws[il], 0.0, 1e-4, &d) == 0.0);
        assert_true(d == 64.0);
        assert_true(friction_phi(laws[il], -0.0, 1e-4, NULL) == 0.0);
        /* Hagen-Poiseuille near zero: phi = 64 Re, phi' = 64 exactly. */
        assert_true(friction_phi(laws[il], 1e-3, 1e-4, &d) == 64.0 * 1e-3);
        assert_true(d == 64.0);
        for (ie = 0; ie < 12; ++ie) {
            double re = res[ie], dp, dm;
            double pp = friction_phi(laws[il], re, 1e-4, &dp);
            double pm = friction_phi(laws[il], -re, 1e-4, &dm);
            /* odd phi, even phi', exactly */
            assert_true(pm == -pp);
            assert_true(dm == dp);
            /* phi = lambda Re |Re| */
            check_rel(pp, friction_factor(laws[il], re, 1e-4) * re * re, 1e-15, "phi = lambda Re^2");
            /* phi' against central differences (phi is C1; no test point sits on a switch), rel 1e-6 */
            if (re >= 1.0) {
                double h = 1e-5 * re;
                double fd = (friction_phi(laws[il], re + h, 1e-4, NULL) - friction_phi(laws[il], re - h, 1e-4, NULL)) /
                            (2.0 * h);
                check_rel(dp, fd, 1e-6, "phi' vs FD");
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_z_ideal_constant),
        cmocka_unit_test(test_z_papay),
        cmocka_unit_test(test_z_aga),
        cmocka_unit_test(test_z_derivative),
        cmocka_unit_test(test_z_prepared),
        cmocka_unit_test(test_kappa),
        cmocka_unit_test(test_incline),
        cmocka_unit_test(test_colebrook_implicit),
        cmocka_unit_test(test_colebrook_moody),
        cmocka_unit_test(test_explicit_vs_colebrook),
        cmocka_unit_test(test_explicit_formulas),
        cmocka_unit_test(test_nikuradse),
        cmocka_unit_test(test_friction_derivatives),
        cmocka_unit_test(test_friction_domain),
        cmocka_unit_test(test_laminar),
        cmocka_unit_test(test_laminar_continuity),
        cmocka_unit_test(test_transition_rises),
        cmocka_unit_test(test_phi),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
