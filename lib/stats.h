/* stats: Poisson confidence limits and quantiles for msgrank.
 *
 * The special functions are written here on top of libm's lgamma() and
 * erfc() because no library sapipe already links provides them:
 * the regularised incomplete gamma function and its inverse (which give
 * the chi-square quantiles of the exact Poisson limits) and the inverse
 * of the standard normal distribution (Byar's z). */
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

/* Quantile p of the sorted x[0..n), n >= 1, by linear interpolation
 * between order statistics: h = (n - 1) p, x[floor h] + (h - floor h) *
 * (x[floor h + 1] - x[floor h]); R's type 7, Excel's QUARTILE.INC. */
double stats_quantile(const double *x, size_t n, double p);

#endif
