/* sapriority's private header: the state of a run, the issues, the
 * evidence rows, and the functions the files call across. */
#ifndef SAPRIORITY_H
#define SAPRIORITY_H

#include <stddef.h>
#include <stdio.h>

#include "header.h"
#include "model.h"
#include "util.h"


/* The evidence columns read by name for the evidence string (and
 * category and area to find an issue's row); -c NAME=COLUMN renames. */
enum { C_CATEGORY, C_AREA, C_VERDICT, C_CHANGE_PCT, C_CHANGE_SIG, C_TREND,
	C_HARM, NCOL };
extern const char *colname[NCOL];

/* Where a dimension's score came from. */
enum { SRC_NONE, SRC_SHEET, SRC_EVIDENCE };

struct issue {
	char *name;        /* as written, trimmed */
	char *key;         /* name_key(name) */
	char *indicator;   /* trimmed, or NULL */
	long line;
	long indcol;       /* the sheet's indicator column, for messages */
	double *score;     /* one per dimension, when src is not SRC_NONE */
	int *src;
	long ev;           /* the evidence row, or -1 */
	double risk;       /* as written: rounded to 2 decimals */
	int hasrisk;
	long prio;         /* 1 first; 0 without a risk */
	const char *band;  /* the model's, or NULL */
	char *evidence;    /* for a committee to read */
};

/* One row of the evidence (msgrank's ranked rows), fields owned. */
struct erow {
	char **f;
	size_t *len;
	const char *file;
	long line;
	char *ckey, *akey; /* category and area keys, or NULL */
};

struct run {
	const char *out, *modelpath, *sheetpath, *area;
	char *colover[NCOL];
	struct model *m;
	char *sheetfile;   /* the sheet's name as opened */
	struct issue *iss;
	size_t niss;
	struct hdr *hdr;   /* the evidence's header (the first file's) */
	long col[NCOL];
	char **files;
	size_t nfiles;
	struct erow *rows;
	size_t nrows, cap;
	struct sbuf key;   /* scratch for name keys */
};

/* sheet.c */
void read_sheet(struct run *R);

/* evidence.c */
void read_evidence(struct run *R, const char *path);
void evidence_all(struct run *R);

/* write.c */
void rank_all(struct run *R);
void write_all(const struct run *R, FILE *fp);

#endif
