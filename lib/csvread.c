#include <csv.h>
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "specials.h"
#include "util.h"

enum { C_TEXT, C_DELIM, C_QUOTE, C_CR, C_LF, C_NUL };

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SCAN_AVX2
#endif

#define READSZ (CSVR_BUFSZ / 2)
#define RAWPREFIX 1024

struct csvr {
	struct input *in;
	char *buf;
	size_t cap, beg, end; /* buf[beg..end) is unread */
	long long base;       /* stream offset of buf[0] */
	int eof, skiplf, peeked;
	long line;            /* number of the line at beg */
	long blank;
	unsigned char cls[256];
	int delim;
	int avx2;             /* specials64() may use AVX2 */
	size_t maxfield, maxrec, maxfields;

	/* scan state of the line at beg */
	size_t scan, *fo, nfo, focap;
	int special, high;

	struct csvr_row row;
	size_t rcap;

	/* records parsed by libcsv */
	struct csv_parser p;
	int inrec, gotrow, flong, wide;
	int longrec;          /* overlong: the record, not a field */
	struct sbuf arena;
	size_t *aoff, an, acap;

	/* raw bytes of the last row */
	const char *rawp;
	size_t rawn;
	int rawfast;
	struct sbuf raw;
	char err[256];
};

static int
nospace(unsigned char c)
{
	(void)c;
	return 0;
}

static void
cb_field(void *s, size_t n, void *data)
{
	struct csvr *r = data;

	/* Past the limit the fields are counted, not kept: 24 bytes each
	 * would let one line of commas take gigabytes. */
	if (r->an >= r->maxfields) {
		r->wide = 1;
		return;
	}
	if (r->an == r->acap) {
		r->acap = r->acap ? 2 * r->acap : 16;
		r->aoff = xreallocarray(r->aoff, r->acap + 1, sizeof(*r->aoff));
	}
	if (n > r->maxfield) {
		r->flong = 1;
		n = 0;
	}
	r->aoff[r->an++] = r->arena.len;
	sb_add(&r->arena, s ? s : "", n);
	sb_addc(&r->arena, '\0');
}

static void
cb_row(int c, void *data)
{
	struct csvr *r = data;

	(void)c;
	r->gotrow = 1;
}

/* What the reader takes from libcsv's private state, for which libcsv has
 * no call: the bytes of the field being parsed so far (entry_pos), and in
 * *inquote whether that field is a quoted one still open (pstate
 * FIELD_BEGUN, which libcsv.c defines as 2, with quoted set: the test
 * csv_fini() makes for CSV_STRICT_FINI). Checked against libcsv 3.0.3,
 * Debian's libcsv-dev 3.0.3+dfsg-6, and against every commit of
 * github.com/rgamble/libcsv, from its first (4a36cb0, 2016-12-08, already
 * 3.0.3) to its last (b1d5212, 2021-08-20): struct csv_parser's members
 * and the state numbers are the same throughout. Another version must be
 * checked again before it is built against. */
#if CSV_MAJOR != 3 || CSV_MINOR != 0
#error "csvread.c reads libcsv 3.0's private state (parser_state()): check it against this libcsv"
#endif
static size_t
parser_state(const struct csv_parser *p, int *inquote)
{
	*inquote = p->quoted && p->pstate == 2 /* FIELD_BEGUN */;
	return p->entry_pos;
}

static void
parser_init(struct csvr *r)
{
	if (csv_init(&r->p, 0) != 0)
		errx(1, "csv_init failed");
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_space_func(&r->p, nospace);
}

void
csvr_set_delim(struct csvr *r, int delim)
{
	memset(r->cls, C_TEXT, sizeof(r->cls));
	r->cls[(unsigned char)delim] = C_DELIM;
	r->cls['"'] = C_QUOTE;
	r->cls['\r'] = C_CR;
	r->cls['\n'] = C_LF;
	r->cls[0] = C_NUL;
	r->delim = delim;
	csv_set_delim(&r->p, (unsigned char)delim);
}

struct csvr *
csvr_open(struct input *in, int delim, size_t maxfield)
{
	struct csvr *r = xcalloc(1, sizeof(*r));

	r->in = in;
	r->cap = CSVR_BUFSZ;
	r->buf = xmalloc(r->cap);
	r->line = 1;
	r->maxfield = maxfield;
	r->maxrec = maxfield > ((size_t)-1) / 64 ? maxfield : 64 * maxfield;
	r->maxfields = CSVR_MAXFIELDS;
#ifdef SCAN_AVX2
	r->avx2 = __builtin_cpu_supports("avx2");
#endif
	parser_init(r);
	csvr_set_delim(r, delim);
	return r;
}

