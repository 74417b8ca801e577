/* Newton's method on the steady node-arc system set up by steady_setup.c,
 * and the recovery of every node's pressure and every arc's flow from the
 * converged supernode state.
 *
 * Per iteration: evaluate all arc laws and mass balances with their
 * derivatives, eliminate the flows of pipes and resistors (dq = -(F + F_pi_i
 * dpi_i + F_pi_j dpi_j) / F_q), factorize and solve the node system
 * bordered by the remaining arc flows, update. Steps are shortened only to
 * keep squared pressures positive. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solver/steady_internal.h"
#include "util/clock.h"
#include "util/team.h"

/* The smallest fraction of its squared pressure that a node may lose in one
 * step. */
#define PI_FLOOR 1e-4
/* A fixed-loss resistor reaches its full loss within this fraction of the
 * throughput (tanh ramp), and adds a resistance that costs this fraction of
 * its loss at the full throughput. */
#define FIXED_LOSS_RAMP 1e-3
#define FIXED_LOSS_SLOPE 1e-4
/* Consecutive steps shortened below 1 % before a solve counts as stalled. */
#define MAX_SHORT_STEPS 12
/* While the law residual exceeds this many times its tolerance, a step on
 * the sparse layer's symmetric path is refined only to SPARSE_REFINE_LOOSE
 * (sparse.h). Newton's steps gain about a thousandfold in the laws, so from
 * below this a step may converge them, and then its balances have to be
 * tight. The grid's 3 refinement steps became 2 and the 250,000-node
 * mesh's 7 became 3, with the same iterations; on 60 x 60 grids of 10 and
 * 30 km pipes 4 became 2 and 6 became 3, the laws' residuals the same to
 * three digits in every iteration. */
#define LOOSE_ABOVE 1e4

/* Core arcs from which the passes over them are split with the helper
 * thread of a split factorization (only large networks have one). */
#define TEAM_MIN_ARCS 2000

/* Gas velocity (m/s) at which a cold start's first step takes its secants. */
#define COLD_VELOCITY 0.5

static double root(double pi)
{
    return pi > 0.0 ? sqrt(pi) : 0.0;
}

/* phi(Re) of a pipe and its slope (friction.h). A law that does not depend
 * on Re gives the same bits from the pipe's lambda_t without a logarithm. */
static double pipe_phi(const steady_ws *w, const law_arc *l, double re, double *dphi)
{
    double a = fabs(re);
    if (l->lambda_t > 0.0 && a >= l->re_t) {
        if (dphi)
            *dphi = 2.0 * l->lambda_t * a;
        return l->lambda_t * a * re;
    }
    return friction_phi_at(&w->par->friction, re, l->rel_k, l->re_t, dphi);
}

/* Pipe law (physics.md §2), in squared pressures:
 *   F = e^-s pi_i - pi_j - c z phi(Re) g(s),  s = s0 / z,
 * z at the mean pressure p_m = 2/3 (p_i + p_j - p_i p_j / (p_i + p_j)).
 * Returns the law's residual in Pa: |F| over p_i + p_j. Divisions are kept
 * to two for a level pipe (there were eight): the reciprocal of the sum
 * (for the mean pressure, the residual and the mean pressure's slopes) and
 * one over the product of the end pressures; only an inclined pipe divides
 * for its incline. pa, pb are the roots of
 * pi_i, pi_j; the flow slope fq is taken at q_slope (q itself but in the
 * cold start's secant). */
static double eval_pipe_at(const steady_ws *w, law_arc *l, double q, double pi_i, double pi_j, double pa, double pb,
                           double q_slope)
{
    const steady_params *par = w->par;
    double sum = pa + pb;
    double inv_sum = sum > 0.0 ? 1.0 / sum : 0.0;
    double pm = sum > 0.0 ? (2.0 / 3.0) * (sum - pa * pb * inv_sum) : 0.0;
    double dz_dpm;
    double z = gas_z_at(&par->z_poly, pm, &dz_dpm);
    double dphi;
    double phi = pipe_phi(w, l, q * l->re_per_q, &dphi);
    if (q_slope != q) /* the flow slope at another flow (the cold start's secant) */
        pipe_phi(w, l, q_slope * l->re_per_q, &dphi);
    double iz = l->s0 != 0.0 ? 1.0 / z : 0.0; /* an inclined pipe's one division for its incline */
    double s = l->s0 * iz, dg, alpha;
    double g = gas_incline(s, &dg, &alpha);
    l->f = alpha * pi_i - pi_j - l->c * z * phi * g;
    l->fq = -l->c * z * g * dphi * l->re_per_q;
    double df_dz = -l->c * phi * (g - s * dg) + alpha * s * iz * pi_i;
    double dz_dpi = 0.0, dz_dpj = 0.0;
    if (dz_dpm != 0.0 && pa > 0.0 && pb > 0.0) {
        /* dp_m/dpi_i = 2/3 (1 - (p_j / sum)^2) / (2 p_i), and for j alike */
        double ra = pb * inv_sum, rb = pa * inv_sum;
        double h = dz_dpm / (3.0 * pa * pb);
        dz_dpi = h * pb * (1.0 - ra * ra);
        dz_dpj = h * pa * (1.0 - rb * rb);
    }
    l->fi = alpha + df_dz * dz_dpi;
    l->fj = -1.0 + df_dz * dz_dpj;
    return sum > 0.0 ? fabs(l->f) * inv_sum : fabs(l->f);
}

