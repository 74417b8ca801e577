/* The bounds a steady solution violates: node pressures (network and
 * scenario), boundary and arc flows, pipe design pressures, regulator and
 * station limits. */
#ifndef GF_SOLVER_VIOLATIONS_H
#define GF_SOLVER_VIOLATIONS_H

#include "solver/steady.h"

/* Collects the violations of res into a new array *out (count *n; free()
 * it); ctl (may be NULL) gives the set points asked for. Returns GF_OK or
 * GF_ERR_NOMEM. */
gf_status violations_find(const network *net, const scenario *scn, const controls *ctl, const steady_params *par,
                          const steady_result *res, gf_violation **out, size_t *n);

#endif
