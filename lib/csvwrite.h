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

#endif
