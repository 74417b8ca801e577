/* Combined decisions (GasLib .cdf) in use: loading them, the modes a
 * decision gives its elements, and the choice of one decision per group by
 * a greedy search over steady solves. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/gaslib_cdf.h"
#include "project.h"

/* A decision says which elements carry gas: on opens a valve and puts a
 * regulator or station in service (bypassed, as by default, until the
 * controls file gives it a set point); off closes it. */
void decision_mode(const network *net, const decision_entry *e, arc_control *out)
{
    (void)net;
    out->mode = e->on ? GF_MODE_OPEN : GF_MODE_CLOSED;
    out->value = NAN;
    out->line = 0;
}

gf_status gf_load_decisions(gf_project *p, const char *path)
{
    if (!p)
        return GF_ERR_ARG;
    gf_status st = project_file_call(p, path, "gf_load_decisions", 1);
    if (st != GF_OK)
        return st;
    if (p->has_dec)
        decisions_free(&p->dec);
    p->has_dec = 0;
    st = gaslib_read_cdf(path, &p->net, &p->dec, &p->err);
    if (st != GF_OK)
        return st;
    p->has_dec = 1;
    return GF_OK;
}

/* Solves with the current choice; lower is better: failures last, then
 * the number of violated bounds. *st receives the solve's status. */
static double score(gf_project *p, const gf_options *opt, gf_status *st)
{
    *st = gf_solve_steady(p, opt);
    return *st == GF_OK ? (double)gf_violation_count(p) : HUGE_VAL;
}

gf_status gf_choose_decisions(gf_project *p, const gf_options *opt)
{
    if (!p || !opt)
        return GF_ERR_ARG;
    if (!p->has_dec)
        return error_set(&p->err, GF_ERR_STATE, "gf_choose_decisions: load combined decisions first");
    for (size_t g = 0; g < p->dec.n_groups; g++)
        p->dec.groups[g].chosen = 0;
    /* each trial starts from the solution before it (a failing warm start
     * is retried cold) */
    gf_options o = *opt;
    o.warm_start = 1;
    opt = &o;
    gf_status st;
    double best = score(p, opt, &st);
    int solved = 1; /* the project holds the solution of the choice so far */
    for (size_t g = 0; g < p->dec.n_groups; g++) {
        decision_group *grp = &p->dec.groups[g];
        size_t keep = grp->chosen;
        for (size_t c = 0; c < grp->count; c++) {
            if (c == keep)
                continue;
            grp->chosen = c;
            double s = score(p, opt, &st);
            solved = s < best;
            if (solved) {
                best = s;
                keep = c;
            }
        }
        grp->chosen = keep;
    }
    return solved ? st : gf_solve_steady(p, opt);
}

size_t gf_decision_group_count(const gf_project *p)
{
    return p && p->has_dec ? p->dec.n_groups : 0;
}

gf_status gf_decision_chosen(const gf_project *p, size_t group, const char **group_id, const char **decision_id)
{
    if (!p || !group_id || !decision_id)
        return GF_ERR_ARG;
    if (!p->has_dec || group >= p->dec.n_groups)
        return GF_ERR_INDEX;
    const decision_group *g = &p->dec.groups[group];
    *group_id = g->id;
    *decision_id = p->dec.decisions[g->first + g->chosen].id;
    return GF_OK;
}
