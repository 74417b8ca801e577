/* Compressor station evaluation: see stations.h. The isentropic head and
 * power follow physics.md §3 (P = q z R T kappa/(kappa-1) ((p2/p1)^((kappa-1)/
 * kappa) - 1) / eta); the gas is cooled back to the network temperature
 * after compression (the isothermal network model). */
#include "solver/stations.h"

#include "solver/station_maps.h"

#include <math.h>
#include <stdio.h>

double station_piping_loss(const steady_params *par, double fixed, double zeta, double diameter, double q, double p)
{
    if (isfinite(fixed))
        return fixed;
    if (!isfinite(zeta) || !isfinite(diameter) || !(diameter > 0.0) || !(p > 0.0))
        return 0.0;
    double area = 0.25 * GAS_PI * diameter * diameter;
    double rho = p / (par->r_s * par->temperature * gas_z(&par->gas, p, par->temperature, NULL));
    return zeta * q * fabs(q) / (2.0 * rho * area * area);
}

void stations_evaluate(const network *net, const station_set *cs, const steady_params *par, const steady_result *res,
                       const int *arcs, size_t n, station_result *out)
{
    double k1 = par->kappa / (par->kappa - 1.0);
    double fuel_per_joule = isfinite(par->calorific) && par->calorific > 0.0 ? par->rho_n / par->calorific : 0.0;
    for (size_t k = 0; k < n; k++) {
        int a = arcs[k];
        const net_arc *arc = &net->arcs[a];
        station_result *s = &out[k];
        double q = res->q[a];
        double p_in = res->p[arc->from], p_out = res->p[arc->to];
        s->arc = a;
        s->mode = res->mode[a];
        s->fuel_node = arc->fuel_node >= 0 ? arc->fuel_node : arc->from;
        s->suction = p_in - station_piping_loss(par, arc->loss_in, arc->drag_in, arc->diam_in, q, p_in);
        s->discharge = p_out + station_piping_loss(par, arc->loss_out, arc->drag_out, arc->diam_out, q, p_out);
        s->q = 0.0;
        s->head = 0.0;
        s->efficiency = NAN;
        s->power = 0.0;
        s->fuel = 0.0;
        s->map = 0;
        s->configuration = -1;
        s->speed = NAN;
        s->limit[0] = '\0';
        s->recycle = 0.0;
        int compressing = s->mode == GF_MODE_OUTLET || s->mode == GF_MODE_INLET || s->mode == GF_MODE_RATIO ||
                          s->mode == GF_MODE_FLOW;
        if (!compressing || !(q > 0.0) || !(s->suction > 0.0) || !(s->discharge > s->suction))
            continue;
        s->q = q;
        int machine = cs ? station_set_find_arc(cs, a) : -1;
        if (machine >= 0) {
            station_operating_point op;
            station_map_evaluate(&cs->stations[machine], par, q, s->suction, s->discharge, &op);
            if (op.configuration >= 0) {
                s->map = 1;
                s->configuration = op.configuration;
                s->speed = op.speed;
                s->head = op.head;
                s->efficiency = op.efficiency;
                s->power = op.power;
                s->fuel = op.fuel_power * fuel_per_joule;
                s->recycle = op.recycle;
                snprintf(s->limit, sizeof s->limit, "%s", op.limit);
                continue;
            }
        }
        double z = gas_z(&par->gas, s->suction, par->temperature, NULL);
        s->efficiency = STATION_ETA_ISENTROPIC;
        s->head = z * par->r_s * par->temperature * k1 * (pow(s->discharge / s->suction, 1.0 / k1) - 1.0);
        s->power = q * s->head / s->efficiency;
        s->fuel = s->power / STATION_ETA_DRIVE * fuel_per_joule;
    }
}
