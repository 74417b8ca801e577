/* Compressor station storage (freeing, id lookups) and the laws of the
 * GasLib machine data: turbo compressor maps, surge and choke lines, drive
 * fuel and power limits. The laws take SI arguments, convert them to the
 * units the coefficients were fitted in, and return SI. */
#include "model/stations.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PER_MIN_PER_HZ 60.0 /* 1/min per 1/s */
#define J_PER_KJ 1e3
#define W_PER_KW 1e3
#define CELSIUS_ZERO_K 273.15

void station_set_init(station_set *set)
{
    memset(set, 0, sizeof *set);
    strmap_init(&set->index);
}

static void free_station(cs_station *st)
{
    for (size_t i = 0; i < st->n_compressors; i++) {
        free(st->compressors[i].id);
        free(st->compressors[i].surge_points);
        free(st->compressors[i].map_points);
    }
    for (size_t i = 0; i < st->n_drives; i++) {
        free(st->drives[i].id);
        free(st->drives[i].fuel_points);
        free(st->drives[i].power_points);
    }
    for (size_t i = 0; i < st->n_configurations; i++) {
        cs_configuration *cf = &st->configurations[i];
        for (size_t k = 0; k < cf->n_stages; k++)
            free(cf->stages[k].units);
        free(cf->stages);
        free(cf->id);
    }
    free(st->compressors);
    free(st->drives);
    free(st->configurations);
    free(st->id);
}

void station_set_free(station_set *set)
{
    for (size_t i = 0; i < set->n_stations; i++)
        free_station(&set->stations[i]);
    free(set->stations);
    free(set->path);
    strmap_free(&set->index);
    station_set_init(set);
}

int station_set_find(const station_set *set, const char *id)
{
    return id ? strmap_get(&set->index, id) : -1;
}

int station_set_find_arc(const station_set *set, int arc)
{
    for (size_t i = 0; i < set->n_stations; i++)
        if (set->stations[i].arc == arc)
            return (int)i;
    return -1;
}

int cs_station_find_compressor(const cs_station *st, const char *id)
{
    for (size_t i = 0; i < st->n_compressors; i++)
        if (st->compressors[i].id && strcmp(st->compressors[i].id, id) == 0)
            return (int)i;
    return -1;
}

int cs_station_find_drive(const cs_station *st, const char *id)
{
    for (size_t i = 0; i < st->n_drives; i++)
        if (st->drives[i].id && strcmp(st->drives[i].id, id) == 0)
            return (int)i;
    return -1;
}

