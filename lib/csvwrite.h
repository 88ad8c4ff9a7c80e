/* csvwrite: RFC 4180 output, quoting only where needed, LF line ends. */
#ifndef SAPIPE_CSVWRITE_H
#define SAPIPE_CSVWRITE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csvread.h"

/* Write one field; a comma goes before it unless first. */
void csvw_field(FILE *fp, const char *s, size_t n, int first);
void csvw_str(FILE *fp, const char *s, int first);
void csvw_end(FILE *fp);
/* Does the field need quotes? */
int csvw_needq(const char *s, size_t n);
/* Would a spreadsheet run the cell as a formula? It begins with = or @,
 * or with + - TAB or CR and is not a plain number (-12.5 is safe). */
int csvw_risky(const char *s, size_t n);
/* csvw_field for a spreadsheet (OWASP's CSV injection advice): a risky
 * cell is written quoted, after a ', so that it is shown as text. */
void csvw_xfield(FILE *fp, const char *s, size_t n, int first);
/* The UTF-8 byte order mark, which Excel needs to read UTF-8. */
#define CSVW_BOM "\xEF\xBB\xBF"

/* Does v, a value that may be all or part of a field of row, need quotes?
 * A value lying inside a row that needs no quoting (row->noquote: its
 * fields, and so every part of them, hold no comma, quote, CR or LF) is
 * not looked at; any other value (a copy, a rewritten one) is. Inline:
 * every output field of csvclean passes here. */
static inline int
csvw_needq_in(const struct csvr_row *row, const char *v, size_t n)
{
	uintptr_t lo, hi;

	if (row->noquote && row->n > 0) {
		lo = (uintptr_t)row->f[0];
		hi = (uintptr_t)(row->f[row->n - 1] + row->len[row->n - 1]);
		if ((uintptr_t)v >= lo && (uintptr_t)v + n <= hi)
			return 0;
	}
	return csvw_needq(v, n);
}

#endif
