/* Fuzz sapriority: lib/model.c, lib/table.c and the files of
 * cmd/sapriority/ are compiled in here as one unit (main renamed), so
 * that their errx() on bad data ends an input quietly. The first byte chooses which of
 * the three inputs the rest of the bytes are (the model, the sheet or
 * the evidence); the other two are fixed ones that work together. The
 * second byte cuts reads into chunks (fuzz.h).
 *
 * The findings looked for, besides the sanitizers': on success, every
 * score on its dimension's scale and with a source, every risk with a
 * band, priorities that start at 1 and never fall, risks that never
 * rise, the issues without a risk last, and the output written. */
#define FZ_TOOL
#include "fuzz.h"
#include "../../lib/model.c"
#include "../../lib/table.c"
#define main sapriority_main
#include "../../cmd/sapriority/evidence.c"
#include "../../cmd/sapriority/main.c"
#include "../../cmd/sapriority/sheet.c"
#include "../../cmd/sapriority/write.c"
#undef main

static const char model_text[] =
    "dimension harm 1..5\n"
    "dimension likelihood 1..5\n"
    "dimension position 1..4 weight=0.5\n"
    "dimension conf 1..3\n"
    "confidence conf\n"
    "risk = harm * likelihood + 2 * position\n"
    "band high >= 20\nband medium >= 10\nband low\n"
    "matrix likelihood harm\n"
    "evidence likelihood base 2\n"
    "evidence likelihood step 1 if change_sig = up\n"
    "evidence likelihood step 1 if verdict = worse\n"
    "evidence likelihood step -1 if change_pct < -10\n"
    "evidence harm map harm_share 0:1 5:2 10:3 20:4 35:5\n"
    "evidence conf step 3 if change_sig != none\n";
static const char sheet_text[] =
    "issue,indicator,harm,likelihood,position,conf\n"
    "Violence,Violence,,,3,\nBurglary,Burglary,4,,2,3\n"
    "Drugs,Drugs,,4,1,\nOther,,2,2,2,\n";
static const char ev_text[] =
    "area,category,change_pct,change_sig,verdict,trend,harm_share\n"
    "North,Violence,29.0,up,worse,increasing,40.0\n"
    "North,Burglary,-12.0,down,better,,12.5\n"
    "North,Drugs,3.0,none,similar,no change,4.9\n";
static char fixed[3][64];

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const text[] = { model_text, sheet_text, ev_text };
	static const char *const name[] = { "m.model", "sheet.csv", "ev.csv" };
	char dir[] = "/tmp/fuzz-sapriority.XXXXXX";
	FILE *fp;
	int k;

	if (!mkdtemp(dir))
		err(2, "mkdtemp");
	for (k = 0; k < 3; k++) {
		snprintf(fixed[k], sizeof(fixed[k]), "%s/%s", dir, name[k]);
		if (!(fp = fopen(fixed[k], "w")) || fputs(text[k], fp) < 0 ||
		    fclose(fp) != 0)
			err(2, "%s", fixed[k]);
	}
	(void)argc;
	(void)argv;
	return 0;
}

static void
check(const struct run *R, size_t outlen)
{
	const struct issue *is, *prev = NULL;
	size_t i, d;

	if (outlen == 0)
		fz_fail("nothing written");
	for (i = 0; i < R->niss; i++, prev = is) {
		is = &R->iss[i];
		for (d = 0; d < R->m->ndim; d++)
			if (is->src[d] != SRC_NONE && (is->score[d] <
			    R->m->dim[d].lo || is->score[d] > R->m->dim[d].hi))
				fz_fail("'%s': %s %g off its scale", is->name,
				    R->m->dim[d].name, is->score[d]);
		if (is->hasrisk != (is->band != NULL) ||
		    is->hasrisk != (is->prio > 0))
			fz_fail("'%s': a risk without a band or priority",
			    is->name);
		if (!prev) {
			if (is->hasrisk && is->prio != 1)
				fz_fail("the first priority is %ld", is->prio);
			continue;
		}
		if (is->hasrisk && !prev->hasrisk)
			fz_fail("'%s' has a risk after one without", is->name);
		if (is->hasrisk && (is->risk > prev->risk ||
		    is->prio < prev->prio))
			fz_fail("'%s': risk %g priority %ld after %g, %ld",
			    is->name, is->risk, is->prio, prev->risk,
			    prev->prio);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct run R;
	const char *path[3];
	char *out = NULL;
	size_t on = 0;
	FILE *fp;
	int died, k;

	if (size < 2)
		return 0;
	k = data[0] % 3;
	fz_chunk = fz_chunkof(data[1]);
	memcpy(path, (const char *[]){ fixed[0], fixed[1], fixed[2] },
	    sizeof(path));
	path[k] = fz_path(data + 2, size - 2);
	memset(&R, 0, sizeof(R));
	R.modelpath = path[0];
	R.sheetpath = path[1];
	R.area = data[0] & 4 ? "North" : NULL;
	fp = open_memstream(&out, &on);
	died = setjmp(fz_jb);
	if (!died) {
		fz_armed = 1;
		R.m = model_read(R.modelpath);
		read_sheet(&R);
		read_evidence(&R, path[2]);
		evidence_all(&R);
		rank_all(&R);
		write_all(&R, fp);
	}
	fz_armed = 0;
	fclose(fp);
	if (!died)
		check(&R, on);
	freeall(&R);
	fz_release();
	free(out);
	fz_chunk = 0;
	return 0;
}
