/* Reader of GasLib combined-decision files (.cdf, FORMAT.md §7). */
#ifndef GF_IO_GASLIB_CDF_H
#define GF_IO_GASLIB_CDF_H

#include "model/decisions.h"
#include "model/network.h"
#include "util/error.h"

/* Reads path into d (initialised here) against net: every element must be
 * a valve, control valve or compressor station of net of the kind the file
 * names. On failure d is freed and err says file, line and what. */
gf_status gaslib_read_cdf(const char *path, const network *net, decision_set *d, error_info *err);
gf_status gaslib_read_cdf_memory(const char *buf, size_t len, const char *name, const network *net, decision_set *d,
                                 error_info *err);

#endif
