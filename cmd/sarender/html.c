/* sarender: -f html, one self-contained page with the RAG status and
 * the position charts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "sarender.h"

static const char css[] =
"@page{size:A4;margin:14mm 12mm}\n"
"html{font:10.5pt/1.4 \"Segoe UI\",system-ui,-apple-system,\"Helvetica Neue\","
"Arial,sans-serif;color:#1b1b1b;background:#fff}\n"
"body{margin:1.5rem auto;max-width:62rem;padding:0 1rem}\n"
".classification{text-align:center;font-weight:700;letter-spacing:.08em;"
"border:1.5px solid #1b1b1b;padding:.15rem;margin:0 0 1rem}\n"
".classification.end{margin:1.25rem 0 0}\n"
"h1{font-size:1.35rem;font-weight:600;margin:0 0 .3rem}\n"
"p{margin:0 0 .5rem}\n"
".context{color:#333}\n"
"table{border-collapse:collapse;width:100%;margin:.75rem 0;"
"font-variant-numeric:tabular-nums}\n"
"caption{caption-side:top;text-align:left;padding:0 0 .4rem;color:#333}\n"
"th,td{padding:.28rem .5rem;border-bottom:1px solid #d4d8dd;"
"text-align:left;vertical-align:middle}\n"
"thead th{border-bottom:2px solid #1b1b1b;font-weight:600;"
"vertical-align:bottom}\n"
"tbody th{font-weight:normal;min-width:11em}\n"
".num{text-align:right;white-space:nowrap}\n"
"tr.focus{background:#eef3f8}\n"
"tr.focus th,tr.focus td{font-weight:600}\n"
".rag{white-space:nowrap;padding:0 .35rem;border:1px solid;"
"border-radius:.2rem}\n"
".rag-g{color:#1d5e31;background:#e7f3ea;border-color:#9cc7a8}\n"
".rag-a{color:#7a4f00;background:#fdf3dc;border-color:#dcc088}\n"
".rag-r{color:#8e1f1a;background:#fbe9e7;border-color:#dba39e}\n"
".v-better{color:#1d5e31}.v-worse{color:#8e1f1a;font-weight:bold}\n"
".pos{display:block}\n"
".notes{font-size:.9em;color:#333}\n"
".key svg{vertical-align:middle;margin-right:.3rem}\n"
".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
"clip:rect(0 0 0 0);white-space:nowrap}\n"
".trends h2{font-size:1.1rem;font-weight:600;margin:1.25rem 0 .3rem}\n"
".trends .grid{display:grid;grid-template-columns:repeat(auto-fill,"
"minmax(19rem,1fr));gap:.5rem 1.25rem;align-items:end}\n"
"figure.trend{margin:0;break-inside:avoid}\n"
"figure.trend figcaption{font-weight:600;font-size:.95em}\n"
"figure.trend svg{display:block;width:100%;height:auto}\n"
".trends text{font-size:9px;fill:#333}.trends .ay{text-anchor:end}"
".trends .ax{text-anchor:middle}\n"
".trends .ty{fill:none;stroke:#1b1b1b;stroke-width:2}"
".trends .ly{fill:none;stroke:#767676;stroke-width:1.5;"
"stroke-dasharray:4 3}\n"
".trends .band{fill:#e4e7eb}.trends .mean{stroke:#5a5a5a;"
"stroke-width:1;stroke-dasharray:1 2}\n"
".trends .pt{fill:#1b1b1b}.trends .so,.trends .sr,.trends .st{"
"fill:#1b1b1b;stroke:#fff;stroke-width:1}\n"
".tkey svg{vertical-align:middle;margin:0 .25rem 0 .5rem}\n"
"@media print{body{margin:0;max-width:none;padding:0}"
"html{font-size:9.5pt}thead{display:table-header-group}"
"tr{break-inside:avoid}*{-webkit-print-color-adjust:exact;"
"print-color-adjust:exact}}\n";

/* The matrix's, only on a page that has one. */
static const char mxcss[] =
"h2{font-size:1.1rem;font-weight:600;margin:1.25rem 0 .4rem}\n"
".matrix{display:block;max-width:100%;height:auto;font-size:11px}\n"
".mx-band{font-size:9px;font-style:italic;fill:#3a3a3a}\n"
".mx-axis{font-weight:600}.mx-mark{font-size:9px;font-weight:700}\n"
"@media print{.matrix{break-inside:avoid}}\n";

