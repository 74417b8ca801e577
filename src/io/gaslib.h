/* GasLib readers: turn a network (.net) or a nomination (.scn) in GasLib XML
 * into the SI model of model/network.h. This is the only place that knows the
 * units of the files (FORMAT.md §5); everything after it is SI.
 *
 * Each reader takes the file by path or as bytes in memory (`name` is then
 * used in messages and stored as the path). On success it returns GF_OK; on
 * failure it returns GF_ERR_IO (file unreadable), GF_ERR_PARSE (not
 * well-formed XML, truncated, empty, or carrying a DTD), GF_ERR_INPUT (bad
 * data) or GF_ERR_NOMEM, with one line "FILE:LINE: element 'ID': what is
 * wrong" in err, and leaves the output empty (network_free / scenario_free).
 *
 * `net` must have been network_init'ed (any earlier content is freed first);
 * `scn` must be zeroed or hold an earlier scenario, which is freed first. The
 * scenario reader needs the network the nomination belongs to. */
#ifndef GF_IO_GASLIB_H
#define GF_IO_GASLIB_H

#include <stddef.h>

#include "model/network.h"
#include "util/error.h"

gf_status gaslib_read_net(const char *path, network *net, error_info *err);
gf_status gaslib_read_net_memory(const char *buf, size_t len, const char *name, network *net, error_info *err);

gf_status gaslib_read_scn(const char *path, const network *net, scenario *scn, error_info *err);
gf_status gaslib_read_scn_memory(const char *buf, size_t len, const char *name, const network *net, scenario *scn,
                                 error_info *err);

#endif
