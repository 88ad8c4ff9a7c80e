/* csvclean: a large plain file worked by threads, part by part.
 *
 * The data after the header is cut into parts of --chunk bytes, each
 * beginning after the first line end at or past its nominal offset. A
 * thread reads a part with its own reader and its own copy of the run
 * (buffers, memos, matchers), from the part's start until a record
 * starts at or past the next part's start, and keeps each row's line and
 * dedup hashes, and each reject, in order. The main thread takes the
 * parts in order. A part is right only if the part before it ended just
 * where it began: a line end inside a quoted field is no record's end,
 * and a part begun there is read again, by the main thread, from where
 * the part before it ended. Then the main thread settles the dedup,
 * writes the lines, and says the rejects with their line numbers, which
 * only it knows (a part counts its lines from 1).
 *
 * A reader at a record's start is in one state whatever came before it
 * (csvr_tell()), so the rows, the messages and the counts are those of
 * one reader, byte for byte. */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvclean.h"
#include "hset.h"
#include "input.h"
#include "rx.h"

#define CHUNK (1 << 19)     /* bytes of a part, by default */
#define MAXTHREADS 8        /* by default, at most */
#define CUTLOOK 4096        /* bytes read at a time to find a line end */
#define LOOKAHEAD 16        /* rows whose id's slot is fetched ahead: a
			     * cache miss each, and little else to do */

struct worker {
	pthread_t t;
	struct pool *pool;
	struct run R;       /* a copy of the run, with its own buffers */
	struct options opt; /* its own ops: memos and matchers */
	struct csvr *r;
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	struct part *slot;  /* part i is in slot i % nslot */
	size_t nslot;
	long long next;     /* the next part to take */
	long long nparts;
	long long freed;    /* the parts before it are written */
	int quit;
	const struct input *in;
	long long base, size, chunk; /* the data's start, the file's size */
	struct worker *w;   /* nw threads' and the main thread's */
	size_t nw;
};

/* The pool is made at the first file read by threads and kept to the
 * end of the run (part_free()): the threads' memos, matchers and buffers
 * fill once, not once a file, and a run of many files does not churn
 * its memory. */

void
part_add(struct part *p, int kind, uint64_t a, uint64_t b, size_t len,
    int f)
{
	struct pent *e;

	if (p->ne == p->ecap) {
		p->ecap = p->ecap ? 2 * p->ecap : 4096;
		p->e = xreallocarray(p->e, p->ecap, sizeof(*p->e));
	}
	e = &p->e[p->ne++];
	e->a = a;
	e->b = b;
	e->len = (uint32_t)len;
	e->f = (unsigned char)f;
	e->kind = (unsigned char)kind;
}

/* Where part i begins: after the first line end (CR, LF or CR LF) at or
 * past its nominal offset; the file's end when there is none. */
static long long
cut(const struct pool *P, long long i)
{
	char buf[CUTLOOK + 1];
	struct input *in;
	long long at, o;
	ssize_t n, k;

	if (i == 0)
		return P->base;
	at = P->base + i * P->chunk;
	if (at >= P->size)
		return P->size;
	in = in_part(P->in, at);
	o = at;
	while ((n = in_read(in, buf, CUTLOOK)) > 0) {
		for (k = 0; k < n && buf[k] != '\n' && buf[k] != '\r'; k++)
			;
		if (k < n) {
			o += k + 1;
			/* (a CR LF's LF, read on if the CR ended the read) */
			if (buf[k] == '\r' && (k + 1 < n ? buf[k + 1] == '\n' :
			    in_read(in, buf, 1) == 1 && buf[0] == '\n'))
				o++;
			in_close(in);
			return o;
		}
		o += n;
	}
	in_close(in);
	return P->size;
}

/* Read part p from p->start: its rows, until one starts at p->limit or
 * past it. */
