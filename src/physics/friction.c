/* Darcy friction factor lambda(Re, k/D) of the selectable pipe laws
 * (physics.md §2), each with its exact analytic derivative d lambda / d Re,
 * and the shared laminar / zero-flow treatment of friction.h:
 *
 *     lambda(Re) = 64 / Re                    Re <= 2000
 *                  cubic Hermite blend         2000 < Re < 4000
 *                  lambda_law(Re)              Re >= 4000
 *     phi(Re)    = lambda(|Re|) Re |Re|,  odd, phi = 64 Re near Re = 0.
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

/* lambda and d lambda / d Re (for Re > 0) with the laminar and
 * transitional treatment of friction.h: Hagen-Poiseuille below
 * FRICTION_RE_LAMINAR, the law above FRICTION_RE_TURBULENT, and between them
 * the cubic Hermite interpolant matching both values and slopes, so that
 * lambda is continuously differentiable everywhere. */
static double lambda_blended(const friction_model *f, double a, double r, double *dl)
{
    if (a <= FRICTION_RE_LAMINAR) {
        *dl = -64.0 / (a * a);
        return 64.0 / a;
    }
    if (a >= FRICTION_RE_TURBULENT)
        return friction_law(f, a, r, dl);
    double width = FRICTION_RE_TURBULENT - FRICTION_RE_LAMINAR;
    double l0 = 64.0 / FRICTION_RE_LAMINAR;
    double m0 = -64.0 / (FRICTION_RE_LAMINAR * FRICTION_RE_LAMINAR) * width;
    double d1;
    double l1 = friction_law(f, FRICTION_RE_TURBULENT, r, &d1);
    double m1 = d1 * width;
    double t = (a - FRICTION_RE_LAMINAR) / width, t2 = t * t, t3 = t2 * t;
    double h00 = 2.0 * t3 - 3.0 * t2 + 1.0, h10 = t3 - 2.0 * t2 + t;
    double h01 = -2.0 * t3 + 3.0 * t2, h11 = t3 - t2;
    double dh00 = 6.0 * t2 - 6.0 * t, dh10 = 3.0 * t2 - 4.0 * t + 1.0;
    double dh01 = -6.0 * t2 + 6.0 * t, dh11 = 3.0 * t2 - 2.0 * t;
    *dl = (dh00 * l0 + dh10 * m0 + dh01 * l1 + dh11 * m1) / width;
    return h00 * l0 + h10 * m0 + h01 * l1 + h11 * m1;
}

double friction_factor(const friction_model *f, double re, double rel_roughness)
{
    double dl;
    if (!(re > 0.0))
        return NAN;
    return lambda_blended(f, re, rel_roughness, &dl);
}

double friction_phi(const friction_model *f, double re, double rel_roughness, double *dphi_dre)
{
    double a = fabs(re), phi, dphi;

    if (a <= FRICTION_RE_LAMINAR) { /* Hagen-Poiseuille: phi = 64 Re exactly */
        phi = 64.0 * re;
        dphi = 64.0;
    } else {
        /* phi = lambda a re; d phi / d Re = lambda' a^2 + 2 lambda a (even) */
        double dl;
        double l = lambda_blended(f, a, rel_roughness, &dl);
        phi = l * a * re;
        dphi = dl * a * a + 2.0 * l * a;
    }
    if (dphi_dre)
        *dphi_dre = dphi;
    return phi;
}
