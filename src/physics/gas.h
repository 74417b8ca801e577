/* Gas properties: specific gas constant, compressibility laws, isentropic
 * exponent. Sources: physics.md §1 (Papay 1968; AGA short formula as used
 * in the GasLib papers, Pfetsch et al. 2015). */
#ifndef GF_PHYSICS_GAS_H
#define GF_PHYSICS_GAS_H

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

/* Isentropic exponent kappa = cp / (cp - R) from the molar heat capacity
 * cp = a + b T + c T^2 (J/(mol K)); 1.3 when any coefficient is NAN, and
 * also when cp <= R (no real gas: cv = cp - R must be > 0). */
double gas_kappa(double cp_a, double cp_b, double cp_c, double t);

#endif
