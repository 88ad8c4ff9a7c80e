#include <err.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvq.h"
#include "util.h"

#define NBATCH 3
#define BATCHROWS 1024
#define BATCHBYTES (1 << 18)
#define NORAW ((size_t)-1)

struct batch {
	struct csvr_row *rows;
	size_t nrows, rcap;
	size_t *fstart;      /* each row's first field in fo[], fl[] */
	size_t *rawoff;      /* its raw text in text, or NORAW: rebuild */
	size_t *rawlen;
	size_t *fo, *fl;     /* fields: offsets into text, lengths */
	char **fp;
	size_t nf, fcap;
	struct sbuf text;
	int end;             /* last batch: 1 end of input, -1 error */
};

struct csvq {
	struct csvr *r;
	int threaded, delim, done;
	pthread_t t;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch b[NBATCH];
	size_t head, tail, nfull;
	int stop;
	struct batch *cur;
	size_t i;
	struct sbuf raw;
	char err[256];
};

static void
addrow(struct csvq *q, struct batch *b, struct csvr_row *row)
{
	const char *raw;
	size_t k, n = b->nrows, span;

	if (n == b->rcap) {
		b->rcap = b->rcap ? 2 * b->rcap : 256;
		b->rows = xreallocarray(b->rows, b->rcap, sizeof(*b->rows));
		b->fstart = xreallocarray(b->fstart, b->rcap, sizeof(size_t));
		b->rawoff = xreallocarray(b->rawoff, b->rcap, sizeof(size_t));
		b->rawlen = xreallocarray(b->rawlen, b->rcap, sizeof(size_t));
	}
	while (b->nf + row->n > b->fcap) {
		b->fcap = b->fcap ? 2 * b->fcap : 4096;
		b->fo = xreallocarray(b->fo, b->fcap, sizeof(*b->fo));
		b->fl = xreallocarray(b->fl, b->fcap, sizeof(*b->fl));
		b->fp = xreallocarray(b->fp, b->fcap, sizeof(*b->fp));
	}
	b->rows[n] = *row;
	b->fstart[n] = b->nf;
	/* The reader keeps a row's fields in one run of memory, each
	 * NUL-terminated: one copy takes them all. */
	if (row->n > 0) {
		span = (size_t)(row->f[row->n - 1] - row->f[0]) +
		    row->len[row->n - 1] + 1;
		for (k = 0; k < row->n; k++) {
			b->fo[b->nf + k] = b->text.len +
			    (size_t)(row->f[k] - row->f[0]);
			b->fl[b->nf + k] = row->len[k];
		}
		sb_add(&b->text, row->f[0], span);
		b->nf += row->n;
	}
	b->rawoff[n] = NORAW;
	if (row->quoted || row->err != CSVR_OK) {
		raw = csvr_raw(q->r, &span);
		b->rawoff[n] = b->text.len;
		b->rawlen[n] = span;
		sb_add(&b->text, raw, span);
	}
	b->nrows++;
}

/* Read a batch of rows; pointers are set once the text stops moving. */
static void
fill(struct csvq *q, struct batch *b)
{
	struct csvr_row *row;
	size_t k;
	int rc;

	b->nrows = b->nf = b->text.len = 0;
	b->end = 0;
	while (b->nrows < BATCHROWS && b->text.len < BATCHBYTES) {
		if ((rc = csvr_next(q->r, &row)) <= 0) {
			b->end = rc == 0 ? 1 : -1;
			if (rc < 0)
				snprintf(q->err, sizeof(q->err), "%s",
				    csvr_error(q->r));
			break;
		}
		addrow(q, b, row);
	}
	for (k = 0; k < b->nf; k++)
		b->fp[k] = b->text.s + b->fo[k];
	for (k = 0; k < b->nrows; k++) {
		/* A batch of rows without fields (all overlong) has no
		 * arrays at all. */
		b->rows[k].f = b->fp ? b->fp + b->fstart[k] : NULL;
		b->rows[k].len = b->fl ? b->fl + b->fstart[k] : NULL;
	}
}

