/* sarender: -f text, the aligned table for a terminal or a page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "sarender.h"

/* Greedy word wrap of clean text to display width w; every line is
 * owned by the array. */
static size_t
wrap(const char *s, size_t w, char ***out)
{
	struct sbuf line = { 0 };
	char **l = NULL, *word;
	size_t n = 0, lw = 0, k, ww;

	for (;;) {
		s += strspn(s, " ");
		k = strcspn(s, " ");
		word = k ? xstrndup(s, k) : NULL;
		ww = word ? dwidth(word) : 0;
		if (!word || (line.len && lw + 1 + ww > w)) {
			l = xreallocarray(l, n + 1, sizeof(*l));
			l[n++] = xstrdup(sb_str(&line));
			line.len = lw = 0;
		}
		if (!word)
			break;
		if (line.len) {
			sb_addc(&line, ' ');
			lw++;
		}
		sb_adds(&line, word);
		lw += ww;
		free(word);
		s += k;
	}
	sb_free(&line);
	*out = l;
	return n;
}

void
freelines(char **l, size_t n)
{
	while (n)
		free(l[--n]);
	free(l);
}

/* Print clean text wrapped at the width. */
static void
para(struct sarender *S, FILE *fp, const char *s, const char *prefix)
{
	struct sbuf b = { 0 };
	char *c, **l;
	size_t n, i;

	sb_adds(&b, prefix);
	sb_adds(&b, s);
	c = clean(S, sb_str(&b));
	n = wrap(c, (size_t)S->width, &l);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s\n", l[i]);
	freelines(l, n);
	free(c);
	sb_free(&b);
}

static void
tbanner(struct sarender *S, FILE *fp, size_t tw)
{
	char *c = clean(S, S->classif);
	size_t w = dwidth(c);

	pad(fp, tw > w ? (tw - w) / 2 : 0);
	fprintf(fp, "%s\n", c);
	free(c);
}

/* One line of the table, trailing space trimmed. */
static void
tline(FILE *fp, struct sbuf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->len--;
	fprintf(fp, "%.*s\n", (int)b->len, b->s ? b->s : "");
	b->len = 0;
}

static void
tcell(struct sbuf *b, const char *s, size_t w, int right, int first)
{
	size_t d = dwidth(s);

	if (!first)
		sb_adds(b, "  ");
	if (right)
		while (d < w)
			sb_addc(b, ' '), d++;
	sb_adds(b, s);
	if (!right)
		while (d < w)
			sb_addc(b, ' '), d++;
}

/* Width of the longest word of a label. */
static size_t
wordmax(const char *s)
{
	char **l;
	size_t n = wrap(s, 1, &l), i, d, w = 0;

	for (i = 0; i < n; i++)
		if ((d = dwidth(l[i])) > w)
			w = d;
	freelines(l, n);
	return w;
}

static size_t
nlines(const char *s, size_t w)
{
	char **l;
	size_t n = wrap(s, w, &l);

	freelines(l, n);
	return n;
}

/* Column widths: labels on one line, then, while the table is wider
 * than the page, the label that saves most wrapped at its words. */
static size_t
twidths(struct sarender *S, struct tab *t, char ***cell, char **lab, size_t *w,
    int mark)
{
	size_t *min = xcalloc(t->ncol, sizeof(size_t)), c, r, tw, d, best;

	for (c = 0; c < t->ncol; c++) {
		for (w[c] = 0, r = 0; r < t->n; r++)
			if ((d = dwidth(cell[r][c])) > w[c])
				w[c] = d;
		min[c] = w[c] > (d = wordmax(lab[c])) ? w[c] : d;
		if ((d = dwidth(lab[c])) > w[c])
			w[c] = d;
	}
	for (;;) {
		for (tw = mark ? 2 : 0, c = 0; c < t->ncol; c++)
			tw += (c ? 2 : 0) + w[c];
		if (tw <= (size_t)S->width)
			break;
		for (best = c = 0; c < t->ncol; c++)
			if (w[c] - min[c] > w[best] - min[best])
				best = c;
		if (t->ncol == 0 || w[best] == min[best])
			break;
		w[best] = min[best];
	}
	for (c = 0; c < t->ncol; c++) /* spend what is left on fewer lines */
		for (d = w[c] + 1; d <= dwidth(lab[c]) && tw + d - w[c] <=
		    (size_t)S->width; d++)
			if (nlines(lab[c], d) < nlines(lab[c], w[c])) {
				tw += d - w[c];
				w[c] = d;
			}
	free(min);
	return tw;
}

