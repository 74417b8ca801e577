/* The helper thread of util/team.h. A job is announced by raising seq; the
 * helper, spinning or woken, runs its part and raises done to the same
 * number. A helper about to sleep raises sleeping before it looks at seq
 * once more, and the caller looks at sleeping after raising seq (both
 * sequentially consistent), so that one of them sees the other: either
 * the helper finds the job or the caller wakes it. */
#define _GNU_SOURCE /* pthread_attr_setaffinity_np, sched_getcpu (glibc) */
#include "util/team.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "util/clock.h"

/* How long the helper spins for the next job before it sleeps (ms): the
 * gaps between the jobs of a Newton iteration are shorter (the grid's
 * serial passes take 0.05-0.3 ms), and a sleeping thread takes about
 * 45 us to wake on this machine. */
#define TEAM_SPIN_MS 1.0
/* The helper's core is taken as busy with other work when in TEAM_BUSY_JOBS
 * of its last 16 jobs the helper was late (team_start). The next
 * TEAM_REST jobs then go to the caller alone, and the helper does not
 * spin. One late job is not enough: on this shared machine single ones
 * come without a busy core. */
#define TEAM_BUSY_JOBS 4
/* A job is late when the helper lost more than late_ms plus this share of
 * its part's time: a sleeping helper wakes 0.05-0.4 ms after the call,
 * which is nothing against the 1,000,000-node mesh's parts of 10-100 ms
 * (with late_ms alone, those wake-ups made its core look busy, and the
 * mesh went at one thread's speed). */
#define TEAM_LATE_SHARE 0.1
#define TEAM_REST 256

struct team {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    team_fn fn;
    void *arg;
    double announced;    /* when the job was announced (clock_ms) */
    double late_ms;      /* a job in which the helper lost more than this is late */
    atomic_int seq;      /* jobs announced */
    atomic_int done;     /* jobs the helper has finished */
    atomic_int sleeping; /* the helper is (about to be) asleep */
    atomic_int quit;
    pid_t pid;       /* the process that started the helper (a fork's child has none) */
    atomic_int busy; /* the helper's core was found busy with other work */
    unsigned slow;   /* the helper's last 16 jobs, a bit set for each late start */
    int rest;        /* jobs still to leave to the caller alone */
};

/* This thread's processor time, ms. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return 1e3 * (double)ts.tv_sec + 1e-6 * (double)ts.tv_nsec;
}

void team_relax(long spin)
{
    if (spin > 4096)
        sched_yield();
#if defined(__x86_64__) || defined(__i386__)
    else
        __builtin_ia32_pause();
#endif
}

static void *helper_main(void *arg)
{
    team *t = arg;
    int last = 0;
    for (;;) {
        /* spin for the next job, then sleep */
        double since = clock_ms();
        for (long spin = 0; atomic_load(&t->seq) == last && !atomic_load(&t->quit); spin++) {
            if ((spin & 255) == 255 && (atomic_load(&t->busy) || clock_ms() - since > TEAM_SPIN_MS)) {
                pthread_mutex_lock(&t->lock);
                atomic_store(&t->sleeping, 1);
                while (atomic_load(&t->seq) == last && !atomic_load(&t->quit))
                    pthread_cond_wait(&t->wake, &t->lock);
                atomic_store(&t->sleeping, 0);
                pthread_mutex_unlock(&t->lock);
                since = clock_ms();
            }
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
        if (atomic_load(&t->quit))
            return NULL;
        last = atomic_load(&t->seq);
        double start = clock_ms(), cpu = cpu_ms();
        t->fn(t->arg, 1);
        double wall = clock_ms() - start;
        double lost = (start - t->announced) + wall - (cpu_ms() - cpu);
        t->slow = (t->slow << 1 | (unsigned)(lost > t->late_ms + TEAM_LATE_SHARE * wall)) & 0xffffu;
        int count = 0;
        for (unsigned b = t->slow; b; b &= b - 1)
            count++;
        if (count >= TEAM_BUSY_JOBS) {
            t->slow = 0;
            atomic_store(&t->busy, 1);
        }
        atomic_store_explicit(&t->done, last, memory_order_release);
    }
}

/* Starts the helper on a core other than the calling thread's. Left to
 * the scheduler, a new thread sometimes waited for the caller's core (no
 * gain), or ran on the other core after the last helper had run on the
 * caller's, fetching its data from there (a split factorization of the
 * 100 x 100 grid: the helper's part 1.6 instead of 1.0 ms). */
static int start(team *t)
{
#ifndef __GLIBC__
    return pthread_create(&t->thread, NULL, helper_main, t) == 0 ? 0 : -1;
#else
    cpu_set_t allowed;
    int here = sched_getcpu();
    if (here < 0 || here >= CPU_SETSIZE || sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        return -1;
    CPU_CLR(here, &allowed);
    if (CPU_COUNT(&allowed) == 0)
        return -1;
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0)
        return -1;
    int rc = pthread_attr_setaffinity_np(&attr, sizeof allowed, &allowed) == 0
                 ? pthread_create(&t->thread, &attr, helper_main, t)
                 : -1;
    pthread_attr_destroy(&attr);
    return rc == 0 ? 0 : -1;
#endif
}

team *team_start(double late_ms)
{
    team *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->late_ms = late_ms;
    if (pthread_mutex_init(&t->lock, NULL) != 0) {
        free(t);
        return NULL;
    }
    if (pthread_cond_init(&t->wake, NULL) != 0) {
        pthread_mutex_destroy(&t->lock);
        free(t);
        return NULL;
    }
    t->pid = getpid();
    if (start(t) != 0) {
        pthread_cond_destroy(&t->wake);
        pthread_mutex_destroy(&t->lock);
        free(t);
        return NULL;
    }
    return t;
}

/* Wakes the helper if it sleeps. */
static void wake(team *t)
{
    if (atomic_load(&t->sleeping)) {
        pthread_mutex_lock(&t->lock);
        pthread_cond_signal(&t->wake);
        pthread_mutex_unlock(&t->lock);
    }
}

int team_ready(team *t)
{
    if (!t || getpid() != t->pid)
        return 0;
    if (t->rest > 0) {
        if (--t->rest == 0)
            atomic_store(&t->busy, 0);
        return 0;
    }
    if (atomic_load(&t->busy)) {
        t->rest = TEAM_REST;
        return 0;
    }
    return 1;
}

void team_run(team *t, team_fn fn, void *arg)
{
    t->fn = fn;
    t->arg = arg;
    t->announced = clock_ms();
    int job = atomic_load(&t->seq) + 1;
    atomic_store(&t->seq, job);
    wake(t);
    fn(arg, 0);
    for (long spin = 0; atomic_load_explicit(&t->done, memory_order_acquire) < job; spin++)
        team_relax(spin);
}

void team_stop(team **tp)
{
    if (!tp || !*tp)
        return;
    team *t = *tp;
    /* in a forked child the copies of the lock and the condition may still
     * show the parent's helper as their waiter: only the memory goes */
    if (getpid() == t->pid) {
        atomic_store(&t->quit, 1);
        pthread_mutex_lock(&t->lock);
        pthread_cond_signal(&t->wake);
        pthread_mutex_unlock(&t->lock);
        pthread_join(t->thread, NULL);
        pthread_cond_destroy(&t->wake);
        pthread_mutex_destroy(&t->lock);
    }
    free(t);
    *tp = NULL;
}
