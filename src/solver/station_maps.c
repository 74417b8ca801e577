/* Operating points of stations with machine data: see station_maps.h. The
 * head of a turbo unit is a quadratic in speed at fixed flow (FORMAT.md §6:
 * H = sum c_{3i+j} Q^i n^j), so the speed for a required head is a root of
 * a quadratic; surge and choke are read against the lines H_surge(Q),
 * H_choke(Q) (left of the surge line: the head needed exceeds it). A piston
 * unit runs at its adiabatic efficiency, at the speed at which its
 * operating volume (less the additional reduction) draws the flow, within
 * its speed range, maximal ratio and maximal torque. */
#include "solver/station_maps.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TWO_PI 6.283185307179586

/* The speed (1/s) at which turbo unit c delivers head h (J/kg) at flow q
 * (m^3/s): the root of a2 n^2 + a1 n + a0 = h nearest to the speed range
 * (n in 1/min inside the law). NAN when no real root. */
static double speed_for_head(const cs_compressor *c, double q, double h)
{
    double a[3];
    for (int j = 0; j < 3; j++)
        a[j] = c->head_coeff[j] + c->head_coeff[3 + j] * q + c->head_coeff[6 + j] * q * q;
    double target = h / 1e3 - a[0]; /* kJ/kg */
    double n;
    if (fabs(a[2]) < 1e-300) {
        if (a[1] == 0.0)
            return NAN;
        n = target / a[1];
    } else {
        double disc = a[1] * a[1] + 4.0 * a[2] * target;
        if (disc < 0.0)
            return NAN;
        double r = sqrt(disc);
        double n1 = (-a[1] + r) / (2.0 * a[2]), n2 = (-a[1] - r) / (2.0 * a[2]);
        double mid = 30.0 * (c->speed_min + c->speed_max); /* 1/min */
        n = fabs(n1 - mid) <= fabs(n2 - mid) ? n1 : n2;
    }
    return n / 60.0;
}

typedef struct {
    double power, fuel_power, speed;
    double recycle;        /* kg/s recirculated around units on their surge line */
    int breaches;          /* limits passed, over all units */
    int units, units_past; /* units run, units past a limit */
    char limit[64];
} unit_sum;

static void breach(unit_sum *u, const char *what)
{
    if (u->breaches++ == 0)
        snprintf(u->limit, sizeof u->limit, "%s", what);
}

/* One unit compressing mass flow m (kg/s) from p_in by head h (J/kg) and
 * ratio r, inlet density rho. */
static void run_unit(const cs_station *st, const cs_unit *unit, double m, double rho, double h, double r, int recycle,
                     unit_sum *u, int first)
{
    const cs_compressor *c = &st->compressors[unit->compressor];
    const cs_drive *d = c->drive >= 0 ? &st->drives[c->drive] : NULL;
    int breaches_before = u->breaches;
    double power, speed;
    if (c->kind == COMPRESSOR_PISTON) {
        /* each revolution draws the operating volume, less the additional
         * reduction, at the inlet density: the speed follows from the flow
         * (an assumption; see station_maps.h) */
        double eta = c->piston_efficiency > 0.0 ? c->piston_efficiency : 0.8;
        double red = isfinite(c->reduction_vol_flow) ? c->reduction_vol_flow : 0.0;
        double per_rev = c->operating_volume * (1.0 - red); /* m^3 */
        speed = per_rev > 0.0 ? m / rho / per_rev : unit->nominal_speed;
        if (recycle && per_rev > 0.0 && speed < c->speed_min) {
            /* below its least speed the unit runs at it, recirculating the rest */
            double m_min = c->speed_min * per_rev * rho;
            u->recycle += m_min - m;
            m = m_min;
            speed = c->speed_min;
        }
        power = m * h / eta;
        if (isfinite(c->max_ratio) && r > c->max_ratio * (1.0 + 1e-9))
            breach(u, "ratio_max");
        if (speed > c->speed_max * (1.0 + 1e-9))
            breach(u, "speed_max");
        else if (speed < c->speed_min * (1.0 - 1e-9))
            breach(u, "speed_min");
        /* a maximal torque of 0 (GasLib-582, GasLib-4197) stands for none given */
        if (c->max_torque > 0.0 && speed > 0.0 && power / (TWO_PI * speed) > c->max_torque * (1.0 + 1e-9))
            breach(u, "torque_max");
    } else {
        double q = m / rho;
        /* the map's boundaries first, then the speed range; with recycle a
         * unit left of its surge line runs on it, the anti-surge valve
         * returning the extra flow to its inlet */
        double hs = compressor_surge_head_J_per_kg(c, q), hc = compressor_choke_head_J_per_kg(c, q);
        if (isfinite(hs) && h > hs * (1.0 + 1e-9)) {
            double qs = recycle ? compressor_surge_flow_m3_per_s(c, h) : NAN;
            if (isfinite(qs) && qs > q) {
                u->recycle += (qs - q) * rho;
                q = qs;
                m = qs * rho;
            } else {
                breach(u, "surge");
            }
        } else if (isfinite(hc) && h < hc * (1.0 - 1e-9)) {
            breach(u, "choke");
        }
        speed = speed_for_head(c, q, h);
        if (!isfinite(speed)) {
            breach(u, "speed_max");
            speed = c->speed_max;
        } else if (speed > c->speed_max * (1.0 + 1e-9)) {
            breach(u, "speed_max");
        } else if (speed < c->speed_min * (1.0 - 1e-9)) {
            breach(u, "speed_min");
        }
        double eta = compressor_efficiency(c, q, speed);
        if (!(eta > 0.05) || !isfinite(eta))
            eta = isfinite(c->eta_choke) && c->eta_choke > 0.05 ? c->eta_choke : 0.05;
        power = m * h / eta;
    }
    if (d) {
        double pmax = drive_max_power_W(d, speed, STATION_AMBIENT_K);
        if (isfinite(pmax) && power > pmax * (1.0 + 1e-9))
            breach(u, "drive_power");
        double fuel = drive_fuel_power_W(d, power);
        u->fuel_power += isfinite(fuel) && fuel > 0.0 ? fuel : 0.0;
    }
    u->power += power;
    u->units++;
    u->units_past += u->breaches > breaches_before;
    if (first)
        u->speed = speed;
}