/* eval_pipe_at with p_i, p_j the roots of pi_i, pi_j, and the slope at q. */
static double eval_pipe(const steady_ws *w, law_arc *l, double q, double pi_i, double pi_j)
{
    return eval_pipe_at(w, l, q, pi_i, pi_j, root(pi_i), root(pi_j), q);
}

/* m(|q|) of a resistor's loss q m(q): |q| above 2 q_lam (the turbulent
 * law), q_lam below q_lam (linear, laminar), a cubic matching values and
 * slopes in between; *dm receives dm/d|q|. */
static double resistor_m(double a, double q_lam, double *dm)
{
    if (a >= 2.0 * q_lam) {
        *dm = 1.0;
        return a;
    }
    if (a <= q_lam) {
        *dm = 0.0;
        return q_lam;
    }
    /* Hermite on t in [0, 1]: m(0) = q_lam, m'(0) = 0, m(1) = 2 q_lam, m'(1) = q_lam */
    double t = a / q_lam - 1.0, t2 = t * t, t3 = t2 * t;
    *dm = (6.0 * t - 6.0 * t2) + (3.0 * t2 - 2.0 * t);
    return q_lam * (1.0 + (3.0 * t2 - 2.0 * t3) + (t3 - t2));
}

/* Resistor (physics.md §3): p_i - p_j = zeta rho_u v|v| / 2 with rho at the
 * upstream node u, i.e. F = p_i - p_j - c z_u q m(|q|) / p_u with m as in
 * resistor_m: exact above Reynolds number 4000, linear below 2000. */
static void eval_resistor(const steady_ws *w, law_arc *l, double q, double pi_i, double pi_j)
{
    const steady_params *par = w->par;
    double pa = root(pi_i), pb = root(pi_j);
    int up_i = q >= 0.0;
    double pu = up_i ? pa : pb;
    double dz;
    double z = gas_z_at(&par->z_poly, pu, &dz);
    double dm;
    double m = resistor_m(fabs(q), l->q_lam, &dm);
    double qm = q * m;
    double pu_safe = pu > 0.0 ? pu : 1.0;
    l->f = pa - pb - l->c * z * qm / pu_safe;
    l->fq = -l->c * z / pu_safe * (m + fabs(q) * dm);
    double dzp = (dz * pu_safe - z) / (pu_safe * pu_safe); /* d(z/p)/dp */
    double da = 1.0 - (up_i ? l->c * qm * dzp : 0.0);
    double db = -1.0 - (up_i ? 0.0 : l->c * qm * dzp);
    l->fi = pa > 0.0 ? da / (2.0 * pa) : 0.0;
    l->fj = pb > 0.0 ? db / (2.0 * pb) : 0.0;
}

/* Fixed-loss resistor (physics.md §3: a fixed drop in the flow direction):
 * F = p_i - p_j - dP tanh(q / q_r) - dP s q / Q with Q the throughput,
 * q_r = FIXED_LOSS_RAMP Q and s = FIXED_LOSS_SLOPE. The tanh turns the
 * direction smoothly (the full loss to 1e-8 from 1 % of the throughput on),
 * and the small slope keeps the flow determined when the pressure
 * difference is pinned at the loss. */
static void eval_fixed_loss(const steady_ws *w, law_arc *l, double q, double pi_i, double pi_j)
{
    double pa = root(pi_i), pb = root(pi_j);
    double ramp = FIXED_LOSS_RAMP * w->q_scale;
    double th = tanh(q / ramp);
    double slope = l->c * FIXED_LOSS_SLOPE / w->q_scale;
    l->f = pa - pb - l->c * th - slope * q;
    l->fq = -(l->c * (1.0 - th * th) / ramp + slope);
    l->fi = pa > 0.0 ? 0.5 / pa : 0.0;
    l->fj = pb > 0.0 ? -0.5 / pb : 0.0;
}

/* Evaluates a resistor of either kind. */
static void eval_other(const steady_ws *w, law_arc *l, double q, double pi_i, double pi_j)
{
    if (l->kind == LAW_FIXED_LOSS)
        eval_fixed_loss(w, l, q, pi_i, pi_j);
    else
        eval_resistor(w, l, q, pi_i, pi_j);
}

/* Evaluates a pipe or resistor at the current pressures; returns its law
 * residual in Pa (a pipe's squared-pressure residual over p_i + p_j). */
static double law_residual_pa(const steady_ws *w, law_arc *l, double q)
{
    double pi_i = w->x[l->i], pi_j = w->x[l->j];
    if (l->kind != LAW_PIPE) {
        eval_other(w, l, q, pi_i, pi_j);
        return fabs(l->f);
    }
    return eval_pipe(w, l, q, pi_i, pi_j);
}

/* law_residual_pa in an evaluation of the whole system: the end
 * pressures' roots from w->p_root. */