static void
theader(FILE *fp, struct tab *t, char **lab, size_t *w, int mark)
{
	char ***hl = xcalloc(t->ncol, sizeof(*hl));
	size_t *nl = xcalloc(t->ncol, sizeof(*nl)), nh = 1, c, i, k;
	struct sbuf b = { 0 };

	for (c = 0; c < t->ncol; c++)
		if ((nl[c] = wrap(lab[c], w[c], &hl[c])) > nh)
			nh = nl[c];
	for (i = 0; i < nh; i++) {
		sb_adds(&b, mark ? "  " : "");
		for (c = 0; c < t->ncol; c++) {
			k = i + nl[c] - nh; /* bottom-aligned */
			tcell(&b, i + nl[c] >= nh ? hl[c][k] : "", w[c],
			    t->col[c].right, c == 0);
		}
		tline(fp, &b);
	}
	sb_adds(&b, mark ? "  " : "");
	for (c = 0; c < t->ncol; c++) {
		sb_adds(&b, c ? "  " : "");
		for (i = 0; i < w[c]; i++)
			sb_addc(&b, '-');
	}
	tline(fp, &b);
	for (c = 0; c < t->ncol; c++)
		freelines(hl[c], nl[c]);
	free(hl);
	free(nl);
	sb_free(&b);
}

void
wtext(struct sarender *S, FILE *fp, struct tab *t, char ***cell, char **note,
    size_t nnote, const char *lift)
{
	char **lab = xcalloc(t->ncol, sizeof(char *));
	size_t *w = xcalloc(t->ncol, sizeof(size_t)), tw, c, r;
	struct sbuf b = { 0 };
	int mark = 0;

	for (r = 0; r < t->n; r++)
		mark |= t->focus[r];
	for (c = 0; c < t->ncol; c++)
		lab[c] = clean(S, t->col[c].label);
	tw = twidths(S, t, cell, lab, w, mark);
	if (S->classif) {
		tbanner(S, fp, tw);
		putc('\n', fp);
	}
	if (S->title)
		para(S, fp, S->title, "");
	if (S->caption)
		para(S, fp, S->caption, "");
	if (*lift)
		para(S, fp, lift, "");
	if (S->title || S->caption || *lift)
		putc('\n', fp);
	theader(fp, t, lab, w, mark);
	for (r = 0; r < t->n; r++) {
		if (mark)
			sb_adds(&b, !t->focus[r] ? "  " : S->ascii ? "> " :
			    "\xe2\x96\xb6 "); /* ▶ */
		for (c = 0; c < t->ncol; c++)
			tcell(&b, cell[r][c], w[c], t->col[c].right, c == 0);
		tline(fp, &b);
	}
	if (t->n == 0)
		fputs("(no rows)\n", fp);
	if (nnote || S->source)
		putc('\n', fp);
	for (c = 0; c < nnote; c++)
		para(S, fp, note[c], "");
	if (S->source)
		para(S, fp, S->source, "Source: ");
	if (S->classif) {
		putc('\n', fp);
		tbanner(S, fp, tw);
	}
	for (c = 0; c < t->ncol; c++)
		free(lab[c]);
	free(lab);
	free(w);
	sb_free(&b);
}
