/* sarender: -f csv, the shown columns with their labels. */
#include <stdio.h>
#include <string.h>

#include "csvwrite.h"
#include "sarender.h"

/* One cell: with --excel, one a spreadsheet would run is made text. */
static void
cell1(FILE *fp, const char *s, int first)
{
	if (excel)
		csvw_xfield(fp, s, strlen(s), first);
	else
		csvw_str(fp, s, first);
}

static void
csvbanner(FILE *fp, struct tab *t)
{
	size_t c;

	cell1(fp, classif, 1);
	for (c = 1; c < t->ncol; c++)
		csvw_str(fp, "", 0);
	csvw_end(fp);
}

void
wcsv(FILE *fp, struct tab *t, char ***cell)
{
	size_t c, r;

	if (excel)
		fputs(CSVW_BOM, fp);
	if (classif)
		csvbanner(fp, t);
	for (c = 0; c < t->ncol; c++)
		cell1(fp, t->col[c].label, c == 0);
	csvw_end(fp);
	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			cell1(fp, cell[r][c], c == 0);
		csvw_end(fp);
	}
	if (classif)
		csvbanner(fp, t);
}
