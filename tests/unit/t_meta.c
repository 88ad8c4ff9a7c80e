/* Unit tests for lib/meta.c: polarity words, reading and finding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "meta.h"

static int fails;

#define OK(c) do { if (!(c)) { fprintf(stderr, "t_meta.c:%d: %s\n", \
	__LINE__, #c); fails++; } } while (0)

int
main(void)
{
	char path[] = "/tmp/t_meta.XXXXXX";
	const struct meta_ind *d;
	struct meta *m;
	FILE *fp;
	int fd;

	OK(meta_polarity("low", 3) == META_LOW);
	OK(meta_polarity(" HIGH\t", 6) == META_HIGH);
	OK(meta_polarity("None", 4) == META_NONE);
	OK(meta_polarity("", 0) == META_UNKNOWN);
	OK(meta_polarity("  ", 2) == META_UNKNOWN);
	OK(meta_polarity("lo", 2) == -1);
	OK(meta_polarity("lower", 5) == -1);
	OK(strcmp(meta_polname(META_HIGH), "high") == 0);
	OK(strcmp(meta_polname(META_UNKNOWN), "") == 0);
	OK(strcmp(meta_polname(99), "") == 0);

	if ((fd = mkstemp(path)) < 0 || !(fp = fdopen(fd, "w")))
		return 1;
	fputs("kind,Indicator,extra,polarity,per,denominator,numerator\n"
	    "count,Total recorded crime,x,low,1000,population,\n"
	    "percentage,Charged ,,High,100,,\n"
	    ",Drug  offences,,none,,,\n"
	    "PERCENTAGE,Repeat %,,low,, Victims , Repeats\n"
	    "harm,Harm,,low,1000,households,\n", fp);
	fclose(fp);
	m = meta_read(path);
	unlink(path);
	OK(m->n == 5);
	OK((d = meta_find(m, "total RECORDED crime", 20)) &&
	    d->polarity == META_LOW && d->per == 1000 &&
	    d->kind == META_COUNT && d->denominator &&
	    strcmp(d->denominator, "population") == 0 && d->line == 2);
	OK((d = meta_find(m, " charged", 8)) && d->polarity == META_HIGH &&
	    d->kind == META_PERCENTAGE && !d->denominator &&
	    strcmp(d->name, "Charged") == 0);
	OK((d = meta_find(m, "Drug offences", 13)) &&
	    d->polarity == META_NONE && d->per == 0 &&
	    d->kind == META_KIND_UNSET);
	OK((d = meta_find(m, "repeat %", 8)) && d->per == 100 &&
	    d->kind == META_PERCENTAGE && d->numerator && d->denominator &&
	    strcmp(d->numerator, "Repeats") == 0 &&
	    strcmp(d->denominator, "Victims") == 0);
	OK((d = meta_find(m, "harm", 4)) && d->kind == META_HARM &&
	    strcmp(d->denominator, "households") == 0 && !d->numerator);
	OK(strcmp(meta_kindname(META_PERCENTAGE), "percentage") == 0);
	OK(strcmp(meta_kindname(META_KIND_UNSET), "") == 0);
	OK(meta_find(m, "Robbery", 7) == NULL);
	OK(meta_find(NULL, "Robbery", 7) == NULL);
	meta_free(m);
	if (fails)
		fprintf(stderr, "t_meta: %d failed\n", fails);
	return fails != 0;
}
