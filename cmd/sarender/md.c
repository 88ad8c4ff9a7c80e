/* sarender: -f md, a GitHub pipe table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "sarender.h"

static int
isalpha_a(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Backslash before every character that inline Markdown or a GitHub
 * pipe table gives a meaning to; the text is clean already. GitHub also
 * makes links of bare URLs and e-mail addresses (extended autolinks),
 * which no backslash before '@' stops: so a colon after a letter and
 * before a non-space ("http:", "mailto:") and a dot after "www" are
 * escaped, and a word joiner (U+2060, invisible, no width) follows each
 * '@', where an address's domain or a mention's name would start. */
static char *
mdesc(const char *s, int bold)
{
	struct sbuf b = { 0 };
	const char *p;

	if (bold && *s)
		sb_adds(&b, "**");
	for (p = s; *p; p++) {
		if (strchr("\\`*_[]<>|&~!#$", *p) || (*p == ':' && p > s &&
		    isalpha_a(p[-1]) && p[1] != '\0' && p[1] != ' ') ||
		    (*p == '.' && p - s >= 3 && strncasecmp(p - 3, "www", 3) ==
		    0))
			sb_addc(&b, '\\');
		sb_addc(&b, *p);
		if (*p == '@')
			sb_adds(&b, "\xe2\x81\xa0");
	}
	if (bold && b.len)
		sb_adds(&b, "**");
	return (char *)sb_str(&b);
}

static void
mdpara(struct sarender *S, FILE *fp, const char *pre, const char *s,
    const char *post)
{
	char *c = clean(S, s), *e = mdesc(c, 0);

	fprintf(fp, "%s%s%s\n", pre, e, post);
	free(e);
	free(c);
}

static void
mdrow(FILE *fp, char **f, size_t *w, struct tab *t)
{
	size_t c, d;

	for (c = 0; c < t->ncol; c++) {
		d = dwidth(f[c]);
		fputs(c ? " | " : "| ", fp);
		if (t->col[c].right)
			pad(fp, w[c] > d ? w[c] - d : 0);
		fputs(f[c], fp);
		if (!t->col[c].right)
			pad(fp, w[c] > d ? w[c] - d : 0);
	}
	fputs(" |\n", fp);
}

void
wmd(struct sarender *S, FILE *fp, struct tab *t, char ***cell, char **note,
    size_t nnote, const char *lift)
{
	char **lab = xcalloc(t->ncol, sizeof(char *)), ***e, *c0;
	size_t *w = xcalloc(t->ncol, sizeof(size_t)), c, r, i, d;

	e = xcalloc(t->n, sizeof(*e));
	for (c = 0; c < t->ncol; c++) {
		c0 = clean(S, t->col[c].label);
		lab[c] = mdesc(c0, 0);
		free(c0);
		w[c] = dwidth(lab[c]) > 3 ? dwidth(lab[c]) : 3;
	}
	for (r = 0; r < t->n; r++) {
		e[r] = xcalloc(t->ncol, sizeof(char *));
		for (c = 0; c < t->ncol; c++)
			if ((d = dwidth(e[r][c] = mdesc(cell[r][c],
			    t->focus[r]))) > w[c])
				w[c] = d;
	}
	if (S->classif)
		mdpara(S, fp, "**", S->classif, "**\n");
	if (S->title)
		mdpara(S, fp, "## ", S->title, "\n");
	if (S->caption)
		mdpara(S, fp, "", S->caption, "\n");
	if (*lift)
		mdpara(S, fp, "", lift, "\n");
	mdrow(fp, lab, w, t);
	for (c = 0; c < t->ncol; c++) {
		fputs(c ? " | " : "| ", fp);
		putc(t->col[c].right ? '-' : ':', fp);
		for (i = 2; i < w[c]; i++)
			putc('-', fp);
		putc(t->col[c].right ? ':' : '-', fp);
	}
	fputs(" |\n", fp);
	for (r = 0; r < t->n; r++)
		mdrow(fp, e[r], w, t);
	if (nnote || S->source || S->classif)
		putc('\n', fp);
	for (i = 0; i < nnote; i++)
		mdpara(S, fp, "", note[i],
		    i + 1 < nnote || S->source || S->classif ?
		    "\n" : "");
	if (S->source)
		mdpara(S, fp, "Source: ", S->source, S->classif ? "\n" : "");
	if (S->classif)
		mdpara(S, fp, "**", S->classif, "**");
	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->ncol; c++)
			free(e[r][c]);
		free(e[r]);
	}
	for (c = 0; c < t->ncol; c++)
		free(lab[c]);
	free(e);
	free(lab);
	free(w);
}
