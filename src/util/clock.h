/* Wall-clock time for the solve statistics. */
#ifndef GF_UTIL_CLOCK_H
#define GF_UTIL_CLOCK_H

/* Milliseconds since an arbitrary origin (C11 timespec_get, UTC). */
double clock_ms(void);

#endif
