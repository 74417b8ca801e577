/* A bump allocator for the scratch and workspace arrays of one solve: many
 * arrays, one free. Blocks of at least ARENA_BLOCK bytes; pointers are
 * aligned to 16 bytes; nothing is freed before arena_free. arena_reset
 * keeps the blocks for the next solve, whose arrays then land in memory
 * that is already mapped. */
#ifndef GF_UTIL_ARENA_H
#define GF_UTIL_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct {
    arena_block *head;
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Forgets every allocation but keeps the blocks. */
void arena_reset(arena *a);
/* n bytes, uninitialised; NULL when out of memory. n = 0 gives a valid pointer. */
void *arena_alloc(arena *a, size_t n);
/* count * size bytes, zeroed; NULL when out of memory or on overflow. */
void *arena_calloc(arena *a, size_t count, size_t size);

#endif
