/* Growable arrays: one helper for the model's append-only arrays. */
#ifndef GF_UTIL_ARRAY_H
#define GF_UTIL_ARRAY_H

#include <stddef.h>

/* Makes room for one more element in *array (n elements of size bytes held,
 * *cap allocated), doubling the capacity when full. 0, or -1 when out of
 * memory (the array is unchanged). */
int array_reserve_one(void **array, size_t *cap, size_t n, size_t size);

#endif
