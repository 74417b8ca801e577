/* Batches of nominations for one network: gasflow steady with several
 * --scenario files or a --scenario-dir. */
#ifndef GF_CLI_BATCH_H
#define GF_CLI_BATCH_H

#include <stddef.h>

#include "gasflow.h"

typedef struct {
    const char *net, *controls, *decisions, *stations;
    const char **scenarios; /* the nominations, in the order reported */
    size_t n_scenarios;
    const char *json_dir; /* a JSON result per nomination, or NULL */
    int jobs;             /* worker threads */
    int quiet;
    gf_options opt;
} batch_args;

/* Solves every nomination; prints one line each and a summary. Returns the
 * command's exit status: 0 when all solved, 3 when some failed to solve,
 * 2 for bad input (the network, controls or a nomination), 4 when a result
 * file could not be written. */
int batch_run(const batch_args *b);

/* Lists the *.scn files of dir, sorted by name, into *out (free each and
 * the array). Returns 0, or -1 with errno set. */
int batch_list_dir(const char *dir, char ***out, size_t *n);

#endif
