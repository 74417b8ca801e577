/* Error reports that travel from where a problem is found to the caller: a
 * status code and one line of context (file, line, element, what is wrong). */
#ifndef GF_UTIL_ERROR_H
#define GF_UTIL_ERROR_H

#include "gasflow.h"

#define ERROR_MSG_MAX 1024

typedef struct {
    gf_status status;
    char msg[ERROR_MSG_MAX];
} error_info;

/* Sets status and a printf-formatted message; returns status so that callers
 * can write `return error_set(err, GF_ERR_INPUT, "...")`. err may be NULL. */
gf_status error_set(error_info *err, gf_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

void error_clear(error_info *err);

#endif
