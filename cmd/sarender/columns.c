/* sarender: the columns shown, -C or the default, and the checks on
 * them before rendering. */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "util.h"
#include "sarender.h"

/* Each role: its column name, its label, its kind, what blanks it. */
const struct role roles[NROLE] = {
	[R_AREA] = { "area", "Area", K_TEXT, 0 },
	[R_CATEGORY] = { "category", "Indicator", K_TEXT, 0 },
	[R_PERIOD] = { "period", "Period", K_TEXT, 0 },
	[R_GROUP] = { "group", "MSG", K_TEXT, 0 },
	[R_COUNT] = { "count", "Count", K_INT, 0 },
	[R_POP] = { "population", "Population", K_INT, 0 },
	[R_RATE] = { "rate", "Rate per 1,000", K_DEC, SUP_C },
	[R_PREV_COUNT] = { "prev_count", "Previous count", K_INT, 0 },
	[R_PREV_RATE] = { "prev_rate", "Previous rate", K_DEC, SUP_P },
	[R_CHANGE] = { "change", "Change", K_SINT, SUP_C | SUP_P },
	[R_CHANGE_PCT] = { "change_pct", "Change", K_PCT, SUP_C | SUP_P },
	[R_RANK] = { "rank", "Rank in MSG", K_RANK, SUP_C | SUP_G },
	[R_OF] = { "of", "MSG size", K_INT, 0 },
	[R_MEAN] = { "group_mean", "MSG mean", K_DEC, SUP_G },
	[R_VS_MEAN] = { "vs_mean_pct", "% vs MSG mean", K_PCT, SUP_C | SUP_G },
	[R_LCL] = { "lcl", "Lower limit", K_DEC, SUP_C },
	[R_UCL] = { "ucl", "Upper limit", K_DEC, SUP_C },
	[R_BAND] = { "band", "vs MSG mean", K_BAND, SUP_C | SUP_G },
	[R_MIN] = { "group_min", "MSG lowest", K_DEC, SUP_G },
	[R_Q1] = { "group_q1", "MSG lower quartile", K_DEC, SUP_G },
	[R_Q3] = { "group_q3", "MSG upper quartile", K_DEC, SUP_G },
	[R_MAX] = { "group_max", "MSG highest", K_DEC, SUP_G },
	[R_ADJ_RATE] = { "adj_rate", "Adjusted rate", K_DEC, SUP_C },
	[R_ADJ_RANK] = { "adj_rank", "Adjusted rank", K_RANK, SUP_C | SUP_G },
	[R_PER] = { "per", "Per", K_INT, 0 },
	[R_COVERAGE] = { "coverage", "Coverage", K_TEXT, 0 },
	[R_PREV_COVERAGE] = { "prev_coverage", "Previous coverage", K_TEXT,
	    0 },
	[R_PREV_RANK] = { "prev_rank", "Previous rank", K_INT,
	    SUP_P | SUP_GP },
	[R_PREV_OF] = { "prev_of", "Previous MSG size", K_INT, 0 },
	[R_POLARITY] = { "polarity", "Polarity", K_TEXT, 0 },
	[R_VERDICT] = { "verdict", "vs MSG", K_BAND, SUP_C | SUP_G },
	[R_CHANGE_SIG] = { "change_sig", "Significance", K_TEXT,
	    SUP_C | SUP_P },
	/* the pooled rate of a group with a withheld count, and the
	 * others' counts and populations, give the count */
	[R_POOLED] = { "group_pooled", "MSG pooled rate", K_DEC, SUP_G },
	[R_YOY_COUNT] = { "yoy_count", "A year before", K_INT, SUP_P },
	[R_YOY_PCT] = { "yoy_change_pct", "Year on year", K_PCT,
	    SUP_C | SUP_P },
	[R_DENOMINATOR] = { "denominator", "Denominator", K_TEXT, 0 },
	[R_KIND] = { "kind", "Kind", K_TEXT, 0 },
	[R_PREV_POP] = { "prev_population", "Previous population", K_INT, 0 },
};

