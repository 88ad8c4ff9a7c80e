/* Unit tests for lib/stats.c: the Poisson limits against published
 * reference values, Byar's formula against an independent computation,
 * and the quantile rule against R's quantile(type = 7).
 *
 * Exact 95 % limits (Garwood; the tables in e.g. Breslow and Day,
 * Statistical Methods in Cancer Research II, App. II, and the Public
 * Health England / APHO technical briefing on confidence intervals):
 *   0: 0, 3.689   1: 0.0253, 5.572   5: 1.6235, 11.668
 *   10: 4.795, 18.390   100: 81.364, 121.627   1000: 938.973, 1063.952
 * Byar's values were computed independently with Python's mpmath at 30
 * digits, z = sqrt(2) erfinv(conf):
 *   k*(1-1/(9k)-z/(3 sqrt k))^3, (k+1)*(1-1/(9(k+1))+z/(3 sqrt(k+1)))^3 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats.h"

static int fails;

#define CHECK(c) do { if (!(c)) { fails++; \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

/* Equal to tol, and print both when not. */
static int
near(double got, double want, double tol)
{
	if (fabs(got - want) <= tol)
		return 1;
	fprintf(stderr, "got %.10f want %.10f\n", got, want);
	return 0;
}

static void
test_special(void)
{
	CHECK(near(stats_gammp(1.0, 1.0), 1.0 - exp(-1.0), 1e-14));
	CHECK(near(stats_gammp(1.0, 10.0), 1.0 - exp(-10.0), 1e-14));
	/* P(1/2, x) = erf(sqrt x) */
	CHECK(near(stats_gammp(0.5, 2.0), erf(sqrt(2.0)), 1e-14));
	CHECK(near(stats_gammp(0.5, 0.1), erf(sqrt(0.1)), 1e-14));
	/* P(3, x) = 1 - e^-x (1 + x + x^2/2) */
	CHECK(near(stats_gammp(3.0, 4.0), 1.0 - exp(-4.0) * 13.0, 1e-14));
	CHECK(stats_gammp(5.0, 0.0) == 0.0);
	CHECK(near(stats_gammpinv(1.0, 0.975), -log(0.025), 1e-12));
	CHECK(near(stats_gammpinv(3.0, stats_gammp(3.0, 2.5)), 2.5, 1e-12));
	CHECK(near(stats_gammpinv(1000.0, 0.5), 999.667, 1e-3));
	CHECK(near(stats_normq(0.975), 1.959963984540054, 1e-12));
	CHECK(near(stats_normq(0.999), 3.090232306167814, 1e-12));
	CHECK(near(stats_normq(0.5), 0.0, 1e-14));
	CHECK(near(stats_normq(0.025), -1.959963984540054, 1e-12));
}

static void
test_exact(void)
{
	static const struct { long long k; double lo, hi; } t95[] = {
		{ 0, 0.0, 3.689 }, { 1, 0.0253, 5.572 }, { 5, 1.6235, 11.668 },
		{ 10, 4.795, 18.390 }, { 100, 81.364, 121.627 },
		{ 1000, 938.973, 1063.952 },
	};
	/* 99.8 %: mpmath, as above. */
	static const struct { long long k; double lo, hi; } t998[] = {
		{ 0, 0.0, 6.90775527898 }, { 1, 0.00100050033358, 9.23341347645 },
		{ 5, 0.739371731918, 16.4547452037 },
		{ 10, 2.96052037274, 24.1339711454 },
		{ 100, 71.921397495, 134.924319061 },
		{ 1000, 905.120790935, 1101.62694388 },
	};
	double lo, hi;
	size_t i;

	for (i = 0; i < sizeof(t95) / sizeof(t95[0]); i++) {
		stats_pois_exact(t95[i].k, 0.95, &lo, &hi);
		CHECK(near(lo, t95[i].lo, 0.0005));
		CHECK(near(hi, t95[i].hi, 0.0005));
	}
	for (i = 0; i < sizeof(t998) / sizeof(t998[0]); i++) {
		stats_pois_exact(t998[i].k, 0.998, &lo, &hi);
		CHECK(near(lo, t998[i].lo, 1e-8));
		CHECK(near(hi, t998[i].hi, 1e-8));
	}
}

