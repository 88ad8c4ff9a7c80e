/* csvclean: turn a partner extract into clean, canonical CSV. */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvclean.h"
#include "csvwrite.h"
#include "header.h"
#include "hset.h"
#include "input.h"
#include "output.h"
#include "rx.h"
#include "text.h"

/* The first header read (not the first file named: that one may be
 * missing or empty) is the one the others must match. */
static void
dofile(struct run *R, const char *path)
{
	struct input *in;
	struct csvr *r;
	struct csvr_row *row;
	const char *p;
	size_t n;
	int d = R->opt->delim, lines, rc;

	if (!(in = in_open(path))) {
		if (R->rep)
			report_file(R, path);
		warn("%s", path);
		R->status = 1;
		return;
	}
	R->file = in_name(in);
	in_ahead(in); /* (gzip: inflated while the rows are worked) */
	if (R->rep)
		report_file(R, R->file);
	r = csvr_open(in, d ? d : ',', R->opt->maxfield);
	if (!d) {
		n = csvr_peek(r, &p, 1 << 16);
		d = sniff(p, n, &lines);
		csvr_set_delim(r, d);
		if (R->opt->verbose)
			warnx("%s: delimiter %s (sniffed from %d lines)",
			    R->file, delimname(d), lines);
	}
	R->delim = d;
	while ((rc = csvr_next(r, &row)) == 1 && row->err == CSVR_OK &&
	    isblankrow(row)) {
		R->read++;
		R->blank++;
	}
	if (R->opt->verbose && rc >= 0)
		warnx("%s:%s%s encoding %s", R->file, in_gzip(in) ? " gzip," :
		    "", in_bom(in) ? " BOM," : "",
		    R->opt->enc ? R->opt->enc : "UTF-8");
	if (rc == 1 && row->err != CSVR_OK)
		errx(1, "%s:%ld: header unreadable: %s", R->file, row->line,
		    row->err == CSVR_EQUOTE ? "quote not closed" :
		    row->err == CSVR_EWIDE ? "more than 131072 fields" :
		    "field longer than --max-field");
	if (rc == 0) {
		warnx("%s: empty (no header row)", R->file);
		R->status = 1;
	} else if (rc == 1) {
		if (!R->h0) {
			setup(R, row);
			R->h0 = hdr_new(row->f, row->len, row->n);
		} else if (matchheader(R, row, 0) != 0) {
			R->status = 1;
			goto out;
		}
		sethdr(R, row);
		/* (a large plain file: by threads, and its read errors said) */
		if (part_file(R, in, r))
			rc = 0;
		else while ((rc = csvr_next(r, &row)) == 1) {
			dorow(R, r, row);
			if (R->rep)
				report_row(R, row);
			if (R->opt->verbose && isatty(2) &&
			    R->read % 1000000 == 0)
				fprintf(stderr, "csvclean: %lld rows\r", R->read);
		}
		settle(R);
	}
	if (rc < 0) {
		warnx("%s", csvr_error(r));
		R->status = 1;
	}
	R->blank += csvr_blank(r);
	R->read += csvr_blank(r);
out:
	csvr_close(r);
	in_close(in);
}

static void
cleanup(struct run *R)
{
	size_t i;

	for (i = 0; i < R->ww; i++) {
		free(R->name[i]);
		sb_free(&R->vb[i]);
	}
	free(R->name);
	free(R->vb);
	free(R->v);
	free(R->vn);
	free(R->sel);
	free(R->need);
	free(R->use);
	free(R->perm);
	sb_free(&R->tmp);
	sb_free(&R->line);
	sb_free(&R->pend);
	free(R->mtext);
	hdr_free(R->h0);
	hdr_free(R->fh);
	hset_free(R->ids);
	hset_free(R->rows);
	recode_free(R->rc);
	report_free(R->rep);
	part_free(R);
}

static void
freeopts(struct options *opt)
{
	size_t i, k;
	struct op *o;

	for (k = 0; k < opt->nops; k++) {
		o = &opt->ops[k];
		for (i = 0; i < o->nfmt; i++)
			free(o->fmt[i]);
		free(o->fmt);
		free(o->col);
		free(o->dst);
		free(o->repl);
		free(o->value);
		free(o->memo);
		rx_free(o->rx);
	}
	free(opt->ops);
	for (i = 0; i < opt->nrename; i++)
		free(opt->rename[i]);
	for (i = 0; i < opt->nselect; i++)
		free(opt->select[i]);
	free(opt->rename);
	free(opt->select);
	free(opt->dedup);
	free(opt->enc);
	free(opt->out);
	free(opt->rejects);
	free(opt->report);
	for (i = 0; i < REP_NROLES; i++)
		free(opt->repcol[i]);
}

