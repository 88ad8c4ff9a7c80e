# The funnel plot's exact Poisson control limits (lib/stats.h,
# stats_pois_limit) against SciPy's Poisson quantile and distribution
# function, for expected counts from tiny (0.01, 0.5: the lower limits
# are 0) to large (3000, 100000: close to the normal ones), at the four
# probabilities of the 95 % and 99.8 % limits.
py=""
for p in /usr/bin/python3 python3; do
	"$p" -c 'import scipy' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { echo "no python3 with scipy (python3-scipy)"; exit 77; }
args=""
for e in 0.01 0.5 1 3 7.25 30 151.3 3000 100000; do
	for p in 0.001 0.025 0.975 0.999; do
		args="$args $e $p"
	done
done
# shellcheck disable=SC2086
"$BUILD/unit/t_stats" $args | "$py" -c '
import sys
from scipy.stats import poisson
args = sys.argv[1:]
got = [float(l) for l in sys.stdin]
want = []
for e, p in zip(args[0::2], args[1::2]):
    e, p = float(e), float(p)
    r = poisson.ppf(p, e)
    f, f1 = poisson.cdf(r, e), poisson.cdf(r - 1, e)
    want.append(max(0.0, r - (f - p) / (f - f1)))
assert len(got) == len(want), (len(got), len(want))
bad = 0
for e, p, g, w in zip(args[0::2], args[1::2], got, want):
    if abs(g - w) > 1e-7 * max(1.0, w):
        print("E=%s p=%s: got %.10g, SciPy %.10g" % (e, p, g, w)); bad += 1
# the limits as rates, checked by hand: E = 30, 95 %: r = 20 and 41
print("%d limits checked, %d differ" % (len(got), bad))
sys.exit(bad != 0)
' $args