static void
test_byar(void)
{
	static const struct { long long k; double conf, lo, hi; } t[] = {
		{ 10, 0.95, 4.78744991397, 18.3914586058 },
		{ 100, 0.95, 81.3621054905, 121.627937579 },
		{ 1000, 0.95, 938.972498715, 1063.95258127 },
		{ 10, 0.998, 2.9163183747, 24.1937249279 },
		{ 100, 0.998, 71.9036918726, 134.943621762 },
		{ 1000, 0.998, 905.114954596, 1101.63294512 },
	};
	double lo, hi;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		stats_pois_byar(t[i].k, t[i].conf, &lo, &hi);
		CHECK(near(lo, t[i].lo, 1e-8));
		CHECK(near(hi, t[i].hi, 1e-8));
	}
	/* The switch: exact below 10, Byar's from 10. */
	stats_pois_ci(9, 0.95, &lo, &hi);
	CHECK(near(hi, 17.08480, 0.00001));
	stats_pois_ci(10, 0.95, &lo, &hi);
	CHECK(near(lo, 4.78744991397, 1e-8));
	stats_pois_ci(0, 0.95, &lo, &hi);
	CHECK(lo == 0.0 && near(hi, 3.68887945411, 1e-9));
}

static void
test_quantile(void)
{
	/* R: quantile(c(1, 2, 2, 4, 7), type = 7) gives 1 2 2 4 7 */
	static const double a[] = { 1, 2, 2, 4, 7 };
	/* R: quantile(c(1, 2, 3, 4), type = 7) gives 1 1.75 2.5 3.25 4 */
	static const double b[] = { 1, 2, 3, 4 };
	static const double c[] = { 5.5 };

	CHECK(stats_quantile(a, 5, 0.0) == 1.0);
	CHECK(stats_quantile(a, 5, 0.25) == 2.0);
	CHECK(stats_quantile(a, 5, 0.75) == 4.0);
	CHECK(stats_quantile(a, 5, 1.0) == 7.0);
	CHECK(near(stats_quantile(b, 4, 0.25), 1.75, 1e-15));
	CHECK(near(stats_quantile(b, 4, 0.5), 2.5, 1e-15));
	CHECK(near(stats_quantile(b, 4, 0.75), 3.25, 1e-15));
	CHECK(stats_quantile(c, 1, 0.25) == 5.5);
	CHECK(stats_quantile(c, 1, 0.75) == 5.5);
}

/* Relatively equal to tol (both zero counts as equal). */
static int
rnear(double got, double want, double tol)
{
	if (got == want || fabs(got - want) <= tol * fabs(want))
		return 1;
	fprintf(stderr, "got %.17g want %.17g\n", got, want);
	return 0;
}

/* Clopper-Pearson limits (the beta inverse) at the edges of the counts
 * against SciPy 1.10's beta.ppf(alpha / 2, k, n - k + 1) and
 * beta.ppf(1 - alpha / 2, k + 1, n - k): to 1e-13 at small n; at 1e6
 * and 1e9 trials the incomplete beta's lgamma() terms (2e10 at 1e9) leave
 * fewer digits. */
static void
test_binom_exact(void)
{
	static const struct {
		long long k, n;
		double conf, lo, hi;
	} t[] = {
	{0, 10, 0.95, 0, 0.30849710781876077},
	{1, 10, 0.95, 0.0025285785444617865, 0.44501611702819538},
	{2, 10, 0.95, 0.025210726326833386, 0.55609546230764151},
	{10, 10, 0.95, 0.69150289218123917, 1},
	{10, 20, 0.95, 0.27195784956079189, 0.72804215043920806},
	{1, 1000000, 0.95, 2.5317807663794201e-08, 5.5716306551669393e-06},
	{2, 1000000, 0.95, 2.4220937031600331e-07, 7.2246687944522814e-06},
	{1000000, 2000000, 0.95, 0.49930679850754911, 0.50069320149245089},
	{1000000, 1000001, 0.95, 0.99999442837491637, 0.99999997468221768},
	{1, 1000000000, 0.95, 2.5317807983969402e-11, 5.5716434291233906e-09},
	{2, 1000000000, 0.95, 2.4220927863573699e-10, 7.2246877078250822e-09},
	{10, 1000000000, 0.95, 4.795388706213808e-09, 1.8390355881233301e-08},
	{1000000, 1000000000, 0.95, 0.00099804196067584581, 0.0010019609288197441},
	{1000000000, 1000000002, 0.95, 0.99999999277531237, 0.99999999975779075},
	{1000000000, 2000000000, 0.95, 0.49997808668639199, 0.50002191331360801},
	{0, 10, 0.998, 0, 0.49881276637272765},
	{1, 10, 0.998, 0.00010004502852067872, 0.62372308908882546},
	{2, 10, 0.998, 0.0047744592713059204, 0.71845661804241645},
	{10, 10, 0.998, 0.50118723362727235, 1},
	{10, 20, 0.998, 0.17746058040636142, 0.82253941959363863},
	{1, 1000000, 0.998, 1.0005003330830339e-09, 9.2333754652916968e-06},
	{2, 1000000, 0.998, 4.5402039439842969e-08, 1.1228820427634348e-05},
	{1000000, 2000000, 0.998, 0.49890718933201611, 0.50109281066798395},
	{1000000, 1000001, 0.998, 0.99999076663376807, 0.99999999899950065},
	{1, 1000000000, 0.998, 1.0005003335830339e-12, 9.233413460923184e-09},
	{2, 1000000000, 0.998, 4.540201779115987e-11, 1.1228872135674113e-08},
	{10, 1000000000, 0.998, 2.9605203816837614e-09, 2.413397093964474e-08},
	{1000000, 1000000000, 0.998, 0.00099691415613319925, 0.0010030925316998687},
	{1000000000, 1000000002, 0.998, 0.99999998877112783, 0.99999999995459798},
	{1000000000, 2000000000, 0.998, 0.49996544990265496, 0.5000345500973451},
	};
	double lo, hi, tol;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		tol = t[i].n <= 20 ? 1e-13 : t[i].n <= 2000000 ? 1e-9 : 2e-6;
		stats_binom_exact(t[i].k, t[i].n, t[i].conf, &lo, &hi);
		CHECK(rnear(lo, t[i].lo, tol));
		CHECK(rnear(hi, t[i].hi, tol));
	}
}