static void
work(struct worker *w, struct part *p)
{
	struct run *R = &w->R;
	struct csvr_row *row;
	struct input *in;
	int rc;

	p->ne = p->text.len = 0;
	p->err = 0;
	p->end = PEND;
	R->read = R->blank = R->headers = 0;
	R->part = p;
	R->rej = p->ms;
	in = in_part(w->pool->in, p->start);
	csvr_reset(w->r, in);
	while ((rc = csvr_next(w->r, &row)) == 1) {
		if (p->start + row->off >= p->limit) {
			p->end = p->start + row->off;
			p->lines = row->line - 1;
			break;
		}
		dorow(R, w->r, row);
		if (p->ne > 0 && p->e[p->ne - 1].kind == P_STOP)
			break;
	}
	if (rc < 0) {
		p->err = 1;
		snprintf(p->msg, sizeof(p->msg), "%s", csvr_error(w->r));
	}
	p->read = R->read + csvr_blank(w->r);
	p->blank = R->blank + csvr_blank(w->r);
	p->headers = R->headers;
	p->rblank = csvr_blank(w->r);
	csvr_reset(w->r, NULL);
	in_close(in);
}

static void *
thread(void *arg)
{
	struct worker *w = arg;
	struct pool *P = w->pool;
	struct part *p;
	long long i;

	for (;;) {
		pthread_mutex_lock(&P->mu);
		while (!P->quit && (P->next >= P->nparts ||
		    P->next >= P->freed + (long long)P->nslot))
			pthread_cond_wait(&P->work, &P->mu);
		if (P->quit) {
			pthread_mutex_unlock(&P->mu);
			return NULL;
		}
		i = P->next++;
		pthread_mutex_unlock(&P->mu);
		p = &P->slot[i % (long long)P->nslot];
		p->start = cut(P, i);
		p->limit = cut(P, i + 1);
		work(w, p);
		pthread_mutex_lock(&P->mu);
		p->idx = i;
		p->done = 1;
		pthread_cond_signal(&P->done);
		pthread_mutex_unlock(&P->mu);
	}
}

/* A thread's own copy of the run's options (its memos and matchers) and
 * buffers, made once. */
static void
wsetup(struct worker *w, struct pool *P, const struct run *R)
{
	size_t k;

	w->pool = P;
	w->opt = *R->opt;
	w->opt.ops = xreallocarray(NULL, R->opt->nops + 1, sizeof(*w->opt.ops));
	for (k = 0; k < R->opt->nops; k++) {
		w->opt.ops[k] = R->opt->ops[k];
		w->opt.ops[k].memo = NULL;
		if (R->opt->ops[k].rx)
			w->opt.ops[k].rx = rx_clone(R->opt->ops[k].rx);
	}
	w->R.ww = R->ww;
	w->R.v = xcalloc(R->ww, sizeof(*w->R.v));
	w->R.vn = xcalloc(R->ww, sizeof(*w->R.vn));
	w->R.vb = xcalloc(R->ww, sizeof(*w->R.vb));
	w->r = csvr_open(NULL, ',', R->opt->maxfield);
}

/* For each file: what its header set up, shared and read only, with the
 * thread's own buffers, memos and matchers kept. */
static void
wfile(struct worker *w, const struct run *R)
{
	struct run own = w->R;

	w->R = *R;
	w->R.opt = &w->opt;
	w->R.v = own.v;
	w->R.vn = own.vn;
	w->R.vb = own.vb;
	w->R.tmp = own.tmp;
	w->R.line = own.line;
	w->R.mtext = own.mtext;
	w->R.nmtext = own.nmtext;
	memset(&w->R.pend, 0, sizeof(w->R.pend));
	w->R.ids = w->R.rows = NULL;
	w->R.out = NULL;
	w->R.rep = NULL;
	w->R.part = NULL;
	w->R.defer = w->R.pending = 0;
	csvr_set_delim(w->r, R->delim);
}