void
csvr_close(struct csvr *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	free(r->buf);
	free(r->fo);
	free(r->row.f);
	free(r->row.len);
	free(r->aoff);
	sb_free(&r->arena);
	sb_free(&r->raw);
	free(r);
}

/* Move the unread bytes to the front and read more. 1 read, 0 at end,
 * -1 on error. */
static int
fill(struct csvr *r)
{
	ssize_t n;

	if (r->eof)
		return 0;
	if (r->beg > 0) {
		memmove(r->buf, r->buf + r->beg, r->end - r->beg);
		r->base += (long long)r->beg;
		r->end -= r->beg;
		r->beg = 0;
	}
	if (r->cap - r->end < READSZ + 1)
		grow(&r->buf, &r->cap, r->end + READSZ + 1);
	n = in_read(r->in, r->buf + r->end, r->cap - r->end - 1);
	if (n < 0) {
		snprintf(r->err, sizeof(r->err), "%s: %s", in_name(r->in),
		    in_error(r->in));
		return -1;
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->end += (size_t)n;
	return 1;
}

size_t
csvr_peek(struct csvr *r, const char **p, size_t n)
{
	while (!r->eof && r->end - r->beg < n)
		if (fill(r) < 0)
			break;
	*p = r->buf + r->beg;
	return r->end - r->beg < n ? r->end - r->beg : n;
}

static void
addfo(struct csvr *r, size_t off)
{
	if (r->nfo == r->focap) {
		r->focap = r->focap ? 2 * r->focap : 64;
		r->fo = xreallocarray(r->fo, r->focap, sizeof(*r->fo));
	}
	r->fo[r->nfo++] = off;
}

static void
setrow(struct csvr *r, size_t n)
{
	if (n > r->rcap) {
		r->rcap = n;
		r->row.f = xreallocarray(r->row.f, n, sizeof(*r->row.f));
		r->row.len = xreallocarray(r->row.len, n, sizeof(*r->row.len));
	}
	r->row.n = n;
}

/* Forget the scan of the line at beg: the next line starts afresh. */
static void
scan_reset(struct csvr *r)
{
	r->scan = r->nfo = 0;
	r->high = 0;
	r->special = 0;
}

static int
toolong(struct csvr *r, long startline, long long startoff)
{
	if (r->inrec) {
		csv_free(&r->p);
		parser_init(r);
		r->inrec = 0;
	}
	if (r->raw.len > RAWPREFIX)
		r->raw.len = RAWPREFIX;
	setrow(r, 0);
	r->row.line = startline;
	r->row.nlines = r->line - startline;
	r->row.off = startoff;
	r->row.err = r->wide ? CSVR_EWIDE : CSVR_ETOOLONG;
	r->row.longrec = r->longrec;
	r->row.quoted = r->row.nul = r->row.ascii = r->row.noquote = 0;
	r->rawfast = 0;
	scan_reset(r);
	return 1;
}

/* Skip the rest of an overlong line, keeping a prefix for the report. */
static int
skipline(struct csvr *r, long startline, long long startoff)
{
	size_t i;

	if (!r->inrec) {
		r->raw.len = 0;
		sb_add(&r->raw, r->buf + r->beg,
		    r->end - r->beg < RAWPREFIX ? r->end - r->beg : RAWPREFIX);
	}
	for (;;) {
		for (i = r->beg; i < r->end; i++)
			if (r->buf[i] == '\n' || r->buf[i] == '\r')
				break;
		if (i < r->end) {
			r->beg = i + 1;
			if (r->buf[i] == '\r')
				r->skiplf = 1;
			break;
		}
		r->beg = r->end;
		if (fill(r) <= 0)
			break;
	}
	r->line++;
	return toolong(r, startline, startoff);
}

/* The next byte at or after i that the scanner must look at (delimiter,
 * quote, CR, LF, NUL), or end; notes bytes >= 0x80 on the way. SSE2 looks
 * at 16 bytes a step. */
static size_t
nextspecial(struct csvr *r, size_t i)
{
	const char *b = r->buf;
	size_t end = r->end;
#ifdef __SSE2__
	unsigned mask, hi;

	for (; i + 16 <= end; i += 16) {
		mask = specials(b + i, (char)r->delim, 1, &hi);
		if (mask) {
			mask = (unsigned)__builtin_ctz(mask);
			r->high |= (hi & ((1u << mask) - 1)) != 0;
			return i + mask;
		}
		r->high |= hi != 0;
	}
#endif
	for (; i < end && !r->cls[(unsigned char)b[i]]; i++)
		r->high |= (unsigned char)b[i] >= 0x80;
	return i;
}

#ifdef __SSE2__
/* specials64()'s step: the 16 bytes at p, their masks at bit sh. */
static inline void
sp16(const char *p, int delim, int sh, uint64_t *m, uint64_t *d, uint64_t *h)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i e = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)delim));

	*d |= (uint64_t)(unsigned)_mm_movemask_epi8(e) << sh;
	e = _mm_or_si128(e, _mm_or_si128(_mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
	    _mm_cmpeq_epi8(v, _mm_setzero_si128())), _mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')))));
	*m |= (uint64_t)(unsigned)_mm_movemask_epi8(e) << sh;
	*h |= (uint64_t)(unsigned)_mm_movemask_epi8(v) << sh;
}
#endif

