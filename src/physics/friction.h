/* Darcy friction factor laws for pipe flow (physics.md §2), with one smooth,
 * documented treatment of laminar, transitional and zero flow that every
 * law shares:
 *
 *     lambda(Re) = 64 / Re                                  Re <= 2000
 *                  cubic Hermite interpolation in Re        2000 < Re < 4000
 *                  lambda_law(Re)                           Re >= 4000
 *
 * The cubic matches value and slope at both ends (the transitional
 * treatment EPANET uses for Darcy-Weisbach, after Dunlop 1991), so lambda is
 * continuously differentiable and Newton keeps its quadratic convergence
 * when a pipe's flow crosses the transition. The solver works with
 *
 *     phi(Re) = lambda(|Re|) * Re * |Re|,
 *
 * an odd function that is 64 Re near zero: finite slope at Re = 0, so Newton
 * never divides by zero. The pipe loss term is lambda q|q| = phi(Re) (A eta / D)^2. */
#ifndef GF_PHYSICS_FRICTION_H
#define GF_PHYSICS_FRICTION_H

#include "gasflow.h"

#define FRICTION_RE_LAMINAR 2000.0   /* Hagen-Poiseuille below */
#define FRICTION_RE_TURBULENT 4000.0 /* the law above */

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

/* lambda(Re) with the laminar and transitional treatment above (Re > 0;
 * NAN otherwise), continuously differentiable in Re. */
double friction_factor(const friction_model *f, double re, double rel_roughness);

/* phi(Re) = lambda(|Re|) Re |Re| for any real Re; *dphi_dre its derivative
 * when not NULL. phi(0) = 0 with phi'(0) = 64; phi = 64 Re exactly on the
 * laminar branch; phi is odd and phi' even, bit for bit. */
double friction_phi(const friction_model *f, double re, double rel_roughness, double *dphi_dre);

#endif
