/* A string -> int map with open addressing, for element ids. Keys are
 * borrowed: they must outlive the map (the network owns them). */
#ifndef GF_UTIL_STRMAP_H
#define GF_UTIL_STRMAP_H

#include <stddef.h>

typedef struct {
    const char **keys;
    int *values;
    size_t cap; /* power of two, 0 when empty */
    size_t count;
} strmap;

void strmap_init(strmap *m);
void strmap_free(strmap *m);
/* Inserts key -> value. Returns 0 on success, 1 if the key is already
 * present (the map is unchanged), -1 on allocation failure. */
int strmap_put(strmap *m, const char *key, int value);
/* Returns the value for key, or -1 if absent. */
int strmap_get(const strmap *m, const char *key);

#endif
