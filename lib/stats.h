/* stats: confidence limits, exact tests and quantiles for crimerate
 * and msgrank.
 *
 * The special functions are written here on top of libm's lgamma() and
 * erfc() because no library sapipe already links provides them:
 * the regularised incomplete gamma function and its inverse (which give
 * the chi-square quantiles of the exact Poisson limits), the regularised
 * incomplete beta function and its inverse (binomial tails and exact
 * limits) and the inverse of the standard normal distribution (Byar's z). */
#ifndef SAPIPE_STATS_H
#define SAPIPE_STATS_H

#include <stddef.h>

/* Regularised lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a),
 * for a > 0 and x >= 0. */
double stats_gammp(double a, double x);
/* The x >= 0 with P(a, x) = p, for a > 0 and 0 < p < 1. */
double stats_gammpinv(double a, double p);
/* The standard normal quantile: z with Phi(z) = p, 0 < p < 1. */
double stats_normq(double p);

/* Two-sided confidence limits for the mean of a Poisson count k >= 0
 * at confidence conf (0.95 for 95 %). Exact (Garwood):
 *   lo = chi2(alpha/2; 2k) / 2 (0 when k is 0),
 *   hi = chi2(1 - alpha/2; 2k + 2) / 2. */
void stats_pois_exact(long long k, double conf, double *lo, double *hi);
/* Byar's approximation, z the normal quantile of 1 - alpha/2:
 *   lo = k (1 - 1/(9k) - z/(3 sqrt k))^3,
 *   hi = (k+1) (1 - 1/(9(k+1)) + z/(3 sqrt(k+1)))^3. */
void stats_pois_byar(long long k, double conf, double *lo, double *hi);
/* Byar's for k >= STATS_BYAR_MIN, exact below. */
#define STATS_BYAR_MIN 10
void stats_pois_ci(long long k, double conf, double *lo, double *hi);

/* Regularised incomplete beta I_x(a, b), a, b > 0, 0 <= x <= 1, and
 * the x with I_x(a, b) = p, 0 < p < 1. */
double stats_betai(double a, double b, double x);
double stats_betainv(double a, double b, double p);

/* Binomial(n, p): the probability of exactly k, of at most k, and of at
 * least k. */
double stats_binom_pmf(long long k, long long n, double p);
double stats_binom_cdf(long long k, long long n, double p);
double stats_binom_sf(long long k, long long n, double p);
/* The exact two-sided binomial test of k successes in n trials against
 * p, 0 < p < 1: the probability of every outcome no more likely than k
 * (relative tolerance 1e-7), as R's binom.test() and SciPy's
 * binomtest() compute it. 1 when n is 0; 0 below STATS_PMIN, as for
 * stats_fisher(). */
#define STATS_PMIN 1e-300 /* a p-value below it is 0: its digits are lost */
double stats_binom_test(long long k, long long n, double p);
/* Exact (Clopper-Pearson) and Wilson score limits for the proportion
 * k / n, n >= 1, 0 <= k <= n, at confidence conf. */
void stats_binom_exact(long long k, long long n, double conf, double *lo,
    double *hi);
void stats_wilson(long long k, long long n, double conf, double *lo,
    double *hi);

/* The exact conditional comparison of two Poisson rates, count c1 over
 * exposure e1 against c2 over e2 (e > 0): given n = c1 + c2, c1 is
 * Binomial(n, e1 / (e1 + e2)) when the rates are equal. *p is the
 * two-sided p-value of stats_binom_test(); *lo and *hi the limits of the
 * rate ratio (c1 / e1) / (c2 / e2) from the exact limits of c1 / n, as R's
 * poisson.test() gives them (*hi is HUGE_VAL when c2 is 0). Returns -1,
 * and sets nothing, when n is 0 (nothing to test) or past 2^53 (a count
 * a double cannot hold exactly). */
int stats_pois_ratio(long long c1, double e1, long long c2, double e2,
    double conf, double *p, double *lo, double *hi);

/* Fisher's exact test of two proportions k1 / n1 against k2 / n2 (the
 * 2 x 2 table k1, n1 - k1; k2, n2 - k2): given its margins, k1 is
 * hypergeometric when the proportions are equal; *p is the two-sided
 * p-value, the probability of every table no more likely than the one
 * seen (relative tolerance 1e-7), as R's fisher.test() and SciPy's
 * fisher_exact() compute it; 0 below STATS_PMIN. Returns -1, and sets
 * nothing, when a k is below 0 or above its n, or n1 + n2 is 0 or past
 * 2^53. */
int stats_fisher(long long k1, long long n1, long long k2, long long n2,
    double *p);
/* Katz's log interval for the ratio of two proportions (k1 / n1) /
 * (k2 / n2) at confidence conf: exp(log ratio -+ z sqrt(1/k1 - 1/n1 +
 * 1/k2 - 1/n2)) (Katz, Baptista, Azen and Pike, Biometrics 34, 1978), as
 * SciPy's relative_risk() gives it. Returns -1, and sets nothing, unless
 * 0 < k <= n for both. */
int stats_ratio_katz(long long k1, long long n1, long long k2, long long n2,
    double conf, double *lo, double *hi);
/* The exact Poisson control limit of a funnel plot at probability p
 * (0.025 and 0.975 for 95 %, 0.001 and 0.999 for 99.8 %) for expected
 * count e > 0, as a count: the Poisson(e) quantile r (the least r with
 * F(r) >= p) less (F(r) - p) / (F(r) - F(r - 1)), the interpolation that
 * makes the limits a smooth line; never below 0 (Spiegelhalter 2005,
 * "Funnel plots for comparing institutional performance", appendix). */
double stats_pois_limit(double e, double p);

/* Quantile p of the sorted x[0..n), n >= 1, by linear interpolation
 * between order statistics: h = (n - 1) p, x[floor h] + (h - floor h) *
 * (x[floor h + 1] - x[floor h]); R's type 7, Excel's QUARTILE.INC. */
double stats_quantile(const double *x, size_t n, double p);

#endif