static double law_residual_at(const steady_ws *w, law_arc *l, double q)
{
    if (l->kind != LAW_PIPE)
        return law_residual_pa(w, l, q);
    return eval_pipe_at(w, l, q, w->x[l->i], w->x[l->j], w->p_root[l->i], w->p_root[l->j], q);
}

/* The first step from a cold start, where every flow is 0. There a pipe's or
 * resistor's slope is the laminar one, so that step would split the flows
 * of a meshed network by laminar resistances: in GasLib-582 a pipe then
 * carried 32 kg/s for its 0.6, and as Newton halves such an excess once
 * per iteration, the solve took 7 iterations. The first step takes instead
 * the secant of each law at a gas velocity of COLD_VELOCITY (half its
 * slope there), which splits the flows by the turbulent resistances; the
 * law's value stays the one at zero flow. a is the law arc, rho_v the
 * density at the pressure scale times that velocity. Returns
 * law_residual_pa's value at zero flow. */
static double cold_secant(const steady_ws *w, int a, double rho_v)
{
    law_arc *l = &w->law[a];
    double d = w->net->view.geometry[3 * (size_t)w->law_net[a] + 1];
    double qv = rho_v * 0.25 * GAS_PI * d * d;
    double r;
    if (l->kind == LAW_PIPE) {
        /* only the friction depends on the flow: one evaluation at zero
         * flow with the slope taken at qv */
        r = eval_pipe_at(w, l, 0.0, w->x[l->i], w->x[l->j], w->p_root[l->i], w->p_root[l->j], qv);
    } else {
        law_residual_at(w, l, qv);
        double fq = l->fq;
        r = law_residual_at(w, l, 0.0);
        l->fq = fq;
    }
    l->fq *= 0.5;
    return r;
}

/* Bordering arcs; returns the residual in Pa (0 for fixed flow). */
static double eval_border(border_arc *b, double q, double pi_i, double pi_j)
{
    double pa = root(pi_i), pb = root(pi_j);
    double ia = pa > 0.0 ? 0.5 / pa : 0.0, ib = pb > 0.0 ? 0.5 / pb : 0.0;
    switch (b->kind) {
    case BORDER_OUTLET:
        b->h = pi_j - b->value * b->value;
        b->hq = 0.0;
        b->hi = 0.0;
        b->hj = 1.0;
        return fabs(pb - b->value);
    case BORDER_INLET:
        b->h = pi_i - b->value * b->value;
        b->hq = 0.0;
        b->hi = 1.0;
        b->hj = 0.0;
        return fabs(pa - b->value);
    case BORDER_RATIO:
        b->h = pb + b->loss_out - b->value * (pa - b->loss_in);
        b->hq = 0.0;
        b->hi = -b->value * ia;
        b->hj = ib;
        return fabs(b->h);
    case BORDER_FLOW:
    default:
        b->h = q - b->value;
        b->hq = 1.0;
        b->hi = 0.0;
        b->hj = 0.0;
        return 0.0;
    }
}

/* The laws of the core arcs a0 .. a1 - 1 at their flows (the cold start's
 * secants in the first evaluation): the largest residual (Pa). */
static double evaluate_laws(steady_ws *w, int a0, int a1, int first, double rho_v)
{
    double lr = 0.0;
    for (int a = a0; a < a1; a++) {
        law_arc *l = &w->law[a];
        double q = w->q_law[a];
        double r = first && q == 0.0 && l->kind != LAW_FIXED_LOSS ? cold_secant(w, a, rho_v) : law_residual_at(w, l, q);
        if (r > lr)
            lr = r;
    }
    return lr;
}

/* A pass over the core arcs in two halves, the second on the helper
 * thread (team.h). */
typedef struct {
    steady_ws *w;
    int first;
    double rho_v;
    double lr[2];
    double t; /* update: the step length */
} arc_pass;

static void evaluate_part(void *arg, int part)
{
    arc_pass *p = arg;
    int n = p->w->n_law_core, mid = n / 2;
    p->lr[part] = evaluate_laws(p->w, part ? mid : 0, part ? n : mid, p->first, p->rho_v);
}

/* The helper thread of the Newton system's factorization, for passes over
 * the arcs of a network this large (NULL when it has none). */
static team *arc_team(steady_ws *w)
{
    return w->sys.mf && w->n_law_core >= TEAM_MIN_ARCS ? mf_team(w->sys.mf) : NULL;
}

/* Evaluates every law and mass balance at the current iterate; first: the
 * iterate is the first of this solve (arcs at zero flow take the cold
 * start's secant). The balances are summed in one thread, in arc order. */
