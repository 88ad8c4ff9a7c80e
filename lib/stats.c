/* stats: see stats.h. The incomplete gamma function follows the classic
 * split: its power series below x = a + 1, where it converges fast, and
 * the continued fraction for the upper tail (modified Lentz) above. The
 * inverses bisect: the functions are monotone, bisection cannot fail to
 * converge, and msgrank needs a few hundred of them at most. */
#include <float.h>
#include <math.h>

#include "stats.h"

/* lgamma(3) sets the global signgam, and crimerate computes its tests on
 * several threads: lgamma_r() keeps the sign to itself. */
static double
lgam(double x)
{
	int sign;

	return lgamma_r(x, &sign);
}

/* A p-value below STATS_PMIN is 0: the terms it is made of underflow
 * before it does, and its digits there would be noise (a subnormal such
 * as 4.4e-323 for a p-value of 1e-1000). */
static double
pfloor(double p)
{
	return p < STATS_PMIN ? 0.0 : p;
}

#define EPS    1e-15
#define TINY   1e-300
#define MAXIT  100000

/* exp(-x) x^a / Gamma(a), computed in logs so large a cannot overflow. */
static double
prefactor(double a, double x)
{
	return exp(-x + a * log(x) - lgam(a));
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

/* The continued fraction of I_x(a, b) (modified Lentz), which converges
 * fast for x < (a + 1) / (a + b + 2). */
static double
betacf(double a, double b, double x)
{
	double aa, c, d, del, h, qab = a + b, qap = a + 1.0, qam = a - 1.0;
	int m, m2;

	c = 1.0;
	d = 1.0 - qab * x / qap;
	if (fabs(d) < TINY)
		d = TINY;
	d = 1.0 / d;
	h = d;
	for (m = 1; m < MAXIT; m++) {
		m2 = 2 * m;
		aa = m * (b - m) * x / ((qam + m2) * (a + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < TINY)
			d = TINY;
		c = 1.0 + aa / c;
		if (fabs(c) < TINY)
			c = TINY;
		d = 1.0 / d;
		h *= d * c;
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < TINY)
			d = TINY;
		c = 1.0 + aa / c;
		if (fabs(c) < TINY)
			c = TINY;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < EPS)
			break;
	}
	return h;
}

/* I_x(a, b), 0 < x < 1, from lpre = lgam(a + b) - lgam(a) -
 * lgam(b), lx = log(x) and l1x = log1p(-x): stats_betai()'s sum in its
 * order, the same double, for the inverse, whose search holds a and b
 * and needs the logs again for the density. */
static double
betai_pre(double a, double b, double x, double lpre, double lx, double l1x)
{
	double lbt = lpre + a * lx + b * l1x;

	/* Each side of the switch computes a small value directly, so a
	 * far tail keeps its relative accuracy. */
	if (x < (a + 1.0) / (a + b + 2.0))
		return exp(lbt) * betacf(a, b, x) / a;
	return 1.0 - exp(lbt) * betacf(b, a, 1.0 - x) / b;
}

double
stats_betai(double a, double b, double x)
{
	if (x <= 0.0)
		return 0.0;
	if (x >= 1.0)
		return 1.0;
	return betai_pre(a, b, x, lgam(a + b) - lgam(a) - lgam(b),
	    log(x), log1p(-x));
}

/* A normal quantile good to 5e-4 (Abramowitz and Stegun 26.2.23): a
 * starting point, where stats_normq's bisection would cost more than the
 * search it starts. */
