/* sarender: cells as the reader sees them, alignment, notes, and the
 * dispatch to a format. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "meta.h"
#include "util.h"
#include "sarender.h"

static const char *const ragword[] = { "", "Green", "Amber", "Red" };
static const char *const ragsym[] = { "", "\xe2\x97\x8b ", "\xe2\x97\x90 ",
	"\xe2\x97\x8f " }; /* ○ ◐ ● : empty, half, full in black and white */

static void
fmtpct(struct sarender *S, struct sbuf *b, double v)
{
	v = round1(v, 1);
	if (!S->ascii)
		sb_adds(b, v > 0 ? "\xe2\x96\xb2 " : v < 0 ? "\xe2\x96\xbc " :
		    "\xe2\x96\xba "); /* ▲ ▼ ► */
	fmtnum(b, v, 1, 1);
	sb_addc(b, '%');
}

static int
ispct(const struct tab *t, size_t r)
{
	return t->ix[R_KIND] >= 0 &&
	    strcasecmp(t->row[r][t->ix[R_KIND]], "percentage") == 0;
}

/* A percentage's change in percentage points: from the counts where the
 * row has them (31.24 % to 31.94 % is 701 of 2,244 to 748 of 2,342:
 * +0.70), else from the rates as written. 0: neither. */
static int
points(const struct tab *t, size_t r, double *pp)
{
	double c, p, pc, pq;

	if (!ispct(t, r))
		return 0;
	if (t->ix[R_COUNT] >= 0 && t->ix[R_POP] >= 0 &&
	    t->ix[R_PREV_COUNT] >= 0 && t->ix[R_PREV_POP] >= 0 &&
	    getnum(t->row[r][t->ix[R_COUNT]], &c) &&
	    getnum(t->row[r][t->ix[R_POP]], &p) &&
	    getnum(t->row[r][t->ix[R_PREV_COUNT]], &pc) &&
	    getnum(t->row[r][t->ix[R_PREV_POP]], &pq) && p > 0 && pq > 0) {
		*pp = 100.0 * (c / p - pc / pq);
		return 1;
	}
	if (t->ix[R_RATE] >= 0 && t->ix[R_PREV_RATE] >= 0 &&
	    getnum(t->row[r][t->ix[R_RATE]], &c) &&
	    getnum(t->row[r][t->ix[R_PREV_RATE]], &pc)) {
		*pp = c - pc;
		return 1;
	}
	return 0;
}

static void
fmtpp(struct sarender *S, struct sbuf *b, double v)
{
	v = round1(v, 1);
	if (!S->ascii)
		sb_adds(b, v > 0 ? "\xe2\x96\xb2 " : v < 0 ? "\xe2\x96\xbc " :
		    "\xe2\x96\xba "); /* ▲ ▼ ► */
	fmtnum(b, v, 1, 1);
	sb_adds(b, " pp");
}

/* The mark of a significant change: words in text (and wherever only
 * ASCII is wanted), a footnote symbol explained under the table in
 * Markdown and HTML. */
static const char *
sigmark(struct sarender *S)
{
	return S->fmt == F_TEXT || S->ascii ? " (significant)" :
	    " \xe2\x80\xa0";
	/* † */
}

int
significant(const struct tab *t, size_t r)
{
	const char *s;

	if (t->ix[R_CHANGE_SIG] < 0)
		return 0;
	s = t->row[r][t->ix[R_CHANGE_SIG]];
	return strcasecmp(s, "up") == 0 || strcasecmp(s, "down") == 0;
}

/* " (was 8/15)": the place in the comparison period. */
static void
wasrank(const struct tab *t, size_t r, struct sbuf *b)
{
	double pr, po;

	if (t->ix[R_PREV_RANK] < 0 || t->ix[R_PREV_OF] < 0 ||
	    !getnum(t->row[r][t->ix[R_PREV_RANK]], &pr) ||
	    !getnum(t->row[r][t->ix[R_PREV_OF]], &po) || t->sup[r] & SUP_P)
		return;
	sb_adds(b, " (was ");
	fmtnums(b, t->row[r][t->ix[R_PREV_RANK]], pr, 0, 0);
	sb_addc(b, '/');
	fmtnums(b, t->row[r][t->ix[R_PREV_OF]], po, 0, 0);
	sb_addc(b, ')');
}

