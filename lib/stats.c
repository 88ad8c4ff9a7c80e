/* stats: see stats.h. The incomplete gamma function follows the classic
 * split: its power series below x = a + 1, where it converges fast, and
 * the continued fraction for the upper tail (modified Lentz) above. The
 * inverses bisect: the functions are monotone, bisection cannot fail to
 * converge, and msgrank needs a few hundred of them at most. */
#include <float.h>
#include <math.h>

#include "stats.h"

#define EPS    1e-15
#define TINY   1e-300
#define MAXIT  100000

/* exp(-x) x^a / Gamma(a), computed in logs so large a cannot overflow. */
static double
prefactor(double a, double x)
{
	return exp(-x + a * log(x) - lgamma(a));
}

static double
gser(double a, double x)
{
	double sum, term, n;
	int i;

	sum = term = 1.0 / a;
	for (i = 1, n = a; i < MAXIT; i++) {
		n += 1.0;
		term *= x / n;
		sum += term;
		if (fabs(term) < fabs(sum) * EPS)
			break;
	}
	return sum * prefactor(a, x);
}

/* Q(a, x) = 1 - P(a, x) by its continued fraction. */
static double
gcf(double a, double x)
{
	double b, c, d, h, an, del;
	int i;

	b = x + 1.0 - a;
	c = 1.0 / TINY;
	d = 1.0 / b;
	h = d;
	for (i = 1; i < MAXIT; i++) {
		an = -i * (i - a);
		b += 2.0;
		d = an * d + b;
		if (fabs(d) < TINY)
			d = TINY;
		c = b + an / c;
		if (fabs(c) < TINY)
			c = TINY;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < EPS)
			break;
	}
	return h * prefactor(a, x);
}

double
stats_gammp(double a, double x)
{
	if (x <= 0.0)
		return 0.0;
	if (x < a + 1.0)
		return gser(a, x);
	return 1.0 - gcf(a, x);
}

double
stats_gammpinv(double a, double p)
{
	double lo = 0.0, hi = a + 1.0, mid;
	int i;

	while (stats_gammp(a, hi) < p)
		hi *= 2.0;
	for (i = 0; i < 200 && hi - lo > hi * 4 * DBL_EPSILON; i++) {
		mid = lo + (hi - lo) / 2.0;
		if (stats_gammp(a, mid) < p)
			lo = mid;
		else
			hi = mid;
	}
	return lo + (hi - lo) / 2.0;
}

double
stats_normq(double p)
{
	double lo = -40.0, hi = 40.0, mid;
	int i;

	/* Phi(z) = erfc(-z / sqrt 2) / 2, accurate in both tails. */
	for (i = 0; i < 200 && hi - lo > 1e-15; i++) {
		mid = lo + (hi - lo) / 2.0;
		if (erfc(-mid / sqrt(2.0)) / 2.0 < p)
			lo = mid;
		else
			hi = mid;
	}
	return lo + (hi - lo) / 2.0;
}

/* chi2(p; 2a) / 2 is the gamma(a) quantile: P(a, x) = p. */
void
stats_pois_exact(long long k, double conf, double *lo, double *hi)
{
	double alpha = 1.0 - conf;

	*lo = k == 0 ? 0.0 : stats_gammpinv((double)k, alpha / 2.0);
	*hi = stats_gammpinv((double)k + 1.0, 1.0 - alpha / 2.0);
}

void
stats_pois_byar(long long k, double conf, double *lo, double *hi)
{
	/* The bisection costs ~50 erfc() calls: keep the last level's z. */
	static double lastconf = -1.0, z;
	double o = (double)k, o1 = o + 1.0, t;

	if (conf != lastconf) {
		z = stats_normq(1.0 - (1.0 - conf) / 2.0);
		lastconf = conf;
	}

	if (k == 0) {
		*lo = 0.0;
	} else {
		t = 1.0 - 1.0 / (9.0 * o) - z / (3.0 * sqrt(o));
		*lo = o * t * t * t;
	}
	t = 1.0 - 1.0 / (9.0 * o1) + z / (3.0 * sqrt(o1));
	*hi = o1 * t * t * t;
}

void
stats_pois_ci(long long k, double conf, double *lo, double *hi)
{
	if (k >= STATS_BYAR_MIN)
		stats_pois_byar(k, conf, lo, hi);
	else
		stats_pois_exact(k, conf, lo, hi);
}

double
stats_quantile(const double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t i = (size_t)floor(h);

	if (i + 1 >= n)
		return x[n - 1];
	return x[i] + (h - (double)i) * (x[i + 1] - x[i]);
}
