/* Darcy friction factor lambda(Re, k/D) of the selectable pipe laws
 * (physics.md §2), each with its exact analytic derivative d lambda / d Re,
 * and the shared laminar / zero-flow treatment of friction.h:
 *
 *     phi(Re) = lambda(|Re|) Re |Re| = 64 Re           |Re| <= 2000
 *               cubic Hermite blend in phi         2000 < |Re| < Re_t
 *               lambda_law(|Re|) Re |Re|           |Re| >= Re_t (4000 or more)
 *     lambda   = phi / Re^2,  odd phi, phi = 64 Re near Re = 0.
 *
 * The functions run in the Newton inner loop: no allocation, no state, one
 * log per explicit law, a few for Colebrook. Natural logarithms are used
 * throughout with log10(u) = ln(u) / ln(10). */
#include "physics/friction.h"

#include <float.h>
#include <math.h>

#define FRICTION_LN10 2.302585092994045684   /* ln(10) */
#define FRICTION_2_LN10 0.868588963806503655 /* 2 / ln(10) */
#define FRICTION_COLEBROOK_MAX_IT 50

/* Nikuradse 1933 (fully rough): lambda = (2 log10(D/k) + 1.138)^-2, independent
 * of Re. Requires r = k/D > 0 (the caller handles k = 0). */
static double friction_nikuradse(double r, double *dl)
{
    double s = 1.138 - FRICTION_2_LN10 * log(r); /* 2 log10(1/r) + 1.138 */
    *dl = 0.0;
    return 1.0 / (s * s);
}

/* Colebrook 1939 (Colebrook-White): 1/sqrt(lambda) = -2 log10(r/3.71 + 2.51/(Re sqrt(lambda))).
 *
 * Newton on x = 1/sqrt(lambda): F(x) = x + (2/ln 10) ln(a + b x) = 0 with
 * a = r/3.71, b = 2.51/Re. F is increasing and concave, with one root x* > 0
 * whenever a < 1; a step that would leave x > 0 is replaced by halving x, so
 * the log argument stays positive. The start x = 8 (lambda = 0.0156) lies in the
 * middle of the turbulent pipe range; Newton then needs 3 to 5 steps. The loop
 * stops when the predicted error of the new iterate, |F''| dx^2 / (2 F'),
 * is below machine precision, or after FRICTION_COLEBROOK_MAX_IT steps.
 *
 * Derivative by implicit differentiation of F(x, Re) = 0, with w = b / (a + b x):
 *     dx/dRe = -F_Re / F_x = (2/ln 10) w x / (Re (1 + (2/ln 10) w)),
 *     d lambda / d Re = -2 lambda / x * dx/dRe. */
static double friction_colebrook(double re, double r, double *dl)
{
    const double c = FRICTION_2_LN10;
    double a = r / 3.71, b = 2.51 / re;
    double x = 8.0, u, w, fx, dx, xn, lambda;
    int it;

    if (!(a < 1.0)) { /* k > 3.71 D: no solution */
        *dl = NAN;
        return NAN;
    }
    for (it = 0; it < FRICTION_COLEBROOK_MAX_IT; ++it) {
        u = a + b * x;
        w = b / u;
        fx = 1.0 + c * w;
        dx = (x + c * log(u)) / fx;
        xn = x - dx;
        if (!(xn > 0.0)) { /* keep a + b x > 0; the root is positive */
            x *= 0.5;
            continue;
        }
        x = xn;
        /* error of xn ~ |F''| dx^2 / (2 F'), F'' = -c w^2; w is taken at the
         * old x, the largest over the step when xn > x, so the guard |dx|
         * small keeps the estimate honest when xn < x. */
        if (fabs(dx) <= 1e-3 * x && c * w * w * dx * dx <= 0.5 * DBL_EPSILON * fx * x)
            break;
    }
    u = a + b * x;
    w = c * b / u;
    lambda = 1.0 / (x * x);
    *dl = -2.0 * lambda / x * (w * x / (re * (1.0 + w)));
    return lambda;
}

