/* Resolution of the physical parameters of a solve: the network's gas (the
 * sources' qualities mixed by nominated inflow) and the options. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "solver/steady.h"

gf_status steady_resolve_params(const network *net, const scenario *scn, const gf_options *opt, steady_params *out,
                                error_info *err)
{
    if (!(opt->viscosity > 0.0) || !(opt->tolerance > 0.0) || opt->max_iterations < 1 || opt->threads < 1 ||
        (opt->gas_law == GF_GAS_CONSTANT && !(opt->z_constant > 0.0)) ||
        (opt->friction == GF_FRICTION_CONSTANT && !(opt->lambda_constant > 0.0)) ||
        (isfinite(opt->temperature) && !(opt->temperature > 0.0)) || (unsigned)opt->gas_law > GF_GAS_AGA ||
        (unsigned)opt->friction > GF_FRICTION_CONSTANT)
        return error_set(err, GF_ERR_ARG,
                         "invalid options: viscosity, tolerance, temperature, z and lambda must be > 0, "
                         "iterations and threads >= 1, laws known");
    /* weights: nominated inflow, or equal when nothing flows in; the
     * network lists its sources (a pass over a large network's node
     * records would read them all from memory) */
    size_t n_src = net->n_sources;
    const int *src = net->sources;
    double wsum = 0.0;
    for (size_t k = 0; k < n_src; k++) {
        double w = scn ? -0.5 * (scn->flow_lo[src[k]] + scn->flow_hi[src[k]]) : 0.0;
        if (w > 0.0)
            wsum += w;
    }
    if (n_src == 0)
        return error_set(err, GF_ERR_INPUT, "%s: the network has no source, so no gas quality is given",
                         net->path ? net->path : "network");
    int equal = !(wsum > 0.0);
    if (equal)
        wsum = (double)n_src;
    gas_quality mix = {0};
    const gas_quality *one = NULL; /* the gas of every source mixed, while they agree */
    int agree = 1;
    for (size_t k = 0; k < n_src; k++) {
        size_t n = (size_t)src[k];
        double w = equal ? 1.0 : -0.5 * (scn->flow_lo[n] + scn->flow_hi[n]);
        if (w <= 0.0)
            continue;
        w /= wsum;
        const gas_quality *g = &net->nodes[n].gas;
        if (!one)
            one = g;
        agree &= memcmp(one, g, sizeof *g) == 0;
        mix.temperature += w * g->temperature;
        mix.norm_density += w * g->norm_density;
        mix.molar_mass += w * g->molar_mass;
        mix.pc += w * g->pc;
        mix.tc += w * g->tc;
        mix.cp_a += w * g->cp_a;
        mix.cp_b += w * g->cp_b;
        mix.cp_c += w * g->cp_c;
        mix.calorific_value += w * g->calorific_value;
    }
    /* sources of one gas mix to exactly that gas, whatever their shares
     * (the weighted sums may round apart from it, differently for each
     * nomination) */
    if (one && agree)
        mix = *one;
    out->temperature = isfinite(opt->temperature) ? opt->temperature : mix.temperature;
    out->rho_n = mix.norm_density;
    out->r_s = GAS_R_UNIVERSAL / mix.molar_mass;
    if (!(out->temperature > 0.0) || !(out->rho_n > 0.0) || !(out->r_s > 0.0) || !isfinite(out->r_s))
        return error_set(err, GF_ERR_INPUT,
                         "%s: the sources' gasTemperature, normDensity and molarMass must be given and > 0",
                         net->path ? net->path : "network");
    out->gas.law = opt->gas_law;
    out->gas.z0 = opt->z_constant;
    out->gas.pc = mix.pc;
    out->gas.tc = mix.tc;
    if ((opt->gas_law == GF_GAS_PAPAY || opt->gas_law == GF_GAS_AGA) && !(mix.pc > 0.0 && mix.tc > 0.0))
        return error_set(err, GF_ERR_INPUT,
                         "%s: the %s gas law needs pseudocriticalPressure and pseudocriticalTemperature at the "
                         "sources",
                         net->path ? net->path : "network", opt->gas_law == GF_GAS_PAPAY ? "Papay" : "AGA");
    gas_z_prepare(&out->gas, out->temperature, &out->z_poly);
    out->friction.law = opt->friction;
    out->friction.lambda_const = opt->lambda_constant;
    out->kappa = gas_kappa(mix.cp_a, mix.cp_b, mix.cp_c, out->temperature);
    out->calorific = mix.calorific_value;
    out->station_recycle = opt->station_recycle;
    out->viscosity = opt->viscosity;
    out->max_iterations = opt->max_iterations;
    out->tolerance = opt->tolerance;
    out->threads = opt->threads;
    return GF_OK;
}
