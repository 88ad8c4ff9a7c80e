/* rx: PCRE2 compile-or-die (error offset shown), JIT, match limits. */
#ifndef SAPIPE_RX_H
#define SAPIPE_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

struct rx;

/* Compile pat; on error exit 2 with "what: pattern: message at offset". */
struct rx *rx_new(const char *pat, size_t n, const char *what);
/* Another matcher of x's pattern, for another thread: it shares the
 * compiled pattern, so free it before x. */
struct rx *rx_clone(const struct rx *x);
void rx_free(struct rx *x);
struct sbuf;
/* Replace the first match (all when global) with repl (PCRE2 extended
 * syntax: $1, \U...) into out (its old content replaced). 1 replaced,
 * 0 no match (out untouched: s stands), -1 error. */
int rx_subst(struct rx *x, const char *s, size_t n, const char *repl,
    int global, struct sbuf *out);
const char *rx_error(struct rx *x);

#endif
