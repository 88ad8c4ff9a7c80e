/* sarender: -f csv, the shown columns with their labels. */
#include <stdio.h>

#include "csvwrite.h"
#include "sarender.h"

static void
csvbanner(struct sarender *S, FILE *fp, struct tab *t)
{
	size_t c;

	csvw_str(fp, S->classif, 1);
	for (c = 1; c < t->ncol; c++)
		csvw_str(fp, "", 0);
	csvw_end(fp);
}

void
wcsv(struct sarender *S, FILE *fp, struct tab *t, char ***cell)
{
	size_t c, r;

	if (S->classif)
		csvbanner(S, fp, t);
	for (c = 0; c < t->ncol; c++)
		csvw_str(fp, t->col[c].label, c == 0);
	csvw_end(fp);
	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			csvw_str(fp, cell[r][c], c == 0);
		csvw_end(fp);
	}
	if (S->classif)
		csvbanner(S, fp, t);
}
