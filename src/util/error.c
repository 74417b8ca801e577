/* Error reports: see error.h. */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

gf_status error_set(error_info *err, gf_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

void error_clear(error_info *err)
{
    if (err) {
        err->status = GF_OK;
        err->msg[0] = '\0';
    }
}