static void
fmtband(struct sbuf *b, const char *s)
{
	if (strcasecmp(s, "above") == 0)
		sb_adds(b, "above");
	else if (strcasecmp(s, "inline") == 0 || strcasecmp(s, "in line") == 0)
		sb_adds(b, "in line");
	else if (strcasecmp(s, "below") == 0)
		sb_adds(b, "below");
	else
		sb_adds(b, s);
}

/* Is row r's area alone in its group for this indicator? Then a rank
 * (1/1) and a place against the mean say nothing. */
int
alone(const struct tab *t, size_t r)
{
	double of;

	return t->ix[R_OF] >= 0 && getnum(t->row[r][t->ix[R_OF]], &of) &&
	    of == 1;
}

/* The coverage column: what share of the months a partial row has. */
static char *
partialtext(struct tab *t, size_t r)
{
	struct sbuf b = { 0 };

	if (t->cover[r] < 1) {
		sb_adds(&b, "partial: ");
		fmtnum(&b, t->cover[r] * 100, 0, 0);
		sb_adds(&b, " % of months");
	}
	if (t->pcover[r] < 1) {
		sb_adds(&b, b.len ? "; comparison: " : "comparison partial: ");
		fmtnum(&b, t->pcover[r] * 100, 0, 0);
		sb_adds(&b, " % of months");
	}
	return (char *)sb_str(&b);
}

/* A rate of a table whose rows have different pers says its own, and
 * one of another denominator than the population says which ("per
 * 1,000 households"); a percentage (column kind) is shown as one. */
static void
ownper(struct tab *t, size_t r, const struct col *c, struct sbuf *b)
{
	const char *den = t->ix[R_DENOMINATOR] >= 0 ?
	    t->row[r][t->ix[R_DENOMINATOR]] : "";
	int other = !isblank_s(den) && strcasecmp(den, "population") != 0;
	double per = t->per;

	if (c->role != R_RATE && c->role != R_PREV_RATE &&
	    c->role != R_ADJ_RATE)
		return;
	if (ispct(t, r)) {
		sb_addc(b, '%');
		return;
	}
	if ((t->per > 0 && !other) || (t->ix[R_PER] >= 0 &&
	    !getnum(t->row[r][t->ix[R_PER]], &per)))
		return;
	sb_adds(b, " per ");
	fmtnum(b, per, per == floor(per) ? 0 : 6, 0);
	if (other) {
		sb_addc(b, ' ');
		sb_adds(b, den);
	}
}

