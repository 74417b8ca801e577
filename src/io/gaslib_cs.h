/* GasLib compressor station reader: turns a .cs file (FORMAT.md §6) into
 * the SI station model of model/stations.h, checked against the network it
 * belongs to: every station of the file must be a compressorStation arc of
 * `net` with the same id (a network station without machine data is allowed
 * and simply has no entry).
 *
 * Same contract as the .net/.scn readers (io/gaslib.h): GF_OK, or GF_ERR_IO
 * (unreadable file), GF_ERR_PARSE (not well-formed XML, empty, or carrying a
 * DTD), GF_ERR_INPUT (bad data) or GF_ERR_NOMEM, with one line
 * "FILE:LINE: element 'ID': what is wrong" in err; on failure `out` is left
 * empty. `out` must have been station_set_init'ed; earlier content is freed.
 * The memory variant uses `name` in messages and as the stored path. */
#ifndef GF_IO_GASLIB_CS_H
#define GF_IO_GASLIB_CS_H

#include <stddef.h>

#include "model/network.h"
#include "model/stations.h"
#include "util/error.h"

gf_status gaslib_read_cs(const char *path, const network *net, station_set *out, error_info *err);
gf_status gaslib_read_cs_memory(const char *buf, size_t len, const char *name, const network *net, station_set *out,
                                error_info *err);

#endif