/* The columns shown when -C is not given, those present, in this order. */
static const int defcols[] = {
	R_AREA, R_CATEGORY, R_PERIOD, R_GROUP, R_COUNT, R_RATE, R_CHANGE_PCT,
	R_YOY_PCT, R_RANK, R_BAND, R_VERDICT
};

/* Is s[0..n), trimmed, the name of a column (or rag, chart)? */
static long
colname(struct tab *t, const char *s, size_t n)
{
	char *name;
	long j;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return -3;
	name = xstrndup(s, n);
	if ((j = hdr_find(t->h, name)) < 0) {
		if (strcasecmp(name, "rag") == 0)
			j = -1;
		else if (strcasecmp(name, "chart") == 0)
			j = -2;
		else if (strcasecmp(name, "sparkline") == 0 && t->tr)
			j = -4;
		else
			j = -3;
	}
	free(name);
	return j;
}

void
addcol(struct sarender *S, struct tab *t, long src, int role, const char *label)
{
	struct col *c;
	size_t k;

	t->col = xreallocarray(t->col, t->ncol + 1, sizeof(*t->col));
	c = &t->col[t->ncol++];
	memset(c, 0, sizeof(*c));
	c->src = src;
	c->role = role;
	if (src >= 0 && role < 0)
		for (k = 0; k < NROLE && c->role < 0; k++)
			if (t->ix[k] == src)
				c->role = (int)k;
	c->kind = c->role >= 0 ? roles[c->role].kind : K_TEXT;
	if (src == -1)
		c->kind = K_RAG;
	if (src == -2)
		c->kind = K_CHART;
	if (src == -3)
		c->kind = K_PARTIAL;
	if (src == -4)
		c->kind = K_TREND;
	if (!label && c->role == R_RATE && t->ratelabel)
		label = t->ratelabel;
	/* CSV shows 12.6, not +12.6%: the unit goes in the header. */
	if (!label && c->role == R_CHANGE_PCT && S->fmt == F_CSV)
		label = "Change (%)";
	if (!label)
		label = c->kind == K_RAG ? "Status" : c->kind == K_CHART ?
		    "Position in MSG" : c->kind == K_PARTIAL ? "Coverage" :
		    c->kind == K_TREND ? "Trend" :
		    c->role >= 0 ? roles[c->role].label : t->h->name[src];
	c->label = xstrdup(label);
}

/* -C names a column the input lacks: a bad option value, exit 2,
 * with the columns there are. */
static void
nocol(const struct tab *t, const char *s, size_t n)
{
	struct sbuf b = { 0 };
	size_t i;

	for (i = 0; i < t->h->n; i++) {
		sb_adds(&b, i ? ", " : "");
		sb_adds(&b, t->h->name[i]);
	}
	errx(2, "-C: no column '%.*s' (the input has %s; also rag, chart)",
	    (int)n, s, sb_str(&b));
}

/* -C 'col:Label,col:Label'. In a label a comma ends the item only when
 * a column name or another 'name:' follows, so that 'rate:Per 1,000'
 * keeps its comma; '\,' is a comma in any case. */
static void
parsecols(struct sarender *S, struct tab *t, const char *spec)
{
	const char *p = spec, *q, *e, *colon;
	struct sbuf lab = { 0 };
	long src;

	while (*p) {
		for (colon = NULL, e = p; *e; e++) {
			if (*e == '\\' && e[1]) {
				e++;
				continue;
			}
			if (*e == ':' && !colon)
				colon = e;
			q = e + 1;
			if (*e == ',' && (!colon || memchr(q, ':', strcspn(q,
			    ",")) || colname(t, q, strcspn(q, ",")) != -3))
				break;
		}
		if ((src = colname(t, p, (size_t)((colon ? colon : e) - p))) ==
		    -3)
			nocol(t, p, (size_t)((colon ? colon : e) - p));
		lab.len = 0;
		for (q = colon ? colon + 1 : e; q < e; q++) {
			if (*q == '\\' && q + 1 < e)
				q++;
			sb_addc(&lab, *q);
		}
		addcol(S, t, src, -1, colon ? sb_str(&lab) : NULL);
		p = *e ? e + 1 : e;
	}
	sb_free(&lab);
}