static void evaluate(steady_ws *w, double *law_res, double *mass_res, int first)
{
    const double *x = w->x;
    double lr = 0.0, mr = 0.0;
    double rho_v = 0.0;
    if (first) {
        const steady_params *par = w->par;
        double z = gas_z_at(&par->z_poly, w->p_scale, NULL);
        rho_v = COLD_VELOCITY * w->p_scale / (z * par->r_s * par->temperature);
    }
    /* each core supernode's pressure once, not once per pipe at it; the
     * core's supernodes are the first rows (references are never peeled) */
    double *p = w->p_root;
    int core = w->n - w->n_cols;
    for (int m = 0; m < core; m++) {
        int s = w->var_of[m];
        w->g[s] = w->demand[s];
        p[s] = root(x[s]);
        if (w->ref_node[s] >= 0) {
            double r = fabs(p[s] - w->fixed_p[s]);
            if (r > lr)
                lr = r;
        }
    }
    team *t = arc_team(w);
    if (t) {
        arc_pass pass = {w, first, rho_v, {0.0, 0.0}, 0.0};
        team_run(t, evaluate_part, &pass);
        lr = fmax(lr, fmax(pass.lr[0], pass.lr[1]));
    } else {
        lr = fmax(lr, evaluate_laws(w, 0, w->n_law_core, first, rho_v));
    }
    for (int a = 0; a < w->n_law_core; a++) {
        double q = w->q_law[a];
        w->g[w->law[a].i] += q;
        w->g[w->law[a].j] -= q;
    }
    for (int b = 0; b < w->n_border; b++) {
        border_arc *ba = &w->border[b];
        double q = ba->share * x[ba->col];
        if (ba->lead) {
            double r = eval_border(ba, x[ba->col], x[ba->i], x[ba->j]);
            if (r > lr)
                lr = r;
            if (ba->kind == BORDER_FLOW && fabs(ba->h) > mr)
                mr = fabs(ba->h);
        }
        w->g[ba->i] += q;
        w->g[ba->j] -= q;
    }
    for (int m = 0; m < core; m++) {
        int s = w->var_of[m];
        if (w->ref_node[s] < 0 && fabs(w->g[s]) > mr)
            mr = fabs(w->g[s]);
    }
    *law_res = lr;
    *mass_res = mr;
}

/* Fills the matrix values and the right-hand side of the Newton system
 * (and each law arc's 1 / fq). */
static void assemble(steady_ws *w)
{
    int ns = w->n_super;
    const int *row = w->row_of;
    double *v = w->sys.values;
    double *rhs = w->dx;
    memset(v, 0, (size_t)w->sys.nnz * sizeof *v);
    for (int s = 0; s < ns; s++) {
        if (row[s] < 0)
            continue;
        if (w->ref_node[s] >= 0) {
            v[w->slot_diag[s]] = 1.0;
            rhs[row[s]] = w->fixed_p[s] * w->fixed_p[s] - w->x[s];
        } else {
            rhs[row[s]] = -w->g[s];
        }
    }
    for (int a = 0; a < w->n_law_core; a++) {
        law_arc *l = &w->law[a];
        double r = l->rfq = 1.0 / l->fq;
        if (l->slot[0] >= 0) {
            v[l->slot[0]] -= l->fi * r;
            v[l->slot[1]] -= l->fj * r;
            rhs[row[l->i]] += l->f * r;
        }
        if (l->slot[2] >= 0) {
            v[l->slot[2]] += l->fi * r;
            v[l->slot[3]] += l->fj * r;
            rhs[row[l->j]] -= l->f * r;
        }
    }
    for (int b = 0; b < w->n_border; b++) {
        const border_arc *ba = &w->border[b];
        if (ba->slot_ic >= 0)
            v[ba->slot_ic] += ba->share;
        if (ba->slot_jc >= 0)
            v[ba->slot_jc] -= ba->share;
        if (!ba->lead)
            continue;
        v[ba->slot_rq] += ba->hq;
        v[ba->slot_ri] += ba->hi;
        v[ba->slot_rj] += ba->hj;
        rhs[row[ba->col]] = -ba->h;
    }
}

/* The flows of core arcs a0 .. a1 - 1 after a step of length t. A pipe
 * linearized near zero flow (laminar, steep) can be handed an absurd flow
 * when both its end pressures are held; no pipe carries more than the
 * throughput plus twice its present flow in one step. The balances this
 * breaks are restored by the next step. */
static void update_flows(steady_ws *w, int a0, int a1, double t)
{
    const int *row = w->row_of;
    for (int a = a0; a < a1; a++) {
        const law_arc *l = &w->law[a];
        double dq = -(l->f + l->fi * w->dx[row[l->i]] + l->fj * w->dx[row[l->j]]) * l->rfq;
        double q = w->q_law[a] + t * dq;
        double cap = 2.0 * fabs(w->q_law[a]) + w->q_scale;
        w->q_law[a] = q > cap ? cap : q < -cap ? -cap : q;
    }
}

static void update_part(void *arg, int part)
{
    arc_pass *p = arg;
    int n = p->w->n_law_core, mid = n / 2;
    update_flows(p->w, part ? mid : 0, part ? n : mid, p->t);
}

/* Applies the step dx (and the eliminated flow corrections), shortened so
 * that no squared pressure falls below PI_FLOOR of its value. Returns the
 * step length. */
