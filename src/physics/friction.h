/* Darcy friction factor laws for pipe flow (physics.md §2), with one smooth,
 * documented treatment of laminar, transitional and zero flow that every
 * law shares. The solver works with
 *
 *     phi(Re) = lambda(|Re|) * Re * |Re|,
 *
 * an odd function (the pipe loss term is lambda q|q| = phi(Re) (A eta / D)^2):
 *
 *     phi = 64 Re                                   |Re| <= 2000
 *           cubic Hermite interpolation in Re       2000 < |Re| < Re_t
 *           lambda_law(|Re|) Re |Re|                |Re| >= Re_t
 *
 * The cubic matches phi's value and slope at both ends, so phi (and lambda)
 * is continuously differentiable and Newton keeps its quadratic convergence
 * when a pipe's flow crosses the transition; its slope 64 at Re = 0 is
 * finite, so Newton never divides by zero. Re_t is 4000 unless the cubic
 * would let the loss fall, or rise more slowly than a quarter of its slope
 * at either end, somewhere in the transition: then Re_t is the first of
 * 4000 * 1.25^k where it does not. Blending lambda instead (EPANET's
 * treatment, after Dunlop 1991) can make the loss fall: Nikuradse's
 * rough-pipe lambda is 0.0105 at D/k = 20,000, so its phi at Re 4000 is
 * 168,000, barely above the laminar 128,000 at Re 2000, and below it once
 * D/k exceeds about 10^5. A falling loss is a negative conductance in
 * Newton's system. */
#ifndef GF_PHYSICS_FRICTION_H
#define GF_PHYSICS_FRICTION_H

#include "gasflow.h"

#define FRICTION_RE_LAMINAR 2000.0   /* Hagen-Poiseuille below */
#define FRICTION_RE_TURBULENT 4000.0 /* the law above, at the earliest */
#define FRICTION_RE_T_GROWTH 1.25    /* later starts tried: 4000 * 1.25^k */
#define FRICTION_RE_T_STEPS 64       /* k < 64: up to about 5e9 */

typedef struct {
    gf_friction_law law;
    double lambda_const; /* GF_FRICTION_CONSTANT */
} friction_model;

/* The turbulent law alone, lambda_law(Re, k/D), without the laminar
 * treatment; *dlambda_dre receives d lambda / d Re when not NULL. Colebrook
 * is solved to machine precision (Newton on 1/sqrt(lambda), a few steps).
 * Meant for Re >= FRICTION_RE_TURBULENT, where friction_factor calls it; the
 * explicit laws (Hofer, Swamee-Jain) are singular near Re ~ 7.
 * k/D = 0 is allowed: a smooth pipe. Nikuradse's rough-pipe law has no
 * value there (lambda -> 0 as k -> 0), so Nikuradse with k/D = 0 returns the
 * smooth-pipe Colebrook value instead, which depends on Re.
 * Returns NAN (and *dlambda_dre NAN) when Re <= 0, k/D < 0, k/D >= 3.71
 * (Colebrook), either is NAN, or the law is unknown. */
double friction_law(const friction_model *f, double re, double rel_roughness, double *dlambda_dre);

/* Re_t for a pipe of relative roughness k/D: the Reynolds number from
 * which phi follows the law (above). NAN when no k < FRICTION_RE_T_STEPS
 * gives a transition that rises as required (a law that is NAN, or a
 * constant lambda below about 1e-9). */
double friction_turbulent_start(const friction_model *f, double rel_roughness);

/* The same for a law whose lambda does not depend on Re (Nikuradse with
 * k > 0, a constant lambda), from that lambda: no logarithm. */
double friction_turbulent_start_const(double lambda);

/* lambda(Re) = phi(Re) / Re^2 with the treatment above (Re > 0; NAN
 * otherwise): 64 / Re exactly below 2000 and the law exactly from Re_t on. */
double friction_factor(const friction_model *f, double re, double rel_roughness);

/* phi(Re) for any real Re; *dphi_dre its derivative when not NULL.
 * phi(0) = 0 with phi'(0) = 64; phi = 64 Re exactly on the laminar branch;
 * phi is odd and phi' even, bit for bit. friction_phi finds Re_t itself
 * (when |Re| > 2000); friction_phi_at takes it from the caller, who keeps
 * it per pipe. */
double friction_phi(const friction_model *f, double re, double rel_roughness, double *dphi_dre);
double friction_phi_at(const friction_model *f, double re, double rel_roughness, double re_t, double *dphi_dre);

#endif