/* Clean and escape for HTML text and attribute values alike. */
void
hesc(struct sarender *S, FILE *fp, const char *s)
{
	char *c = clean(S, s), *p;
	size_t k;

	for (p = c; *p; p++) {
		if ((k = strcspn(p, "&<>\"'"))) { /* a run to copy as it is */
			fwrite(p, 1, k, fp);
			if (!*(p += k))
				break;
		}
		switch (*p) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: putc(*p, fp);
		}
	}
	free(c);
}

/* The table's rows are built in a buffer, a row at a time, and written
 * with one fwrite(): at 90,000 rows, a stdio call for each piece of
 * markup was much of the page's time. */
static inline void
oadd(struct sbuf *o, const char *s, size_t n)
{
	grow(&o->s, &o->cap, o->len + n);
	memcpy(o->s + o->len, s, n);
	o->len += n;
}
#define OLIT(o, lit) oadd((o), (lit), sizeof(lit) - 1)

static void
oadds(struct sbuf *o, const char *s)
{
	oadd(o, s, strlen(s));
}

/* Escape clean text (from clean()) for HTML text and attribute values;
 * the same bytes as hesc() writes for it. */
static void
hescb(struct sbuf *o, const char *s)
{
	size_t k;

	for (;;) {
		if ((k = strcspn(s, "&<>\"'"))) { /* a run to copy as it is */
			oadd(o, s, k);
			s += k;
		}
		switch (*s++) {
		case '\0': return;
		case '&': OLIT(o, "&amp;"); break;
		case '<': OLIT(o, "&lt;"); break;
		case '>': OLIT(o, "&gt;"); break;
		case '"': OLIT(o, "&quot;"); break;
		default: OLIT(o, "&#39;"); break;
		}
	}
}

#define CW 140.0 /* chart width and height, px */
#define CH 22.0

static double cxlo, cxhi;

static double
cx(double v)
{
	return 5 + (v - cxlo) / (cxhi - cxlo) * (CW - 10);
}

/* x as printf's "%.1f" writes it, which at 90,000 charts was a third
 * of the page's instructions: directly when x x 10 is well away from a
 * half (its product is within 2^-52 of the exact one, so both round to
 * the same whole number), through printf otherwise, which takes a tie
 * to even. "-0.0" for a negative x, as printf. */
static void
put1(struct sbuf *o, double x)
{
	char buf[400], *p = buf + 32;
	double y = fabs(x) * 10, f = 0;
	unsigned long long n;

	if (!(y < 0x1p52) || fabs((f = y - floor(y)) - 0.5) <= y * 0x1p-45) {
		oadd(o, buf, (size_t)snprintf(buf, sizeof(buf), "%.1f", x));
		return;
	}
	n = (unsigned long long)floor(y) + (f > 0.5);
	*--p = (char)('0' + n % 10);
	*--p = '.';
	n /= 10;
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	if (signbit(x))
		*--p = '-';
	oadd(o, p, (size_t)(buf + 32 - p));
}

/* Markup, then x as "%.1f" (put1()). */
#define OX(o, lit, x) (OLIT((o), lit), put1((o), (x)))

/* The area's rate, interval and its group's spread, in a few words. */
static void
chartlabel(struct sbuf *b, const double *v, const int *has,
    const char *const *s)
{
	static const char *const words[] = { "rate ", ", interval ", " to ",
		"; MSG lowest ", ", quartiles ", " to ", ", highest ",
		", mean " };
	int i;

	for (i = 0; i < 8; i++) {
		if (!has[i])
			continue;
		sb_adds(b, words[i] + (b->len ? 0 : strspn(words[i], ",; ")));
		fmtnums(b, s[i], v[i], 2, 0);
	}
}

/* The label is ASCII words and numbers: clean() would leave it as it
 * is, so it is only escaped. */
