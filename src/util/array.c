/* Growable arrays: see array.h. */
#include "util/array.h"

#include <stdlib.h>

int array_reserve_one(void **array, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t grown_cap = *cap ? 2 * *cap : 16;
    if (grown_cap > (size_t)-1 / size)
        return -1;
    void *grown = realloc(*array, grown_cap * size);
    if (!grown)
        return -1;
    *array = grown;
    *cap = grown_cap;
    return 0;
}