static int
canchart(struct tab *t)
{
	return t->ix[R_RATE] >= 0 && ((t->ix[R_MIN] >= 0 &&
	    t->ix[R_MAX] >= 0) || t->ix[R_MEAN] >= 0);
}

/* Is the column the same in every row? */
static int
constant(struct tab *t, long src)
{
	size_t r;

	for (r = 1; r < t->n; r++)
		if (strcmp(t->row[r][src], t->row[0][src]) != 0)
			return 0;
	return t->n > 0;
}

static int
allblank(const struct tab *t, long src)
{
	size_t r;

	for (r = 0; r < t->n; r++)
		if (!isblank_s(t->row[r][src]))
			return 0;
	return 1;
}

/* Without -C: the known columns present; area, period and group, when
 * the same in every row, are said once above the table instead. */
static void
defaultcols(struct sarender *S, struct tab *t)
{
	static const int liftable[] = { R_AREA, R_PERIOD, R_GROUP };
	size_t i, k;
	long src;
	int lifted;

	t->lift = xcalloc(3, sizeof(char *));
	for (i = 0; i < sizeof(defcols) / sizeof(defcols[0]); i++) {
		k = (size_t)defcols[i];
		if ((src = t->ix[k]) < 0)
			continue;
		/* The verdict says what band says, and which way is good. */
		if (k == R_BAND && t->ix[R_VERDICT] >= 0)
			continue;
		/* A trend page's rows set each month beside the same month a
		 * year before, not beside the month before; a year before
		 * is shown only where some row has it. */
		if ((k == R_CHANGE_PCT || (k == R_RATE && allblank(t, src))) &&
		    t->series == 2)
			continue;
		if (k == R_YOY_PCT && allblank(t, src))
			continue;
		/* One area in two groups: the group tells its rows apart. */
		if (k == R_GROUP && constant(t, src))
			continue;
		if (S->fmt == F_CSV) {
			addcol(S, t, src, (int)k, NULL);
			if (k == R_RANK && t->ix[R_OF] >= 0)
				addcol(S, t, t->ix[R_OF], R_OF, NULL);
			if (k == R_RATE && t->per == 0) /* rows of two pers */
				addcol(S, t, t->ix[R_PER], R_PER, NULL);
			continue;
		}
		lifted = 0;
		for (size_t j = 0; j < 3; j++)
			if (liftable[j] == (int)k && constant(t, src))
				lifted = 1;
		if (!lifted)
			addcol(S, t, src, (int)k, NULL);
	}
	/* A table of none of them (csvclean's report, say) is shown whole,
	 * not as rows of nothing. */
	if (t->ncol == 0 && t->nlift == 0)
		for (src = 0; src < (long)t->h->n; src++)
			addcol(S, t, src, -1, NULL);
	if (t->tr && S->fmt != F_CSV)
		addcol(S, t, -4, -1, NULL);
	if (S->hasrag)
		addcol(S, t, -1, -1, NULL);
	if (S->fmt == F_HTML && canchart(t))
		addcol(S, t, -2, -1, NULL);
	if (S->fmt == F_CSV)
		return;
	for (i = 0; i < 3; i++) {
		struct sbuf b = { 0 };

		k = (size_t)liftable[i];
		if ((src = t->ix[k]) < 0 || !constant(t, src) ||
		    isblank_s(t->row[0][src]))
			continue;
		sb_adds(&b, roles[k].label);
		sb_adds(&b, ": ");
		sb_adds(&b, t->row[0][src]);
		t->lift[t->nlift++] = b.s;
	}
}

