# Figures near DBL_MAX: each is refused naming the row (exit 1), never
# printed as inf or nan; a group whose sum would overflow still has a
# mean.
big=17$(printf '%0307d' 0)
d=$(mktemp -d "$d/huge.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
fails=0
run() { # WANT-RC 'STDERR' ARGS...: run msgrank on h.csv
	want=$1 msg=$2
	shift 2
	msgrank "$@" "$d/h.csv" >"$d/out" 2>"$d/err"
	rc=$?
	[ "$rc" = "$want" ] || { echo "exit $rc, want $want"; cat "$d/err"; fails=1; }
	if [ -z "$msg" ]; then
		[ ! -s "$d/err" ] || { echo "unexpected stderr"; cat "$d/err"; fails=1; }
	else
		grep -qF -- "$msg" "$d/err" || { echo "stderr lacks '$msg'"; cat "$d/err"; fails=1; }
	fi
	! grep -qi 'inf\|nan' "$d/out" || { echo "inf or nan printed"; fails=1; }
}
printf 'area,category,period,count,rate\nA,x,2016,5,%s\nB,x,2016,0,%s\n' "$big" "$big" >"$d/h.csv"
run 1 "h.csv:2: area 'A': its upper limit is out of range"
printf 'area,category,period,count,change_pct,prev_count\nA,x,2016,5,%s,3\nB,x,2016,5,-%s,4\n' "$big" "$big" >"$d/h.csv"
run 1 "area 'B': its group lower quartile is out of range" --by change_pct
printf 'area,category,period,count,population\nA,x,2016,900000000000000000,0.%0300d1\n' 0 >"$d/h.csv"
run 1 "h.csv:2: area 'A': its rate is out of range"
# Two rates of 1.7e308 with counts of 0: the mean is 1.7e308, not inf.
printf 'area,category,period,count,rate\nA,x,2016,0,%s\nB,x,2016,0,%s\n' "$big" "$big" >"$d/h.csv"
run 0 ""
[ "$(sed -n 2p "$d/out" | cut -d, -f9)" = "$big.00" ] || { echo "mean: $(sed -n 2p "$d/out" | cut -d, -f9)"; fails=1; }
exit $fails