#ifdef SCAN_AVX2
/* specials64() in two 32-byte steps, where the processor has AVX2 (most
 * x86-64 made since 2013; csvr_open() asks it): half the instructions of
 * SSE2's four 16-byte steps, which every x86-64 has. */
__attribute__((target("avx2"))) static uint64_t
specials64_avx2(const char *p, int delim, uint64_t *dl, uint64_t *hi)
{
	const __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)p);
	const __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)
	    (p + 32));
	const __m256i dc = _mm256_set1_epi8((char)delim);
	const __m256i qc = _mm256_set1_epi8('"'), cr = _mm256_set1_epi8('\r');
	const __m256i lf = _mm256_set1_epi8('\n'), nul = _mm256_setzero_si256();
	__m256i da = _mm256_cmpeq_epi8(a, dc), db = _mm256_cmpeq_epi8(b, dc);
	__m256i ma, mb;

	ma = _mm256_or_si256(_mm256_or_si256(da, _mm256_cmpeq_epi8(a, qc)),
	    _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(a, cr),
	    _mm256_cmpeq_epi8(a, lf)), _mm256_cmpeq_epi8(a, nul)));
	mb = _mm256_or_si256(_mm256_or_si256(db, _mm256_cmpeq_epi8(b, qc)),
	    _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(b, cr),
	    _mm256_cmpeq_epi8(b, lf)), _mm256_cmpeq_epi8(b, nul)));
	*dl = (uint32_t)_mm256_movemask_epi8(da) |
	    (uint64_t)(uint32_t)_mm256_movemask_epi8(db) << 32;
	*hi = (uint32_t)_mm256_movemask_epi8(a) |
	    (uint64_t)(uint32_t)_mm256_movemask_epi8(b) << 32;
	return (uint32_t)_mm256_movemask_epi8(ma) |
	    (uint64_t)(uint32_t)_mm256_movemask_epi8(mb) << 32;
}
#endif

/* A mask of the scanner's special bytes among the 64 at i, in *dl those
 * that are the delimiter, and in *hi those >= 0x80. */
static uint64_t
specials64(const struct csvr *r, size_t i, uint64_t *dl, uint64_t *hi)
{
	uint64_t m = 0, d = 0, h = 0;
	int j;
#ifdef SCAN_AVX2
	if (r->avx2)
		return specials64_avx2(r->buf + i, r->delim, dl, hi);
#endif
#ifdef __SSE2__
	(void)j;
	sp16(r->buf + i, r->delim, 0, &m, &d, &h);
	sp16(r->buf + i + 16, r->delim, 16, &m, &d, &h);
	sp16(r->buf + i + 32, r->delim, 32, &m, &d, &h);
	sp16(r->buf + i + 48, r->delim, 48, &m, &d, &h);
#else
	for (j = 0; j < 64; j++) {
		unsigned char b = (unsigned char)r->buf[i + (size_t)j];

		m |= (uint64_t)(r->cls[b] != C_TEXT) << j;
		d |= (uint64_t)(r->cls[b] == C_DELIM) << j;
		h |= (uint64_t)(b >= 0x80) << j;
	}
#endif
	*dl = d;
	*hi = h;
	return m;
}