static double
normguess(double p)
{
	double q = p < 0.5 ? p : 1.0 - p, t = sqrt(-2.0 * log(q)), z;

	z = t - (2.515517 + t * (0.802853 + t * 0.010328)) /
	    (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
	return p < 0.5 ? -z : z;
}

/* Where the search for I_x(a, b) = p starts: the Cornish-Fisher
 * expansion of the quantile around the normal one, to the second order
 * (g the skewness of Beta(a, b), k its excess kurtosis). From the normal
 * quantile alone three or four evaluations of I_x were the rule; from
 * this, two or three. */
static double
betastart(double a, double b, double p)
{
	double ab = a + b, z = normguess(p), w, x;
	double g = 2.0 * (b - a) * sqrt(ab + 1.0) / ((ab + 2.0) * sqrt(a * b));
	double k = 6.0 * ((a - b) * (a - b) * (ab + 1.0) - a * b * (ab + 2.0)) /
	    (a * b * (ab + 2.0) * (ab + 3.0));

	w = z + (z * z - 1.0) * g / 6.0;
	w += (z * z * z - 3.0 * z) * k / 24.0 -
	    (2.0 * z * z * z - 5.0 * z) * g * g / 36.0;
	x = a / ab + w * sqrt(a * b / (ab * ab * (ab + 1.0)));
	return x > 0.0 && x < 1.0 ? x : a / ab;
}

/* x with I_x(a, b) = p: Halley's method from betastart(), inside a bracket that every step narrows, bisecting whenever a step
 * would leave it. The density's log-derivative, (a - 1) / x - (b - 1) /
 * (1 - x), makes each step cubic for two divisions (Newton's step where
 * the correction is large, far from the root). It stops when a step
 * moves x by no more than a few units in the last place, or when a
 * Halley step moves it by less than HALLEYEND of the smaller of x and
 * 1 - x: the next step's error, of the order of the cube of this one's,
 * is then below those units, and I_x is not evaluated again to be told
 * so. The stop is tested before the bracket: a step of nothing at the
 * root's side is the end, not a reason to bisect the bracket back to it.
 * Two or three evaluations of I_x where bisection took sixty. */
#define HALLEYEND 1e-7

double
stats_betainv(double a, double b, double p)
{
	double lo = 0.0, hi = 1.0, x, f, u, c, nx, lpre, lx, l1x, ab = a + b;
	int i, halley;

	if (p <= 0.0)
		return 0.0;
	if (p >= 1.0)
		return 1.0;
	lpre = lgam(ab) - lgam(a) - lgam(b);
	x = betastart(a, b, p);
	for (i = 0; i < 1100; i++) { /* 0 < lo <= x <= hi < 1 */
		lx = log(x);
		l1x = log1p(-x);
		f = betai_pre(a, b, x, lpre, lx, l1x) - p;
		if (f == 0.0)
			return x;
		if (f < 0.0)
			lo = x;
		else
			hi = x;
		u = f / exp(lpre + (a - 1.0) * lx + (b - 1.0) * l1x);
		c = 1.0 - 0.5 * u * ((a - 1.0) / x - (b - 1.0) / (1.0 - x));
		halley = c > 0.5 && c < 2.0;
		nx = halley ? x - u / c : x - u;
		if (fabs(nx - x) <= 4.0 * DBL_EPSILON * x)
			return nx > lo && nx < hi ? nx : x;
		if (halley && nx > lo && nx < hi &&
		    fabs(nx - x) <= HALLEYEND * (x < 0.5 ? x : 1.0 - x))
			return nx;
		if (!(nx > lo && nx < hi))
			nx = lo + (hi - lo) / 2.0;
		if (nx <= lo || nx >= hi || fabs(nx - x) <= 4.0 * DBL_EPSILON * x)
			return nx > lo && nx < hi ? nx : x;
		x = nx;
	}
	return x;
}

/* Binomial(n, p) with the terms of its pmf that do not depend on k:
 * the test asks for the pmf of many k. */
struct binom {
	long long n;
	double p, dn, ln1, lp, l1p; /* lgam(n + 1), log p, log(1 - p) */
};

static void
binom_init(struct binom *B, long long n, double p)
{
	B->n = n;
	B->p = p;
	B->dn = (double)n;
	B->ln1 = B->lp = B->l1p = 0.0;
	if (p > 0.0 && p < 1.0) {
		B->ln1 = lgam(B->dn + 1.0);
		B->lp = log(p);
		B->l1p = log1p(-p);
	}
}

static double
binom_pmf(const struct binom *B, long long k)
{
	double dk = (double)k, dn = B->dn;

	if (k < 0 || k > B->n)
		return 0.0;
	if (B->p <= 0.0)
		return k == 0 ? 1.0 : 0.0;
	if (B->p >= 1.0)
		return k == B->n ? 1.0 : 0.0;
	return exp(B->ln1 - lgam(dk + 1.0) - lgam(dn - dk + 1.0) +
	    dk * B->lp + (dn - dk) * B->l1p);
}

double
stats_binom_pmf(long long k, long long n, double p)
{
	struct binom B;

	binom_init(&B, n, p);
	return binom_pmf(&B, k);
}

/* P(X <= k) = I_(1-p)(n - k, k + 1); P(X >= k) = I_p(k, n - k + 1). */
double
stats_binom_cdf(long long k, long long n, double p)
{
	if (k < 0)
		return 0.0;
	if (k >= n)
		return 1.0;
	return stats_betai((double)(n - k), (double)k + 1.0, 1.0 - p);
}

double
stats_binom_sf(long long k, long long n, double p)
{
	if (k <= 0)
		return 1.0;
	if (k > n)
		return 0.0;
	return stats_betai((double)k, (double)(n - k) + 1.0, p);
}

/* How many of i = from..to (the pmf non-increasing away from the mode,
 * dir +1 upwards, -1 downwards) have pmf(i) <= lim: the pmf rises at
 * most up to the mode, so the points before it are counted one by one
 * and the monotone rest by bisection. */
static long long
tailcount(long long from, long long to, int dir, const struct binom *B,
    double lim)
{
	long long n = B->n, mode = (long long)floor(((double)n + 1.0) * B->p);
	long long c = 0;
	long long lo, hi, mid, i = from;

	if (mode > n)
		mode = n;
	while ((dir > 0 ? i <= to && i < mode : i >= to && i > mode)) {
		c += binom_pmf(B, i) <= lim;
		i += dir;
	}
	if (dir > 0 ? i > to : i < to)
		return c;
	/* i..to is monotone: find the first point (from i) at or below lim */
	lo = dir > 0 ? i : to;
	hi = dir > 0 ? to : i;
	if (dir > 0) {
		if (binom_pmf(B, hi) > lim)
			return c;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (binom_pmf(B, mid) <= lim)
				hi = mid;
			else
				lo = mid + 1;
		}
		return c + (to - lo + 1);
	}
	if (binom_pmf(B, lo) > lim)
		return c;
	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		if (binom_pmf(B, mid) <= lim)
			lo = mid;
		else
			hi = mid - 1;
	}
	return c + (lo - to + 1);
}

