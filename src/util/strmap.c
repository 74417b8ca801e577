/* String -> int map, FNV-1a hashing with linear probing. */
#include "util/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

void strmap_init(strmap *m)
{
    m->keys = NULL;
    m->values = NULL;
    m->cap = 0;
    m->count = 0;
}

void strmap_free(strmap *m)
{
    free(m->keys);
    free(m->values);
    strmap_init(m);
}

static size_t find_slot(const char **keys, size_t cap, const char *key)
{
    size_t i = (size_t)hash_string(key) & (cap - 1);
    while (keys[i] && strcmp(keys[i], key) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

static int grow(strmap *m)
{
    size_t cap = m->cap ? 2 * m->cap : 64;
    const char **keys = calloc(cap, sizeof *keys);
    int *values = malloc(cap * sizeof *values);
    if (!keys || !values) {
        free(keys);
        free(values);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i]) {
            size_t j = find_slot(keys, cap, m->keys[i]);
            keys[j] = m->keys[i];
            values[j] = m->values[i];
        }
    }
    free(m->keys);
    free(m->values);
    m->keys = keys;
    m->values = values;
    m->cap = cap;
    return 0;
}

int strmap_put(strmap *m, const char *key, int value)
{
    if (2 * (m->count + 1) > m->cap && grow(m) != 0)
        return -1;
    size_t i = find_slot(m->keys, m->cap, key);
    if (m->keys[i])
        return 1;
    m->keys[i] = key;
    m->values[i] = value;
    m->count++;
    return 0;
}

int strmap_get(const strmap *m, const char *key)
{
    if (m->cap == 0)
        return -1;
    size_t i = find_slot(m->keys, m->cap, key);
    return m->keys[i] ? m->values[i] : -1;
}