/* A cell as the reader sees it, before escaping for the format. */
static char *
cellval(struct sarender *S, struct tab *t, size_t r, const struct col *c)
{
	struct sbuf b = { 0 };
	const char *s;
	double v, of;

	if (c->kind == K_RAG) {
		if (S->fmt != F_CSV && !S->ascii)
			sb_adds(&b, ragsym[t->rag[r]]);
		sb_adds(&b, ragword[t->rag[r]]);
		return (char *)sb_str(&b);
	}
	if (c->kind == K_CHART)
		return xstrdup("");
	if (c->kind == K_PARTIAL)
		return partialtext(t, r);
	if (c->kind == K_TREND)
		return trend_cell(t->tr, t->ix[R_AREA] >= 0 ?
		    t->row[r][t->ix[R_AREA]] : "", t->ix[R_CATEGORY] >= 0 ?
		    t->row[r][t->ix[R_CATEGORY]] : "", S->ascii);
	if (c->kind == K_SCORE)
		return prio_score(S, t, r, c);
	s = t->row[r][c->src];
	if ((c->role == R_COUNT && t->sup[r] & SUP_C) ||
	    (c->role == R_PREV_COUNT && t->sup[r] & SUP_P)) {
		/* blank stays blank; [c] withheld to protect another */
		if (isblank_s(s) || t->sup[r] & (c->role == R_COUNT ? SUP_C2 :
		    SUP_P2))
			return xstrdup(isblank_s(s) ? "" : "[c]");
		sb_addc(&b, '<');
		fmtnum(&b, (double)S->suppress, 0, 0);
		return (char *)sb_str(&b);
	}
	if (t->sup[r] & colsup(t, c->src))
		return xstrdup("");
	if (S->fmt == F_CSV || c->kind == K_TEXT || (c->kind != K_BAND &&
	    !getnum(s, &v)))
		return xstrdup(s);
	if ((c->kind == K_RANK || c->kind == K_BAND) && alone(t, r))
		return xstrdup(S->ascii ? "-" : "\xe2\x80\x93"); /* – */
	switch (c->kind) {
	case K_INT:
	case K_SINT:
		if (v != floor(v))
			return xstrdup(s);
		fmtnums(&b, s, v, 0, c->kind == K_SINT);
		break;
	case K_DEC:
		fmtnums(&b, s, v, 2, 0);
		ownper(t, r, c, &b);
		break;
	case K_PCT:
		if (c->role == R_CHANGE_PCT && points(t, r, &of))
			fmtpp(S, &b, of);
		else
			fmtpct(S, &b, v);
		if (c->role == R_CHANGE_PCT && significant(t, r))
			sb_adds(&b, sigmark(S));
		break;
	case K_RANK:
		fmtnums(&b, s, v, 0, 0);
		if (t->ix[R_OF] >= 0 && getnum(t->row[r][t->ix[R_OF]], &of)) {
			sb_addc(&b, '/');
			fmtnums(&b, t->row[r][t->ix[R_OF]], of, 0, 0);
		}
		if (c->role == R_RANK)
			wasrank(t, r, &b);
		break;
	case K_BAND:
		fmtband(&b, s);
		break;
	}
	return (char *)sb_str(&b);
}

/* Right-align numbers: the known numeric kinds, and any other column
 * whose every non-empty cell is a number. */
void
aligncols(struct tab *t)
{
	size_t c, r;
	double v;
	int any;

	for (c = 0; c < t->ncol; c++) {
		struct col *k = &t->col[c];

		if (k->kind != K_TEXT) {
			k->right = k->kind != K_BAND && k->kind != K_RAG &&
			    k->kind != K_CHART && k->kind != K_PARTIAL &&
			    k->kind != K_TREND;
			continue;
		}
		for (any = 0, r = 0; r < t->n; r++) {
			if (isblank_s(t->row[r][k->src]))
				continue;
			if (!getnum(t->row[r][k->src], &v))
				break;
			any = 1;
		}
		k->right = any && r == t->n;
	}
}

/* Does the table show a group figure that a withheld count blanked? */
static int
groupcols(const struct tab *t)
{
	size_t c, r;
	int g = 0;

	for (r = 0; r < t->n; r++)
		g |= t->sup[r] & (SUP_G | SUP_GP);
	for (c = 0; g && c < t->ncol; c++)
		if (t->col[c].kind == K_CHART ||
		    (colsup(t, t->col[c].src) & g))
			return 1;
	return 0;
}

/* What the targets are set on, in words ("% change", "rate" or a
 * column's name), each once: readers see the figures, not a file. */
static void
tgmeasures(struct sbuf *b, const struct tab *t)
{
	size_t i, j, k = 0;
	long m;

	for (i = 0; i < t->ntg; i++) {
		m = t->tg[i].measure;
		for (j = 0; j < i && t->tg[j].measure != m; j++)
			;
		if (j < i)
			continue;
		sb_adds(b, k++ ? " or " : "");
		sb_adds(b, m == t->ix[R_CHANGE_PCT] ? "% change" :
		    m == t->ix[R_RATE] ? "rate" : m == t->ix[R_ADJ_RATE] ?
		    "adjusted rate" : t->h->name[m]);
	}
}

