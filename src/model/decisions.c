/* Storage of combined decisions: see decisions.h. Groups own a contiguous
 * run of decisions and decisions a contiguous run of entries, in the order
 * the file gives them. */
#include "model/decisions.h"

#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/text.h"

void decisions_init(decision_set *d)
{
    memset(d, 0, sizeof *d);
}

void decisions_free(decision_set *d)
{
    for (size_t g = 0; g < d->n_groups; g++)
        free(d->groups[g].id);
    for (size_t k = 0; k < d->n_decisions; k++)
        free(d->decisions[k].id);
    free(d->groups);
    free(d->decisions);
    free(d->entries);
    free(d->path);
    decisions_init(d);
}

long decisions_add_group(decision_set *d, const char *id)
{
    if (array_reserve_one((void **)&d->groups, &d->groups_cap, d->n_groups, sizeof *d->groups) != 0)
        return -1;
    decision_group *g = &d->groups[d->n_groups];
    if (!(g->id = text_copy(id)))
        return -1;
    g->first = d->n_decisions;
    g->count = 0;
    g->chosen = 0;
    return (long)d->n_groups++;
}

long decisions_add_decision(decision_set *d, const char *id)
{
    if (d->n_groups == 0 ||
        array_reserve_one((void **)&d->decisions, &d->decisions_cap, d->n_decisions, sizeof *d->decisions) != 0)
        return -1;
    decision *k = &d->decisions[d->n_decisions];
    if (!(k->id = text_copy(id)))
        return -1;
    k->first = d->n_entries;
    k->count = 0;
    d->groups[d->n_groups - 1].count++;
    return (long)d->n_decisions++;
}

long decisions_add_entry(decision_set *d, int arc, int on, int flow_direction)
{
    if (d->n_decisions == 0 ||
        array_reserve_one((void **)&d->entries, &d->entries_cap, d->n_entries, sizeof *d->entries) != 0)
        return -1;
    decision_entry *e = &d->entries[d->n_entries];
    e->arc = arc;
    e->on = on;
    e->flow_direction = flow_direction;
    d->decisions[d->n_decisions - 1].count++;
    return (long)d->n_entries++;
}