static double update(steady_ws *w)
{
    double t = 1.0;
    for (int m = 0; m < w->n; m++) {
        int k = w->var_of[m];
        if (k >= w->n_super)
            continue;
        double d = w->dx[m], pi = w->x[k];
        if (d < 0.0 && pi + d < PI_FLOOR * pi) {
            double ts = (1.0 - PI_FLOOR) * pi / -d;
            if (ts < t)
                t = ts;
        }
    }
    team *helper = arc_team(w);
    if (helper) {
        arc_pass pass = {w, 0, 0.0, {0.0, 0.0}, t};
        team_run(helper, update_part, &pass);
    } else {
        update_flows(w, 0, w->n_law_core, t);
    }
    for (int m = 0; m < w->n; m++)
        w->x[w->var_of[m]] += t * w->dx[m];
    return t;
}

/* The far end of a tree pipe with known flow: F = e^-s pi_i - pi_j -
 * c z phi g(s) = 0 solved for the far squared pressure by fixed-point
 * iteration on z (z at the mean pressure; it contracts fast, as z varies
 * slowly with p) until the law holds to tol (Pa). Friction depends on the
 * flow only and is computed once. *res_pa receives the law's residual. */
static double tree_pipe(const steady_ws *w, const law_arc *l, double q, double pi_known, double p_known, int far_is_j,
                        double tol, double *res_pa, double *p_far_out)
{
    const steady_params *par = w->par;
    /* c phi is taken first: along a line the product waits only for z */
    double cphi = l->c * pipe_phi(w, l, q * l->re_per_q, NULL);
    double z = gas_z_at(&par->z_poly, p_known, NULL);
    /* the sweep is one chain of dependent steps along a line of pipes, so
     * each step's square roots and divisions are kept to the needed ones:
     * the far pressure's root is carried, one reciprocal of the end
     * pressures' sum serves the mean pressure and the next step's residual,
     * a level pipe divides nothing for its incline, the first step has no
     * previous iterate to judge */
    double pi_far = pi_known, p_far = p_known, inv_sum = 0.0;
    for (int k = 0; k < 60; k++) {
        double s = l->s0 != 0.0 ? l->s0 / z : 0.0, dg, alpha;
        double g = gas_incline(s, &dg, &alpha);
        double beta = cphi * g * z;
        double next = far_is_j ? alpha * pi_known - beta : (pi_known + beta) / alpha;
        if (!(next > 0.0)) {
            *p_far_out = 0.0;
            return 0.0;
        }
        if (k > 0) {
            /* the law at the previous iterate is off by what this step
             * moved (times alpha when the far end is i); in Pa over
             * p_i + p_j, whose reciprocal the mean pressure took */
            *res_pa = fabs(next - pi_far) * (far_is_j ? 1.0 : alpha) * inv_sum;
            if (*res_pa <= tol)
                break;
        }
        pi_far = next;
        p_far = sqrt(pi_far);
        inv_sum = 1.0 / (p_known + p_far);
        z = gas_z_at(&par->z_poly, (2.0 / 3.0) * (p_known + p_far - p_known * p_far * inv_sum), NULL);
    }
    *p_far_out = p_far;
    return pi_far;
}

/* Pressures along the peeled trees, from the core outwards: each tree arc's
 * flow is known, so its law gives the far end's squared pressure. Returns
 * the first supernode whose pressure is not positive, or -1. */
static int sweep_trees(steady_ws *w, double *law_res)
{
    /* tree laws to a thousandth of the Newton tolerance */
    double tol = 1e-3 * w->par->tolerance * w->p_scale;
    /* the last pipe's far end, kept in registers: along a line it is the
     * next pipe's known end, which then waits for no store and load */
    int last = -1;
    double last_pi = 0.0, last_p = 0.0, lr = *law_res;
    for (int t = w->n_tree - 1; t >= 0; t--) {
        int a = w->n_law_core + t;
        law_arc *l = &w->law[a];
        int s = w->peel_node[t];
        int far_is_j = l->j == s;
        double q = w->q_law[a];
        int known = far_is_j ? l->i : l->j;
        if (l->kind == LAW_PIPE) {
            double pi_known, p_known, r = 0.0;
            if (known == last) {
                pi_known = last_pi;
                p_known = last_p;
            } else {
                /* a peeled neighbour's root is at hand: the next pipe along
                 * a line need not wait for a square root */
                pi_known = w->x[known];
                p_known = w->row_of[known] < 0 ? w->p_tree[known] : root(pi_known);
            }
            last_pi = tree_pipe(w, l, q, pi_known, p_known, far_is_j, tol, &r, &last_p);
            last = s;
            w->x[s] = last_pi;
            w->p_tree[s] = last_p;
            if (!(last_pi > 0.0)) {
                *law_res = lr;
                return s;
            }
            if (r > lr)
                lr = r;
            continue;
        }
        last = -1;
        double pi_known = w->x[known];
        /* resistors: scalar Newton on the far end */
        w->x[s] = pi_known;
        for (int k = 0; k < 60; k++) {
            eval_other(w, l, q, w->x[l->i], w->x[l->j]);
            double slope = far_is_j ? l->fj : l->fi;
            if (slope == 0.0)
                break;
            double next = w->x[s] - l->f / slope;
            if (!(next > 0.0)) {
                w->x[s] = 0.0;
                *law_res = lr;
                return s;
            }
            int done = fabs(next - w->x[s]) <= 1e-15 * next;
            w->x[s] = next;
            if (done)
                break;
        }
        w->p_tree[s] = root(w->x[s]);
        double r = law_residual_pa(w, l, q);
        if (r > lr)
            lr = r;
    }
    *law_res = lr;
    return -1;
}

