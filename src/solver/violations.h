/* The bounds a steady solution violates: node pressures (network and
 * scenario), boundary and arc flows, pipe design pressures, regulator and
 * station limits. */
#ifndef GF_SOLVER_VIOLATIONS_H
#define GF_SOLVER_VIOLATIONS_H

#include "solver/steady.h"

/* Collects the violations of res into the array *buf of *cap entries
 * (realloc'd and *cap raised when it needs more; both may start NULL and 0),
 * their count into *n; ctl (may be NULL) gives the set points asked for.
 * Returns GF_OK or GF_ERR_NOMEM (*buf and *cap then stay valid, *n is 0). */
gf_status violations_find(const network *net, const scenario *scn, const controls *ctl, const steady_params *par,
                          const steady_result *res, gf_violation **buf, size_t *cap, size_t *n);

#endif
