/* sarender: -f csv, the shown columns with their labels. */
#include <stdio.h>
#include <string.h>

#include "csvwrite.h"
#include "sarender.h"

/* One cell: with --excel, one a spreadsheet would run is made text. */
static void
cell1(struct sarender *S, FILE *fp, const char *s, int first)
{
	if (S->excel)
		csvw_xfield(fp, s, strlen(s), first);
	else
		csvw_str(fp, s, first);
}

static void
csvbanner(struct sarender *S, FILE *fp, struct tab *t)
{
	size_t c;

	cell1(S, fp, S->classif, 1);
	for (c = 1; c < t->ncol; c++)
		csvw_str(fp, "", 0);
	csvw_end(fp);
}

void
wcsv(struct sarender *S, FILE *fp, struct tab *t, char ***cell)
{
	size_t c, r;

	if (S->excel)
		fputs(CSVW_BOM, fp);
	if (S->classif)
		csvbanner(S, fp, t);
	for (c = 0; c < t->ncol; c++)
		cell1(S, fp, t->col[c].label, c == 0);
	csvw_end(fp);
	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			cell1(S, fp, cell[r][c], c == 0);
		csvw_end(fp);
	}
	if (S->classif)
		csvbanner(S, fp, t);
}