/* A label of a rate column that names a per ("Per 1,000") must name the
 * data's: never "per 1,000" over rates per 100,000. */
static void
checkperlabel(const struct tab *t, const struct col *c)
{
	const char *p;
	double v = 0;
	int any = 0;

	if (t->ix[R_PER] < 0 || (c->role != R_RATE && c->role != R_PREV_RATE &&
	    c->role != R_ADJ_RATE))
		return;
	for (p = c->label; *p; p++)
		if (strncasecmp(p, "per ", 4) == 0 && p[4] >= '0' &&
		    p[4] <= '9')
			break;
	if (!*p)
		return;
	for (p += 4; (*p >= '0' && *p <= '9') || *p == ','; p++)
		if (*p != ',')
			v = v * 10 + (*p - '0'), any = 1;
	if (any && v != t->per)
		errx(1, "-C: the label '%s' names a per the data do not have "
		    "(column 'per': %s)", c->label, t->per > 0 ?
		    t->row[0][t->ix[R_PER]] : "several");
}

/* Decide the columns, check what the options need of them. */
void
prepare(struct sarender *S, struct tab *t)
{
	findroles(S, t);
	if (S->suppress >= 0 && t->ix[R_COUNT] < 0)
		errx(1, "--suppress: the input has no column 'count'");
	if (S->focusarea && t->ix[R_AREA] < 0)
		errx(1, "--focus: the input has no column 'area'");
	if (S->opt_targets && t->ix[R_CATEGORY] < 0)
		errx(1, "--targets: the input has no column 'category'");
	if (S->opt_targets)
		readtargets(t, S->opt_targets);
	readper(t);
	readcover(t);
	readpolarity(S, t);
	/* sapriority's band is its model's word, not msgrank's band */
	if ((t->prio = prio_is(t)))
		t->ix[R_BAND] = -1;
	if (S->opt_model)
		prio_model(t, S->opt_model);
	/* A status needs a rule: targets, or thresholds on the change. */
	S->hasrag = S->opt_targets || (S->opt_rag &&
	    t->ix[R_CHANGE_PCT] >= 0 && !t->series);
	/* A month against the month before is noise, not a status: the
	 * rows of a series get one only from targets. */
	if (S->opt_rag && t->series && !S->opt_targets && S->verbose)
		warnx("--rag: no status on the rows of a series; give "
		    "--targets for one");
	if (S->opt_C)
		parsecols(S, t, S->opt_C);
	else if (t->prio)
		prio_cols(S, t);
	else
		defaultcols(S, t);
	for (size_t c = 0; c < t->ncol; c++)
		checkperlabel(t, &t->col[c]);
	/* Partial rows are marked in every format, columns chosen or not. */
	for (size_t r = 0; r < t->n; r++)
		if (PARTIAL(t, r)) {
			addcol(S, t, -3, -1, NULL);
			break;
		}
	/* -C rag asks for the thresholds on the change by name. */
	for (size_t c = 0; c < t->ncol; c++)
		if (t->col[c].kind == K_RAG && t->ix[R_CHANGE_PCT] >= 0 &&
		    !t->series)
			S->hasrag = 1;
	for (size_t c = 0; c < t->ncol; c++)
		if (t->col[c].kind == K_RAG && !S->hasrag)
			errx(1, "-C rag: no rule: give --targets, or input "
			    "with a change_pct column%s", t->series ? " that "
			    "is not a series" : "");
	if (S->fmt != F_HTML) /* charts are drawn in HTML only */
		for (size_t c = t->ncol; c-- > 0;)
			if (t->col[c].kind == K_CHART) {
				free(t->col[c].label);
				memmove(&t->col[c], &t->col[c + 1],
				    (--t->ncol - c) * sizeof(*t->col));
			}
	flagrows(S, t);
	ragall(S, t);
	aligncols(t);
}