static const char *super_member(const steady_ws *w, int s)
{
    if (w->ref_node[s] >= 0)
        return w->net->nodes[w->ref_node[s]].id;
    for (size_t n = 0; n < w->n_nodes; n++)
        if (w->super_of[n] == s)
            return w->net->nodes[n].id;
    return "?";
}

/* Appends the residual history and the worst elements to a message. */
static void describe_failure(const steady_ws *w, int iters, char *buf, size_t cap)
{
    size_t len = strlen(buf);
    int first = iters > 6 ? iters - 6 : 0;
    for (int k = first; k <= iters && len + 80 < cap; k++)
        len += (size_t)snprintf(buf + len, cap - len, "%s it %d: mass %.3g kg/s, law %.3g Pa",
                                k == first ? "; residuals:" : ",", k, w->hist_mass[k], w->hist_law[k]);
    int worst_s = -1, low_s = -1, worst_a = -1;
    double wm = 0.0, wl = 0.0, low = INFINITY;
    for (int s = 0; s < w->n_super; s++) {
        /* balances are kept for the core (peeled supernodes balance by construction) */
        if (w->row_of[s] >= 0 && w->ref_node[s] < 0 && fabs(w->g[s]) > wm) {
            wm = fabs(w->g[s]);
            worst_s = s;
        }
        if (w->x[s] < low) {
            low = w->x[s];
            low_s = s;
        }
    }
    for (int a = 0; a < w->n_law_core; a++) {
        double ps = root(w->x[w->law[a].i]) + root(w->x[w->law[a].j]);
        double r = ps > 0.0 ? fabs(w->law[a].f) / ps : fabs(w->law[a].f);
        if (w->law[a].kind != LAW_PIPE)
            r = fabs(w->law[a].f);
        if (r > wl) {
            wl = r;
            worst_a = a;
        }
    }
    if (worst_s >= 0 && len + 120 < cap)
        len += (size_t)snprintf(buf + len, cap - len, "; largest imbalance at node '%s' (%.3g kg/s)",
                                super_member(w, worst_s), wm);
    if (worst_a >= 0 && len + 120 < cap)
        len += (size_t)snprintf(buf + len, cap - len, "; largest law residual at %s '%s' (%.3g Pa)",
                                arc_kind_name(w->net->arcs[w->law_net[worst_a]].kind),
                                w->net->arcs[w->law_net[worst_a]].id, wl);
    if (low_s >= 0 && len + 120 < cap)
        snprintf(buf + len, cap - len, "; lowest pressure %.4g bar at node '%s'", root(low) / 1e5,
                 super_member(w, low_s));
}

/* ---- recovery of all nodes and arcs ----------------------------------- */

/* Flows of lossless arcs from the node balances on their spanning forest
 * (steady_ws.forest_order; arcs closing a lossless loop carry no flow: any
 * split is a solution), and the withdrawals of reference nodes. e[n] holds
 * n's withdrawal on entry (0 at a reference) and serves as scratch. */
static void recover_lossless(steady_ws *w, steady_result *res, double *e, double *esum)
{
    const int *from = w->arc_from, *to = w->arc_to;
    size_t nn = w->n_nodes;
    /* e[n]: net outflow at n through non-lossless arcs plus withdrawal
     * (lossless and closed arcs carry nothing yet) */
    for (size_t a = 0; a < w->n_arcs; a++) {
        e[from[a]] += res->q[a];
        e[to[a]] -= res->q[a];
    }
    for (size_t n = 0; n < nn; n++)
        esum[w->super_of[n]] += e[n];
    /* references supply their supernode's balance: they are core rows */
    res->slack_imbalance = w->rebalanced;
    for (int m = 0; m < w->n - w->n_cols; m++) {
        int n = w->ref_node[w->var_of[m]];
        if (n < 0)
            continue;
        res->withdrawal[n] = -esum[w->var_of[m]];
        e[n] += res->withdrawal[n];
        /* injection beyond the nominated one; fuel burnt at the reference
         * itself counts as supplied there */
        res->slack_imbalance += w->node_demand[n] - res->withdrawal[n];
    }
    if (w->n_lossless == 0)
        return; /* every supernode is one node: nothing to distribute */
    const int *order = w->forest_order, *parent_arc = w->forest_parent;
    /* leaves first: the arc to the parent carries the subtree's balance */
    for (int k = (int)nn - 1; k >= 0; k--) {
        int v = order[k], a = parent_arc[v];
        if (a < 0)
            continue;
        int u;
        if (from[a] == v) {
            res->q[a] = -e[v];
            u = to[a];
        } else {
            res->q[a] = e[v];
            u = from[a];
        }
        e[u] += e[v];
    }
}

/* The largest imbalance at a node of the network, from the final flows and
 * withdrawals (bal: scratch, one per node). */