double
stats_binom_test(long long k, long long n, double p)
{
	double d, m = (double)n * p, lim, pv;
	struct binom B;
	long long y;

	if (n == 0)
		return 1.0;
	binom_init(&B, n, p);
	d = binom_pmf(&B, k);
	lim = d * (1.0 + 1e-7);
	if ((double)k == m)
		return 1.0;
	if ((double)k < m) {
		y = tailcount((long long)ceil(m), n, 1, &B, lim);
		pv = stats_binom_cdf(k, n, p) + stats_binom_sf(n - y + 1, n, p);
	} else {
		y = tailcount((long long)floor(m), 0, -1, &B, lim);
		pv = stats_binom_cdf(y - 1, n, p) + stats_binom_sf(k, n, p);
	}
	return pv < 1.0 ? pfloor(pv) : 1.0;
}

void
stats_binom_exact(long long k, long long n, double conf, double *lo,
    double *hi)
{
	double alpha = 1.0 - conf;

	*lo = k == 0 ? 0.0 :
	    stats_betainv((double)k, (double)(n - k) + 1.0, alpha / 2.0);
	*hi = k == n ? 1.0 :
	    stats_betainv((double)k + 1.0, (double)(n - k), 1.0 - alpha / 2.0);
}

void
stats_wilson(long long k, long long n, double conf, double *lo, double *hi)
{
	double z = stats_normq(1.0 - (1.0 - conf) / 2.0), dn = (double)n;
	double ph = (double)k / dn, z2 = z * z, den = 1.0 + z2 / dn;
	double mid = ph + z2 / (2.0 * dn);
	double half = z * sqrt(ph * (1.0 - ph) / dn + z2 / (4.0 * dn * dn));

	*lo = k == 0 ? 0.0 : (mid - half) / den;
	*hi = k == n ? 1.0 : (mid + half) / den;
}