int cs_station_find_configuration(const cs_station *st, const char *id)
{
    for (size_t i = 0; i < st->n_configurations; i++)
        if (st->configurations[i].id && strcmp(st->configurations[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* ---- Laws ------------------------------------------------------------- */

/* sum_{i,j=0..2} c[3i+j] x^i y^j (outer power on x). */
static double biquadratic(const double c[9], double x, double y)
{
    double row[3];
    for (int i = 0; i < 3; i++)
        row[i] = c[3 * i] + y * (c[3 * i + 1] + y * c[3 * i + 2]);
    return row[0] + x * (row[1] + x * row[2]);
}

static double quadratic(const double c[3], double x)
{
    return c[0] + x * (c[1] + x * c[2]);
}

/* Head map H(Q, n) = sum c_{3i+j+1} Q^i n^j in kJ/kg with n in 1/min
 * (GasLib: Schmidt et al. 2017; index order checked, FORMAT.md §6). */
double compressor_head_J_per_kg(const cs_compressor *c, double q_m3_per_s, double n_per_s)
{
    if (c->kind != COMPRESSOR_TURBO)
        return NAN;
    return J_PER_KJ * biquadratic(c->head_coeff, q_m3_per_s, n_per_s * PER_MIN_PER_HZ);
}

void compressor_head_gradient(const cs_compressor *c, double q_m3_per_s, double n_per_s, double *dh_dq, double *dh_dn)
{
    if (c->kind != COMPRESSOR_TURBO) {
        *dh_dq = *dh_dn = NAN;
        return;
    }
    /* H = sum_i q^i V_i(n), V_i = k[3i] + k[3i+1] n + k[3i+2] n^2 */
    const double *k = c->head_coeff;
    double q = q_m3_per_s, n = n_per_s * PER_MIN_PER_HZ;
    double v[3], dv[3];
    for (int i = 0; i < 3; i++) {
        v[i] = k[3 * i] + n * (k[3 * i + 1] + n * k[3 * i + 2]);
        dv[i] = k[3 * i + 1] + 2.0 * n * k[3 * i + 2];
    }
    double dq = v[1] + 2.0 * q * v[2];           /* kJ/kg per m^3/s */
    double dn = dv[0] + q * (dv[1] + q * dv[2]); /* kJ/kg per 1/min */
    *dh_dq = J_PER_KJ * dq;
    *dh_dn = J_PER_KJ * PER_MIN_PER_HZ * dn;
}

/* Efficiency map, same form as the head map (FORMAT.md §6: a least-squares
 * fit of the isolines). */
double compressor_efficiency(const cs_compressor *c, double q_m3_per_s, double n_per_s)
{
    if (c->kind != COMPRESSOR_TURBO)
        return NAN;
    return biquadratic(c->eta_coeff, q_m3_per_s, n_per_s * PER_MIN_PER_HZ);
}

/* Surge line H = c1 + c2 Q + c3 Q^2, kJ/kg (FORMAT.md §6, exact at the
 * surge measurements). */
double compressor_surge_head_J_per_kg(const cs_compressor *c, double q_m3_per_s)
{
    if (c->kind != COMPRESSOR_TURBO)
        return NAN;
    return J_PER_KJ * quadratic(c->surge_coeff, q_m3_per_s);
}

double compressor_surge_flow_m3_per_s(const cs_compressor *c, double h_J_per_kg)
{
    if (c->kind != COMPRESSOR_TURBO)
        return NAN;
    double a = c->surge_coeff[2], b = c->surge_coeff[1], k = c->surge_coeff[0] - h_J_per_kg / J_PER_KJ;
    double q;
    if (a == 0.0) {
        q = b != 0.0 ? -k / b : NAN;
    } else {
        double disc = b * b - 4.0 * a * k;
        if (disc < 0.0)
            return NAN;
        /* the root where the line rises (slope b + 2 a q = sqrt(disc)) */
        q = (-b + sqrt(disc)) / (2.0 * a);
    }
    return q > 0.0 ? q : NAN;
}

/* Choke line, same form: the isoline of efficiencyOfChokeline (exact at
 * those diagram points in GasLib-135/582). */
double compressor_choke_head_J_per_kg(const cs_compressor *c, double q_m3_per_s)
{
    if (c->kind != COMPRESSOR_TURBO)
        return NAN;
    return J_PER_KJ * quadratic(c->choke_coeff, q_m3_per_s);
}

/* Fuel = e1 + e2 P + e3 P^2 in kW, P in kW (GasLib: Schmidt et al. 2017;
 * FORMAT.md §6, checked against specificEnergyConsumptionMeasurements). */
double drive_fuel_power_W(const cs_drive *d, double shaft_power_W)
{
    return W_PER_KW * quadratic(d->energy_coeff, shaft_power_W / W_PER_KW);
}

/* Gas-driven motor: P_max = p1 + p2 n + p3 n^2 in kW, n in 1/min (checked
 * against maximalPowerMeasurements). Gas turbine: P_max = sum p_{3i+j+1}
 * T^i n^j, T in Celsius (FORMAT.md §6: no measurement verifies it; it is
 * the reading that gives every turbine of the files positive limits that
 * fall by 0.6-0.8 % per K, as real turbines derate). */
double drive_max_power_W(const cs_drive *d, double n_per_s, double ambient_K)
{
    double n = n_per_s * PER_MIN_PER_HZ;
    if (d->kind == DRIVE_GAS_DRIVEN_MOTOR)
        return W_PER_KW * quadratic(d->power_coeff, n);
    return W_PER_KW * biquadratic(d->power_coeff, ambient_K - CELSIUS_ZERO_K, n);
}