/* Is the rejects file (rs) this input (NULL: the standard input)? */
static void
notinput(const struct options *opt, const struct stat *rs, const char *path)
{
	struct stat st;

	if ((path ? stat(path, &st) : fstat(0, &st)) == 0 &&
	    st.st_dev == rs->st_dev && st.st_ino == rs->st_ino)
		errx(2, "--rejects %s: is the input file %s", opt->rejects,
		    path ? path : "<stdin>");
}

/* The rejects file is opened (truncated) before the inputs are read:
 * it must be none of them, nor the output. */
static FILE *
openrejects(const struct options *opt, int argc, char *argv[])
{
	struct stat rs, st;
	FILE *fp;
	int i;

	if (stat(opt->rejects, &rs) == 0 && S_ISREG(rs.st_mode)) {
		if (argc == 0)
			notinput(opt, &rs, NULL);
		for (i = 0; i < argc; i++)
			notinput(opt, &rs, strcmp(argv[i], "-") ? argv[i] :
			    NULL);
		if (opt->out && stat(opt->out, &st) == 0 &&
		    st.st_dev == rs.st_dev && st.st_ino == rs.st_ino)
			errx(2, "--rejects %s: is the output file %s",
			    opt->rejects, opt->out);
	}
	if (opt->out && strcmp(opt->out, opt->rejects) == 0)
		errx(2, "--rejects %s: is the output file", opt->rejects);
	if (!(fp = fopen(opt->rejects, "w")))
		err(1, "%s", opt->rejects);
	if (opt->excel)
		fputs(CSVW_BOM, fp);
	if (opt->rejraw)
		fputs("file,line,reason,record\n", fp);
	return fp;
}

static int
toomany(const struct run *R)
{
	if (R->opt->maxrejpct >= 0)
		return R->read > 0 &&
		    (double)R->rejected * 100.0 >
		    R->opt->maxrejpct * (double)R->read;
	return R->rejected > R->opt->maxrej;
}

/* The run, on options that main() (or the fuzz target) owns. */
int
csvclean(struct options *opt, int argc, char *argv[])
{
	struct run R = { .opt = opt };
	size_t mem;
	int c, i;

	out_stdfds();
	setlocale(LC_CTYPE, "");
	opt->argv0 = argv[0];
	while ((c = getopt_long(argc, argv, "d:e:ho:p:v", longopts, NULL)) != -1)
		setopt(opt, c, optarg);
	argc -= optind;
	argv += optind;
	if (opt->pad && opt->join) {
		warnx("--pad and --join-extra: give one (short rows padded, "
		    "or long rows joined)");
		usage(stderr, 2);
	}

	if (opt->report)
		R.rep = report_new(opt, argc, argv);
	R.defer = !R.rep;
	if (opt->enc)
		R.rc = recode_new(opt->enc);
	/* With both kinds of dedup, the two sets share the budget. */
	mem = opt->dedupmem ? opt->dedupmem : HSET_MEM;
	R.ids = hset_new(opt->deduprows && opt->dedup ? mem / 2 : mem);
	R.rows = hset_new(opt->deduprows && opt->dedup ? mem / 2 : mem);
	R.out = out_open(opt->out);
	if (opt->excel)
		fputs(CSVW_BOM, R.out);
	if (opt->rejects)
		R.rej = openrejects(opt, argc, argv);
	if (argc == 0)
		dofile(&R, "-");
	for (i = 0; i < argc; i++)
		dofile(&R, argv[i]);

	if (opt->stats)
		warnx("read %lld, written %lld, rejected %lld, duplicates %lld, "
		    "blank %lld, headers %lld", R.read, R.written, R.rejected,
		    R.dups, R.blank, R.headers);
	if (opt->verbose && hset_spilled(R.ids) + hset_spilled(R.rows) > 0)
		warnx("dedup: %zu of %zu keys held in temporary files in %s",
		    hset_spilled(R.ids) + hset_spilled(R.rows),
		    hset_count(R.ids) + hset_count(R.rows), hset_dir(R.ids));
	if (toomany(&R)) {
		if (opt->maxrejpct >= 0)
			warnx("%lld of %lld rows rejected, more than "
			    "--max-rejects %g%% allows", R.rejected, R.read,
			    opt->maxrejpct);
		else
			warnx("%lld of %lld rows rejected, more than "
			    "--max-rejects %lld allows%s", R.rejected, R.read,
			    opt->maxrej, opt->maxrej ? "" : " (0 is the default: "
			    "allow some with --max-rejects N or N%)");
		R.status = 1;
	}
	if (R.rej && !opt->rejraw && !R.h0) /* no header read */
		fputs("file,line,reason\n", R.rej);
	if (R.rej)
		R.status |= fshut(R.rej, opt->rejects);
	/* Written even when the run fails for its rejects: it says why. */
	if (R.rep)
		R.status |= report_write(&R);
	R.status |= out_close(R.out, R.status == 0);
	cleanup(&R);
	freeopts(opt);
	return R.status;
}

int
main(int argc, char *argv[])
{
	struct options opt = OPTIONS_INIT;

	return csvclean(&opt, argc, argv);
}