void station_map_evaluate(const cs_station *st, const steady_params *par, double q, double p_s, double p_d,
                          station_operating_point *out)
{
    double k1 = par->kappa / (par->kappa - 1.0), rt = par->r_s * par->temperature;
    memset(out, 0, sizeof *out);
    out->configuration = -1;
    out->speed = NAN;
    double best_share = 0.0; /* share of the chosen configuration's units past a limit */
    for (size_t ci = 0; ci < st->n_configurations; ci++) {
        const cs_configuration *cf = &st->configurations[ci];
        if (cf->n_stages == 0)
            continue;
        double r = pow(p_d / p_s, 1.0 / (double)cf->n_stages);
        unit_sum u = {0.0, 0.0, NAN, 0.0, 0, 0, 0, ""};
        double head_total = 0.0, p_in = p_s;
        for (size_t k = 0; k < cf->n_stages; k++) {
            const cs_stage *sg = &cf->stages[k];
            double z = gas_z(&par->gas, p_in, par->temperature, NULL);
            double h = z * rt * k1 * (pow(r, 1.0 / k1) - 1.0);
            double rho = p_in / (z * rt);
            head_total += h;
            for (size_t un = 0; un < sg->n_units; un++)
                run_unit(st, &sg->units[un], q / (double)sg->n_units, rho, h, r, par->station_recycle, &u,
                         k == 0 && un == 0);
            p_in *= r;
        }
        /* inside every limit beats past one; among configurations past a
         * limit, the smaller share of units past one wins: counting units
         * alone would favour the smallest configuration, which runs far off
         * its maps when the larger ones are only just past a limit */
        double share = u.units > 0 ? (double)u.units_past / (double)u.units : 0.0;
        int better = out->configuration < 0 || share < best_share || (share == best_share && u.power < out->power);
        if (!better)
            continue;
        best_share = share;
        out->configuration = (int)ci;
        out->speed = u.speed;
        out->head = head_total;
        out->power = u.power;
        out->fuel_power = u.fuel_power;
        out->recycle = u.recycle;
        out->efficiency = u.power > 0.0 ? q * head_total / u.power : NAN;
        snprintf(out->limit, sizeof out->limit, "%s", u.limit);
    }
}

static int inside_limits(const cs_station *st, const steady_params *par, double q, double p_s, double p_d)
{
    station_operating_point op;
    station_map_evaluate(st, par, q, p_s, p_d, &op);
    return op.configuration >= 0 && op.limit[0] == '\0';
}

/* The boundary between a discharge inside the limits and one past them,
 * bracketed by in and out (either may be the larger), to tol relative. */
static double window_edge(const cs_station *st, const steady_params *par, double q, double p_s, double in, double out,
                          double tol)
{
    while (fabs(out - in) > tol * fabs(in)) {
        double mid = 0.5 * (in + out);
        if (inside_limits(st, par, q, p_s, mid))
            in = mid;
        else
            out = mid;
    }
    return in;
}

#define MAX_DISCHARGE_STEPS 256

double station_map_max_discharge(const cs_station *st, const steady_params *par, double q, double p_s, double p_hi)
{
    if (!(q > 0.0) || !(p_s > 0.0) || !(p_hi > p_s))
        return NAN;
    if (inside_limits(st, par, q, p_s, p_hi))
        return p_hi;
    double step = (p_hi - p_s) / MAX_DISCHARGE_STEPS;
    for (int i = MAX_DISCHARGE_STEPS - 1; i >= 1; i--) {
        double lo = p_s + step * i;
        if (inside_limits(st, par, q, p_s, lo))
            return window_edge(st, par, q, p_s, lo, lo + step, 1e-9); /* lo + step is past a limit */
    }
    return NAN;
}

#define WINDOW_STEPS 64

int station_map_window(const cs_station *st, const steady_params *par, double q, double p_s, double p_hi, double p_d,
                       double *lo, double *hi)
{
    if (!(q > 0.0) || !(p_s > 0.0) || !(p_hi > p_s))
        return 0;
    double step = (p_hi - p_s) / WINDOW_STEPS;
    int best_a = -1, best_b = -1;
    double best_dist = HUGE_VAL;
    int run = -1; /* first step of the run of inside steps being scanned */
    for (int i = 1; i <= WINDOW_STEPS + 1; i++) {
        int in = i <= WINDOW_STEPS && inside_limits(st, par, q, p_s, p_s + step * i);
        if (in && run < 0)
            run = i;
        if (in || run < 0)
            continue;
        double a = p_s + step * run, b = p_s + step * (i - 1);
        double dist = p_d < a ? a - p_d : p_d > b ? p_d - b : 0.0;
        if (dist < best_dist) {
            best_dist = dist;
            best_a = run;
            best_b = i - 1;
        }
        run = -1;
    }
    if (best_a < 0)
        return 0;
    double a = p_s + step * best_a, b = p_s + step * best_b;
    *lo = window_edge(st, par, q, p_s, a, a - step, 1e-6);
    *hi = best_b < WINDOW_STEPS ? window_edge(st, par, q, p_s, b, b + step, 1e-6) : p_hi;
    return 1;
}