/* Notes under the table: what the colours, ranks and blanks mean. */
static size_t
notes(struct sarender *S, struct tab *t, char ***out)
{
	char **n = xcalloc(18, sizeof(char *));
	struct sbuf b = { 0 };
	size_t i, k = 0;
	int rag = 0, rank = 0, band = 0, single = 0, part = 0, verdict = 0;
	int sig = 0, was = 0, trend = 0, pp = 0;
	double d;

	for (i = 0; i < t->ncol; i++) {
		rag |= t->col[i].kind == K_RAG;
		rank |= t->col[i].kind == K_RANK;
		band |= t->col[i].role == R_BAND;
		verdict |= t->col[i].role == R_VERDICT;
		sig |= t->col[i].role == R_CHANGE_PCT;
		pp |= t->col[i].role == R_CHANGE_PCT;
		was |= t->col[i].role == R_RANK;
		trend |= t->col[i].kind == K_TREND;
	}
	for (i = 0, sig = sig && t->ix[R_CHANGE_SIG] >= 0; sig && i < t->n &&
	    !significant(t, i); i++)
		;
	sig = sig && i < t->n;
	for (i = 0; sig && t->ix[R_KIND] >= 0 && i < t->n; i++)
		if (strcasecmp(t->row[i][t->ix[R_KIND]], "percentage") == 0)
			sig = 2; /* a percentage's test is another */
	for (i = 0; pp == 1 && i < t->n; i++)
		if (!(t->sup[i] & colsup(t, t->ix[R_CHANGE_PCT])) &&
		    points(t, i, &d))
			pp = 2;
	was = was && t->ix[R_PREV_RANK] >= 0 && t->ix[R_PREV_OF] >= 0;
	if (rag && t->ntg) {
		sb_adds(&b, "Status against each indicator's target for its ");
		tgmeasures(&b, t);
		sb_adds(&b, ": Green meets the target, Amber misses it by no "
		    "more than its amber margin, Red misses it by more.");
		n[k++] = b.s;
		b = (struct sbuf){ 0 };
	}
	if (rag && (!t->ntg || S->opt_rag) && t->ix[R_CHANGE_PCT] >= 0) {
		sb_adds(&b, t->ntg ? "Indicators without a target: " :
		    "Status: ");
		sb_adds(&b, "Green where the change is ");
		fmtnum(&b, S->ragg, 1, 1);
		sb_adds(&b, "% or less, Amber up to ");
		fmtnum(&b, S->raga, 1, 1);
		sb_adds(&b, "%, Red above.");
		for (i = 0; i < t->n && t->pol[i] != META_HIGH &&
		    t->pol[i] != META_NONE; i++)
			;
		if (i < t->n)
			sb_adds(&b, " Where higher is better, the same for a "
			    "fall; none where neither is.");
		n[k++] = b.s;
		b = (struct sbuf){ 0 };
	}
	if (pp == 2 && S->fmt != F_CSV)
		n[k++] = xstrdup("pp: percentage points. A percentage's change "
		    "is the difference of the two (31.2% to 31.9% is +0.7 pp); "
		    "every other change is relative (100 to 105 is +5.0%).");
	if (trend)
		n[k++] = trend_note(t->tr, S->ascii || S->fmt == F_CSV);
	if (rank)
		n[k++] = xstrdup("Rank: place in the most similar group (MSG) "
		    "from the lowest rate; 3/15 is the third lowest of 15.");
	if (was)
		n[k++] = xstrdup("(was 8/15): the place in the comparison "
		    "period, ranked the same way.");
	if (sig)
		n[k++] = xstrdup(S->fmt == F_TEXT || S->ascii ? sig == 2 ?
		    "(significant): the change is more than chance would make "
		    "(exact test of two Poisson counts; of a percentage, "
		    "Fisher's exact test)." : "(significant): the change is "
		    "more than chance would make (exact test of two Poisson "
		    "counts)." : sig == 2 ? "\xe2\x80\xa0 significant: the "
		    "change is more than chance would make (exact test of two "
		    "Poisson counts; of a percentage, Fisher's exact test)." :
		    "\xe2\x80\xa0 significant: the change is more than chance "
		    "would make (exact test of two Poisson counts).");
	if (band)
		n[k++] = xstrdup("vs MSG mean: above or below when the area's "
		    "confidence interval lies wholly above or below the group "
		    "mean, else in line.");
	if (verdict)
		n[k++] = xstrdup("vs MSG: better or worse than the group (by "
		    "whether lower or higher is good for the indicator; higher "
		    "or lower where neither is) when the area's confidence "
		    "interval lies wholly on one side of the group's figure, "
		    "else similar.");
	for (i = 0; i < t->n && (rank || band || verdict) && S->fmt != F_CSV;
	    i++)
		single |= alone(t, i);
	if (single)
		n[k++] = xstrdup(S->ascii ? "-: no other area in the group has "
		    "this indicator, so there is no rank." : "\xe2\x80\x93: "
		    "no other area in the group has this indicator, so there "
		    "is no rank.");
	for (i = 0; i < t->n; i++)
		part |= PARTIAL(t, i);
	if (part)
		n[k++] = xstrdup("Partial: the data cover only the share of the "
		    "period's months shown under Coverage (or of the comparison "
		    "period's); such a row is not ranked and has no status.");
	if (S->suppress >= 0) {
		sb_adds(&b, "Counts below ");
		fmtnum(&b, (double)S->suppress, 0, 0);
		sb_adds(&b, " are shown as <");
		fmtnum(&b, (double)S->suppress, 0, 0);
		sb_adds(&b, "; figures that would reveal them are left "
		    "blank.");
		if (groupcols(t))
			sb_adds(&b, " So are the group's figures (rank, mean, "
			    "spread) in every row of a group with such a "
			    "count.");
		for (i = 0; i < t->n && !(t->sup[i] & (SUP_C2 | SUP_P2)); i++)
			;
		if (i < t->n)
			sb_adds(&b, " [c]: withheld so that a small count "
			    "cannot be worked out from a total.");
		n[k++] = b.s;
	}
	k += prio_notes(S, t, n + k);
	*out = n;
	return k;
}

