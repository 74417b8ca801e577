/* A helper thread that runs a part of each job beside the calling thread:
 * the split factorizations and solves of a large network's Newton system,
 * and the Newton loop's passes over its arcs. It starts on a core other
 * than the caller's (with glibc); between jobs it spins for a while, so
 * that the next one starts at once, then sleeps until there is one. One
 * caller at a time. */
#ifndef GF_UTIL_TEAM_H
#define GF_UTIL_TEAM_H

typedef struct team team;

/* A job's part: 0 the caller's, 1 the helper's. */
typedef void (*team_fn)(void *arg, int part);

/* Starts the helper; NULL when no other core is allowed, or no thread or
 * memory is to be had. A job in which the helper lost more than late_ms
 * (ms) and a tenth of its part's time, from the job's announcement to its
 * start and in its part beyond its own processor time, counts as late;
 * several late ones make its core busy (team_ready). */
team *team_start(double late_ms);

/* Whether to give the helper the next job: not while its core is busy
 * with other work (4 of its last 16 jobs were late); then the next
 * jobs go to the caller alone, and after a while the helper is tried
 * again. Not in a forked child, which has no helper. NULL: no. */
int team_ready(team *t);

/* Runs fn(arg, 1) on the helper and fn(arg, 0) on the calling thread;
 * returns when both are done. */
void team_run(team *t, team_fn fn, void *arg);

/* One round of a loop that waits for the other thread, the spin-th: a
 * pause, and after a while the core to others (the other thread may have
 * lost its own). */
void team_relax(long spin);

/* Stops and joins the helper, frees t and sets it to NULL (NULL: nothing). */
void team_stop(team **t);

#endif
