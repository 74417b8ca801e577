/* Wall-clock time: see clock.h. */
#include "util/clock.h"

#include <time.h>

double clock_ms(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return 1e3 * (double)ts.tv_sec + 1e-6 * (double)ts.tv_nsec;
}
