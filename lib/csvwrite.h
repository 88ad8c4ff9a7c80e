/* csvwrite: RFC 4180 output, quoting only where needed, LF line ends. */
#ifndef SAPIPE_CSVWRITE_H
#define SAPIPE_CSVWRITE_H

#include <stddef.h>
#include <stdio.h>

/* Write one field; a comma goes before it unless first. */
void csvw_field(FILE *fp, const char *s, size_t n, int first);
void csvw_str(FILE *fp, const char *s, int first);
void csvw_end(FILE *fp);
void csvw_row(FILE *fp, char *const *f, const size_t *len, size_t n);
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

#endif
