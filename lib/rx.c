#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "rx.h"
#include "util.h"

/* Enough for any sane pattern on a field; a catastrophic one stops here
 * with an error instead of hanging. */
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000

struct rx {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	int jit;
	int shared;         /* code belongs to another (rx_clone()) */
	char err[256];
};

struct rx *
rx_new(const char *pat, size_t n, const char *what)
{
	struct rx *x = xcalloc(1, sizeof(*x));
	int ec;
	PCRE2_SIZE eo;
	PCRE2_UCHAR msg[256];

	x->code = pcre2_compile((PCRE2_SPTR)pat, n, PCRE2_UTF, &ec, &eo, NULL);
	if (!x->code) {
		pcre2_get_error_message(ec, msg, sizeof(msg));
		errx(2, "%s: '%.*s': %s at offset %zu", what, (int)n, pat,
		    (char *)msg, (size_t)eo);
	}
	/* JIT is best effort; without it pcre2_match interprets. */
	x->jit = pcre2_jit_compile(x->code, PCRE2_JIT_COMPLETE) == 0;
	x->md = pcre2_match_data_create_from_pattern(x->code, NULL);
	x->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(x->mc, MATCH_LIMIT);
	pcre2_set_depth_limit(x->mc, DEPTH_LIMIT);
	return x;
}

/* The compiled pattern is read-only once JIT-compiled and may be shared
 * by threads; the match data and the error text may not. */
struct rx *
rx_clone(const struct rx *x)
{
	struct rx *c = xcalloc(1, sizeof(*c));

	c->code = x->code;
	c->jit = x->jit;
	c->shared = 1;
	c->md = pcre2_match_data_create_from_pattern(x->code, NULL);
	c->mc = pcre2_match_context_copy(x->mc);
	if (!c->md || !c->mc)
		errx(1, "pcre2: out of memory");
	return c;
}

void
rx_free(struct rx *x)
{
	if (!x)
		return;
	pcre2_match_context_free(x->mc);
	pcre2_match_data_free(x->md);
	if (!x->shared)
		pcre2_code_free(x->code);
	free(x);
}

static int
fail(struct rx *x, int rc)
{
	PCRE2_UCHAR msg[200];

	pcre2_get_error_message(rc, msg, sizeof(msg));
	snprintf(x->err, sizeof(x->err), "regular expression: %s",
	    (char *)msg);
	return -1;
}

/* 1 match, 0 none, -1 error (a limit hit: rx_error() says so). */
static int
match(struct rx *x, const char *s, size_t n)
{
	/* pcre2_jit_match skips pcre2_match's checks; the subject was
	 * checked as UTF-8 when read. */
	int rc = x->jit ? pcre2_jit_match(x->code, (PCRE2_SPTR)s, n, 0, 0,
	    x->md, x->mc) : pcre2_match(x->code, (PCRE2_SPTR)s, n, 0, 0, x->md,
	    x->mc);

	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	return fail(x, rc);
}

int
rx_subst(struct rx *x, const char *s, size_t n, const char *repl,
    int global, struct sbuf *out)
{
	uint32_t opt = PCRE2_SUBSTITUTE_OVERFLOW_LENGTH |
	    PCRE2_SUBSTITUTE_EXTENDED | PCRE2_SUBSTITUTE_MATCHED |
	    (global ? PCRE2_SUBSTITUTE_GLOBAL : 0);
	PCRE2_SIZE len, *ov;
	size_t rl;
	int rc;

	/* Most fields do not match: find out before building anything. */
	if ((rc = match(x, s, n)) <= 0)
		return rc;
	if (!global && !strpbrk(repl, "$\\")) {
		/* A literal replacement: splice it in. */
		ov = pcre2_get_ovector_pointer(x->md);
		rl = strlen(repl);
		out->len = 0;
		sb_add(out, s, ov[0]);
		sb_add(out, repl, rl);
		sb_add(out, s + ov[1], n - ov[1]);
		return 1;
	}
	grow(&out->s, &out->cap, n + 64);
	for (;;) {
		len = out->cap;
		rc = pcre2_substitute(x->code, (PCRE2_SPTR)s, n, 0, opt, x->md,
		    x->mc, (PCRE2_SPTR)repl, PCRE2_ZERO_TERMINATED,
		    (PCRE2_UCHAR *)out->s, &len);
		if (rc != PCRE2_ERROR_NOMEMORY)
			break;
		grow(&out->s, &out->cap, len + 1);
	}
	if (rc < 0) {
		out->len = 0;
		out->s[0] = '\0';
		return fail(x, rc);
	}
	out->len = len;
	return 1;
}

const char *
rx_error(struct rx *x)
{
	return x->err;
}