/* Find the line at beg: *len its length, *tlen its terminator's (0 at
 * end of input). 1 found, 0 no more input, -1 error, 2 overlong. */
static int
scanline(struct csvr *r, size_t *len, size_t *tlen)
{
	const unsigned char *cls = r->cls;
	size_t i, fstart, base = 0;
	uint64_t m, dl = 0, hi = 0, d;
	unsigned k = 0;
	int c, inblock;

	for (;;) {
		if (r->skiplf) {
			if (r->beg == r->end && fill(r) < 0)
				return -1;
			if (r->beg < r->end) {
				/* A CR LF split by a read: inside a quoted
				 * field the LF is data. */
				if (r->buf[r->beg] == '\n' && r->inrec) {
					sb_addc(&r->raw, '\n');
					csv_parse(&r->p, "\n", 1, cb_field,
					    cb_row, r);
				}
				if (r->buf[r->beg] == '\n')
					r->beg++;
				r->skiplf = 0;
			} else if (r->eof) {
				r->skiplf = 0;
			}
		}
		i = r->beg + r->scan;
		fstart = r->beg + (r->nfo ? r->fo[r->nfo - 1] : 0);
		m = 0;
		inblock = 0;
		for (;;) {
			/* 64 bytes at a time, then each special byte of them
			 * in turn; the buffer's last bytes one at a time. */
			if (m == 0) {
				inblock = i + 64 <= r->end;
				if (inblock) {
					base = i;
					if ((m = specials64(r, i, &dl, &hi)) == 0) {
						r->high |= hi != 0;
						i += 64;
						continue;
					}
				} else if ((i = nextspecial(r, i)) == r->end) {
					break;
				}
			}
			/* The common case, the delimiters of a line with no
			 * quote so far, in a tight loop: those before the
			 * block's next other special byte, each an offset kept
			 * and nothing else, when the fields stay within their
			 * limits; the rest goes the general way below. */
			if (inblock && !r->special && !r->inrec) {
				d = m & dl;
				if (m & ~dl)
					d &= ((m & ~dl) & -(m & ~dl)) - 1;
				/* (at most 64 delimiters: room for them all) */
				if (d && r->nfo + 65 < r->maxfields &&
				    base + 64 - fstart <= r->maxfield) {
					if (r->nfo + 64 > r->focap) {
						r->focap = 2 * (r->nfo + 64);
						r->fo = xreallocarray(r->fo,
						    r->focap, sizeof(*r->fo));
					}
					m &= ~d;
					k = 63 - (unsigned)__builtin_clzll(d);
					fstart = base + k + 1;
					do {
						r->fo[r->nfo++] = base + 1 +
						    (unsigned)__builtin_ctzll(d) -
						    r->beg;
						d &= d - 1;
					} while (d);
				}
				if (m == 0) {
					r->high |= hi != 0;
					i = base + 64;
					continue;
				}
			}
			if (inblock) {
				k = (unsigned)__builtin_ctzll(m);
				m &= m - 1;
				i = base + k;
			}
			c = cls[(unsigned char)r->buf[i]];
			if (c == C_DELIM) {
				/* Before a record's first quote each delimiter
				 * ends a field: too many, and the rest of the
				 * line is skipped unkept. After it libcsv
				 * splits the record, without these offsets. */
				if (!r->special && !r->inrec &&
				    r->nfo + 1 >= r->maxfields) {
					r->wide = 1;
					return 2;
				}
				if (!r->special) {
					if (i - fstart > r->maxfield)
						r->flong = 1;
					/* (a line inside a quoted record
					 * stops keeping them at the limit) */
					if (r->nfo + 1 < r->maxfields)
						addfo(r, i + 1 - r->beg);
					fstart = i + 1;
				}
			} else if (c == C_QUOTE || c == C_NUL) {
				r->special = 1;
			} else {
				if (inblock)
					r->high |= (hi & ((1ULL << k) - 1)) != 0;
				/* A line over maxrec is overlong wherever the
				 * buffer's refills fall (see below). */
				if (i - r->beg > r->maxrec) {
					r->longrec = 1;
					return 2;
				}
				*len = i - r->beg;
				*tlen = 1;
				if (c == C_CR) {
					if (i + 1 < r->end) {
						if (r->buf[i + 1] == '\n')
							*tlen = 2;
					} else if (!r->eof) {
						r->skiplf = 1;
					}
				}
				if (i - fstart > r->maxfield && !r->special)
					r->flong = 1;
				return 1;
			}
			i++;
			if (inblock && m == 0) {
				/* The line goes on past the block: all of it is
				 * the line's. */
				r->high |= hi != 0;
				i = base + 64;
			}
		}
		r->scan = i - r->beg;
		if ((!r->special && i - fstart > r->maxfield) ||
		    i - r->beg > r->maxrec) {
			r->longrec = r->special || i - fstart <= r->maxfield;
			return 2;
		}
		switch (fill(r)) {
		case -1:
			return -1;
		case 0:
			if (r->end == r->beg)
				return 0;
			*len = r->end - r->beg;
			*tlen = 0;
			if (i - fstart > r->maxfield && !r->special)
				r->flong = 1;
			return 1;
		}
	}
}