static void
chart(struct sbuf *o, struct tab *t, size_t r, struct sbuf *lab)
{
	static const int want[] = { R_RATE, R_LCL, R_UCL, R_MIN, R_Q1, R_Q3,
		R_MAX, R_MEAN };
	static char svghead[128];
	const char *s[8];
	double v[8], span;
	int has[8], i, any = 0, single = alone(t, r);

	cxlo = HUGE_VAL, cxhi = -HUGE_VAL;
	for (i = 0; i < 8; i++) {
		/* alone in its group, an area has no group spread to draw */
		has[i] = !(single && i >= 3) && t->ix[want[i]] >= 0 && !(t->sup[r] &
		    roles[want[i]].sup) && getnum(s[i] =
		    t->row[r][t->ix[want[i]]], &v[i]);
		if (!has[i])
			continue;
		any = 1;
		cxlo = fmin(cxlo, v[i]);
		cxhi = fmax(cxhi, v[i]);
	}
	if (!any)
		return;
	span = cxhi - cxlo > 0 ? cxhi - cxlo : fmax(fabs(cxhi), 1);
	cxlo -= span * 0.04, cxhi += span * 0.04;
	lab->len = 0;
	chartlabel(lab, v, has, s);
	if (single)
		sb_adds(lab, "; no other area in the group");
	sb_str(lab);
	if (!*svghead)    /* the same for every chart: written once */
		snprintf(svghead, sizeof(svghead), "<svg class=\"pos\" width="
		    "\"%g\" height=\"%g\" viewBox=\"0 0 %g %g\" role=\"img\" "
		    "aria-label=\"", CW, CH, CW, CH);
	oadds(o, svghead);
	hescb(o, lab->s);
	OLIT(o, "\"><title>");
	hescb(o, lab->s);
	OLIT(o, "</title>");
	if (has[3] && has[6]) {
		OX(o, "<line x1=\"", cx(v[3]));
		OX(o, "\" x2=\"", cx(v[6]));
		OLIT(o, "\" y1=\"11\" y2=\"11\" stroke=\"#7d8791\"/>");
	}
	if (has[4] && has[5]) {
		OX(o, "<rect x=\"", cx(v[4]));
		OX(o, "\" y=\"6\" width=\"", cx(v[5]) - cx(v[4]));
		OLIT(o, "\" height=\"10\" fill=\"#dde3ea\" stroke=\"#7d8791\" "
		    "stroke-width=\".75\"/>");
	}
	if (has[7]) {
		OX(o, "<line x1=\"", cx(v[7]));
		OX(o, "\" x2=\"", cx(v[7]));
		OLIT(o, "\" y1=\"2\" y2=\"20\" stroke=\"#1b1b1b\" "
		    "stroke-width=\"1.5\"/>");
	}
	if (has[1] && has[2]) {
		OX(o, "<path d=\"M", cx(v[1]));
		OX(o, " 8v6M", cx(v[1]));
		OX(o, " 11H", cx(v[2]));
		OX(o, "M", cx(v[2]));
		OLIT(o, " 8v6\" fill=\"none\" stroke=\"#1f3a5f\" "
		    "stroke-width=\"1.5\"/>");
	}
	if (has[0]) {
		OX(o, "<circle cx=\"", cx(v[0]));
		OLIT(o, "\" cy=\"11\" r=\"4\" fill=\"#1f3a5f\" "
		    "stroke=\"#fff\"/>");
	}
	OLIT(o, "</svg>");
}

static void
hkey(FILE *fp)
{
	fputs("<p class=\"key\"><svg width=\"120\" height=\"22\" viewBox=\"0 0 "
	    "120 22\" aria-hidden=\"true\"><line x1=\"5\" x2=\"115\" y1=\"11\" "
	    "y2=\"11\" stroke=\"#7d8791\"/><rect x=\"35\" y=\"6\" width=\"45\" "
	    "height=\"10\" fill=\"#dde3ea\" stroke=\"#7d8791\" stroke-width=\""
	    ".75\"/><line x1=\"60\" x2=\"60\" y1=\"2\" y2=\"20\" stroke=\""
	    "#1b1b1b\" stroke-width=\"1.5\"/><path d=\"M78 8v6M78 11H98M98 8v6"
	    "\" fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/><circle "
	    "cx=\"88\" cy=\"11\" r=\"4\" fill=\"#1f3a5f\" stroke=\"#fff\"/>"
	    "</svg>Position in MSG: the line spans the group's lowest to "
	    "highest rate, the box its middle half (quartiles), the tick its "
	    "mean; the dot is the area's rate, with its confidence interval."
	    "</p>\n", fp);
}

/* A cell; s is clean (cellshown()). */
static void
hcell(struct sbuf *o, struct tab *t, size_t r, size_t c, const char *s,
    struct sbuf *lab)
{
	const struct col *k = &t->col[c];