int
stats_pois_ratio(long long c1, double e1, long long c2, double e2,
    double conf, double *p, double *lo, double *hi)
{
	long long n;
	double pl, ph, r = e2 / e1;

	/* past 2^53 a count is no longer exact in a double: no test */
	if (c1 < 0 || c2 < 0 || __builtin_add_overflow(c1, c2, &n) || n == 0 ||
	    n > (1LL << 53))
		return -1;
	*p = stats_binom_test(c1, n, e1 / (e1 + e2));
	stats_binom_exact(c1, n, conf, &pl, &ph);
	*lo = pl / (1.0 - pl) * r;
	*hi = ph >= 1.0 ? HUGE_VAL : ph / (1.0 - ph) * r;
	return 0;
}

/* log C(a, b) */
static double
lchoose(double a, double b)
{
	return lgam(a + 1.0) - lgam(b + 1.0) - lgam(a - b + 1.0);
}

/* The hypergeometric log probability of x successes in a draw of n1 from
 * N holding K. */
static double
lhyper(long long x, long long n1, long long K, long long N)
{
	return lchoose((double)K, (double)x) +
	    lchoose((double)(N - K), (double)(n1 - x)) -
	    lchoose((double)N, (double)n1);
}

/* Walk from the mode towards the end `to' (step dir), adding every term
 * no more likely than the observed one (its log lobs), relative to it;
 * the terms fall away from the mode, so the walk stops once they are
 * past counting. */
static double
hypertail(long long from, long long to, int dir, long long n1, long long K,
    long long N, double lobs)
{
	double s = 0.0, r;
	long long y;

	for (y = from; dir > 0 ? y <= to : y >= to; y += dir) {
		r = exp(lhyper(y, n1, K, N) - lobs);
		if (r > 1.0 + 1e-7)
			continue;
		s += r;
		if (r < 1e-17 * s)
			break;
	}
	return s;
}

int
stats_fisher(long long k1, long long n1, long long k2, long long n2,
    double *p)
{
	long long N, K, lo, hi, mode;
	double lobs, s;

	if (k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2 ||
	    __builtin_add_overflow(n1, n2, &N) || N == 0 || N > (1LL << 53))
		return -1;
	K = k1 + k2;
	lo = n1 - (N - K) > 0 ? n1 - (N - K) : 0;
	hi = K < n1 ? K : n1;
	mode = (long long)floor(((double)n1 + 1.0) * ((double)K + 1.0) /
	    ((double)N + 2.0));
	if (mode < lo)
		mode = lo;
	if (mode > hi)
		mode = hi;
	lobs = lhyper(k1, n1, K, N);
	s = hypertail(mode, hi, 1, n1, K, N, lobs) +
	    hypertail(mode - 1, lo, -1, n1, K, N, lobs);
	s *= exp(lobs);
	*p = s < 1.0 ? pfloor(s) : 1.0;
	return 0;
}

int
stats_ratio_katz(long long k1, long long n1, long long k2, long long n2,
    double conf, double *lo, double *hi)
{
	double z, rr, se;

	if (k1 <= 0 || k2 <= 0 || k1 > n1 || k2 > n2)
		return -1;
	z = stats_normq(1.0 - (1.0 - conf) / 2.0);
	rr = ((double)k1 / (double)n1) / ((double)k2 / (double)n2);
	se = sqrt(1.0 / (double)k1 - 1.0 / (double)n1 + 1.0 / (double)k2 -
	    1.0 / (double)n2);
	*lo = rr * exp(-z * se);
	*hi = rr * exp(z * se);
	return 0;
}

/* Poisson(e) at most r, r an integer: the upper regularised gamma. */
static double
poiscdf(double r, double e)
{
	return r < 0 ? 0 : 1 - stats_gammp(r + 1, e);
}

double
stats_pois_limit(double e, double p)
{
	double r = floor(e + stats_normq(p) * sqrt(e)), f, f1;

	if (r < 0)
		r = 0;
	while (r > 0 && poiscdf(r - 1, e) >= p)
		r--;
	while (poiscdf(r, e) < p)
		r++;
	f = poiscdf(r, e);
	f1 = poiscdf(r - 1, e);
	r -= (f - p) / (f - f1);
	return r < 0 ? 0 : r;
}