static int
emit_fast(struct csvr *r, size_t len)
{
	char *s = r->buf + r->beg;
	size_t i, n = r->nfo + 1, start = 0, stop;
	char **f;
	size_t *fl;

	setrow(r, n);
	f = r->row.f;
	fl = r->row.len;
	for (i = 0; i < r->nfo; i++) {
		stop = r->fo[i] - 1;
		s[stop] = '\0';
		f[i] = s + start;
		fl[i] = stop - start;
		start = r->fo[i];
	}
	s[len] = '\0';
	f[i] = s + start;
	fl[i] = len - start;
	r->row.line = r->line;
	r->row.nlines = 1;
	r->row.off = r->base + (long long)r->beg;
	r->row.err = r->flong ? CSVR_ETOOLONG : CSVR_OK;
	r->row.longrec = 0;
	r->row.quoted = r->row.nul = 0;
	r->row.ascii = !r->high;
	r->row.noquote = r->delim == ',';
	r->rawp = s;
	r->rawn = len;
	r->rawfast = 1;
	return 1;
}

static int
emit_slow(struct csvr *r, int err)
{
	size_t i;

	if (r->wide)
		r->an = 0;
	setrow(r, r->an);
	for (i = 0; i < r->an; i++) {
		r->row.f[i] = r->arena.s + r->aoff[i];
		r->row.len[i] = (i + 1 < r->an ? r->aoff[i + 1] : r->arena.len)
		    - r->aoff[i] - 1;
		if (memchr(r->row.f[i], '\0', r->row.len[i]))
			r->row.nul = 1;
	}
	r->row.nlines = r->line - r->row.line;
	r->row.err = r->wide ? CSVR_EWIDE : r->flong ? CSVR_ETOOLONG : err;
	r->row.longrec = 0;
	r->row.quoted = 1;
	r->row.ascii = r->row.noquote = 0;
	r->rawfast = 0;
	while (r->raw.len > 0 && (r->raw.s[r->raw.len - 1] == '\n' ||
	    r->raw.s[r->raw.len - 1] == '\r'))
		r->raw.len--;
	r->inrec = 0;
	return 1;
}

/* Feed one line (with its terminator) to libcsv. */
static int
slowline(struct csvr *r, size_t len, size_t tlen)
{
	size_t n;
	int inquote;

	if (!r->inrec) {
		r->inrec = 1;
		r->row.line = r->line;
		r->row.off = r->base + (long long)r->beg;
		r->row.nul = 0;
		r->an = 0;
		r->arena.len = 0;
		r->raw.len = 0;
		r->gotrow = 0;
	}
	if (csv_parse(&r->p, r->buf + r->beg, len + tlen, cb_field, cb_row,
	    r) != len + tlen)
		errx(1, "%s: %s", in_name(r->in), csv_strerror(csv_error(&r->p)));
	/* A record with too many fields keeps a prefix for the report, not
	 * a second copy of itself. */
	n = len + tlen;
	if (r->wide) {
		/* (and the lines before the one that made it wide) */
		if (r->raw.len > RAWPREFIX)
			r->raw.len = RAWPREFIX;
		n = r->raw.len >= RAWPREFIX ? 0 : n < RAWPREFIX - r->raw.len ?
		    n : RAWPREFIX - r->raw.len;
	}
	sb_add(&r->raw, r->buf + r->beg, n);
	r->beg += len + tlen;
	r->line++;
	scan_reset(r);
	/* (a record over maxrec is overlong, the last line end aside) */
	if (r->gotrow && r->raw.len - tlen <= r->maxrec)
		return emit_slow(r, CSVR_OK);
	r->longrec = r->raw.len > r->maxrec;
	if (r->longrec || parser_state(&r->p, &inquote) > r->maxfield)
		return toolong(r, r->row.line, r->row.off);
	return 0;
}