	if (c == 0)
		OLIT(o, "<th scope=\"row\"");
	else
		OLIT(o, "<td");
	if (k->right)
		OLIT(o, " class=\"num\"");
	/* The verdict's colour is a second signal; the word is the first. */
	if (k->role == R_VERDICT && (strcmp(s, "better") == 0 ||
	    strcmp(s, "worse") == 0)) {
		OLIT(o, " class=\"v-");
		oadds(o, s);
		OLIT(o, "\"");
	}
	if (k->role == R_CHANGE_PCT && *s && significant(t, r))
		OLIT(o, " title=\"a significant change: more than chance would "
		    "make (exact test of two Poisson counts)\"");
	OLIT(o, ">");
	if (k->kind == K_CHART)
		chart(o, t, r, lab);
	else if (k->kind == K_RAG && t->rag[r]) {
		OLIT(o, "<span class=\"rag rag-");
		oadd(o, &"-gar"[t->rag[r]], 1);
		OLIT(o, "\">");
	}
	if (k->kind != K_CHART)
		hescb(o, s);
	if (k->kind == K_RAG && t->rag[r])
		OLIT(o, "</span>");
	if (c == 0 && t->focus[r])
		OLIT(o, "<span class=\"vh\"> (focus area)</span>");
	if (c == 0)
		OLIT(o, "</th>");
	else
		OLIT(o, "</td>");
}

/* The rows, each cell made as it is written: the page never holds the
 * table's cells all at once. */
static void
htable(struct sarender *S, FILE *fp, struct tab *t)
{
	struct sbuf o = { 0 }, lab = { 0 };
	size_t c, r;
	char *s;

	fputs("<table>\n<caption", fp);
	fputs(S->caption ? ">" : " class=\"vh\">", fp);
	hesc(S, fp,
	    S->caption ? S->caption : S->title ? S->title : "Indicators");
	fputs("</caption>\n<thead><tr>", fp);
	for (c = 0; c < t->ncol; c++) {
		fprintf(fp, "<th scope=\"col\"%s>", t->col[c].right ?
		    " class=\"num\"" : "");
		hesc(S, fp, t->col[c].label);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (r = 0; r < t->n; r++) {
		o.len = 0;
		if (t->focus[r])
			OLIT(&o, "<tr class=\"focus\">");
		else
			OLIT(&o, "<tr>");
		for (c = 0; c < t->ncol; c++) {
			s = cellshown(S, t, r, c);
			hcell(&o, t, r, c, s, &lab);
			free(s);
		}
		OLIT(&o, "</tr>\n");
		fwrite(o.s, 1, o.len, fp);
	}
	fputs("</tbody>\n</table>\n", fp);
	sb_free(&o);
	sb_free(&lab);
}

void
whtml(struct sarender *S, FILE *fp, struct tab *t, char **note, size_t nnote,
    const char *lift)
{
	size_t i;
	int key = 0;

	for (i = 0; i < t->ncol; i++)
		key |= t->col[i].kind == K_CHART;
	/* The policy forbids every fetch: no script, font, image or frame
	 * can be loaded, whatever the data held. */
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset="
	    "\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content="
	    "\"default-src 'none'; style-src 'unsafe-inline'\">\n<meta name="
	    "\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>", fp);
	hesc(S, fp, S->title ? S->title : S->caption ? S->caption : "Indicators");
	fprintf(fp, "</title>\n<style>\n%s%s%s</style>\n</head>\n<body>\n",
	    css, t->fun ? funnel_css : "", t->model && t->mcol[0] >= 0 ? mxcss :
	    "");
	if (S->classif) {
		fputs("<div class=\"classification\">", fp);
		hesc(S, fp, S->classif);
		fputs("</div>\n", fp);
	}
	fputs("<main>\n", fp);
	if (S->title) {
		fputs("<h1>", fp);
		hesc(S, fp, S->title);
		fputs("</h1>\n", fp);
	}
	if (*lift) {
		fputs("<p class=\"context\">", fp);
		hesc(S, fp, lift);
		fputs("</p>\n", fp);
	}
	htable(S, fp, t);
	if (t->model && t->mcol[0] >= 0)
		wmatrix(S, fp, t);
	if (nnote || key || S->source)
		fputs("<div class=\"notes\">\n", fp);
	if (key)
		hkey(fp);
	for (i = 0; i < nnote; i++) {
		fputs("<p>", fp);
		hesc(S, fp, note[i]);
		fputs("</p>\n", fp);
	}
	if (S->source) {
		fputs("<p>Source: ", fp);
		hesc(S, fp, S->source);
		fputs("</p>\n", fp);
	}
	if (nnote || key || S->source)
		fputs("</div>\n", fp);
	if (t->tr)
		trend_html(S, fp, t, t->tr);
	if (t->fun)
		funnel_html(S, fp, t->fun, S->focusarea, S->suppress);
	fputs("</main>\n", fp);
	if (S->classif) {
		fputs("<div class=\"classification end\">", fp);
		hesc(S, fp, S->classif);
		fputs("</div>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
}