static double mass_residual(steady_ws *w, const steady_result *res, double *bal)
{
    size_t nn = w->n_nodes;
    for (size_t n = 0; n < nn; n++)
        bal[n] = res->withdrawal[n];
    for (size_t a = 0; a < w->n_arcs; a++) {
        bal[w->arc_from[a]] += res->q[a];
        bal[w->arc_to[a]] -= res->q[a];
    }
    double m = 0.0;
    for (size_t n = 0; n < nn; n++)
        if (fabs(bal[n]) > m)
            m = fabs(bal[n]);
    return m;
}

/* The result per node and arc from the supernode state; swept: Newton
 * converged (its last evaluation took the core's roots at this state) and
 * the sweep along the peeled trees completed. */
static int fill_result(steady_ws *w, steady_result *res, int swept)
{
    size_t nn = w->n_nodes;
    double *e = arena_alloc(w->arena, nn * sizeof *e);
    double *esum = arena_calloc(w->arena, (size_t)w->n_super, sizeof *esum);
    if (!e || !esum)
        return -1;
    for (size_t n = 0; n < nn; n++) {
        int s = w->super_of[n];
        /* after a converged solve the last evaluation left the core's
         * pressures at hand, and the sweep the peeled ones' */
        res->p[n] = !swept ? root(w->x[s]) : w->row_of[s] < 0 ? w->p_tree[s] : w->p_root[s];
        int ref = w->ref_node[s] == (int)n;
        res->is_reference[n] = (unsigned char)ref;
        res->withdrawal[n] = w->node_demand[n];
        e[n] = ref ? 0.0 : w->node_demand[n];
    }
    memset(res->q, 0, w->n_arcs * sizeof *res->q);
    memcpy(res->mode, w->mode, w->n_arcs * sizeof *res->mode);
    memcpy(res->set_point, w->set_point, w->n_arcs * sizeof *res->set_point);
    for (int a = 0; a < w->n_law; a++)
        res->q[w->law_net[a]] = w->q_law[a];
    for (int b = 0; b < w->n_border; b++)
        res->q[w->border[b].arc] = w->border[b].share * w->x[w->border[b].col];
    recover_lossless(w, res, e, esum);
    res->mass_residual = mass_residual(w, res, e);
    res->n_unknowns = (size_t)w->n;
    return 0;
}

/* ---- Newton ------------------------------------------------------------ */

gf_status steady_newton(steady_ws *w, steady_result *res, error_info *err)
{
    const steady_params *par = w->par;
    /* arc laws to the relative tolerance of the highest fixed pressure; the
     * balances are linear, so a step closes them to rounding anyway */
    double law_tol = par->tolerance * w->p_scale;
    double mass_tol = 1e-10 * w->q_scale;
    if (mass_tol < 1e-9)
        mass_tol = 1e-9;
    int it = 0, short_steps = 0;
    gf_status st = GF_OK;
    double lr = 0.0, mr = 0.0;
    res->linear_ms = 0.0;
    for (;;) {
        evaluate(w, &lr, &mr, it == 0);
        w->hist_law[it] = lr;
        w->hist_mass[it] = mr;
        if (!isfinite(lr) || !isfinite(mr)) {
            st = error_set(err, GF_ERR_NOT_CONVERGED, "steady solve diverged (non-finite residual) after %d iterations",
                           it);
            break;
        }
        if (lr <= law_tol && mr <= mass_tol)
            break;
        /* far from the solution the step may be solved more loosely */
        w->sys.refine_tol = lr > LOOSE_ABOVE * law_tol ? SPARSE_REFINE_LOOSE : SPARSE_REFINE_TOL;
        if (it >= par->max_iterations) {
            error_set(err, GF_ERR_NOT_CONVERGED, "steady solve did not converge in %d iterations", it);
            describe_failure(w, it, err->msg, sizeof err->msg);
            st = GF_ERR_NOT_CONVERGED;
            break;
        }
        assemble(w);
        double t0 = clock_ms();
        int singular = sparse_factor_solve(&w->sys, w->dx) != 0;
        double t1 = clock_ms();
        if (res->linear_ms == 0.0 || t1 - t0 < res->linear_ms)
            res->linear_ms = t1 - t0;
        if (singular) {
            int col = w->sys.common.singular_col;
            col = col >= 0 && col < w->n ? w->var_of[col] : -1;
            if (col >= 0 && col < w->n_super)
                st = error_set(err, GF_ERR_SINGULAR,
                               "the network equations are singular at node '%s' (iteration %d): its pressure or "
                               "flows are not determined",
                               super_member(w, col), it);
            else if (col >= w->n_super) {
                int b = 0;
                while (b + 1 < w->n_border && w->border[b].col != col)
                    b++;
                st = error_set(err, GF_ERR_SINGULAR,
                               "the network equations are singular at %s '%s' (iteration %d): its flow is not "
                               "determined (a loop of set points?)",
                               arc_kind_name(w->net->arcs[w->border[b].arc].kind), w->net->arcs[w->border[b].arc].id,
                               it);
            } else
                st = error_set(err, GF_ERR_SINGULAR, "the network equations are singular (iteration %d)", it);
            break;
        }
        /* steps cut short again and again by the positivity of the squared
         * pressures: some pressure is heading for zero */
        short_steps = update(w) < 1e-2 ? short_steps + 1 : 0;
        it++;
        if (short_steps >= MAX_SHORT_STEPS) {
            error_set(err, GF_ERR_NOT_CONVERGED, "steady solve stalled after %d iterations", it);
            describe_failure(w, it - 1, err->msg, sizeof err->msg);
            st = GF_ERR_NOT_CONVERGED;
            break;
        }
    }
    if (st == GF_OK) {
        int s = sweep_trees(w, &lr);
        if (s >= 0)
            st = error_set(err, GF_ERR_NONPHYSICAL,
                           "pressure at node '%s' falls to zero: the network cannot carry this nomination with "
                           "these pressures and set points",
                           super_member(w, s));
    }
    res->iterations = it;
    res->law_residual = lr;
    if (fill_result(w, res, st == GF_OK) != 0)
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    res->converged = st == GF_OK;
    if (st == GF_OK) {
        for (int s = 0; s < w->n_super; s++) {
            if (!(w->x[s] > 0.0)) {
                res->converged = 0;
                return error_set(err, GF_ERR_NONPHYSICAL,
                                 "pressure at node '%s' is not positive: the network cannot carry this nomination "
                                 "with these pressures and set points",
                                 super_member(w, s));
            }
        }
    } else if (st == GF_ERR_NOT_CONVERGED) {
        double low = INFINITY;
        int low_s = -1;
        for (int s = 0; s < w->n_super; s++)
            if (w->x[s] < low) {
                low = w->x[s];
                low_s = s;
            }
        if (low_s >= 0 && low < 1e-6 * w->p_scale * w->p_scale) {
            char detail[ERROR_MSG_MAX];
            snprintf(detail, sizeof detail, "%s", err ? err->msg : "");
            st = error_set(err, GF_ERR_NONPHYSICAL,
                           "pressure at node '%s' falls to zero: the network cannot carry this nomination with these "
                           "pressures and set points (%.700s)",
                           super_member(w, low_s), detail);
        }
    }
    return st;
}