/* End of input inside a libcsv record. A quoted field still open there
 * is most often a stray quote: report the record's first line alone and
 * read the lines after it again. */
static int
slowfini(struct csvr *r)
{
	size_t first, rest;
	int inquote;

	parser_state(&r->p, &inquote);
	if (!inquote) {
		csv_fini(&r->p, cb_field, cb_row, r);
		return emit_slow(r, CSVR_OK);
	}
	csv_free(&r->p);
	parser_init(r);
	first = strcspn(r->raw.s, "\r\n");
	rest = first;
	if (rest < r->raw.len)
		rest += r->raw.s[rest] == '\r' && rest + 1 < r->raw.len &&
		    r->raw.s[rest + 1] == '\n' ? 2 : 1;
	/* At end of input the buffer is empty: the rest goes back in it. */
	r->beg = 0;
	r->end = r->raw.len - rest;
	grow(&r->buf, &r->cap, r->end + 1);
	memcpy(r->buf, r->raw.s + rest, r->end);
	r->base = r->row.off + (long long)rest;
	r->line = r->row.line + 1;
	scan_reset(r);
	r->raw.len = first;
	r->an = 0;
	r->arena.len = 0;
	emit_slow(r, CSVR_EQUOTE);
	r->row.nlines = 1;
	return 1;
}

int
csvr_next(struct csvr *r, struct csvr_row **row)
{
	size_t len, tlen;
	long line;
	long long off;

	*row = &r->row;
	r->flong = r->wide = 0;
	for (;;) {
		line = r->line;
		off = r->base + (long long)r->beg;
		switch (scanline(r, &len, &tlen)) {
		case -1:
			return -1;
		case 0:
			if (r->inrec)
				return slowfini(r);
			return 0;
		case 2:
			return skipline(r, r->inrec ? r->row.line : line,
			    r->inrec ? r->row.off : off);
		}
		if (r->inrec || r->special) {
			if (slowline(r, len, tlen))
				return 1;
			if (tlen == 0 && r->inrec)
				return slowfini(r);
			continue;
		}
		if (len == 0) {
			r->blank++;
			r->beg += tlen;
			r->line++;
			scan_reset(r);
			continue;
		}
		emit_fast(r, len);
		r->beg += len + tlen;
		r->line++;
		scan_reset(r);
		return 1;
	}
}

long long
csvr_tell(const struct csvr *r, long *line)
{
	if (r->inrec || r->skiplf || r->scan || r->nfo)
		return -1;
	*line = r->line;
	return r->base + (long long)r->beg;
}

void
csvr_reset(struct csvr *r, struct input *in)
{
	csv_free(&r->p);
	parser_init(r);
	r->in = in;
	r->beg = r->end = 0;
	r->base = 0;
	r->eof = r->skiplf = r->peeked = 0;
	r->line = 1;
	r->blank = 0;
	scan_reset(r);
	r->inrec = r->gotrow = r->flong = r->wide = 0;
	r->an = 0;
	r->arena.len = r->raw.len = 0;
	r->rawp = NULL;
	r->rawn = 0;
	r->rawfast = 0;
	r->err[0] = '\0';
}

const char *
csvr_raw(struct csvr *r, size_t *len)
{
	size_t i;

	if (r->rawfast) {
		r->raw.len = 0;
		sb_add(&r->raw, r->rawp, r->rawn);
		for (i = 0; i < r->raw.len; i++)
			if (r->raw.s[i] == '\0')
				r->raw.s[i] = (char)r->delim;
	}
	*len = r->raw.len;
	return r->raw.s ? r->raw.s : "";
}

size_t
csvr_maxrec(const struct csvr *r)
{
	return r->maxrec;
}

long
csvr_blank(const struct csvr *r)
{
	return r->blank;
}

long
csvr_lines(const struct csvr *r)
{
	return r->line - 1;
}

const char *
csvr_error(struct csvr *r)
{
	return r->err;
}