static void *
producer(void *arg)
{
	struct csvq *q = arg;
	struct batch *b;
	int end = 0;

	while (!end) {
		pthread_mutex_lock(&q->mu);
		while (q->nfull == NBATCH && !q->stop)
			pthread_cond_wait(&q->cv, &q->mu);
		if (q->stop) {
			pthread_mutex_unlock(&q->mu);
			break;
		}
		b = &q->b[q->tail];
		pthread_mutex_unlock(&q->mu);
		fill(q, b);
		end = b->end;
		pthread_mutex_lock(&q->mu);
		q->tail = (q->tail + 1) % NBATCH;
		q->nfull++;
		pthread_cond_broadcast(&q->cv);
		pthread_mutex_unlock(&q->mu);
	}
	return NULL;
}

struct csvq *
csvq_start(struct csvr *r)
{
	struct csvq *q = xcalloc(1, sizeof(*q));
	const char *env = getenv("SAPIPE_THREADS");

	q->r = r;
	q->delim = csvr_delim(r);
	q->threaded = sysconf(_SC_NPROCESSORS_ONLN) > 1 &&
	    !(env && strcmp(env, "1") == 0);
	if (!q->threaded)
		return q;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->cv, NULL);
	if (pthread_create(&q->t, NULL, producer, q) != 0) {
		pthread_mutex_destroy(&q->mu);
		pthread_cond_destroy(&q->cv);
		q->threaded = 0;
	}
	return q;
}

/* Give back the batch read through and wait for the next. */
static void
advance(struct csvq *q)
{
	pthread_mutex_lock(&q->mu);
	if (q->cur) {
		q->head = (q->head + 1) % NBATCH;
		q->nfull--;
		pthread_cond_broadcast(&q->cv);
	}
	while (q->nfull == 0)
		pthread_cond_wait(&q->cv, &q->mu);
	q->cur = &q->b[q->head];
	q->i = 0;
	pthread_mutex_unlock(&q->mu);
}

int
csvq_next(struct csvq *q, struct csvr_row **row)
{
	if (!q->threaded) {
		if (q->done)
			return 0;
		return csvr_next(q->r, row);
	}
	for (;;) {
		if (q->done)
			return q->done > 0 ? 0 : -1;
		if (q->cur && q->i < q->cur->nrows) {
			*row = &q->cur->rows[q->i++];
			return 1;
		}
		if (q->cur && q->cur->end) {
			q->done = q->cur->end;
			continue;
		}
		advance(q);
	}
}

const char *
csvq_raw(struct csvq *q, size_t *len)
{
	struct batch *b = q->cur;
	struct csvr_row *row;
	size_t k, i;

	if (!q->threaded)
		return csvr_raw(q->r, len);
	i = q->i - 1;
	if (b->rawoff[i] != NORAW) {
		*len = b->rawlen[i];
		return b->text.s + b->rawoff[i];
	}
	/* A row the scanner split: its fields joined by the delimiter are
	 * the bytes it was read from. */
	row = &b->rows[i];
	q->raw.len = 0;
	for (k = 0; k < row->n; k++) {
		if (k > 0)
			sb_addc(&q->raw, q->delim);
		sb_add(&q->raw, row->f[k], row->len[k]);
	}
	*len = q->raw.len;
	return q->raw.s ? q->raw.s : "";
}

const char *
csvq_error(struct csvq *q)
{
	return q->threaded ? q->err : csvr_error(q->r);
}

void
csvq_stop(struct csvq *q)
{
	size_t k;
	struct batch *b;

	if (!q)
		return;
	if (q->threaded) {
		pthread_mutex_lock(&q->mu);
		q->stop = 1;
		pthread_cond_broadcast(&q->cv);
		pthread_mutex_unlock(&q->mu);
		pthread_join(q->t, NULL);
		pthread_mutex_destroy(&q->mu);
		pthread_cond_destroy(&q->cv);
	}
	for (k = 0; k < NBATCH; k++) {
		b = &q->b[k];
		free(b->rows);
		free(b->fstart);
		free(b->rawoff);
		free(b->rawlen);
		free(b->fo);
		free(b->fl);
		free(b->fp);
		sb_free(&b->text);
	}
	sb_free(&q->raw);
	free(q);
}