/* The conditional test of two Poisson rates against SciPy 1.10's
 * binomtest() (p-value, and proportion_ci(method='exact') turned into
 * the rate ratio's limits), which gives the same as R's poisson.test():
 * R's own example, poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)),
 * prints p = 0.07967 and 0.8584264 4.2772659. -1: no upper limit. */
static void
test_pois_ratio(void)
{
	static const struct {
		long long c1;
		double e1;
		long long c2;
		double e2, p, lo, hi;
	} t[] = {
	{11, 800.0, 21, 3011.0, 0.079668633033329495, 0.85842640339161902, 4.2772659436540792},
	{0, 1000.0, 5, 1000.0, 0.0625, 0, 1.0912791051825459},
	{5, 1000.0, 0, 1000.0, 0.0625, 0.91635585731545999, -1},
	{1, 300000.0, 0, 300000.0, 1, 0.025641025641025664, -1},
	{9110, 105100.0, 7962, 105100.0, 1.6090347873152338e-18, 1.1101700664038014, 1.1792598376906285},
	{134575, 1819700.0, 122096, 1819700.0, 5.40825818093348e-134, 1.0936930918783252, 1.1107868999415791},
	{100, 1000.0, 100, 1000.0, 1, 0.75026648522557648, 1.33285975009178},
	{3, 1.0, 7, 2.0, 1, 0.14302440096217264, 3.7546148784282156},
	{1, 1.0, 1, 1.0, 1, 0.01273936708392707, 78.496835314658213},
	{50, 12.0, 40, 12.0, 0.34283311942078837, 0.80830523134906906, 1.9442579281954411},
	{17515, 211400.0, 15558, 208900.0, 3.6609648265778179e-22, 1.0886479172797934, 1.1368291598524807},
	{2000000, 50000000.0, 2010000, 50000000.0, 5.9367071702858323e-07, 0.99307849851683783, 0.99697506516339274},
	};
	double p, lo, hi;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		CHECK(stats_pois_ratio(t[i].c1, t[i].e1, t[i].c2, t[i].e2,
		    0.95, &p, &lo, &hi) == 0);
		CHECK(rnear(p, t[i].p, 1e-7));
		CHECK(rnear(lo, t[i].lo, 1e-8));
		if (t[i].hi < 0)
			CHECK(isinf(hi));
		else
			CHECK(rnear(hi, t[i].hi, 1e-8));
	}
	CHECK(stats_pois_ratio(0, 1.0, 0, 1.0, 0.95, &p, &lo, &hi) == -1);
	/* binom.test(3, 10, 0.5): p = 0.34375 (R's documentation) */
	CHECK(rnear(stats_binom_test(3, 10, 0.5), 0.34375, 1e-12));
	CHECK(rnear(stats_binom_test(682, 925, 0.75), 0.3825, 1e-3));
	/* Far tails: 1,078 of 1,093 at 31/61 (a December against a
	 * November), 8.751574328809265e-289 by exact rational arithmetic
	 * (Python's fractions; SciPy's binomtest gives 8.05e-289); 1,000,000
	 * of 2,100,000 at a half, about 1e-1000, past a double: 0, not a
	 * subnormal's noise (it was 4.4e-323). */
	CHECK(rnear(stats_binom_test(1078, 1093, 31.0 / 61.0),
	    8.751574328809265e-289, 1e-6));
	CHECK(stats_binom_test(1000000, 2100000, 0.5) == 0.0);
	CHECK(stats_binom_test(100000, 100010, 0.5) == 0.0);
	/* Wilson for 0/10, 5/10, 10/10 at 95 %: 0, 0.27753; 0.23659,
	 * 0.76341; 0.72247, 1 (Newcombe, Stat Med 1998, table I, method 3) */
	stats_wilson(0, 10, 0.95, &lo, &hi);
	CHECK(lo == 0.0 && near(hi, 0.27753, 5e-6));
	stats_wilson(5, 10, 0.95, &lo, &hi);
	CHECK(near(lo, 0.23659, 5e-6) && near(hi, 0.76341, 5e-6));
	stats_wilson(10, 10, 0.95, &lo, &hi);
	CHECK(near(lo, 0.72247, 5e-6) && hi == 1.0);
}