int steady_result_init(steady_result *r, size_t n_nodes, size_t n_arcs)
{
    memset(r, 0, sizeof *r);
    size_t n1 = n_nodes ? n_nodes : 1, a1 = n_arcs ? n_arcs : 1;
    r->p = calloc(n1, sizeof *r->p);
    r->withdrawal = calloc(n1, sizeof *r->withdrawal);
    r->is_reference = calloc(n1, 1);
    r->q = calloc(a1, sizeof *r->q);
    r->mode = calloc(a1, sizeof *r->mode);
    r->set_point = calloc(a1, sizeof *r->set_point);
    r->analysis = calloc(1, sizeof *r->analysis);
    r->setup = calloc(1, sizeof *r->setup);
    if (!r->p || !r->withdrawal || !r->is_reference || !r->q || !r->mode || !r->set_point || !r->analysis ||
        !r->setup) {
        steady_result_free(r);
        return -1;
    }
    return 0;
}

void steady_result_free(steady_result *r)
{
    free(r->p);
    free(r->withdrawal);
    free(r->is_reference);
    free(r->q);
    free(r->mode);
    free(r->set_point);
    if (r->analysis)
        sparse_cache_free(r->analysis);
    free(r->analysis);
    if (r->setup)
        arena_free(&r->setup->store);
    free(r->setup);
    memset(r, 0, sizeof *r);
}

/* The warm start: each free supernode at the squared pressure of its nodes
 * in res, each pipe and resistor flow of the Newton system and each
 * station or regulator flow unknown at its flow in res. */
static void warm_start(steady_ws *w, const steady_result *res)
{
    for (int a = 0; a < w->n_law_core; a++) /* tree flows follow from the nomination */
        if (isfinite(res->q[w->law_net[a]]))
            w->q_law[a] = res->q[w->law_net[a]];
    for (size_t n = 0; n < w->net->n_nodes; n++) {
        int s = w->super_of[n];
        if (s >= 0 && s < w->n_super && !isfinite(w->fixed_p[s]) && res->p[n] > 0.0 && isfinite(res->p[n]))
            w->x[s] = res->p[n] * res->p[n];
    }
    for (int b = 0; b < w->n_border; b++) {
        const border_arc *ba = &w->border[b];
        if (ba->kind != BORDER_FLOW && ba->lead && ba->share > 0.0 && isfinite(res->q[ba->arc]))
            w->x[ba->col] = res->q[ba->arc] / ba->share;
    }
}

gf_status steady_solve(const network *net, const scenario *scn, const controls *ctl, const double *extra,
                       const steady_params *par, arena *scratch, steady_result *res, error_info *err)
{
    steady_ws w;
    gf_status st = steady_setup(&w, scratch, res->analysis, res->setup, net, scn, ctl, extra, par, err);
    if (st == GF_OK && res->warm)
        warm_start(&w, res);
    if (st == GF_OK)
        st = steady_newton(&w, res, err);
    steady_ws_free(&w);
    return st;
}