/* Hofer 1973: lambda = (2 log10(4.518/Re log10(Re/7) + r/3.71))^-2.
 * With v the log argument and L = ln v:  lambda = (ln 10)^2 / (4 L^2),
 *     dv/dRe = 4.518/Re^2 (1/ln 10 - log10(Re/7)),
 *     d lambda / d Re = -2 lambda / L * dv/dRe / v. */
static double friction_hofer(double re, double r, double *dl)
{
    double lg = log(re / 7.0) / FRICTION_LN10; /* log10(Re/7) */
    double t = 4.518 / re;
    double v = t * lg + r / 3.71;
    double l = log(v);
    double lambda = (FRICTION_LN10 * FRICTION_LN10 * 0.25) / (l * l);
    double dv = t / re * (1.0 / FRICTION_LN10 - lg);
    *dl = -2.0 * lambda / l * dv / v;
    return lambda;
}

/* Swamee & Jain 1976: lambda = 0.25 / log10(r/3.7 + 5.74/Re^0.9)^2.
 * With v the log argument and L = ln v:  lambda = 0.25 (ln 10)^2 / L^2,
 *     dv/dRe = -0.9 * 5.74 Re^-0.9 / Re,
 *     d lambda / d Re = -2 lambda / L * dv/dRe / v. */
static double friction_swamee_jain(double re, double r, double *dl)
{
    double s = 5.74 * pow(re, -0.9);
    double v = r / 3.7 + s;
    double l = log(v);
    double lambda = (FRICTION_LN10 * FRICTION_LN10 * 0.25) / (l * l);
    *dl = -2.0 * lambda / l * (-0.9 * s / re) / v;
    return lambda;
}

double friction_law(const friction_model *f, double re, double rel_roughness, double *dlambda_dre)
{
    double dummy;
    double *dl = dlambda_dre ? dlambda_dre : &dummy;

    if (!(re > 0.0) || !(rel_roughness >= 0.0)) {
        *dl = NAN;
        return NAN;
    }
    switch (f->law) {
    case GF_FRICTION_NIKURADSE:
        /* k = 0: the rough-pipe law is undefined (lambda -> 0); use the
         * smooth-pipe limit of Colebrook instead, which depends on Re. */
        if (rel_roughness == 0.0)
            return friction_colebrook(re, 0.0, dl);
        return friction_nikuradse(rel_roughness, dl);
    case GF_FRICTION_COLEBROOK: return friction_colebrook(re, rel_roughness, dl);
    case GF_FRICTION_HOFER: return friction_hofer(re, rel_roughness, dl);
    case GF_FRICTION_SWAMEE_JAIN: return friction_swamee_jain(re, rel_roughness, dl);
    case GF_FRICTION_CONSTANT: *dl = 0.0; return f->lambda_const;
    default: *dl = NAN; return NAN;
    }
}

/* Smallest slope of the cubic Hermite interpolant of phi on [FRICTION_RE_LAMINAR,
 * re_t] that starts at 64 Re (value 128,000, slope 64) and ends at the law's
 * phi1 with slope m1. With h = re_t - 2000 and the cubic's slope
 * D(t) = A t^2 + B t + C over t in [0, 1] (C = 64, A + B + C = m1), the
 * minimum sits at an end or at the vertex -B / 2A. */
static double transition_min_slope(double re_t, double phi1, double m1)
{
    const double y0 = 64.0 * FRICTION_RE_LAMINAR, m0 = 64.0;
    double h = re_t - FRICTION_RE_LAMINAR, dy = (phi1 - y0) / h;
    double a = 3.0 * (m0 + m1) - 6.0 * dy, b = 6.0 * dy - 4.0 * m0 - 2.0 * m1;
    double lo = m0 < m1 ? m0 : m1;
    if (a > 0.0 && b < 0.0 && -b < 2.0 * a) {
        double v = m0 - b * b / (4.0 * a);
        if (v < lo)
            lo = v;
    }
    return lo;
}

/* The search of friction_turbulent_start; lambda_c > 0 stands for a law
 * that does not depend on Re (no logarithm per step). */
