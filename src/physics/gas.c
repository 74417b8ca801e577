/* Gas properties (physics.md §1): the compressibility factor z(p, T) of the
 * selectable gas laws with its exact derivative dz/dp at constant T, which
 * the Newton solvers need, and the isentropic exponent kappa from the molar
 * heat-capacity polynomial of the GasLib gas data. Pure functions, no state. */
#include "physics/gas.h"

#include <math.h>

/* Papay 1968: z = 1 - 3.52 p_r e^(-2.260 T_r) + 0.274 p_r^2 e^(-1.878 T_r). */
static double gas_z_papay(double pr, double tr, double *dz_dpr)
{
    double e1 = 3.52 * exp(-2.260 * tr);
    double e2 = 0.274 * exp(-1.878 * tr);
    if (dz_dpr)
        *dz_dpr = -e1 + 2.0 * e2 * pr;
    return 1.0 - e1 * pr + e2 * pr * pr;
}

/* AGA short formula as used in the GasLib papers (Pfetsch et al. 2015):
 * z = 1 + 0.257 p_r - 0.533 p_r / T_r. */
static double gas_z_aga(double pr, double tr, double *dz_dpr)
{
    double slope = 0.257 - 0.533 / tr;
    if (dz_dpr)
        *dz_dpr = slope;
    return 1.0 + slope * pr;
}

double gas_z(const gas_model *g, double p, double t, double *dz_dp)
{
    double z, dz_dpr;

    switch (g->law) {
    case GF_GAS_IDEAL:
        if (dz_dp)
            *dz_dp = 0.0;
        return 1.0;
    case GF_GAS_CONSTANT:
        if (dz_dp)
            *dz_dp = 0.0;
        return g->z0;
    case GF_GAS_PAPAY: z = gas_z_papay(p / g->pc, t / g->tc, &dz_dpr); break;
    case GF_GAS_AGA: z = gas_z_aga(p / g->pc, t / g->tc, &dz_dpr); break;
    default:
        if (dz_dp)
            *dz_dp = NAN;
        return NAN;
    }
    if (dz_dp)
        *dz_dp = dz_dpr / g->pc; /* dz/dp = dz/dp_r * dp_r/dp */
    return z;
}

void gas_z_prepare(const gas_model *g, double t, gas_z_poly *out)
{
    double tr = t / g->tc, e1, e2;
    switch (g->law) {
    case GF_GAS_IDEAL: *out = (gas_z_poly){1.0, 0.0, 0.0}; return;
    case GF_GAS_CONSTANT: *out = (gas_z_poly){g->z0, 0.0, 0.0}; return;
    case GF_GAS_PAPAY:
        e1 = 3.52 * exp(-2.260 * tr);
        e2 = 0.274 * exp(-1.878 * tr);
        *out = (gas_z_poly){1.0, -e1 / g->pc, e2 / (g->pc * g->pc)};
        return;
    case GF_GAS_AGA: *out = (gas_z_poly){1.0, (0.257 - 0.533 / tr) / g->pc, 0.0}; return;
    default: *out = (gas_z_poly){NAN, NAN, NAN}; return;
    }
}

double gas_kappa(double cp_a, double cp_b, double cp_c, double t)
{
    double cp, cv;

    if (isnan(cp_a) || isnan(cp_b) || isnan(cp_c))
        return 1.3;
    cp = cp_a + (cp_b + cp_c * t) * t;
    cv = cp - GAS_R_UNIVERSAL; /* ideal gas: cp - cv = R (molar) */
    if (!(cv > 0.0) || !isfinite(cp))
        return 1.3; /* nonphysical coefficients or temperature: the default */
    return cp / cv;
}
