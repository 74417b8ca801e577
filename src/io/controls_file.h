/* Reader of the controls file (format in gasflow.h, gf_load_controls). */
#ifndef GF_IO_CONTROLS_FILE_H
#define GF_IO_CONTROLS_FILE_H

#include "model/controls.h"
#include "model/network.h"
#include "util/error.h"

/* Reads path into ctl (initialised here for net's arcs). On failure ctl is
 * freed and err says file, line and what is wrong. */
gf_status controls_read(const char *path, const network *net, controls *ctl, error_info *err);
/* The same from a string; name is used in messages. */
gf_status controls_read_memory(const char *text, const char *name, const network *net, controls *ctl, error_info *err);
/* Writes ctl as a controls file that controls_read reads back to the same
 * modes, set points and references (pressures to 1e-6 bar). Returns 0 on
 * success, -1 when the file cannot be written (nothing is left at path). */
int controls_write(const char *path, const network *net, const controls *ctl);

#endif
