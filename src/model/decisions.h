/* Combined decisions (GasLib .cdf, FORMAT.md §7): groups of admissible
 * joint states of valves, control valves and compressor stations. A
 * decision sets each of its elements on (1: open or active) or off (0:
 * closed). */
#ifndef GF_MODEL_DECISIONS_H
#define GF_MODEL_DECISIONS_H

#include <stddef.h>

typedef struct {
    int arc;            /* network arc */
    int on;             /* 1 open/active, 0 closed/off */
    int flow_direction; /* 1 from -> to, 0 against, -1 not given */
} decision_entry;

typedef struct {
    char *id;
    size_t first, count; /* entries[first .. first + count) */
} decision;

typedef struct {
    char *id;
    size_t first, count; /* decisions[first .. first + count) */
    size_t chosen;       /* index within the group */
} decision_group;

typedef struct {
    char *path;
    decision_entry *entries;
    size_t n_entries, entries_cap;
    decision *decisions;
    size_t n_decisions, decisions_cap;
    decision_group *groups;
    size_t n_groups, groups_cap;
} decision_set;

void decisions_init(decision_set *d);
void decisions_free(decision_set *d);
/* Appends; return the new index, or -1 when out of memory. */
long decisions_add_group(decision_set *d, const char *id);
long decisions_add_decision(decision_set *d, const char *id);
long decisions_add_entry(decision_set *d, int arc, int on, int flow_direction);

#endif
