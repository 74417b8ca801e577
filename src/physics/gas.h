/* Gas properties: specific gas constant, compressibility laws, isentropic
 * exponent. Sources: physics.md §1 (Papay 1968; AGA short formula as used
 * in the GasLib papers, Pfetsch et al. 2015). */
#ifndef GF_PHYSICS_GAS_H
#define GF_PHYSICS_GAS_H

#include <math.h>

#include "gasflow.h"

#define GAS_R_UNIVERSAL 8.314462618 /* J/(mol K) */
#define GAS_NORM_T 273.15           /* K, GasLib norm temperature */
#define GAS_NORM_P 101325.0         /* Pa, GasLib norm pressure */
#define GAS_G 9.80665               /* m/s^2, standard gravity */
#define GAS_PI 3.14159265358979323846

typedef struct {
    gf_gas_law law;
    double z0; /* constant law */
    double pc; /* Pa, pseudo-critical pressure */
    double tc; /* K, pseudo-critical temperature */
} gas_model;

/* Compressibility z(p, T); *dz_dp (1/Pa) receives dz/dp at constant T when
 * not NULL (exact, analytic). Papay and AGA need pc > 0 and tc > 0; an
 * unknown law gives NAN. */
double gas_z(const gas_model *g, double p, double t, double *dz_dp);

/* z(p) at one temperature, written as z0 + z1 p + z2 p^2 (every law here
 * is such a polynomial in p at fixed T): prepared once per solve, it spares
 * the divisions and exponentials of gas_z in the inner loops. Papay and AGA
 * need pc > 0 and tc > 0; an unknown law gives NAN coefficients. */
typedef struct {
    double z0, z1, z2;
} gas_z_poly;

void gas_z_prepare(const gas_model *g, double t, gas_z_poly *out);

/* gas_z from the prepared polynomial (equal to it up to rounding). */
static inline double gas_z_at(const gas_z_poly *c, double p, double *dz_dp)
{
    if (dz_dp)
        *dz_dp = c->z1 + 2.0 * c->z2 * p;
    return c->z0 + p * (c->z1 + c->z2 * p);
}

/* The incline factor of the pipe law (physics.md §2): g(s) = (1 - e^-s) / s
 * with s = 2 g dh / (R T z), its derivative *dg and *alpha = e^-s. Up to
 * |s| = 1/16 (a height difference of about 450 m) they come from their
 * Taylor series, whose first term left out stays below 4e-18 of the sum
 * there: g = sum (-s)^k / (k+1)! for k = 0..8, dg/ds = -sum k (-s)^(k-1) /
 * (k+1)! for k = 1..9, and e^-s = 1 - s g. These are chains of
 * multiply-adds, where expm1 and two divisions took about a tenth of a
 * GasLib-582 solve. Beyond 1/16, from expm1. */
static inline double gas_incline(double s, double *dg, double *alpha)
{
    if (s == 0.0) { /* a level pipe: nothing for the sweep to wait for */
        *dg = -0.5;
        *alpha = 1.0;
        return 1.0;
    }
    if (fabs(s) <= 0.0625) {
        /* in pairs of terms (Estrin's scheme): four steps of latency
         * instead of eight, which the sweep along a line waits for */
        double t = -s, t2 = t * t, t4 = t2 * t2;
        double g01 = 1.0 + t * (1.0 / 2.0), g23 = 1.0 / 6.0 + t * (1.0 / 24.0);
        double g45 = 1.0 / 120.0 + t * (1.0 / 720.0), g67 = 1.0 / 5040.0 + t * (1.0 / 40320.0);
        double g = (g01 + t2 * g23) + t4 * ((g45 + t2 * g67) + t4 * (1.0 / 362880.0));
        double d01 = 1.0 / 2.0 + t * (2.0 / 6.0), d23 = 3.0 / 24.0 + t * (4.0 / 120.0);
        double d45 = 5.0 / 720.0 + t * (6.0 / 5040.0), d67 = 7.0 / 40320.0 + t * (8.0 / 362880.0);
        double d = -((d01 + t2 * d23) + t4 * ((d45 + t2 * d67) + t4 * (9.0 / 3628800.0)));
        *dg = d;
        *alpha = 1.0 - s * g;
        return g;
    }
    double em = expm1(-s); /* e^-s - 1 */
    *alpha = em + 1.0;
    *dg = (s * (em + 1.0) + em) / (s * s);
    return -em / s;
}

/* Isentropic exponent kappa = cp / (cp - R) from the molar heat capacity
 * cp = a + b T + c T^2 (J/(mol K)); 1.3 when any coefficient is NAN, and
 * also when cp <= R (no real gas: cv = cp - R must be > 0). */
double gas_kappa(double cp_a, double cp_b, double cp_c, double t);

#endif
