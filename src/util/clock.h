/* Wall-clock time for the solve statistics. */
#ifndef GF_UTIL_CLOCK_H
#define GF_UTIL_CLOCK_H

/* Milliseconds since an arbitrary origin, from the monotonic clock. */
double clock_ms(void);

#endif