static void
wfree(struct worker *w)
{
	size_t k;

	for (k = 0; k < w->opt.nops; k++) {
		free(w->opt.ops[k].memo);
		rx_free(w->opt.ops[k].rx);
	}
	free(w->opt.ops);
	for (k = 0; k < w->R.ww; k++)
		sb_free(&w->R.vb[k]);
	free(w->R.v);
	free(w->R.vn);
	free(w->R.vb);
	sb_free(&w->R.tmp);
	sb_free(&w->R.line);
	free(w->R.mtext);
	csvr_close(w->r);
}

static struct pool *
pool_new(const struct run *R, long nt)
{
	struct pool *P = xcalloc(1, sizeof(*P));
	size_t k;

	P->nslot = 2 * (size_t)nt;
	/* (and one more, for the rest of a file that grew) */
	P->slot = xcalloc(P->nslot + 1, sizeof(*P->slot));
	for (k = 0; k <= P->nslot; k++)
		if (R->rej && !(P->slot[k].ms = open_memstream(&P->slot[k].msb,
		    &P->slot[k].msn)))
			err(1, "open_memstream");
	P->nw = (size_t)nt;
	P->w = xcalloc(P->nw + 1, sizeof(*P->w));
	for (k = 0; k <= P->nw; k++)
		wsetup(&P->w[k], P, R);
	pthread_mutex_init(&P->mu, NULL);
	pthread_cond_init(&P->work, NULL);
	pthread_cond_init(&P->done, NULL);
	return P;
}

void
part_free(struct run *R)
{
	struct pool *P = R->pool;
	struct part *p;
	size_t k;

	if (!P)
		return;
	for (k = 0; k <= P->nw; k++)
		wfree(&P->w[k]);
	for (k = 0; k <= P->nslot; k++) {
		p = &P->slot[k];
		sb_free(&p->text);
		free(p->e);
		if (p->ms)
			fclose(p->ms);
		free(p->msb);
	}
	free(P->slot);
	free(P->w);
	pthread_mutex_destroy(&P->mu);
	pthread_cond_destroy(&P->work);
	pthread_cond_destroy(&P->done);
	free(P);
	R->pool = NULL;
}

/* Write part p's lines, say its rejects (line0: its first line's number)
 * and count its rows. 1 if it stopped on a row of the header's names in
 * another order, at *stop. Lines kept side by side go out in one call. */
static int
replay(struct run *R, const struct part *p, long line0, long *stop)
{
	const char *t = p->text.s, *keep = t;
	const struct pent *e;
	size_t j;

	R->read += p->read;
	R->blank += p->blank;
	R->headers += p->headers;
	for (j = 0; j < p->ne; j++) {
		e = &p->e[j];
		if (j + LOOKAHEAD < p->ne) {
			if (p->e[j + LOOKAHEAD].f & 1)
				hset_prefetch(R->ids, p->e[j + LOOKAHEAD].a);
			if (p->e[j + LOOKAHEAD].f & 2)
				hset_prefetch(R->rows, p->e[j + LOOKAHEAD].b);
		}
		if (e->kind == P_LINE) {
			if (isdup(R, e->f, e->a, e->b)) {
				fwrite_unlocked(keep, 1, (size_t)(t - keep),
				    R->out);
				R->dups++;
				keep = t + e->len;
			} else {
				R->written++;
			}
			t += e->len;
			continue;
		}
		fwrite_unlocked(keep, 1, (size_t)(t - keep), R->out);
		if (e->kind == P_STOP) {
			*stop = line0 + (long)e->a - 1;
			return 1;
		}
		rejsay(R, line0 + (long)e->a - 1, t);
		t += e->len;
		if (R->rej)
			fwrite(t, 1, e->b, R->rej);
		t += e->b;
		keep = t;
	}
	fwrite_unlocked(keep, 1, (size_t)(t - keep), R->out);
	return 0;
}

/* -v on a terminal: the rows read, at each million passed from a to b,
 * as one thread says them (its empty lines skipped by the reader are
 * counted at the end of the file, not as they go). */
static void
progress(long long a, long long b)
{
	long long m;

	for (m = (a / 1000000 + 1) * 1000000; m <= b; m += 1000000)
		fprintf(stderr, "csvclean: %lld rows\r", m);
}