/* Row r's cell of column c as shown (cleaned, but for csv); the caller
 * frees it. Most cells are printable ASCII, which clean() would copy as
 * they are: those are not copied. */
char *
cellshown(struct sarender *S, struct tab *t, size_t r, size_t c)
{
	char *v = cellval(S, t, r, &t->col[c]), *w;
	const unsigned char *p;

	if (S->fmt == F_CSV)
		return v;
	for (p = (const unsigned char *)v; *p >= 0x20 && *p < 0x7f; p++)
		;
	if (!*p)
		return v;
	w = clean(S, v);
	free(v);
	return w;
}

/* HTML makes each row's cells as it writes them; the other formats
 * need them all first (widths, or the same path for each). */
void
render(struct sarender *S, FILE *fp, struct tab *t)
{
	char ***cell = NULL, **note;
	struct sbuf lift = { 0 };
	size_t r, c, nnote = notes(S, t, &note);

	if (S->fmt != F_HTML) {
		cell = xcalloc(t->n, sizeof(*cell));
		for (r = 0; r < t->n; r++) {
			cell[r] = xcalloc(t->ncol, sizeof(char *));
			for (c = 0; c < t->ncol; c++)
				cell[r][c] = cellshown(S, t, r, c);
		}
	}
	for (c = 0; c < t->nlift; c++) {
		sb_adds(&lift, c ? (S->ascii ? "; " : " \xc2\xb7 ") : "");
		sb_adds(&lift, t->lift[c]); /* ·, a middle dot */
	}
	sb_str(&lift);
	if (S->fmt == F_TEXT)
		wtext(S, fp, t, cell, note, nnote, lift.s);
	else if (S->fmt == F_MD)
		wmd(S, fp, t, cell, note, nnote, lift.s);
	else if (S->fmt == F_HTML)
		whtml(S, fp, t, note, nnote, lift.s);
	else
		wcsv(S, fp, t, cell);
	for (r = 0; cell && r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			free(cell[r][c]);
		free(cell[r]);
	}
	free(cell);
	freelines(note, nnote);
	sb_free(&lift);
}