/* Two proportions: Fisher's exact test and Katz's interval for their
 * ratio, against SciPy 1.x (fisher_exact; relative_risk's
 * confidence_interval). */
static void
test_two_props(void)
{
	static const struct {
		long long k1, n1, k2, n2;
		double p, lo, hi;
	} t[] = {
		{ 3, 10, 7, 10, 0.1788954079975752, 0.15299746175000145,
		  1.2005001082166866 },
		{ 28, 100, 20, 100, 0.24632195320320235, 0.8470796361286957,
		  2.3138320370414616 },
		{ 120, 400, 95, 410, 0.031594252697417724, 1.0274291863941816,
		  1.63159029595794 },
		{ 1500, 5000, 1400, 5100, 0.004869264288364339,
		  1.0276622209801478, 1.1621880325178846 },
	};
	double p, lo, hi;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		CHECK(stats_fisher(t[i].k1, t[i].n1, t[i].k2, t[i].n2, &p) == 0);
		CHECK(rnear(p, t[i].p, 1e-8));
		CHECK(stats_ratio_katz(t[i].k1, t[i].n1, t[i].k2, t[i].n2, 0.95,
		    &lo, &hi) == 0);
		CHECK(rnear(lo, t[i].lo, 1e-8) && rnear(hi, t[i].hi, 1e-8));
	}
	/* a zero: the test, but no ratio */
	CHECK(stats_fisher(0, 5, 3, 5, &p) == 0 && rnear(p, 1.0 / 6, 1e-8));
	CHECK(stats_fisher(5, 5, 0, 5, &p) == 0 &&
	    rnear(p, 0.007936507936507938, 1e-8));
	CHECK(stats_ratio_katz(0, 5, 3, 5, 0.95, &lo, &hi) == -1);
	CHECK(stats_ratio_katz(5, 5, 0, 5, 0.95, &lo, &hi) == -1);
	/* nothing to test, or a numerator above its denominator */
	CHECK(stats_fisher(0, 0, 0, 0, &p) == -1);
	CHECK(stats_fisher(6, 5, 0, 5, &p) == -1);
	CHECK(stats_fisher(0, 0, 2, 4, &p) == 0 && p == 1.0);
	/* 0 of 5,000 against 5,000 of 5,000: 2 / C(10000, 5000), about
	 * 1e-3008, past a double */
	CHECK(stats_fisher(0, 5000, 5000, 5000, &p) == 0 && p == 0.0);
	/* 0 of 400 against 400 of 400: 2 / C(800, 400),
	 * 1.0635896769518568e-239 (exact: Python's math.comb) */
	CHECK(stats_fisher(0, 400, 400, 400, &p) == 0 &&
	    rnear(p, 1.0635896769518568e-239, 1e-9));
}

/* With arguments E P ..., print stats_pois_limit(E, P) for each pair,
 * for tests/sarender/funnel-limits.sh to check against SciPy. */
int
main(int argc, char *argv[])
{
	int i;

	for (i = 1; i + 1 < argc; i += 2)
		printf("%.10g\n", stats_pois_limit(strtod(argv[i], NULL),
		    strtod(argv[i + 1], NULL)));
	if (argc > 1)
		return 0;
	test_special();
	test_exact();
	test_two_props();
	test_byar();
	test_quantile();
	test_pois_ratio();
	test_binom_exact();
	if (fails)
		fprintf(stderr, "%d failed\n", fails);
	return fails != 0;
}
