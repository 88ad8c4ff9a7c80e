/* crimerate: the tests of the rows' changes, computed ahead on every
 * processor.
 *
 * The exact test and interval of each row's change (output.c, signif())
 * are most of the time crimerate spends once its input has ended: for
 * the 4,368 rows of a county's months, more than reading the last of the
 * records. The pass that checks the rows before any is written meets
 * each row in the order the writing pass will, with its counts: it notes
 * each row's figures here (sig_note()), sig_run() computes them all on
 * the processors, and the writing pass takes each result in turn
 * (sig_take()), checking that it is its own row's. A row not noted (past
 * SIGMAX) or not its own is computed where it is written, the same way,
 * so the output is the same whatever the threads do. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"
#include "stats.h"
#include "util.h"

#include "crimerate.h"

#define SIGMAX (1 << 15) /* rows noted at most: 88 bytes each, 2.9 MB */
#define SIGMIN 256       /* fewer rows are computed on one thread */
#define SIGBLOCK 32      /* rows a thread takes at a time */
#define SIGTHREADS 8     /* threads at most */

/* The test of one row: g's figures in, its result out. */
void
sig_calc(const struct crimerate *R, struct sig *g)
{
	g->ci = 1;
	g->none = 0;
	if (g->kind == META_PERCENTAGE) { /* c / pop against p / ppop */
		if (!g->ok || g->pop <= 0 || g->ppop <= 0 ||
		    (g->c == 0 && g->p == 0) ||
		    stats_fisher(g->c, g->pop, g->p, g->ppop, &g->pv)) {
			g->none = 1;
			return;
		}
		g->ci = stats_ratio_katz(g->c, g->pop, g->p, g->ppop,
		    R->level / 100.0, &g->lo, &g->hi) == 0;
	} else if (g->kind == META_HARM || !g->ok ||
	    (R->popfile && (g->pop <= 0 || g->ppop <= 0)) ||
	    stats_pois_ratio(g->c, g->e1, g->p, g->e2, R->level / 100.0,
	    &g->pv, &g->lo, &g->hi)) {
		g->none = 1;
	}
}

/* The figures of a row's test: the counts, populations or denominators,
 * the exposures (the population times the period's days; days alone
 * without populations), whether the row has a whole comparison, and the
 * indicator's kind. */
void
sig_figures(const struct crimerate *R, struct sig *g, int64_t c, int64_t p,
    int64_t pop, int64_t ppop, const long days[2], int ok, int kind)
{
	memset(g, 0, sizeof(*g));
	g->c = c;
	g->p = p;
	g->pop = pop;
	g->ppop = ppop;
	g->ok = ok;
	g->kind = kind;
	g->e1 = (double)days[0] * (R->popfile ? (double)pop : 1.0);
	g->e2 = (double)days[1] * (R->popfile ? (double)ppop : 1.0);
	if (kind == META_PERCENTAGE) {
		g->e1 = (double)pop;
		g->e2 = (double)ppop;
	}
}

void
sig_note(struct crimerate *R, int64_t c, int64_t p, int64_t pop,
    int64_t ppop, const long days[2], int ok, int kind)
{
	if (R->nsig == SIGMAX)
		return;
	if (R->nsig == R->sigcap) {
		R->sigcap = R->sigcap ? 2 * R->sigcap : 1024;
		R->sig = xreallocarray(R->sig, R->sigcap, sizeof(*R->sig));
	}
	sig_figures(R, &R->sig[R->nsig++], c, p, pop, ppop, days, ok, kind);
}

struct sigrun {
	const struct crimerate *R;
	atomic_size_t next; /* the next block to take */
};

static void *
sigwork(void *arg)
{
	struct sigrun *w = arg;
	const struct crimerate *R = w->R;
	size_t i, j, n = R->nsig;

	while ((i = atomic_fetch_add(&w->next, SIGBLOCK)) < n)
		for (j = i; j < n && j < i + SIGBLOCK; j++)
			sig_calc(R, &R->sig[j]);
	return NULL;
}

/* Compute every noted row, on up to one thread a processor. */
void
sig_run(struct crimerate *R)
{
	pthread_t t[SIGTHREADS];
	struct sigrun w;
	long np = nprocs();
	size_t i, nt = 0;

	w.R = R;
	atomic_init(&w.next, 0);
	if (np > SIGTHREADS)
		np = SIGTHREADS;
	if (R->nsig >= SIGMIN)
		for (; nt + 1 < (size_t)np; nt++)
			if (pthread_create(&t[nt], NULL, sigwork, &w) != 0)
				break;
	sigwork(&w);
	for (i = 0; i < nt; i++)
		pthread_join(t[i], NULL);
	R->sigat = 0;
}

/* The next row's result, if it was noted and is this row's: NULL when it
 * is to be computed here. */
const struct sig *
sig_take(struct crimerate *R, const struct sig *g)
{
	const struct sig *e;

	if (R->sigat >= R->nsig)
		return NULL;
	e = &R->sig[R->sigat++];
	if (e->c != g->c || e->p != g->p || e->pop != g->pop ||
	    e->ppop != g->ppop || e->ok != g->ok || e->kind != g->kind ||
	    e->e1 != g->e1 || e->e2 != g->e2) {
		R->sigat = R->nsig; /* out of step: the rest here */
		return NULL;
	}
	return e;
}

void
sig_free(struct crimerate *R)
{
	free(R->sig);
	R->sig = NULL;
	R->nsig = R->sigcap = R->sigat = 0;
}