/* Part p, read from *at, in the run: its rows written, its rejects and
 * a read error said, -v's count, and where the next part must begin
 * (*at, PEND after an error or the end) on which line (*line); *rb the
 * file's empty lines skipped by readers so far. 1 if it stopped on a
 * row of the header's names in another order, at *stop. */
static int
take(struct run *R, const struct part *p, long long *at, long *line,
    long *rb, long *stop)
{
	if (replay(R, p, *line, stop))
		return 1;
	if (R->opt->verbose && isatty(2))
		progress(R->read - p->read - *rb, R->read - *rb - p->rblank);
	*rb += p->rblank;
	if (p->err) {
		warnx("%s", p->msg);
		R->status = 1;
		*at = PEND;
		return 0;
	}
	*at = p->end;
	*line += p->lines;
	return 0;
}

static long
nthreads(const struct options *opt)
{
	long n;

	if (opt->threads > 0)
		return opt->threads;
	n = nprocs();
	return n > MAXTHREADS ? MAXTHREADS : n;
}

/* The rows of a file whose header r has read, by threads when it is a
 * plain regular file of at least two parts (and neither --report, which
 * counts each row as it goes, nor -e); 0 when it is not, and r reads
 * on. Read errors are said here. */
int
part_file(struct run *R, struct input *in, struct csvr *r)
{
	struct pool *P;
	struct part *p, *last;
	long long i, at, base, size, chunk;
	long line, stop = 0, nt, rb = 0;
	int stopped = 0;
	size_t k;

	chunk = R->opt->chunk ? (long long)R->opt->chunk : CHUNK;
	if ((nt = nthreads(R->opt)) < 2 || R->rep || R->rc ||
	    (size = in_size(in)) < 0 || (base = csvr_tell(r, &line)) < 0)
		return 0;
	base += in_bom(in) ? 3 : 0;
	if (size - base < 2 * chunk)
		return 0;
	if (!R->pool)
		R->pool = pool_new(R, nt);
	P = R->pool;
	P->in = in;
	P->base = base;
	P->size = size;
	P->chunk = chunk;
	P->nparts = (size - base + chunk - 1) / chunk;
	P->next = P->freed = 0;
	P->quit = 0;
	for (k = 0; k <= P->nslot; k++) {
		P->slot[k].idx = -1;
		P->slot[k].done = 0;
	}
	last = &P->slot[P->nslot];
	for (k = 0; k <= P->nw; k++)
		wfile(&P->w[k], R);
	for (k = 0; k < P->nw; k++)
		if ((errno = pthread_create(&P->w[k].t, NULL, thread,
		    &P->w[k])) != 0)
			err(1, "pthread_create");

	at = base;
	for (i = 0; i < P->nparts; i++) {
		p = &P->slot[i % (long long)P->nslot];
		pthread_mutex_lock(&P->mu);
		while (!p->done || p->idx != i)
			pthread_cond_wait(&P->done, &P->mu);
		pthread_mutex_unlock(&P->mu);
		if (at != PEND && !stopped) {
			if (p->start != at) {
				p->start = at;
				work(&P->w[P->nw], p);
			}
			stopped = take(R, p, &at, &line, &rb, &stop);
		}
		pthread_mutex_lock(&P->mu);
		p->done = 0;
		P->freed = i + 1;
		pthread_cond_broadcast(&P->work);
		pthread_mutex_unlock(&P->mu);
	}
	/* A file grown while it was read: the rest, on this thread. */
	if (at != PEND && !stopped) {
		last->start = at;
		last->limit = LLONG_MAX;
		work(&P->w[P->nw], last);
		stopped = take(R, last, &at, &line, &rb, &stop);
	}

	pthread_mutex_lock(&P->mu);
	P->quit = 1;
	pthread_cond_broadcast(&P->work);
	pthread_mutex_unlock(&P->mu);
	for (k = 0; k < P->nw; k++)
		pthread_join(P->w[k].t, NULL);
	if (stopped)
		permfail(R, stop);
	return 1;
}