static double turbulent_start(const friction_model *f, double rel_roughness, double lambda_c)
{
    double re_t = FRICTION_RE_TURBULENT;
    int k;
    for (k = 0; k < FRICTION_RE_T_STEPS; ++k, re_t *= FRICTION_RE_T_GROWTH) {
        double dl = 0.0, l = lambda_c > 0.0 ? lambda_c : friction_law(f, re_t, rel_roughness, &dl);
        double phi1 = l * re_t * re_t, m1 = dl * re_t * re_t + 2.0 * l * re_t;
        if (!(phi1 > 64.0 * FRICTION_RE_LAMINAR && m1 > 0.0))
            continue;
        if (transition_min_slope(re_t, phi1, m1) >= 0.25 * (m1 < 64.0 ? m1 : 64.0))
            return re_t;
    }
    return NAN;
}

double friction_turbulent_start(const friction_model *f, double rel_roughness)
{
    return turbulent_start(f, rel_roughness, 0.0);
}

double friction_turbulent_start_const(double lambda)
{
    return lambda > 0.0 ? turbulent_start(NULL, 0.0, lambda) : NAN;
}

/* phi(a) and its slope for a > 0 (the even half of friction_phi). */
static double phi_positive(const friction_model *f, double a, double r, double re_t, double *dphi)
{
    if (a <= FRICTION_RE_LAMINAR) { /* Hagen-Poiseuille: phi = 64 Re exactly */
        *dphi = 64.0;
        return 64.0 * a;
    }
    if (a >= re_t) { /* phi = lambda a^2; phi' = lambda' a^2 + 2 lambda a */
        double dl, l = friction_law(f, a, r, &dl);
        *dphi = dl * a * a + 2.0 * l * a;
        return l * a * a;
    }
    if (!(re_t > FRICTION_RE_LAMINAR)) { /* no transition (re_t NAN) */
        *dphi = NAN;
        return NAN;
    }
    double width = re_t - FRICTION_RE_LAMINAR;
    double y0 = 64.0 * FRICTION_RE_LAMINAR, m0 = 64.0 * width;
    double dl, l1 = friction_law(f, re_t, r, &dl);
    double y1 = l1 * re_t * re_t, m1 = (dl * re_t * re_t + 2.0 * l1 * re_t) * width;
    double t = (a - FRICTION_RE_LAMINAR) / width, t2 = t * t, t3 = t2 * t;
    double h00 = 2.0 * t3 - 3.0 * t2 + 1.0, h10 = t3 - 2.0 * t2 + t;
    double h01 = -2.0 * t3 + 3.0 * t2, h11 = t3 - t2;
    double dh00 = 6.0 * t2 - 6.0 * t, dh10 = 3.0 * t2 - 4.0 * t + 1.0;
    double dh01 = -6.0 * t2 + 6.0 * t, dh11 = 3.0 * t2 - 2.0 * t;
    *dphi = (dh00 * y0 + dh10 * m0 + dh01 * y1 + dh11 * m1) / width;
    return h00 * y0 + h10 * m0 + h01 * y1 + h11 * m1;
}

double friction_factor(const friction_model *f, double re, double rel_roughness)
{
    double d;
    if (!(re > 0.0))
        return NAN;
    if (re <= FRICTION_RE_LAMINAR)
        return 64.0 / re;
    double re_t = friction_turbulent_start(f, rel_roughness);
    if (re >= re_t)
        return friction_law(f, re, rel_roughness, NULL);
    return phi_positive(f, re, rel_roughness, re_t, &d) / (re * re);
}

double friction_phi_at(const friction_model *f, double re, double rel_roughness, double re_t, double *dphi_dre)
{
    double d, phi = phi_positive(f, fabs(re), rel_roughness, re_t, &d);
    if (dphi_dre)
        *dphi_dre = d;
    return re < 0.0 ? -phi : re > 0.0 ? phi : re; /* odd; keeps the sign of zero */
}

double friction_phi(const friction_model *f, double re, double rel_roughness, double *dphi_dre)
{
    double re_t = fabs(re) > FRICTION_RE_LAMINAR ? friction_turbulent_start(f, rel_roughness) : FRICTION_RE_TURBULENT;
    return friction_phi_at(f, re, rel_roughness, re_t, dphi_dre);
}
